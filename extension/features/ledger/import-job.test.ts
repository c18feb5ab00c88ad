// @vitest-environment happy-dom
/**
 * The import worker's job, run in place: a CSV is read to its first row and size, checked after a mapping with the
 * problems field by field, and handed over as only the mapped columns with bad rows blanked; each limit refuses the
 * file whole with the limit and the file's figure — the file's size before reading, the rows (the header not
 * counted; a header-less list counts its first row), an XLSX's unzipped size before and while inflating. Messages
 * out parse against the worker protocol.
 */
import { describe, expect, it } from 'vitest';
import { IMPORT_CAPS } from './import-caps.ts';
import { importJob } from './import-job.ts';
import { FromWorker } from './import-messages.ts';
import { bombXlsx } from '../../../test/support/extension/test-zip.ts';

const WORDS = { status: { 核查中: 'verifying' as const }, domain: {} };

function run() {
  const out: FromWorker[] = [];
  const handle = importJob((message) => out.push(FromWorker.parse(message)));
  const read = async (name: string, content: BlobPart) => {
    await handle({ type: 'read', file: new Blob([content]), name, headings: {}, words: WORDS });
    return out.at(-1)!;
  };
  return { out, handle, read };
}

const csvOf = (rows: number, header = '主体名称,状态\n') => header + Array.from({ length: rows }, (_, i) => `公司${i},核查中\n`).join('');

describe('the import job', () => {
  it('guesses, checks and hands over the 工作情况表 columns: decision number and date, 集中公示日期, 曝光日期', async () => {
    const job = run();
    const csv =
      '企业名称,列入决定书文号,列入日期,集中公示日期,曝光日期\n甲公司,示市监列严〔2026〕1号,2026/3/5,2026年4月1日,\n乙公司,示市监列严〔2026〕2号,,,2026-13-01\n';
    const read = await job.read('线索.csv', csv);
    const mapping = { name: 0, decisionNo: 1, decidedOn: 2, publicizedOn: 3, exposedOn: 4 };
    expect(read).toMatchObject({ type: 'read', guessed: mapping });
    await job.handle({ type: 'check', seq: 1, mapping, hasHeader: true });
    expect(job.out.at(-1)).toEqual({
      type: 'checked',
      seq: 1,
      good: 1,
      badCount: 1,
      bad: [
        {
          row: 3,
          problems: [
            { field: 'decidedOn', kind: 'empty' },
            { field: 'exposedOn', kind: 'invalid', value: '2026-13-01' },
          ],
        },
      ],
    });
    await job.handle({ type: 'rows' });
    expect(job.out.at(-1)).toMatchObject({
      type: 'rows',
      rows: [
        ['甲公司', '示市监列严〔2026〕1号', '2026/3/5', '2026年4月1日', null],
        [null, null, null, null, null],
      ],
    });
  });

  it('reads, checks and hands over the mapped columns, bad rows blanked', async () => {
    const job = run();
    const csv = '主体名称,不导入,状态,承办人\n甲公司,x,核查中,\n,x,核查中,\n乙公司,x,搁置,a b\n丙公司,x,,\n';
    expect(await job.read('线索.csv', csv)).toEqual({
      type: 'read',
      encoding: 'utf-8',
      first: ['主体名称', '不导入', '状态', '承办人'],
      rows: 5,
      guessed: { name: 0, status: 2, assignee: 3 },
    });
    await job.handle({ type: 'check', seq: 7, mapping: { name: 0, status: 2, assignee: 3 }, hasHeader: true });
    expect(job.out.filter((m) => m.type === 'progress')).toContainEqual({ type: 'progress', phase: 'checking', done: 4, total: 4 });
    expect(job.out.at(-1)).toEqual({
      type: 'checked',
      seq: 7,
      good: 2,
      badCount: 2,
      bad: [
        { row: 3, problems: [{ field: 'name', kind: 'empty' }] },
        {
          row: 4,
          problems: [
            { field: 'status', kind: 'unknown', value: '搁置' },
            { field: 'assignee', kind: 'invalid', value: 'a b' },
          ],
        },
      ],
    });
    await job.handle({ type: 'rows' });
    expect(job.out.at(-1)).toEqual({
      type: 'rows',
      firstRow: 2,
      mapping: { name: 0, status: 1, assignee: 2 },
      rows: [
        ['甲公司', 'verifying', null],
        [null, null, null],
        [null, null, null],
        ['丙公司', null, null],
      ],
    });
  });

  it('refuses a file over the size limit before reading it', async () => {
    const over = new Uint8Array(IMPORT_CAPS.fileBytes + 1);
    expect(await run().read('大.csv', over)).toEqual({
      type: 'refused',
      over: { cap: 'fileBytes', limit: IMPORT_CAPS.fileBytes, actual: IMPORT_CAPS.fileBytes + 1 },
    });
  });

  it("takes exactly the row limit, and refuses one more with the file's own count", async () => {
    expect(await run().read('满.csv', csvOf(IMPORT_CAPS.rows))).toMatchObject({ type: 'read', rows: IMPORT_CAPS.rows + 1 });
    expect(await run().read('超.csv', csvOf(IMPORT_CAPS.rows + 1))).toEqual({
      type: 'refused',
      over: { cap: 'rows', limit: IMPORT_CAPS.rows, actual: IMPORT_CAPS.rows + 1 },
    });
    // Far over: the real figure, though only the limit's worth of rows is kept.
    expect(await run().read('超.csv', csvOf(50_000))).toMatchObject({ over: { cap: 'rows', actual: 50_000 } });
    // Without a header every row is data; unticking the header box is checked again.
    expect(await run().read('无表头.csv', csvOf(IMPORT_CAPS.rows + 1, ''))).toMatchObject({
      over: { cap: 'rows', actual: IMPORT_CAPS.rows + 1 },
    });
    const job = run();
    await job.read('满.csv', csvOf(IMPORT_CAPS.rows));
    await job.handle({ type: 'check', seq: 1, mapping: { name: 0 }, hasHeader: false });
    expect(job.out.at(-1)).toEqual({ type: 'refused', over: { cap: 'rows', limit: IMPORT_CAPS.rows, actual: IMPORT_CAPS.rows + 1 } });
  });

  it('refuses a zip bomb by its stated size without inflating it, and one that lies as soon as the inflated bytes pass the limit', async () => {
    const honest = bombXlsx(64, { lie: false });
    expect(honest.length).toBeLessThan(100_000);
    const started = performance.now();
    expect(await run().read('炸弹.xlsx', honest)).toEqual({
      type: 'refused',
      over: { cap: 'xlsxBytes', limit: IMPORT_CAPS.xlsxBytes, actual: 64 * 1024 * 1024 + 29 },
    });
    const honestMs = performance.now() - started;
    const answer = await run().read('炸弹.xlsx', bombXlsx(64, { lie: true }));
    expect(answer).toMatchObject({ type: 'refused', over: { cap: 'xlsxBytes', limit: IMPORT_CAPS.xlsxBytes } });
    // Stopped within one push of compressed input (8 KB inflate to at most about 8.3 MB) past the limit, not at 64 MB.
    const actual = (answer as Extract<FromWorker, { type: 'refused' }>).over.actual;
    expect(actual).toBeGreaterThan(IMPORT_CAPS.xlsxBytes);
    expect(actual).toBeLessThan(IMPORT_CAPS.xlsxBytes + 9 * 1024 * 1024);
    expect(honestMs).toBeLessThan(1_000);
  });

  it('says a broken XLSX is not one', async () => {
    expect(await run().read('坏.xlsx', 'PK not a zip at all')).toEqual({ type: 'unreadable', kind: 'not-xlsx' });
  });
});
