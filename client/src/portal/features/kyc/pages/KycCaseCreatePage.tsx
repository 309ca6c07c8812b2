import Business from '@mui/icons-material/BusinessOutlined';
import Person from '@mui/icons-material/PersonOutline';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { KycSubjectKind } from '../../../../gql/graphql';
import { messageOf } from '../../../../shared/errors';
import { PageHeader } from '../../../../shared/ui/PageHeader';
import { urls } from '../../../urls';
import { KycDetailsForm } from '../components/KycDetailsForm';
import { type DetailErrors, detailErrorsOf, detailsInput, EMPTY_DETAILS, type KycDetailsValues } from '../components/kycDetails';
import { useCreateKycCase } from '../hooks/useKycMutations';

const NO_ERRORS: DetailErrors = {};

export function KycCaseCreatePage() {
  const navigate = useNavigate();
  const [createCase, { loading }] = useCreateKycCase();
  const [kind, setKind] = useState<KycSubjectKind>('PERSON');
  const [serverErrors, setServerErrors] = useState<DetailErrors>(NO_ERRORS);
  const [formError, setFormError] = useState<string | null>(null);

  const create = async (values: KycDetailsValues) => {
    setFormError(null);
    try {
      const { data } = await createCase({ variables: { input: { subjectKind: kind, ...detailsInput(kind, values) } } });
      if (data) await navigate(urls.kycCase(data.createKycCase.id));
    } catch (err) {
      const e = err instanceof Error ? err : null;
      const fields = detailErrorsOf(e);
      setServerErrors(fields);
      setFormError(Object.keys(fields).length ? 'Some details need correcting: see the fields marked below.' : messageOf(e));
    }
  };

  return (
    <Box sx={{ maxWidth: 860 }}>
      <PageHeader title="New identity check" subtitle="Start with the name; you can save a draft and complete the details and documents later." />
      <Paper variant="outlined" sx={{ p: { xs: 2.5, sm: 4 }, borderRadius: 3 }}>
        <KycDetailsForm
          key={kind}
          kind={kind}
          initial={EMPTY_DETAILS}
          submitLabel="Create draft"
          busy={loading}
          formError={formError}
          serverErrors={serverErrors}
          onSubmit={(v) => void create(v)}
          cancel={
            <Button component={RouterLink} to={urls.kyc()} color="inherit">
              Cancel
            </Button>
          }
        >
          <Box>
            <Typography variant="body2" color="text.secondary" id="kyc-kind" sx={{ mb: 1 }}>
              Who is verified?
            </Typography>
            <ToggleButtonGroup
              exclusive
              value={kind}
              onChange={(_e, v: KycSubjectKind | null) => {
                if (!v) return;
                setKind(v);
                setServerErrors(NO_ERRORS);
                setFormError(null);
              }}
              aria-labelledby="kyc-kind"
            >
              <ToggleButton value="PERSON" sx={{ textTransform: 'none', fontWeight: 600, gap: 1, px: 2 }}>
                <Person fontSize="small" aria-hidden /> A person
              </ToggleButton>
              <ToggleButton value="BUSINESS" sx={{ textTransform: 'none', fontWeight: 600, gap: 1, px: 2 }}>
                <Business fontSize="small" aria-hidden /> A business
              </ToggleButton>
            </ToggleButtonGroup>
          </Box>
        </KycDetailsForm>
      </Paper>
    </Box>
  );
}
