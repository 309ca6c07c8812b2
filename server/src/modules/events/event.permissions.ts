import { systemEventAccess } from './event.access';
import type { ModulePermissions } from '../../permissions/types';
import { readable } from '../../permissions/rules';

export const eventPermissions: ModulePermissions = {
  Query: {
    systemEvents: readable(systemEventAccess),
    systemEvent: readable(systemEventAccess),
    systemEventHistogram: readable(systemEventAccess),
  },
};
