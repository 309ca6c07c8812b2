import Search from '@mui/icons-material/Search';
import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import InputBase from '@mui/material/InputBase';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { visuallyHidden } from '@mui/utils';
import { type KeyboardEvent, useEffect, useId, useMemo, useState } from 'react';
import type { Command } from './types';

/** Opens on Ctrl+K / Cmd+K anywhere in the app. */
export function useCommandPaletteShortcut(enabled: boolean, open: () => void): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, open]);
}

function matches(command: Command, query: string): boolean {
  if (command.found) return true;
  const haystack = `${command.label} ${command.keywords ?? ''} ${command.group}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/**
 * Navigation and actions by keyboard. It lists only what the caller passes in, and the caller
 * passes only what the user's role allows, so the palette never offers a forbidden action.
 */
export function CommandPalette({
  open,
  onClose,
  commands,
  onQueryChange,
  status,
}: {
  open: boolean;
  onClose: () => void;
  commands: readonly Command[];
  /** Told the query as it changes, for commands found by a server-side search. */
  onQueryChange?: (query: string) => void;
  /** A line under the results while such a search runs or when it failed. */
  status?: string | null;
}) {
  const [query, setQuery] = useState('');
  const listId = `command-list-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  useEffect(() => onQueryChange?.(query), [onQueryChange, query]);
  // The option the arrows moved to; null: the default, the first one that is not destructive.
  const [chosen, setChosen] = useState<number | null>(null);
  const visible = useMemo(() => {
    const found = commands.filter((c) => matches(c, query));
    // In the order they are shown (grouped), so the arrows walk the list as the eye reads it.
    const groupOrder = [...new Set(found.map((c) => c.group))];
    return groupOrder.flatMap((g) => found.filter((c) => c.group === g));
  }, [commands, query]);
  const active = chosen !== null && chosen < visible.length ? chosen : visible.findIndex((c) => !c.destructive);

  // Keep the active option in view as the arrows move through a long list.
  useEffect(() => {
    if (active >= 0) document.getElementById(`${listId}-option-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [active, listId]);

  useEffect(() => {
    if (open) {
      setQuery('');
      setChosen(null);
    }
  }, [open]);

  const run = (command: Command | undefined) => {
    if (!command) return;
    onClose();
    void command.perform();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setChosen(Math.min(active + 1, visible.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setChosen(Math.max(active - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      // Nothing selected (only destructive matches): Enter does nothing until one is chosen.
      if (active >= 0) run(visible[active]);
    }
  };

  const groups = [...new Set(visible.map((c) => c.group))];
  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" aria-labelledby={`${listId}-title`} slotProps={{ paper: { sx: { borderRadius: 3, position: 'absolute', top: '12vh', m: 0 } } }}>
      <Typography id={`${listId}-title`} component="h2" sx={visuallyHidden}>
        Command palette
      </Typography>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, px: 2.5, py: 1.75, borderBottom: 1, borderColor: 'divider' }}>
        <Search sx={{ color: 'text.secondary' }} />
        {/* The ARIA combobox pattern: focus stays in the input, which points at the active option. */}
        <InputBase
          autoFocus
          fullWidth
          placeholder="Type a command or search…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setChosen(null);
          }}
          onKeyDown={onKeyDown}
          inputProps={{
            'aria-label': 'Command',
            role: 'combobox',
            'aria-autocomplete': 'list',
            'aria-expanded': visible.length > 0,
            'aria-controls': listId,
            'aria-activedescendant': active >= 0 ? optionId(active) : undefined,
          }}
          sx={{ fontSize: '1.05rem' }}
        />
        <Typography component="kbd" aria-hidden sx={{ fontSize: '0.7rem', color: 'text.secondary', border: 1, borderColor: 'divider', borderRadius: 1, px: 0.75, py: 0.25 }}>
          Esc
        </Typography>
      </Box>
      <Box sx={{ maxHeight: 380, overflow: 'auto', py: 1 }}>
        {/* A listbox holds groups and options only; messages sit outside it. */}
        <Box id={listId} role="listbox" aria-label="Commands">
          {groups.map((group, g) => (
            <Box key={group} role="group" aria-labelledby={`${listId}-group-${g}`}>
              <Typography
                id={`${listId}-group-${g}`}
                role="presentation"
                sx={{ px: 2, lineHeight: '32px', fontSize: '0.72rem', fontWeight: 700, letterSpacing: '0.06em', textTransform: 'uppercase', color: 'text.secondary' }}
              >
                {group}
              </Typography>
              {visible
                .filter((c) => c.group === group)
                .map((c) => {
                  const index = visible.indexOf(c);
                  return (
                    <ListItemButton
                      key={c.id}
                      id={optionId(index)}
                      role="option"
                      tabIndex={-1}
                      dense
                      aria-selected={index === active}
                      selected={index === active}
                      onMouseEnter={() => setChosen(index)}
                      onClick={() => run(c)}
                      sx={{ mx: 1, borderRadius: 1.5 }}
                    >
                      {c.icon && (
                        <ListItemIcon aria-hidden sx={{ minWidth: 34 }}>
                          {c.icon}
                        </ListItemIcon>
                      )}
                      <ListItemText primary={c.label} />
                    </ListItemButton>
                  );
                })}
            </Box>
          ))}
        </Box>
        {visible.length === 0 && !status && <Typography sx={{ px: 3, py: 3, color: 'text.secondary' }}>No matching commands.</Typography>}
        {status && (
          <Typography role="status" variant="body2" sx={{ px: 3, py: 1.5, color: 'text.secondary' }}>
            {status}
          </Typography>
        )}
      </Box>
    </Dialog>
  );
}
