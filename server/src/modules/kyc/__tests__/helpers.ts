import { toGlobalId } from '../../../common/global-id';
import type { TestApp } from '../../../../test/harness';
import { Tenant } from '../../tenancy/tenant.entity';
import { User } from '../../users/user.entity';
import type { KycCase } from '../kyc-case.entity';
import type { KycDocument } from '../kyc-document.entity';
import { type KycCaseData, type KycDocumentData, makeKycCase, makeKycDocument } from '../kyc.factory';
import { samplePdf } from '../../../seeders/sample-files';
import { LocalDocumentStore } from '../kyc.storage';

/** Shared by the KYC test files (not a test file itself). */

export const CASE_FIELDS = `id status version subjectKind subjectName customerMessage submittedAt decidedAt availableActions
  person { fullName dateOfBirth nationality address { line1 line2 city postalCode country } }
  business { legalName registrationNumber country vatNumber address { line1 city postalCode country } }
  review { reviewer { email } decidedBy { email } recommendation recommendationReason riskRating decisionReason reviewStartedAt recommendedAt decidedAt }
  documents(first: 20) { totalCount nodes { id kind status decisionReason decidedBy { email } sha256 } }`;

export function storeOf(t: TestApp): LocalDocumentStore {
  return new LocalDocumentStore(t.app.services.config.kyc.storageDir);
}

export interface MadeCase {
  entity: KycCase;
  id: string;
  gid: string;
}

/** A case made straight in the database (any state), with optional documents. */
export async function makeCase(
  t: TestApp,
  opts: { tenant?: string; creator?: string; data?: KycCaseData; docs?: (KycDocumentData & { content?: Buffer })[] } = {},
): Promise<MadeCase & { docs: KycDocument[] }> {
  const em = t.orm.em.fork();
  const tenant = await em.findOneOrFail(Tenant, { slug: opts.tenant ?? 'acme' });
  const creator = await em.findOneOrFail(User, { email: opts.creator ?? 'owner@acme.test' });
  const kycCase = makeKycCase(em, tenant, creator, opts.data ?? {});
  const docs: KycDocument[] = [];
  for (const d of opts.docs ?? []) docs.push(await makeKycDocument(em, storeOf(t), kycCase, creator, d.content ?? samplePdf('test document'), d));
  await em.flush();
  return { entity: kycCase, id: kycCase.id, gid: toGlobalId('KycCase', kycCase.id), docs };
}

export async function userRef(t: TestApp, email: string): Promise<User> {
  return t.orm.em.fork().findOneOrFail(User, { email });
}

export interface UploadResult {
  status: number;
  body: Record<string, any>;
  headers: Headers;
}

/** POSTs a multipart upload like a browser form would. */
export async function upload(
  t: TestApp,
  token: string | null,
  caseGid: string,
  file: { content: Buffer; filename?: string; type?: string; kind?: string | null; field?: string } | null,
  extra: Record<string, string> = {},
): Promise<UploadResult> {
  const form = new FormData();
  if (file?.kind !== null) form.append('kind', file?.kind ?? 'PASSPORT');
  for (const [k, v] of Object.entries(extra)) form.append(k, v);
  if (file) form.append(file.field ?? 'file', new Blob([file.content], { type: file.type ?? 'application/octet-stream' }), file.filename ?? 'scan.pdf');
  const res = await fetch(`${t.url}/api/kyc/cases/${caseGid}/documents`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  const text = await res.text();
  let body: Record<string, any>;
  try {
    body = JSON.parse(text) as Record<string, any>;
  } catch {
    body = { raw: text };
  }
  return { status: res.status, body, headers: res.headers };
}

export async function auditRows(t: TestApp, targetGid: string): Promise<{ action: string; tenant_id: string | null; actor_id: string | null; diff: Record<string, any> }[]> {
  return t.sql(`select action, tenant_id, actor_id, diff from audit_logs where target_id = ? order by created_at, id`, [targetGid]);
}
