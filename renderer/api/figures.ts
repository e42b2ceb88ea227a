import { z } from 'zod';
import {
  Alert,
  Figure,
  FigureValue,
  RecipientList,
  Schedule,
  SendPreview,
  SendResponse,
  type CreateFigureRequest,
  type CreateListRequest,
  type CreateScheduleRequest,
  type FigureValueRequest,
  type MessagePreviewRequest,
  type UpdateScheduleRequest,
} from '#core/api/figures';
import type { ApiClient } from './client.ts';

/** The daily figures endpoints (server/figures/routes.ts). */
const Created = z.object({ id: z.string() });
const Nothing = z.unknown();

const FiguresMe = z.object({ controller: z.boolean(), timeZone: z.string() });
export const figuresAccess = async (api: ApiClient) => (await api.call('GET', '/api/figures/me', FiguresMe)).controller;
/** The organisation's time zone: where schedules are read unless another is picked. */
export const organisationTimeZone = async (api: ApiClient) => (await api.call('GET', '/api/figures/me', FiguresMe)).timeZone;
export const listFigures = async (api: ApiClient) => (await api.call('GET', '/api/figures', z.object({ figures: z.array(Figure) }))).figures;
export const getFigure = (api: ApiClient, id: string) => api.call('GET', `/api/figures/${id}`, Figure);
export const createFigure = (api: ApiClient, input: Partial<CreateFigureRequest> & { label: string }) => api.call('POST', '/api/figures', Created, input);
export const updateTemplate = (api: ApiClient, id: string, template: string | null) => api.call('PATCH', `/api/figures/${id}`, Figure, { template });
export const listValues = async (api: ApiClient, id: string, from: string, to: string) =>
  (await api.call('GET', `/api/figures/${id}/values?from=${from}&to=${to}`, z.object({ values: z.array(FigureValue) }))).values;
export const putValue = (api: ApiClient, id: string, date: string, input: FigureValueRequest) =>
  api.call('PUT', `/api/figures/${id}/values/${date}`, FigureValue, input);
export const importValues = (api: ApiClient, id: string, csv: string) =>
  api.call('POST', `/api/figures/${id}/import`, z.object({ imported: z.number() }), { csv });
export const previewSend = (api: ApiClient, id: string, date: string, listId: string, template?: string) =>
  api.call('POST', `/api/figures/${id}/preview`, SendPreview, { date, listId, ...(template === undefined ? {} : { template }) });
export const sendNow = (api: ApiClient, id: string, date: string, listId: string) =>
  api.call('POST', `/api/figures/${id}/send`, SendResponse, { date, listId });

export const listLists = async (api: ApiClient) => (await api.call('GET', '/api/lists', z.object({ lists: z.array(RecipientList) }))).lists;
export const createList = (api: ApiClient, input: CreateListRequest) => api.call('POST', '/api/lists', Created, input);

export const listSchedules = async (api: ApiClient) =>
  (await api.call('GET', '/api/figures/schedules', z.object({ schedules: z.array(Schedule) }))).schedules;
export const createSchedule = (api: ApiClient, input: CreateScheduleRequest) =>
  api.call('POST', '/api/figures/schedules', Created, input);
export const previewMessage = (api: ApiClient, input: MessagePreviewRequest) => api.call('POST', '/api/figures/schedules/preview', SendPreview, input);
export const updateSchedule = (api: ApiClient, id: string, input: UpdateScheduleRequest) =>
  api.call('PATCH', `/api/figures/schedules/${id}`, Schedule, input);

export const listAlerts = async (api: ApiClient) => (await api.call('GET', '/api/figures/alerts', z.object({ alerts: z.array(Alert) }))).alerts;
export const markAlertRead = (api: ApiClient, id: string) => api.call('POST', `/api/figures/alerts/${id}/read`, Nothing);
