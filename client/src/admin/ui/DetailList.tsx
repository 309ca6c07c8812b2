import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/** Label/value rows for a details card. */
export function DetailList({ items }: { items: { label: string; value: ReactNode }[] }) {
  return (
    <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'minmax(110px, auto) 1fr', columnGap: 2, rowGap: 1.5, alignItems: 'center' }}>
      {items.map(({ label, value }) => (
        <Box key={label} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {label}
          </Typography>
          <Box component="dd" sx={{ m: 0, minWidth: 0, fontSize: '0.875rem' }}>
            {value}
          </Box>
        </Box>
      ))}
    </Box>
  );
}

/** A card section title with an optional count and action on the right. */
export function SectionTitle({ children, count, action }: { children: ReactNode; count?: number; action?: ReactNode }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', mb: 1.5, gap: 1 }}>
      <Typography variant="h6" component="h2" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        {children}
        {count !== undefined && (
          <Box component="span" sx={{ fontSize: '0.75rem', fontWeight: 700, color: 'text.secondary', bgcolor: '#f1f5f9', px: 0.9, py: 0.1, borderRadius: 5 }}>
            {count}
          </Box>
        )}
      </Typography>
      {action}
    </Box>
  );
}

export const mono = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: '0.8rem' } as const;
