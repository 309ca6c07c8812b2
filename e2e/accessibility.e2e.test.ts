import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { type E2E, portalLogin, staffLogin, startE2E } from './harness';

/**
 * Every portal page, for an admin, a member and signed out, and every back-office page for staff:
 * axe-core finds no serious or critical violation (colour contrast included) and one level-1
 * heading at desktop width, and again at 390 px on the pages whose
 * layout changes there (the lists that become cards, the account page); no page scrolls sideways
 * at 390 px. A failure lists every page's violations at once.
 */

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const DESKTOP = { width: 1366, height: 860 };
const PHONE = { width: 390, height: 844 };

interface AxeNode {
  html: string;
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: AxeNode[];
}

/** Serious and critical violations on the whole document, one readable line each. */
async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated over CDP: the app's CSP (no inline scripts) does not apply to it.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help}\n      at ${JSON.stringify(n.target)} ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? '').replace(/\n/g, ' ')}`));
}

/** The page has rendered its content: a level-1 heading, and nothing in the main region still loading (a quota bar or a running run's spinner is content, not loading). */
async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor({ timeout: 8_000 }).catch(() => undefined);
  await page.waitForFunction(() => !document.querySelector('main [role="progressbar"]:not([aria-valuenow]):not([aria-hidden="true"]), main .MuiSkeleton-root'), undefined, { timeout: 10_000 }).catch(() => undefined);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

interface Visit {
  name: string;
  path: string;
  /** A page whose layout changes on a phone (lists become cards): axe runs at 390 px too, and a screenshot is saved. */
  shot?: boolean;
}

/** Visits each page at desktop width and at 390 px; returns every problem found, by page. */
async function audit(page: Page, who: string, visits: readonly Visit[]): Promise<{ problems: string[]; count: number }> {
  const problems: string[] = [];
  let count = 0;
  const started = Date.now();
  const slow: string[] = [];
  for (const visit of visits) {
    const visitStarted = Date.now();
    await page.setViewportSize(DESKTOP);
    await page.goto(visit.path);
    await settled(page);
    for (const size of [DESKTOP, PHONE]) {
      if (size === PHONE) {
        await page.setViewportSize(PHONE);
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        // A page that sizes parts of itself from a measured width (the dashboard's grid) lays itself
        // out again after a resize observer fires and React renders, which a busy machine can take
        // longer than two frames to do. Wait for that (a page that stays too wide is still reported).
        await page.waitForFunction((width) => document.documentElement.scrollWidth <= width, PHONE.width, { timeout: 5_000 }).catch(() => undefined);
      }
      const where = `${who} · ${visit.name} (${visit.path}) at ${size.width} px`;
      const found = size === DESKTOP || visit.shot ? await axeViolations(page) : [];
      if (size === DESKTOP) {
        // Every page names itself with one level-1 heading.
        const h1 = await page.locator('h1').count();
        if (h1 !== 1) found.push(`${h1} level-1 headings (one expected)`);
      }
      count += found.length;
      for (const v of found) problems.push(`${where}: ${v}`);
      if (size === PHONE) {
        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        if (visit.shot) await e2e.screenshot(page, `a11y-390-${who}-${visit.name.replace(/\W+/g, '-')}`);
        if (scrollWidth > PHONE.width) {
          count += 1;
          problems.push(`${where}: the page scrolls sideways (scrollWidth ${scrollWidth})`);
          await e2e.screenshot(page, `a11y-overflow-${who}-${visit.name.replace(/\W+/g, '-')}`);
        }
      }
    }
    const ms = Date.now() - visitStarted;
    if (ms > 4000) slow.push(`${visit.name} ${Math.round(ms / 100) / 10} s`);
  }
  console.log(`${who}: ${visits.length} pages, ${count} problems, ${Math.round((Date.now() - started) / 1000)} s${slow.length ? `; slowest: ${slow.join(', ')}` : ''}`);
  return { problems, count };
}

/** The global id of the first row a list query returns for this user. */
async function firstId(token: string, field: string): Promise<string> {
  const res = await e2e.app.gql<Record<string, { nodes: { id: string }[] }>>(`{ ${field}(first: 1) { nodes { id } } }`, {}, { token });
  const id = res.data?.[field]?.nodes[0]?.id;
  if (!id) throw new Error(`No ${field} to visit: ${JSON.stringify(res.errors)}`);
  return id;
}

function report(problems: string[]): string {
  return problems.length ? `${problems.length} accessibility problem(s):\n  ${problems.join('\n  ')}` : '';
}

describe('accessibility of every portal page (axe-core, 1366 px and 390 px)', () => {
  it('the signed-out pages: sign-in, forgotten password, reset password and an invitation', async () => {
    const owner = await e2e.app.login('owner@acme.test');
    const roles = await e2e.app.gql<{ roles: { nodes: { id: string; name: string }[] } }>('{ roles(first: 20) { nodes { id name } } }', {}, { token: owner.accessToken });
    const roleId = roles.data?.roles.nodes.find((r) => r.name === 'agent')?.id;
    const invited = await e2e.app.gql('mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id } }', { input: { email: 'a11y.invitee@example.test', roleId } }, { token: owner.accessToken });
    expect(invited.errors).toBeUndefined();
    const invitePath = await inviteLinkPath('a11y.invitee@example.test');

    const page = await e2e.newPage();
    const { problems } = await audit(page, 'signed out', [
      { name: 'sign-in', path: '/login' },
      { name: 'forgot password', path: '/forgot-password' },
      { name: 'reset password (expired link)', path: '/reset-password/not-a-real-token' },
      { name: 'invitation', path: invitePath },
    ]);
    expect(report(problems)).toBe('');
  }, 120_000);

  it('an admin: every page of the portal', async () => {
    const { accessToken } = await e2e.app.login('admin@acme.test');
    const ticket = await firstId(accessToken, 'tickets');
    const run = await firstId(accessToken, 'runs');
    const kycCase = await firstId(accessToken, 'kycCases');
    const incident = await firstId(accessToken, 'incidents');
    const [correlation] = await e2e.app.sql<{ correlation_id: string }>(`select correlation_id from automation_runs where correlation_id is not null order by created_at limit 1`);

    const page = await e2e.newPage();
    await portalLogin(page, 'admin@acme.test');
    const { problems } = await audit(page, 'admin', [
      { name: 'dashboard', path: '/' },
      { name: 'tickets', path: '/tickets', shot: true },
      { name: 'ticket', path: `/tickets/${encodeURIComponent(ticket)}` },
      { name: 'new ticket', path: '/tickets/new' },
      { name: 'tools', path: '/tools' },
      { name: 'runs', path: '/runs', shot: true },
      { name: 'run', path: `/runs/${encodeURIComponent(run)}` },
      { name: 'KYC cases', path: '/kyc', shot: true },
      { name: 'KYC case', path: `/kyc/${encodeURIComponent(kycCase)}` },
      { name: 'new KYC case', path: '/kyc/new' },
      { name: 'incidents', path: '/incidents' },
      { name: 'incident', path: `/incidents/${encodeURIComponent(incident)}` },
      { name: 'audit log', path: '/activity/audit', shot: true },
      { name: 'system events', path: '/activity/events', shot: true },
      { name: 'messages', path: '/messages', shot: true },
      { name: 'trace lookup', path: '/trace' },
      { name: 'trace', path: `/trace/${encodeURIComponent(correlation?.correlation_id ?? 'none')}` },
      { name: 'account', path: '/account', shot: true },
      { name: 'two-factor', path: '/account/two-factor' },
      { name: 'team', path: '/team', shot: true },
      { name: 'API keys', path: '/developers/keys', shot: true },
      { name: 'webhooks', path: '/developers/webhooks' },
      { name: 'webhook deliveries', path: '/developers/deliveries' },
      { name: 'API documentation', path: '/developers/docs' },
    ]);

    // The command palette, open, with a query typed.
    await page.setViewportSize(DESKTOP);
    await page.goto('/');
    await settled(page);
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog');
    await palette.getByRole('combobox').fill('tick');
    await palette.getByRole('option').first().waitFor();
    // Until its fade-in has finished the dialog is translucent, and axe would measure blended colours.
    await page.waitForFunction(() => {
      const dialog = document.querySelector('[role="dialog"]');
      for (let el = dialog; el; el = el.parentElement) if (getComputedStyle(el).opacity !== '1') return false;
      return Boolean(dialog);
    });
    for (const v of await axeViolations(page)) problems.push(`admin · command palette: ${v}`);
    await e2e.screenshot(page, 'a11y-command-palette', { fullPage: false });

    expect(report(problems)).toBe('');
  }, 600_000);

  it('a member: every page the role may open', async () => {
    const { accessToken } = await e2e.app.login('member@acme.test');
    const ticket = await firstId(accessToken, 'tickets');
    const run = await firstId(accessToken, 'runs');
    const incident = await firstId(accessToken, 'incidents');

    const page = await e2e.newPage();
    await portalLogin(page, 'member@acme.test');
    const { problems } = await audit(page, 'member', [
      { name: 'dashboard', path: '/' },
      { name: 'tickets', path: '/tickets' },
      { name: 'ticket', path: `/tickets/${encodeURIComponent(ticket)}` },
      { name: 'new ticket', path: '/tickets/new' },
      { name: 'tools', path: '/tools' },
      { name: 'runs', path: '/runs' },
      { name: 'run', path: `/runs/${encodeURIComponent(run)}` },
      { name: 'incidents', path: '/incidents' },
      { name: 'incident', path: `/incidents/${encodeURIComponent(incident)}` },
      { name: 'team', path: '/team' },
      { name: 'account', path: '/account' },
      { name: 'not allowed (audit log)', path: '/activity/audit' },
      { name: 'not found', path: '/no-such-page' },
    ]);
    expect(report(problems)).toBe('');
  }, 600_000);
});

describe('accessibility of every back-office page (axe-core, 1366 px and 390 px)', () => {
  it('staff (superadmin): every list, a page of each, the edit and create forms, the account and a trace', async () => {
    // The demo data has no API key, webhook endpoint or delivery: an owner makes one of each
    // (the endpoint points at a closed port, so its test delivery fails and stays listed).
    const { accessToken: owner } = await e2e.app.login('owner@acme.test', 'acme');
    const key = await e2e.app.gql('mutation { createApiKey(input: { name: "Accessibility probe", permissions: ["ticket:read"] }) { apiKey { id } } }', {}, { token: owner });
    expect(key.errors).toBeUndefined();
    const endpoint = await e2e.app.gql<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
      'mutation { createWebhookEndpoint(input: { url: "http://127.0.0.1:9/atrium/hook", events: ["ticket.created"], description: "Accessibility probe" }) { endpoint { id } } }',
      {},
      { token: owner },
    );
    expect(endpoint.errors).toBeUndefined();
    const sent = await e2e.app.gql('mutation($id: ID!) { sendTestWebhook(id: $id) { id } }', { id: endpoint.data?.createWebhookEndpoint.endpoint.id }, { token: owner });
    expect(sent.errors).toBeUndefined();

    const { accessToken } = await e2e.app.login('staff@atrium.test');
    const show = async (resource: string, field: string) => ({ name: `${resource} page`, path: `/admin/${resource}/${encodeURIComponent(await firstId(accessToken, field))}/show` });
    const edit = async (resource: string, field: string) => ({ name: `${resource} edit form`, path: `/admin/${resource}/${encodeURIComponent(await firstId(accessToken, field))}` });
    const lists = ['tickets', 'incidents', 'runs', 'messages', 'kyc-cases', 'tenants', 'users', 'memberships', 'api-keys', 'webhook-endpoints', 'webhook-deliveries', 'tools', 'entitlements', 'feature-flags', 'audit-logs', 'system-events'];
    const [correlation] = await e2e.app.sql<{ correlation_id: string }>(`select correlation_id from automation_runs where correlation_id is not null limit 1`);
    const page = await e2e.newPage();
    await staffLogin(page);
    const { problems } = await audit(page, 'staff', [
      { name: 'overview', path: '/admin/' },
      ...lists.map((resource) => ({ name: `${resource} list`, path: `/admin/${resource}`, shot: resource === 'tickets' || resource === 'runs' })),
      await show('tickets', 'tickets'),
      await show('incidents', 'incidents'),
      await show('runs', 'runs'),
      await show('messages', 'messages'),
      await show('kyc-cases', 'kycCases'),
      await show('tenants', 'tenants'),
      await show('users', 'users'),
      await show('tools', 'tools'),
      await show('audit-logs', 'auditLogs'),
      await show('system-events', 'systemEvents'),
      await show('memberships', 'memberships'),
      await show('api-keys', 'apiKeys'),
      await show('webhook-endpoints', 'webhookEndpoints'),
      await show('webhook-deliveries', 'webhookDeliveries'),
      await show('feature-flags', 'featureFlags'),
      await show('entitlements', 'entitlements'),
      await edit('tickets', 'tickets'),
      await edit('memberships', 'memberships'),
      await edit('feature-flags', 'featureFlags'),
      await edit('tools', 'tools'),
      { name: 'new tenant', path: '/admin/tenants/create' },
      { name: 'new incident', path: '/admin/incidents/create' },
      { name: 'new tool', path: '/admin/tools/create' },
      { name: 'new feature flag', path: '/admin/feature-flags/create' },
      { name: 'new entitlement', path: '/admin/entitlements/create' },
      { name: 'account', path: '/admin/account' },
      { name: 'trace', path: `/admin/trace/${encodeURIComponent(correlation?.correlation_id ?? '')}` },
    ]);
    expect(report(problems)).toBe('');
  }, 480_000);
});

/** The /invite/… path of the invitation mailed to `to`, from the development mailbox. */
async function inviteLinkPath(to: string): Promise<string> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const res = await fetch(`${e2e.url}/api/dev/mailbox`);
    const mails = res.ok ? ((await res.json()) as { to: string | string[]; text: string; html: string }[]) : [];
    const mail = mails.find((m) => [m.to].flat().some((t) => t.toLowerCase().includes(to)));
    const link = mail && `${mail.text}\n${mail.html}`.match(/https?:\/\/[^\s"'<>)]+\/invite\/[^\s"'<>)]+/)?.[0];
    if (link) return new URL(link.replace(/&amp;/g, '&')).pathname;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No invitation mail to ${to} arrived.`);
}
