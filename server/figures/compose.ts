import type { SendPreview } from '#core/api/figures';
import { morningText } from '#core/figures/morning';
import { renderTemplate, templateErrors } from '#core/figures/template';
import { composeSms } from '#core/sms/compose';
import { costOf } from '#core/sms/cost';
import type { Context } from '../context.ts';
import { conflict } from '../errors.ts';
import { settingsOf } from '../sms/settings.ts';
import type { Queries } from '../store/db.ts';
import { localeOfOrg, templateOf, valueOf, type FigureRow } from './figures.ts';
import { recipientsOf, type Recipient } from './lists.ts';

/** One recipient's SMS, exactly as it will be sent. */
export interface RenderedSms extends Recipient {
  text: string;
}

/**
 * The texts of a figure's day for everyone on a list. The preview and the send both
 * call this, and both count segments with core/sms: what is shown is what goes.
 */
export async function renderForList(
  db: Queries,
  figure: FigureRow,
  day: string,
  listId: string,
  template?: string,
): Promise<RenderedSms[]> {
  const values = await valueOf(db, figure.id, day);
  if (!values) throw conflict(`"${figure.label}" has no value for ${day} yet: enter it first.`);
  const locale = await localeOfOrg(db, figure.org_id);
  const recipients = await recipientsOf(db, figure.org_id, listId);
  return recipients.map((r) => ({
    ...r,
    text: renderTemplate({
      template: template ?? templateOf(figure, locale),
      locale,
      label: figure.sms_label ?? figure.label,
      unit: { unit: figure.unit, decimals: figure.decimals, compact: figure.compact === 1 },
      day,
      figures: { value: values.value, forecast: values.forecast, lastYear: values.last_year },
      recipientName: r.name,
    }),
  }));
}

/**
 * A morning message: each figure's text for everyone on the list, one line per figure in
 * the given order, joined per person (core/figures/morning.ts). A figure without a value
 * that day refuses the whole message, naming it.
 */
export async function renderMessageForList(db: Queries, figures: readonly FigureRow[], day: string, listId: string): Promise<RenderedSms[]> {
  const perFigure: RenderedSms[][] = [];
  for (const figure of figures) perFigure.push(await renderForList(db, figure, day, listId));
  const [first, ...rest] = perFigure;
  if (!first) return [];
  const textOf = rest.map((rendered) => new Map(rendered.map((r) => [r.userId, r.text])));
  return first.map((r) => ({ ...r, text: morningText([r.text, ...textOf.map((m) => m.get(r.userId) ?? '')]) }));
}

export async function previewSend(ctx: Context, figure: FigureRow, day: string, listId: string, template?: string): Promise<SendPreview> {
  const problems = template === undefined ? [] : templateErrors(template);
  const rendered = await renderForList(ctx.db, figure, day, listId, problems.length > 0 ? undefined : template);
  return previewOf(ctx, figure.org_id, day, rendered, problems);
}

/** The morning message of these figures, person by person: text, segments, encoding, cost. */
export async function previewMessage(ctx: Context, orgId: string, figures: readonly FigureRow[], day: string, listId: string): Promise<SendPreview> {
  return previewOf(ctx, orgId, day, await renderMessageForList(ctx.db, figures, day, listId), []);
}

/** Segments and cost of each rendered SMS, counted by core/sms as the gateway will. */
async function previewOf(ctx: Context, orgId: string, day: string, rendered: RenderedSms[], problems: string[]): Promise<SendPreview> {
  const settings = await settingsOf(ctx.db, ctx.config.sms, orgId);
  const recipients = rendered.map((r) => {
    const sms = composeSms(r.text);
    return {
      userId: r.userId,
      name: r.name,
      phone: r.phone,
      text: r.text,
      segments: sms.segments,
      encoding: sms.encoding,
      costMicros: r.excluded ? 0 : costOf(sms.segments, settings.pricePerSegmentMicros),
      excluded: r.excluded,
    };
  });
  const receiving = recipients.filter((r) => !r.excluded);
  return {
    date: day,
    currency: settings.currency,
    recipients,
    totals: {
      receiving: receiving.length,
      excluded: recipients.length - receiving.length,
      segments: receiving.reduce((n, r) => n + r.segments, 0),
      costMicros: receiving.reduce((n, r) => n + r.costMicros, 0),
    },
    templateErrors: problems,
  };
}
