import { once } from 'node:events';
import { validate } from 'class-validator';
import express, { type Request, type Response, type Router } from 'express';
import { coerceInputValue, GraphQLError, type GraphQLSchema, isInputObjectType } from 'graphql';
import { AppError, badInput, httpStatusOf, retryAfterOf } from '../../common/errors';
import { expectGlobalId } from '../../common/global-id';
import { RequestBudget, withBudget } from '../../common/request-budget';
import type { HttpDeps } from '../../common/module';
import type { Context } from '../../context/context';
import { refusal } from '../../permissions/requirement';
import { recordAudit } from '../audit/audit.service';
import { csvRow } from './csv';
import { EXPORT_LISTS, type ExportList, type PageArgs } from './export.lists';

/** Rows per page read from the list (its maximum page). */
export const EXPORT_PAGE_SIZE = 100;
const MAX_PARAM_CHARS = 4000;

function sendError(res: Response, err: AppError): void {
  if (res.headersSent) return;
  const wait = retryAfterOf(err.extensions);
  if (wait !== null) res.setHeader('Retry-After', String(wait));
  res.status(httpStatusOf(err.code)).json({ error: err.code, message: err.message, ...err.extensions });
}

/** A query parameter holding JSON, checked against a GraphQL input type exactly as the list's argument would be. */
function inputOf(schema: GraphQLSchema, raw: unknown, typeName: string | null, param: string): Record<string, unknown> | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string' || raw.length > MAX_PARAM_CHARS) throw badInput(`"${param}" must be one JSON object of at most ${MAX_PARAM_CHARS} characters.`, [{ field: param, message: 'Too long or repeated.' }]);
  if (!typeName) throw badInput(`This list has no "${param}".`, [{ field: param, message: 'Not supported by this list.' }]);
  const type = schema.getType(typeName);
  if (!isInputObjectType(type)) throw new Error(`Export input type ${typeName} is missing from the schema.`);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw badInput(`"${param}" is not valid JSON.`, [{ field: param, message: 'Not valid JSON.' }]);
  }
  try {
    return coerceInputValue(value, type, (path, _invalid, error) => {
      throw new GraphQLError(`${[param, ...path].join('.')}: ${error.message}`);
    }) as Record<string, unknown>;
  } catch (err) {
    const message = err instanceof GraphQLError ? err.message : `"${param}" does not match ${typeName}.`;
    throw badInput(message, [{ field: param, message }]);
  }
}

function filenameOf(list: string, now: Date): string {
  return `${list}-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.csv`;
}

/** Writes `chunk`, waiting for the socket to drain when its buffer is full (backpressure); false once the client is gone. */
async function write(res: Response, chunk: string): Promise<boolean> {
  if (res.destroyed || res.writableEnded) return false;
  if (res.write(chunk)) return true;
  await Promise.race([once(res, 'drain'), once(res, 'close')]);
  return !res.destroyed;
}

/**
 * Streams a list to `res`, page by page through the list's own service (keyset: `after` the last
 * cursor), each page written (and drained) before the next is read and then let go (the request's
 * identity map and user cache cleared), so at most one page is held. Stops at `maxRows`.
 * Answers how many rows were written.
 */
export async function streamList(ctx: Context, res: Response, list: ExportList<unknown>, args: Omit<PageArgs, 'first' | 'after'>, opts: { maxRows: number; budgetMs: number; retryAfterSeconds: number; first?: Awaited<ReturnType<ExportList<unknown>['page']>> }): Promise<number> {
  let written = 0;
  let page = opts.first;
  let after: string | undefined;
  for (;;) {
    const size = Math.min(EXPORT_PAGE_SIZE, opts.maxRows - written);
    if (size <= 0) break;
    // Each page has its own execution budget: an export is long, each of its reads is not.
    page ??= await withBudget(new RequestBudget(opts.budgetMs, opts.retryAfterSeconds), () => list.page(ctx, { ...args, first: size, after }));
    const nodes = page.nodes.slice(0, size);
    const rows = await list.rows(ctx, nodes);
    const chunk = rows.map(csvRow).join('');
    written += rows.length;
    if (chunk && !(await write(res, chunk))) return written;
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
    after = page.pageInfo.endCursor;
    page = undefined;
    ctx.em.clear();
    ctx.loaders.users.byId.clearAll();
  }
  return written;
}

/**
 * CSV exports of the back office's lists, with the same bearer token, permissions, tenant scope
 * and filters as their GraphQL queries:
 *   GET /api/export/<list>.csv?filter=<JSON>&orderBy=<JSON>
 * where <list> is tickets, audit-logs, runs or system-events and the JSON is the list's
 * `filter` (and `orderBy`) input as GraphQL takes it. Audited (`export.csv`), at most
 * EXPORT_MAX_ROWS rows (header `X-Export-Row-Limit`).
 */
export function createExportRouter({ contextOf, config, schema }: HttpDeps): Router {
  const router = express.Router();
  router.get('/:file', async (req: Request, res: Response, next) => {
    try {
      const file = String(req.params.file);
      const name = file.endsWith('.csv') ? file.slice(0, -4) : '';
      const list = Object.hasOwn(EXPORT_LISTS, name) ? EXPORT_LISTS[name] : undefined;
      if (!list) return sendError(res, new AppError('NOT_FOUND', `There is no export named "${file}"; try ${Object.keys(EXPORT_LISTS).map((n) => `${n}.csv`).join(', ')}.`));
      const ctx = await contextOf(req);
      const refused = refusal(ctx, { read: list.access });
      if (refused) return sendError(res, refused);
      const filter = inputOf(schema, req.query.filter, list.filterType, 'filter');
      if (filter) {
        const problems = await validate(Object.assign(new list.filterClass(), filter), { forbidUnknownValues: false });
        if (problems.length) {
          const fields = problems.map((p) => ({ field: `filter.${p.property}`, message: Object.values(p.constraints ?? {})[0] ?? `${p.property} is invalid.` }));
          throw badInput(fields.map((f) => f.message).join(' '), fields);
        }
      }
      const orderBy = inputOf(schema, req.query.orderBy, list.orderType, 'orderBy');
      const maxRows = config.exports.maxRows;
      ctx.auditedAccess = new Set();
      const budget = { budgetMs: config.timeouts.requestBudgetMs, retryAfterSeconds: config.timeouts.retryAfterSeconds };
      // The first page before any header: a refused filter (a bad id, another tenant's) answers as an error, not a broken file.
      const first = await withBudget(new RequestBudget(budget.budgetMs, budget.retryAfterSeconds), () => list.page(ctx, { filter, orderBy, first: Math.min(EXPORT_PAGE_SIZE, maxRows) }));
      const tenantFilter = typeof filter?.tenantId === 'string' ? expectGlobalId(filter.tenantId, 'Tenant', 'filter.tenantId') : null;
      await ctx.em.fork().transactional(async (em) => {
        recordAudit(ctx, em, { action: 'export.csv', tenantId: ctx.tenantId ?? tenantFilter, diff: { list: name, filter: filter ?? null, orderBy: orderBy ?? null, maxRows } });
      });

      const now = new Date();
      res.status(200);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${filenameOf(name, now)}"`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('X-Export-Row-Limit', String(maxRows));
      // A byte-order mark, so spreadsheets read the file as UTF-8.
      if (!(await write(res, `\uFEFF${csvRow(list.header)}`))) return;
      let rows = 0;
      try {
        rows = await streamList(ctx, res, list, { filter, orderBy }, { maxRows, ...budget, first });
      } catch (err) {
        // Half a file must not pass for a whole one: the connection is cut, the client sees a failed download.
        ctx.logger.error({ err, list: name }, 'CSV export failed mid-stream');
        res.destroy();
        return;
      }
      ctx.logger.info({ list: name, rows }, 'CSV export');
      res.end();
    } catch (err) {
      if (err instanceof AppError) return sendError(res, err);
      next(err);
    }
  });
  return router;
}
