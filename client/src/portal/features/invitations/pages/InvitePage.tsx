import LinkOff from '@mui/icons-material/LinkOff';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type FormEvent, useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import type { InvitationPreviewQuery } from '../../../../gql/graphql';
import { errorCodeOf, fieldErrorsOf, messageOf, reasonOf } from '../../../../shared/errors';
import { formatDateTime } from '../../../../shared/format';
import { useSession } from '../../../../shared/session';
import { urls } from '../../../urls';
import { AuthShell } from '../../auth/components/AuthShell';
import { checkNewPassword, type NewPasswordErrors, NewPasswordFields } from '../../auth/components/NewPasswordFields';
import { useAcceptInvitation, useInvitationPreview } from '../hooks/useInvitation';

type Preview = InvitationPreviewQuery['invitationPreview'];

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** An unknown, used, revoked or expired token: one clear message, whichever it was. */
function InvalidInvitation() {
  return (
    <AuthShell title="This invitation is no longer valid">
      <Box role="status">
        <Box sx={{ width: 56, height: 56, borderRadius: '16px', bgcolor: '#fef2f2', color: 'error.main', display: 'grid', placeItems: 'center', mb: 2 }}>
          <LinkOff />
        </Box>
        <Typography sx={{ mb: 3 }} color="text.secondary">
          It may have expired, been revoked, or already been used. Ask the person who invited you to send a new invitation.
        </Typography>
      </Box>
      <Button component={RouterLink} to={urls.login()} variant="contained">
        Go to sign in
      </Button>
    </AuthShell>
  );
}

function Waiting({ label }: { label: string }) {
  return (
    <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 1.5, py: 2 }}>
      <CircularProgress size={22} aria-label={label} />
      <Typography color="text.secondary">{label}</Typography>
    </Box>
  );
}

/** Who is invited where, as what, and until when. */
function InvitationSummary({ preview }: { preview: Preview }) {
  return (
    <Box sx={{ mb: 3, p: 2, borderRadius: 2, bgcolor: '#f8fafc', border: 1, borderColor: 'divider' }}>
      <Typography variant="body2" color="text.secondary">
        Invitation for
      </Typography>
      <Typography sx={{ fontWeight: 650, wordBreak: 'break-all' }}>{preview.email}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        Role <strong style={{ textTransform: 'capitalize' }}>{preview.roleName}</strong> · valid until {formatDateTime(preview.expiresAt)}
      </Typography>
    </Box>
  );
}

/**
 * The invitation link. A new email sets a name and password and is signed in to the tenant at
 * once; an email with an account joins after signing in as that user (no second password).
 */
export function InvitePage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  // Once accepted, the token is spent: stop asking about it (a refetch would say NOT_FOUND).
  const [accepted, setAccepted] = useState(false);
  const preview = useInvitationPreview(token);
  const [accept, { loading: accepting }] = useAcceptInvitation();
  // Null until typed: the field starts with the name the inviter gave, if any.
  const [typedName, setName] = useState<string | null>(null);
  const name = typedName ?? preview.data?.invitationPreview.name ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<NewPasswordErrors & { name?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [gone, setGone] = useState(false);
  const [mustSignIn, setMustSignIn] = useState(false);
  const [signingOut, setSigningOut] = useState(false);

  const run = async (input: { token: string; name?: string; password?: string }) => {
    setError(null);
    try {
      const { data } = await accept({ variables: { input } });
      if (!data) throw new Error('The server did not answer.');
      setAccepted(true);
      await session.startSession(data.acceptInvitation);
      await navigate(urls.home(), { replace: true });
    } catch (err) {
      setAccepted(false);
      const e = err instanceof Error ? err : null;
      const fields = fieldErrorsOf(e);
      if (errorCodeOf(e) === 'NOT_FOUND' || fields.token) setGone(true);
      else if (reasonOf(e) === 'SIGN_IN_TO_ACCEPT') setMustSignIn(true);
      else {
        setErrors({ name: fields.name, password: fields.password ?? fields.newPassword });
        setError(messageOf(e));
      }
    }
  };

  const onCreateAccount = async (event: FormEvent) => {
    event.preventDefault();
    const found: NewPasswordErrors & { name?: string } = checkNewPassword(password, confirm);
    if (!name.trim()) found.name = 'Tell your colleagues who you are.';
    setErrors(found);
    setError(null);
    if (Object.keys(found).length) return;
    await run({ token, name: name.trim(), password });
  };

  const signOutHere = async () => {
    setSigningOut(true);
    try {
      await session.logout();
    } finally {
      setSigningOut(false);
    }
  };

  if (gone || errorCodeOf(preview.error) === 'NOT_FOUND') return <InvalidInvitation />;

  if (accepted) {
    return (
      <AuthShell title="Joining…">
        <Waiting label="Signing you in" />
      </AuthShell>
    );
  }

  if (preview.error && !preview.data) {
    return (
      <AuthShell title="Could not open this invitation">
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {messageOf(preview.error)}
        </Alert>
        <Button variant="contained" onClick={() => void preview.refetch()}>
          Try again
        </Button>
      </AuthShell>
    );
  }

  const invitation = preview.data?.invitationPreview;
  if (!invitation) {
    return (
      <AuthShell title="Opening your invitation">
        <Waiting label="Loading the invitation" />
      </AuthShell>
    );
  }

  const title = `Join ${invitation.tenantName}`;
  const subtitle = `You have been invited to work with ${invitation.tenantName} on Atrium.`;
  const errorAlert = error && (
    <Alert severity="error" role="alert" sx={{ mb: 2 }}>
      {error}
    </Alert>
  );

  if (session.status === 'loading') {
    return (
      <AuthShell title={title} subtitle={subtitle}>
        <InvitationSummary preview={invitation} />
        <Waiting label="Checking who is signed in" />
      </AuthShell>
    );
  }

  const me = session.me;
  if (me && !sameEmail(me.user.email, invitation.email)) {
    return (
      <AuthShell title={title} subtitle={subtitle}>
        <InvitationSummary preview={invitation} />
        <Alert severity="warning" sx={{ mb: 3 }}>
          You are signed in as <strong>{me.user.email}</strong>, but this invitation is for <strong>{invitation.email}</strong>. Sign out, then open it again as
          that person.
        </Alert>
        <Stack direction="row" spacing={1}>
          <Button variant="contained" disabled={signingOut} onClick={() => void signOutHere()}>
            {signingOut ? 'Signing out…' : 'Sign out and continue'}
          </Button>
          <Button component={RouterLink} to={urls.home()} color="inherit">
            Back to the portal
          </Button>
        </Stack>
      </AuthShell>
    );
  }

  if (me) {
    return (
      <AuthShell title={title} subtitle={subtitle}>
        <InvitationSummary preview={invitation} />
        {errorAlert}
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          You are signed in as <strong>{me.user.email}</strong>. Joining adds {invitation.tenantName} to your organisations and switches you to it.
        </Typography>
        <Button variant="contained" size="large" fullWidth disabled={accepting} onClick={() => void run({ token })}>
          {accepting ? 'Joining…' : `Join ${invitation.tenantName}`}
        </Button>
      </AuthShell>
    );
  }

  if (invitation.existingAccount || mustSignIn) {
    return (
      <AuthShell title={title} subtitle={subtitle}>
        <InvitationSummary preview={invitation} />
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          There is already an Atrium account for <strong>{invitation.email}</strong>. Sign in with it to accept; you will come back here.
        </Typography>
        <Button component={RouterLink} to={urls.login(urls.invite(token))} variant="contained" size="large" fullWidth>
          Sign in to accept
        </Button>
      </AuthShell>
    );
  }

  return (
    <AuthShell title={title} subtitle={`${subtitle} Choose your name and a password to create your account.`}>
      <InvitationSummary preview={invitation} />
      {errorAlert}
      <Box component="form" noValidate onSubmit={(e) => void onCreateAccount(e)}>
        <Stack spacing={2.25}>
          <TextField
            label="Your name"
            name="name"
            autoComplete="name"
            autoFocus
            fullWidth
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={Boolean(errors.name)}
            helperText={errors.name ?? 'How your colleagues will see you.'}
            slotProps={{ htmlInput: { maxLength: 200 } }}
          />
          <NewPasswordFields password={password} confirm={confirm} onPassword={setPassword} onConfirm={setConfirm} errors={errors} label="Password" />
          <Button type="submit" variant="contained" size="large" disabled={accepting} fullWidth>
            {accepting ? 'Creating your account…' : 'Create account and join'}
          </Button>
        </Stack>
      </Box>
    </AuthShell>
  );
}
