import PlayCircleOutline from '@mui/icons-material/PlayCircleOutline';
import { defineAdminResource, lazyPage } from '../admin-resource';
import { createRunsProvider, type RunRecord } from '../providers/runs.provider';
import { RESOURCES } from '../resource-names';

const RunList = lazyPage(() => import('./RunList'), 'RunList');
const RunShow = lazyPage(() => import('./RunShow'), 'RunShow');

/** Tool runs of every tenant: the list and a page per run; platform:run:manage retries and cancels (audited). */
export const runs = defineAdminResource<RunRecord>({
  name: RESOURCES.runs,
  label: 'Runs',
  provider: createRunsProvider,
  access: { list: 'platform:run:read', show: 'platform:run:read' },
  operations: { manage: 'platform:run:manage' },
  list: RunList,
  show: RunShow,
  icon: PlayCircleOutline,
  recordRepresentation: (r) => `${r.tool?.name ?? 'Run'} (${r.status ?? ''})`,
});
