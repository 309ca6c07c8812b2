import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { labelOf } from '../../tools/components/RunToolForm';

const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

type Primitive = string | number | boolean | null;
const isPrimitive = (v: unknown): v is Primitive => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function show(v: Primitive): string {
  if (v === null) return '—';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  return String(v);
}

/**
 * A run's input or output: a flat object as labelled values (what a person reads), anything
 * nested as formatted JSON that scrolls inside its box, never the page.
 */
export function JsonView({ value, label }: { value: unknown; label: string }) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return <Typography color="text.secondary">Empty.</Typography>;
    if (entries.every(([, v]) => isPrimitive(v))) {
      return (
        <Box component="dl" aria-label={label} sx={{ m: 0, display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'minmax(120px, max-content) minmax(0, 1fr)' }, columnGap: 3, rowGap: { xs: 0.25, sm: 1 } }}>
          {entries.map(([k, v]) => (
            <Box key={k} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" color="text.secondary" sx={{ mt: { xs: 1, sm: 0 } }}>
                {labelOf(k)}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0, fontWeight: 600, overflowWrap: 'anywhere', fontFamily: typeof v === 'string' && /^[A-Z0-9 .-]{6,}$/.test(v) ? MONO : undefined }}>
                {show(v as Primitive)}
              </Typography>
            </Box>
          ))}
        </Box>
      );
    }
  }
  return (
    <Box component="pre" aria-label={label} tabIndex={0} sx={{ m: 0, p: 1.5, bgcolor: '#f8fafc', border: 1, borderColor: 'divider', borderRadius: 2, fontFamily: MONO, fontSize: '0.8rem', overflow: 'auto', maxHeight: 420 }}>
      {JSON.stringify(value, null, 2)}
    </Box>
  );
}
