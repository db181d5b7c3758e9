// Runs before any other script of the standalone page and of the engine's worker. A
// Content-Security-Policy governs fetch, XHR, WebSocket, beacons, images and forms, but
// not WebRTC (peer connections send to any address) nor, in every browser, WebTransport:
// those are removed from the globals, so that no script here can use them.
for (const name of ['RTCPeerConnection', 'webkitRTCPeerConnection', 'RTCDataChannel', 'RTCIceTransport', 'WebTransport']) {
  try {
    Object.defineProperty(globalThis, name, { value: undefined, writable: false, configurable: false });
  } catch {
    // absent, or locked already
  }
}
