/**
 * The report endpoint on a real server: the figures of a seeded team document in JSON, CSV and XLSX (read back),
 * the same whether the document is open or only stored, and its access rules and period checks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSheet } from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { WorkReport, addTeamListing, ensureTeamEntity, updateTeamEntity } from '#core';
import { synced, teamClient, until } from '../support/sync-server.ts';
import { useTeamServer } from '../support/team-server-fixture.ts';

const team = useTeamServer({ east: { admin: 'admin', member: 'member', ro: 'readonly' }, west: { other: 'admin' } });
const east = (user: string) => team.token('east', user);

const get = (path: string, token?: string) =>
  fetch(`${team.server().httpUrl}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
const PERIOD = 'from=2026-01-01&to=2026-06-30';

beforeAll(async () => {
  // Seed through a real client, then let the document leave memory: the report reads it from the store too.
  const writer = teamClient(team.server(), 'east', east('member'));
  await synced(writer);
  const edit = { by: 'member', at: '2026-11-30T01:00:00.000Z' };
  ensureTeamEntity(writer.doc, { name: '甲食品有限公司', uscc: '91330100MA00000001' }, edit);
  updateTeamEntity(
    writer.doc,
    '91330100MA00000001',
    { domain: 'FOOD', repeatOffenderPublicizedOn: '2026-06-30', typicalCaseExposedOn: '2026-07-01' },
    edit,
  );
  addTeamListing(
    writer.doc,
    '91330100MA00000001',
    { id: 'l1', decidedOn: '2026-01-01', domain: 'FOOD', decisionNo: '甲市监信〔2026〕1号' },
    edit,
  );
  addTeamListing(
    writer.doc,
    '91330100MA00000001',
    { id: 'l2', decidedOn: '2025-12-31', domain: 'FOOD', decisionNo: '甲市监信〔2025〕9号' },
    edit,
  );
  ensureTeamEntity(writer.doc, { name: '乙商贸有限公司', uscc: '91330100MA00000002' }, edit);
  updateTeamEntity(writer.doc, '91330100MA00000002', { domain: 'COMPETITION_ORDER', typicalCaseExposedOn: '2026-03-01' }, edit);
  writer.destroy();
  await until(
    async () => /^creditlens_documents_in_memory 0$/m.test(await (await fetch(`${team.server().httpUrl}/metrics`)).text()),
    'the document to leave memory',
  );
}, 60_000);

const EXPECTED_TOTAL = { listed: 1, repeatOffendersPublicized: 1, typicalCases: 1 };

describe('sync server: work report', () => {
  it('answers JSON with the six rows and the total, for admins and members, whether the document is open or not', async () => {
    for (const token of [east('admin'), east('member')]) {
      const res = await get(`/team/east/report?${PERIOD}`, token);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const report = WorkReport.parse(await res.json());
      expect(report.rows.map((r) => r.domain)).toEqual([
        'FOOD',
        'DRUG_DEVICE_COSMETIC',
        'QUALITY',
        'CONSUMER',
        'COMPETITION_ORDER',
        'OTHER',
      ]);
      expect(report.rows[0]).toEqual({ domain: 'FOOD', listed: 1, repeatOffendersPublicized: 1, typicalCases: 0 });
      expect(report.rows[4]).toEqual({ domain: 'COMPETITION_ORDER', listed: 0, repeatOffendersPublicized: 0, typicalCases: 1 });
      expect(report.total).toEqual(EXPECTED_TOTAL);
    }
    // With the document open (a client connected) the answer is the same.
    const reader = teamClient(team.server(), 'east', east('member'));
    await synced(reader);
    const open = WorkReport.parse(await (await get(`/team/east/report?${PERIOD}`, east('member'))).json());
    reader.destroy();
    expect(open.total).toEqual(EXPECTED_TOTAL);
    // Each read of the report is in the audit trail, under the token's user.
    const reads = () =>
      readFileSync(join(team.server().dataDir, 'audit.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((line) => line.event === 'report');
    await until(async () => reads().length >= 3, 'the report reads in the audit trail');
    expect(reads().map((line) => [line.user, line.team, line.from, line.to, line.format])).toEqual([
      ['admin', 'east', '2026-01-01', '2026-06-30', 'json'],
      ['member', 'east', '2026-01-01', '2026-06-30', 'json'],
      ['member', 'east', '2026-01-01', '2026-06-30', 'json'],
    ]);
  });

  it('answers CSV (UTF-8 with BOM) and XLSX laid out like the attachment', async () => {
    const csv = await get(`/team/east/report?${PERIOD}&format=csv&unit=${encodeURIComponent('甲市市场监督管理局')}`, east('member'));
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain('填报单位：甲市市场监督管理局\r\n时间：2026-01-01 至 2026-06-30\r\n');
    expect(text).toContain('合计,1,1,1\r\n');

    const xlsx = await get(`/team/east/report?${PERIOD}&format=xlsx`, east('member'));
    expect(xlsx.headers.get('content-disposition')).toContain('.xlsx');
    const rows = (await readSheet(Buffer.from(await xlsx.arrayBuffer()))).map((r) => r.filter((c) => c !== null));
    expect(rows[0]).toEqual(['经营主体严重违法失信行为专项治理行动工作情况表']);
    expect(rows[1]).toEqual(['填报单位：east']);
    expect(rows[4]).toEqual(['食品安全', 1, 1, 0]);
    expect(rows[10]).toEqual(['合计', 1, 1, 1]);
  });

  it('401 without or with a bad token, 403 for readonly or another team, 400 for a bad period', async () => {
    expect((await get(`/team/east/report?${PERIOD}`)).status).toBe(401);
    expect((await get(`/team/east/report?${PERIOD}`, 'nonsense')).status).toBe(401);
    expect((await get(`/team/east/report?${PERIOD}`, east('ro'))).status).toBe(403);
    expect((await get(`/team/east/report?${PERIOD}`, team.token('west', 'other'))).status).toBe(403);
    // The token in the query string (as for the socket) is not accepted here.
    expect((await get(`/team/east/report?${PERIOD}&token=${east('admin')}`)).status).toBe(401);
    const bad: [string, RegExp][] = [
      ['to=2026-06-30', /from/],
      ['from=2026-01-01', /to/],
      ['from=2026-02-30&to=2026-06-30', /from: expected a calendar date/],
      ['from=2026-07-01&to=2026-06-30', /from is after to/],
      [`${PERIOD}&format=pdf`, /format/],
    ];
    for (const [query, message] of bad) {
      const res = await get(`/team/east/report?${query}`, east('admin'));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    }
  });
});
