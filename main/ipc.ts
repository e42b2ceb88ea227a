/**
 * The main-process end of the bridge (core/bridge.ts). Every call is judged before
 * its handler runs: the channel must be one of the bridge's, the sender must be the
 * app's own page in a top-level frame, and the arguments must match the call's schema.
 * Results are checked too, so the page never receives more than the contract says.
 */
import type { z } from 'zod';
import { bridgeCalls, type BridgeCallName } from '#core/bridge';

/** What each call's handler receives and returns (validated on both sides). */
export type BridgeHandlers = {
  [K in BridgeCallName]: (
    ...args: z.output<(typeof bridgeCalls)[K]['args']>
  ) => Promise<z.input<(typeof bridgeCalls)[K]['result']>> | z.input<(typeof bridgeCalls)[K]['result']>;
};

/** The part of an IPC invoke event used to judge the sender (Electron's satisfies it). */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/** The part of Electron's ipcMain used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

/** Why a call was refused; the page sees the message as a rejected promise. */
export class BridgeRefusal extends Error {
  override readonly name = 'BridgeRefusal';
}

const callByChannel = new Map<string, BridgeCallName>(
  Object.entries(bridgeCalls).map(([name, call]) => [call.channel, name as BridgeCallName]),
);

export type BridgeDispatch = (channel: string, event: InvokeEventLike, args: readonly unknown[]) => Promise<unknown>;

/** Judges and runs one call. `isAppUrl` tells the app's own page from any other. */
export function createBridgeDispatch(
  handlers: BridgeHandlers,
  isAppUrl: (url: string) => boolean,
  warn: (message: string) => void = () => {},
): BridgeDispatch {
  return async (channel, event, args) => {
    const name = callByChannel.get(channel);
    if (!name) {
      warn(`refused a call on the unknown channel "${channel.slice(0, 100)}"`);
      throw new BridgeRefusal(`unknown channel "${channel.slice(0, 100)}"`);
    }
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isAppUrl(frame.url)) {
      const from = frame ? frame.url.slice(0, 200) : 'a closed frame';
      warn(`refused ${name} from ${from}`);
      throw new BridgeRefusal(`${name} is only answered to the app's own page`);
    }
    const call = bridgeCalls[name];
    const parsed = call.args.safeParse(args);
    if (!parsed.success) {
      throw new BridgeRefusal(`invalid arguments for ${name}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    }
    const handler = handlers[name] as (...a: readonly unknown[]) => unknown;
    const result = await handler(...parsed.data);
    return call.result.parse(result);
  };
}

/** Answers every bridge channel on `ipcMain`, through the dispatch above. */
export function registerBridge(ipcMain: IpcMainLike, dispatch: BridgeDispatch): void {
  for (const { channel } of Object.values(bridgeCalls)) {
    ipcMain.handle(channel, (event, ...args) => dispatch(channel, event, args));
  }
}
