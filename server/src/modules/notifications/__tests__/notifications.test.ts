import { fromGlobalId, toGlobalId } from '../../../common/global-id';
import { expectError, expectOk, startTestApp, type TestApp } from '../../../../test/harness';
import { startTestSmtp, type TestSmtp } from '../../../../test/support/smtp';
import { KycCaseStatus, KycRecommendation } from '../../kyc/kyc-case.entity';
import { makeKycCase } from '../../kyc/kyc.factory';
import { RunExecutor } from '../../runs/run.executor';
import { makeRun } from '../../runs/run.factory';
import { Tenant } from '../../tenancy/tenant.entity';
import { Tool } from '../../tools/tool.entity';
import { User } from '../../users/user.entity';
import { NotificationKind } from '../notification.entity';
import { notify, ticketReplyRecipients } from '../notify';

/**
 * Notifications on a real server, database and SMTP server: each producer notifies exactly the
 * right people (never the actor, never another tenant, never a role that should not hear of it),
 * preferences decide in-app and mail, the inbox is the caller's own (another person's id answers
 * NOT_FOUND), a burst of replies makes ONE mail, and a rolled-back change notifies nobody.
 */

type Who = 'owner' | 'admin' | 'agent' | 'member' | 'viewer' | 'globex' | 'staff' | 'compliance';
const EMAIL: Record<Who, string> = {
  owner: 'owner@acme.test',
  admin: 'admin@acme.test',
  agent: 'agent@acme.test',
  member: 'member@acme.test',
  viewer: 'viewer@acme.test',
  globex: 'owner@globex.test',
  staff: 'staff@atrium.test',
  compliance: 'compliance@atrium.test',
};
const WINDOW_MS = 60_000;

let t: TestApp;
let smtp: TestSmtp;
const tokens = {} as Record<Who, string>;
const ids = {} as Record<Who, string>;

interface Row {
  id: string;
  recipient_id: string;
  kind: string;
  title: string;
  url: string;
  in_app: boolean;
  email_pending: boolean;
  tenant_id: string | null;
}

/** Notification rows of `kind` created since `since`, by recipient email. */
async function recipientsOf(kind: NotificationKind, since: Date): Promise<string[]> {
  const rows = await t.sql<{ email: string }>(
    'select u.email from notifications n join users u on u.id = n.recipient_id where n.kind = ? and n.created_at >= ? order by u.email',
    [kind, since],
  );
  return rows.map((r) => r.email);
}

async function rowsFor(who: Who, kind: NotificationKind, since: Date): Promise<Row[]> {
  return t.sql<Row>('select * from notifications where recipient_id = ? and kind = ? and created_at >= ? order by created_at, id', [ids[who], kind, since]);
}

const CREATE_TICKET = 'mutation($input: CreateTicketInput!) { createTicket(input: $input) { id version } }';
const COMMENT = 'mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }';
const UPDATE_TICKET = 'mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { id version } }';
const INBOX = 'query($filter: NotificationFilter) { unreadNotificationCount notifications(first: 50, filter: $filter) { totalCount nodes { id kind title body url read readAt subjectId } } }';
const SET_PREF = 'mutation($input: UpdateNotificationPreferenceInput!) { updateNotificationPreference(input: $input) { kind inApp email } }';

async function raiseTicket(who: Who, subject: string): Promise<{ id: string; version: number }> {
  const res = await t.gql<{ createTicket: { id: string; version: number } }>(CREATE_TICKET, { input: { subject, body: 'Please help.' } }, { token: tokens[who] });
  expectOk(res);
  if (!res.data) throw new Error('no ticket');
  return res.data.createTicket;
}

async function reply(who: Who, ticketId: string, body: string): Promise<void> {
  expectOk(await t.gql(COMMENT, { input: { ticketId, body } }, { token: tokens[who] }));
}

async function setPref(who: Who, kind: NotificationKind, inApp: boolean, email: boolean): Promise<void> {
  expectOk(await t.gql(SET_PREF, { input: { kind, inApp, email } }, { token: tokens[who] }));
}

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await startTestApp({ env: { SMTP_URL: smtp.url, NOTIFICATION_MAIL_WINDOW_SECONDS: String(WINDOW_MS / 1000), EXECUTOR_ENABLED: 'false' } });
  for (const who of Object.keys(EMAIL) as Who[]) {
    tokens[who] = (await t.login(EMAIL[who])).accessToken;
    ids[who] = await t.userId(EMAIL[who]);
  }
});

afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

describe('ticket replies', () => {
  it('notify the requester, the assignee and earlier commenters, never the author, nobody else', async () => {
    const since = new Date();
    const ticket = await raiseTicket('member', 'Printer on fire');
    await reply('agent', ticket.id, 'Have you tried turning it off?');
    expect(await recipientsOf(NotificationKind.TICKET_REPLY, since)).toEqual([EMAIL.member]);

    // The member answers: the agent (an earlier commenter) hears of it, the member does not.
    await reply('member', ticket.id, 'It is still on fire.');
    expect(await recipientsOf(NotificationKind.TICKET_REPLY, since)).toEqual([EMAIL.agent, EMAIL.member]);

    const [mine] = await rowsFor('member', NotificationKind.TICKET_REPLY, since);
    expect(mine).toMatchObject({ in_app: true, email_pending: true, url: `/tickets/${encodeURIComponent(ticket.id)}` });
    expect(mine?.title).toContain('Printer on fire');
    expect(mine?.tenant_id).toBe(await t.tenantId('acme'));
  });
});

describe('internal notes', () => {
  it('would reach only those who work tickets, never the customer who raised it', async () => {
    const ticket = await raiseTicket('member', 'Internal note recipients');
    await reply('admin', ticket.id, 'Looking into it.');
    const facts = { id: fromGlobalId(ticket.id).id, tenantId: await t.tenantId('acme'), requesterId: ids.member, assigneeId: null };
    const em = t.orm.em.fork();
    expect((await ticketReplyRecipients(em, facts, ids.agent, 'PUBLIC')).sort()).toEqual([ids.admin, ids.member].sort());
    expect(await ticketReplyRecipients(em, facts, ids.agent, 'INTERNAL')).toEqual([ids.admin]);
  });
});

describe('ticket assignment', () => {
  it('notifies the new assignee, but not someone who assigns themselves', async () => {
    const since = new Date();
    const ticket = await raiseTicket('member', 'Assign me');
    const assigned = await t.gql<{ updateTicket: { version: number } }>(UPDATE_TICKET, { input: { id: ticket.id, version: ticket.version, assigneeId: toGlobalId('User', ids.admin) } }, { token: tokens.agent });
    expectOk(assigned);
    expect(await recipientsOf(NotificationKind.TICKET_ASSIGNED, since)).toEqual([EMAIL.admin]);

    const self = await t.gql(UPDATE_TICKET, { input: { id: ticket.id, version: assigned.data?.updateTicket.version, assigneeId: toGlobalId('User', ids.agent) } }, { token: tokens.agent });
    expectOk(self);
    expect(await recipientsOf(NotificationKind.TICKET_ASSIGNED, since)).toEqual([EMAIL.admin]);
  });
});

describe('the inbox', () => {
  it('lists your own, newest first, counts the unread, marks one and all read; another person’s id is NOT_FOUND', async () => {
    await t.gql('mutation { markAllNotificationsRead }', {}, { token: tokens.member });
    const ticket = await raiseTicket('member', 'Inbox test');
    await reply('agent', ticket.id, 'first');
    await reply('agent', ticket.id, 'second');

    const inbox = await t.gql<{ unreadNotificationCount: number; notifications: { totalCount: number; nodes: { id: string; body: string; read: boolean; subjectId: string; url: string }[] } }>(
      INBOX,
      { filter: { unread: true } },
      { token: tokens.member },
    );
    expectOk(inbox);
    expect(inbox.data?.unreadNotificationCount).toBe(2);
    expect(inbox.data?.notifications.nodes.map((n) => n.body)).toEqual(['second', 'first']);
    expect(inbox.data?.notifications.nodes[0]).toMatchObject({ read: false, subjectId: ticket.id });
    const [newest, oldest] = inbox.data?.notifications.nodes ?? [];

    // The agent sees none of the member's, and cannot mark one read.
    const theirs = await t.gql<{ notifications: { nodes: { id: string }[] } }>(INBOX, {}, { token: tokens.agent });
    expect(theirs.data?.notifications.nodes.map((n) => n.id)).not.toContain(newest?.id);
    expectError(await t.gql('mutation($id: ID!) { markNotificationRead(id: $id) { id } }', { id: newest?.id }, { token: tokens.agent }), 'NOT_FOUND');
    // Nor can another tenant's owner (who is also an acme member), nor staff.
    expectError(await t.gql('mutation($id: ID!) { markNotificationRead(id: $id) { id } }', { id: newest?.id }, { token: tokens.globex }), 'NOT_FOUND');
    expectError(await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: newest?.id }, { token: tokens.staff }), 'NOT_FOUND');

    const marked = await t.gql<{ markNotificationRead: { read: boolean; readAt: string } }>('mutation($id: ID!) { markNotificationRead(id: $id) { read readAt } }', { id: newest?.id }, { token: tokens.member });
    expectOk(marked);
    expect(marked.data?.markNotificationRead.read).toBe(true);
    const after = await t.gql<{ unreadNotificationCount: number; notifications: { nodes: { id: string }[] } }>(INBOX, { filter: { unread: true } }, { token: tokens.member });
    expect(after.data?.unreadNotificationCount).toBe(1);
    expect(after.data?.notifications.nodes.map((n) => n.id)).toEqual([oldest?.id]);
    // Their own notification reads through node as well.
    const node = await t.gql<{ node: { id: string; title: string } | null }>('query($id: ID!) { node(id: $id) { id ... on Notification { title } } }', { id: oldest?.id }, { token: tokens.member });
    expect(node.data?.node?.id).toBe(oldest?.id);

    const all = await t.gql<{ markAllNotificationsRead: number }>('mutation { markAllNotificationsRead }', {}, { token: tokens.member });
    expect(all.data?.markAllNotificationsRead).toBe(1);
    const none = await t.gql<{ unreadNotificationCount: number }>('query { unreadNotificationCount }', {}, { token: tokens.member });
    expect(none.data?.unreadNotificationCount).toBe(0);
  });

  it('shows a person who belongs to two tenants only the notifications of the tenant they act in', async () => {
    const acme = await t.tenantId('acme');
    await t.orm.em.fork().transactional((em) => notify(em, { kind: NotificationKind.TICKET_ASSIGNED, recipients: [ids.globex], tenantId: acme, title: 'About acme', url: '/tickets' }));
    const inGlobex = await t.gql<{ unreadNotificationCount: number; notifications: { nodes: { title: string }[] } }>(INBOX, {}, { token: tokens.globex });
    expect(inGlobex.data?.unreadNotificationCount).toBe(0);
    expect(inGlobex.data?.notifications.nodes.map((n) => n.title)).not.toContain('About acme');
    expect((await t.gql<{ markAllNotificationsRead: number }>('mutation { markAllNotificationsRead }', {}, { token: tokens.globex })).data?.markAllNotificationsRead).toBe(0);

    const inAcme = (await t.login(EMAIL.globex, 'acme')).accessToken;
    const there = await t.gql<{ unreadNotificationCount: number; notifications: { nodes: { title: string }[] } }>(INBOX, {}, { token: inAcme });
    expect(there.data?.unreadNotificationCount).toBe(1);
    expect(there.data?.notifications.nodes.map((n) => n.title)).toEqual(['About acme']);
  });

  it('is refused to API keys: an inbox is a person’s', async () => {
    const key = await t.gql<{ createApiKey: { secret: string } }>('mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', { input: { name: 'inbox probe', permissions: ['ticket:read'] } }, { token: tokens.owner });
    expectOk(key);
    const res = await t.gql('query { unreadNotificationCount }', {}, { token: key.data?.createApiKey.secret });
    expectError(res, 'FORBIDDEN', 'API_KEY_NOT_ALLOWED');
  });
});

describe('preferences', () => {
  it('answer every kind with defaults, and decide whether a row is shown and whether it is mailed', async () => {
    const prefs = await t.gql<{ notificationPreferences: { kind: string; inApp: boolean; email: boolean }[] }>('query { notificationPreferences { kind inApp email } }', {}, { token: tokens.viewer });
    expect(prefs.data?.notificationPreferences.map((p) => p.kind)).toEqual(Object.values(NotificationKind));
    expect(prefs.data?.notificationPreferences.find((p) => p.kind === 'TICKET_REPLY')).toEqual({ kind: 'TICKET_REPLY', inApp: true, email: true });

    const since = new Date();
    const ticket = await raiseTicket('member', 'Preferences');
    // Neither channel: nothing at all.
    await setPref('member', NotificationKind.TICKET_REPLY, false, false);
    await reply('agent', ticket.id, 'muted');
    expect(await rowsFor('member', NotificationKind.TICKET_REPLY, since)).toEqual([]);

    // Mail only: a row for the digest, never listed or counted.
    await t.gql('mutation { markAllNotificationsRead }', {}, { token: tokens.member });
    await setPref('member', NotificationKind.TICKET_REPLY, false, true);
    await reply('agent', ticket.id, 'mail only');
    expect(await rowsFor('member', NotificationKind.TICKET_REPLY, since)).toEqual([expect.objectContaining({ in_app: false, email_pending: true })]);
    const inbox = await t.gql<{ unreadNotificationCount: number }>('query { unreadNotificationCount }', {}, { token: tokens.member });
    expect(inbox.data?.unreadNotificationCount).toBe(0);

    // In-app only: shown, never mailed.
    await setPref('member', NotificationKind.TICKET_REPLY, true, false);
    await reply('agent', ticket.id, 'app only');
    const rows = await rowsFor('member', NotificationKind.TICKET_REPLY, since);
    expect(rows.map((r) => [r.in_app, r.email_pending])).toEqual([
      [false, true],
      [true, false],
    ]);
    const set = await t.gql<{ notificationPreferences: { kind: string; inApp: boolean; email: boolean }[] }>('query { notificationPreferences { kind inApp email } }', {}, { token: tokens.member });
    expect(set.data?.notificationPreferences.find((p) => p.kind === 'TICKET_REPLY')).toEqual({ kind: 'TICKET_REPLY', inApp: true, email: false });

    // Back to the defaults for the other tests; clear what the digest would send.
    await setPref('member', NotificationKind.TICKET_REPLY, true, true);
    await t.sql('update notifications set email_pending = false where recipient_id = ?', [ids.member]);
  });
});

describe('mail', () => {
  it('sends ONE mail for a burst of replies, once the window has passed, and never again for them', async () => {
    await t.sql('update notifications set email_pending = false');
    const ticket = await raiseTicket('member', 'Burst');
    for (let i = 1; i <= 10; i++) await reply('agent', ticket.id, `Reply number ${i}`);

    // Within the window: nothing yet.
    expect(await t.app.notificationMail.flushDue(new Date())).toBe(0);
    const later = new Date(Date.now() + WINDOW_MS + 1000);
    expect(await t.app.notificationMail.flushDue(later)).toBe(1);
    expect(await t.app.notificationMail.flushDue(later)).toBe(0);

    const mail = await smtp.waitForMail(EMAIL.member, { subject: /10 new notifications/ });
    await t.app.mail.idle();
    expect(smtp.mailsTo(EMAIL.member)).toHaveLength(1);
    expect(mail.text).toContain('Reply number 10');
    expect(mail.text).toContain('Reply number 1 ');
    expect(mail.links).toContain(`http://localhost:4000/tickets/${encodeURIComponent(ticket.id)}`);
    expect(mail.links).toContain('http://localhost:4000/notifications');
    expect(smtp.mailsTo(EMAIL.agent)).toHaveLength(0);
    expect(await t.count('select count(*) as n from notifications where recipient_id = ? and email_pending', [ids.member])).toBe(0);
  });
});

describe('runs, KYC, incidents and invitations', () => {
  it('a failed run notifies whoever started it', async () => {
    const em = t.orm.em.fork();
    const acme = await em.findOneOrFail(Tenant, { slug: 'acme' });
    const tool = await em.findOneOrFail(Tool, { key: 'vat.validate' });
    const member = await em.findOneOrFail(User, { id: ids.member });
    const run = makeRun(em, acme, tool, { requestedBy: member, createdAt: new Date(Date.now() - 1000) });
    await em.flush();
    // An executor with no handlers: the attempt fails for good at once.
    const ex = new RunExecutor(t.orm, { ...t.app.services.config.executor, enabled: true }, t.app.services.logger, new Map());
    const statusOf = async () => (await t.sql<{ status: string }>('select status from automation_runs where id = ?', [run.id]))[0]?.status;
    // The demo data's queued runs are older and go first; each tick claims a few.
    for (let i = 0; i < 50 && (await statusOf()) !== 'FAILED'; i++) {
      await ex.tick();
      await ex.idle();
    }
    expect(await statusOf()).toBe('FAILED');
    const rows = await t.sql<Row>('select * from notifications where run_id = ?', [run.id]);
    expect(rows.map((r) => [r.recipient_id, r.kind, r.url])).toEqual([[ids.member, 'RUN_FAILED', `/runs/${encodeURIComponent(toGlobalId('AutomationRun', run.id))}`]]);
  });

  it('KYC: information requested and decided reach the case’s filer only', async () => {
    const since = new Date();
    const em = t.orm.em.fork();
    const acme = await em.findOneOrFail(Tenant, { slug: 'acme' });
    const admin = await em.findOneOrFail(User, { id: ids.admin });
    const compliance = await em.findOneOrFail(User, { id: ids.compliance });
    const asking = makeKycCase(em, acme, admin, { status: KycCaseStatus.IN_REVIEW, reviewer: compliance });
    const deciding = makeKycCase(em, acme, admin, { status: KycCaseStatus.IN_REVIEW, reviewer: compliance, recommendation: KycRecommendation.REJECT, recommendationReason: 'Mismatch' });
    await em.flush();

    const asked = await t.gql(
      'mutation($input: RequestKycInfoInput!) { requestKycInfo(input: $input) { status } }',
      { input: { id: toGlobalId('KycCase', asking.id), version: asking.version, message: 'Please upload a clearer passport scan.' } },
      { token: tokens.compliance },
    );
    expectOk(asked);
    expect(await recipientsOf(NotificationKind.KYC_INFORMATION_REQUESTED, since)).toEqual([EMAIL.admin]);
    const [info] = await rowsFor('admin', NotificationKind.KYC_INFORMATION_REQUESTED, since);
    expect(info?.title).toContain('More information');

    const decided = await t.gql(
      'mutation($input: DecideKycCaseInput!) { decideKycCase(input: $input) { status } }',
      { input: { id: toGlobalId('KycCase', deciding.id), version: deciding.version, decision: 'REJECT', reason: 'Documents do not match.' } },
      { token: tokens.staff },
    );
    expectOk(decided);
    expect(await recipientsOf(NotificationKind.KYC_DECIDED, since)).toEqual([EMAIL.admin]);
  });

  it('an incident notifies owners, admins and agents of the affected tenant only, not the staff who changed it', async () => {
    const since = new Date();
    const acme = toGlobalId('Tenant', await t.tenantId('acme'));
    const opened = await t.gql<{ createIncident: { id: string } }>(
      'mutation($input: CreateIncidentInput!) { createIncident(input: $input) { id } }',
      { input: { title: 'Database slow', severity: 'SEV2', summary: 'Queries take seconds.', tenantIds: [acme] } },
      { token: tokens.staff },
    );
    expectOk(opened);
    const expected = [EMAIL.admin, EMAIL.agent, EMAIL.owner].sort();
    expect(await recipientsOf(NotificationKind.INCIDENT_CHANGED, since)).toEqual(expected);

    const moved = await t.gql('mutation($input: TransitionIncidentInput!) { transitionIncident(input: $input) { id } }', { input: { id: opened.data?.createIncident.id, to: 'MITIGATED' } }, { token: tokens.staff });
    expectOk(moved);
    expect(await recipientsOf(NotificationKind.INCIDENT_CHANGED, since)).toEqual([...expected, ...expected].sort());
    const [row] = await rowsFor('owner', NotificationKind.INCIDENT_CHANGED, since);
    expect(row?.title).toBe('Incident opened: Database slow');
  });

  it('an accepted invitation notifies the inviter', async () => {
    const since = new Date();
    const member = await t.gql<{ roles: { nodes: { id: string; name: string }[] } }>('query { roles(first: 20) { nodes { id name } } }', {}, { token: tokens.admin });
    const roleId = member.data?.roles.nodes.find((r) => r.name === 'member')?.id;
    const invited = await t.gql('mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id } }', { input: { email: 'newcomer@example.test', roleId } }, { token: tokens.admin });
    expectOk(invited);
    const mail = await smtp.waitForMail('newcomer@example.test');
    const token = decodeURIComponent(mail.links.find((l) => l.includes('/invite/'))?.split('/invite/')[1] ?? '');
    const accepted = await t.gql('mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken } }', { input: { token, name: 'Nina Newcomer', password: 'a-long-enough-passphrase-42' } });
    expectOk(accepted);
    expect(await recipientsOf(NotificationKind.INVITATION_ACCEPTED, since)).toEqual([EMAIL.admin]);
    const [row] = await rowsFor('admin', NotificationKind.INVITATION_ACCEPTED, since);
    expect(row?.title).toBe('Nina Newcomer accepted your invitation to Acme Corporation');
  });
});

describe('transactions', () => {
  it('a rolled-back change creates no notification', async () => {
    const before = await t.count('select count(*) as n from notifications');
    await expect(
      t.orm.em.fork().transactional(async (em) => {
        await notify(em, { kind: NotificationKind.TICKET_REPLY, recipients: [ids.member], tenantId: await t.tenantId('acme'), title: 'never', url: '/tickets' });
        await em.flush();
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await t.count('select count(*) as n from notifications')).toBe(before);
  });
});
