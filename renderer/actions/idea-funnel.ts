import type { IdeaBoxSettings, ReportIdeaRequest } from '#core/api/idea-funnel';
import type { IdeaDetail } from '#core/api/ideas';
import type { ModerationDecision } from '#core/ideas/moderation';
import type { ApiClient } from '../api/client.ts';
import * as endpoints from '../api/idea-funnel.ts';

/**
 * What facilitators (and readers, for reports) do to an idea box's funnel. Each asks the
 * relay, the authority, and returns what now is for the screen to show.
 */
export function moderateIdea(api: ApiClient, ideaId: string, decision: ModerationDecision, reason: string): Promise<IdeaDetail> {
  const trimmed = reason.trim();
  return endpoints.moderate(api, ideaId, { decision, ...(trimmed ? { reason: trimmed } : {}) });
}

export const shortlistIdea = (api: ApiClient, ideaId: string, on: boolean) => endpoints.shortlist(api, ideaId, on);

export function reportIdea(api: ApiClient, ideaId: string, reason: ReportIdeaRequest['reason'], note: string) {
  const trimmed = note.trim();
  return endpoints.report(api, ideaId, { reason, ...(trimmed ? { note: trimmed } : {}) });
}

export const dismissReports = (api: ApiClient, ideaId: string) => endpoints.dismissReports(api, ideaId);
export const mergeIdea = (api: ApiClient, ideaId: string, into: string) => endpoints.merge(api, ideaId, into);
export const studyIdea = (api: ApiClient, ideaId: string) => endpoints.study(api, ideaId);
export const rewardIdea = (api: ApiClient, ideaId: string, text: string) => endpoints.reward(api, ideaId, text.trim());
export const saveBoxSettings = (api: ApiClient, boxId: string, patch: Partial<IdeaBoxSettings>) => endpoints.updateBoxSettings(api, boxId, patch);
export const setIdeaCredit = (api: ApiClient, credit: boolean) => endpoints.setIdeaCredit(api, credit);
