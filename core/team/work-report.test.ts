/**
 * The 工作情况表: figures by domain for a seeded team document, both ends of the period counted, records that do not
 * parse skipped; and the same report as CSV (BOM, CRLF, Excel-safe cells) and XLSX read back by a real reader.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readSheet } from 'read-excel-file/node';
import { addTeamListing, ensureTeamEntity, readTeamEntities, updateTeamEntity } from './entities-doc.ts';
import { reportCsv, reportTable, reportXlsx } from './report-files.ts';
import { reportEntityKeys, workReport } from './work-report.ts';
import { WorkReport } from '../schemas/work-report.ts';

const EDIT = { by: 'li', at: '2026-11-30T01:00:00.000Z' };

function seeded(): Y.Doc {
  const doc = new Y.Doc();
  const entity = (uscc: string, patch: Parameters<typeof updateTeamEntity>[2], listings: [string, string][] = []) => {
    ensureTeamEntity(doc, { name: `主体${uscc.slice(-4)}`, uscc }, EDIT);
    updateTeamEntity(doc, uscc, patch, EDIT);
    listings.forEach(([decidedOn, domain], i) =>
      addTeamListing(doc, uscc, { id: `${uscc}-${i}`, decidedOn, domain: domain as never, decisionNo: `决定${i}` }, EDIT),
    );
  };
  // Period 2026-01-01 … 2026-06-30.
  entity('91330100MA00000001', { domain: 'FOOD', repeatOffenderPublicizedOn: '2026-01-01', typicalCaseExposedOn: '2026-06-30' }, [
    ['2026-01-01', 'FOOD'],
    ['2026-06-30', 'QUALITY'],
    ['2025-12-31', 'FOOD'],
  ]);
  entity('91330100MA00000002', { domain: 'FOOD', repeatOffenderPublicizedOn: '2026-07-01', typicalCaseExposedOn: '2025-12-31' }, [
    ['2026-07-01', 'FOOD'],
  ]);
  entity('91330100MA00000003', { domain: 'CONSUMER', repeatOffenderPublicizedOn: '2026-03-15' }, [
    ['2026-03-15', 'CONSUMER'],
    ['2026-03-16', 'CONSUMER'],
  ]);
  // No domain: counted under 其他.
  entity('91330100MA00000004', { typicalCaseExposedOn: '2026-02-02' });
  entity('91330100MA00000005', { domain: 'DRUG_DEVICE_COSMETIC' }, [['2026-05-05', 'DRUG_DEVICE_COSMETIC']]);
  // A record another tool wrote wrongly: skipped, never fails the report.
  const broken = new Y.Map<unknown>();
  broken.set('name', 42);
  broken.set('repeatOffenderPublicizedOn', '2026-02-02');
  doc.getMap('entities').set('91330100MA00000006', broken);
  return doc;
}

const PERIOD = { from: '2026-01-01', to: '2026-06-30' };

describe('work report', () => {
  it('counts by domain, both ends of the period included, invalid records skipped', () => {
    const report = workReport(readTeamEntities(seeded()), PERIOD);
    expect(WorkReport.parse(report)).toEqual(report);
    expect(report).toEqual({
      from: '2026-01-01',
      to: '2026-06-30',
      rows: [
        { domain: 'FOOD', listed: 1, repeatOffendersPublicized: 1, typicalCases: 1 },
        { domain: 'DRUG_DEVICE_COSMETIC', listed: 1, repeatOffendersPublicized: 0, typicalCases: 0 },
        { domain: 'QUALITY', listed: 1, repeatOffendersPublicized: 0, typicalCases: 0 },
        { domain: 'CONSUMER', listed: 2, repeatOffendersPublicized: 1, typicalCases: 0 },
        { domain: 'COMPETITION_ORDER', listed: 0, repeatOffendersPublicized: 0, typicalCases: 0 },
        { domain: 'OTHER', listed: 0, repeatOffendersPublicized: 0, typicalCases: 1 },
      ],
      total: { listed: 5, repeatOffendersPublicized: 2, typicalCases: 2 },
    });
  });

  it('a one-day period counts exactly that day; an empty document gives six zero rows', () => {
    const day = workReport(readTeamEntities(seeded()), { from: '2026-06-30', to: '2026-06-30' });
    expect(day.total).toEqual({ listed: 1, repeatOffendersPublicized: 0, typicalCases: 1 });
    const empty = workReport([], PERIOD);
    expect(empty.rows).toHaveLength(6);
    expect(empty.total).toEqual({ listed: 0, repeatOffendersPublicized: 0, typicalCases: 0 });
  });

  it('names the entities behind each number: one domain cell, a whole column, each entity once', () => {
    const reads = readTeamEntities(seeded());
    const report = workReport(reads, PERIOD);
    const keys = (domain: Parameters<typeof reportEntityKeys>[2]['domain'], field: Parameters<typeof reportEntityKeys>[2]['field']) =>
      reportEntityKeys(reads, PERIOD, { domain, field });
    expect(keys('FOOD', 'listed')).toEqual(['91330100MA00000001']);
    expect(keys('QUALITY', 'listed')).toEqual(['91330100MA00000001']);
    // Two decisions of one entity: 2 件, one entity to open.
    expect(report.rows.find((r) => r.domain === 'CONSUMER')!.listed).toBe(2);
    expect(keys('CONSUMER', 'listed')).toEqual(['91330100MA00000003']);
    expect(keys('OTHER', 'typicalCases')).toEqual(['91330100MA00000004']);
    expect(keys(null, 'repeatOffendersPublicized')).toEqual(['91330100MA00000001', '91330100MA00000003']);
    expect(keys(null, 'listed')).toEqual(['91330100MA00000001', '91330100MA00000003', '91330100MA00000005']);
    expect(keys('COMPETITION_ORDER', 'listed')).toEqual([]);
  });

  it('writes CSV as the attachment lays it out: UTF-8 with BOM, CRLF, quoted where needed', () => {
    const report = workReport(readTeamEntities(seeded()), PERIOD);
    const csv = reportCsv(report, { unit: '=示例市市场监督管理局, "二科"' });
    expect(csv.startsWith('\uFEFF经营主体严重违法失信行为专项治理行动工作情况表\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('"填报单位：=示例市市场监督管理局, ""二科"""');
    expect(lines[2]).toBe('时间：2026-01-01 至 2026-06-30');
    expect(lines[3]).toBe('监管领域,列入严重违法失信名单(件),集中公示“屡禁不止、屡罚不改”经营主体户数(户),宣传曝光典型案例(件)');
    expect(lines[4]).toBe('食品安全,1,1,1');
    expect(lines[5]).toBe('药品、医疗器械、化妆品,1,0,0');
    expect(lines[10]).toBe('合计,5,2,2');
    expect(lines[11]).toBe('');
    expect(lines).toHaveLength(12);
  });

  it('writes an XLSX that a spreadsheet reader reads back as the same table', async () => {
    const report = workReport(readTeamEntities(seeded()), PERIOD);
    const bytes = reportXlsx(report, { unit: '示例市市场监督管理局 <信用监管科> & 执法队' });
    const rows = await readSheet(Buffer.from(bytes));
    const expected = reportTable(report, { unit: '示例市市场监督管理局 <信用监管科> & 执法队' });
    expect(rows.map((row) => row.filter((cell) => cell !== null))).toEqual(expected);
    // Same report, same bytes.
    expect(reportXlsx(report, { unit: '示例市市场监督管理局 <信用监管科> & 执法队' })).toEqual(bytes);
  });
});
