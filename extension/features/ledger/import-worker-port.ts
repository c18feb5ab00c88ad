/**
 * The page's end of the import worker: what it sends is parsed before it leaves, what comes back is parsed before the
 * page sees it (a message that does not parse is taken as an unreadable file). `terminate` is the cancel button.
 * The in-page variant runs the same job on the page's thread, for tests without a bundler.
 */
import { importJob } from './import-job.ts';
import { FromWorker, ToWorker } from './import-messages.ts';

export interface ImportWorker {
  send(message: ToWorker): void;
  terminate(): void;
}

export type OpenImportWorker = (onMessage: (message: FromWorker) => void) => ImportWorker;

const received = (onMessage: (message: FromWorker) => void) => (data: unknown) => {
  const parsed = FromWorker.safeParse(data);
  onMessage(parsed.success ? parsed.data : { type: 'unreadable', kind: 'other' });
};

export const openImportWorker: OpenImportWorker = (onMessage) => {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  const receive = received(onMessage);
  worker.onmessage = (event: MessageEvent) => receive(event.data);
  // The worker's script failing to load or throwing is an unreadable file to the user, not a hang.
  worker.onerror = () => receive({ type: 'unreadable', kind: 'other' });
  return { send: (message) => worker.postMessage(ToWorker.parse(message)), terminate: () => worker.terminate() };
};

export const openInPageImportWorker: OpenImportWorker = (onMessage) => {
  let live = true;
  const receive = received(onMessage);
  const handle = importJob((message) => setTimeout(() => live && receive(message), 0));
  return {
    send: (message) => void handle(ToWorker.parse(message)),
    terminate: () => {
      live = false;
    },
  };
};
