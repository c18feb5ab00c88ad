/**
 * The ledger's charts (chart.js, only the parts used registered, so the rest is left out of the bundle): penalties per
 * month stacked by domain, penalties per domain, and entities by status — for the rows the filters leave. Penalties
 * come from the latest snapshot kept on this computer; the team document holds none, so the chart says how many
 * entities were never seen here. Labels come from t(); the font stack has CJK fonts. Each chart has its figures
 * as a table beneath it, for screen readers and for copying.
 */
import { useEffect, useMemo, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import { Domain } from '#core';
import type { ChartFigures } from './charts-data.ts';
import { t } from '../../ui/i18n.ts';
import { CASE_STATUS_LABEL } from '../../ui/team-labels.ts';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);
Chart.defaults.font.family =
  '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", system-ui, sans-serif';

const DOMAIN_COLOURS: Record<Domain, string> = {
  FOOD: '#d9534f',
  DRUG_DEVICE_COSMETIC: '#8e44ad',
  QUALITY: '#2980b9',
  CONSUMER: '#e67e22',
  COMPETITION_ORDER: '#16a085',
  OTHER: '#7f8c8d',
};

function BarChart({ config, testId, label }: { config: ChartConfiguration<'bar'>; testId: string; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar'> | null>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    // No 2D context (a test DOM): the figures are still in the table below.
    if (!context) return undefined;
    chart.current = new Chart(context, config);
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [config]);
  return (
    <div className="chart-box">
      <canvas ref={canvas} data-testid={testId} role="img" aria-label={label} />
    </div>
  );
}

const options = (stacked: boolean, horizontal = false): ChartConfiguration<'bar'>['options'] => ({
  responsive: true,
  maintainAspectRatio: false,
  animation: false,
  indexAxis: horizontal ? 'y' : 'x',
  plugins: { legend: { display: stacked } },
  scales: { x: { stacked, ticks: { precision: 0 } }, y: { stacked, beginAtZero: true, ticks: { precision: 0 } } },
});

export function LedgerCharts({ figures }: { figures: ChartFigures }) {
  const domainLabels = Domain.options.map((d) => t(`domain_${d}`));
  const statusLabels = figures.byStatus.map(({ status }) => t(status ? CASE_STATUS_LABEL[status] : 'team_unset'));
  // One set of chart configurations per set of figures: a new configuration redraws the chart.
  const { monthly, perDomain, byStatus } = useMemo(() => configsOf(figures), [figures]);
  return render(figures, domainLabels, statusLabels, monthly, perDomain, byStatus);
}

function configsOf(figures: ChartFigures) {
  const domainLabels = Domain.options.map((d) => t(`domain_${d}`));
  const statusLabels = figures.byStatus.map(({ status }) => t(status ? CASE_STATUS_LABEL[status] : 'team_unset'));
  const monthly: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: figures.months,
      datasets: Domain.options.map((d, i) => ({ label: domainLabels[i]!, data: figures.byMonth[d], backgroundColor: DOMAIN_COLOURS[d] })),
    },
    options: options(true),
  };
  const perDomain: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: domainLabels,
      datasets: [
        {
          label: t('ledger_chart_penalties'),
          data: figures.byDomain.map((d) => d.count),
          backgroundColor: Domain.options.map((d) => DOMAIN_COLOURS[d]),
        },
      ],
    },
    options: options(false, true),
  };
  const byStatus: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: statusLabels,
      datasets: [{ label: t('ledger_chart_entities'), data: figures.byStatus.map((s) => s.count), backgroundColor: '#3b6fb6' }],
    },
    options: options(false, true),
  };
  return { monthly, perDomain, byStatus };
}

function render(
  figures: ChartFigures,
  domainLabels: string[],
  statusLabels: string[],
  monthly: ChartConfiguration<'bar'>,
  perDomain: ChartConfiguration<'bar'>,
  byStatus: ChartConfiguration<'bar'>,
) {
  return (
    <section className="ledger-charts" data-testid="ledger-charts">
      <p className="hint" data-testid="chart-coverage">
        {t('ledger_chart_coverage', figures.seen + figures.unseen, figures.seen, figures.unseen, figures.penalties)}
      </p>
      <div className="charts-grid">
        <figure className="wide">
          <figcaption>{t('ledger_chart_by_month')}</figcaption>
          {figures.months.length === 0 ? (
            <p className="empty" data-testid="chart-no-penalties">
              {t('ledger_chart_no_penalties')}
            </p>
          ) : (
            <BarChart config={monthly} testId="chart-by-month" label={t('ledger_chart_by_month')} />
          )}
        </figure>
        <figure>
          <figcaption>{t('ledger_chart_by_domain')}</figcaption>
          <BarChart config={perDomain} testId="chart-by-domain" label={t('ledger_chart_by_domain')} />
          <table className="figures" data-testid="chart-domain-figures">
            <tbody>
              {figures.byDomain.map((d, i) => (
                <tr key={d.domain}>
                  <th scope="row">{domainLabels[i]}</th>
                  <td>{d.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
        <figure>
          <figcaption>{t('ledger_chart_by_status')}</figcaption>
          <BarChart config={byStatus} testId="chart-by-status" label={t('ledger_chart_by_status')} />
          <table className="figures" data-testid="chart-status-figures">
            <tbody>
              {figures.byStatus.map((s, i) => (
                <tr key={s.status ?? 'none'}>
                  <th scope="row">{statusLabels[i]}</th>
                  <td>{s.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
      </div>
    </section>
  );
}
