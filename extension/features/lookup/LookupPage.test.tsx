// @vitest-environment happy-dom
/**
 * The popup against a real background (router + handlers over fake-indexeddb): lookup by name, credit code, 注册号
 * and legal representative, the identifier check while typing, recents for an empty box, the ?q= start, and errors.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { addTeamTag, ensureTeamEntity, updateTeamEntity } from '#core';
import { saveNote } from '../../storage/repository.ts';
import { testTeam } from '../../../test/support/extension/test-team.ts';
import { t } from '../../ui/i18n.ts';
import { localDateTime } from '../../ui/format.ts';
import { LookupPage, initialQueryOf } from './LookupPage.tsx';
import { CLEAN, LISTED, REPEAT_OFFENDER, UNREAD, localBackground, seed } from '../../../test/support/extension/background.ts';

afterEach(cleanup);

async function popup(options: { initialQuery?: string; team?: ReturnType<typeof testTeam> } = {}) {
  const local = localBackground(options.team);
  await seed(local.db, REPEAT_OFFENDER, '2024-06-20T02:30:00.000Z', 'https://www.gsxt.gov.cn/corp-query-entprise-info-repeat.html');
  await seed(local.db, LISTED, '2024-06-25T09:00:00.000Z');
  await seed(local.db, CLEAN, '2024-06-28T06:15:00.000Z');
  const openUrl = vi.fn<(url: string) => void>();
  render(<LookupPage transport={local.transport} openUrl={openUrl} initialQuery={options.initialQuery} />);
  return { ...local, openUrl };
}

const type = (text: string) => fireEvent.change(screen.getByTestId('lookup-input'), { target: { value: text } });
const hitNames = () => screen.queryAllByTestId('lookup-hit').map((hit) => hit.querySelector('.hit-name')?.textContent);

describe('popup lookup', () => {
  it('finds an entity by the start of its name and shows its summary, notes and a link to the page', async () => {
    const { db, openUrl } = await popup();
    await saveNote(db, {
      id: 'n1',
      entityKey: '91330100MA2B3C4D5N',
      text: '示例市某某食品：复核第11次处罚',
      tags: ['线索'],
      createdAt: '2024-06-21T01:00:00.000Z',
      editedAt: '2024-06-21T01:00:00.000Z',
    });
    type('示例市某某');
    await waitFor(() => expect(hitNames()).toEqual(['示例市某某食品贸易有限公司']));
    const hit = within(screen.getByTestId('lookup-hit'));
    expect(hit.getByText('91330100MA2B3C4D5N')).toBeTruthy();
    expect(hit.getByTestId('hit-serious').textContent).toBe(t('overlay_serious_due'));
    expect(hit.getByTestId('hit-abnormal').textContent).toBe(t('overlay_abnormal_ACTIVE'));
    // The overlay's texts (shared keys) are the overlay's to word; the numbers are what this test is about.
    expect(hit.getByTestId('hit-penalties').textContent).toBe(t('overlay_penalties_total', 3, 11));
    expect(hit.getByTestId('hit-repeat').textContent).toBe(t('overlay_repeat_yes', 10, 10));
    expect(hit.getByTestId('hit-observed').textContent).toBe(
      `${localDateTime('2024-06-20T02:30:00.000Z')} 查看于 国家企业信用信息公示系统`,
    );
    expect(screen.getByTestId('lookup-note').textContent).toContain('复核第11次处罚');
    fireEvent.click(hit.getByTestId('hit-open'));
    expect(openUrl).toHaveBeenCalledWith('https://www.gsxt.gov.cn/corp-query-entprise-info-repeat.html');
  });

  it('shows 未知 for an entity whose sections were never read: never 未列入, 否 or 0 件', async () => {
    const { db } = await popup();
    await seed(db, UNREAD, '2024-06-29T03:00:00.000Z');
    type('示例市丁未读');
    await waitFor(() => expect(hitNames()).toEqual(['示例市丁未读贸易有限公司']));
    const hit = within(screen.getByTestId('lookup-hit'));
    expect(hit.getByTestId('hit-serious').textContent).toBe('未知（页面未载入）');
    expect(hit.getByTestId('hit-abnormal').textContent).toBe('未知（页面未载入）');
    expect(hit.getByTestId('hit-repeat').textContent).toBe('未知（页面未载入）');
    expect(hit.getByTestId('hit-penalties').textContent).toBe(t('overlay_penalties_unread', 3));
    expect(screen.getByTestId('lookup-hit').textContent).not.toMatch(/未列入|否|0 件/);
  });

  it('finds an entity by its credit code and says the code is valid', async () => {
    await popup();
    type('9111 0000 1016 2374 1k');
    await waitFor(() => expect(hitNames()).toEqual(['北京乙科技有限公司']));
    expect(screen.getByTestId('id-check').textContent).toBe('✓ 统一社会信用代码，校验位正确');
  });

  it('finds an entity by its 注册号 and shows a serious listing', async () => {
    await popup();
    type('110000000000009');
    await waitFor(() => expect(hitNames()).toEqual(['示例市丙商贸有限公司']));
    expect(screen.getByTestId('id-check').textContent).toBe('✓ 注册号，校验位正确');
    expect(screen.getByTestId('hit-serious').textContent).toBe(t('overlay_serious_listed'));
    expect(screen.getByText('name:示例市丙商贸有限公司')).toBeTruthy();
  });

  it('finds an entity by its legal representative', async () => {
    await popup();
    type('李某某');
    await waitFor(() => expect(hitNames()).toEqual(['示例市丙商贸有限公司']));
    expect(screen.queryByTestId('id-check')).toBeNull();
  });

  it('warns about a wrong check character, and still looks the code up', async () => {
    const { sent } = await popup();
    type('91110000101623741X');
    await waitFor(() => expect(screen.getByTestId('no-hits').textContent).toContain('91110000101623741X'));
    expect(screen.getByTestId('id-check').textContent).toBe(
      '⚠ 统一社会信用代码校验未通过：校验位不符，请核对是否抄错（个别已发放的代码本身无法通过校验，仅作提示）',
    );
    expect(sent).toContainEqual({ type: 'entity:lookup', query: '91110000101623741X' });
  });

  it('lists the recently viewed entities, newest first, while the box is empty', async () => {
    await popup();
    await waitFor(() => expect(within(screen.getByTestId('recent-list')).getAllByTestId('lookup-hit')).toHaveLength(3));
    expect(screen.getByText('最近查看')).toBeTruthy();
    expect(hitNames()).toEqual(['北京乙科技有限公司', '示例市丙商贸有限公司', '示例市某某食品贸易有限公司']);
    type('李某某');
    await waitFor(() => expect(screen.queryByTestId('recent-list')).toBeNull());
    type('');
    await waitFor(() => expect(hitNames()).toHaveLength(3));
  });

  it('starts with the query of popup.html?q=…', async () => {
    expect(initialQueryOf('?q=%E7%A4%BA%E4%BE%8B%E5%B8%82%E4%B8%99')).toBe('示例市丙');
    expect(initialQueryOf('')).toBe('');
    const { sent } = await popup({ initialQuery: initialQueryOf('?q=%E7%A4%BA%E4%BE%8B%E5%B8%82%E4%B8%99') });
    expect((screen.getByTestId('lookup-input') as HTMLInputElement).value).toBe('示例市丙');
    await waitFor(() => expect(hitNames()).toEqual(['示例市丙商贸有限公司']));
    expect(sent).not.toContainEqual({ type: 'entity:recent', limit: 10 });
  });

  it('links only to web pages: a stored javascript: URL (say, from an imported file) gets no link', async () => {
    const { db } = await popup();
    await seed(db, { ...CLEAN, entity: { name: '示例市丁有限公司' } }, '2024-06-29T00:00:00.000Z', 'javascript:alert(1)');
    type('示例市丁');
    await waitFor(() => expect(hitNames()).toEqual(['示例市丁有限公司']));
    expect(screen.queryByTestId('hit-open')).toBeNull();
  });

  it('shows a failure of the background in one line', async () => {
    const { db } = await popup();
    db.close();
    type('示例');
    await waitFor(() =>
      expect(screen.getByTestId('lookup-error').textContent).toBe(
        '查询失败：出现意外错误，请重试；仍不行请联系管理员（详情已记入浏览器控制台）',
      ),
    );
    expect(screen.queryAllByTestId('lookup-hit')).toEqual([]);
  });

  it("also finds the team's records, by name, tag or legal representative, with their status", async () => {
    const team = testTeam();
    const edit = { by: 'bob', at: '2024-06-30T01:00:00.000Z' };
    ensureTeamEntity(team.doc, { name: '示例市戊餐饮有限公司', uscc: '91330106MA27QX8BXF', legalRepresentative: '赵六' }, edit);
    updateTeamEntity(team.doc, '91330106MA27QX8BXF', { status: 'case-filed', assignee: 'bob' }, edit);
    addTeamTag(team.doc, '91330106MA27QX8BXF', '冷链', edit);
    await popup({ team });
    for (const query of ['戊餐饮', '冷链', '赵六']) {
      type(query);
      await waitFor(() =>
        expect(screen.queryAllByTestId('team-hit').map((hit) => hit.querySelector('.hit-name')?.textContent)).toEqual([
          '示例市戊餐饮有限公司',
        ]),
      );
    }
    expect(screen.getByText('团队台账（1）')).toBeTruthy();
    expect(screen.getByTestId('team-hit-status').textContent).toBe('已立案');
    expect(screen.queryByTestId('no-hits')).toBeNull();
  });

  it('without a team, finds no team records and says nothing about them', async () => {
    const { sent } = await popup();
    type('示例市丙');
    await waitFor(() => expect(hitNames()).toEqual(['示例市丙商贸有限公司']));
    expect(sent).toContainEqual({ type: 'team:lookup', query: '示例市丙' });
    expect(screen.queryByTestId('team-hit-list')).toBeNull();
    expect(screen.queryByTestId('team-lookup-error')).toBeNull();
  });
});
