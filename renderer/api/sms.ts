import { z } from 'zod';
import {
  ConsentEntry,
  InboundSms,
  OutboxPage,
  ProviderStatus,
  SmsCounts,
  SmsMessage,
  SmsPreview,
  SmsSettings,
  SmsSettingsView,
  type SmsStatus,
  type UpdateSmsSettingsRequest,
} from '#core/api/sms';
import type { ApiClient } from './client.ts';

/** The SMS endpoints (server/sms/routes.ts). */
const Sent = z.object({ id: z.string(), segments: z.number(), encoding: z.string(), status: z.string() });

export const providerStatus = (api: ApiClient) => api.call('GET', '/api/sms/status', ProviderStatus.nullable());
export const smsCounts = async (api: ApiClient) => (await api.call('GET', '/api/sms/counts', SmsCounts)).counts;

export function listOutbox(api: ApiClient, filter: { status?: SmsStatus | ''; before?: number | null }) {
  const q = new URLSearchParams({ limit: '50' });
  if (filter.status) q.set('status', filter.status);
  if (filter.before) q.set('before', String(filter.before));
  return api.call('GET', `/api/sms/messages?${q}`, OutboxPage);
}
export const getMessage = (api: ApiClient, id: string) => api.call('GET', `/api/sms/messages/${id}`, SmsMessage);
export const sendTestMessage = (api: ApiClient, to: string, text: string) => api.call('POST', '/api/sms/messages', Sent, { to, text });
export const previewSms = (api: ApiClient, text: string, gsmSafe: boolean) => api.call('POST', '/api/sms/preview', SmsPreview, { text, gsmSafe });

export const listConsents = async (api: ApiClient) =>
  (await api.call('GET', '/api/sms/consents', z.object({ people: z.array(ConsentEntry) }))).people;
export const setConsent = (api: ApiClient, userId: string, optIn: boolean, how?: string) =>
  api.call('PUT', `/api/sms/consents/${userId}`, ConsentEntry, { optIn, ...(how ? { how } : {}) });

export const listReplies = async (api: ApiClient, all: boolean) =>
  (await api.call('GET', `/api/sms/inbox${all ? '?all=1' : ''}`, z.object({ replies: z.array(InboundSms) }))).replies;

export const smsSettings = (api: ApiClient) => api.call('GET', '/api/sms/settings', SmsSettingsView);
export const updateSmsSettings = (api: ApiClient, change: UpdateSmsSettingsRequest) => api.call('PATCH', '/api/sms/settings', SmsSettings, change);

export const simulateReply = (api: ApiClient, from: string, text: string) =>
  api.call('POST', '/api/sms/outbox/replies', z.unknown(), { from, text });
export const simulateReceipt = (api: ApiClient, messageId: string, status: 'delivered' | 'undelivered') =>
  api.call('POST', '/api/sms/outbox/receipts', SmsMessage, { messageId, status });
