import Edit from '@mui/icons-material/EditOutlined';
import Send from '@mui/icons-material/SendOutlined';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@apollo/client/react';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { graphql } from '../../../../gql';
import { errorCodeOf, messageOf } from '../../../../shared/errors';
import { formatDateTime } from '../../../../shared/format';
import { useSession } from '../../../../shared/session';
import { useCrumbLabel } from '../../../../shared/ui/layout/Breadcrumbs';
import { EmptyState, ErrorState } from '../../../../shared/ui/StateViews';
import { urls } from '../../../urls';
import { KycDocumentList } from '../components/KycDocumentList';
import { KycDocumentUpload, type UploadAuth } from '../components/KycDocumentUpload';
import { KycStatusChip } from '../components/KycStatusChip';
import { KycStatusHistory } from '../components/KycStatusHistory';
import { DETAIL_LABEL, detailErrorsOf } from '../components/kycDetails';
import { useSubmitKycCase } from '../hooks/useKycMutations';
import { KYC_STATUS_HINT, KYC_SUBJECT_LABEL } from '../kycLabels';

const KYC_CASE_DETAIL_QUERY = graphql(`
  query KycCaseDetail($id: ID!) {
    kycCase(id: $id) {
      id
      version
      status
      subjectKind
      subjectName
      customerMessage
      createdAt
      submittedAt
      decidedAt
      availableActions
      createdBy {
        id
        name
      }
      person {
        fullName
        dateOfBirth
        nationality
        address {
          line1
          line2
          city
          postalCode
          country
        }
      }
      business {
        legalName
        registrationNumber
        country
        vatNumber
        address {
          line1
          line2
          city
          postalCode
          country
        }
      }
      documentUpload {
        path
        maxBytes
        contentTypes
      }
      documents(first: 100) {
        totalCount
        nodes {
          id
          ...KycDocumentItem
        }
      }
      statusHistory {
        ...KycStatusChangeItem
      }
    }
  }
`);

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Typography variant="overline" color="text.secondary" component="dt" sx={{ display: 'block', lineHeight: 1.8 }}>
        {label}
      </Typography>
      <Typography component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
        {children || <Box component="span" sx={{ color: 'text.secondary' }}>Not given</Box>}
      </Typography>
    </Box>
  );
}

function addressText(a: { line1: string; line2?: string | null; city: string; postalCode: string; country: string } | null | undefined): string {
  return a ? [a.line1, a.line2, `${a.postalCode} ${a.city}`, a.country].filter(Boolean).join(', ') : '';
}

const card = { p: { xs: 2, sm: 3 }, borderRadius: 3 } as const;

export function KycCaseDetailPage() {
  const { caseId = '' } = useParams();
  const session = useSession();
  const { data, loading, error, refetch } = useQuery(KYC_CASE_DETAIL_QUERY, { variables: { id: caseId }, notifyOnNetworkStatusChange: true });
  const [submitCase, submit] = useSubmitKycCase();
  const [submitError, setSubmitError] = useState<{ message: string; missing: string[]; conflict: boolean } | null>(null);
  const kycCase = data?.kycCase;
  useCrumbLabel(kycCase?.subjectName ?? null);

  const auth = useMemo<UploadAuth>(() => ({ token: () => session.store.validAccessToken(), renew: (t) => session.store.renew(t) }), [session.store]);
  const onUploaded = useCallback(() => void refetch(), [refetch]);

  if (!kycCase) {
    if (loading) {
      return (
        <Box aria-busy>
          <Skeleton variant="text" width="45%" height={48} />
          <Skeleton variant="rounded" height={220} sx={{ mt: 2 }} />
        </Box>
      );
    }
    if (error && errorCodeOf(error) !== 'NOT_FOUND') return <ErrorState message={messageOf(error)} onRetry={() => void refetch()} />;
    return (
      <EmptyState
        title="Case not found"
        description="It may have been removed, or it belongs to another organisation."
        action={
          <Button component={RouterLink} to={urls.kyc()} variant="contained">
            Back to identity checks
          </Button>
        }
      />
    );
  }

  const can = (a: 'EDIT' | 'UPLOAD' | 'SUBMIT') => kycCase.availableActions.includes(a);
  const doSubmit = async () => {
    setSubmitError(null);
    try {
      await submitCase({ variables: { input: { id: kycCase.id, version: kycCase.version } } });
    } catch (err) {
      const e = err instanceof Error ? err : null;
      const missing = Object.keys(detailErrorsOf(e)).map((f) => DETAIL_LABEL[f.split('.')[0] ?? f] ?? f);
      setSubmitError({ message: missing.length ? 'The case is not complete yet.' : messageOf(e), missing: [...new Set(missing)], conflict: errorCodeOf(e) === 'CONFLICT' });
    }
  };

  const p = kycCase.person;
  const b = kycCase.business;
  const docs = kycCase.documents.nodes;
  const defaultKind = kycCase.subjectKind === 'PERSON' ? 'PASSPORT' : 'COMPANY_REGISTRATION';

  return (
    <Box>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: 1 }}>
        <Typography variant="body2" color="text.secondary" sx={{ fontWeight: 600 }}>
          Identity check · {KYC_SUBJECT_LABEL[kycCase.subjectKind]}
        </Typography>
        <KycStatusChip status={kycCase.status} />
      </Box>
      <Box sx={{ display: 'flex', flexDirection: { xs: 'column', sm: 'row' }, alignItems: { sm: 'center' }, gap: 2, mb: 3 }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="h1" sx={{ overflowWrap: 'anywhere' }}>
            {kycCase.subjectName}
          </Typography>
          <Typography color="text.secondary" sx={{ mt: 0.5 }}>
            {KYC_STATUS_HINT[kycCase.status]}
          </Typography>
        </Box>
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', flexShrink: 0 }}>
          {can('EDIT') && (
            <Button component={RouterLink} to={urls.kycCaseEdit(kycCase.id)} variant="outlined" startIcon={<Edit />}>
              Edit details
            </Button>
          )}
          {can('SUBMIT') && (
            <Button variant="contained" startIcon={<Send />} onClick={() => void doSubmit()} disabled={submit.loading}>
              {submit.loading ? 'Submitting…' : kycCase.status === 'NEEDS_INFO' ? 'Submit again' : 'Submit for review'}
            </Button>
          )}
        </Box>
      </Box>

      <Stack spacing={2} sx={{ mb: 3 }}>
        {submitError && (
          <Alert
            severity="error"
            role="alert"
            onClose={() => setSubmitError(null)}
            action={
              submitError.conflict ? (
                <Button color="inherit" size="small" variant="outlined" onClick={() => void refetch().then(() => setSubmitError(null))}>
                  Reload case
                </Button>
              ) : undefined
            }
          >
            <AlertTitle>Not submitted</AlertTitle>
            {submitError.message}
            {submitError.missing.length > 0 && <> Still needed: {submitError.missing.join(', ')}.</>}
          </Alert>
        )}
        {kycCase.status === 'NEEDS_INFO' && kycCase.customerMessage && (
          <Alert severity="warning" role="status">
            <AlertTitle>Our compliance team needs more information</AlertTitle>
            <Box sx={{ whiteSpace: 'pre-wrap' }}>“{kycCase.customerMessage}”</Box>
            {can('SUBMIT') && <Box sx={{ mt: 1 }}>Correct the details or upload what is asked for below, then choose “Submit again”.</Box>}
          </Alert>
        )}
        {(kycCase.status === 'APPROVED' || kycCase.status === 'REJECTED') && kycCase.customerMessage && (
          <Alert severity={kycCase.status === 'APPROVED' ? 'success' : 'error'} role="status">
            {kycCase.customerMessage}
          </Alert>
        )}
      </Stack>

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) 340px' }, gap: 3, alignItems: 'start' }}>
        <Stack spacing={3} sx={{ minWidth: 0 }}>
          <Paper variant="outlined" sx={card} component="section" aria-labelledby="kyc-details-heading">
            <Typography variant="h3" component="h2" id="kyc-details-heading" sx={{ mb: 2 }}>
              Details
            </Typography>
            <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, gap: 2, m: 0 }}>
              {p && (
                <>
                  <Fact label="Full name">{p.fullName}</Fact>
                  <Fact label="Date of birth">{p.dateOfBirth}</Fact>
                  <Fact label="Nationality">{p.nationality}</Fact>
                  <Fact label="Home address">{addressText(p.address)}</Fact>
                </>
              )}
              {b && (
                <>
                  <Fact label="Legal name">{b.legalName}</Fact>
                  <Fact label="Registration number">{b.registrationNumber}</Fact>
                  <Fact label="Country of registration">{b.country}</Fact>
                  <Fact label="VAT number">{b.vatNumber}</Fact>
                  <Fact label="Registered address">{addressText(b.address)}</Fact>
                </>
              )}
            </Box>
          </Paper>

          <Paper variant="outlined" sx={card} component="section" aria-labelledby="kyc-documents-heading">
            <Typography variant="h3" component="h2" id="kyc-documents-heading" sx={{ mb: 1 }}>
              Documents ({kycCase.documents.totalCount})
            </Typography>
            <KycDocumentList documents={docs} canDelete={can('UPLOAD')} />
            {can('UPLOAD') && (
              <>
                <Divider sx={{ my: 2 }} />
                <Typography variant="h4" component="h3" sx={{ mb: 1.5 }}>
                  Add documents
                </Typography>
                <KycDocumentUpload rules={kycCase.documentUpload} auth={auth} defaultKind={defaultKind} onUploaded={onUploaded} />
              </>
            )}
          </Paper>
        </Stack>

        <Stack spacing={3} sx={{ minWidth: 0 }}>
          <Paper variant="outlined" sx={card} component="section" aria-labelledby="kyc-history-heading">
            <Typography variant="h3" component="h2" id="kyc-history-heading" sx={{ mb: 2 }}>
              Status history
            </Typography>
            <KycStatusHistory changes={kycCase.statusHistory} />
          </Paper>
          <Paper variant="outlined" sx={card} component="section" aria-label="About this case">
            <Box component="dl" sx={{ display: 'grid', gap: 1.5, m: 0 }}>
              <Fact label="Started by">{kycCase.createdBy.name}</Fact>
              <Fact label="Created">{formatDateTime(kycCase.createdAt)}</Fact>
              {kycCase.submittedAt && <Fact label="Last submitted">{formatDateTime(kycCase.submittedAt)}</Fact>}
              {kycCase.decidedAt && <Fact label="Decided">{formatDateTime(kycCase.decidedAt)}</Fact>}
            </Box>
          </Paper>
        </Stack>
      </Box>
    </Box>
  );
}
