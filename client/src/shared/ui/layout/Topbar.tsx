import Business from '@mui/icons-material/BusinessOutlined';
import Check from '@mui/icons-material/Check';
import ExpandMore from '@mui/icons-material/ExpandMore';
import Logout from '@mui/icons-material/Logout';
import PersonOutline from '@mui/icons-material/PersonOutline';
import Search from '@mui/icons-material/Search';
import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { visuallyHidden } from '@mui/utils';
import { useState } from 'react';
import { initialsOf } from '../../format';
import type { Me } from '../../session';
import { Breadcrumbs } from './Breadcrumbs';


/** Switches the organisation the session acts in; shown only to users with several memberships. */
export function TenantSwitcher({ me, onSwitch }: { me: Me; onSwitch: (tenantId: string) => void }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (me.memberships.length < 2) return null;
  return (
    <>
      <Button
        variant="outlined"
        color="inherit"
        onClick={(e) => setAnchor(e.currentTarget)}
        startIcon={<Business fontSize="small" />}
        endIcon={<ExpandMore fontSize="small" />}
        aria-haspopup="menu"
        aria-label={`Organisation: ${me.tenant?.name ?? 'none'}. Switch organisation`}
        sx={{ borderColor: 'divider', color: 'text.primary', fontWeight: 600, maxWidth: 240 }}
      >
        <Box component="span" sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {me.tenant?.name ?? 'Choose organisation'}
        </Box>
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)} slotProps={{ paper: { sx: { minWidth: 260, mt: 1 } } }}>
        <Typography sx={{ px: 2, py: 1, fontSize: '0.72rem', fontWeight: 700, color: 'text.secondary', letterSpacing: '0.06em', textTransform: 'uppercase' }}>
          Switch organisation
        </Typography>
        {me.memberships.map((m) => {
          const current = m.tenant.id === me.tenant?.id;
          return (
            <MenuItem
              key={m.id}
              selected={current}
              onClick={() => {
                setAnchor(null);
                if (!current) onSwitch(m.tenant.id);
              }}
            >
              <ListItemText primary={m.tenant.name} secondary={`Role: ${m.role.name}`} />
              {current && <Check fontSize="small" color="primary" sx={{ ml: 2 }} />}
            </MenuItem>
          );
        })}
      </Menu>
    </>
  );
}

/** The signed-in user's menu: who they are, their account, sign out. */
export function UserMenu({ me, onAccount, onLogout }: { me: Me; onAccount: () => void; onLogout: () => void }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Button onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu" color="inherit" sx={{ gap: 1, pl: 0.5, pr: 1, borderRadius: 5 }}>
        {/* Named by its content, so the name holds the visible words: "Account menu: <name> <role>". */}
        <Box component="span" sx={visuallyHidden}>
          Account menu:{' '}
        </Box>
        <Avatar aria-hidden sx={{ width: 32, height: 32, fontSize: '0.8rem', bgcolor: 'primary.main' }}>{initialsOf(me.user.name)}</Avatar>
        {/* The name beside the avatar from a wide screen up: below that the breadcrumbs need the room. */}
        <Box sx={{ display: { xs: 'none', lg: 'block' }, textAlign: 'left', lineHeight: 1.1 }}>
          <Typography sx={{ fontSize: '0.85rem', fontWeight: 650, color: 'text.primary', lineHeight: 1.2 }}>{me.user.name}</Typography>
          <Typography sx={{ fontSize: '0.72rem', color: 'text.secondary', textTransform: 'capitalize', lineHeight: 1.2 }}>{me.role}</Typography>
        </Box>
        <ExpandMore fontSize="small" sx={{ color: 'text.secondary' }} />
      </Button>
      <Menu anchorEl={anchor} open={Boolean(anchor)} onClose={() => setAnchor(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }} transformOrigin={{ vertical: 'top', horizontal: 'right' }} slotProps={{ paper: { sx: { minWidth: 240, mt: 1 } } }}>
        <Box sx={{ px: 2, py: 1.25 }}>
          <Typography sx={{ fontWeight: 650 }}>{me.user.name}</Typography>
          <Typography variant="body2" color="text.secondary">
            {me.user.email}
          </Typography>
        </Box>
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            onAccount();
          }}
        >
          <ListItemIcon>
            <PersonOutline fontSize="small" />
          </ListItemIcon>
          Account and sessions
        </MenuItem>
        <MenuItem
          onClick={() => {
            setAnchor(null);
            onLogout();
          }}
        >
          <ListItemIcon>
            <Logout fontSize="small" />
          </ListItemIcon>
          Sign out
        </MenuItem>
      </Menu>
    </>
  );
}

export function SearchButton({ onClick }: { onClick: () => void }) {
  const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
  return (
    <Button
      onClick={onClick}
      variant="outlined"
      color="inherit"
      startIcon={<Search fontSize="small" />}
      // Named by its content ("Open command palette: Search or jump to…"), so the name holds the
      // visible words; the shortcut is announced through aria-keyshortcuts.
      aria-keyshortcuts={mac ? 'Meta+K' : 'Control+K'}
      sx={{ borderColor: 'divider', color: 'text.secondary', fontWeight: 500, justifyContent: 'flex-start', minWidth: { lg: 240 }, bgcolor: '#fff' }}
    >
      <Box component="span" sx={visuallyHidden}>
        Open command palette:{' '}
      </Box>
      <Box component="span" sx={{ flex: 1, textAlign: 'left', display: { xs: 'none', lg: 'inline' } }}>
        Search or jump to…
      </Box>
      <Typography component="kbd" aria-hidden sx={{ fontSize: '0.7rem', border: 1, borderColor: 'divider', borderRadius: 1, px: 0.75, ml: 1, display: { xs: 'none', lg: 'inline' } }}>
        {mac ? '⌘K' : 'Ctrl K'}
      </Typography>
    </Button>
  );
}

/** The sticky bar above every page: `start` (the mobile menu button), breadcrumbs, then `children`. */
export function Topbar({ start, children }: { start?: React.ReactNode; children?: React.ReactNode }) {
  return (
    <Box
      component="header"
      sx={{ position: 'sticky', top: 0, zIndex: 10, display: 'flex', alignItems: 'center', gap: 2, px: { xs: 2, md: 4 }, height: 64, bgcolor: 'rgba(246,247,251,.85)', backdropFilter: 'blur(8px)', borderBottom: 1, borderColor: 'divider' }}
    >
      {start}
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Breadcrumbs />
      </Box>
      {children}
    </Box>
  );
}
