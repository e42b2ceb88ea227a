import { addDays, dayIn, weekdayOf } from '#core/figures/days';
import type { Api } from '../lib/http-client.ts';

/**
 * Demo daily figures: "CA veille" (retail sales, closed on Sundays) and "Audience
 * veille" (a TV channel, every day), with `weeks` of history, forecast and last year,
 * a recipient list of `memberIds` and the default 09:00 Monday–Saturday schedule.
 * `api` must be signed in as an administrator (a controller).
 */
export interface SeededFigures {
  salesId: string;
  audienceId: string;
  listId: string | null;
  scheduleId: string | null;
}

/** A pseudo-random series that is the same on every run (the demo looks the same). */
function wobble(seed: number): number {
  const x = Math.sin(seed * 12.9898) * 43758.5453;
  return x - Math.floor(x) - 0.5;
}

export async function seedFigures(
  api: Api,
  options: { memberIds?: string[]; weeks?: number; today?: Date; listName?: string } = {},
): Promise<SeededFigures> {
  const { id: salesId } = await api.ok<{ id: string }>('POST', '/api/figures', {
    label: 'CA veille',
    unit: 'EUR',
    decimals: 2,
    smsLabel: 'CA veille',
  });
  const { id: audienceId } = await api.ok<{ id: string }>('POST', '/api/figures', {
    label: 'Audience veille',
    unit: 'spectateurs',
    decimals: 2,
  });
  const yesterday = addDays(dayIn(options.today ?? new Date(), 'Europe/Paris'), -1);
  const days = (options.weeks ?? 6) * 7;
  const rows = { sales: ['date;value;forecast;lastYear'], audience: ['date;value;forecast;lastYear'] };
  for (let i = days - 1; i >= 0; i--) {
    const day = addDays(yesterday, -i);
    const weekday = weekdayOf(day);
    const saturday = weekday === 6 ? 1.45 : 1;
    if (weekday !== 0) {
      const forecast = Math.round(1_150_000 * saturday);
      const value = Math.round(forecast * (1 + 0.06 * wobble(i)));
      const lastYear = Math.round(forecast * (0.97 + 0.05 * wobble(i + 100)));
      rows.sales.push(`${day};${value};${forecast};${lastYear}`);
    }
    const weekend = weekday === 0 || weekday === 6 ? 1.2 : 1;
    const audienceForecast = Math.round(4_400_000 * weekend);
    rows.audience.push(
      `${day};${Math.round(audienceForecast * (1 + 0.08 * wobble(i + 7)))};${audienceForecast};${Math.round(audienceForecast * (1.02 + 0.04 * wobble(i + 300)))}`,
    );
  }
  await api.ok('POST', `/api/figures/${salesId}/import`, { csv: rows.sales.join('\n') });
  await api.ok('POST', `/api/figures/${audienceId}/import`, { csv: rows.audience.join('\n') });
  if (!options.memberIds?.length) return { salesId, audienceId, listId: null, scheduleId: null };
  const { id: listId } = await api.ok<{ id: string }>('POST', '/api/lists', {
    name: options.listName ?? 'Comité de direction',
    members: options.memberIds,
  });
  const { id: scheduleId } = await api.ok<{ id: string }>('POST', '/api/figures/schedules', { figureId: salesId, listId });
  return { salesId, audienceId, listId, scheduleId };
}
