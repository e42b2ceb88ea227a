/**
 * The bridge's IPC channel names, apart from its schemas (core/bridge.ts) so that the
 * preload, which only forwards calls, carries no validation library.
 */
export const bridgeChannels = {
  relayUrl: 'conclave:relay-url:get',
  setRelayUrl: 'conclave:relay-url:set',
  saveSessionToken: 'conclave:session-token:save',
  loadSessionToken: 'conclave:session-token:load',
  clearSessionToken: 'conclave:session-token:clear',
  showNotification: 'conclave:notification:show',
  openExternal: 'conclave:external:open',
  takePendingActivity: 'conclave:deep-link:take',
} as const;

/** Main → renderer: "open activity <id>" (from a `conclave://activity/<id>` link or a notification). */
export const openActivityEvent = 'conclave:deep-link:open-activity';
