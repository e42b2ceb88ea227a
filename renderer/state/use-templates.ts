import { listTemplates } from '../api/templates.ts';
import { useAsync } from './use-async.ts';
import { useSignedIn } from './use-session.tsx';

/** The built-in templates and the organisation's, asked once (reload after removing one). */
export function useTemplates() {
  const { api } = useSignedIn();
  return useAsync(() => listTemplates(api), [api]);
}
