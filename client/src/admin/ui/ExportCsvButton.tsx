import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { type SortPayload, useDataProvider, useListContext, useNotify, useResourceContext } from 'react-admin';
import { saveBlob } from '../../shared/uploads/fetchStoredFile';
import type { AdminDataProvider } from '../providers/dataProvider';
import type { ExportListName } from '../providers/exports.provider';

/**
 * "Export CSV" for a list page: the list's current filters (and sort), as the list's provider
 * turns them into the API's `filter` and `orderBy`, exported by the server in full (not just the
 * page shown), up to its row limit. Inside a react-admin <List>.
 */
export function ExportCsvButton({
  list,
  filterOf,
  orderOf,
}: {
  list: ExportListName;
  filterOf: (filter: Record<string, unknown> | undefined) => unknown;
  orderOf?: (sort: SortPayload | undefined) => unknown;
}) {
  const dataProvider = useDataProvider<AdminDataProvider>();
  const resource = useResourceContext() ?? list;
  const context = useListContext();
  const filterValues = context.filterValues as Record<string, unknown>;
  const { sort, total } = context;
  const notify = useNotify();
  const [running, setRunning] = useState(false);
  const run = async () => {
    setRunning(true);
    try {
      const { data } = await dataProvider.exportCsv(resource, { list, filter: filterOf(filterValues), orderBy: orderOf?.(sort) });
      saveBlob(data.blob, data.filename);
      const limit = data.rowLimit;
      const capped = limit !== null && typeof total === 'number' && total > limit;
      notify(capped ? `Exported the first ${limit.toLocaleString('en-GB')} rows (the export limit) to ${data.filename}.` : `Exported to ${data.filename}.`, { type: capped ? 'warning' : 'success' });
    } catch (error) {
      notify(error instanceof Error && error.message ? error.message : 'The export failed.', { type: 'error' });
    } finally {
      setRunning(false);
    }
  };
  return (
    <Button variant="outlined" startIcon={<FileDownloadOutlined />} onClick={() => void run()} loading={running} disabled={total === 0}>
      Export CSV
    </Button>
  );
}
