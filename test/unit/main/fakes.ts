/**
 * Stand-ins for the Electron objects the main-process modules receive as parameters.
 * They record what was done to them; events are emitted by the tests.
 */
import { EventEmitter } from 'node:events';

export interface RecordedEvent {
  readonly url: string;
  defaultPrevented: boolean;
  preventDefault(): void;
}

/** A navigation event as Electron passes it to 'will-navigate' and friends. */
export function navigationEvent(url: string, isMainFrame = true): RecordedEvent & { isMainFrame: boolean } {
  return {
    url,
    isMainFrame,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

export class FakeContents extends EventEmitter {
  /**
   * A page-initiated navigation in Electron's order (electron_navigation_throttle.cc):
   * 'will-frame-navigate' for any frame, then — unless prevented — 'will-navigate' for
   * the main frame. Returns whether it was cancelled.
   */
  navigate(url: string, isMainFrame = true): boolean {
    const frameEvent = navigationEvent(url, isMainFrame);
    this.emit('will-frame-navigate', frameEvent);
    if (frameEvent.defaultPrevented) return true;
    if (!isMainFrame) return false;
    const event = navigationEvent(url);
    this.emit('will-navigate', event);
    return event.defaultPrevented;
  }

  windowOpenHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  readonly sent: [string, unknown[]][] = [];
  reloads = 0;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push([channel, args]);
  }

  reload(): void {
    this.reloads += 1;
  }
}

export class FakeWindow extends EventEmitter {
  static created: FakeWindow[] = [];
  readonly webContents = new FakeContents();
  readonly calls: string[] = [];
  destroyed = false;
  minimized = false;

  constructor(readonly options?: unknown) {
    super();
    FakeWindow.created.push(this);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.calls.push('restore');
    this.minimized = false;
  }
  show(): void {
    this.calls.push('show');
  }
  focus(): void {
    this.calls.push('focus');
  }
  loadURL(url: string): Promise<void> {
    this.calls.push(`load ${url}`);
    return Promise.resolve();
  }
  close(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}

export class FakeApp extends EventEmitter {
  readonly calls: string[] = [];
  private markReady: () => void = () => {};
  private readonly readyPromise = new Promise<void>((resolve) => (this.markReady = resolve));

  constructor(private readonly lockGranted = true) {
    super();
  }

  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock');
    return this.lockGranted;
  }
  quit(): void {
    this.calls.push('quit');
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  setAsDefaultProtocolClient(protocol: string): boolean {
    this.calls.push(`setAsDefaultProtocolClient ${protocol}`);
    return true;
  }
  /** Electron's 'ready'. */
  becomeReady(): void {
    this.markReady();
  }
}

/** A safeStorage that "encrypts" by reversing and tagging, so tests can tell it was used. */
export function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}) {
  return {
    isEncryptionAvailable: () => options.available ?? true,
    encryptString: (plain: string) => Buffer.from(`enc:${[...plain].reverse().join('')}`),
    decryptString: (encrypted: Buffer) => {
      const text = encrypted.toString();
      if (!text.startsWith('enc:'))
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return [...text.slice(4)].reverse().join('');
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
}
