// A stand-in for the `electron` module, for running the built main bundle under Node.
// Everything the bundle does to it is recorded on globalThis.fakeElectron.
import { EventEmitter } from 'node:events';

const state = { calls: [], handlers: new Map(), protocols: new Map(), windows: [], headersListener: null };
globalThis.fakeElectron = state;
const record = (...call) => state.calls.push(call.join(' '));

class App extends EventEmitter {
  isPackaged = false;
  enableSandbox() {
    record('app.enableSandbox');
  }
  getPath(name) {
    return `${process.env.FAKE_USER_DATA}/${name}`;
  }
  requestSingleInstanceLock() {
    record('app.requestSingleInstanceLock');
    return true;
  }
  setAsDefaultProtocolClient(scheme) {
    record('app.setAsDefaultProtocolClient', scheme);
    return true;
  }
  whenReady() {
    record('app.whenReady');
    return Promise.resolve();
  }
  quit() {
    record('app.quit');
  }
}
export const app = new App();

class Contents extends EventEmitter {
  setWindowOpenHandler() {
    record('webContents.setWindowOpenHandler');
  }
  send(channel, ...args) {
    record('webContents.send', channel, ...args);
  }
  reload() {}
}

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new Contents();
    state.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    record('window.loadURL', url);
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  restore() {}
  show() {}
  focus() {}
}

export const ipcMain = {
  handle(channel, listener) {
    state.handlers.set(channel, listener);
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    record('protocol.registerSchemesAsPrivileged', JSON.stringify(schemes));
  },
  handle(scheme, handler) {
    state.protocols.set(scheme, handler);
  },
};

const permissionHandlers = {};
export const session = {
  defaultSession: {
    webRequest: {
      onHeadersReceived(listener) {
        state.headersListener = listener;
      },
    },
    setPermissionRequestHandler(handler) {
      permissionHandlers.request = handler;
      state.permissionRequest = handler;
    },
    setPermissionCheckHandler(handler) {
      state.permissionCheck = handler;
    },
  },
};

export const safeStorage = {
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.from(`enc:${text}`),
  decryptString: (buffer) => buffer.toString().slice(4),
  getSelectedStorageBackend: () => 'gnome_libsecret',
};

export class Notification extends EventEmitter {
  static isSupported() {
    return true;
  }
  show() {}
}

export const shell = {
  openExternal(url) {
    record('shell.openExternal', url);
    return Promise.resolve();
  },
};

export const contextBridge = {};
export const ipcRenderer = {};
export default { app, BrowserWindow, ipcMain, protocol, session, safeStorage, Notification, shell };
