import Add from '@mui/icons-material/Add';
import Button from '@mui/material/Button';
import { useQuery } from '@apollo/client/react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { graphql } from '../../../../gql';
import type { KycCaseOrderField, SortDirection } from '../../../../gql/graphql';
import { useSession } from '../../../../shared/session';
import { DataTable } from '../../../../shared/ui/DataTable';
import { PageHeader } from '../../../../shared/ui/PageHeader';
import { useListParams } from '../../../../shared/ui/useListParams';
import { urls } from '../../../urls';
import { kycColumns, kycRows, type KycSortField } from '../components/kycColumns';
import { type KycFilterKey, KycFilters } from '../components/KycFilters';
import { isKycStatus } from '../kycLabels';

const KYC_CASE_LIST_QUERY = graphql(`
  query KycCaseList($first: Int, $after: String, $last: Int, $before: String, $filter: KycCaseFilter, $orderBy: KycCaseOrder) {
    kycCases(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        ...KycCaseRow
      }
    }
  }
`);

const SORT_FIELDS: readonly KycSortField[] = ['createdAt', 'updatedAt', 'subjectName'];
const DEFAULT_SORT = { field: 'createdAt', direction: 'desc' } as const;
const FILTER_KEYS: readonly KycFilterKey[] = ['status'];
const ORDER_FIELD: Record<KycSortField, KycCaseOrderField> = { createdAt: 'CREATED_AT', updatedAt: 'UPDATED_AT', subjectName: 'SUBJECT_NAME' };

export function KycCaseListPage() {
  const session = useSession();
  const navigate = useNavigate();
  const params = useListParams<KycSortField, KycFilterKey>({ sortFields: SORT_FIELDS, defaultSort: DEFAULT_SORT, filterKeys: FILTER_KEYS });
  const status = params.filters.status.filter(isKycStatus);
  const { data, previousData, loading, error, refetch } = useQuery(KYC_CASE_LIST_QUERY, {
    variables: {
      ...params.page,
      filter: status.length ? { status } : {},
      orderBy: { field: ORDER_FIELD[params.sort.field], direction: params.sort.direction.toUpperCase() as SortDirection },
    },
    notifyOnNetworkStatusChange: true,
  });
  const connection = (data ?? previousData)?.kycCases;
  const canCreate = session.can('kyc:write');
  const createButton = canCreate ? (
    <Button component={RouterLink} to={urls.kycNew()} variant="contained" startIcon={<Add />}>
      New case
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title="Identity checks (KYC)" subtitle="Verify the people and businesses you work with: add their details and documents, then submit them for review." actions={createButton} />
      <DataTable
        label="Cases"
        columns={kycColumns}
        rows={kycRows(connection?.nodes)}
        rowKey={(c) => c.id}
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        params={params}
        pageInfo={connection?.pageInfo}
        totalCount={connection?.totalCount}
        onRowClick={(c) => void navigate(urls.kycCase(c.id))}
        toolbar={<KycFilters params={params} />}
        empty={
          params.hasFilters
            ? { title: 'No cases match these filters', description: 'Try other statuses, or clear the filters to see every case.', action: <Button onClick={params.clearFilters}>Clear filters</Button> }
            : {
                title: 'No identity checks yet',
                description: canCreate ? 'Start a case for a person or a business, upload their documents and submit it for review.' : 'Identity checks started by your organisation will show here.',
                action: createButton,
              }
        }
      />
    </>
  );
}
