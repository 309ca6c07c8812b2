import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type FormEvent, type ReactNode, useState } from 'react';
import type { KycSubjectKind } from '../../../../gql/graphql';
import { type AddressValues, type DetailErrors, type KycDetailsValues, validateDetails } from './kycDetails';

const grid = { display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, gap: 2 } as const;

/**
 * The subject's typed details (a person or a business, with an optional address), checked here
 * with the server's rules before sending; the server's own field errors show beside the fields.
 * Only the name is needed for a draft; the rest is needed before submitting.
 */
export function KycDetailsForm({
  kind,
  initial,
  submitLabel,
  busy,
  formError,
  serverErrors,
  onSubmit,
  cancel,
  children,
}: {
  kind: KycSubjectKind;
  initial: KycDetailsValues;
  submitLabel: string;
  busy: boolean;
  formError: string | null;
  serverErrors: DetailErrors;
  onSubmit: (values: KycDetailsValues) => void;
  cancel: ReactNode;
  /** Above the fields (the kind picker, when creating). */
  children?: ReactNode;
}) {
  const [values, setValues] = useState<KycDetailsValues>(initial);
  const [local, setLocal] = useState<DetailErrors>({});
  const [shownServer, setShownServer] = useState(serverErrors);
  if (shownServer !== serverErrors) {
    // New errors from the server replace what was checked here.
    setShownServer(serverErrors);
    setLocal({});
  }
  const errors = { ...serverErrors, ...local };
  const set = (key: Exclude<keyof KycDetailsValues, 'address'>) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));
  const setAddress = (key: keyof AddressValues) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, address: { ...v.address, [key]: e.target.value } }));

  const field = (name: string, label: string, value: string, onChange: (e: { target: { value: string } }) => void, help: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField
      label={label}
      name={name}
      value={value}
      onChange={onChange}
      error={Boolean(errors[name])}
      helperText={errors[name] ?? help}
      fullWidth
      {...extra}
    />
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validateDetails(kind, values);
    setLocal(found);
    if (Object.keys(found).length === 0) onSubmit(values);
  };

  return (
    <Box component="form" noValidate onSubmit={submit}>
      <Stack spacing={3}>
        {formError && (
          <Alert severity="error" role="alert">
            {formError}
          </Alert>
        )}
        {children}
        <Typography variant="h3" component="h2">
          {kind === 'PERSON' ? 'The person' : 'The business'}
        </Typography>
        {kind === 'PERSON' ? (
          <Box sx={grid}>
            {field('fullName', 'Full legal name', values.fullName, set('fullName'), 'As on the passport or identity card.', { required: true, slotProps: { htmlInput: { maxLength: 200 } } })}
            {field('dateOfBirth', 'Date of birth', values.dateOfBirth, set('dateOfBirth'), 'Needed before submitting.', { type: 'date', slotProps: { inputLabel: { shrink: true } } })}
            {field('nationality', 'Nationality', values.nationality, set('nationality'), 'Two-letter country code, e.g. DE. Needed before submitting.', { slotProps: { htmlInput: { maxLength: 2, autoCapitalize: 'characters' } } })}
          </Box>
        ) : (
          <Box sx={grid}>
            {field('legalName', 'Legal name', values.legalName, set('legalName'), 'As registered.', { required: true, slotProps: { htmlInput: { maxLength: 200 } } })}
            {field('registrationNumber', 'Registration number', values.registrationNumber, set('registrationNumber'), 'Needed before submitting, e.g. HRB 123456.', { slotProps: { htmlInput: { maxLength: 50 } } })}
            {field('country', 'Country of registration', values.country, set('country'), 'Two-letter country code, e.g. DE. Needed before submitting.', { slotProps: { htmlInput: { maxLength: 2 } } })}
            {field('vatNumber', 'VAT number', values.vatNumber, set('vatNumber'), 'Optional, e.g. DE123456789.', { slotProps: { htmlInput: { maxLength: 22 } } })}
          </Box>
        )}
        <Typography variant="h3" component="h2">
          {kind === 'PERSON' ? 'Home address' : 'Registered address'}
        </Typography>
        {errors.address && (
          <Typography color="error" variant="body2" role="alert">
            {errors.address}
          </Typography>
        )}
        <Box sx={grid}>
          {field('address.line1', 'Street and number', values.address.line1, setAddress('line1'), 'Needed before submitting.', { slotProps: { htmlInput: { maxLength: 200 } } })}
          {field('address.line2', 'Address line 2', values.address.line2, setAddress('line2'), 'Optional.', { slotProps: { htmlInput: { maxLength: 200 } } })}
          {field('address.postalCode', 'Postal code', values.address.postalCode, setAddress('postalCode'), ' ', { slotProps: { htmlInput: { maxLength: 20 } } })}
          {field('address.city', 'City', values.address.city, setAddress('city'), ' ', { slotProps: { htmlInput: { maxLength: 100 } } })}
          {field('address.country', 'Country', values.address.country, setAddress('country'), 'Two-letter country code, e.g. DE.', { slotProps: { htmlInput: { maxLength: 2 } } })}
        </Box>
        <Box sx={{ display: 'flex', gap: 1.5, justifyContent: 'flex-end', pt: 1 }}>
          {cancel}
          <Button type="submit" variant="contained" disabled={busy}>
            {busy ? 'Saving…' : submitLabel}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}
