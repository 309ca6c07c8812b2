import type { NextFunction, Request, Response } from 'express';
import { uuidv7 } from './uuid';

export const CORRELATION_HEADER = 'x-correlation-id';
export const CORRELATION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

declare module 'express-serve-static-core' {
  interface Request {
    correlationId: string;
  }
}

/** Accepts a well-formed X-Correlation-Id, otherwise makes one, and echoes it on the response. */
export function correlationMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header(CORRELATION_HEADER);
  req.correlationId = incoming && CORRELATION_ID_PATTERN.test(incoming) ? incoming : uuidv7();
  res.setHeader('X-Correlation-Id', req.correlationId);
  next();
}
