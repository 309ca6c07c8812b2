import AddCircleOutline from '@mui/icons-material/AddCircleOutline';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { ArrayInput, AutocompleteInput, BooleanInput, ReferenceInput, SimpleFormIterator, TextInput, useSimpleFormIterator } from 'react-admin';
import { RESOURCES } from '../resource-names';

/** Description and global default: shared by create and edit (the key is set once, at creation). */
export function FeatureFlagInputs() {
  return (
    <Box sx={{ width: '100%', maxWidth: 720 }}>
      <TextInput source="description" multiline minRows={2} fullWidth helperText="What turning it on changes, for whoever reads this next" />
      <BooleanInput source="defaultEnabled" label="On for every tenant by default" helperText="Tenants with an override below keep their own setting" />
    </Box>
  );
}

function AddOverrideButton() {
  const { add } = useSimpleFormIterator();
  return (
    <Button size="small" startIcon={<AddCircleOutline />} onClick={() => add({ enabled: true })} sx={{ mt: 0.5 }}>
      Add a tenant override
    </Button>
  );
}

/** Per-tenant overrides: each row sets one tenant on or off; removing a row returns the tenant to the default. */
export function FlagOverridesInput() {
  return (
    <Box sx={{ width: '100%', maxWidth: 720, mt: 1 }}>
      <Typography variant="h6" component="h2">
        Tenant overrides
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Each tenant appears once. Remove a row to return that tenant to the global default.
      </Typography>
      <ArrayInput source="overrides" label={false}>
        <SimpleFormIterator inline disableReordering disableClear addButton={<AddOverrideButton />}>
          <ReferenceInput source="tenantId" reference={RESOURCES.tenants}>
            <AutocompleteInput label="Tenant" optionText="name" sx={{ minWidth: 260 }} helperText={false} />
          </ReferenceInput>
          <BooleanInput source="enabled" label="On" helperText={false} />
        </SimpleFormIterator>
      </ArrayInput>
    </Box>
  );
}
