import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { actionOf, groupPermissions } from './permissions';

/**
 * Checkboxes for permissions (an API key's, a role's), grouped by resource, each group with its
 * own "all" box and one "Select all" on top. It offers only `available`; `help` says why.
 */
export function PermissionPicker({
  available,
  value,
  onChange,
  error,
  help = 'Only permissions you hold yourself can be given. Give a key no more than it needs.',
}: {
  available: readonly string[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  error?: string;
  help?: string;
}) {
  const labelId = useId();
  const chosen = new Set(value);
  const groups = groupPermissions(available);
  const set = (perms: readonly string[], on: boolean) => {
    const next = new Set(chosen);
    for (const p of perms) {
      if (on) next.add(p);
      else next.delete(p);
    }
    onChange(available.filter((p) => next.has(p)));
  };
  const allOn = available.length > 0 && available.every((p) => chosen.has(p));
  const someOn = available.some((p) => chosen.has(p));

  return (
    <FormControl component="fieldset" error={Boolean(error)} fullWidth>
      <FormLabel component="legend" id={labelId} sx={{ mb: 0.5 }}>
        Permissions
      </FormLabel>
      <FormHelperText sx={{ mx: 0, mt: 0, mb: 1 }}>{error ?? help}</FormHelperText>
      <FormControlLabel
        control={<Checkbox checked={allOn} indeterminate={someOn && !allOn} onChange={(e) => set(available, e.target.checked)} />}
        label={<Typography sx={{ fontWeight: 600 }}>Select all ({available.length})</Typography>}
      />
      <Box role="group" aria-labelledby={labelId} sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' }, gap: 1, mt: 0.5, maxHeight: 320, overflowY: 'auto', pr: 1 }}>
        {groups.map((g) => {
          const on = g.permissions.filter((p) => chosen.has(p)).length;
          return (
            <Box key={g.key} sx={{ border: 1, borderColor: 'divider', borderRadius: 2, px: 1.5, py: 0.5 }}>
              <FormControlLabel
                control={<Checkbox size="small" checked={on === g.permissions.length} indeterminate={on > 0 && on < g.permissions.length} onChange={(e) => set(g.permissions, e.target.checked)} />}
                label={<Typography sx={{ fontWeight: 600, fontSize: '0.9rem' }}>{g.label}</Typography>}
                aria-label={`All of ${g.label}`}
              />
              <FormGroup sx={{ pl: 3 }}>
                {g.permissions.map((p) => (
                  <FormControlLabel
                    key={p}
                    control={<Checkbox size="small" checked={chosen.has(p)} onChange={(e) => set([p], e.target.checked)} name={p} />}
                    label={
                      <Typography component="span" sx={{ fontSize: '0.85rem' }}>
                        {actionOf(p)} <Typography component="span" sx={{ fontSize: '0.75rem', color: 'text.secondary', fontFamily: 'monospace' }}>{p}</Typography>
                      </Typography>
                    }
                  />
                ))}
              </FormGroup>
            </Box>
          );
        })}
      </Box>
    </FormControl>
  );
}
