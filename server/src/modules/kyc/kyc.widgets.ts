import type { EntityManager } from '@mikro-orm/postgresql';
import { noConfig, type WidgetPoint, widget } from '../../common/widget';
import { sql, tenantIs, tenantQuery, tenantReach } from '../../database/tenant-sql';
import { KycCaseStatus } from './kyc-case.entity';

const AWAITING: { status: KycCaseStatus; key: string; label: string }[] = [
  { status: KycCaseStatus.SUBMITTED, key: 'kyc.submitted', label: 'Submitted, waiting for review' },
  { status: KycCaseStatus.IN_REVIEW, key: 'kyc.in_review', label: 'In review' },
  { status: KycCaseStatus.NEEDS_INFO, key: 'kyc.needs_info', label: 'Waiting for your information' },
];

/**
 * KYC cases of one tenant that wait for someone (staff or the customer): one aggregate query,
 * with the tenant stated explicitly because raw SQL bypasses the tenant filter. Zero when none.
 */
export async function kycAwaitingAction(em: EntityManager, tenantId: string): Promise<WidgetPoint[]> {
  const rows = await tenantQuery<{ submitted: string | number; in_review: string | number; needs_info: string | number }>(
    em,
    tenantReach(tenantId),
    (reach) => sql`select count(*) filter (where status = ${KycCaseStatus.SUBMITTED}) as submitted,
            count(*) filter (where status = ${KycCaseStatus.IN_REVIEW}) as in_review,
            count(*) filter (where status = ${KycCaseStatus.NEEDS_INFO}) as needs_info
       from kyc_cases where ${tenantIs(reach)}`,
  );
  const row = rows[0];
  const values = [row?.submitted, row?.in_review, row?.needs_info].map((v) => Number(v ?? 0));
  return AWAITING.map((a, i) => ({ key: a.key, label: a.label, value: values[i] ?? 0, limit: null }));
}

/** KYC_AWAITING_ACTION: cases waiting for staff or for the customer. */
export const kycAwaitingActionWidget = widget(noConfig, 'kyc:read', ({ em, tenantId }) => kycAwaitingAction(em, tenantId));
