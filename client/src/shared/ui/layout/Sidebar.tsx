import MenuIcon from '@mui/icons-material/Menu';
import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useLocation } from 'react-router';
import { brand } from '../../theme/theme';
import { BrandMark } from '../BrandMark';
import type { NavItem } from './types';

export const SIDEBAR_WIDTH = 248;

function isActive(item: NavItem, pathname: string): boolean {
  if (item.exact || item.href === '/') return pathname === item.href;
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}

interface NavProps {
  items: readonly NavItem[];
  footer?: React.ReactNode;
  subtitle?: string;
}

/** The navigation itself: brand, the items the role may use (others are not shown at all), footer. */
function NavPanel({ items, footer, subtitle, onNavigate, sticky }: NavProps & { onNavigate?: () => void; sticky?: boolean }) {
  const { pathname } = useLocation();
  return (
    <Box
      component="nav"
      aria-label="Main"
      sx={{ color: '#cbd5e1', display: 'flex', flexDirection: 'column', bgcolor: brand.sidebar, ...(sticky ? { position: 'sticky', top: 0, height: '100vh' } : { minHeight: '100%' }) }}
    >
      <Box sx={{ px: 2.5, py: 2.5 }}>
        <BrandMark tone="light" subtitle={subtitle} />
      </Box>
      {items.length > 0 && (
        <Typography sx={{ px: 3, pt: 1, pb: 0.5, fontSize: '0.7rem', fontWeight: 700, letterSpacing: '0.08em', color: '#94a3b8', textTransform: 'uppercase' }}>Menu</Typography>
      )}
      <List sx={{ px: 1.5, flex: 1 }}>
        {items.map((item) => {
          const active = isActive(item, pathname);
          return (
            // A list holds list items only: each link sits in its own <li>.
            <ListItem key={item.href} disablePadding>
              <ListItemButton
                component={RouterLink}
                to={item.href}
                selected={active}
                aria-current={active ? 'page' : undefined}
                onClick={onNavigate}
                sx={{
                  borderRadius: 2,
                  mb: 0.5,
                  color: active ? '#fff' : '#cbd5e1',
                  '&.Mui-selected': { bgcolor: 'rgba(99,102,241,.22)', '&:hover': { bgcolor: 'rgba(99,102,241,.3)' } },
                  '&:hover': { bgcolor: 'rgba(255,255,255,.06)' },
                }}
              >
                <ListItemIcon sx={{ minWidth: 36, color: active ? '#a5b4fc' : '#94a3b8' }}>{item.icon}</ListItemIcon>
                <ListItemText primary={item.label} slotProps={{ primary: { sx: { fontWeight: active ? 650 : 500, fontSize: '0.92rem' } } }} />
              </ListItemButton>
            </ListItem>
          );
        })}
      </List>
      {footer && <Box sx={{ p: 2, borderTop: '1px solid rgba(255,255,255,.08)' }}>{footer}</Box>}
    </Box>
  );
}

/** The permanent sidebar on wide screens; narrow screens use MobileNav instead. */
export function Sidebar(props: NavProps) {
  return (
    // The outer box paints the full height of the page; the panel stays in view while it scrolls.
    <Box sx={{ width: SIDEBAR_WIDTH, flexShrink: 0, bgcolor: brand.sidebar, display: { xs: 'none', md: 'block' } }}>
      <NavPanel {...props} sticky />
    </Box>
  );
}

/** On narrow screens, a menu button in the top bar opens the same navigation in a drawer. */
export function MobileNav(props: NavProps) {
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  // Whatever changes the page (a link, the palette, back) closes the drawer.
  useEffect(() => setOpen(false), [pathname]);
  return (
    <>
      <IconButton aria-label="Open menu" aria-expanded={open} onClick={() => setOpen(true)} edge="start" sx={{ display: { xs: 'inline-flex', md: 'none' } }}>
        <MenuIcon />
      </IconButton>
      <Drawer open={open} onClose={() => setOpen(false)} slotProps={{ paper: { sx: { width: SIDEBAR_WIDTH, bgcolor: brand.sidebar } } }}>
        <NavPanel {...props} onNavigate={() => setOpen(false)} />
      </Drawer>
    </>
  );
}
