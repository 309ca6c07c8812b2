import { inboundMessageAccess } from './message.access';
import type { ModulePermissions } from '../../permissions/types';
import { can, readable } from '../../permissions/rules';

export const messagePermissions: ModulePermissions = {
  Query: {
    messages: readable(inboundMessageAccess),
    message: readable(inboundMessageAccess),
  },
  Mutation: {
    ingestMessage: can('message:write'),
  },
};
