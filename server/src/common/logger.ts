import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, pretty = false): Logger {
  return pino({
    level,
    base: undefined,
    redact: {
      paths: ['password', '*.password', 'refreshToken', '*.refreshToken', 'otp', '*.otp', 'totpSecret', '*.totpSecret', 'totpPendingSecret', '*.totpPendingSecret', 'req.headers.authorization'],
      remove: true,
    },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } } : {}),
  });
}
