import type { ReportIdeaRequest } from '#core/api/idea-funnel';
import { commentLimits, type IdeaComment } from '#core/api/idea-comments';
import type { ApiClient } from '../api/client.ts';
import * as endpoints from '../api/idea-comments.ts';
import { FieldIssue } from './field-issue.ts';

/**
 * What people do with an idea's comments in the app: write, report; and what facilitators
 * do (approve one pre-moderation held back, hide one with a reason its author reads, show
 * it again, dismiss its reports). Each asks the relay, the authority, and returns the
 * comment as it now is for the screen to show.
 */
export async function writeComment(api: ApiClient, ideaId: string, text: string): Promise<IdeaComment> {
  const trimmed = text.trim();
  if (!trimmed) throw new FieldIssue('text', 'ideaComments.issue.empty');
  if ([...trimmed].length > commentLimits.maxLength) throw new FieldIssue('text', 'ideaComments.issue.long');
  return endpoints.postComment(api, ideaId, trimmed);
}

export async function reportComment(api: ApiClient, commentId: string, reason: ReportIdeaRequest['reason'], note: string): Promise<void> {
  const trimmed = note.trim();
  await endpoints.reportComment(api, commentId, { reason, ...(trimmed ? { note: trimmed } : {}) });
}

export function hideComment(api: ApiClient, commentId: string, reason: string): Promise<IdeaComment> {
  const trimmed = reason.trim();
  if (!trimmed) return Promise.reject(new FieldIssue('reason', 'ideaComments.issue.reason'));
  return endpoints.hideComment(api, commentId, trimmed);
}

export const showComment = (api: ApiClient, commentId: string) => endpoints.showComment(api, commentId);
export const approveComment = (api: ApiClient, commentId: string) => endpoints.approveComment(api, commentId);
export const dismissCommentReports = (api: ApiClient, commentId: string) => endpoints.dismissCommentReports(api, commentId);
export const moreComments = (api: ApiClient, ideaId: string, offset: number) => endpoints.listComments(api, ideaId, offset);
