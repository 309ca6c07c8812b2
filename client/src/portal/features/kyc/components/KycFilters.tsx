import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { ListParams } from '../../../../shared/ui/useListParams';
import { KYC_STATUS_LABEL, KYC_STATUSES } from '../kycLabels';
import type { KycSortField } from './kycColumns';

export type KycFilterKey = 'status';

/** The state filter; each change lands in the URL. */
export function KycFilters({ params }: { params: ListParams<KycSortField, KycFilterKey> }) {
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, maxWidth: '100%', minWidth: 0 }}>
        <Typography variant="body2" color="text.secondary" id="kyc-filter-status">
          Status
        </Typography>
        <ToggleButtonGroup size="small" value={params.filters.status} onChange={(_e, v: string[]) => params.setFilter('status', v)} aria-labelledby="kyc-filter-status" sx={{ overflowX: 'auto' }}>
          {KYC_STATUSES.map((s) => (
            <ToggleButton key={s} value={s} sx={{ px: 1.25, py: 0.4, textTransform: 'none', fontWeight: 600, whiteSpace: 'nowrap' }}>
              {KYC_STATUS_LABEL[s]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      {params.hasFilters && (
        <Button size="small" onClick={params.clearFilters}>
          Clear filters
        </Button>
      )}
    </Box>
  );
}
