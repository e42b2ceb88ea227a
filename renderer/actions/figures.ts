import type { CreateScheduleRequest, UpdateScheduleRequest } from '#core/api/figures';
import { readNumber } from '#core/figures/csv';
import { isDay } from '#core/figures/days';
import type { ApiClient } from '../api/client.ts';
import * as figures from '../api/figures.ts';
import { FieldIssue } from './field-issue.ts';

/** What the figures screens do; each returns the relay's answer or throws its ApiError. */
export interface DayForm {
  date: string;
  value: string;
  forecast: string;
  lastYear: string;
}

export type DayFormError = { field: keyof DayForm; key: 'figures.bad.date' | 'figures.bad.number' };

/** Reads a typed number as people type it: "1 234 567,5" or "1234567.5"; '' is none. */
function typed(text: string): number | null | 'bad' {
  if (text.trim() === '') return null;
  return readNumber(text, true) ?? 'bad';
}

export function readDayForm(form: DayForm): { ok: true; value: number; forecast: number | null; lastYear: number | null } | { ok: false; error: DayFormError } {
  if (!isDay(form.date)) return { ok: false, error: { field: 'date', key: 'figures.bad.date' } };
  const value = typed(form.value);
  if (value === null || value === 'bad') return { ok: false, error: { field: 'value', key: 'figures.bad.number' } };
  const forecast = typed(form.forecast);
  if (forecast === 'bad') return { ok: false, error: { field: 'forecast', key: 'figures.bad.number' } };
  const lastYear = typed(form.lastYear);
  if (lastYear === 'bad') return { ok: false, error: { field: 'lastYear', key: 'figures.bad.number' } };
  return { ok: true, value, forecast, lastYear };
}

export async function saveDay(api: ApiClient, figureId: string, form: DayForm) {
  const read = readDayForm(form);
  if (!read.ok) throw new FieldIssue(read.error.field, read.error.key);
  return figures.putValue(api, figureId, form.date, { value: read.value, forecast: read.forecast, lastYear: read.lastYear });
}

export async function importCsvFile(api: ApiClient, figureId: string, file: Blob) {
  return figures.importValues(api, figureId, await file.text());
}

export const defineFigure = (api: ApiClient, input: { label: string; unit: string; decimals: number; smsLabel: string }) =>
  figures.createFigure(api, { label: input.label, unit: input.unit, decimals: input.decimals, ...(input.smsLabel.trim() ? { smsLabel: input.smsLabel } : {}) });

export const keepTemplate = (api: ApiClient, figureId: string, template: string) => figures.updateTemplate(api, figureId, template);

export const sendFigureNow = (api: ApiClient, figureId: string, date: string, listId: string) => figures.sendNow(api, figureId, date, listId);

export const createRecipientList = (api: ApiClient, name: string, members: string[], groups: string[]) =>
  figures.createList(api, { name, members, groups });

export const scheduleFigure = (api: ApiClient, input: CreateScheduleRequest) =>
  figures.createSchedule(api, input);

export const changeSchedule = (api: ApiClient, id: string, input: UpdateScheduleRequest) => figures.updateSchedule(api, id, input);

export const switchSchedule = (api: ApiClient, id: string, enabled: boolean) => figures.updateSchedule(api, id, { enabled });

export const readAlert = (api: ApiClient, id: string) => figures.markAlertRead(api, id);
