/**
 * Saving a file from the background without the `downloads` permission (a new permission would disable a
 * self-hosted extension at its next update until the user accepts it): the service worker can neither click a link
 * nor make an object URL, so it opens the extension's own save-file.html in a background tab and hands it the bytes
 * once, by a random id (`file:take`); that page offers them as a download (components/download.ts) and closes. The
 * page, not a content script, makes the file: the credit page never sees the link or the bytes.
 */
export type HandedFile = { name: string; text: string; type: string };

/** How long the page has to come for its file; past it the file is dropped and the offer fails. */
const TAKE_WITHIN_MS = 30_000;

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export class FileHandoff {
  readonly #waiting = new Map<string, { file: HandedFile; taken(): void }>();

  /** `open(url)`: opens the page (tabs.create in the background). */
  constructor(
    private readonly pageUrl: string,
    private readonly open: (url: string) => Promise<unknown>,
  ) {}

  /** Resolves once the page has taken the file; rejects when it could not be opened or did not come in time. */
  offer(file: HandedFile): Promise<void> {
    const id = randomId();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiting.delete(id);
        reject(new Error('the save-file page did not take the file'));
      }, TAKE_WITHIN_MS);
      this.#waiting.set(id, {
        file,
        taken: () => {
          clearTimeout(timer);
          resolve();
        },
      });
      this.open(`${this.pageUrl}#${id}`).catch((error: unknown) => {
        clearTimeout(timer);
        this.#waiting.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      });
    });
  }

  /** The file offered under `id`, once; null after that or for an unknown id. */
  take(id: string): HandedFile | null {
    const waiting = this.#waiting.get(id);
    if (!waiting) return null;
    this.#waiting.delete(id);
    waiting.taken();
    return waiting.file;
  }
}
