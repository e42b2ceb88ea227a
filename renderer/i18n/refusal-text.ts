import type { ErrorCode, PlanLimitDetail, ValidationIssue } from '#core/api/errors';
import { formatBytes } from '#core/plans/plans';
import type { Locale, MessageKey, Translate } from './index.tsx';
import { catalogues } from './messages/index.ts';

/**
 * The relay's refusals in the person's language. The relay answers in English with a code
 * (core/api/errors.ts) and, for validation, one issue per field carrying the words core's
 * schemas chose; here those words become dictionary keys (errors.*.ts). What has no key
 * keeps the relay's words in English and reads as the code's sentence in other languages.
 */

/** Core's validation words (core/api/*.ts), by their key. A unit test checks each still exists in core. */
export const knownIssues: Readonly<Record<string, MessageKey>> = {
  'give the reason for your estimate': 'error.issue.estimateReason',
  'a title is required': 'error.issue.titleRequired',
  'a title needs at least 3 characters': 'error.issue.titleShort',
  'a title has at most 120 characters': 'error.issue.titleLong',
  'a precise question is required': 'error.issue.questionRequired',
  'a precise question needs at least 10 characters': 'error.issue.questionShort',
  'a name is required': 'error.issue.nameRequired',
  'an organisation name is required': 'error.issue.orgRequired',
  'a group name is required': 'error.issue.groupRequired',
  'a password is required': 'error.issue.passwordRequired',
  'a password needs at least 10 characters': 'error.issue.passwordShort',
  'a password has at most 200 characters': 'error.issue.passwordLong',
  'a deadline is required, as an ISO date-time': 'error.issue.deadline',
  'not an ISO date-time': 'error.issue.dateTime',
  'a date as YYYY-MM-DD': 'error.issue.date',
  'a date such as 2027-03-01': 'error.issue.date',
  'a finite number': 'error.issue.finite',
  'a label is required': 'error.issue.labelRequired',
  'a label cannot be empty': 'error.issue.labelRequired',
  'a text is required': 'error.issue.textRequired',
  'a comment needs some text': 'error.issue.commentEmpty',
  'an entry needs some text': 'error.issue.entryEmpty',
  'give at least two options': 'error.issue.twoOptions',
  'options: a list of option labels is required': 'error.issue.twoOptions',
  'at most 30 options': 'error.issue.thirtyOptions',
  'each option must have a different label': 'error.issue.distinctOptions',
  'give at least one criterion': 'error.issue.oneCriterion',
  'min must be below max': 'error.issue.minBelowMax',
  'the scale minimum must be below its maximum': 'error.issue.minBelowMax',
  'choose a category': 'error.issue.category',
  'an idea box needs at least one category': 'error.issue.categories',
  'an idea box needs its categories': 'error.issue.categories',
  'categories: a list of category names is required': 'error.issue.categories',
  'a category cannot be empty': 'error.issue.categories',
  'at most 20 categories': 'error.issue.twentyCategories',
  'say why': 'error.issue.sayWhy',
  'say why the idea is hidden: its author will read the reason': 'error.issue.sayWhyHidden',
  'say what was decided': 'error.issue.sayWhatDecided',
  'say what you would do': 'error.issue.sayWhatYouWouldDo',
  'write the proposal out (at least 10 characters)': 'error.issue.proposal',
  'an SMS opt-in needs a phone number': 'error.issue.smsNeedsPhone',
  'the six digits received by SMS': 'error.issue.smsCode',
  'a two-letter region such as FR': 'error.issue.region',
  'not a valid e-mail address': 'error.issue.email',
  'Invalid email address': 'error.issue.email',
  'nothing to change': 'error.issue.nothingToChange',
  'pick at least one day': 'error.issue.noDay',
  'a time as HH:MM': 'error.issue.time',
  'give either cron, or days and time': 'error.issue.cronOrDays',
  'give both days and time': 'error.issue.cronOrDays',
};

/** Zod's own words (when a schema gives none), read by pattern. */
const zodPatterns: readonly [RegExp, MessageKey][] = [
  [/^Too small: expected string to have >=(\d+) characters?$/, 'error.issue.tooShort'],
  [/^Too big: expected string to have <=(\d+) characters?$/, 'error.issue.tooLong'],
  [/^Too small: expected array to have >=(\d+) items?$/, 'error.issue.tooFew'],
  [/^Too big: expected array to have <=(\d+) items?$/, 'error.issue.tooMany'],
  [/^Too small: expected number to be >=?(-?[\d.]+)$/, 'error.issue.numberTooSmall'],
  [/^Too big: expected number to be <=?(-?[\d.]+)$/, 'error.issue.numberTooBig'],
  [/^Invalid input: expected int\b/, 'error.issue.wholeNumber'],
  [/^Invalid input: expected number, received (?:NaN|string|undefined|null)$/, 'error.issue.notANumber'],
  [/^Invalid input: expected \w+, received undefined$/, 'error.issue.required'],
  [/^unknown field\(s\)/, 'error.issue.unknownFields'],
  [/^not a cron pattern/, 'error.issue.cron'],
  [/^Invalid (input|option)/, 'error.issue.invalid'],
];

/**
 * A typed phone number's refusal (core/people/phone.ts), read by pattern: the words
 * carry the number as typed and where it was read, put back into the sentence.
 */
const phonePatterns: readonly [RegExp, MessageKey][] = [
  [/^"(?<input>.*)" is not a phone number$/s, 'error.issue.phoneNotANumber'],
  [/^"(?<input>.*)" is not a valid number in (?<where>\+?\w+)$/s, 'error.issue.phoneInvalid'],
  [/^"(?<input>.*)" is not a mobile number: it cannot receive SMS$/s, 'error.issue.phoneNotMobile'],
];

/** The daily figures' sentences that name a figure and a day (server/figures/compose.ts). */
const figurePatterns: readonly [RegExp, MessageKey][] = [[/^"(?<label>.*)" has no value for (?<day>\d{4}-\d{2}-\d{2}) yet: enter it first\.$/s, 'error.figures.noValue']];

/** Strips a leading "path: " the relay puts before a form-level message. */
const bare = (message: string) => message.replace(/^[\w.]+: (?=[a-z])/, '');

/** A CSV import's problem (core/figures/csv.ts): its code and particulars, worded here; days as the person reads them. */
function csvIssueText(issue: ValidationIssue, t: Translate, locale: Locale): string | null {
  if (!issue.code?.startsWith('csv.')) return null;
  const code = issue.code.slice(4);
  const params = { ...issue.params };
  if (typeof params.day === 'string') params.day = dayText(params.day, locale);
  const key = code === 'duplicate' && params.figure ? 'error.csv.duplicateFigure' : `error.csv.${code}`;
  return key in catalogues[locale] ? t(key as MessageKey, params) : null;
}

/** A day (YYYY-MM-DD) as the person's language writes it: 22 novembre 2026, 22 November 2026. */
export function dayText(day: string, locale: Locale): string {
  const at = new Date(`${day}T12:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(at.getTime())) return day;
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(at);
}

/** One validation issue's words in `locale`, or null when there is no key for them. */
function knownIssueText(message: string, t: Translate, locale: Locale): string | null {
  const key = knownIssues[message] ?? knownIssues[bare(message)];
  if (key) return t(key);
  for (const [pattern, patternKey] of zodPatterns) {
    const m = pattern.exec(message);
    if (m) return t(patternKey, { n: Number(m[1] ?? 0) });
  }
  for (const [pattern, patternKey] of phonePatterns) {
    const m = pattern.exec(bare(message));
    if (m) return t(patternKey, { input: m.groups?.input ?? '', where: m.groups?.where ?? '' });
  }
  for (const [pattern, patternKey] of figurePatterns) {
    const m = pattern.exec(bare(message));
    if (m) return t(patternKey, { label: m.groups?.label ?? '', day: dayText(m.groups?.day ?? '', locale) });
  }
  return null;
}

/** A field's issue in the person's language. */
export function issueText(issue: ValidationIssue, t: Translate, locale: Locale): string {
  return csvIssueText(issue, t, locale) ?? knownIssueText(issue.message, t, locale) ?? (locale === 'en' ? issue.message : t('error.issue.invalid'));
}

/** A whole refusal in the person's language: its first issue's words, else the relay's sentence, else the code's. */
export function refusalText(
  refusal: { code: ErrorCode | 'network'; message: string; issues: readonly ValidationIssue[]; planLimit?: PlanLimitDetail | null },
  t: Translate,
  locale: Locale,
): string {
  if (refusal.code === 'network') return t('error.network');
  if (refusal.planLimit) return planLimitText(refusal.planLimit, t);
  const first = refusal.issues[0];
  const csv = first && csvIssueText(first, t, locale);
  if (csv) return t('error.csv.refused', { line: Number(first.params?.line ?? 0), problem: csv, more: refusal.issues.length - 1 });
  const known = (first && knownIssueText(first.message, t, locale)) ?? knownIssueText(refusal.message, t, locale);
  if (known) return known;
  if (locale === 'en' && refusal.message) return refusal.message;
  return t(`error.code.${refusal.code}` as MessageKey);
}

/** A plan_limit refusal: the limit, the plan, where the person stands and what lifts it. */
export function planLimitText(limit: PlanLimitDetail, t: Translate): string {
  const values = { plan: limit.planName, lift: limit.lift ?? '', hasLift: limit.lift ? 'yes' : 'no' };
  return limit.limit === 'openActivities'
    ? t('error.planLimit.openActivities', { ...values, max: limit.max, used: limit.used })
    : t('error.planLimit.storage', { ...values, max: formatBytes(limit.max), used: formatBytes(limit.used) });
}
