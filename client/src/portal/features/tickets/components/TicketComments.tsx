import LockOutlined from '@mui/icons-material/LockOutlined';
import Avatar from '@mui/material/Avatar';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { type FormEvent, useState } from 'react';
import { type FragmentType, getFragmentData, graphql } from '../../../../gql';
import { messageOf, fieldErrorsOf } from '../../../../shared/errors';
import { formatDateTime, initialsOf, timeAgo } from '../../../../shared/format';
import { useAddTicketComment } from '../hooks/useTicketMutations';
import { InternalChip, NOTE_BG, NOTE_BORDER } from './TicketChips';

export const TICKET_COMMENT_FRAGMENT = graphql(`
  fragment TicketCommentItem on TicketComment {
    id
    body
    createdAt
    internal
    fromSupport
    authorName
  }
`);

function CommentItem({ comment }: { comment: FragmentType<typeof TICKET_COMMENT_FRAGMENT> }) {
  const c = getFragmentData(TICKET_COMMENT_FRAGMENT, comment);
  return (
    <Box component="li" sx={{ display: 'flex', gap: 1.5, listStyle: 'none' }} aria-label={c.internal ? `Internal note by ${c.authorName}` : `Comment by ${c.authorName}`}>
      <Avatar sx={{ width: 34, height: 34, fontSize: '0.75rem', bgcolor: c.fromSupport ? '#4338ca' : '#e0e7ff', color: c.fromSupport ? '#fff' : '#3730a3' }}>
        {initialsOf(c.authorName)}
      </Avatar>
      <Paper
        variant="outlined"
        sx={{ flex: 1, minWidth: 0, p: 2, borderRadius: 2.5, ...(c.internal ? { bgcolor: NOTE_BG, borderColor: NOTE_BORDER, borderLeftWidth: 4 } : {}) }}
      >
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 0.5 }}>
          <Typography sx={{ fontWeight: 650, fontSize: '0.9rem' }}>{c.authorName}</Typography>
          {c.fromSupport && <Chip size="small" label="Support" color="primary" variant="outlined" />}
          {c.internal && <InternalChip label="Internal note" />}
          <Tooltip title={formatDateTime(c.createdAt)}>
            <Typography variant="body2" color="text.secondary">
              {timeAgo(c.createdAt)}
            </Typography>
          </Tooltip>
        </Box>
        <Typography sx={{ whiteSpace: 'pre-wrap', fontSize: '0.92rem', overflowWrap: 'anywhere' }}>{c.body}</Typography>
      </Paper>
    </Box>
  );
}

/** Earlier comments not shown yet, and how to load them. */
export interface EarlierComments {
  loading: boolean;
  error: string | null;
  onShow: () => void;
}

/**
 * The conversation on a ticket, oldest first: the newest comments, a button for earlier ones
 * when there are more, and the reply box for roles that may comment.
 */
export function TicketComments({
  ticketId,
  comments,
  total,
  earlier,
  canComment,
  canAddNotes = false,
}: {
  ticketId: string;
  comments: readonly FragmentType<typeof TICKET_COMMENT_FRAGMENT>[];
  total: number;
  earlier: EarlierComments | null;
  canComment: boolean;
  /** The tenant's agents (ticket:assign) may add internal notes; customers never see the toggle. */
  canAddNotes?: boolean;
}) {
  const [addComment, { loading }] = useAddTicketComment();
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const asNote = canAddNotes && internal;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!body.trim()) {
      setError('Write something before sending.');
      return;
    }
    setError(null);
    try {
      await addComment({ variables: { input: { ticketId, body: body.trim(), ...(asNote ? { internal: true } : {}) } } });
      setBody('');
      setInternal(false);
    } catch (err) {
      const e2 = err instanceof Error ? err : null;
      setError(fieldErrorsOf(e2).body ?? messageOf(e2));
    }
  };

  return (
    <Box component="section" aria-labelledby="comments-heading">
      <Typography id="comments-heading" variant="h4" component="h2" sx={{ mb: 2 }}>
        Conversation <Typography component="span" color="text.secondary">({total})</Typography>
      </Typography>
      {comments.length === 0 ? (
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          No comments yet.
        </Typography>
      ) : (
        <>
          {earlier && (
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 2 }}>
              <Button variant="outlined" size="small" onClick={earlier.onShow} disabled={earlier.loading}>
                {earlier.loading ? 'Loading…' : `Show earlier comments (${total - comments.length})`}
              </Button>
              {earlier.error && (
                <Typography role="alert" variant="body2" color="error">
                  {earlier.error}
                </Typography>
              )}
            </Box>
          )}
          <Stack component="ol" spacing={2} sx={{ p: 0, m: 0, mb: 3 }}>
            {comments.map((c) => (
              <CommentItem key={getFragmentData(TICKET_COMMENT_FRAGMENT, c).id} comment={c} />
            ))}
          </Stack>
        </>
      )}
      {canComment && (
        <Box
          component="form"
          noValidate
          onSubmit={(e) => void onSubmit(e)}
          sx={asNote ? { bgcolor: NOTE_BG, border: `1px solid ${NOTE_BORDER}`, borderRadius: 2, p: 1.5 } : undefined}
        >
          {canAddNotes && (
            <FormControlLabel
              control={<Switch checked={internal} onChange={(e) => setInternal(e.target.checked)} />}
              label="Internal note"
              sx={{ mb: 1 }}
            />
          )}
          {asNote && (
            <Typography variant="body2" sx={{ color: '#713f12', fontWeight: 600, mb: 1, display: 'flex', alignItems: 'center', gap: 0.5 }}>
              <LockOutlined fontSize="inherit" /> Internal note — customers don&apos;t see this
            </Typography>
          )}
          <TextField
            label={asNote ? 'Add an internal note' : 'Add a comment'}
            name="comment"
            fullWidth
            multiline
            minRows={3}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            error={Boolean(error)}
            helperText={error ?? ' '}
            sx={{ '& .MuiInputBase-root': { bgcolor: '#fff' } }}
          />
          <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 1 }}>
            <Button type="submit" variant="contained" disabled={loading}>
              {loading ? 'Sending…' : asNote ? 'Add note' : 'Comment'}
            </Button>
          </Box>
        </Box>
      )}
    </Box>
  );
}
