import Bolt from '@mui/icons-material/BoltOutlined';
import ConfirmationNumber from '@mui/icons-material/ConfirmationNumberOutlined';
import History from '@mui/icons-material/History';
import Mail from '@mui/icons-material/MailOutline';
import PlayCircle from '@mui/icons-material/PlayCircleOutline';
import Warning from '@mui/icons-material/WarningAmber';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import type { CorrelationKind } from '../../gql/graphql';
import { formatDateTime } from '../format';

const KINDS: Record<CorrelationKind, { label: string; icon: ReactNode; bg: string; fg: string }> = {
  MESSAGE: { label: 'Message', icon: <Mail fontSize="small" />, bg: '#e0f2fe', fg: '#075985' },
  RUN: { label: 'Run', icon: <PlayCircle fontSize="small" />, bg: '#ede9fe', fg: '#5b21b6' },
  EVENT: { label: 'Event', icon: <Bolt fontSize="small" />, bg: '#f1f5f9', fg: '#334155' },
  INCIDENT: { label: 'Incident', icon: <Warning fontSize="small" />, bg: '#fee2e2', fg: '#991b1b' },
  TICKET: { label: 'Ticket', icon: <ConfirmationNumber fontSize="small" />, bg: '#e0e7ff', fg: '#3730a3' },
  AUDIT: { label: 'Audit', icon: <History fontSize="small" />, bg: '#dcfce7', fg: '#166534' },
};

/**
 * One entry of a correlation chain, in both apps: its kind (icon and label), when, its title
 * (a link where the app has a page for it and the reader may open it) and a second line. Each app
 * decides the link and the line; `children` adds what one app shows more (the portal's diff).
 */
export function TraceEntryItem({
  kind,
  at,
  title,
  href,
  detail,
  children,
}: {
  kind: CorrelationKind;
  at: string;
  title: string;
  href: string | null;
  detail: string | null;
  children?: ReactNode;
}) {
  const k = KINDS[kind] ?? KINDS.EVENT;
  return (
    <Box component="li" aria-label={`${k.label}: ${title}`} sx={{ display: 'grid', gridTemplateColumns: '36px minmax(0, 1fr)', columnGap: 1.5, position: 'relative', pb: 2.5, '&:last-child': { pb: 0 } }}>
      <Box aria-hidden sx={{ width: 36, height: 36, borderRadius: '50%', display: 'grid', placeItems: 'center', bgcolor: k.bg, color: k.fg, zIndex: 1 }}>
        {k.icon}
      </Box>
      <Box sx={{ minWidth: 0, pt: 0.25 }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
          <Typography variant="overline" sx={{ color: k.fg, fontWeight: 700, lineHeight: 1.6 }}>
            {k.label}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {formatDateTime(at)}
          </Typography>
        </Stack>
        {href ? (
          <Link component={RouterLink} to={href} sx={{ fontWeight: 600, wordBreak: 'break-word' }}>
            {title}
          </Link>
        ) : (
          <Typography sx={{ fontWeight: 600, wordBreak: 'break-word' }}>{title}</Typography>
        )}
        {detail && (
          <Typography variant="body2" color="text.secondary" sx={{ wordBreak: 'break-word' }}>
            {detail}
          </Typography>
        )}
        {children}
      </Box>
    </Box>
  );
}
