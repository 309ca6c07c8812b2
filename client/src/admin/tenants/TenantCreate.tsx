import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef } from 'react';
import { Create, FormDataConsumer, InputHelperText, ListButton, SaveButton, SimpleForm, TextInput, Toolbar, TopToolbar, useInput, useNotify, useRedirect } from 'react-admin';
import { type NewTenantValues, slugFromName, type TenantRecord, validateNewTenant } from '../providers/tenants.provider';
import { RESOURCES } from '../resource-names';
import { AdminPageHeading } from '../ui/ResponsiveList';

const SLUG_HINT = 'Unique key, suggested from the name: lowercase letters, digits and "-"';

/**
 * The slug, suggested from the name as the name is typed. Once staff type a slug of their own it
 * stays theirs, whatever the name becomes, until they empty it. Typed capitals become lowercase.
 */
function SlugInput({ name }: { name: string }) {
  const { field, fieldState, id } = useInput({ source: 'slug', parse: (value: string) => value.toLowerCase() });
  const { value, onChange } = field as { value: unknown; onChange: (value: string) => void };
  const suggested = useRef('');
  const lastName = useRef<string | null>(null);
  useEffect(() => {
    // Only a change of the name suggests; editing the slug itself never re-fills it.
    if (lastName.current === name) return;
    lastName.current = name;
    const next = slugFromName(name);
    if ((!value || value === suggested.current) && value !== next) onChange(next);
    suggested.current = next;
  }, [name, value, onChange]);
  return (
    <TextField
      {...field}
      id={id}
      value={typeof value === 'string' ? value : ''}
      label="Slug"
      fullWidth
      margin="dense"
      error={fieldState.invalid}
      helperText={<InputHelperText error={fieldState.error?.message} helperText={SLUG_HINT} />}
      slotProps={{ htmlInput: { autoCapitalize: 'none', spellCheck: false } }}
    />
  );
}

/** After creating: say where the owner's invitation went, then open the new tenant. */
function useCreatedNotice() {
  const notify = useNotify();
  const redirect = useRedirect();
  return {
    onSuccess: (tenant: TenantRecord) => {
      const email = tenant.ownerInvitation?.email;
      notify(email ? `Invitation mailed to ${email}` : `${tenant.name} created.`, { type: 'success' });
      redirect('show', RESOURCES.tenants, tenant.id, tenant);
    },
  };
}

/**
 * A new customer organisation: its name, slug and first owner. The server creates the tenant
 * with its system roles and mails the owner an invitation; its refusals (a taken slug, an address
 * it does not accept) show next to the field they are about.
 */
export function TenantCreate() {
  const created = useCreatedNotice();
  return (
    <>
      <AdminPageHeading title="New tenant" subtitle="A customer organisation and its first owner, who is invited by mail." />
      <Create
        title="Create tenant"
        mutationOptions={created}
        actions={
          <TopToolbar>
            <ListButton label="All tenants" />
          </TopToolbar>
        }
      >
        <SimpleForm
          validate={validateNewTenant}
          // Our messages next to the fields, not the browser's bubble for the email input.
          noValidate
          defaultValues={{ name: '', slug: '', ownerEmail: '', ownerName: '' }}
          toolbar={
            <Toolbar>
              <SaveButton label="Create tenant" />
            </Toolbar>
          }
          warnWhenUnsavedChanges
        >
          <Box sx={{ width: '100%', maxWidth: 560 }}>
            <Typography variant="h6" component="h2">
              Organisation
            </Typography>
            <TextInput source="name" label="Name" helperText="As customers know it, e.g. Acme Corporation" fullWidth />
            <FormDataConsumer<NewTenantValues>>{({ formData }) => <SlugInput name={typeof formData.name === 'string' ? formData.name : ''} />}</FormDataConsumer>
            <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
              First owner
            </Typography>
            <TextInput source="ownerEmail" label="Owner email" type="email" helperText="The invitation to set up the account is mailed here" fullWidth />
            <TextInput source="ownerName" label="Owner name" helperText="Optional; they can change it when they accept" fullWidth />
            <Alert severity="info" variant="outlined" sx={{ mt: 1 }}>
              The owner gets an invitation by mail, valid for 7 days. Until they accept it, it is listed on the tenant’s page, where it can be sent again.
            </Alert>
          </Box>
        </SimpleForm>
      </Create>
    </>
  );
}
