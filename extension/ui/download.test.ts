// @vitest-environment happy-dom
/** The real download: a Blob with the text behind an object URL, clicked through a temporary <a download>. */
import { afterEach, expect, it, vi } from 'vitest';
import { downloadText } from './download.ts';

afterEach(() => vi.restoreAllMocks());

it('offers the text as a file of that name and leaves no link behind', async () => {
  let blob: Blob | null = null;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((object) => {
    blob = object instanceof Blob ? object : null;
    return 'blob:creditlens/1';
  });
  const clicked: Array<{ href: string; download: string; attached: boolean }> = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push({ href: this.href, download: this.download, attached: this.isConnected });
  });
  downloadText('creditlens-export-2024-07-01.json', '{"format":"creditlens-local"}');
  expect(clicked).toEqual([{ href: 'blob:creditlens/1', download: 'creditlens-export-2024-07-01.json', attached: true }]);
  expect(await (blob as Blob | null)?.text()).toBe('{"format":"creditlens-local"}');
  expect(document.querySelectorAll('a')).toHaveLength(0);
});
