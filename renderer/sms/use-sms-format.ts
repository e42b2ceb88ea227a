import { useIntl } from 'react-intl';

/** Money and dates as the SMS screens show them, in the app's language. */
export function useSmsFormat() {
  const intl = useIntl();
  return {
    money: (micros: number, currency = 'EUR') => intl.formatNumber(micros / 1_000_000, { style: 'currency', currency, maximumFractionDigits: 4 }),
    when: (iso: string) => intl.formatDate(iso, { dateStyle: 'short', timeStyle: 'medium' }),
  };
}
