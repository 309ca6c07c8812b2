import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { graphql, type FragmentType, getFragmentData } from '../../../../gql';
import { formatDateTime } from '../../../../shared/format';
import { KYC_ACTION_LABEL, KYC_STATUS_LABEL } from '../kycLabels';

export const KYC_STATUS_CHANGE_FRAGMENT = graphql(`
  fragment KycStatusChangeItem on KycStatusChange {
    status
    previousStatus
    action
    changedAt
    message
    changedBy {
      id
      name
    }
  }
`);

/** The case's changes of state, newest first, as a timeline. */
export function KycStatusHistory({ changes }: { changes: readonly FragmentType<typeof KYC_STATUS_CHANGE_FRAGMENT>[] }) {
  const items = [...getFragmentData(KYC_STATUS_CHANGE_FRAGMENT, changes)].reverse();
  return (
    <Box component="ol" aria-label="Status history" sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {items.map((c, i) => (
        <Box component="li" key={`${c.changedAt}-${i}`} sx={{ position: 'relative', pl: 3, pb: i === items.length - 1 ? 0 : 2 }}>
          <Box aria-hidden sx={{ position: 'absolute', left: 4, top: 6, width: 10, height: 10, borderRadius: '50%', bgcolor: i === 0 ? 'primary.main' : '#cbd5e1' }} />
          {i !== items.length - 1 && <Box aria-hidden sx={{ position: 'absolute', left: 8, top: 18, bottom: 0, width: 2, bgcolor: '#e2e8f0' }} />}
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {c.action ? (KYC_ACTION_LABEL[c.action] ?? KYC_STATUS_LABEL[c.status]) : 'Case created'}
            {' · '}
            {KYC_STATUS_LABEL[c.status]}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {formatDateTime(c.changedAt)}
            {c.changedBy ? ` · ${c.changedBy.name}` : c.action && c.action !== 'SUBMIT' ? ' · Atrium compliance' : ''}
          </Typography>
          {c.message && (
            <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-wrap' }}>
              “{c.message}”
            </Typography>
          )}
        </Box>
      ))}
    </Box>
  );
}
