/**
 * Long work on the page in chunks: a few thousand items at a time, then a pause for the browser to paint the progress
 * bar and take input. `done` of `total` is reported after each chunk.
 */
export interface Progress {
  done: number;
  total: number;
}

export const CHUNK = 2_000;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function runInChunks<T>(
  items: readonly T[],
  each: (item: T, index: number) => void,
  onProgress: (p: Progress) => void,
  chunk = CHUNK,
): Promise<void> {
  onProgress({ done: 0, total: items.length });
  for (let start = 0; start < items.length; start += chunk) {
    const end = Math.min(items.length, start + chunk);
    for (let i = start; i < end; i++) each(items[i]!, i);
    onProgress({ done: end, total: items.length });
    await pause();
  }
}
