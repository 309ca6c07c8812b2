import { defineModule, nodeType } from '../../common/module';
import { invitationAccess } from './invitation.access';
import { Invitation } from './invitation.entity';
import { invitationPermissions } from './invitation.permissions';
import { InvitationResolver } from './invitation.resolver';

export const invitationsModule = defineModule({
  name: 'invitations',
  entities: [Invitation],
  resolvers: [InvitationResolver],
  permissions: invitationPermissions,
  nodeTypes: {
    Invitation: nodeType(Invitation, invitationAccess),
  },
});
