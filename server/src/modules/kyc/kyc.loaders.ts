import { byIdLoader } from '../../common/batch-loaders';
import { type Context } from '../../context/context';
import { scopeOptions } from '../../context/scope';
import { type ChildPage, childConnection } from '../../database/child-connection';
import { kycDocumentAccess } from './kyc.access';
import { KycCase } from './kyc-case.entity';
import { KycDocument } from './kyc-document.entity';
import { createHistoryLoader } from './kyc.history';

export type DocumentPage = ChildPage<KycDocument>;

export function createKycLoaders(ctx: Omit<Context, 'loaders'>) {
  /** A case's documents, oldest first (DOCUMENT_ORDER), as its readers may see them. */
  const documents = childConnection(ctx, {
    entity: KycDocument,
    from: 'kyc_documents d',
    alias: 'd',
    parent: 'd.case_id',
    order: 'd.created_at, d.id',
    access: kycDocumentAccess,
  });

  return {
    caseById: byIdLoader(ctx.em, KycCase, scopeOptions(ctx)),
    documentById: byIdLoader(ctx.em, KycDocument, scopeOptions(ctx)),

    /** The first `limit` documents (oldest first) of many cases in one query. */
    firstDocuments: documents.first,

    /** Document counts of many cases in one grouped query. */
    documentCount: documents.count,

    /** Status histories of many cases, from their audit rows, in one query. */
    history: createHistoryLoader(ctx),
  };
}

declare module '../../context/context' {
  interface Loaders {
    kyc: ReturnType<typeof createKycLoaders>;
  }
}
