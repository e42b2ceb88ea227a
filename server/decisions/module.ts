import type { Context } from '../context.ts';
import { decisionRoutes } from './routes.ts';
import type { RelayModule } from '../relay-module.ts';
import { Pump } from '../pump.ts';
import { jobLease } from '../nodes/job-lease.ts';
import { decisionPublication } from './publication.ts';
import { announceDueReviews, nextReview } from './reviews.ts';
import { DecisionEmailSender } from './email.ts';
import { DecisionSmsSender, listenToDecisionSms } from './sms.ts';

/** Decision records: routes, SMS summaries and acknowledgements, e-mails, review-date reminders. */
export function decisionsModule(ctx: Context): RelayModule {
  const reviews = new Pump('decision reviews', { log: ctx.log, now: ctx.now, next: () => nextReview(ctx), work: () => announceDueReviews(ctx), lease: jobLease(ctx, 'decision-reviews') });
  const sender = new DecisionSmsSender(ctx);
  const emails = new DecisionEmailSender(ctx);
  let resuming: Promise<void> = Promise.resolve();
  // Listen before any part starts, so that no "OK" heard at start-up goes unrecorded.
  listenToDecisionSms(ctx);
  const publish = decisionPublication(ctx, { reviewsChanged: () => reviews.wake(), sendSms: (id) => sender.send(id), sendEmail: () => emails.wake() });
  return {
    name: 'decisions',
    routes: (router) => decisionRoutes(router, ctx, publish),
    start: async () => {
      await reviews.start();
      await emails.start();
      resuming = sender.resume().catch((err: unknown) => ctx.log.error({ err }, 'could not resume decision SMS'));
    },
    stop: async () => {
      await sender.stop();
      await resuming;
      await emails.stop();
      await reviews.stop();
    },
  };
}
