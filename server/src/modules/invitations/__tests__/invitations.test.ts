import { randomUUID } from 'node:crypto';
import { codeOf, expectOk, type GqlResponse, startTestApp, type TestApp } from '../../../../test/harness';
import { describeCrossTenant } from '../../../../test/cross-tenant';
import { startTestSmtp, type TestSmtp } from '../../../../test/support/smtp';
import { toGlobalId } from '../../../common/global-id';

/*
 * Invitations, tenant creation and membership removal end to end: a real server, a real
 * PostgreSQL database and a real SMTP server started here. Tokens are only ever read from the
 * mails that arrived, as an invitee would.
 */

let t: TestApp;
let smtp: TestSmtp;
const tokens: Record<string, string> = {};

const INVITATION_FIELDS = 'id email status expiresAt acceptedAt role { name } tenant { slug } invitedBy { email }';
const INVITE = `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { ${INVITATION_FIELDS} } }`;
const INVITATIONS = `query($filter: InvitationFilter) { invitations(first: 50, filter: $filter) { totalCount nodes { ${INVITATION_FIELDS} } } }`;
const REVOKE = `mutation($id: ID!) { revokeInvitation(id: $id) { ${INVITATION_FIELDS} } }`;
const RESEND = `mutation($id: ID!) { resendInvitation(id: $id) { ${INVITATION_FIELDS} } }`;
const PREVIEW = 'query($token: String!) { invitationPreview(token: $token) { email tenantName roleName existingAccount name expiresAt } }';
const ACCEPT = 'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken refreshToken user { email name } tenant { slug } } }';
const ME = 'query { me { user { email } tenant { slug } role } }';
const CREATE_TENANT = `mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id slug name } invitation { ${INVITATION_FIELDS} } } }`;
const REMOVE = 'mutation($id: ID!) { removeMember(membershipId: $id) { id user { email } } }';
const LEAVE = 'mutation { leaveTenant }';

async function roleId(tenantSlug: string, name: string): Promise<string> {
  const [row] = await t.sql<{ id: string }>('select r.id from roles r join tenants t on t.id = r.tenant_id where t.slug = ? and r.name = ?', [tenantSlug, name]);
  return toGlobalId('Role', row.id);
}

/** Mails that arrived for `to` so far, oldest first. */
function mailsTo(to: string) {
  return smtp.messages.filter((m) => m.to.toLowerCase().includes(to.toLowerCase()));
}

/** Waits until `count` mails have arrived for `to`; the token in the newest one's invitation link. */
async function invitationToken(to: string, count = 1): Promise<string> {
  await smtp.waitForMail(to);
  for (let i = 0; mailsTo(to).length < count; i++) {
    if (i > 100) throw new Error(`only ${mailsTo(to).length} mail(s) arrived for ${to}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const mail = mailsTo(to).at(-1)!;
  const link = mail.links.find((l) => l.includes('/invite/'));
  if (!link) throw new Error(`no invitation link in the mail to ${to}: ${mail.text}`);
  return decodeURIComponent(link.split('/invite/')[1].split(/[?#]/)[0]);
}

async function invite(email: string, role = 'member', token = tokens['owner@acme.test']): Promise<GqlResponse> {
  return t.gql(INVITE, { input: { email, roleId: await roleId('acme', role) } }, { token });
}

async function membershipId(email: string, slug: string): Promise<string> {
  const [row] = await t.sql<{ id: string }>(
    'select m.id from memberships m join users u on u.id = m.user_id join tenants t on t.id = m.tenant_id where u.email = ? and t.slug = ?',
    [email, slug],
  );
  if (!row) throw new Error(`no membership of ${email} in ${slug}`);
  return toGlobalId('Membership', row.id);
}

beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await startTestApp({ env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://portal.example.test' } });
  for (const email of ['owner@acme.test', 'admin@acme.test', 'member@acme.test', 'staff@atrium.test']) {
    tokens[email] = (await t.login(email)).accessToken;
  }
  tokens['owner@globex.test'] = (await t.login('owner@globex.test', 'globex')).accessToken;
}, 60_000);

afterAll(async () => {
  await t?.close();
  await smtp?.stop();
});

describe('inviting a new person', () => {
  it('mails a link to PUBLIC_URL; the invitee sets a name and password and is signed in to the tenant', async () => {
    const res = await invite('new.colleague@example.test', 'agent');
    expectOk(res);
    expect(res.data?.inviteMember).toMatchObject({ email: 'new.colleague@example.test', status: 'PENDING', role: { name: 'agent' }, tenant: { slug: 'acme' }, invitedBy: { email: 'owner@acme.test' } });

    const mail = await smtp.waitForMail('new.colleague@example.test');
    expect(mail.subject).toMatch(/acme/i);
    expect(mail.text).toContain('https://portal.example.test/invite/');
    expect(mail.html).toContain('https://portal.example.test/invite/');
    const token = await invitationToken('new.colleague@example.test');
    // Only the hash is stored.
    expect(await t.count('select count(*) as n from invitations where token_hash = ?', [token])).toBe(0);

    const preview = await t.gql(PREVIEW, { token });
    expectOk(preview);
    expect(preview.data?.invitationPreview).toMatchObject({ email: 'new.colleague@example.test', roleName: 'agent', existingAccount: false });

    const missing = await t.gql(ACCEPT, { input: { token } });
    expect(codeOf(missing)).toBe('BAD_USER_INPUT');
    expect(missing.errors?.[0]?.extensions.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'name' }), expect.objectContaining({ field: 'password' })]));
    const weak = await t.gql(ACCEPT, { input: { token, name: 'Nina New', password: 'password123' } });
    expect(codeOf(weak)).toBe('BAD_USER_INPUT');
    expect(weak.errors?.[0]?.extensions.fields).toEqual([{ field: 'password', message: 'This password is too common; choose another.' }]);

    const accepted = await t.gql(ACCEPT, { input: { token, name: 'Nina New', password: 'a-long-and-private-phrase' } });
    expectOk(accepted);
    expect(accepted.data?.acceptInvitation).toMatchObject({ user: { email: 'new.colleague@example.test', name: 'Nina New' }, tenant: { slug: 'acme' } });
    const me = await t.gql(ME, {}, { token: accepted.data?.acceptInvitation.accessToken });
    expect(me.data?.me).toEqual({ user: { email: 'new.colleague@example.test' }, tenant: { slug: 'acme' }, role: 'agent' });
    // The password works for a normal sign-in.
    await t.login('new.colleague@example.test', 'acme', 'a-long-and-private-phrase');

    // The token works once.
    const again = await t.gql(ACCEPT, { input: { token, name: 'Someone', password: 'another-long-phrase-1' } });
    expect(codeOf(again)).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(PREVIEW, { token }))).toBe('NOT_FOUND');
    const list = await t.gql(INVITATIONS, { filter: { email: 'new.colleague' } }, { token: tokens['owner@acme.test'] });
    expect(list.data?.invitations.nodes[0]).toMatchObject({ status: 'ACCEPTED' });
    const userId = await t.userId('new.colleague@example.test');
    expect(await t.count("select count(*) as n from audit_logs where action in ('invitation.accepted', 'membership.added', 'user.created') and actor_id = ?", [userId])).toBe(3);
  });

  it('refuses an expired, a revoked and a superseded (resent) link', async () => {
    const expired = await invite('late@example.test');
    expectOk(expired);
    const expiredToken = await invitationToken('late@example.test');
    await t.sql("update invitations set expires_at = now() - interval '1 minute' where email = 'late@example.test'");
    expect(codeOf(await t.gql(PREVIEW, { token: expiredToken }))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(ACCEPT, { input: { token: expiredToken, name: 'Late', password: 'a-long-and-private-phrase' } }))).toBe('BAD_USER_INPUT');
    const listed = await t.gql(INVITATIONS, { filter: { status: 'EXPIRED' } }, { token: tokens['owner@acme.test'] });
    expect(listed.data?.invitations.nodes.map((n: { email: string }) => n.email)).toContain('late@example.test');

    // An expired invitation can be resent: a new link that works, valid for 7 days again.
    const resent = await t.gql(RESEND, { id: expired.data?.inviteMember.id }, { token: tokens['owner@acme.test'] });
    expectOk(resent);
    expect(resent.data?.resendInvitation.status).toBe('PENDING');
    expect(new Date(resent.data?.resendInvitation.expiresAt).getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    const freshToken = await invitationToken('late@example.test', 2);
    expect(freshToken).not.toBe(expiredToken);
    expectOk(await t.gql(PREVIEW, { token: freshToken }));
    expect(codeOf(await t.gql(PREVIEW, { token: expiredToken }))).toBe('NOT_FOUND');

    const revoked = await t.gql(REVOKE, { id: expired.data?.inviteMember.id }, { token: tokens['admin@acme.test'] });
    expectOk(revoked);
    expect(revoked.data?.revokeInvitation.status).toBe('REVOKED');
    expect(codeOf(await t.gql(ACCEPT, { input: { token: freshToken, name: 'Late', password: 'a-long-and-private-phrase' } }))).toBe('BAD_USER_INPUT');
    const twice = await t.gql(REVOKE, { id: expired.data?.inviteMember.id }, { token: tokens['admin@acme.test'] });
    expect(codeOf(twice)).toBe('CONFLICT');
    expect(twice.errors?.[0]?.extensions.reason).toBe('INVITATION_CLOSED');
    expect(await t.count("select count(*) as n from users where email = 'late@example.test'")).toBe(0);
  });

  it('refuses inviting a member, a second pending invitation, an owner by a non-owner, and a foreign role', async () => {
    const member = await invite('viewer@acme.test');
    expect(codeOf(member)).toBe('CONFLICT');
    expect(member.errors?.[0]?.extensions.reason).toBe('ALREADY_MEMBER');

    expectOk(await invite('twice@example.test'));
    const second = await invite('TWICE@example.test', 'viewer');
    expect(codeOf(second)).toBe('CONFLICT');
    expect(second.errors?.[0]?.extensions.reason).toBe('INVITATION_PENDING');

    const owner = await invite('boss@example.test', 'owner', tokens['admin@acme.test']);
    expect(codeOf(owner)).toBe('FORBIDDEN');
    expect(owner.errors?.[0]?.extensions.reason).toBe('OWNER_ONLY');

    const foreignRole = await t.gql(INVITE, { input: { email: 'x@example.test', roleId: await roleId('globex', 'member') } }, { token: tokens['owner@acme.test'] });
    expect(codeOf(foreignRole)).toBe('NOT_FOUND');
    const badEmail = await t.gql(INVITE, { input: { email: 'not-an-address', roleId: await roleId('acme', 'member') } }, { token: tokens['owner@acme.test'] });
    expect(codeOf(badEmail)).toBe('BAD_USER_INPUT');
    expect(await t.count("select count(*) as n from invitations where email in ('boss@example.test', 'x@example.test', 'not-an-address')")).toBe(0);
  });
});

describe('inviting someone who already has an account', () => {
  it('needs that account signed in, then adds the membership without a second password', async () => {
    const res = await t.gql(INVITE, { input: { email: 'admin@acme.test', roleId: await roleId('globex', 'agent') } }, { token: tokens['owner@globex.test'] });
    expectOk(res);
    const token = await invitationToken('admin@acme.test');
    const preview = await t.gql(PREVIEW, { token });
    expect(preview.data?.invitationPreview).toMatchObject({ existingAccount: true, tenantName: expect.any(String), roleName: 'agent' });

    const anonymous = await t.gql(ACCEPT, { input: { token, name: 'X', password: 'a-long-and-private-phrase' } });
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
    expect(anonymous.errors?.[0]?.extensions.reason).toBe('SIGN_IN_TO_ACCEPT');
    const someoneElse = await t.gql(ACCEPT, { input: { token } }, { token: tokens['member@acme.test'] });
    expect(codeOf(someoneElse)).toBe('FORBIDDEN');
    expect(someoneElse.errors?.[0]?.extensions.reason).toBe('INVITATION_EMAIL_MISMATCH');

    const accepted = await t.gql(ACCEPT, { input: { token } }, { token: tokens['admin@acme.test'] });
    expectOk(accepted);
    expect(accepted.data?.acceptInvitation.tenant).toEqual({ slug: 'globex' });
    const me = await t.gql(ME, {}, { token: accepted.data?.acceptInvitation.accessToken });
    expect(me.data?.me).toMatchObject({ user: { email: 'admin@acme.test' }, tenant: { slug: 'globex' }, role: 'agent' });
    // The old password still signs in; acme membership untouched.
    await t.login('admin@acme.test', 'acme');
    await t.login('admin@acme.test', 'globex');
  });
});

describe('createTenant', () => {
  it('staff create a tenant with its system roles and invite its owner by mail', async () => {
    const res = await t.gql(
      CREATE_TENANT,
      { input: { name: 'Initech', slug: 'initech', ownerEmail: 'Bill@Initech.test', ownerName: 'Bill Lumbergh' } },
      { token: tokens['staff@atrium.test'] },
    );
    expectOk(res);
    expect(res.data?.createTenant.tenant).toMatchObject({ slug: 'initech', name: 'Initech' });
    expect(res.data?.createTenant.invitation).toMatchObject({ email: 'bill@initech.test', status: 'PENDING', role: { name: 'owner' }, tenant: { slug: 'initech' } });
    expect(await t.count("select count(*) as n from roles r join tenants t on t.id = r.tenant_id where t.slug = 'initech' and r.system")).toBe(5);
    expect(await t.count("select count(*) as n from audit_logs where action = 'tenant.created'")).toBe(1);

    const token = await invitationToken('bill@initech.test');
    const preview = await t.gql(PREVIEW, { token });
    expect(preview.data?.invitationPreview).toMatchObject({ tenantName: 'Initech', roleName: 'owner', name: 'Bill Lumbergh', existingAccount: false });
    const accepted = await t.gql(ACCEPT, { input: { token, name: 'Bill Lumbergh', password: 'tps-reports-need-covers' } });
    expectOk(accepted);
    const me = await t.gql(ME, {}, { token: accepted.data?.acceptInvitation.accessToken });
    expect(me.data?.me).toMatchObject({ tenant: { slug: 'initech' }, role: 'owner' });

    const dup = await t.gql(CREATE_TENANT, { input: { name: 'Again', slug: 'initech', ownerEmail: 'a@b.test' } }, { token: tokens['staff@atrium.test'] });
    expect(codeOf(dup)).toBe('CONFLICT');
    expect(dup.errors?.[0]?.extensions.fields).toEqual([{ field: 'slug', message: 'The slug "initech" is taken.' }]);
    const badSlug = await t.gql(CREATE_TENANT, { input: { name: 'Bad', slug: 'Bad Slug!', ownerEmail: 'a@b.test' } }, { token: tokens['staff@atrium.test'] });
    expect(codeOf(badSlug)).toBe('BAD_USER_INPUT');
    const owner = await t.gql(CREATE_TENANT, { input: { name: 'Mine', slug: 'mine', ownerEmail: 'a@b.test' } }, { token: tokens['owner@acme.test'] });
    expect(codeOf(owner)).toBe('FORBIDDEN');
    expect(await t.count("select count(*) as n from tenants where slug in ('mine', 'bad slug!')")).toBe(0);
  });
});

describe('removing members and leaving', () => {
  it('removal revokes the member’s sessions in the tenant; the last owner stays; only owners remove owners', async () => {
    // A fresh member, signed in twice.
    expectOk(await invite('leaver@example.test', 'member'));
    const acc = await t.gql(ACCEPT, { input: { token: await invitationToken('leaver@example.test'), name: 'Lee Leaver', password: 'a-long-and-private-phrase' } });
    expectOk(acc);
    const other = await t.login('leaver@example.test', 'acme', 'a-long-and-private-phrase');
    expectOk(await t.gql(ME, {}, { token: other.accessToken }));

    const self = await t.gql(REMOVE, { id: await membershipId('admin@acme.test', 'acme') }, { token: tokens['admin@acme.test'] });
    expect(self.errors?.[0]?.extensions.reason).toBe('SELF_REMOVAL');
    const ownerByAdmin = await t.gql(REMOVE, { id: await membershipId('owner@acme.test', 'acme') }, { token: tokens['admin@acme.test'] });
    expect(ownerByAdmin.errors?.[0]?.extensions.reason).toBe('OWNER_ONLY');
    const byMember = await t.gql(REMOVE, { id: await membershipId('leaver@example.test', 'acme') }, { token: tokens['member@acme.test'] });
    expect(codeOf(byMember)).toBe('FORBIDDEN');

    const removed = await t.gql(REMOVE, { id: await membershipId('leaver@example.test', 'acme') }, { token: tokens['admin@acme.test'] });
    expectOk(removed);
    expect(removed.data?.removeMember.user.email).toBe('leaver@example.test');
    for (const token of [acc.data?.acceptInvitation.accessToken, other.accessToken]) {
      expect(codeOf(await t.gql(ME, {}, { token }))).toBe('UNAUTHENTICATED');
    }
    expect(await t.count("select count(*) as n from audit_logs where action = 'membership.removed'")).toBe(1);

    // Initech (created above) has one owner: Bill cannot leave, and staff cannot remove him.
    const bill = await t.login('bill@initech.test', 'initech', 'tps-reports-need-covers');
    const leave = await t.gql(LEAVE, {}, { token: bill.accessToken });
    expect(leave.errors?.[0]?.extensions.reason).toBe('LAST_OWNER');
    const staff = await t.gql(REMOVE, { id: await membershipId('bill@initech.test', 'initech') }, { token: tokens['staff@atrium.test'] });
    expect(staff.errors?.[0]?.extensions.reason).toBe('LAST_OWNER');
  });

  it('a member leaves: the membership goes and their session there ends', async () => {
    const gloria = await t.login('owner@globex.test', 'acme');
    expectOk(await t.gql(ME, {}, { token: gloria.accessToken }));
    const left = await t.gql(LEAVE, {}, { token: gloria.accessToken });
    expectOk(left);
    expect(left.data?.leaveTenant).toBe(true);
    expect(codeOf(await t.gql(ME, {}, { token: gloria.accessToken }))).toBe('UNAUTHENTICATED');
    expect(await t.count("select count(*) as n from memberships m join users u on u.id = m.user_id join tenants t on t.id = m.tenant_id where u.email = 'owner@globex.test' and t.slug = 'acme'")).toBe(0);
    // Still owner of globex.
    expectOk(await t.gql(ME, {}, { token: tokens['owner@globex.test'] }));
  });
});

describe('isolation', () => {
  let acmeInvitation = '';
  beforeAll(async () => {
    const res = await invite('isolated@example.test');
    acmeInvitation = res.data?.inviteMember.id;
  });

  describeCrossTenant('acme invitations and members, from globex', {
    app: () => t,
    as: { label: 'owner@globex.test', token: () => tokens['owner@globex.test'] },
    foreign: async () => ({ invitation: acmeInvitation, membership: await membershipId('viewer@acme.test', 'acme'), tenant: toGlobalId('Tenant', await t.tenantId('acme')) }),
    unchanged: () => Promise.all([t.sql('select id, revoked_at, expires_at, token_hash from invitations order by id'), t.sql('select id from memberships order by id')]),
    secrets: ['isolated@example.test'],
    reads: [
      { name: 'node(id) on an acme invitation', query: 'query($id: ID!) { node(id: $id) { id } }', variables: (c) => ({ id: c.foreign.invitation }), expect: 'NOT_FOUND' },
      { name: 'invitations with filter.tenantId of acme', query: INVITATIONS, variables: (c) => ({ filter: { tenantId: c.foreign.tenant } }), expect: 'empty', at: 'invitations' },
    ],
    writes: [
      { name: 'revokeInvitation', mutation: REVOKE, variables: (c) => ({ id: c.foreign.invitation }) },
      { name: 'resendInvitation', mutation: RESEND, variables: (c) => ({ id: c.foreign.invitation }) },
      { name: 'removeMember', mutation: REMOVE, variables: (c) => ({ id: c.foreign.membership }) },
      { name: 'inviteMember with an acme role', mutation: INVITE, variables: async () => ({ input: { email: 'sneaky@example.test', roleId: await roleId('acme', 'admin') } }) },
    ],
  });

  it('an unknown invitation id answers like a foreign one', async () => {
    const res = await t.gql(REVOKE, { id: toGlobalId('Invitation', randomUUID()) }, { token: tokens['owner@globex.test'] });
    expect(codeOf(res)).toBe('NOT_FOUND');
  });
});
