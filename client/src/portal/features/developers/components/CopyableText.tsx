import ContentCopy from '@mui/icons-material/ContentCopy';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useRef, useState } from 'react';

export const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

/**
 * Copies with the Clipboard API; where it is refused (an insecure origin, a denied permission),
 * selects the text instead so that Ctrl+C / Cmd+C copies it.
 */
export async function copyOrSelect(text: string, element: HTMLElement | null): Promise<'copied' | 'selected'> {
  try {
    if (!navigator.clipboard) throw new Error('No clipboard');
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    if (element) {
      const range = document.createRange();
      range.selectNodeContents(element);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    }
    return 'selected';
  }
}

/** A value in monospace with a copy button (a secret, a code sample). */
export function CopyableText({ text, label, block = false, copyLabel = 'Copy' }: { text: string; label: string; block?: boolean; copyLabel?: string }) {
  const ref = useRef<HTMLElement>(null);
  const [result, setResult] = useState<'copied' | 'selected' | null>(null);
  return (
    <Box>
      <Box
        ref={ref}
        component={block ? 'pre' : 'code'}
        aria-label={label}
        data-testid={label}
        // A block scrolls sideways: keyboard users reach it (and scroll it) with Tab.
        tabIndex={block ? 0 : undefined}
        role={block ? 'region' : undefined}
        sx={{
          display: 'block',
          m: 0,
          p: 1.5,
          fontFamily: MONO,
          fontSize: '0.82rem',
          lineHeight: 1.55,
          bgcolor: '#0f172a',
          color: '#e2e8f0',
          borderRadius: 2,
          overflowX: 'auto',
          whiteSpace: block ? 'pre' : 'normal',
          wordBreak: block ? 'normal' : 'break-all',
          userSelect: 'all',
        }}
      >
        {text}
      </Box>
      <Stack direction="row" spacing={1.5} sx={{ mt: 1, alignItems: 'center' }}>
        <Button size="small" variant="outlined" startIcon={<ContentCopy fontSize="small" />} onClick={() => void copyOrSelect(text, ref.current).then(setResult)} aria-label={`${copyLabel}: ${label}`}>
          {copyLabel}
        </Button>
        {result && (
          <Typography variant="body2" role="status" color={result === 'copied' ? 'success.main' : 'text.secondary'}>
            {result === 'copied' ? 'Copied to the clipboard.' : 'Selected: press Ctrl+C (⌘C on a Mac) to copy.'}
          </Typography>
        )}
      </Stack>
    </Box>
  );
}
