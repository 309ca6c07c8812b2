import TextField from '@mui/material/TextField';

/** A day picked in a date field (YYYY-MM-DD, local time) as the instant it starts, or ends. */
export function dayBound(day: string | undefined, end: boolean): string | undefined {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const d = new Date(`${day}T00:00:00`);
  if (Number.isNaN(d.getTime())) return undefined;
  if (end) {
    d.setDate(d.getDate() + 1);
    d.setMilliseconds(-1);
  }
  return d.toISOString();
}

/** From and to date fields; each change goes into the URL through `onChange`. */
export function DateRangeFields({ from, to, onChange }: { from: string; to: string; onChange: (key: 'from' | 'to', day: string) => void }) {
  const sx = { minWidth: 150, flex: { sm: '0 0 160px' } };
  return (
    <>
      <TextField type="date" size="small" label="From" value={from} onChange={(e) => onChange('from', e.target.value)} slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: to || undefined } }} sx={sx} />
      <TextField type="date" size="small" label="To" value={to} onChange={(e) => onChange('to', e.target.value)} slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: from || undefined } }} sx={sx} />
    </>
  );
}
