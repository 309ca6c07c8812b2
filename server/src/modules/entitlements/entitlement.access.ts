import { defineAccess, SIGNED_IN } from '../../permissions/access';
import type { Entitlement } from './entitlement.entity';

/** Entitlements: any member sees their tenant's; staff see all. */
export const entitlementAccess = defineAccess<Entitlement>({ type: 'Entitlement', tenant: SIGNED_IN, platform: SIGNED_IN });
