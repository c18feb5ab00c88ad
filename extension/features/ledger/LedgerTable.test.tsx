// @vitest-environment happy-dom
/** The ledger's 本机查看 column: the date and the serious-list status of the snapshot, 未知 when it was not read. */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { readTeamEntities } from '#core';
import { ledgerRows, type LedgerRecord } from './rows.ts';
import { ledgerDoc, usccOf } from '../../../test/support/extension/test-ledger.ts';
import type { SeenSummary } from '../../storage/seen.ts';
import { t } from '../../ui/i18n.ts';
import { LedgerTable } from './LedgerTable.tsx';

afterEach(cleanup);

const seen = (key: string, serious: SeenSummary['serious']): [string, SeenSummary] => [
  key,
  { entityKey: key, observedAt: '2026-11-30T02:00:00.000Z', url: 'https://www.gsxt.gov.cn/x', site: 'gsxt-gov-cn', serious, penalties: [] },
];

function table(summaries: Map<string, SeenSummary>) {
  const { rows } = ledgerRows(readTeamEntities(ledgerDoc(4)) as LedgerRecord[]);
  render(
    <LedgerTable
      rows={rows}
      seen={summaries}
      sort={{ column: 'key', descending: false }}
      onSort={() => {}}
      selected={new Set()}
      onSelect={() => {}}
      onOpen={() => {}}
      openKey={null}
    />,
  );
  return new Map(
    screen.getAllByTestId('ledger-row').map((row) => [row.dataset.key, row.querySelector('[data-testid=ledger-seen]')?.textContent ?? '']),
  );
}

describe('the 本机查看 column', () => {
  it('says 未知 for a serious-list section that was not read, never 未列入', () => {
    const cells = table(
      new Map([seen(usccOf(0), 'unknown'), seen(usccOf(1), 'partial'), seen(usccOf(2), 'listed-banner'), seen(usccOf(3), 'none')]),
    );
    expect(cells.get(usccOf(0))).toBe('2026-11-30 未知（页面未载入）');
    expect(cells.get(usccOf(1))).toBe('2026-11-30 未知（页面仅部分载入）');
    expect(cells.get(usccOf(2))).toBe('2026-11-30 已列入（页面提示，日期不明）');
    expect(cells.get(usccOf(3))).toBe('2026-11-30 未列入');
  });

  it('says 本机未查看 for an entity never seen here', () => {
    expect(table(new Map()).get(usccOf(0))).toBe(t('ledger_unseen'));
  });
});
