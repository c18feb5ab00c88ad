/**
 * The ledger page's import worker: reading, parsing and checking a clue list off the page's thread (import-job.ts).
 * Every message is parsed on arrival; one that does not parse is answered as an unreadable file, never run.
 */
import { importJob } from './import-job.ts';
import { FromWorker, ToWorker } from './import-messages.ts';

const post = (message: FromWorker) => self.postMessage(FromWorker.parse(message));
const handle = importJob(post);

self.onmessage = (event: MessageEvent) => {
  const message = ToWorker.safeParse(event.data);
  if (message.success) void handle(message.data);
  else post({ type: 'unreadable', kind: 'other' });
};
