import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { RESOURCES } from '../resource-names';
import { colourOf } from './format';
import { RecordLink } from './RecordLink';

/** A tenant as a small coloured square with its name (linking to it) and, optionally, its slug. */
export function TenantBadge({ tenant, showSlug = false, link = true }: { tenant: { id: string; name: string; slug: string } | null | undefined; showSlug?: boolean; link?: boolean }) {
  if (!tenant) {
    return (
      <Typography variant="body2" color="text.secondary">
        Platform
      </Typography>
    );
  }
  const name = link ? (
    <RecordLink resource={RESOURCES.tenants} id={tenant.id}>
      {tenant.name}
    </RecordLink>
  ) : (
    tenant.name
  );
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 0 }}>
      <Box
        aria-hidden
        sx={{ width: 22, height: 22, borderRadius: 1.5, bgcolor: colourOf(tenant.slug), color: '#fff', fontSize: 11, fontWeight: 800, display: 'grid', placeItems: 'center', flexShrink: 0 }}
      >
        {tenant.name[0]?.toUpperCase()}
      </Box>
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="body2" component="div" noWrap sx={{ fontWeight: 600 }}>
          {name}
        </Typography>
        {showSlug && (
          <Typography variant="caption" color="text.secondary" component="div" sx={{ fontFamily: 'ui-monospace, Menlo, monospace' }}>
            {tenant.slug}
          </Typography>
        )}
      </Box>
    </Box>
  );
}
