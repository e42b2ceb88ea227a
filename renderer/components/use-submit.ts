import { useCallback, useRef, useState, type FormEvent } from 'react';
import type { ErrorCode, ValidationIssue } from '#core/api/errors';
import { FieldIssue } from '../actions/field-issue.ts';
import { ApiError } from '../api/client.ts';
import { useI18n, type Locale, type Translate } from '../i18n/index.tsx';
import { issueText, refusalText } from '../i18n/refusal-text.ts';

/** Words the form shows instead of the relay's for some refusals, by error code. */
export type Refusals = Partial<Record<ErrorCode | 'network', string>>;

/**
 * What a form shows for a refusal, in the person's language (i18n/refusal-text.ts): the
 * issues per field, and the form's message — none when every issue sits under a field the
 * form shows (`shown`), the refusal's words otherwise, or the form's own words for that code.
 */
export function describeRefusal(err: unknown, shown: ReadonlySet<string>, t: Translate, locale: Locale, refusals?: Refusals) {
  if (err instanceof FieldIssue) {
    const message = t(err.key);
    return { issues: [{ path: err.field, message }], message: shown.has(err.field) ? null : message };
  }
  if (err instanceof ApiError) {
    const issues = err.issues.map((i) => ({ ...i, message: issueText(i, t, locale) }));
    const placed = issues.length > 0 && issues.every((i) => shown.has(i.path));
    return { issues, message: refusals?.[err.code] ?? (placed ? null : refusalText(err, t, locale)) };
  }
  return { issues: [], message: t('error.generic', { message: err instanceof Error ? err.message : String(err) }) };
}

/**
 * The one way a form (or a button) sends something: `busy` while it runs, then the
 * refusal shown — per field when the relay's validation issues (or a `FieldIssue`) name a
 * field the form shows through `field(name)`, else as the form's `message`.
 *
 *   const submit = useSubmit();
 *   <form onSubmit={submit.onSubmit(() => createActivity(api, form).then(open))}>
 *     <TextField error={submit.field('title')} … /> <FormError message={submit.message} />
 *     <button disabled={submit.busy}>
 */
export function useSubmit() {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [issues, setIssues] = useState<readonly ValidationIssue[]>([]);
  // The fields this form shows an error under (asked during render): an issue about
  // any other field would be shown nowhere, so it becomes the form's message.
  const shown = useRef(new Set<string>());

  const clear = useCallback(() => {
    setMessage(null);
    setIssues([]);
  }, []);

  const show = useCallback(
    (err: unknown, refusals?: Refusals) => {
      const shownNow = describeRefusal(err, shown.current, t, locale, refusals);
      setIssues(shownNow.issues);
      setMessage(shownNow.message);
    },
    [t, locale],
  );

  /** Runs `work`; resolves true when it went through, false when it was refused (and shown). */
  const run = useCallback(
    async (work: () => Promise<unknown>, refusals?: Refusals): Promise<boolean> => {
      clear();
      setBusy(true);
      try {
        await work();
        return true;
      } catch (err) {
        show(err, refusals);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [clear, show],
  );

  return {
    busy,
    message,
    /** Every issue the last refusal named (e.g. each bad line of an import). */
    issues,
    run,
    show,
    clear,
    /** A form's onSubmit: no page load, then `run(work)`. */
    onSubmit: (work: () => Promise<unknown>, refusals?: Refusals) => (e: FormEvent) => {
      e.preventDefault();
      void run(work, refusals);
    },
    /** The message for one field, if the refusal named it. */
    field(name: string): string | undefined {
      shown.current.add(name);
      return issues.find((i) => i.path === name)?.message;
    },
  };
}

export type Submit = ReturnType<typeof useSubmit>;
