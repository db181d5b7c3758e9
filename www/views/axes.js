// What the time charts share: a rounded axis maximum, horizontal grid lines with their
// values, and bucket labels along the bottom (at most about twelve).
import { svg } from './dom.js';

export function niceMax(v) {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((m) => m >= v);
}

/** Four grid steps from 0 to `max`, labelled by `format` at the left edge. */
export function yGrid(root, { left, right, top, plotH, W }, max, format) {
  for (let i = 0; i <= 4; i++) {
    const y = top + plotH - (plotH * i) / 4;
    root.append(svg('line', { x1: left, x2: W - right, y1: y, y2: y, class: 'grid' }));
    root.append(svg('text', { x: left - 8, y: y + 4, 'text-anchor': 'end', class: 'axis' }, format((max * i) / 4)));
  }
}

/** A bucket's label: a date for days and weeks, a month otherwise. */
export function bucketLabel(fmt, granularity, bucket) {
  return granularity === 'day' || granularity === 'week' ? fmt.date(bucket) : fmt.month(bucket);
}

/** Labels under the buckets, `x(i)` their centres. */
/**
 * The width to draw a chart at: its container's, so that text keeps its CSS size (11 px
 * and up) on a phone instead of shrinking with a wide drawing; `max` on wide screens
 * (the drawing then scales up), and what is left of the page while the container is hidden.
 */
export function chartWidth(container, max = 900) {
  const w = container.clientWidth || container.getRootNode()?.host?.clientWidth || document.documentElement.clientWidth || max;
  return Math.round(Math.min(max, Math.max(280, w)));
}

export function xLabels(root, { H, bottom, W = 900 }, buckets, x, label) {
  // about one label per 75 px of drawing
  const every = Math.ceil(buckets.length / Math.max(3, Math.min(12, Math.floor(W / 75))));
  buckets.forEach((b, i) => {
    if (i % every === 0) root.append(svg('text', { x: x(i), y: H - bottom + 18, 'text-anchor': 'middle', class: 'axis' }, label(b)));
  });
}

/**
 * Mirrors a drawing of bars (a funnel, ranked bars) for a right-to-left page: where a bar
 * starts carries meaning there (its base at the reading start), unlike a time axis,
 * which runs left to right in every language. Flips x of rectangles, lines and text, and
 * the text's anchor.
 */
export function mirrorForRtl(container, root, W) {
  if (getComputedStyle(container).direction !== 'rtl') return;
  const num = (n, a) => Number(n.getAttribute(a) ?? 0);
  for (const n of root.querySelectorAll('rect')) n.setAttribute('x', W - num(n, 'x') - num(n, 'width'));
  for (const n of root.querySelectorAll('line')) {
    n.setAttribute('x1', W - num(n, 'x1'));
    n.setAttribute('x2', W - num(n, 'x2'));
  }
  // anchors are the drawing's left and right (Chromium lays SVG text out left to right
  // whatever its direction), so they swap; each text's own order is isolateText's
  for (const n of root.querySelectorAll('text')) {
    n.setAttribute('x', W - num(n, 'x'));
    const anchor = n.getAttribute('text-anchor') ?? 'start';
    n.setAttribute('text-anchor', anchor === 'start' ? 'end' : anchor === 'end' ? 'start' : anchor);
  }
  isolateText(container, root);
}

/**
 * In a right-to-left page, lays each text of a drawing out by its own first letter (a
 * Unicode first-strong isolate): "۲٬۰۰۰ معامله" reads from the right even in a drawing
 * that runs left to right, and "Ion Inc." keeps its period at the end in one that runs
 * right to left.
 */
export function isolateText(container, root) {
  if (getComputedStyle(container).direction !== 'rtl') return;
  for (const n of root.querySelectorAll('text')) {
    if (!n.firstElementChild) n.textContent = `\u2068${n.textContent}\u2069`;
  }
}

/** Makes an SVG element a button (focusable; Enter, Space or a click call `action`). */
export function drillTarget(node, action) {
  node.setAttribute('role', 'button');
  node.setAttribute('tabindex', '0');
  node.addEventListener('click', action);
  node.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      action();
    }
  });
  return node;
}
