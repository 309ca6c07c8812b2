import { screen, waitFor, within } from '@testing-library/react';
import { deserialize, serialize } from 'node:v8';
import { fakeMe, gqlError } from '../../test/fake-graphql';
import { renderPortal } from './portal-harness';

const VAT_TOOL = {
  __typename: 'Tool',
  id: 'VG9vbDp2YXQ=',
  key: 'vat.validate',
  name: 'VAT number check',
  description: 'Checks an EU VAT number.',
  category: 'compliance',
  status: 'ACTIVE',
  inputSchema: {
    type: 'object',
    properties: { vatNumber: { type: 'string', minLength: 4, maxLength: 24, description: 'An EU VAT number with its country prefix.' } },
    required: ['vatNumber'],
    additionalProperties: false,
  },
  panel: null,
};

const catalog = () => ({
  data: {
    entitlements: {
      __typename: 'EntitlementConnection',
      nodes: [{ __typename: 'Entitlement', id: 'RW50aXRsZW1lbnQ6MQ==', plan: 'pro', limits: { runsPerMonth: 1000 }, validUntil: null, runsUsedThisMonth: 12, tool: VAT_TOOL }],
    },
  },
});

const me = () => fakeMe('member', { permissions: ['ticket:read', 'tool:read', 'run:read', 'run:write'] });

function renderTools(startRun: (v: Record<string, unknown>) => ReturnType<typeof gqlError> | { data: unknown }) {
  return renderPortal('/tools', {
    stored: true,
    me,
    handlers: {
      ToolsCatalog: catalog,
      StartRun: (v) => startRun(v),
      RunDetail: () => ({ data: { run: null } }),
    },
  });
}

// rjsf clones form data with structuredClone, which jest's jsdom environment does not provide.
globalThis.structuredClone ??= <T,>(value: T): T => deserialize(serialize(value)) as T;

/**
 * The error list rjsf renders beside the input labelled `label`: the element its field names
 * in aria-describedby (`<input id>__error`).
 */
async function errorsOf(label: string): Promise<HTMLElement> {
  return waitFor(() => {
    const input = screen.getByRole('textbox', { name: label });
    const id = `${input.id}__error`;
    const field = input.closest('[aria-describedby]');
    expect(field?.getAttribute('aria-describedby')?.split(' ')).toContain(id);
    const list = document.getElementById(id);
    if (!list) throw new Error(`no error list for ${label}`);
    return list;
  });
}

describe('the run form generated from a tool’s JSON Schema', () => {
  it('blocks a bad input in the browser, then shows the server’s verdict beside the field it names', async () => {
    const { server, user } = renderTools(() =>
      gqlError('BAD_USER_INPUT', "The input does not match the tool's input schema: input.vatNumber must start with a country prefix.", {
        fields: [{ field: 'input.vatNumber', message: 'input.vatNumber must start with a country prefix.' }],
      }),
    );
    const card = await screen.findByRole('article', { name: 'VAT number check' });
    expect(await within(card).findByText('12 of 1,000 runs used this month')).toBeTruthy();
    expect(within(card).getByText('988 left')).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: 'Run VAT number check' }));
    const dialog = await screen.findByRole('dialog', { name: 'Run VAT number check' });

    // Client validation first: nothing reaches the server.
    await user.click(within(dialog).getByRole('button', { name: 'Start run' }));
    expect(await within(dialog).findByText(/must have required property 'Vat number'/)).toBeTruthy();
    await user.type(within(dialog).getByRole('textbox', { name: 'Vat number' }), 'DE1');
    await user.click(within(dialog).getByRole('button', { name: 'Start run' }));
    expect(await within(await errorsOf('Vat number')).findByText(/must NOT have fewer than 4 characters/)).toBeTruthy();
    expect(server.callsOf('StartRun')).toHaveLength(0);

    // Valid for the schema, refused by the server: its message sits beside the field.
    await user.clear(within(dialog).getByRole('textbox', { name: 'Vat number' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Vat number' }), '123456789');
    await user.click(within(dialog).getByRole('button', { name: 'Start run' }));
    await waitFor(() => expect(server.callsOf('StartRun')).toHaveLength(1));
    expect(server.callsOf('StartRun')[0]?.variables).toEqual({ input: { toolId: VAT_TOOL.id, input: { vatNumber: '123456789' } } });
    expect(await within(await errorsOf('Vat number')).findByText('must start with a country prefix.')).toBeTruthy();
    expect(within(dialog).getByRole('alert').textContent).toContain('see the fields marked below');

    // Editing the field clears the stale verdict.
    await user.type(within(dialog).getByRole('textbox', { name: 'Vat number' }), '0');
    await waitFor(() => expect(within(dialog).queryByText('must start with a country prefix.')).toBeNull());
  });

  it('shows another refusal as the server’s message, and opens the run page once started', async () => {
    let refuse = true;
    const { server, user, location } = renderTools(() =>
      refuse
        ? gqlError('FORBIDDEN', "This month's quota for VAT number check is used up (1000 of 1000 runs).", { reason: 'QUOTA_EXCEEDED' })
        : { data: { startRun: { __typename: 'AutomationRun', id: 'QXV0b21hdGlvblJ1bjox', status: 'QUEUED' } } },
    );
    await user.click(await screen.findByRole('button', { name: 'Run VAT number check' }));
    const dialog = await screen.findByRole('dialog', { name: 'Run VAT number check' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Vat number' }), 'DE136695976');
    await user.click(within(dialog).getByRole('button', { name: 'Start run' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('quota for VAT number check is used up');

    refuse = false;
    await user.click(within(dialog).getByRole('button', { name: 'Start run' }));
    await waitFor(() => expect(location()).toBe('/runs/QXV0b21hdGlvblJ1bjox'));
    expect(server.callsOf('StartRun')).toHaveLength(2);
  });
});
