import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../common/logger';
import { Entitlement } from '../modules/entitlements/entitlement.entity';
import { FeatureFlagOverride } from '../modules/flags/feature-flag-override.entity';
import { FeatureFlag } from '../modules/flags/feature-flag.entity';
import { hashPassword } from '../modules/auth/password';
import { addMember, provisionTenant } from '../modules/tenancy/tenant.factory';
import { Tenant } from '../modules/tenancy/tenant.entity';
import { makeComment, makeTicket } from '../modules/tickets/ticket.factory';
import { TicketPriority, TicketStatus } from '../modules/tickets/ticket.entity';
import { StaffRole, User } from '../modules/users/user.entity';
import { seedKyc } from './kyc.seed';
import { seedObservability } from './observability.seed';
import { seedAutomation } from './automation.seed';
import { randomBytes } from 'node:crypto';
import { hashLinkToken } from '../modules/auth/password.service';
import { Invitation } from '../modules/invitations/invitation.entity';
import { INVITATION_TTL_MS } from '../modules/invitations/invitation.service';

export const DEMO_PASSWORD = 'atrium-demo';

export const DEMO_ACCOUNTS = [
  { email: 'owner@acme.test', name: 'Olivia Owner', note: 'acme owner' },
  { email: 'admin@acme.test', name: 'Adam Admin', note: 'acme admin' },
  { email: 'agent@acme.test', name: 'Ada Agent', note: 'acme agent' },
  { email: 'member@acme.test', name: 'Mia Member', note: 'acme member (customer)' },
  { email: 'viewer@acme.test', name: 'Victor Viewer', note: 'acme viewer (read-only)' },
  { email: 'owner@globex.test', name: 'Gloria Globex', note: 'globex owner, also an acme member' },
  { email: 'staff@atrium.test', name: 'Sam Staff', note: 'platform staff (superadmin)' },
  { email: 'compliance@atrium.test', name: 'Cora Compliance', note: 'platform staff (compliance: KYC reviews)' },
] as const;

const STAFF_ROLES: Partial<Record<(typeof DEMO_ACCOUNTS)[number]['email'], StaffRole>> = {
  'staff@atrium.test': StaffRole.SUPERADMIN,
  'compliance@atrium.test': StaffRole.COMPLIANCE,
};

export interface DemoSeedOptions {
  /** Where the demo KYC documents' files are written (config.kyc.storageDir). */
  kycStorageDir: string;
}

/** Small deterministic PRNG so every seed produces the same data. */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  'Cannot export invoices to CSV',
  'SSO login loops back to the sign-in page',
  'Webhook deliveries delayed by several minutes',
  'Request: dark mode for the dashboard',
  'Two-factor codes not arriving by SMS',
  'API returns 429 during nightly sync',
  'Wrong VAT rate on the October invoice',
  'User invite email went to spam',
  'Dashboard widgets load slowly on Mondays',
  'How do I rotate our API key?',
  'Report totals differ from the export',
  'Cannot upload KYC document (PDF, 3 MB)',
];
const COMMENTS = [
  'Thanks for reporting this. We are looking into it.',
  'Could you share the request id from the error message?',
  'Here is a screenshot of what I see.',
  'We have deployed a fix; can you confirm it works for you?',
  'Confirmed, it works now. Thank you!',
  'Escalated to the platform team.',
];
const STATUSES = [TicketStatus.OPEN, TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.RESOLVED, TicketStatus.CLOSED];
const PRIORITIES = [TicketPriority.LOW, TicketPriority.NORMAL, TicketPriority.NORMAL, TicketPriority.HIGH, TicketPriority.URGENT];
const BASE_TIME = Date.UTC(2026, 8, 1, 9, 0, 0);

/**
 * Demo tenants, users, roles, flags, entitlements and tickets. Idempotent: does nothing when
 * the demo tenant exists. Deterministic: the same rows every time.
 */
export async function seedDemoData(orm: MikroORM, logger: Logger, options: DemoSeedOptions): Promise<boolean> {
  const em = orm.em.fork();
  if (await em.count(Tenant, { slug: 'acme' })) {
    logger.info('demo data already present');
    return false;
  }
  const rand = mulberry32(20260901);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await em.transactional(async (tem) => {
    const users = Object.fromEntries(
      DEMO_ACCOUNTS.map((a) => {
        const user = tem.create(User, {
          email: a.email,
          name: a.name,
          passwordHash,
          staffRole: STAFF_ROLES[a.email],
        });
        tem.persist(user);
        return [a.email, user];
      }),
    ) as Record<(typeof DEMO_ACCOUNTS)[number]['email'], User>;

    const acme = provisionTenant(tem, { slug: 'acme', name: 'Acme Corporation', createdAt: new Date(BASE_TIME - 90 * 86_400_000) });
    const globex = provisionTenant(tem, { slug: 'globex', name: 'Globex Inc.', createdAt: new Date(BASE_TIME - 80 * 86_400_000) });
    addMember(tem, acme, users['owner@acme.test'], 'owner');
    addMember(tem, acme, users['admin@acme.test'], 'admin');
    addMember(tem, acme, users['agent@acme.test'], 'agent');
    addMember(tem, acme, users['member@acme.test'], 'member');
    addMember(tem, acme, users['viewer@acme.test'], 'viewer');
    addMember(tem, globex, users['owner@globex.test'], 'owner');
    addMember(tem, acme, users['owner@globex.test'], 'member');
    // One invitation waiting in acme, so the Team page and the back office show one. Its link was
    // never mailed: only a hash of a random token is stored, as for a real one.
    tem.persist(
      tem.create(Invitation, {
        tenant: acme.tenant,
        email: 'new.hire@acme.test',
        role: acme.roles.agent,
        invitedBy: users['owner@acme.test'],
        tokenHash: hashLinkToken(randomBytes(32).toString('base64url')),
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
      }),
    );

    const flags = [
      tem.create(FeatureFlag, { key: 'portal.command-palette', description: 'Ctrl/Cmd+K command palette in the portal.', defaultEnabled: true }),
      tem.create(FeatureFlag, { key: 'tickets.satisfaction-survey', description: 'Ask for a rating when a ticket is resolved.', defaultEnabled: false }),
      tem.create(FeatureFlag, { key: 'automation.beta', description: 'Early access to automation runs.', defaultEnabled: false }),
    ];
    flags.forEach((f) => tem.persist(f));
    tem.persist(tem.create(FeatureFlagOverride, { tenant: acme.tenant, flag: flags[2], enabled: true }));

    const validFrom = new Date(BASE_TIME - 60 * 86_400_000);
    tem.persist(tem.create(Entitlement, { tenant: acme.tenant, feature: 'tickets', plan: 'pro', limits: {}, validFrom }));
    tem.persist(tem.create(Entitlement, { tenant: acme.tenant, feature: 'automation', plan: 'pro', limits: { runsPerMonth: 500 }, validFrom }));
    tem.persist(tem.create(Entitlement, { tenant: globex.tenant, feature: 'tickets', plan: 'starter', limits: {}, validFrom }));

    const seedTickets = (t: typeof acme, count: number, requesters: User[], agents: User[]) => {
      for (let i = 0; i < count; i++) {
        const createdAt = new Date(BASE_TIME + i * 3_600_000 * 7 + Math.floor(rand() * 3_600_000));
        const requester = pick(requesters);
        const status = pick(STATUSES);
        const ticket = makeTicket(tem, t.tenant, requester, {
          subject: pick(SUBJECTS),
          body: `${pick(SUBJECTS)}.\n\nSteps: open the page, click the button, see the error. Started around ${createdAt.toISOString().slice(0, 10)}.`,
          status,
          priority: pick(PRIORITIES),
          assignee: status === TicketStatus.OPEN && rand() < 0.4 ? null : pick(agents),
          createdAt,
        });
        const comments = Math.floor(rand() * 5);
        for (let c = 0; c < comments; c++) {
          const author = c % 2 === 0 ? pick(agents) : requester;
          makeComment(tem, ticket, author, pick(COMMENTS), new Date(createdAt.getTime() + (c + 1) * 1_800_000));
        }
      }
    };
    seedTickets(acme, 60, [users['member@acme.test'], users['owner@acme.test'], users['owner@globex.test']], [users['agent@acme.test'], users['admin@acme.test']]);
    seedTickets(globex, 15, [users['owner@globex.test']], [users['owner@globex.test']]);

    await seedKyc(tem, {
      storageDir: options.kycStorageDir,
      acme: acme.tenant,
      globex: globex.tenant,
      acmeCustomers: [users['owner@acme.test'], users['admin@acme.test']],
      globexCustomer: users['owner@globex.test'],
      superadmin: users['staff@atrium.test'],
      compliance: users['compliance@atrium.test'],
      rand,
      baseTime: BASE_TIME,
    });
    await seedAutomation(tem, { rand, acme: acme.tenant, globex: globex.tenant, users });
    await seedObservability(tem, { random: mulberry32(20261101), acme: acme.tenant, globex: globex.tenant, staff: users['staff@atrium.test'], agent: users['agent@acme.test'], logger });
  });
  logger.info(`seeded demo data: tenants acme and globex, ${DEMO_ACCOUNTS.length} users, 75 tickets, KYC cases in every state`);
  return true;
}
