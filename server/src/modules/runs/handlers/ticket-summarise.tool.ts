import { AppError } from '../../../common/errors';
import { expectGlobalId, toGlobalId } from '../../../common/global-id';
import { TicketComment } from '../../tickets/ticket-comment.entity';
import { Ticket } from '../../tickets/ticket.entity';
import { User } from '../../users/user.entity';
import { RunError, type ToolHandler } from '../run.handler';

export const TICKET_SUMMARISE_SCHEMA = {
  type: 'object',
  properties: {
    ticketId: { type: 'string', minLength: 8, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$', description: 'Global id of a ticket of your organisation.' },
    maxSentences: { type: 'integer', minimum: 1, maximum: 10, description: 'How many key sentences to keep (default 3).' },
  },
  required: ['ticketId'],
  additionalProperties: false,
} as const;

const STOPWORDS = new Set(
  'a about after again all also am an and any are as at be because been before being but by can could did do does doing for from had has have having he her here hers him his how i if in into is it its just me more most my no not now of on once only or other our out over own same she should so some such than that the their them then there these they this those through to too under until up very was we were what when where which while who why will with would you your yours please thanks thank hi hello'.split(
    ' ',
  ),
);

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => /[\p{L}\p{N}]/u.test(s) && s.length >= 3);
}

function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? []).filter((w) => w.length > 1 && !STOPWORDS.has(w));
}

interface Candidate {
  text: string;
  source: 'body' | 'comment';
  order: number;
  score: number;
}

/** What a summary is made of: a ticket, its comments oldest first, and the names of the people involved. */
export interface SummaryInput {
  ticket: { id: string; number: number; subject: string; body: string; status: string; createdAt: Date; requesterId: string; assigneeId: string | null };
  comments: { authorId: string; body: string; createdAt: Date }[];
  names: ReadonlyMap<string, string>;
  maxSentences: number;
}

/**
 * Extractive summary of one ticket: its key sentences (scored by how often their words recur
 * across the thread, the subject's words counting double, the opening sentence favoured), with
 * counts and participants. Pure, so the demo seed produces the same outputs as real runs.
 */
export function buildSummary({ ticket, comments, names, maxSentences }: SummaryInput): Record<string, unknown> {
  const parts = [
    { text: ticket.body, source: 'body' as const },
    ...comments.map((c) => ({ text: c.body, source: 'comment' as const })),
  ];
  const frequency = new Map<string, number>();
  for (const w of [...wordsOf(ticket.subject), ...wordsOf(ticket.subject), ...parts.flatMap((p) => wordsOf(p.text))]) {
    frequency.set(w, (frequency.get(w) ?? 0) + 1);
  }
  const candidates: Candidate[] = [];
  let order = 0;
  for (const part of parts) {
    for (const sentence of sentencesOf(part.text)) {
      const words = wordsOf(sentence);
      const raw = words.reduce((sum, w) => sum + (frequency.get(w) ?? 0), 0) / Math.max(words.length, 1);
      const opening = order === 0 ? 1.25 : 1;
      candidates.push({ text: sentence, source: part.source, order, score: Math.round(raw * opening * 100) / 100 });
      order += 1;
    }
  }
  const seen = new Set<string>();
  const key = candidates
    .slice()
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .filter((c) => (seen.has(c.text.toLowerCase()) ? false : (seen.add(c.text.toLowerCase()), true)))
    .slice(0, maxSentences)
    .sort((a, b) => a.order - b.order);

  const commentCounts = new Map<string, number>();
  for (const c of comments) commentCounts.set(c.authorId, (commentCounts.get(c.authorId) ?? 0) + 1);
  const roles = new Map<string, Set<string>>();
  const addRole = (id: string, role: string) => roles.set(id, (roles.get(id) ?? new Set()).add(role));
  addRole(ticket.requesterId, 'requester');
  if (ticket.assigneeId) addRole(ticket.assigneeId, 'assignee');
  for (const id of commentCounts.keys()) addRole(id, 'commenter');
  const participants = [...roles.entries()]
    .map(([id, r]) => ({ id: toGlobalId('User', id), name: names.get(id) ?? 'Unknown', roles: [...r].sort(), comments: commentCounts.get(id) ?? 0 }))
    .sort((a, b) => b.comments - a.comments || a.name.localeCompare(b.name));

  const last = comments.length ? comments[comments.length - 1] : undefined;
  return {
    ticket: { id: toGlobalId('Ticket', ticket.id), number: ticket.number, subject: ticket.subject, status: ticket.status },
    summary: key.map((k) => k.text),
    keySentences: key.map((k) => ({ text: k.text, source: k.source, score: k.score })),
    counts: {
      comments: comments.length,
      sentences: candidates.length,
      words: parts.reduce((sum, p) => sum + (p.text.match(/\S+/g)?.length ?? 0), 0),
      participants: participants.length,
    },
    participants,
    openedAt: ticket.createdAt.toISOString(),
    lastActivityAt: (last?.createdAt ?? ticket.createdAt).toISOString(),
  };
}

/** Summarises one ticket of the run's tenant (see buildSummary). */
export const summariseTicket: ToolHandler = async ({ em, input, signal }) => {
  let ticketId: string;
  try {
    ticketId = expectGlobalId(String(input.ticketId), 'Ticket', 'ticketId');
  } catch (err) {
    if (err instanceof AppError) throw new RunError('ticketId is not the id of a ticket.');
    throw err;
  }
  const maxSentences = typeof input.maxSentences === 'number' ? input.maxSentences : 3;
  // The EntityManager carries the run's tenant filter: another tenant's ticket is simply not found.
  const ticket = await em.findOne(Ticket, { id: ticketId });
  if (!ticket) throw new RunError('The ticket was not found in your organisation.');
  // Internal notes stay out: a run's output is read by anyone with run:read, customers included.
  const comments = await em.find(TicketComment, { ticket: ticket.id, internal: false }, { orderBy: { createdAt: 'ASC', id: 'ASC' } });
  if (signal.aborted) throw new RunError('Stopped.', { retryable: true });
  const people = new Set([ticket.requester.id, ...(ticket.assignee ? [ticket.assignee.id] : []), ...comments.map((c) => c.author.id)]);
  const users = await em.find(User, { id: { $in: [...people] } });
  return buildSummary({
    ticket: {
      id: ticket.id,
      number: ticket.number,
      subject: ticket.subject,
      body: ticket.body,
      status: ticket.status,
      createdAt: ticket.createdAt,
      requesterId: ticket.requester.id,
      assigneeId: ticket.assignee?.id ?? null,
    },
    comments: comments.map((c) => ({ authorId: c.author.id, body: c.body, createdAt: c.createdAt })),
    names: new Map(users.map((u) => [u.id, u.name])),
    maxSentences,
  });
};
