/**
 * The limits of one clue-list import, stated in the UI before a file is picked and checked before anything is
 * previewed: a file past one of them is refused whole, with the limit and the file's own figure.
 */
export const IMPORT_CAPS = {
  /** The file as picked. */
  fileBytes: 20 * 1024 * 1024,
  /** Data rows, the header not counted. */
  rows: 20_000,
  /** An XLSX's XML parts once unzipped: a small zip can inflate a thousandfold. */
  xlsxBytes: 50 * 1024 * 1024,
} as const;

export type CapName = keyof typeof IMPORT_CAPS;

/** Which limit a file passed, the limit, and the file's figure (at least this much when counting stopped at it). */
export interface OverCap {
  cap: CapName;
  limit: number;
  actual: number;
}

export class OverCapError extends Error {
  constructor(readonly over: OverCap) {
    super(`over the import's ${over.cap} limit: ${over.actual} > ${over.limit}`);
  }
}

/** Throws OverCapError when `actual` is past the cap. */
export function checkCap(cap: CapName, actual: number): void {
  if (actual > IMPORT_CAPS[cap]) throw new OverCapError({ cap, limit: IMPORT_CAPS[cap], actual });
}
