// The save-file page (background/file-handoff.ts): opened by the background in a background tab with a one-time id
// after `#`, it takes its file, offers it as a download and closes. Wiring only; nothing here reads the credit page.
import { browser } from 'wxt/browser';
import { downloadFile } from '../../ui/download.ts';
import { request } from '../../messaging/client.ts';
import { errorText } from '../../ui/errors.ts';
import { t } from '../../ui/i18n.ts';

/** Long enough for the browser to have taken the file from the link (the download holds the Blob from the click on). */
const CLOSE_AFTER_MS = 3_000;

const status = document.getElementById('status');
const say = (text: string) => {
  if (status) status.textContent = text;
};
document.title = t('save_file_title');
say(t('save_file_saving'));
const id = location.hash.slice(1);
request((m) => browser.runtime.sendMessage(m), { type: 'file:take', id }).then(
  ({ file }) => {
    if (!file) return say(t('save_file_missing'));
    downloadFile(file.name, new Blob([file.text], { type: file.type }));
    say(t('save_file_done', file.name));
    setTimeout(() => window.close(), CLOSE_AFTER_MS);
  },
  (error: unknown) => say(errorText(error)),
);
