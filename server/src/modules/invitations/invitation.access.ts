import { defineAccess } from '../../permissions/access';
import type { Invitation } from './invitation.entity';

/** Invitations: members who manage members see their tenant's; staff with platform:tenant:read see all. */
export const invitationAccess = defineAccess<Invitation>({ type: 'Invitation', tenant: 'member:manage', platform: 'platform:tenant:read' });
