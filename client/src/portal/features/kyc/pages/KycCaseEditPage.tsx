import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { graphql } from '../../../../gql';
import { errorCodeOf, messageOf } from '../../../../shared/errors';
import { useCrumbLabel } from '../../../../shared/ui/layout/Breadcrumbs';
import { PageHeader } from '../../../../shared/ui/PageHeader';
import { EmptyState, ErrorState } from '../../../../shared/ui/StateViews';
import { urls } from '../../../urls';
import { KycDetailsForm } from '../components/KycDetailsForm';
import { type DetailErrors, detailErrorsOf, detailsInput, type KycDetailsValues, valuesOf } from '../components/kycDetails';
import { useUpdateKycCase } from '../hooks/useKycMutations';
import { KYC_STATUS_LABEL } from '../kycLabels';

const KYC_CASE_EDIT_QUERY = graphql(`
  query KycCaseEdit($id: ID!) {
    kycCase(id: $id) {
      id
      version
      status
      subjectKind
      subjectName
      availableActions
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
    }
  }
`);

const NO_ERRORS: DetailErrors = {};

export function KycCaseEditPage() {
  const { caseId = '' } = useParams();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(KYC_CASE_EDIT_QUERY, { variables: { id: caseId }, fetchPolicy: 'network-only' });
  const [updateCase, update] = useUpdateKycCase();
  const [serverErrors, setServerErrors] = useState<DetailErrors>(NO_ERRORS);
  const [formError, setFormError] = useState<string | null>(null);
  const kycCase = data?.kycCase;
  useCrumbLabel(kycCase ? kycCase.subjectName : null);

  if (!kycCase) {
    if (loading) return <Skeleton variant="rounded" height={320} aria-busy />;
    if (error && errorCodeOf(error) !== 'NOT_FOUND') return <ErrorState message={messageOf(error)} onRetry={() => void refetch()} />;
    return <EmptyState title="Case not found" description="It may belong to another organisation." action={<Button component={RouterLink} to={urls.kyc()} variant="contained">Back to identity checks</Button>} />;
  }

  const back = (
    <Button component={RouterLink} to={urls.kycCase(kycCase.id)} color="inherit">
      Cancel
    </Button>
  );

  if (!kycCase.availableActions.includes('EDIT')) {
    return (
      <Box sx={{ maxWidth: 860 }}>
        <PageHeader title={`Edit ${kycCase.subjectName}`} />
        <Alert severity="info" action={back}>
          This case is {KYC_STATUS_LABEL[kycCase.status].toLowerCase()}: its details can no longer be changed.
        </Alert>
      </Box>
    );
  }

  const save = async (values: KycDetailsValues) => {
    setFormError(null);
    try {
      await updateCase({ variables: { input: { id: kycCase.id, version: kycCase.version, ...detailsInput(kycCase.subjectKind, values) } } });
      await navigate(urls.kycCase(kycCase.id));
    } catch (err) {
      const e = err instanceof Error ? err : null;
      const fields = detailErrorsOf(e);
      setServerErrors(fields);
      if (Object.keys(fields).length) return setFormError('Some details need correcting: see the fields marked below.');
      setFormError(errorCodeOf(e) === 'CONFLICT' ? `${messageOf(e)} Your changes are still in the form; reload to see the others' first.` : messageOf(e));
    }
  };

  return (
    <Box sx={{ maxWidth: 860 }}>
      <PageHeader title={`Edit ${kycCase.subjectName}`} subtitle="Change the details; documents are managed on the case page." />
      <Paper variant="outlined" sx={{ p: { xs: 2.5, sm: 4 }, borderRadius: 3 }}>
        <KycDetailsForm
          kind={kycCase.subjectKind}
          initial={valuesOf(kycCase.person, kycCase.business)}
          submitLabel="Save details"
          busy={update.loading}
          formError={formError}
          serverErrors={serverErrors}
          onSubmit={(v) => void save(v)}
          cancel={back}
        />
      </Paper>
    </Box>
  );
}
