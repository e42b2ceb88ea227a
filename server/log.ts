import pino from 'pino';

/**
 * The relay's log. It never holds a phone number, a token or a message's text (issue 11,
 * finding 13): log calls name ids, kinds and counts; and, should one pass an object
 * carrying such fields anyway, pino censors them here.
 */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'conclave-relay' },
    redact: {
      paths: ['to', 'from', 'phone', 'text', 'token', 'ticket', 'password', '*.to', '*.from', '*.phone', '*.text', '*.token', '*.ticket', '*.password', 'headers.authorization', '*.headers.authorization'],
      censor: '[hidden]',
    },
  };
  // `destination`: where a test reads the lines; stdout otherwise.
  return destination ? pino(options, destination) : pino(options);
}

/** A request path fit for the log: segments long enough to be a secret (tokens in links are 43 characters) are hidden. */
export const loggablePath = (pathname: string) => pathname.replace(/[A-Za-z0-9_-]{32,}/g, ':secret');
