import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Typography from '@mui/material/Typography';
import { Create, Edit, ListButton, SaveButton, ShowButton, SimpleForm, TextInput, Toolbar, TopToolbar, required, useRecordContext } from 'react-admin';
import type { FeatureFlagRecord } from '../providers/featureFlags.provider';
import { mono } from '../ui/DetailList';
import { AdminPageHeading } from '../ui/ResponsiveList';
import { useSavedNotice } from '../ui/useSavedNotice';
import { FeatureFlagInputs, FlagOverridesInput } from './FeatureFlagInputs';

export function FeatureFlagTitle() {
  const flag = useRecordContext<FeatureFlagRecord>();
  return <span>{flag?.key ?? 'Feature flag'}</span>;
}

function KeyHeader() {
  const flag = useRecordContext<FeatureFlagRecord>();
  if (!flag) return null;
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="overline" color="text.secondary">
        Feature flag
      </Typography>
      <Typography variant="h2" component="h1" sx={{ ...mono, fontSize: '1.35rem', fontWeight: 700 }}>
        {flag.key}
      </Typography>
    </Box>
  );
}

/** The global default, the description and the tenant overrides, saved together in one call; each change is audited. */
export function FeatureFlagEdit() {
  const saved = useSavedNotice<FeatureFlagRecord>((f) => `${f.key} saved.`);
  return (
    <Edit
      mutationMode="pessimistic"
      mutationOptions={saved}
      title={<FeatureFlagTitle />}
      actions={
        <TopToolbar>
          <ListButton label="All flags" />
          <ShowButton label="View flag" />
        </TopToolbar>
      }
    >
      <SimpleForm
        toolbar={
          <Toolbar>
            <SaveButton label="Save flag" />
          </Toolbar>
        }
        warnWhenUnsavedChanges
      >
        <KeyHeader />
        <FeatureFlagInputs />
        <Divider sx={{ width: '100%', maxWidth: 720, my: 2 }} />
        <FlagOverridesInput />
      </SimpleForm>
    </Edit>
  );
}

/** A new flag: its key (fixed afterwards), description and default. */
export function FeatureFlagCreate() {
  return (
    <Create
      redirect="show"
      title="New feature flag"
      actions={
        <TopToolbar>
          <ListButton label="All flags" />
        </TopToolbar>
      }
    >
      <SimpleForm
        defaultValues={{ defaultEnabled: false, description: '' }}
        toolbar={
          <Toolbar>
            <SaveButton label="Create flag" />
          </Toolbar>
        }
      >
        <AdminPageHeading title="New feature flag" subtitle="Its key, what it is for, and whether it is on for every tenant by default." />
        <TextInput source="key" validate={required()} helperText='Lowercase, e.g. "billing.new-invoices"; cannot be changed later' sx={{ minWidth: 360 }} />
        <FeatureFlagInputs />
      </SimpleForm>
    </Create>
  );
}
