import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { MONO } from '../../developers/components/CopyableText';

type Json = unknown;

const isRecord = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

function show(value: Json): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * An audit entry's diff: a before → after table for { before, after } and the other keys
 * (details such as the message a ticket came from) below it as plain values.
 */
export function ChangeDiff({ diff }: { diff: Json }) {
  if (!isRecord(diff)) {
    return (
      <Typography variant="body2" color="text.secondary">
        No recorded changes.
      </Typography>
    );
  }
  const before = isRecord(diff.before) ? diff.before : {};
  const after = isRecord(diff.after) ? diff.after : {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const details = Object.entries(diff).filter(([k]) => k !== 'before' && k !== 'after');
  const cell = { fontFamily: MONO, fontSize: '0.8rem', wordBreak: 'break-word', py: 0.75, px: 1, borderTop: 1, borderColor: 'divider' } as const;
  return (
    <Box>
      {keys.length > 0 && (
        <Box component="table" sx={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }} aria-label="Changes">
          <thead>
            <tr>
              {['Field', 'Before', 'After'].map((h) => (
                <Box component="th" key={h} scope="col" sx={{ textAlign: 'left', fontSize: '0.75rem', fontWeight: 700, color: 'text.secondary', px: 1, pb: 0.5 }}>
                  {h}
                </Box>
              ))}
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k}>
                <Box component="th" scope="row" sx={{ ...cell, textAlign: 'left', fontWeight: 600, fontFamily: 'inherit' }}>
                  {k}
                </Box>
                <Box component="td" sx={{ ...cell, color: '#991b1b', bgcolor: k in before ? '#fef2f2' : undefined }}>
                  {k in before ? show(before[k]) : '—'}
                </Box>
                <Box component="td" sx={{ ...cell, color: '#166534', bgcolor: k in after ? '#f0fdf4' : undefined }}>
                  {k in after ? show(after[k]) : '—'}
                </Box>
              </tr>
            ))}
          </tbody>
        </Box>
      )}
      {details.length > 0 && (
        <Box component="dl" sx={{ m: 0, mt: keys.length ? 1.5 : 0, display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 2, rowGap: 0.5 }}>
          {details.map(([k, v]) => (
            <Box key={k} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" color="text.secondary">
                {k}
              </Typography>
              <Typography component="dd" sx={{ m: 0, fontFamily: MONO, fontSize: '0.8rem', wordBreak: 'break-word' }}>
                {show(v)}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
      {keys.length === 0 && details.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          No recorded changes.
        </Typography>
      )}
    </Box>
  );
}
