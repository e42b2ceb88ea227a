// Loads a built main bundle against the stand-in electron, plays a few things a real
// session would do, and prints what happened as one JSON line.
const [mainPath] = process.argv.slice(2);
await import(mainPath);
const state = globalThis.fakeElectron;
// The window opens once the app is "ready" and prepared (asynchronous file reads).
for (let waited = 0; state.windows.length === 0; waited += 20) {
  if (waited > 30_000) throw new Error('the main process never opened its window');
  await new Promise((resolve) => setTimeout(resolve, 20));
}

const fromApp = { senderFrame: { url: 'app://conclave/index.html', parent: null } };
const fromElsewhere = { senderFrame: { url: 'https://evil.example/', parent: null } };
const invoke = (event, channel, ...args) =>
  state.handlers
    .get(channel)(event, ...args)
    .then(
      (value) => ({ value }),
      (error) => ({ error: String(error.message) }),
    );

const page = await state.protocols.get('app')(new Request('app://conclave/activities/act_12345678'));
let headers = null;
state.headersListener(
  { responseHeaders: { 'content-security-policy': ['default-src *'] } },
  (answer) => (headers = answer.responseHeaders),
);
const window = state.windows[0];
const navigation = {
  url: 'https://example.org/',
  prevented: false,
  preventDefault() {
    this.prevented = true;
  },
};
window?.webContents.emit('will-navigate', navigation);
const permission = {};
const ask = (name, url) =>
  state.permissionRequest?.(window?.webContents, name, (granted) => (permission[`${name} ${url}`] = granted), {
    requestingUrl: url,
  });
ask('media', 'app://conclave/index.html');
ask('fullscreen', 'app://conclave/index.html');
ask('fullscreen', 'https://evil.example/');

console.log(
  JSON.stringify({
    calls: state.calls,
    channels: [...state.handlers.keys()],
    webPreferences: window?.options.webPreferences ?? null,
    relayUrl: await invoke(fromApp, 'conclave:relay-url:get'),
    foreign: await invoke(fromElsewhere, 'conclave:relay-url:get'),
    saved: await invoke(fromApp, 'conclave:session-token:save', 'tok_0123456789abcdefghij'),
    loaded: await invoke(fromApp, 'conclave:session-token:load'),
    page: { status: page.status, csp: page.headers.get('content-security-policy'), body: await page.text() },
    headers,
    navigationPrevented: navigation.prevented,
    permission,
  }),
);
