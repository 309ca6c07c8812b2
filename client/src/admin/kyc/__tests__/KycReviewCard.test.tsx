import '../../test/jsdom-polyfills';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { gqlError } from '../../../test/fake-graphql';
import type { KycCaseRecord } from '../../providers/kyc.provider';
import { RESOURCES } from '../../resource-names';
import { COMPLIANCE_PERMISSIONS, renderAdminPage, STAFF_ID, SUPERADMIN_PERMISSIONS, SUPPORT_PERMISSIONS } from '../../test/render-admin';
import { KycReviewCard } from '../KycReviewCard';

/**
 * Four-eyes as the page shows it: who reviews and what they recommend; the decision is offered
 * to a second staff member only (the case's availableActions, from the server), never to the
 * recommender; a refusal from the server is shown in the dialog.
 */

const acme = { id: 'VGVuYW50OmFjbWU', slug: 'acme', name: 'Acme Corporation' };
const cora = { id: 'VXNlcjpjb3Jh', name: 'Cora Compliance', email: 'compliance@atrium.test' };

const recommended: KycCaseRecord = {
  id: 'S3ljQ2FzZTox',
  subjectName: 'Ada Lovelace',
  subjectKind: 'PERSON',
  status: 'IN_REVIEW',
  version: 7,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-02T09:00:00.000Z',
  submittedAt: '2026-11-01T10:00:00.000Z',
  decidedAt: null,
  availableActions: ['APPROVE', 'REJECT'],
  tenantId: acme.id,
  tenant: acme,
  createdBy: { id: 'VXNlcjpvbGl2aWE', name: 'Olivia Owner', email: 'owner@acme.test' },
  reviewer: cora,
  reviewStartedAt: '2026-11-02T08:00:00.000Z',
  recommendation: 'APPROVE',
  recommendedAt: '2026-11-02T09:00:00.000Z',
  riskRating: 'LOW',
  decidedBy: null,
  documentCount: 1,
  detail: { customerMessage: null, person: null, business: null, recommendationReason: 'Passport checks out.', decisionReason: null, documents: [] },
};

beforeEach(() => localStorage.clear());
afterEach(() => jest.restoreAllMocks());

const settle = async (server: { callsOf(name: string): unknown[] }) => {
  await waitFor(() => expect(server.callsOf('SessionMe').length).toBeGreaterThan(0));
  await new Promise((resolve) => setTimeout(resolve, 50));
};

describe('the KYC review card', () => {
  it('shows who recommended, and offers a second staff member the decision, which sends the version read', async () => {
    const { server } = renderAdminPage(<KycReviewCard kycCase={recommended} />, {
      resource: RESOURCES.kycCases,
      permissions: SUPERADMIN_PERMISSIONS,
      handlers: { AdminDecideKycCase: (v) => ({ data: { decideKycCase: { __typename: 'KycCase', id: (v.input as { id: string }).id, version: 8, status: 'APPROVED' } } }) },
    });
    const recommendation = await screen.findByLabelText('Recommendation');
    expect(recommendation).toHaveTextContent('Recommends: approve');
    expect(recommendation).toHaveTextContent('by Cora Compliance');
    expect(recommendation).toHaveTextContent('Passport checks out.');
    await userEvent.click(await screen.findByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog');
    const submit = within(dialog).getByRole('button', { name: 'Approve case' });
    expect(submit).toBeDisabled();
    await userEvent.type(within(dialog).getByLabelText(/Reason/), 'Agree with the reviewer.');
    await userEvent.click(submit);
    await screen.findByText('Ada Lovelace approved.');
    expect(server.callsOf('AdminDecideKycCase').map((c) => c.variables)).toEqual([
      { input: { id: recommended.id, version: 7, decision: 'APPROVE', reason: 'Agree with the reviewer.', customerMessage: null } },
    ]);
  });

  it('does not offer the decision to the staff member who recommended, and says why', async () => {
    const { server } = renderAdminPage(<KycReviewCard kycCase={{ ...recommended, reviewer: { ...cora, id: STAFF_ID }, availableActions: ['DECIDE_DOCUMENT', 'RECOMMEND', 'REQUEST_INFO'] }} />, {
      resource: RESOURCES.kycCases,
      permissions: COMPLIANCE_PERMISSIONS,
    });
    await screen.findByText('You recommended this case, so a second staff member must make the decision (four-eyes).');
    await settle(server);
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reject' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Request information' })).toBeInTheDocument();
    // Already recommended: no second "Recommend", even if an older server still offers it.
    expect(screen.queryByRole('button', { name: 'Recommend' })).toBeNull();
  });

  it('offers no step to staff without platform:kyc:review, whatever the case says', async () => {
    const { server } = renderAdminPage(<KycReviewCard kycCase={recommended} />, { resource: RESOURCES.kycCases, permissions: SUPPORT_PERMISSIONS });
    await screen.findByLabelText('Recommendation');
    await settle(server);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('keeps the dialog open with the server’s refusal (four-eyes) and what was typed', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    renderAdminPage(<KycReviewCard kycCase={recommended} />, {
      resource: RESOURCES.kycCases,
      permissions: SUPERADMIN_PERMISSIONS,
      handlers: { AdminDecideKycCase: () => gqlError('FORBIDDEN', 'You reviewed this case; a second staff member must make the decision (four-eyes).', { reason: 'FOUR_EYES' }) },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Approve' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText(/Reason/), 'Looks fine.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Approve case' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('a second staff member must make the decision (four-eyes)');
    expect(within(dialog).getByLabelText(/Reason/)).toHaveValue('Looks fine.');
  });
});
