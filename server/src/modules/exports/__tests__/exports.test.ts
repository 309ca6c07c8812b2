import { toGlobalId } from '../../../common/global-id';
import { startTestApp, type TestApp } from '../../../../test/harness';
import { Tenant } from '../../tenancy/tenant.entity';
import { makeTicket } from '../../tickets/ticket.factory';
import { User } from '../../users/user.entity';
import { csvCell, csvRow } from '../csv';

/**
 * CSV exports: the list's own permissions, tenant scope and filters; streamed in keyset pages up
 * to the row limit; escaped (and guarded against formulas); audited once as export.csv.
 */

let t: TestApp;
const tokens: Record<string, string> = {};
const MAX_ROWS = 250;

/** A small RFC 4180 reader for the answers (quoted cells, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

async function exportCsv(list: string, opts: { token?: string; filter?: unknown; raw?: string } = {}) {
  const query = opts.raw ?? (opts.filter ? `?filter=${encodeURIComponent(JSON.stringify(opts.filter))}` : '');
  const res = await fetch(`${t.url}/api/export/${list}${query}`, { headers: opts.token ? { authorization: `Bearer ${opts.token}` } : {} });
  // Kept as sent: fetch's text() would drop the byte-order mark.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  return { res, text, rows: res.ok ? parseCsv(text.replace(/^\uFEFF/, '')) : [] };
}

beforeAll(async () => {
  t = await startTestApp({ env: { EXPORT_MAX_ROWS: String(MAX_ROWS) } });
  for (const email of ['staff@atrium.test', 'owner@acme.test', 'agent@acme.test', 'member@acme.test']) tokens[email] = (await t.login(email)).accessToken;
  tokens.globex = (await t.login('owner@globex.test', 'globex')).accessToken;
  const acmeId = await t.tenantId('acme');
  // 230 audit rows of one action in acme (three pages of 100), oldest first by number.
  await t.sql(
    `insert into audit_logs (id, created_at, updated_at, tenant_id, action, target_type, target_id, diff)
     select gen_random_uuid(), now() - (interval '1 second' * (300 - n)), now(), ?, 'csvtest.row', 'Thing', 'thing-' || lpad(n::text, 3, '0'), jsonb_build_object('n', n)
       from generate_series(1, 230) n`,
    [acmeId],
  );
  const em = t.orm.em.fork();
  const acme = await em.findOneOrFail(Tenant, { slug: 'acme' });
  const globex = await em.findOneOrFail(Tenant, { slug: 'globex' });
  const member = await em.findOneOrFail(User, { email: 'member@acme.test' });
  const globexOwner = await em.findOneOrFail(User, { email: 'owner@globex.test' });
  makeTicket(em, acme, member, { subject: '=HYPERLINK("http://evil.example","click"), then "quotes"\nand a new line' });
  makeTicket(em, globex, globexOwner, { subject: 'Globex only: never in acme exports' });
  await em.flush();
});

afterAll(async () => {
  await t?.close();
});

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+49 30 1234')).toBe("'+49 30 1234");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('=A1,"x"')).toBe('"\'=A1,""x"""');
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(null)).toBe('');
    expect(csvCell(new Date('2026-01-02T03:04:05.000Z'))).toBe('2026-01-02T03:04:05.000Z');
    expect(csvRow(['a', 1, null])).toBe('a,1,\r\n');
  });
});

describe('GET /api/export/<list>.csv', () => {
  it('streams the filtered audit log in keyset pages, audited once as export.csv (and one staff access row)', async () => {
    const before = await t.count(`select count(*) as n from audit_logs where action = 'platform.access'`);
    const { res, text, rows } = await exportCsv('audit-logs.csv', { token: tokens['staff@atrium.test'], filter: { action: 'csvtest.' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-logs-.*\.csv"$/);
    expect(text.startsWith('\uFEFFid,createdAt,action,tenant')).toBe(true);
    const [header, ...data] = rows;
    expect(header).toEqual(['id', 'createdAt', 'action', 'tenant', 'actor', 'actorKind', 'targetType', 'targetId', 'correlationId', 'ip', 'diff']);
    expect(data).toHaveLength(230);
    // Newest first, as the list shows them, each once across the three pages.
    const targets = data.map((r) => r[7]);
    expect(new Set(targets).size).toBe(230);
    expect(targets[0]).toBe('thing-230');
    expect(targets[229]).toBe('thing-001');
    expect(data.every((r) => r[2] === 'csvtest.row' && r[3] === 'acme' && r[5] === 'SYSTEM')).toBe(true);
    expect(JSON.parse(data[0]?.[10] ?? '{}')).toEqual({ n: 230 });

    const audit = await t.sql<{ actor_id: string; diff: { list: string; filter: unknown; maxRows: number } }>(`select actor_id, diff from audit_logs where action = 'export.csv' order by created_at desc limit 1`);
    expect(audit[0]?.actor_id).toBe(await t.userId('staff@atrium.test'));
    expect(audit[0]?.diff).toMatchObject({ list: 'audit-logs', filter: { action: 'csvtest.' }, maxRows: MAX_ROWS });
    expect(await t.count(`select count(*) as n from audit_logs where action = 'platform.access'`)).toBe(before + 1);
  });

  it('stops at the row limit', async () => {
    await t.sql(
      `insert into audit_logs (id, created_at, updated_at, tenant_id, action) select gen_random_uuid(), now(), now(), null, 'csvtest.bulk' from generate_series(1, ?::int)`,
      [MAX_ROWS + 20],
    );
    const { res, rows } = await exportCsv('audit-logs.csv', { token: tokens['staff@atrium.test'], filter: { action: 'csvtest.bulk' } });
    expect(res.headers.get('x-export-row-limit')).toBe(String(MAX_ROWS));
    expect(rows).toHaveLength(MAX_ROWS + 1);
  });

  it('exports tickets with the tenant scope of the token, escaping and defusing the subject', async () => {
    const { rows } = await exportCsv('tickets.csv', { token: tokens['agent@acme.test'] });
    const [header, ...data] = rows;
    const subjectAt = header?.indexOf('subject') ?? -1;
    expect(data.length).toBeGreaterThan(1);
    expect(data.every((r) => r[1] === 'acme')).toBe(true);
    expect(data.map((r) => r[subjectAt])).toContain('\'=HYPERLINK("http://evil.example","click"), then "quotes"\nand a new line');
    expect(data.map((r) => r[subjectAt])).not.toContain('Globex only: never in acme exports');
    // Another tenant's id in the filter reaches nothing, as in the GraphQL list.
    const other = await exportCsv('tickets.csv', { token: tokens['agent@acme.test'], filter: { tenantId: toGlobalId('Tenant', await t.tenantId('globex')) } });
    expect(other.res.status).toBe(200);
    expect(other.rows).toHaveLength(1);
    // Staff see every tenant's.
    const staff = await exportCsv('tickets.csv', { token: tokens['staff@atrium.test'] });
    expect(new Set(staff.rows.slice(1).map((r) => r[1]))).toEqual(new Set(['acme', 'globex']));
  });

  it("refuses as the list does: no token, no permission, a bad filter, an unknown list", async () => {
    expect((await exportCsv('audit-logs.csv')).res.status).toBe(401);
    const member = await exportCsv('audit-logs.csv', { token: tokens['member@acme.test'] });
    expect(member.res.status).toBe(403);
    expect(JSON.parse(member.text)).toMatchObject({ error: 'FORBIDDEN' });
    const bad = await exportCsv('runs.csv', { token: tokens['owner@acme.test'], raw: '?filter=%7Bnope' });
    expect(bad.res.status).toBe(400);
    const wrongField = await exportCsv('runs.csv', { token: tokens['owner@acme.test'], filter: { status: ['NOT_A_STATUS'] } });
    expect(wrongField.res.status).toBe(400);
    expect(JSON.parse(wrongField.text)).toMatchObject({ error: 'BAD_USER_INPUT' });
    expect(wrongField.text).not.toMatch(/select |stack|at .*\.ts/);
    const tooLong = await exportCsv('system-events.csv', { token: tokens['owner@acme.test'], filter: { source: 'x'.repeat(101) } });
    expect(tooLong.res.status).toBe(400);
    expect(JSON.parse(tooLong.text)).toMatchObject({ fields: [{ field: 'filter.source', message: 'source must be between 1 and 100 characters.' }] });
    expect((await exportCsv('users.csv', { token: tokens['staff@atrium.test'] })).res.status).toBe(404);
    const events = await exportCsv('system-events.csv', { token: tokens['owner@acme.test'], filter: { minSeverity: 'ERROR' } });
    expect(events.res.status).toBe(200);
    expect(events.rows[0]?.[0]).toBe('id');
  });
});
