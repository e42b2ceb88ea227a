import { FormError } from '../components/Field.tsx';
import type { useAction } from './use-action.ts';

/** The end of a form: the relay's refusal or what was done, then its submit button. */
export function SubmitRow({ action, label, done = null, primary = false, wide = false }: { action: ReturnType<typeof useAction>; label: string; done?: string | null; primary?: boolean; wide?: boolean }) {
  return (
    <>
      <FormError message={action.errors.message} />
      {done && <p role="status">{done}</p>}
      <button className={`button${primary ? ' primary' : ''}${wide ? ' wide' : ''}`} type="submit" disabled={action.busy}>
        {label}
      </button>
    </>
  );
}
