import { z } from 'zod';
import type { ReportIdeaRequest } from '#core/api/idea-funnel';
import { IdeaComment, IdeaCommentPage } from '#core/api/idea-comments';
import type { ApiClient } from './client.ts';

/** Comments on ideas (core/api/idea-comments.ts), for members and facilitators in the app. */
export const listComments = (api: ApiClient, ideaId: string, offset: number) =>
  api.call('GET', `/api/ideas/${encodeURIComponent(ideaId)}/comments?offset=${offset}`, IdeaCommentPage);
export const postComment = (api: ApiClient, ideaId: string, text: string) =>
  api.call('POST', `/api/ideas/${encodeURIComponent(ideaId)}/comments`, IdeaComment, { text });
export const reportComment = (api: ApiClient, commentId: string, input: ReportIdeaRequest) =>
  api.call('POST', `/api/idea-comments/${encodeURIComponent(commentId)}/reports`, z.unknown(), input);
export const dismissCommentReports = (api: ApiClient, commentId: string) =>
  api.call('DELETE', `/api/idea-comments/${encodeURIComponent(commentId)}/reports`, IdeaComment);
export const hideComment = (api: ApiClient, commentId: string, reason: string) =>
  api.call('POST', `/api/idea-comments/${encodeURIComponent(commentId)}/hidden`, IdeaComment, { reason });
export const showComment = (api: ApiClient, commentId: string) => api.call('DELETE', `/api/idea-comments/${encodeURIComponent(commentId)}/hidden`, IdeaComment);
export const approveComment = (api: ApiClient, commentId: string) =>
  api.call('POST', `/api/idea-comments/${encodeURIComponent(commentId)}/moderation`, IdeaComment, { decision: 'approve' });
