/**
 * Delivers "open activity <id>" to the page, from deep links and notification clicks.
 * A link can arrive before the page listens (it launched the app, or the page is
 * reloading): it waits here until the page asks for it (`take`, done by the preload
 * when the page subscribes). Only the latest waiting link is kept — the user's last
 * click is what they want to see.
 */
export interface ActivityInbox {
  /** A link asks to open `activityId`. */
  open(activityId: string): void;
  /** The page subscribed: returns what waited, and sends later links straight away. */
  take(): string | null;
  /** The page is gone or reloading: hold links until it subscribes again. */
  detach(): void;
}

/** `send` pushes the event to the current page (webContents.send). */
export function createActivityInbox(send: (activityId: string) => void): ActivityInbox {
  let waiting: string | null = null;
  let listening = false;
  return {
    open(activityId) {
      if (listening) send(activityId);
      else waiting = activityId;
    },
    take() {
      listening = true;
      const taken = waiting;
      waiting = null;
      return taken;
    },
    detach() {
      listening = false;
    },
  };
}
