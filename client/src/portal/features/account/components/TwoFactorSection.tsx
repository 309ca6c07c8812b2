import ContentCopy from '@mui/icons-material/ContentCopy';
import Download from '@mui/icons-material/Download';
import Shield from '@mui/icons-material/ShieldOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { QRCodeSVG } from 'qrcode.react';
import { type FormEvent, useState } from 'react';
import { errorCodeOf, fieldErrorsOf, messageOf } from '../../../../shared/errors';
import { useSession } from '../../../../shared/session';
import { normaliseCode } from '../../../../shared/codes';
import { useBeginTotpEnrollment, useConfirmTotpEnrollment, useDisableTotp } from '../hooks/useSecurity';

type Phase = { kind: 'idle' } | { kind: 'enrolling'; secret: string; otpauthUrl: string } | { kind: 'codes'; codes: readonly string[] } | { kind: 'disabling' };

/** "JBSWY3DPEHPK3PXP" as "JBSW Y3DP EHPK 3PXP", easier to type into an app by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

const asError = (err: unknown) => (err instanceof Error ? err : null);

/** A wrong code (BAD_USER_INPUT naming `code`): the server's full sentence, shown on the code field. */
function codeErrorOf(err: Error | null): string | null {
  if (errorCodeOf(err) !== 'BAD_USER_INPUT') return null;
  return messageOf(err) || fieldErrorsOf(err).code || null;
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

function downloadText(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/** The ten recovery codes, once: copy, download, and an explicit "I saved them". */
function RecoveryCodes({ codes, onDone, email }: { codes: readonly string[]; onDone: () => void; email: string }) {
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const text = `Atrium recovery codes for ${email}\nEach code works once, in place of a code from your authenticator app.\n\n${codes.join('\n')}\n`;
  return (
    <Box>
      <Alert severity="success" sx={{ mb: 2 }}>
        Two-factor sign-in is on.
      </Alert>
      <Typography variant="h5" component="h3" gutterBottom>
        Save your recovery codes
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        If you lose your phone, each of these codes signs you in once. They are shown <strong>only now</strong>: keep them somewhere safe, such as a password
        manager.
      </Typography>
      <Box
        component="ul"
        aria-label="Recovery codes"
        sx={{ listStyle: 'none', m: 0, mb: 2, p: 2, display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, max-content)' }, columnGap: 6, rowGap: 1.25, bgcolor: '#f8fafc', border: 1, borderColor: 'divider', borderRadius: 2 }}
      >
        {codes.map((c) => (
          <Box component="li" key={c} sx={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: '0.95rem', textAlign: 'center', letterSpacing: '0.04em' }}>
            {c}
          </Box>
        ))}
      </Box>
      <Stack direction="row" spacing={1} sx={{ mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button variant="outlined" startIcon={<ContentCopy />} onClick={() => void copyText(text).then((ok) => setCopied(ok ? 'yes' : 'failed'))}>
          Copy
        </Button>
        <Button variant="outlined" startIcon={<Download />} onClick={() => downloadText('atrium-recovery-codes.txt', text)}>
          Download
        </Button>
        {copied && (
          <Typography variant="body2" color={copied === 'yes' ? 'success.main' : 'error.main'} role="status">
            {copied === 'yes' ? 'Copied to the clipboard.' : 'Copying is not allowed here; download them or write them down.'}
          </Typography>
        )}
      </Stack>
      <FormControlLabel control={<Checkbox checked={saved} onChange={(e) => setSaved(e.target.checked)} />} label="I saved my recovery codes somewhere safe" />
      <Box sx={{ mt: 1 }}>
        <Button variant="contained" disabled={!saved} onClick={onDone}>
          Done
        </Button>
      </Box>
    </Box>
  );
}

/**
 * Two-factor sign-in of the signed-in user: its status, set-up (QR code and the secret as text,
 * then a code from the app), the recovery codes shown once, and turning it off with a code.
 * `onFinished` runs after set-up is complete (the recovery codes saved) or after turning it off.
 */
export function TwoFactorSection({ onFinished }: { onFinished?: (enabled: boolean) => void }) {
  const session = useSession();
  const me = session.me;
  const [begin, beginning] = useBeginTotpEnrollment();
  const [confirmEnrollment, confirming] = useConfirmTotpEnrollment();
  const [disable, disabling] = useDisableTotp();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (!me) return null;
  const enabled = me.twoFactorEnabled;

  const reset = (next: Phase) => {
    setPhase(next);
    setCode('');
    setCodeError(null);
    setError(null);
  };

  const onBegin = async () => {
    setError(null);
    setNotice(null);
    try {
      const { data } = await begin();
      if (data) reset({ kind: 'enrolling', secret: data.beginTotpEnrollment.secret, otpauthUrl: data.beginTotpEnrollment.otpauthUrl });
    } catch (err) {
      // CONFLICT: it was turned on meanwhile (another tab); show the truth.
      if (errorCodeOf(asError(err)) === 'CONFLICT') await session.reloadMe();
      setError(messageOf(asError(err)));
    }
  };

  const onConfirm = async (event: FormEvent) => {
    event.preventDefault();
    const value = normaliseCode(code);
    setError(null);
    if (!/^\d{6}$/.test(value)) {
      setCodeError('Enter the 6-digit code your app shows now.');
      return;
    }
    setCodeError(null);
    try {
      const { data } = await confirmEnrollment({ variables: { code: value } });
      if (data) reset({ kind: 'codes', codes: data.confirmTotpEnrollment });
    } catch (err) {
      const e = asError(err);
      const onField = codeErrorOf(e);
      if (onField) setCodeError(onField);
      else setError(messageOf(e));
    }
  };

  const onSaved = async () => {
    // `me` is reloaded only now: a portal that required set-up lets the user in from here on.
    await session.reloadMe();
    reset({ kind: 'idle' });
    onFinished?.(true);
  };

  const onDisable = async (event: FormEvent) => {
    event.preventDefault();
    const value = normaliseCode(code);
    setError(null);
    if (!value) {
      setCodeError('Enter a code from your authenticator app, or a recovery code.');
      return;
    }
    setCodeError(null);
    try {
      await disable({ variables: { code: value } });
    } catch (err) {
      const e = asError(err);
      const onField = codeErrorOf(e);
      if (onField) setCodeError(onField);
      else setError(messageOf(e));
      return;
    }
    await session.reloadMe();
    reset({ kind: 'idle' });
    setNotice('Two-factor sign-in is off. Your recovery codes no longer work.');
    onFinished?.(false);
  };

  const codeField = (label: string, helper: string) => (
    <TextField
      label={label}
      name="code"
      autoComplete="one-time-code"
      autoFocus
      value={code}
      onChange={(e) => setCode(e.target.value)}
      error={Boolean(codeError)}
      helperText={codeError ?? helper}
      sx={{ maxWidth: 320 }}
      fullWidth
      slotProps={{ htmlInput: { maxLength: 32, spellCheck: false, autoCapitalize: 'none' } }}
    />
  );

  const statusChip = enabled ? <Chip size="small" color="success" label="On" /> : <Chip size="small" label="Off" variant="outlined" />;

  return (
    <Paper variant="outlined" sx={{ p: 3, borderRadius: 3 }} component="section" aria-labelledby="two-factor-heading">
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', mb: 2 }}>
        <Box sx={{ width: 44, height: 44, borderRadius: '12px', bgcolor: '#eef2ff', color: 'primary.main', display: 'grid', placeItems: 'center', flexShrink: 0 }}>
          <Shield />
        </Box>
        <Box sx={{ flex: 1 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography id="two-factor-heading" variant="h4">
              Two-factor sign-in
            </Typography>
            {phase.kind !== 'codes' && statusChip}
          </Stack>
          <Typography variant="body2" color="text.secondary">
            {enabled
              ? 'Signing in asks for a code from your authenticator app as well as your password.'
              : 'Protect your account with a code from an authenticator app (such as 1Password, Google Authenticator or Microsoft Authenticator) at sign-in.'}
          </Typography>
        </Box>
      </Box>

      {notice && (
        <Alert severity="info" sx={{ mb: 2 }} onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {error && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {error}
        </Alert>
      )}

      {phase.kind === 'idle' &&
        (enabled ? (
          <Button variant="outlined" color="error" onClick={() => reset({ kind: 'disabling' })}>
            Turn off
          </Button>
        ) : (
          <Button variant="contained" disabled={beginning.loading} onClick={() => void onBegin()}>
            {beginning.loading ? 'Preparing…' : 'Set up two-factor sign-in'}
          </Button>
        ))}

      {phase.kind === 'enrolling' && (
        <Box component="form" noValidate onSubmit={(e) => void onConfirm(e)}>
          <Box sx={{ display: 'flex', gap: 3, flexDirection: { xs: 'column', sm: 'row' }, alignItems: { sm: 'flex-start' } }}>
            <Box sx={{ p: 1.5, bgcolor: '#fff', border: 1, borderColor: 'divider', borderRadius: 2, alignSelf: 'flex-start', lineHeight: 0 }}>
              <QRCodeSVG value={phase.otpauthUrl} size={176} marginSize={0} title="QR code for your authenticator app" role="img" aria-label="QR code for your authenticator app" />
            </Box>
            <Stack spacing={2} sx={{ flex: 1, minWidth: 0 }}>
              <Box>
                <Typography sx={{ fontWeight: 600 }}>1. Scan the QR code with your authenticator app</Typography>
                <Typography variant="body2" color="text.secondary">
                  Cannot scan it? Enter this key in the app instead:
                </Typography>
                <Typography
                  aria-label="Secret key"
                  sx={{ mt: 0.5, fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: '1rem', letterSpacing: '0.05em', wordBreak: 'break-all', bgcolor: '#f8fafc', px: 1.25, py: 0.75, borderRadius: 1, border: 1, borderColor: 'divider' }}
                >
                  {groupSecret(phase.secret)}
                </Typography>
              </Box>
              <Box>
                <Typography sx={{ fontWeight: 600, mb: 1 }}>2. Enter the 6-digit code the app shows</Typography>
                {codeField('Code from the app', 'The code changes every 30 seconds.')}
              </Box>
              <Stack direction="row" spacing={1}>
                <Button type="submit" variant="contained" disabled={confirming.loading}>
                  {confirming.loading ? 'Checking…' : 'Turn on'}
                </Button>
                <Button onClick={() => reset({ kind: 'idle' })} disabled={confirming.loading} color="inherit">
                  Cancel
                </Button>
              </Stack>
            </Stack>
          </Box>
        </Box>
      )}

      {phase.kind === 'codes' && <RecoveryCodes codes={phase.codes} email={me.user.email} onDone={() => void onSaved()} />}

      {phase.kind === 'disabling' && (
        <Box component="form" noValidate onSubmit={(e) => void onDisable(e)}>
          <Stack spacing={2}>
            <Typography variant="body2" color="text.secondary">
              Enter a code from your authenticator app, or a recovery code, to turn two-factor sign-in off.
              {me.tenant ? ' If your organisation requires it, you will be asked to set it up again.' : ''}
            </Typography>
            {codeField('Code', '6 digits from the app, or a recovery code.')}
            <Stack direction="row" spacing={1}>
              <Button type="submit" variant="contained" color="error" disabled={disabling.loading}>
                {disabling.loading ? 'Turning off…' : 'Turn off two-factor'}
              </Button>
              <Button onClick={() => reset({ kind: 'idle' })} disabled={disabling.loading} color="inherit">
                Cancel
              </Button>
            </Stack>
          </Stack>
        </Box>
      )}
    </Paper>
  );
}
