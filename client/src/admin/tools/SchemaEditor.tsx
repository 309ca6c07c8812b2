import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import Form from '@rjsf/mui';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { Component, type ReactNode, useDeferredValue, useMemo, useState } from 'react';
import { useInput, ValidationError } from 'react-admin';
import { labelOf } from '../../portal/features/tools/components/RunToolForm';
import { createToolInputValidator } from '../../portal/features/tools/jsonSchemaValidator';
import { mono } from '../ui/DetailList';
import { checkSchemaText, validateSchemaText } from './schemaCheck';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Titles for properties without one, as the portal's run form shows them. */
function uiSchemaFor(schema: RJSFSchema): UiSchema {
  const ui: UiSchema = { 'ui:submitButtonOptions': { norender: true } };
  for (const [key, prop] of Object.entries(isObject(schema.properties) ? schema.properties : {})) {
    if (isObject(prop) && typeof prop.title !== 'string') ui[key] = { 'ui:title': labelOf(key) };
  }
  return ui;
}

/** A schema rjsf cannot render (it throws) shows a message instead of taking the page down. */
class PreviewBoundary extends Component<{ children: ReactNode; schemaKey: string }, { failed: string | null; key: string }> {
  override state = { failed: null as string | null, key: this.props.schemaKey };
  static getDerivedStateFromError(error: unknown) {
    return { failed: error instanceof Error ? error.message : 'The form cannot be drawn.' };
  }
  static getDerivedStateFromProps(props: { schemaKey: string }, state: { key: string }) {
    return props.schemaKey !== state.key ? { failed: null, key: props.schemaKey } : null;
  }
  override render() {
    if (this.state.failed) return <Alert severity="warning">The form cannot be drawn from this schema: {this.state.failed}</Alert>;
    return this.props.children;
  }
}

/** The form customers will get from `schema`, as the portal draws it (rjsf with MUI); try values in it, nothing is sent. */
export function SchemaFormPreview({ schema }: { schema: RJSFSchema }) {
  const validator = useMemo(() => createToolInputValidator(), []);
  const uiSchema = useMemo(() => uiSchemaFor(schema), [schema]);
  const [formData, setFormData] = useState<Record<string, unknown>>({});
  return (
    <PreviewBoundary schemaKey={JSON.stringify(schema)}>
      <Form
        schema={schema}
        uiSchema={uiSchema}
        validator={validator}
        formData={formData}
        onChange={(e) => setFormData(isObject(e.formData) ? e.formData : {})}
        liveValidate="onChange"
        showErrorList={false}
        noHtml5Validate
        tagName="div"
      />
    </PreviewBoundary>
  );
}

/**
 * A tool's input JSON Schema as text (monospace), checked as it is typed (JSON, then draft-07
 * and the server's rules) with the problem under the field, and beside it a live preview of the
 * form generated from it. The text is what the form keeps, so a half-typed schema is never lost;
 * the preview shows the last schema that was valid.
 */
export function SchemaEditorInput({ source, label = 'Input schema (JSON Schema draft-07)' }: { source: string; label?: string }) {
  const { field, fieldState, isRequired } = useInput({ source, validate: validateSchemaText });
  const text = typeof field.value === 'string' ? field.value : '';
  const deferred = useDeferredValue(text);
  const check = useMemo(() => checkSchemaText(deferred), [deferred]);
  const [lastGood, setLastGood] = useState<RJSFSchema | null>(null);
  const shown = check.ok ? (check.schema as RJSFSchema) : lastGood;
  if (check.ok && lastGood !== check.schema) setLastGood(check.schema);
  // Typed problems show at once; the form's own verdict (and the server's) once it has one.
  const formError = fieldState.error?.message;
  const typed = !check.ok && text.trim() ? check.problem : undefined;
  const problem = formError ? <ValidationError error={formError} /> : typed;
  const id = `${source}-editor`;
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) minmax(0, 1fr)' }, gap: 2, width: '100%', mt: 1.5, mb: 2 }}>
      <TextField
        {...field}
        value={text}
        id={id}
        label={label}
        required={isRequired}
        multiline
        minRows={14}
        maxRows={32}
        fullWidth
        error={Boolean(problem)}
        helperText={problem ?? 'Valid schema. The top level describes an object; only local "$ref"s.'}
        slotProps={{ htmlInput: { spellCheck: false, 'aria-describedby': `${id}-helper-text`, style: { ...mono, lineHeight: 1.5 } } }}
      />
      <Paper variant="outlined" sx={{ p: 2, minWidth: 0 }} component="section" aria-label="Form preview">
        <Typography variant="subtitle2" component="h2" sx={{ mb: 1 }}>
          Form preview
        </Typography>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1.5 }}>
          What customers fill in to run the tool. Try values; nothing is sent.
        </Typography>
        {!check.ok && shown && (
          <Alert severity="info" sx={{ mb: 1.5 }}>
            Showing the last valid schema.
          </Alert>
        )}
        {shown ? <SchemaFormPreview schema={shown} /> : <Typography color="text.secondary">Enter a valid schema to see its form.</Typography>}
      </Paper>
    </Box>
  );
}
