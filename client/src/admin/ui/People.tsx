import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { colourOf, initialsOf } from './format';

export interface PersonLike {
  id: string;
  name: string;
  email?: string;
}

export function PersonAvatar({ person, size = 28 }: { person: PersonLike; size?: number }) {
  return (
    <Avatar sx={{ width: size, height: size, fontSize: size * 0.42, fontWeight: 700, bgcolor: colourOf(person.id) }} aria-hidden>
      {initialsOf(person.name)}
    </Avatar>
  );
}

/** An avatar, a name and (optionally) the email under it; "nobody" text when there is no one. */
export function PersonCell({ person, showEmail = false, nobody = '—' }: { person: PersonLike | null | undefined; showEmail?: boolean; nobody?: string }) {
  if (!person) {
    return (
      <Typography variant="body2" color="text.secondary" sx={{ fontStyle: 'italic' }}>
        {nobody}
      </Typography>
    );
  }
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.25, minWidth: 0 }}>
      <PersonAvatar person={person} size={showEmail ? 32 : 26} />
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="body2" sx={{ fontWeight: 600, lineHeight: 1.25 }} noWrap>
          {person.name}
        </Typography>
        {showEmail && person.email && (
          <Typography variant="caption" color="text.secondary" noWrap component="div">
            {person.email}
          </Typography>
        )}
      </Box>
    </Box>
  );
}
