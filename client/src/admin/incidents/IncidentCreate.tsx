import Box from '@mui/material/Box';
import {
  AutocompleteArrayInput,
  Create,
  ListButton,
  ReferenceArrayInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  TopToolbar,
  useNotify,
  useRedirect,
} from 'react-admin';
import type { IncidentRecord } from '../providers/incidents.provider';
import { RESOURCES } from '../resource-names';
import { AdminPageHeading } from '../ui/ResponsiveList';
import { INCIDENT_SEVERITY_CHOICES } from './incidentUi';

const atLeastOneTenant = (value: unknown) => (Array.isArray(value) && value.length > 0 ? undefined : 'Pick at least one affected tenant.');
const titleLength = (value: unknown) => (typeof value === 'string' && value.trim().length >= 3 && value.trim().length <= 200 ? undefined : 'Title must be between 3 and 200 characters.');

function useOpenedNotice() {
  const notify = useNotify();
  const redirect = useRedirect();
  return {
    onSuccess: (incident: IncidentRecord) => {
      notify(`Incident “${incident.title}” opened for ${incident.affectedTenants.map((t) => t.name).join(', ')}.`, { type: 'success' });
      redirect('show', RESOURCES.incidents, incident.id, incident);
    },
  };
}

/** Opens an incident: title, severity, what customers are told, and the tenants it affects (picked from the tenants). */
export function IncidentCreate() {
  const opened = useOpenedNotice();
  return (
    <>
      <AdminPageHeading title="Open an incident" subtitle="The affected tenants’ customers see the title and summary in their portal." />
      <Create
        title="Open an incident"
        mutationOptions={opened}
        actions={
          <TopToolbar>
            <ListButton label="All incidents" />
          </TopToolbar>
        }
      >
        <SimpleForm
          noValidate
          defaultValues={{ title: '', severity: 'SEV3', summary: '', tenantIds: [] }}
          toolbar={
            <Toolbar>
              <SaveButton label="Open incident" />
            </Toolbar>
          }
        >
          <Box sx={{ width: '100%', maxWidth: 640 }}>
            <TextInput source="title" label="Title" validate={[required(), titleLength]} helperText="Short and specific, e.g. “Tool runs stuck in the queue”" fullWidth />
            <SelectInput source="severity" label="Severity" choices={INCIDENT_SEVERITY_CHOICES} validate={required()} helperText="SEV1 is the most severe" fullWidth />
            <TextInput source="summary" label="Summary for customers" validate={required()} multiline minRows={3} helperText="What happened and what customers should know" fullWidth />
            <ReferenceArrayInput source="tenantIds" reference={RESOURCES.tenants} perPage={50}>
              <AutocompleteArrayInput label="Affected tenants" optionText="name" validate={atLeastOneTenant} helperText="Type to search tenants by name" fullWidth />
            </ReferenceArrayInput>
          </Box>
        </SimpleForm>
      </Create>
    </>
  );
}
