import { defineAccess } from '../../permissions/access';
import type { AutomationRun } from './run.entity';

/** Automation runs: members with run:read see their tenant's; staff with platform:run:read see all. */
export const runAccess = defineAccess<AutomationRun>({ type: 'AutomationRun', tenant: 'run:read', platform: 'platform:run:read' });
