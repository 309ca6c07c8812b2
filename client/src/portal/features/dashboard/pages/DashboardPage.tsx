import Add from '@mui/icons-material/Add';
import SpaceDashboard from '@mui/icons-material/SpaceDashboardOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Snackbar from '@mui/material/Snackbar';
import { CombinedGraphQLErrors, type ErrorLike, NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useCallback, useMemo, useState } from 'react';
import { getFragmentData, graphql } from '../../../../gql';
import type { DashboardWidgetFieldsFragment } from '../../../../gql/graphql';
import { messageOf } from '../../../../shared/errors';
import { useSession } from '../../../../shared/session';
import { PageHeader } from '../../../../shared/ui/PageHeader';
import { EmptyState, ErrorState } from '../../../../shared/ui/StateViews';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { DashboardGrid } from '../components/DashboardGrid';
import { DASHBOARD_WIDGET_FRAGMENT } from '../components/widgetFragment';
import { WidgetDialog } from '../components/WidgetDialog';
import { useRemoveWidget } from '../hooks/useDashboardMutations';

const DASHBOARD_QUERY = graphql(`
  query Dashboard {
    dashboard {
      columns
      availableTypes
      widgets {
        id
        ...DashboardWidgetFields
      }
    }
  }
`);

function greeting(hour = new Date().getHours()): string {
  return hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
}

/** Per widget id, the message of an error the server reported for that widget's data. */
function widgetErrors(error: ErrorLike | undefined, widgets: readonly { id: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (!CombinedGraphQLErrors.is(error)) return out;
  for (const e of error.errors) {
    const [root, list, index] = e.path ?? [];
    const widget = root === 'dashboard' && list === 'widgets' && typeof index === 'number' ? widgets[index] : undefined;
    if (widget) out[widget.id] ??= e.message;
  }
  return out;
}

function LoadingGrid() {
  return (
    <Box aria-busy aria-label="Loading the dashboard" sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
      {[0, 1, 2, 3].map((i) => (
        <Skeleton key={i} variant="rounded" height={290} sx={{ borderRadius: 3 }} />
      ))}
    </Box>
  );
}

/**
 * The tenant's widgets and the user's own on one grid. With dashboard:use a member arranges their
 * own widgets; with dashboard:manage also the tenant's. The server decides each change.
 */
export function DashboardPage() {
  const session = useSession();
  const { data, loading, error, refetch, networkStatus } = useQuery(DASHBOARD_QUERY, { errorPolicy: 'all', notifyOnNetworkStatusChange: true });
  const [dialog, setDialog] = useState<{ widget: DashboardWidgetFieldsFragment | null } | null>(null);
  const [removing, setRemoving] = useState<DashboardWidgetFieldsFragment | null>(null);
  const [removeWidget, remove] = useRemoveWidget();
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const dashboard = data?.dashboard;
  const widgets = useMemo(() => (dashboard ? getFragmentData(DASHBOARD_WIDGET_FRAGMENT, dashboard.widgets) : []), [dashboard]);
  const errors = useMemo(() => widgetErrors(error, widgets), [error, widgets]);
  const canUse = session.can('dashboard:use');
  const canManage = session.can('dashboard:manage');
  const canArrange = useCallback((w: DashboardWidgetFieldsFragment) => (w.personal ? canUse : canManage), [canUse, canManage]);
  const refetching = networkStatus === NetworkStatus.refetch;
  const busyIds = useMemo(() => new Set(refetching ? Object.keys(errors) : []), [refetching, errors]);
  const nextFreeRow = widgets.reduce((max, w) => Math.max(max, w.y + w.h), 0);

  const me = session.me;
  const firstName = me?.user.name.split(' ')[0] ?? '';
  const addButton = canUse && dashboard ? (
    <Button variant="contained" startIcon={<Add />} onClick={() => setDialog({ widget: null })}>
      Add widget
    </Button>
  ) : null;

  let content;
  if (!dashboard) {
    content = loading ? <LoadingGrid /> : <ErrorState message={messageOf(error)} onRetry={() => void refetch()} />;
  } else if (widgets.length === 0) {
    content = (
      <EmptyState
        icon={<SpaceDashboard />}
        title="Your dashboard is empty"
        description={canUse ? 'Add widgets for the numbers you follow: open tickets, runs, incidents, identity checks and quotas.' : 'Widgets your organisation adds will show here.'}
        action={addButton}
      />
    );
  } else {
    content = (
      <DashboardGrid
        widgets={widgets}
        columns={dashboard.columns}
        canArrange={canArrange}
        errors={errors}
        busyIds={busyIds}
        onRetry={() => void refetch()}
        onEdit={(widget) => setDialog({ widget })}
        onRemove={(widget) => {
          setRemoveError(null);
          setRemoving(widget);
        }}
      />
    );
  }

  const confirmRemove = async () => {
    if (!removing) return;
    try {
      await removeWidget({ variables: { id: removing.id } });
      setNotice(`Removed “${removing.title}”.`);
      setRemoving(null);
    } catch (err) {
      setRemoveError(messageOf(err instanceof Error ? err : null));
    }
  };

  return (
    <>
      <PageHeader
        title={`${greeting()}, ${firstName}`}
        subtitle={
          <>
            {me?.tenant?.name} at a glance.
            {canUse && dashboard && widgets.length > 0 && (
              <Box component="span" sx={{ display: { xs: 'none', md: 'inline' } }}>
                {' '}
                Drag a widget by its title to move it, or by its corner to resize it.
              </Box>
            )}
          </>
        }
        actions={widgets.length > 0 ? addButton : null}
      />
      {dashboard && error && Object.keys(errors).length === 0 && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }} action={<Button color="inherit" size="small" onClick={() => void refetch()}>Retry</Button>}>
          {messageOf(error)}
        </Alert>
      )}
      {content}
      {dashboard && (
        <WidgetDialog
          open={Boolean(dialog)}
          widget={dialog?.widget}
          onClose={() => setDialog(null)}
          availableTypes={dashboard.availableTypes}
          columns={dashboard.columns}
          nextFreeRow={nextFreeRow}
          onSaved={setNotice}
        />
      )}
      <ConfirmDialog
        open={Boolean(removing)}
        title="Remove this widget?"
        confirmLabel="Remove"
        pendingLabel="Removing…"
        destructive
        pending={remove.loading}
        error={removeError}
        onConfirm={() => void confirmRemove()}
        onClose={() => setRemoving(null)}
      >
        {removing?.personal ? `“${removing.title}” will disappear from your dashboard.` : `“${removing?.title ?? ''}” will disappear from everyone’s dashboard in ${me?.tenant?.name ?? 'your organisation'}.`}
      </ConfirmDialog>
      <Snackbar open={Boolean(notice)} autoHideDuration={4000} onClose={() => setNotice(null)} message={notice} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }} />
    </>
  );
}
