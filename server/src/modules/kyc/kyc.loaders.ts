import DataLoader from 'dataloader';
import { byIdLoader } from '../../common/batch-loaders';
import { type Context } from '../../context/context';
import { isPlatformScope, scopeOptions } from '../../context/scope';
import { KycCase } from './kyc-case.entity';
import { KycDocument } from './kyc-document.entity';
import { pgArray } from '../../database/pg-array';

export interface DocumentPage {
  rows: KycDocument[];
  hasMore: boolean;
}

/**
 * Raw SQL bypasses MikroORM filters, so these queries state the tenant themselves; with no
 * tenant and no platform scope they return nothing (fail closed).
 */
function tenantCondition(ctx: Omit<Context, 'loaders'>): { sql: string; params: unknown[] } | null {
  if (ctx.tenantId) return { sql: 'and d.tenant_id = ?', params: [ctx.tenantId] };
  if (isPlatformScope(ctx)) return { sql: '', params: [] };
  return null;
}


export function createKycLoaders(ctx: Omit<Context, 'loaders'>) {
  const em = ctx.em;
  const firstDocuments = new Map<number, DataLoader<string, DocumentPage>>();

  return {
    caseById: byIdLoader(em, KycCase, scopeOptions(ctx)),
    documentById: byIdLoader(em, KycDocument, scopeOptions(ctx)),

    /** The first `limit` documents (oldest first) of many cases in one query. */
    firstDocuments(limit: number): DataLoader<string, DocumentPage> {
      let loader = firstDocuments.get(limit);
      if (!loader) {
        loader = new DataLoader<string, DocumentPage>(async (caseIds) => {
          const scope = tenantCondition(ctx);
          if (!scope) return caseIds.map(() => ({ rows: [], hasMore: false }));
          const raw: Record<string, unknown>[] = await em.getConnection().execute(
            `select * from (
               select d.*, row_number() over (partition by d.case_id order by d.created_at, d.id) as rn
                 from kyc_documents d
                where d.case_id = any(?::uuid[]) ${scope.sql}
             ) ranked where rn <= ? order by case_id, rn`,
            [pgArray(caseIds), ...scope.params, limit + 1],
          );
          const grouped = new Map<string, KycDocument[]>();
          for (const { rn: _rn, ...row } of raw) {
            const doc = em.map(KycDocument, row);
            const list = grouped.get(doc.case.id) ?? [];
            list.push(doc);
            grouped.set(doc.case.id, list);
          }
          return caseIds.map((id) => {
            const list = grouped.get(id) ?? [];
            return { rows: list.slice(0, limit), hasMore: list.length > limit };
          });
        });
        firstDocuments.set(limit, loader);
      }
      return loader;
    },

    /** Document counts of many cases in one grouped query. */
    documentCount: new DataLoader<string, number>(async (caseIds) => {
      const scope = tenantCondition(ctx);
      if (!scope) return caseIds.map(() => 0);
      const raw: { case_id: string; n: string }[] = await em.getConnection().execute(
        `select d.case_id, count(*) as n from kyc_documents d where d.case_id = any(?::uuid[]) ${scope.sql} group by d.case_id`,
        [pgArray(caseIds), ...scope.params],
      );
      const counts = new Map(raw.map((r) => [r.case_id, Number(r.n)]));
      return caseIds.map((id) => counts.get(id) ?? 0);
    }),
  };
}

declare module '../../context/context' {
  interface Loaders {
    kyc: ReturnType<typeof createKycLoaders>;
  }
}
