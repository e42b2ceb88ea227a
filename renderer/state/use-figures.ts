import { useEffect, useMemo } from 'react';
import { addDays } from '#core/figures/days';
import { formatPercent, formatValue, type FigureLocale } from '#core/figures/format';
import type { Figure } from '#core/api/figures';
import { figuresAccess, getFigure, organisationTimeZone, listAlerts, listFigures, listLists, listSchedules, listValues } from '../api/figures.ts';
import { listGroups, listUsers } from '../api/endpoints.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from './use-async.ts';
import { useSignedIn } from './use-session.tsx';

/** Reads for the daily figures screens; they change things through actions/figures.ts. */
export function useFiguresAccess() {
  const { api } = useSignedIn();
  return useAsync(() => figuresAccess(api), [api]);
}

export function useFigures() {
  const { api } = useSignedIn();
  return useAsync(() => listFigures(api), [api]);
}

export function useFigure(id: string) {
  const { api } = useSignedIn();
  return useAsync(() => getFigure(api, id), [api, id]);
}

/** The 31 days up to `to` (default: yesterday by the browser's clock). */
export function useFigureValues(id: string, to: string) {
  const { api } = useSignedIn();
  return useAsync(() => listValues(api, id, addDays(to, -30), to), [api, id, to]);
}

export function useRecipientLists() {
  const { api } = useSignedIn();
  return useAsync(() => listLists(api), [api]);
}

export function usePeopleAndGroups() {
  const { api } = useSignedIn();
  return useAsync(async () => ({ people: await listUsers(api), groups: await listGroups(api) }), [api]);
}

export function useOrganisationTimeZone() {
  const { api } = useSignedIn();
  return useAsync(() => organisationTimeZone(api), [api]);
}

export function useSchedules() {
  const { api } = useSignedIn();
  return useAsync(() => listSchedules(api), [api]);
}

/** The controller's alerts, polled every 30 s. */
export function useFigureAlerts() {
  const { api } = useSignedIn();
  const alerts = useAsync(() => listAlerts(api), [api]);
  const { reload } = alerts;
  useEffect(() => {
    const timer = setInterval(reload, 30_000);
    return () => clearInterval(timer);
  }, [reload]);
  return alerts;
}

/** How the app shows a figure's numbers: French or English, display typography. */
export function useFigureFormat() {
  const { locale } = useI18n();
  return useMemo(() => {
    const style = { locale: locale as FigureLocale, target: 'display' } as const;
    return {
      value: (figure: Pick<Figure, 'unit' | 'decimals' | 'compact'>, n: number | null) =>
        n === null ? '—' : formatValue(n, { unit: figure.unit, decimals: figure.decimals, compact: figure.compact }, style),
      percent: (n: number | null) => formatPercent(n, style),
      money: (micros: number, currency: string) =>
        new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 4 }).format(micros / 1_000_000),
    };
  }, [locale]);
}
