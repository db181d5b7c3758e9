// Runs the wasm engine off the page's thread: streams each file's bytes into it, posts
// progress, and posts the report at the end. Knows nothing of metrics.
import init, { Analyzer } from './pkg/sales_metrics.js';

const PROGRESS_EVERY_MS = 100;

self.onmessage = async ({ data }) => {
  const { files, options } = data;
  try {
    const t0 = performance.now();
    const wasm = await init();
    const initMs = performance.now() - t0;
    const analyzer = new Analyzer(options);
    const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
    const started = performance.now();
    let bytes = 0;
    let lastPost = 0;
    const progress = (file) => ({
      bytes, totalBytes, rows: analyzer.rows(), elapsedMs: performance.now() - started, file,
    });
    for (const file of files) {
      const id = analyzer.beginFile(file.name ?? 'file.csv');
      const reader = file.stream().getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        analyzer.push(id, value);
        bytes += value.byteLength;
        const now = performance.now();
        if (now - lastPost >= PROGRESS_EVERY_MS) {
          lastPost = now;
          self.postMessage({ type: 'progress', progress: progress(file.name) });
        }
      }
      analyzer.endFile(id);
    }
    self.postMessage({ type: 'progress', progress: progress('') });
    const readMs = performance.now() - started;
    const report = analyzer.finish();
    report.diagnostics.elapsed_ms = performance.now() - started;
    // wasm memory only grows, so its size now is its peak.
    report.diagnostics.peak_wasm_memory_bytes = wasm.memory.buffer.byteLength;
    report.diagnostics.workers = 1;
    report.diagnostics.init_ms = initMs;
    report.diagnostics.read_ms = readMs;
    self.postMessage({ type: 'done', report });
  } catch (err) {
    self.postMessage({ type: 'error', message: String(err?.message ?? err) });
  }
};
