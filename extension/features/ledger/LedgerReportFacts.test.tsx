// @vitest-environment happy-dom
/**
 * The ledger page's side of the 工作情况表 against a real background and a small in-memory team document: 已列入
 * without a decision shown and filtered as 已列入（缺决定）, and counted after a bulk 已列入; a decision added in the
 * detail pane; 标记集中公示 and 标记典型案例曝光 on the selected rows in one transaction; each number of the report
 * preview opening the ledger on the entities behind it (checked against core's reportEntityKeys); 只读 disabling
 * every write.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { addTeamListing, ensureTeamEntity, readTeamEntities, readTeamEntity, reportEntityKeys, updateTeamEntity, workReport } from '#core';
import { openInPageImportWorker } from './import-worker-port.ts';
import { testTeam } from '../../../test/support/extension/test-team.ts';
import { LedgerPage } from './LedgerPage.tsx';
import { localBackground, NOW } from '../../../test/support/extension/background.ts';

afterEach(cleanup);

const BOB = { by: 'bob', at: NOW };
const A = '91330100MA00000001';
const B = '91330100MA00000002';
const C = '91330100MA00000003';
const D = '91330100MA00000004';

async function mount(options: Parameters<typeof testTeam>[0] = {}) {
  const team = testTeam(options);
  const doc = team.doc;
  ensureTeamEntity(doc, { name: '甲食品公司', uscc: A }, BOB);
  updateTeamEntity(doc, A, { status: 'listed', domain: 'FOOD' }, BOB);
  ensureTeamEntity(doc, { name: '乙质量公司', uscc: B }, BOB);
  updateTeamEntity(doc, B, { status: 'listed', domain: 'QUALITY' }, BOB);
  addTeamListing(doc, B, { id: 'b1', decidedOn: '2026-02-01', domain: 'QUALITY', decisionNo: '示市监列严〔2026〕2号' }, BOB);
  addTeamListing(doc, B, { id: 'b2', decidedOn: '2026-02-02', domain: 'FOOD', decisionNo: '示市监列严〔2026〕3号' }, BOB);
  ensureTeamEntity(doc, { name: '丙商行', uscc: C }, BOB);
  ensureTeamEntity(doc, { name: '丁药房', uscc: D }, BOB);
  updateTeamEntity(doc, D, { domain: 'DRUG_DEVICE_COSMETIC' }, BOB);
  const background = localBackground(team);
  let ids = 0;
  render(
    <LedgerPage
      transport={background.transport}
      openUrl={() => {}}
      download={() => {}}
      now={() => NOW}
      newId={() => `id${++ids}`}
      openImportWorker={openInPageImportWorker}
      pollMs={60_000}
    />,
  );
  await screen.findByTestId('ledger-table', {}, { timeout: 10_000 });
  return { ...background, team };
}

const count = () => screen.getByTestId('ledger-count').textContent;
const shownKeys = () =>
  screen
    .getAllByTestId('ledger-row')
    .map((row) => row.dataset.key)
    .sort();
const read = (doc: Parameters<typeof readTeamEntity>[0], key: string) => {
  const r = readTeamEntity(doc, key);
  if (!r?.ok) throw new Error('no valid record');
  return r.value;
};

describe('the 工作情况表 facts on the ledger page', () => {
  it('shows 已列入 without a decision as 已列入（缺决定）, filters it, and records the decision in the detail pane', async () => {
    const { team } = await mount();
    const statusOf = (key: string) =>
      screen
        .getAllByTestId('ledger-row')
        .find((row) => row.dataset.key === key)!
        .querySelector('[data-testid="ledger-status"]')!.textContent;
    expect(statusOf(A)).toBe('已列入（缺决定）');
    expect(statusOf(B)).toBe('已列入');
    fireEvent.change(screen.getByTestId('ledger-filter-status'), { target: { value: 'listed-without-decision' } });
    await waitFor(() => expect(count()).toBe('显示 1 条，共 4 条'));

    fireEvent.click(screen.getByTestId('ledger-open'));
    const detail = await screen.findByTestId('ledger-detail');
    expect(within(detail).getByTestId('ledger-detail-status').textContent).toBe('已列入（缺决定）');
    const prompt = within(detail).getByTestId('listing-missing');
    expect((within(prompt).getByTestId('listing-domain') as HTMLSelectElement).value).toBe('FOOD');
    fireEvent.change(within(prompt).getByTestId('listing-no'), { target: { value: '示市监列严〔2026〕1号' } });
    fireEvent.change(within(prompt).getByTestId('listing-date'), { target: { value: '2026-03-05' } });
    fireEvent.click(within(prompt).getByTestId('listing-save'));
    await waitFor(() =>
      expect(read(team.doc, A).listings).toEqual([
        { id: 'id1', decisionNo: '示市监列严〔2026〕1号', decidedOn: '2026-03-05', domain: 'FOOD' },
      ]),
    );
    expect(read(team.doc, A).updatedBy).toBe('alice');
    // The pane follows the reloaded record: the decision is listed and the question is gone.
    await waitFor(() =>
      expect(within(screen.getByTestId('ledger-detail')).getByTestId('listing-text').textContent).toContain('示市监列严〔2026〕1号'),
    );
    expect(within(screen.getByTestId('ledger-detail')).getByTestId('ledger-detail-status').textContent).toBe('已列入');
    expect(screen.queryByTestId('listing-missing')).toBeNull();
  });

  it('says how many rows set to 已列入 in bulk still lack a decision', async () => {
    const { team } = await mount();
    fireEvent.click(screen.getByTestId('ledger-select-all'));
    fireEvent.change(screen.getByTestId('ledger-bulk-status'), { target: { value: 'listed' } });
    fireEvent.click(screen.getByTestId('ledger-bulk-apply'));
    // B has two decisions; A, C and D have none.
    await waitFor(() =>
      expect(screen.getByTestId('ledger-outcome').textContent).toBe(
        '已修改 4 条；0 条未修改（记录不存在或无法读取）。其中 3 条还没有列入决定，显示为“已列入（缺决定）”：请打开记录录入决定书文号和决定日期。',
      ),
    );
    expect(readTeamEntities(team.doc).map((r) => r.ok && r.value.status)).toEqual(['listed', 'listed', 'listed', 'listed']);
  });

  it('marks 集中公示 and 典型案例曝光 on the selected rows, each in one transaction', async () => {
    const { team } = await mount();
    let transactions = 0;
    team.doc.on('afterTransaction', () => transactions++);
    const select = (key: string) =>
      fireEvent.click(
        screen
          .getAllByTestId('ledger-row')
          .find((row) => row.dataset.key === key)!
          .querySelector('[data-testid="ledger-select"]')!,
      );
    expect((screen.getByTestId('ledger-bulk-publicized') as HTMLButtonElement).disabled).toBe(true);
    select(C);
    select(D);
    fireEvent.change(screen.getByTestId('ledger-bulk-date'), { target: { value: '2026-05-01' } });
    expect(screen.getByTestId('ledger-bulk-publicized').textContent).toBe('标记集中公示（2026-05-01）');
    fireEvent.click(screen.getByTestId('ledger-bulk-publicized'));
    await waitFor(() => expect(screen.getByTestId('ledger-outcome').textContent).toBe('已标记 2 条；0 条未修改（记录不存在或无法读取）'));
    expect(transactions).toBe(1);
    expect([A, B, C, D].map((key) => read(team.doc, key).repeatOffenderPublicizedOn)).toEqual([null, null, '2026-05-01', '2026-05-01']);
    expect(read(team.doc, C).updatedBy).toBe('alice');
    // The selection is cleared after a mark.
    expect(screen.getByTestId('ledger-selected').textContent).toBe('已选 0 条');

    await waitFor(() => expect(screen.getAllByTestId('ledger-row')).toHaveLength(4));
    select(A);
    fireEvent.change(screen.getByTestId('ledger-bulk-date'), { target: { value: '2026-06-30' } });
    fireEvent.click(screen.getByTestId('ledger-bulk-exposed'));
    await waitFor(() => expect(read(team.doc, A).typicalCaseExposedOn).toBe('2026-06-30'));
    expect(transactions).toBe(2);
    expect([B, C, D].map((key) => read(team.doc, key).typicalCaseExposedOn)).toEqual([null, null, null]);
  });

  it('opens the ledger on the entities behind each number of the report preview', async () => {
    const { team } = await mount();
    updateTeamEntity(team.doc, C, { repeatOffenderPublicizedOn: '2026-04-01' }, BOB);
    updateTeamEntity(team.doc, D, { repeatOffenderPublicizedOn: '2026-04-02', typicalCaseExposedOn: '2026-04-03' }, BOB);
    fireEvent.click(screen.getByTestId('ledger-reload'));
    await waitFor(() => expect(screen.queryByTestId('ledger-loading')).toBeNull());
    const period = { from: '2026-01-01', to: '2026-06-30' };
    const reads = readTeamEntities(team.doc);
    expect(workReport(reads, period).total).toEqual({ listed: 2, repeatOffendersPublicized: 2, typicalCases: 1 });

    const openReport = () => {
      fireEvent.click(screen.getByTestId('ledger-tab-report'));
      fireEvent.change(screen.getByTestId('report-from'), { target: { value: period.from } });
      fireEvent.change(screen.getByTestId('report-to'), { target: { value: period.to } });
    };
    const drill = async (label: string, expected: string[]) => {
      openReport();
      fireEvent.click(await screen.findByLabelText(label));
      await waitFor(() => expect(shownKeys()).toEqual(expected));
      expect(count()).toBe(`显示 ${expected.length} 条，共 4 条`);
    };
    // 食品安全 · 列入: B's second decision (domain FOOD), though B itself is 质量安全.
    await drill(
      '在台账中查看计入“食品安全 · 列入严重违法失信名单(件)”的主体',
      reportEntityKeys(reads, period, { domain: 'FOOD', field: 'listed' }),
    );
    expect(shownKeys()).toEqual([B]);
    expect(screen.getByTestId('ledger-drill').textContent).toContain(
      '工作情况表（2026-01-01 至 2026-06-30）“食品安全 · 列入严重违法失信名单(件)”：1 个主体',
    );
    // 合计 · 集中公示: C (其他, no domain) and D.
    await drill('在台账中查看计入“合计 · 集中公示“屡禁不止、屡罚不改”经营主体户数(户)”的主体', [C, D]);
    await drill('在台账中查看计入“其他 · 集中公示“屡禁不止、屡罚不改”经营主体户数(户)”的主体', [C]);
    fireEvent.click(screen.getByTestId('ledger-drill-clear'));
    await waitFor(() => expect(count()).toBe('显示 4 条，共 4 条'));
    // A zero opens nothing.
    openReport();
    const rows = screen.getAllByTestId('report-row');
    expect(within(rows[4]!).queryAllByTestId('report-drill')).toHaveLength(0);
  });

  it("disables the marks and the detail pane's writes for 只读", async () => {
    const { sent } = await mount({ role: 'readonly' });
    fireEvent.click(screen.getAllByTestId('ledger-select')[0]!);
    expect((screen.getByTestId('ledger-bulk-publicized') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('ledger-bulk-exposed') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getAllByTestId('ledger-open')[0]!);
    const detail = await screen.findByTestId('ledger-detail');
    for (const button of within(detail)
      .getAllByRole('button')
      .filter((b) => b.dataset.testid !== 'ledger-detail-close' && b.dataset.testid !== 'listing-missing-skip')) {
      expect((button as HTMLButtonElement).disabled).toBe(true);
    }
    expect((sent as Array<{ type: string }>).some((m) => m.type === 'ledger:bulk-date' || m.type.startsWith('team:listing'))).toBe(false);
  });
});
