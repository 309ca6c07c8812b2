import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Form from '@rjsf/mui';
import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import { useMemo, useState } from 'react';
import { messageOf } from '../../../../shared/errors';
import { useStartRun } from '../hooks/useStartRun';
import { createToolInputValidator } from '../jsonSchemaValidator';
import { runInputErrorsOf } from '../serverErrors';

export interface RunnableTool {
  id: string;
  name: string;
  inputSchema: unknown;
}

type FormData = Record<string, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** "vatNumber" -> "Vat number", "max_sentences" -> "Max sentences": a label for a property without a title. */
export function labelOf(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words ? `${words[0]?.toUpperCase() ?? ''}${words.slice(1)}` : key;
}

/** Titles for top-level properties that have none, so fields read as words, not keys. */
function uiSchemaFor(schema: RJSFSchema): UiSchema {
  const ui: UiSchema = { 'ui:submitButtonOptions': { norender: true } };
  for (const [key, prop] of Object.entries(isObject(schema.properties) ? schema.properties : {})) {
    if (isObject(prop) && typeof prop.title !== 'string') ui[key] = { 'ui:title': labelOf(key) };
  }
  return ui;
}

/**
 * The form for one tool's input, generated from its JSON Schema (rjsf with MUI). The input is
 * checked in the browser first (a bad one is never sent); the server checks it again and its
 * BAD_USER_INPUT problems show beside their fields; any other refusal (no entitlement, quota
 * used up, retired tool) shows as the server's message above the form.
 */
export function RunToolForm({ tool, defaultInput, onStarted, onCancel }: { tool: RunnableTool; defaultInput?: unknown; onStarted: (runId: string) => void; onCancel?: () => void }) {
  const schema = useMemo<RJSFSchema>(() => (isObject(tool.inputSchema) ? tool.inputSchema : { type: 'object' }), [tool.inputSchema]);
  const validator = useMemo(() => createToolInputValidator(), []);
  const uiSchema = useMemo(() => uiSchemaFor(schema), [schema]);
  const [formData, setFormData] = useState<FormData>(() => (isObject(defaultInput) ? { ...defaultInput } : {}));
  const [extraErrors, setExtraErrors] = useState<ErrorSchema | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [startRun, { loading }] = useStartRun();

  const submit = async (input: FormData) => {
    setFailure(null);
    setExtraErrors(undefined);
    try {
      const { data } = await startRun({ variables: { input: { toolId: tool.id, input } } });
      if (data) onStarted(data.startRun.id);
    } catch (err) {
      const error = err instanceof Error ? err : null;
      const mapped = runInputErrorsOf(error);
      if (mapped.extraErrors || mapped.rest.length) {
        setExtraErrors(mapped.extraErrors);
        setFailure(mapped.rest.length ? mapped.rest.join(' ') : mapped.extraErrors ? 'The server did not accept this input: see the fields marked below.' : null);
      } else {
        setFailure(messageOf(error));
      }
    }
  };

  return (
    <Box>
      {failure && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {failure}
        </Alert>
      )}
      <Form
        schema={schema}
        uiSchema={uiSchema}
        validator={validator}
        formData={formData}
        extraErrors={extraErrors}
        showErrorList={false}
        noHtml5Validate
        focusOnFirstError
        disabled={loading}
        onChange={(e) => {
          setFormData(isObject(e.formData) ? e.formData : {});
          // The server's verdict was about the input it saw; an edit makes it stale.
          if (extraErrors) setExtraErrors(undefined);
        }}
        onSubmit={(e) => void submit(isObject(e.formData) ? e.formData : {})}
      >
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 1, mt: 2 }}>
          {onCancel && (
            <Button onClick={onCancel} disabled={loading}>
              Cancel
            </Button>
          )}
          <Button type="submit" variant="contained" loading={loading}>
            Start run
          </Button>
        </Box>
      </Form>
    </Box>
  );
}
