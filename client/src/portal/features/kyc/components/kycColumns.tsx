import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { graphql, type FragmentType, getFragmentData } from '../../../../gql';
import type { KycCaseRowFragment } from '../../../../gql/graphql';
import { formatDateTime, timeAgo } from '../../../../shared/format';
import type { Column } from '../../../../shared/ui/DataTable';
import { urls } from '../../../urls';
import { KYC_SUBJECT_LABEL } from '../kycLabels';
import { KycStatusChip } from './KycStatusChip';

/** The fields a case row shows; the list page spreads this into its query. */
export const KYC_CASE_ROW_FRAGMENT = graphql(`
  fragment KycCaseRow on KycCase {
    id
    subjectKind
    subjectName
    status
    createdAt
    updatedAt
    documents(first: 1) {
      totalCount
    }
  }
`);

export type KycSortField = 'createdAt' | 'updatedAt' | 'subjectName';

export function kycRows(nodes: readonly FragmentType<typeof KYC_CASE_ROW_FRAGMENT>[] | undefined): readonly KycCaseRowFragment[] | undefined {
  return nodes ? getFragmentData(KYC_CASE_ROW_FRAGMENT, nodes) : undefined;
}

export const kycColumns: readonly Column<KycCaseRowFragment, KycSortField>[] = [
  {
    id: 'subject',
    header: 'Subject',
    sortField: 'subjectName',
    render: (c) => (
      <Box sx={{ minWidth: 0 }}>
        {/* A real link: the row opens from the keyboard (Enter) and in a new tab; the row click is a convenience. */}
        <Link
          component={RouterLink}
          to={urls.kycCase(c.id)}
          onClick={(e) => e.stopPropagation()}
          color="text.primary"
          underline="hover"
          sx={{ display: 'block', fontWeight: 600, fontSize: '0.92rem', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: 420 }}
        >
          {c.subjectName}
        </Link>
        <Typography variant="body2" color="text.secondary">
          {KYC_SUBJECT_LABEL[c.subjectKind]} · {c.documents.totalCount} {c.documents.totalCount === 1 ? 'document' : 'documents'}
        </Typography>
      </Box>
    ),
  },
  { id: 'status', header: 'Status', render: (c) => <KycStatusChip status={c.status} />, width: 150 },
  {
    id: 'createdAt',
    header: 'Created',
    sortField: 'createdAt',
    hideBelow: 'sm',
    width: 140,
    render: (c) => (
      <Tooltip title={formatDateTime(c.createdAt)}>
        <Typography variant="body2" color="text.secondary">
          {timeAgo(c.createdAt)}
        </Typography>
      </Tooltip>
    ),
  },
  {
    id: 'updatedAt',
    header: 'Updated',
    sortField: 'updatedAt',
    hideBelow: 'md',
    width: 140,
    render: (c) => (
      <Tooltip title={formatDateTime(c.updatedAt)}>
        <Typography variant="body2" color="text.secondary">
          {timeAgo(c.updatedAt)}
        </Typography>
      </Tooltip>
    ),
  },
];
