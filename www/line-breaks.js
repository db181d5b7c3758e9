// Line breaks as a file's encoding writes them: LF, or LF as a UTF-16 code unit. The one
// place that finds them, for cutting a file between lines (parallel.js) and for reading
// on to the end of a record a cut fell in (worker.js).

/** How `encoding` (the engine's name for it) writes a line break. */
export function lineBreaks(encoding) {
  if (encoding === 'UTF-16LE') return { unit: 2, bigEndian: false };
  if (encoding === 'UTF-16BE') return { unit: 2, bigEndian: true };
  return { unit: 1, bigEndian: false };
}

/**
 * The offset just after the first line break at or after `from` in `bytes` (whose first
 * byte starts a code unit), or -1.
 */
export function afterLineBreak(bytes, from, { unit, bigEndian }) {
  for (let i = bytes.indexOf(10, from); i >= 0; i = bytes.indexOf(10, i + 1)) {
    if (unit === 1) return i + 1;
    if (!bigEndian && i % 2 === 0 && bytes[i + 1] === 0) return i + 2;
    if (bigEndian && i % 2 === 1 && bytes[i - 1] === 0) return i + 1;
  }
  return -1;
}
