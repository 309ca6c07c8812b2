import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Create, Edit, ListButton, required, SaveButton, SelectInput, ShowButton, SimpleForm, TextInput, Toolbar, TopToolbar, useRecordContext } from 'react-admin';
import type { ToolRecord } from '../providers/tools.provider';
import { mono } from '../ui/DetailList';
import { AdminPageHeading } from '../ui/ResponsiveList';
import { useSavedNotice } from '../ui/useSavedNotice';
import { SchemaEditorInput } from '../lazyWidgets';
import { TOOL_STATUS_CHOICES } from './toolUi';

const STARTER_SCHEMA = JSON.stringify(
  { type: 'object', required: ['text'], properties: { text: { type: 'string', title: 'Text', minLength: 1, maxLength: 2000 } }, additionalProperties: false },
  null,
  2,
);

const KEY_RE = /^[a-z][a-z0-9]*(\.[a-z][a-z0-9_-]*)+$/;
const keyRule = (value: unknown) =>
  typeof value === 'string' && value.length >= 3 && value.length <= 100 && KEY_RE.test(value) ? undefined : 'Lowercase dotted words, e.g. "ticket.summarise" (3 to 100 characters).';
const nameRule = (value: unknown) => (typeof value === 'string' && value.trim().length >= 2 && value.trim().length <= 200 ? undefined : 'Name the tool (2 to 200 characters).');
const categoryRule = (value: unknown) => (typeof value === 'string' && /^[a-z][a-z0-9-]{1,63}$/.test(value) ? undefined : 'Lowercase words with "-", e.g. "support".');

/** Name, category, status, description and the input schema (with its editor and form preview). */
function ToolInputs() {
  return (
    <Box sx={{ width: '100%' }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 2, maxWidth: 900 }}>
        <TextInput source="name" label="Name" validate={[required(), nameRule]} fullWidth />
        <TextInput source="category" label="Category" validate={[required(), categoryRule]} helperText='e.g. "support" or "finance"' fullWidth />
        <SelectInput source="status" label="Status" choices={TOOL_STATUS_CHOICES} validate={required()} helperText="Retired: no new runs or grants (history stays)" fullWidth />
      </Box>
      <TextInput source="description" label="Description" multiline minRows={2} fullWidth sx={{ maxWidth: 900 }} helperText="What the tool does, as customers read it" />
      <SchemaEditorInput source="inputSchemaText" />
    </Box>
  );
}

function ToolKeyHeader() {
  const tool = useRecordContext<ToolRecord>();
  if (!tool) return null;
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="overline" color="text.secondary">
        Tool key (fixed)
      </Typography>
      <Typography sx={{ ...mono, fontSize: '1rem', fontWeight: 700 }}>{tool.key}</Typography>
    </Box>
  );
}

function EditHeading() {
  const tool = useRecordContext<ToolRecord>();
  return <AdminPageHeading title={tool ? `Edit ${tool.name}` : 'Edit tool'} subtitle="Changes apply to new runs; each change is audited." />;
}

/** Edits a tool (not its key); only what changed is sent, and the server checks the schema again. */
export function ToolEdit() {
  const saved = useSavedNotice<ToolRecord>((t) => `${t.name} saved.`);
  return (
    <Edit
      mutationMode="pessimistic"
      mutationOptions={saved}
      title="Edit tool"
      actions={
        <TopToolbar>
          <ListButton label="All tools" />
          <ShowButton label="View tool" />
        </TopToolbar>
      }
    >
      <SimpleForm
        noValidate
        warnWhenUnsavedChanges
        toolbar={
          <Toolbar>
            <SaveButton label="Save tool" />
          </Toolbar>
        }
      >
        <EditHeading />
        <ToolKeyHeader />
        <ToolInputs />
      </SimpleForm>
    </Edit>
  );
}

/** A new tool: its key (fixed afterwards), name, category, status, description and input schema. */
export function ToolCreate() {
  return (
    <>
      <AdminPageHeading title="New tool" subtitle="Tenants can run it once they are entitled to it." />
      <Create
        redirect="show"
        title="New tool"
        actions={
          <TopToolbar>
            <ListButton label="All tools" />
          </TopToolbar>
        }
      >
        <SimpleForm
          noValidate
          defaultValues={{ key: '', name: '', category: '', status: 'BETA', description: '', inputSchemaText: STARTER_SCHEMA }}
          toolbar={
            <Toolbar>
              <SaveButton label="Create tool" />
            </Toolbar>
          }
        >
          <TextInput source="key" label="Key" validate={[required(), keyRule]} helperText='Lowercase dotted words, e.g. "ticket.summarise"; cannot be changed later' sx={{ width: '100%', maxWidth: 440 }} />
          <ToolInputs />
        </SimpleForm>
      </Create>
    </>
  );
}
