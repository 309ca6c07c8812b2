import type { ModulePermissions } from '../../permissions/types';
import { can, canOrStaff, isPublic, readable, staffCan } from '../../permissions/rules';
import { invitationAccess } from './invitation.access';

export const invitationPermissions: ModulePermissions = {
  Query: {
    invitations: readable(invitationAccess),
    // The token is the secret; an unknown one answers NOT_FOUND.
    invitationPreview: isPublic,
  },
  Mutation: {
    createTenant: staffCan('platform:tenant:manage'),
    inviteMember: can('member:manage'),
    revokeInvitation: canOrStaff('member:manage', 'platform:member:manage'),
    resendInvitation: canOrStaff('member:manage', 'platform:member:manage'),
    // Public: a new person has no account yet; an existing account must be signed in (checked inside).
    acceptInvitation: isPublic,
  },
};
