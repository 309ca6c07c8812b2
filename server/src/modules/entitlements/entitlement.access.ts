import { defineAccess } from '../../permissions/access';
import type { Entitlement } from './entitlement.entity';

/** Entitlements (read with the tools): members with tool:read see their tenant's; staff with platform:entitlement:read see all. */
export const entitlementAccess = defineAccess<Entitlement>({ type: 'Entitlement', tenant: 'tool:read', platform: 'platform:entitlement:read' });
