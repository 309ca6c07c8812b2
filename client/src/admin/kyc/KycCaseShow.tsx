import BadgeOutlined from '@mui/icons-material/BadgeOutlined';
import BusinessOutlined from '@mui/icons-material/BusinessOutlined';
import PersonOutline from '@mui/icons-material/PersonOutline';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Grid from '@mui/material/Grid';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ListButton, Show, TopToolbar, useRecordContext } from 'react-admin';
import type { KycAddressRecord, KycCaseRecord } from '../providers/kyc.provider';
import { DetailList, SectionTitle } from '../ui/DetailList';
import { formatDate, formatDateTime } from '../ui/format';
import { PersonCell } from '../ui/People';
import { TenantBadge } from '../ui/TenantBadge';
import { KycDocumentsCard } from './KycDocuments';
import { KycReviewCard } from './KycReviewCard';
import { KycStatusChip, nextStepOf, SUBJECT_KIND_LABEL } from './kycUi';

function KycCaseTitle() {
  const c = useRecordContext<KycCaseRecord>();
  return <span>{c ? `KYC: ${c.subjectName}` : 'KYC case'}</span>;
}

function AddressText({ address }: { address: KycAddressRecord | null }) {
  if (!address) return <Typography variant="body2" color="text.secondary">Not given</Typography>;
  return (
    <Box component="address" sx={{ fontStyle: 'normal' }}>
      {address.line1}
      {address.line2 && (
        <>
          <br />
          {address.line2}
        </>
      )}
      <br />
      {address.postalCode} {address.city}, {address.country}
    </Box>
  );
}

const orNone = (v: string | null) => v ?? <Typography component="span" variant="body2" color="text.secondary">Not given</Typography>;

/** The typed details of the subject: a person's or a business's. */
function SubjectDetails({ kycCase }: { kycCase: KycCaseRecord }) {
  const detail = kycCase.detail;
  return (
    <Card>
      <CardContent>
        <SectionTitle>
          {kycCase.subjectKind === 'PERSON' ? <PersonOutline fontSize="small" color="action" /> : <BusinessOutlined fontSize="small" color="action" />} {SUBJECT_KIND_LABEL[kycCase.subjectKind]}
        </SectionTitle>
        {!detail ? (
          <Skeleton variant="rounded" height={96} />
        ) : detail.person ? (
          <DetailList
            items={[
              { label: 'Full name', value: detail.person.fullName },
              { label: 'Date of birth', value: detail.person.dateOfBirth ? formatDate(detail.person.dateOfBirth) : orNone(null) },
              { label: 'Nationality', value: orNone(detail.person.nationality) },
              { label: 'Address', value: <AddressText address={detail.person.address} /> },
            ]}
          />
        ) : detail.business ? (
          <DetailList
            items={[
              { label: 'Legal name', value: detail.business.legalName },
              { label: 'Registration no.', value: orNone(detail.business.registrationNumber) },
              { label: 'Country', value: orNone(detail.business.country) },
              { label: 'VAT number', value: orNone(detail.business.vatNumber) },
              { label: 'Address', value: <AddressText address={detail.business.address} /> },
            ]}
          />
        ) : (
          <Typography color="text.secondary">No details given.</Typography>
        )}
        {detail?.customerMessage && (
          <Alert severity="info" variant="outlined" sx={{ mt: 2 }}>
            Last message to the customer: “{detail.customerMessage}”
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}

function KycCaseShowLayout() {
  const kycCase = useRecordContext<KycCaseRecord>();
  if (!kycCase) return null;
  return (
    <Stack spacing={2} sx={{ mt: 0.5 }}>
      <Card>
        <CardContent sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <Box sx={{ width: 52, height: 52, borderRadius: 3, bgcolor: '#f5f3ff', color: '#6d28d9', display: 'grid', placeItems: 'center', flexShrink: 0 }}>
            <BadgeOutlined />
          </Box>
          <Box sx={{ flex: 1, minWidth: 200 }}>
            <Typography variant="h1" sx={{ fontSize: { xs: '1.35rem', sm: '1.6rem' }, wordBreak: 'break-word' }}>
              {kycCase.subjectName}
            </Typography>
            <Typography color="text.secondary">
              {SUBJECT_KIND_LABEL[kycCase.subjectKind]} · {kycCase.tenant.name} · {nextStepOf(kycCase)}
            </Typography>
          </Box>
          <KycStatusChip status={kycCase.status} />
        </CardContent>
      </Card>
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <Stack spacing={2}>
            <SubjectDetails kycCase={kycCase} />
            <KycDocumentsCard kycCase={kycCase} />
          </Stack>
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <Stack spacing={2}>
            <KycReviewCard kycCase={kycCase} />
            <Card>
              <CardContent>
                <SectionTitle>Case</SectionTitle>
                <DetailList
                  items={[
                    { label: 'Tenant', value: <TenantBadge tenant={kycCase.tenant} showSlug /> },
                    { label: 'Opened by', value: <PersonCell person={kycCase.createdBy} showEmail /> },
                    { label: 'Opened', value: formatDateTime(kycCase.createdAt) },
                    { label: 'Submitted', value: kycCase.submittedAt ? formatDateTime(kycCase.submittedAt) : 'Not yet' },
                    { label: 'Last change', value: formatDateTime(kycCase.updatedAt) },
                  ]}
                />
              </CardContent>
            </Card>
          </Stack>
        </Grid>
      </Grid>
    </Stack>
  );
}

/** One KYC case: the subject's details, its documents inline, and the four-eyes review. */
export function KycCaseShow() {
  return (
    <Show
      title={<KycCaseTitle />}
      component="div"
      actions={
        <TopToolbar>
          <ListButton label="Review queue" />
        </TopToolbar>
      }
    >
      <KycCaseShowLayout />
    </Show>
  );
}
