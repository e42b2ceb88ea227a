import { afterEach, describe, expect, it } from 'vitest';
import type { MailDetail } from '#core/api/mail';
import { Api, setUpOrganisation } from '../../support/api.ts';
import { startCluster } from '../../support/cluster.ts';
import { waitUntil } from '../../support/sms.ts';
import { TestSmtp } from '../../support/smtp.ts';

/**
 * Issue 19: the e-mail senders of several relay nodes on one store share the queue and send
 * each message once (server/mail/service.ts `claim`); a node starting never disturbs what
 * another is sending, and a dead node's claims are taken back (server/mail/takeback.ts).
 */
const mailEnv = (smtp: TestSmtp) => ({ SMTP_URL: smtp.url, MAIL_FROM: 'Conclave <conclave@durand.example>' });
const mailIn = (api: Api, id: string) => api.ok<MailDetail>('GET', `/api/mail/messages/${id}`);

/** Queues a test e-mail to `to` through `api`'s node. */
const queueMail = async (api: Api, to: string) => (await api.ok<{ id: string }>('POST', '/api/mail/test', { to })).id;

describe('e-mail on several relay nodes sharing one store (issue 19)', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function smtpServer() {
    const smtp = new TestSmtp();
    await smtp.listen();
    cleanups.push(() => smtp.close());
    return smtp;
  }

  it('300 e-mails queued through three nodes reach the SMTP server once each, a fourth node starting mid-way', { timeout: 240_000 }, async () => {
    const smtp = await smtpServer();
    smtp.answerDelayMs = 40;
    const cluster = await startCluster({ nodes: 3, env: mailEnv(smtp) });
    cleanups.push(() => cluster.stop());
    const admin = await setUpOrganisation(cluster.url(0));
    const apis = cluster.nodes.map((n) => new Api(n.url, admin.token));
    const ids: string[] = [];
    for (let start = 0; start < 300; start += 20) {
      ids.push(...(await Promise.all(Array.from({ length: 20 }, (_, k) => queueMail(apis[(start + k) % 3]!, `p${start + k}@elsewhere.example`)))));
    }
    // A node starting while the others send must leave their messages alone.
    await waitUntil(async () => smtp.received.length >= 30, '30 e-mails received');
    const fourth = await cluster.add();
    await waitUntil(async () => (smtp.received.length >= 300 ? true : null), 'all 300 received', 200_000);
    const counts = new Map<string, number>();
    for (const m of smtp.received) for (const to of m.envelopeTo) counts.set(to, (counts.get(to) ?? 0) + 1);
    const expected = Array.from({ length: 300 }, (_, i) => `p${i}@elsewhere.example`);
    expect(expected.filter((to) => counts.get(to) !== 1)).toEqual([]);
    expect(smtp.received).toHaveLength(300);
    // The SMTP server has each message before its node records it sent: wait for the records.
    const fourthApi = new Api(fourth.url, admin.token);
    const list = await waitUntil(async () => {
      const answer = await fourthApi.ok<{ counts: Record<string, number> }>('GET', '/api/mail/messages?limit=1');
      return (answer.counts.sent ?? 0) >= 300 ? answer : null;
    }, 'all 300 recorded sent');
    // The organisation's own e-mails besides: none is unconfirmed, every one sent.
    expect(list.counts.unconfirmed ?? 0).toBe(0);
    expect(list.counts.sent).toBeGreaterThanOrEqual(300);
    expect(ids).toHaveLength(300);
  });

  it('kill -9 of a node holding an e-mail: the others leave it while the node lives, then mark it unconfirmed; the rest go once each', { timeout: 120_000 }, async () => {
    const smtp = await smtpServer();
    const cluster = await startCluster({ nodes: 1, env: { ...mailEnv(smtp), MAIL_CONCURRENCY: '1' } });
    cleanups.push(() => cluster.stop());
    const doomed = cluster.nodes[0]!;
    const admin = await setUpOrganisation(doomed.url);
    // The SMTP server reads the first message and never answers: node 0 holds it.
    smtp.hold = true;
    const held = await queueMail(admin, 'held@elsewhere.example');
    await smtp.waitFor(1);
    smtp.hold = false;
    const other = new Api((await cluster.add()).url, admin.token);
    await cluster.add();
    expect((await mailIn(other, held)).status).toBe('sending');

    const rest = [];
    for (let i = 0; i < 10; i++) rest.push(await queueMail(i % 2 ? other : admin, `rest${i}@elsewhere.example`));
    await doomed.kill9();
    for (const id of rest) await waitUntil(async () => ((await mailIn(other, id)).status === 'sent' ? true : null), `${id} sent`);
    const unconfirmed = await waitUntil(async () => {
      const m = await mailIn(other, held);
      return m.status === 'unconfirmed' ? m : null;
    }, 'the held e-mail unconfirmed');
    expect(unconfirmed.history.at(-1)?.detail).toContain('not sent again');
    const ids = smtp.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(smtp.received).toHaveLength(11);
  });
});
