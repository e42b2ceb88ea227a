import type { Context } from '../context.ts';
import { decisionRoutes } from './routes.ts';
import type { RelayModule } from '../relay-module.ts';
import { Pump } from '../pump.ts';
import { decisionPublication } from './publication.ts';
import { announceDueReviews, nextReview } from './reviews.ts';
import { DecisionSmsSender, listenToDecisionSms } from './sms.ts';

/** Decision records: routes, SMS summaries and acknowledgements, review-date reminders. */
export function decisionsModule(ctx: Context): RelayModule {
  const reviews = new Pump('decision reviews', { log: ctx.log, now: ctx.now, next: () => nextReview(ctx), work: () => announceDueReviews(ctx) });
  const sender = new DecisionSmsSender(ctx);
  let resuming: Promise<void> = Promise.resolve();
  // Listen before any part starts, so that no "OK" heard at start-up goes unrecorded.
  listenToDecisionSms(ctx);
  const publish = decisionPublication(ctx, { reviewsChanged: () => reviews.wake(), sendSms: (id) => sender.send(id) });
  return {
    name: 'decisions',
    routes: (router) => decisionRoutes(router, ctx, publish),
    start: async () => {
      await reviews.start();
      resuming = sender.resume().catch((err: unknown) => ctx.log.error({ err }, 'could not resume decision SMS'));
    },
    stop: async () => {
      await sender.stop();
      await resuming;
      await reviews.stop();
    },
  };
}
