/**
 * Which relay the app talks to. In order: the launch (`--relay-url=<url>` or the
 * CONCLAVE_RELAY_URL environment variable, as `npm start` does), else the address the
 * user chose last time (saved in `<userData>/settings.json`), else `defaultRelayUrl`.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultRelayUrl, normalRelayUrl, relayUrlProblem } from '#core/bridge';

export type SetRelayResult = { ok: true; relayUrl: string } | { ok: false; code: 'invalid-relay-url'; message: string };

export interface RelaySetting {
  current(): string;
  /** Checks, saves and switches to `raw`. */
  set(raw: string): Promise<SetRelayResult>;
}

/** The relay named at launch, if any (a flag wins over the environment). */
export function relayUrlFromLaunch(argv: readonly string[], env: Record<string, string | undefined>): string | null {
  const flag = argv.find((arg) => arg.startsWith('--relay-url='));
  if (flag) return flag.slice('--relay-url='.length);
  return env.CONCLAVE_RELAY_URL || null;
}

async function readSaved(file: string): Promise<string | null> {
  try {
    const saved: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (typeof saved === 'object' && saved !== null && 'relayUrl' in saved && typeof saved.relayUrl === 'string') {
      return saved.relayUrl;
    }
  } catch {
    // no settings yet, or unreadable: the default applies
  }
  return null;
}

export async function loadRelaySetting({
  file,
  launch,
  warn = () => {},
}: {
  /** `<userData>/settings.json` */
  file: string;
  launch: string | null;
  warn?: (message: string) => void;
}): Promise<RelaySetting> {
  const usable = (raw: string | null, from: string): string | null => {
    if (raw === null) return null;
    const problem = relayUrlProblem(raw);
    if (!problem) return normalRelayUrl(raw);
    warn(`ignored the relay address ${from} (${problem})`);
    return null;
  };
  let current =
    usable(launch, 'given at launch') ?? usable(await readSaved(file), 'saved in settings') ?? defaultRelayUrl;

  return {
    current: () => current,
    async set(raw) {
      const problem = relayUrlProblem(raw);
      if (problem) return { ok: false, code: 'invalid-relay-url', message: problem };
      const relayUrl = normalRelayUrl(raw);
      await mkdir(path.dirname(file), { recursive: true });
      const partial = `${file}.${process.pid}.partial`;
      await writeFile(partial, `${JSON.stringify({ relayUrl }, null, 2)}\n`, { mode: 0o600 });
      await rename(partial, file);
      current = relayUrl;
      return { ok: true, relayUrl };
    },
  };
}
