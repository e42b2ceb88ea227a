import type { Router } from './http/router.ts';

/**
 * A part of the relay: its HTTP routes, and background work started with the relay and
 * stopped (drained) before the store closes. Each feature exports one from its
 * `module.ts`; `modules.ts` lists them.
 */
export interface RelayModule {
  name: string;
  routes?(router: Router): void;
  start?(): Promise<void> | void;
  stop?(): Promise<void> | void;
}
