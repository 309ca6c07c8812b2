import { validate } from 'class-validator';
import { refusal } from '../../permissions/requirement';
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { AppError, type AppErrorExtensions, type FieldError, httpStatusOf, retryAfterOf } from '../../common/errors';
import { toGlobalId } from '../../common/global-id';
import { unsafeTextFields } from '../../common/input-hygiene';
import type { Context } from '../../context/context';
import { type InboundMessage } from './message.entity';
import { IngestMessageInput } from './message.inputs';
import { ingestMessage } from './message.service';

/** Bodies above this are refused with 413 before they are parsed. */
export const MESSAGE_BODY_LIMIT = '100kb';

const FIELDS = ['channel', 'sender', 'subject', 'payload', 'externalId'] as const;

interface Locals {
  ctx: Context;
}

function sendError(res: Response, status: number, code: string, message: string, extra: AppErrorExtensions = {}): void {
  const wait = retryAfterOf(extra);
  if (wait !== null) res.setHeader('Retry-After', String(wait));
  res.status(status).json({ error: code, message, ...extra, correlationId: (res.req as Request).correlationId });
}

async function messageJson(ctx: Context, m: InboundMessage) {
  const [ticket, run] = await Promise.all([m.ticket ? ctx.loaders.tickets.readById.load(m.ticket.id) : null, m.run ? ctx.loaders.runs.readById.load(m.run.id) : null]);
  return {
    id: toGlobalId('InboundMessage', m.id),
    channel: m.channel,
    sender: m.sender,
    subject: m.subject ?? null,
    externalId: m.externalId ?? null,
    status: m.status,
    error: m.error ?? null,
    correlationId: m.correlationId,
    receivedAt: m.receivedAt.toISOString(),
    processedAt: m.processedAt?.toISOString() ?? null,
    ticket: ticket ? { id: toGlobalId('Ticket', ticket.id), number: ticket.number } : null,
    run: run ? { id: toGlobalId('AutomationRun', run.id), status: run.status } : null,
  };
}

/**
 * POST /api/messages: the HTTP way in for e-mail gateways, webhooks and integrations. Bearer
 * access token as for GraphQL; the tenant comes from the token. The same checks and processing
 * as the ingestMessage mutation; answers 201 with the stored message (200 for a repeated
 * externalId), or a JSON error with a 4xx status that says what to fix.
 */
export function createMessageRouter(contextOf: (req: Request) => Promise<Context>): Router {
  const router = Router();

  // Who is calling is settled before the body is read: strangers learn nothing about it.
  const authenticate = async (req: Request, res: Response<unknown, Locals>, next: NextFunction) => {
    try {
      const ctx = await contextOf(req);
      const refused = refusal(ctx, { inTenant: 'message:write' }, 'Send an access token: Authorization: Bearer <token>.');
      if (refused) {
        sendError(res, httpStatusOf(refused.code), refused.code, refused.message, refused.extensions);
        return;
      }
      if (!req.is('application/json')) {
        sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the message as JSON (Content-Type: application/json).');
        return;
      }
      res.locals.ctx = ctx;
      next();
    } catch (err) {
      next(err);
    }
  };

  const ingest = async (req: Request, res: Response<unknown, Locals>, next: NextFunction) => {
    const ctx = res.locals.ctx;
    try {
      const body: unknown = req.body;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        sendError(res, 400, 'BAD_USER_INPUT', 'The body must be a JSON object with channel, sender and payload.');
        return;
      }
      // NUL or a lone surrogate anywhere (keys and payload too) cannot be stored.
      const unsafe = unsafeTextFields(body);
      if (unsafe.length) {
        sendError(res, 400, 'BAD_USER_INPUT', unsafe.map((f) => f.message).join(' '), { fields: unsafe });
        return;
      }
      const unknown = Object.keys(body).filter((k) => !(FIELDS as readonly string[]).includes(k));
      if (unknown.length) {
        const fields: FieldError[] = unknown.map((k) => ({ field: k, message: `Unknown field; allowed: ${FIELDS.join(', ')}.` }));
        sendError(res, 400, 'BAD_USER_INPUT', `Unknown field(s): ${unknown.join(', ')}.`, { fields });
        return;
      }
      const input = Object.assign(new IngestMessageInput(), body);
      const problems = await validate(input, { forbidUnknownValues: false });
      if (problems.length) {
        const fields: FieldError[] = problems.flatMap((p) => Object.values(p.constraints ?? {}).map((message) => ({ field: p.property, message })));
        sendError(res, 400, 'BAD_USER_INPUT', `Invalid message: ${fields.map((f) => f.message).join(' ')}`, { fields });
        return;
      }
      const { message, created } = await ingestMessage(ctx, input);
      res.status(created ? 201 : 200).json(await messageJson(ctx, message));
    } catch (err) {
      if (err instanceof AppError) {
        sendError(res, httpStatusOf(err.code), err.code, err.message, err.extensions);
        return;
      }
      next(err);
    }
  };

  router.post('/', authenticate, express.json({ limit: MESSAGE_BODY_LIMIT }), ingest);

  router.all('/', (_req: Request, res: Response) => {
    res.setHeader('Allow', 'POST');
    sendError(res, 405, 'METHOD_NOT_ALLOWED', 'Send messages with POST.');
  });

  // The body parser's refusals, as JSON a sender can act on.
  router.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    const type = (err as { type?: string }).type;
    if (type === 'entity.too.large') return sendError(res, 413, 'PAYLOAD_TOO_LARGE', `The body is larger than ${MESSAGE_BODY_LIMIT}.`);
    if (type === 'entity.parse.failed') return sendError(res, 400, 'BAD_REQUEST', 'The body is not valid JSON.');
    if (type === 'charset.unsupported' || type === 'encoding.unsupported') return sendError(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send UTF-8 JSON.');
    next(err);
  });

  return router;
}
