import { campaignLimits } from '#core/api/campaigns';
import { commentLimits } from '#core/api/idea-comments';
import { ErrorCode } from '#core/api/errors';
import { addressKey } from '../accounts/sign-in-throttle.ts';
import type { SharedRates, SharedWindow } from '../auth/shared-rates.ts';
import { Refusal } from '../errors.ts';

/**
 * What strangers may cause, counted in memory and shared with the other relay nodes
 * (auth/shared-rates.ts), like the other per-address limits (core/api/campaigns.ts `campaignLimits`): sign-ups per network address an hour
 * and per e-mail address a day; ideas per participant and per network address an hour;
 * comments per account (anyone's) and, for participants, per network address an hour.
 * Each is judged before anything is read, hashed or written, so a refusal keeps nothing.
 */
export class CampaignRates {
  readonly signupAddresses: SharedWindow;
  readonly signupEmails: SharedWindow;
  readonly ideaParticipants: SharedWindow;
  readonly ideaAddresses: SharedWindow;
  /** Campaign e-mails (a link, or "you already have an account") in a link's lifetime, per box and on the relay. */
  private readonly boxMails: SharedWindow;
  private readonly relayMails: SharedWindow;
  readonly commentAccounts: SharedWindow;
  readonly commentAddresses: SharedWindow;

  constructor(
    private readonly rates: SharedRates,
    readonly pending: { perBox: number; onRelay: number } = { perBox: campaignLimits.pendingSignupsPerBox, onRelay: campaignLimits.pendingSignupsOnRelay },
  ) {
    this.signupAddresses = rates.window('campaigns.signups.address', campaignLimits.signupsPerAddressPerHour, 3_600_000);
    this.signupEmails = rates.window('campaigns.signups.email', campaignLimits.signupsPerEmailPerDay, 86_400_000);
    this.ideaParticipants = rates.window('campaigns.ideas.participant', campaignLimits.ideasPerParticipantPerHour, 3_600_000);
    this.ideaAddresses = rates.window('campaigns.ideas.address', campaignLimits.ideasPerAddressPerHour, 3_600_000);
    const lifetime = campaignLimits.confirmationHours * 3_600_000;
    this.boxMails = rates.window('campaigns.mails.box', pending.perBox, lifetime);
    this.relayMails = rates.window('campaigns.mails.relay', pending.onRelay, lifetime, 1);
    this.commentAccounts = rates.window('comments.account', commentLimits.perAccountPerHour, 3_600_000);
    this.commentAddresses = rates.window('comments.address', commentLimits.perAddressPerHour, 3_600_000);
  }

  /** One more campaign e-mail for box `boxId`: both windows judged before either counts (429 past either). */
  async takeCampaignMail(boxId: string, now: number) {
    const refused = await this.rates.takeTogether(now, [
      [this.boxMails, boxId],
      [this.relayMails, 'relay'],
    ]);
    if (refused) throw tooMany('sign-ups on this campaign for now', refused.wait);
  }

  /** A public participant's idea (members are not counted here): both windows judged before either counts. */
  async takeIdea(participantId: string, remote: string | undefined, now: number) {
    const refused = await this.rates.takeTogether(now, [
      [this.ideaParticipants, participantId],
      [this.ideaAddresses, addressKey(remote)],
    ]);
    if (refused) throw tooMany('ideas this hour', refused.wait);
  }

  /**
   * A comment: every account counted, and a public participant's network address too
   * (members, who may share an office's address, are not); both judged before either counts.
   */
  async takeComment(caller: { id: string; participant?: boolean | undefined }, remote: string | undefined, now: number) {
    const takes: [SharedWindow, string][] = [[this.commentAccounts, caller.id]];
    if (caller.participant === true) takes.push([this.commentAddresses, addressKey(remote)]);
    const refused = await this.rates.takeTogether(now, takes);
    if (refused) throw tooMany('comments this hour', refused.wait);
  }
}

export async function take(window: SharedWindow, key: string, now: number, what: string) {
  const wait = await window.take(key, now);
  if (wait > 0) throw tooMany(what, wait);
}

export const tooMany = (what: string, wait: number) =>
  new Refusal(ErrorCode.rateLimited, `Too many ${what}: try again in ${wait} s.`, undefined, { 'retry-after': String(wait) });
