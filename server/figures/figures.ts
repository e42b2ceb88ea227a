import type { CreateFigureRequest, Figure, FigureValue, FigureValueRequest, UpdateFigureRequest } from '#core/api/figures';
import { figureLocaleOf, type FigureLocale } from '#core/figures/format';
import { gapsOf } from '#core/figures/gaps';
import { defaultTemplates } from '#core/figures/template';
import type { Caller } from '../accounts/sessions.ts';
import { newId } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { conflict, notFound } from '../errors.ts';
import type { Queries } from '../store/db.ts';

/** Figure definitions and their daily values. */
export interface FigureRow {
  id: string;
  org_id: string;
  label: string;
  unit: string;
  decimals: number;
  sms_label: string | null;
  compact: number;
  template: string | null;
  created_at: string;
}

export interface ValueRow {
  day: string;
  value: number;
  forecast: number | null;
  last_year: number | null;
  source: 'form' | 'csv' | 'api';
  updated_at: string;
}

export async function localeOfOrg(db: Queries, orgId: string): Promise<FigureLocale> {
  const org = await db.get<{ locale: string }>('SELECT locale FROM organizations WHERE id = ?', [orgId]);
  return figureLocaleOf(org?.locale);
}

export function templateOf(row: FigureRow, locale: FigureLocale): string {
  return row.template ?? defaultTemplates[locale];
}

async function toFigure(db: Queries, row: FigureRow): Promise<Figure> {
  const latest = await db.get<{ day: string; value: number }>(
    'SELECT day, value FROM figure_values WHERE figure_id = ? ORDER BY day DESC LIMIT 1',
    [row.id],
  );
  return {
    id: row.id,
    label: row.label,
    unit: row.unit,
    decimals: row.decimals,
    smsLabel: row.sms_label,
    compact: row.compact === 1,
    template: templateOf(row, await localeOfOrg(db, row.org_id)),
    customTemplate: row.template !== null,
    latest: latest ? { date: latest.day, value: latest.value } : null,
    createdAt: row.created_at,
  };
}

export async function figureRow(ctx: Context, orgId: string, id: string): Promise<FigureRow> {
  const row = await ctx.db.get<FigureRow>('SELECT * FROM figures WHERE id = ? AND org_id = ?', [id, orgId]);
  if (!row) throw notFound('figure');
  return row;
}

export async function createFigure(ctx: Context, caller: Caller, input: CreateFigureRequest): Promise<{ id: string }> {
  const id = newId();
  const at = ctx.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    if (await tx.get('SELECT 1 AS one FROM figures WHERE org_id = ? AND label = ?', [caller.orgId, input.label])) {
      throw conflict(`A figure named "${input.label}" already exists.`);
    }
    await tx.run(
      `INSERT INTO figures (id, org_id, label, unit, decimals, sms_label, compact, template, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, caller.orgId, input.label, input.unit, input.decimals, input.smsLabel ?? null, input.compact ? 1 : 0, input.template ?? null, caller.id, at, at],
    );
  });
  return { id };
}

export async function updateFigure(ctx: Context, caller: Caller, id: string, input: UpdateFigureRequest): Promise<Figure> {
  const row = await figureRow(ctx, caller.orgId, id);
  const next = {
    label: input.label ?? row.label,
    unit: input.unit ?? row.unit,
    decimals: input.decimals ?? row.decimals,
    smsLabel: input.smsLabel === undefined ? row.sms_label : input.smsLabel,
    compact: input.compact === undefined ? row.compact : input.compact ? 1 : 0,
    template: input.template === undefined ? row.template : input.template,
  };
  await ctx.db.transaction(async (tx) => {
    if (await tx.get('SELECT 1 AS one FROM figures WHERE org_id = ? AND label = ? AND id <> ?', [caller.orgId, next.label, id])) {
      throw conflict(`A figure named "${next.label}" already exists.`);
    }
    await tx.run('UPDATE figures SET label = ?, unit = ?, decimals = ?, sms_label = ?, compact = ?, template = ?, updated_at = ? WHERE id = ?', [
      next.label,
      next.unit,
      next.decimals,
      next.smsLabel,
      next.compact,
      next.template,
      ctx.now().toISOString(),
      id,
    ]);
  });
  return getFigure(ctx, caller.orgId, id);
}

export async function getFigure(ctx: Context, orgId: string, id: string): Promise<Figure> {
  return toFigure(ctx.db, await figureRow(ctx, orgId, id));
}

export async function listFigures(ctx: Context, orgId: string): Promise<Figure[]> {
  const rows = await ctx.db.all<FigureRow>('SELECT * FROM figures WHERE org_id = ? ORDER BY lower(label)', [orgId]);
  const out: Figure[] = [];
  for (const row of rows) out.push(await toFigure(ctx.db, row));
  return out;
}

export function toValue(row: ValueRow): FigureValue {
  const gaps = gapsOf({ value: row.value, forecast: row.forecast, lastYear: row.last_year });
  return {
    date: row.day,
    value: row.value,
    forecast: row.forecast,
    lastYear: row.last_year,
    vsForecast: gaps.vsForecast,
    vsLastYear: gaps.vsLastYear,
    source: row.source,
    updatedAt: row.updated_at,
  };
}

export async function putValue(
  tx: Queries,
  figureId: string,
  day: string,
  input: FigureValueRequest,
  source: ValueRow['source'],
  by: string,
  at: string,
) {
  await tx.run(
    `INSERT INTO figure_values (figure_id, day, value, forecast, last_year, source, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (figure_id, day) DO UPDATE SET value = excluded.value, forecast = excluded.forecast, last_year = excluded.last_year,
       source = excluded.source, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [figureId, day, input.value, input.forecast, input.lastYear, source, by, at],
  );
}

/** A day's value entered by form or API key, committed; answered as the API shows it. */
export async function saveValue(
  ctx: Context,
  figureId: string,
  day: string,
  input: FigureValueRequest,
  source: ValueRow['source'],
  by: string,
): Promise<FigureValue> {
  await ctx.db.transaction((tx) => putValue(tx, figureId, day, input, source, by, ctx.now().toISOString()));
  return toValue((await valueOf(ctx.db, figureId, day))!);
}

export async function valueOf(db: Queries, figureId: string, day: string): Promise<ValueRow | undefined> {
  return db.get<ValueRow>('SELECT * FROM figure_values WHERE figure_id = ? AND day = ?', [figureId, day]);
}

export async function listValues(ctx: Context, figureId: string, from: string, to: string): Promise<FigureValue[]> {
  const rows = await ctx.db.all<ValueRow>(
    'SELECT * FROM figure_values WHERE figure_id = ? AND day >= ? AND day <= ? ORDER BY day',
    [figureId, from, to],
  );
  return rows.map(toValue);
}
