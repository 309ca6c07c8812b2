import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type FormEvent, useState } from 'react';
import type { DashboardWidgetFieldsFragment, TicketStatus, WidgetType } from '../../../../gql/graphql';
import { fieldErrorsOf, messageOf } from '../../../../shared/errors';
import { useSession } from '../../../../shared/session';
import { STATUS_LABEL, TICKET_STATUSES } from '../../tickets/ticketLabels';
import { useAddWidget, useMoveWidget, useUpdateWidget } from '../hooks/useDashboardMutations';
import { WIDGET_KINDS, widgetLabel } from '../widgetKinds';

type Config = Record<string, unknown>;

const statusesOf = (config: Config): TicketStatus[] => (Array.isArray(config.statuses) ? (config.statuses as TicketStatus[]) : ['OPEN', 'PENDING']);
const includeMitigatedOf = (config: Config): boolean => config.includeMitigated !== false;

/** The settings a type has, as form controls; other types have none. */
function ConfigFields({ type, config, onChange, error }: { type: WidgetType; config: Config; onChange: (c: Config) => void; error?: string }) {
  if (type === 'OPEN_TICKETS_BY_STATUS') {
    const statuses = statusesOf(config);
    return (
      <FormControl error={Boolean(error)} component="fieldset">
        <FormLabel component="legend">Statuses to count</FormLabel>
        <FormGroup row>
          {TICKET_STATUSES.map((s) => (
            <FormControlLabel
              key={s}
              label={STATUS_LABEL[s]}
              control={
                <Checkbox
                  checked={statuses.includes(s)}
                  onChange={(e) => onChange({ ...config, statuses: e.target.checked ? TICKET_STATUSES.filter((x) => x === s || statuses.includes(x)) : statuses.filter((x) => x !== s) })}
                />
              }
            />
          ))}
        </FormGroup>
        {error && <FormHelperText>{error}</FormHelperText>}
      </FormControl>
    );
  }
  if (type === 'ACTIVE_INCIDENTS') {
    return (
      <FormControlLabel
        control={<Switch checked={includeMitigatedOf(config)} onChange={(e) => onChange({ ...config, includeMitigated: e.target.checked })} />}
        label="Count mitigated incidents too"
      />
    );
  }
  return null;
}

const toInt = (v: string) => (v.trim() === '' ? Number.NaN : Number(v));

export interface WidgetDialogProps {
  open: boolean;
  onClose: () => void;
  /** Absent: add a new widget. */
  widget?: DashboardWidgetFieldsFragment | null;
  availableTypes: readonly WidgetType[];
  columns: number;
  /** The first free row below every widget: where a new one goes. */
  nextFreeRow: number;
  /** Called once a change is saved. */
  onSaved: (message: string) => void;
}

/**
 * Add a widget (type, title, who sees it, its settings), or edit one (title, settings and its
 * place on the grid: the keyboard's way to move and resize). The server checks everything.
 */
export function WidgetDialog(props: WidgetDialogProps) {
  // Remount per widget, so the form starts from what it edits.
  return props.open ? <WidgetForm key={props.widget?.id ?? 'new'} {...props} /> : null;
}

function WidgetForm({ onClose, widget, availableTypes, columns, nextFreeRow, onSaved }: WidgetDialogProps) {
  const session = useSession();
  const canManage = session.can('dashboard:manage');
  const firstAllowed = availableTypes.find((t) => session.can(WIDGET_KINDS[t].requires)) ?? availableTypes[0] ?? 'OPEN_TICKETS_BY_STATUS';
  const [type, setType] = useState<WidgetType>(widget?.type ?? firstAllowed);
  const [title, setTitle] = useState(widget?.title ?? widgetLabel(firstAllowed));
  const [titleTouched, setTitleTouched] = useState(Boolean(widget));
  const [personal, setPersonal] = useState(widget?.personal ?? !canManage);
  const [config, setConfig] = useState<Config>((widget?.config as Config | null) ?? {});
  const [place, setPlace] = useState({ x: String(widget?.x ?? 0), y: String(widget?.y ?? 0), w: String(widget?.w ?? 0), h: String(widget?.h ?? 0) });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [addWidget, add] = useAddWidget();
  const [updateWidget, update] = useUpdateWidget();
  const [moveWidget, move] = useMoveWidget();
  const saving = add.loading || update.loading || move.loading;

  const configToSend = (): Config | undefined => {
    if (type === 'OPEN_TICKETS_BY_STATUS') return { statuses: statusesOf(config) };
    if (type === 'ACTIVE_INCIDENTS') return { includeMitigated: includeMitigatedOf(config) };
    return undefined;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setFailure(null);
    try {
      if (!widget) {
        const size = WIDGET_KINDS[type].size;
        await addWidget({ variables: { input: { type, title, personal, config: configToSend(), x: 0, y: nextFreeRow, w: Math.min(size.w, columns), h: size.h } } });
        onSaved(`Added “${title.trim()}”.`);
      } else {
        const next = { x: toInt(place.x), y: toInt(place.y), w: toInt(place.w), h: toInt(place.h) };
        const bad = Object.entries(next).filter(([, v]) => !Number.isInteger(v));
        if (bad.length) {
          setErrors(Object.fromEntries(bad.map(([k]) => [k, 'Enter a whole number.'])));
          return;
        }
        const newConfig = configToSend();
        if (title !== widget.title || (newConfig && JSON.stringify(newConfig) !== JSON.stringify(widget.config))) {
          await updateWidget({ variables: { input: { id: widget.id, title, config: newConfig } } });
        }
        if (next.x !== widget.x || next.y !== widget.y || next.w !== widget.w || next.h !== widget.h) {
          await moveWidget({ variables: { input: { id: widget.id, ...next } } });
        }
        onSaved(`Saved “${title.trim()}”.`);
      }
      onClose();
    } catch (err) {
      const error = err instanceof Error ? err : null;
      const fields = fieldErrorsOf(error);
      setErrors(fields);
      // Field messages show beside their fields; the message shows too when no field shows it.
      const visible = widget ? ['title', 'x', 'y', 'w', 'h', 'statuses'] : ['title', 'statuses'];
      const shown = visible.some((k) => fields[k]);
      setFailure(shown ? null : messageOf(error));
    }
  };

  const placeField = (key: 'x' | 'y' | 'w' | 'h', label: string, help: string) => (
    <TextField
      label={label}
      type="number"
      value={place[key]}
      onChange={(e) => setPlace({ ...place, [key]: e.target.value })}
      error={Boolean(errors[key])}
      helperText={errors[key] ?? help}
      slotProps={{ htmlInput: { min: key === 'x' || key === 'y' ? 0 : 1, inputMode: 'numeric' } }}
    />
  );

  return (
    <Dialog open onClose={saving ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby="widget-dialog-title">
      <form onSubmit={(e) => void submit(e)} noValidate>
      <DialogTitle id="widget-dialog-title">{widget ? `Edit “${widget.title}”` : 'Add a widget'}</DialogTitle>
      <DialogContent>
        <Stack spacing={2.5} sx={{ pt: 1 }}>
          {failure && (
            <Alert severity="error" role="alert">
              {failure}
            </Alert>
          )}
          {!widget && (
            <TextField
              select
              label="Widget"
              value={type}
              onChange={(e) => {
                const t = e.target.value as WidgetType;
                setType(t);
                setConfig({});
                if (!titleTouched) setTitle(widgetLabel(t));
              }}
              helperText={WIDGET_KINDS[type].description}
            >
              {availableTypes.map((t) => {
                const allowed = session.can(WIDGET_KINDS[t].requires);
                return (
                  <MenuItem key={t} value={t} disabled={!allowed}>
                    <Box>
                      <Typography>{widgetLabel(t)}</Typography>
                      {!allowed && (
                        <Typography variant="body2" color="text.secondary">
                          Your role cannot see this data.
                        </Typography>
                      )}
                    </Box>
                  </MenuItem>
                );
              })}
            </TextField>
          )}
          <TextField
            label="Title"
            value={title}
            onChange={(e) => {
              setTitle(e.target.value);
              setTitleTouched(true);
            }}
            error={Boolean(errors.title)}
            helperText={errors.title}
            required
          />
          {!widget && (
            <FormControl component="fieldset">
              <FormLabel component="legend">Who sees it</FormLabel>
              <RadioGroup value={personal ? 'me' : 'everyone'} onChange={(e) => setPersonal(e.target.value === 'me')}>
                <FormControlLabel value="me" control={<Radio />} label="Only me" />
                <FormControlLabel value="everyone" control={<Radio />} disabled={!canManage} label={`Everyone in ${session.me?.tenant?.name ?? 'the organisation'}`} />
              </RadioGroup>
              {!canManage && <FormHelperText>Shared widgets are arranged by those who manage the dashboard.</FormHelperText>}
            </FormControl>
          )}
          <ConfigFields type={type} config={config} onChange={setConfig} error={errors.statuses} />
          {widget && (
            <Box>
              <Typography variant="subtitle2" component="h3" sx={{ mb: 1.5 }}>
                Place on the grid
              </Typography>
              <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', sm: 'repeat(4, 1fr)' }, gap: 1.5 }}>
                {placeField('x', 'Column', `0 to ${columns - 1}`)}
                {placeField('y', 'Row', 'From 0')}
                {placeField('w', 'Width', `Columns, up to ${columns}`)}
                {placeField('h', 'Height', 'Rows, 1 to 12')}
              </Box>
            </Box>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={saving}>
          Cancel
        </Button>
        <Button type="submit" variant="contained" disabled={saving}>
          {widget ? 'Save' : 'Add widget'}
        </Button>
      </DialogActions>
      </form>
    </Dialog>
  );
}
