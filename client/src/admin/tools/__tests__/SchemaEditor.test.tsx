import '../../test/jsdom-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { gqlError } from '../../../test/fake-graphql';
import { RESOURCES } from '../../resource-names';
import { renderAdminPage, SUPERADMIN_PERMISSIONS } from '../../test/render-admin';
import { checkSchemaText } from '../schemaCheck';
import { ToolCreate } from '../ToolEdit';

/** The tool schema editor: it checks the text as a draft-07 JSON Schema, previews the form, and never sends a bad schema. */

beforeEach(() => localStorage.clear());
afterEach(() => jest.restoreAllMocks());

const quietDataProviderErrors = () => jest.spyOn(console, 'error').mockImplementation(() => undefined);

describe('checkSchemaText', () => {
  it('accepts an object schema and refuses bad JSON, non-object schemas, other drafts, $id and invalid keywords', () => {
    expect(checkSchemaText('{"type":"object","properties":{"a":{"type":"string"}}}')).toMatchObject({ ok: true });
    expect(checkSchemaText('{"type":"object",}')).toEqual({ ok: false, problem: expect.stringMatching(/^Not valid JSON/) });
    expect(checkSchemaText('[]')).toEqual({ ok: false, problem: expect.stringContaining('must be a JSON object') });
    expect(checkSchemaText('{"type":"string"}')).toEqual({ ok: false, problem: expect.stringContaining('"type": "object"') });
    expect(checkSchemaText('{"type":"object","$schema":"https://json-schema.org/draft/2020-12/schema"}')).toEqual({ ok: false, problem: expect.stringContaining('draft-07') });
    expect(checkSchemaText('{"type":"object","$id":"x"}')).toEqual({ ok: false, problem: expect.stringContaining('$id') });
    expect(checkSchemaText('{"type":"object","properties":{"a":{"$ref":"https://evil.example/s.json"}}}')).toEqual({ ok: false, problem: expect.stringContaining('local') });
    expect(checkSchemaText('{"type":"object","properties":{"a":{"type":"strin"}}}')).toEqual({ ok: false, problem: expect.stringContaining('/properties/a/type') });
    expect(checkSchemaText('{"type":"object","properties":{"a":{"type":"string","minLength":-1}}}')).toEqual({ ok: false, problem: expect.stringContaining('/properties/a/minLength') });
  });
});

async function replaceSchema(text: string) {
  const box = await screen.findByRole('textbox', { name: /Input schema/ });
  await userEvent.clear(box);
  await userEvent.click(box);
  await userEvent.paste(text);
  return box;
}

describe('the schema editor on the new tool form', () => {
  it('shows the problem under the field as it is typed, keeps the text, and previews the form of the last valid schema', async () => {
    renderAdminPage(<ToolCreate />, { resource: RESOURCES.tools, permissions: SUPERADMIN_PERMISSIONS });
    const preview = await screen.findByRole('region', { name: 'Form preview' });
    // The starter schema's field.
    expect(await within(preview).findByRole('textbox', { name: /Text/ })).toBeInTheDocument();

    const box = await replaceSchema('{"type":"object","required":["vatNumber"],"properties":{"vatNumber":{"type":"string"},"country":{"type":"string","enum":["DE","FR"]}}}');
    expect(await within(preview).findByRole('textbox', { name: /Vat number/ })).toBeInTheDocument();
    expect(within(preview).getByRole('combobox', { name: /Country/ })).toBeInTheDocument();
    expect(screen.getByText(/Valid schema/)).toBeInTheDocument();

    await userEvent.type(box, 'x');
    expect(await screen.findByText(/^Not valid JSON/)).toBeInTheDocument();
    expect(box).toHaveAttribute('aria-invalid', 'true');
    expect((box as HTMLTextAreaElement).value.endsWith('}x')).toBe(true);
    // The preview keeps the last valid schema's form, and says so.
    expect(within(preview).getByText('Showing the last valid schema.')).toBeInTheDocument();
    expect(within(preview).getByRole('textbox', { name: /Vat number/ })).toBeInTheDocument();

    await replaceSchema('{"type":"object","properties":{"n":{"type":"integer","minimum":"zero"}}}');
    expect(await screen.findByText(/Not a valid JSON Schema at \/properties\/n\/minimum/)).toBeInTheDocument();
  });

  it('never sends an invalid schema; a schema the server refuses shows its message under the editor, the text kept', async () => {
    quietDataProviderErrors();
    const { server } = renderAdminPage(<ToolCreate />, {
      resource: RESOURCES.tools,
      permissions: SUPERADMIN_PERMISSIONS,
      handlers: {
        AdminCreateTool: () => gqlError('BAD_USER_INPUT', 'The input schema cannot be used: strict mode: unknown keyword: "minLenght".', { fields: [{ field: 'inputSchema', message: 'The input schema cannot be used: strict mode: unknown keyword: "minLenght".' }] }),
      },
    });
    await userEvent.type(await screen.findByRole('textbox', { name: 'Key' }), 'test.echo');
    await userEvent.type(screen.getByRole('textbox', { name: 'Name' }), 'Echo');
    await userEvent.type(screen.getByRole('textbox', { name: 'Category' }), 'support');
    await replaceSchema('{"type":"object"');
    await userEvent.click(screen.getByRole('button', { name: 'Create tool' }));
    expect(await screen.findAllByText(/^Not valid JSON/)).not.toHaveLength(0);
    expect(server.callsOf('AdminCreateTool')).toHaveLength(0);

    const text = '{"type":"object","properties":{"a":{"type":"string","minLenght":3}}}';
    const box = await replaceSchema(text);
    await userEvent.click(screen.getByRole('button', { name: 'Create tool' }));
    await waitFor(() => expect(server.callsOf('AdminCreateTool')).toHaveLength(1));
    expect(server.callsOf('AdminCreateTool')[0]?.variables).toMatchObject({ input: { key: 'test.echo', name: 'Echo', category: 'support', status: 'BETA', inputSchema: JSON.parse(text) } });
    expect((await screen.findAllByText(/unknown keyword: "minLenght"/)).length).toBeGreaterThan(0);
    expect(box).toHaveValue(text);
  });
});
