import { act, screen, waitFor, within } from '@testing-library/react';
import { fakeMe, gqlError } from '../../../../test/fake-graphql';
import { renderPortal } from '../../../__tests__/portal-harness';

/**
 * The KYC pages over an in-memory API: who is offered what (kyc:read, kyc:write), the list with
 * its state filter in the URL and rows that open, the server's field errors beside the fields
 * of the typed form, and a refused submission in words.
 */

const KYC_OWNER = ['kyc:read', 'kyc:write', 'member:read', 'ticket:read'];
const ownerMe = (permissions = KYC_OWNER) => () => fakeMe('owner', { permissions });
const page = { __typename: 'PageInfo', hasNextPage: false, hasPreviousPage: false, startCursor: 'a', endCursor: 'b' };
const CASE_ID = 'S3ljQ2FzZTox';

function row(id: string, subjectName: string, status: string) {
  return { __typename: 'KycCase', id, subjectKind: 'PERSON', subjectName, status, createdAt: '2026-11-01T09:00:00.000Z', updatedAt: '2026-11-02T09:00:00.000Z', documents: { __typename: 'KycDocumentConnection', totalCount: 1 } };
}

const listHandler = (v: Record<string, unknown>) => {
  const rows = [row(CASE_ID, 'Erika Mustermann', 'DRAFT'), row('S3ljQ2FzZToy', 'Initech GmbH', 'SUBMITTED')];
  const status = (v.filter as { status?: string[] } | undefined)?.status;
  const nodes = status ? rows.filter((r) => status.includes(r.status)) : rows;
  return { data: { kycCases: { __typename: 'KycCaseConnection', totalCount: nodes.length, pageInfo: page, nodes } } };
};

function detail(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'KycCase',
    id: CASE_ID,
    version: 3,
    status: 'DRAFT',
    subjectKind: 'PERSON',
    subjectName: 'Erika Mustermann',
    customerMessage: null,
    createdAt: '2026-11-01T09:00:00.000Z',
    submittedAt: null,
    decidedAt: null,
    availableActions: ['EDIT', 'UPLOAD', 'SUBMIT'],
    createdBy: { __typename: 'User', id: 'VXNlcjox', name: 'Olivia Owner' },
    person: { __typename: 'KycPerson', fullName: 'Erika Mustermann', dateOfBirth: null, nationality: null, address: null },
    business: null,
    documentUpload: { __typename: 'KycDocumentUpload', path: `/api/kyc/cases/${CASE_ID}/documents`, maxBytes: 10485760, contentTypes: ['application/pdf', 'image/png', 'image/jpeg'] },
    documents: { __typename: 'KycDocumentConnection', totalCount: 0, nodes: [] },
    statusHistory: [{ __typename: 'KycStatusChange', status: 'DRAFT', previousStatus: null, action: null, changedAt: '2026-11-01T09:00:00.000Z', message: null, changedBy: { __typename: 'User', id: 'VXNlcjox', name: 'Olivia Owner' } }],
    ...overrides,
  };
}

it('is not offered to a role without kyc:read, and its pages say so', async () => {
  const { server } = renderPortal('/kyc', { stored: true, role: 'member' });
  await screen.findByRole('heading', { name: 'Not allowed' });
  expect(screen.queryByRole('link', { name: 'Identity checks (KYC)' })).not.toBeInTheDocument();
  expect(server.callsOf('KycCaseList')).toHaveLength(0);
});

it('lists cases with a state filter kept in the URL; a row opens the case', async () => {
  const { user, location, server } = renderPortal('/kyc', { stored: true, me: ownerMe(), handlers: { KycCaseList: listHandler, KycCaseDetail: () => ({ data: { kycCase: detail() } }) } });
  const table = await screen.findByRole('table', { name: 'Cases' });
  await within(table).findByRole('link', { name: 'Erika Mustermann' });
  expect(screen.getByRole('link', { name: 'Identity checks (KYC)' })).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'New case' })).toBeInTheDocument();

  await user.click(screen.getByRole('button', { name: 'Submitted' }));
  await waitFor(() => expect(location()).toBe('/kyc?status=SUBMITTED'));
  await waitFor(() => expect(within(table).queryByRole('link', { name: 'Erika Mustermann' })).not.toBeInTheDocument());
  expect(server.callsOf('KycCaseList').at(-1)?.variables.filter).toEqual({ status: ['SUBMITTED'] });

  await user.click(screen.getByRole('button', { name: 'Clear filters' }));
  const link = await within(table).findByRole('link', { name: 'Erika Mustermann' });
  act(() => link.focus());
  await user.keyboard('{Enter}');
  await waitFor(() => expect(location()).toBe(`/kyc/${CASE_ID}`));
  await screen.findByRole('heading', { level: 1, name: 'Erika Mustermann' });
});

it('a reader without kyc:write is not offered to create, edit, upload or submit', async () => {
  renderPortal(`/kyc/${CASE_ID}`, {
    stored: true,
    me: ownerMe(['kyc:read', 'member:read']),
    handlers: { KycCaseDetail: () => ({ data: { kycCase: detail({ availableActions: [] }) } }) },
  });
  await screen.findByRole('heading', { level: 1, name: 'Erika Mustermann' });
  expect(screen.queryByRole('button', { name: 'Submit for review' })).not.toBeInTheDocument();
  expect(screen.queryByRole('link', { name: 'Edit details' })).not.toBeInTheDocument();
  expect(screen.queryByLabelText('Upload documents')).not.toBeInTheDocument();
  expect(screen.getByRole('list', { name: 'Status history' })).toHaveTextContent('Case created · Draft');
});

it("shows the server's field errors beside the typed fields", async () => {
  const { user, server } = renderPortal('/kyc/new', {
    stored: true,
    me: ownerMe(),
    handlers: {
      CreateKycCase: () =>
        gqlError('BAD_USER_INPUT', 'Invalid input', {
          fields: [
            { field: 'input.business.vatNumber', message: 'VAT number: a two-letter country prefix, then 2 to 13 letters or digits, e.g. DE123456789.' },
            { field: 'business.address.country', message: 'Use a two-letter ISO 3166-1 country code, e.g. DE or GB.' },
          ],
        }),
    },
  });
  await user.click(await screen.findByRole('button', { name: /A business/ }));
  // Checked here first: the legal name is required.
  await user.click(screen.getByRole('button', { name: 'Create draft' }));
  expect(await screen.findByText('Give the legal name (2 to 200 characters).')).toBeInTheDocument();
  expect(server.callsOf('CreateKycCase')).toHaveLength(0);

  await user.type(screen.getByLabelText(/Legal name/), 'Initech GmbH');
  await user.type(screen.getByLabelText('VAT number'), 'DE12345');
  await user.type(screen.getByLabelText('Street and number'), 'Main 1');
  await user.type(screen.getByLabelText('Postal code'), '1000');
  await user.type(screen.getByLabelText('City'), 'Brussels');
  await user.type(screen.getByLabelText('Country'), 'QQ');
  await user.click(screen.getByRole('button', { name: 'Create draft' }));

  await screen.findByText('Some details need correcting: see the fields marked below.');
  expect(screen.getByLabelText('VAT number')).toHaveAccessibleDescription(/two-letter country prefix/);
  expect(screen.getByLabelText('Country')).toHaveAccessibleDescription('Use a two-letter ISO 3166-1 country code, e.g. DE or GB.');
  // The country of registration is another field: it keeps its own hint.
  expect(screen.getByLabelText('Country of registration')).toHaveAccessibleDescription(/Two-letter country code, e.g. DE. Needed before submitting./);
  expect(server.callsOf('CreateKycCase')[0]?.variables.input).toEqual({
    subjectKind: 'BUSINESS',
    business: { legalName: 'Initech GmbH', registrationNumber: null, country: null, vatNumber: 'DE12345', address: { line1: 'Main 1', line2: null, city: 'Brussels', postalCode: '1000', country: 'QQ' } },
  });
});

it('a refused submission names what is missing, in words', async () => {
  const { user } = renderPortal(`/kyc/${CASE_ID}`, {
    stored: true,
    me: ownerMe(),
    handlers: {
      KycCaseDetail: () => ({ data: { kycCase: detail() } }),
      SubmitKycCase: () =>
        gqlError('BAD_USER_INPUT', 'Complete the case before submitting: person.dateOfBirth, person.address.', {
          fields: [
            { field: 'person.dateOfBirth', message: 'Required before submitting.' },
            { field: 'person.address', message: 'Required before submitting.' },
          ],
        }),
    },
  });
  await user.click(await screen.findByRole('button', { name: 'Submit for review' }));
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('Not submitted');
  expect(alert).toHaveTextContent('Still needed: Date of birth, Address.');
});
