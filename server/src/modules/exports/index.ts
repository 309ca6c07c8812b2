import { defineModule } from '../../common/module';
import { createExportRouter } from './export.http';

/** CSV exports of the back office's lists (tickets, audit log, runs, system events), streamed page by page. */
export const exportsModule = defineModule({
  name: 'exports',
  http: [{ path: '/api/export', router: createExportRouter }],
});
