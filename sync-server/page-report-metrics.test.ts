/** The page-report counter of /metrics: one line per site and layout, label values escaped as Prometheus reads them. */
import { describe, expect, it } from 'vitest';
import { PageReportCounts, UpdateRate, labelValue, metricsText, type MetricsSource } from './metrics.ts';

const zero = () => 0;

describe('page reports in /metrics', () => {
  it('escapes backslash, double quote and line feed in label values', () => {
    expect(labelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
    expect(labelValue('web-2026')).toBe('web-2026');
  });

  it('counts per site and layout, a hostile layout name staying inside its label', () => {
    const counts = new PageReportCounts();
    counts.add('gsxt-gov-cn', 'web-2026');
    counts.add('gsxt-gov-cn', 'web-2026');
    counts.add('gsxt-gov-cn', 'x"} 99\ncreditlens_connections 1e9');
    const source: MetricsSource = {
      connections: zero,
      documents: zero,
      updatesTotal: zero,
      commitsTotal: zero,
      bytesStored: zero,
      readonlyDropped: zero,
      malformed: zero,
      rateLimited: zero,
      refused: zero,
      pageReports: () => counts.rows(),
    };
    const lines = metricsText(source, new UpdateRate()).split('\n');
    expect(lines).toContain('creditlens_page_reports_total{site="gsxt-gov-cn",layout="web-2026"} 2');
    expect(lines).toContain('creditlens_page_reports_total{site="gsxt-gov-cn",layout="x\\"} 99\\ncreditlens_connections 1e9"} 1');
    expect(lines.filter((line) => line.startsWith('creditlens_connections '))).toEqual(['creditlens_connections 0']);
  });
});
