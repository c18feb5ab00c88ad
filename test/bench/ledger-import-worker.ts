/** The benchmark's import worker: the page's import job (extension/features/ledger/import-job.ts) in a Node worker thread. */
import { parentPort } from 'node:worker_threads';
import { importJob } from '../../extension/features/ledger/import-job.ts';

const handle = importJob((message) => parentPort!.postMessage(message));
parentPort!.on('message', (message: { name: string; bytes: Uint8Array; check?: boolean }) => {
  void handle({
    type: 'read',
    file: new Blob([message.bytes as Uint8Array<ArrayBuffer>]),
    name: message.name,
    headings: {},
    words: { status: {}, domain: {} },
  }).then(() => handle({ type: 'check', seq: 1, mapping: { name: 0, uscc: 1, status: 2, note: 3 }, hasHeader: true }));
});
parentPort!.postMessage({ type: 'ready' });
