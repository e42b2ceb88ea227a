import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, loggablePath } from '../../../server/log.ts';

/** The relay's logger, writing to memory: every line it would print. */
function capture() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: createLogger('debug', sink), lines };
}

describe('the relay log (issue 11, finding 13)', () => {
  it('hides a phone number, a text or a token a log call passes by mistake, at the top or one level down', () => {
    const { log, lines } = capture();
    log.warn({ to: '+33612345678', from: '+33698765432', text: 'Quokka at 9', token: 'tok-secret', receipt: { to: '+33611111111', text: 'Quokka' } }, 'oops');
    const out = lines.join('');
    expect(out).toContain('oops');
    expect(out).not.toMatch(/612345678|698765432|611111111|Quokka|tok-secret/);
  });

  it('hides path segments long enough to be a secret', () => {
    expect(loggablePath(`/api/invitations/${'a'.repeat(43)}/accept`)).toBe('/api/invitations/:secret/accept');
  });
});
