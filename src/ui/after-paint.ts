// Work that must not hold back a frame: run once the next frame has been painted.

/** Run `fn` once the next frame has been painted; returns the cancel. */
export function afterPaint(fn: () => void): () => void {
  // A frame's callback runs before that frame is painted, a task queued from it after.
  let timer: number | undefined;
  const frame = requestAnimationFrame(() => {
    timer = window.setTimeout(fn);
  });
  return () => {
    cancelAnimationFrame(frame);
    window.clearTimeout(timer);
  };
}
