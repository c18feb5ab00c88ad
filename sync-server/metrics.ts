/**
 * GET /metrics in Prometheus' text format. Updates per second is measured over the last ten seconds here, for a
 * reader without Prometheus; with Prometheus, rate(creditlens_updates_total[1m]) says the same.
 */

export type MetricsSource = {
  connections(): number;
  documents(): number;
  updatesTotal(): number;
  commitsTotal(): number;
  bytesStored(): number;
  readonlyDropped(): number;
  malformed(): number;
  rateLimited(): number;
  refused(): number;
  /** Page reports received by this instance since it started, per site and layout. */
  pageReports(): readonly { site: string; layout: string; count: number }[];
};

/** A label value as Prometheus' text format wants it: backslash, double quote and line feed escaped. */
export const labelValue = (value: string): string => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** Page reports counted per site and layout (as the reader named them), for /metrics. */
export class PageReportCounts {
  readonly #counts = new Map<string, { site: string; layout: string; count: number }>();

  add(site: string, layout: string): void {
    const key = JSON.stringify([site, layout]);
    const entry = this.#counts.get(key) ?? { site, layout, count: 0 };
    entry.count++;
    this.#counts.set(key, entry);
  }

  rows(): { site: string; layout: string; count: number }[] {
    return [...this.#counts.values()];
  }
}

export class UpdateRate {
  readonly #samples: { at: number; total: number }[] = [];

  sample(at: number, total: number): void {
    this.#samples.push({ at, total });
    while (this.#samples.length > 11) this.#samples.shift();
  }

  perSecond(): number {
    const first = this.#samples[0];
    const last = this.#samples.at(-1);
    if (!first || !last || last.at === first.at) return 0;
    return ((last.total - first.total) * 1000) / (last.at - first.at);
  }
}

export function metricsText(source: MetricsSource, rate: UpdateRate): string {
  const lines: string[] = [];
  const metric = (name: string, type: 'gauge' | 'counter', help: string, value: number): void => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${Number.isFinite(value) ? value : 0}`);
  };
  metric('creditlens_connections', 'gauge', 'Open WebSocket connections.', source.connections());
  metric('creditlens_documents_in_memory', 'gauge', 'Team documents loaded in memory.', source.documents());
  metric('creditlens_updates_total', 'counter', 'Document updates applied.', source.updatesTotal());
  metric(
    'creditlens_updates_per_second',
    'gauge',
    'Document updates applied per second over the last 10 s.',
    Math.round(rate.perSecond() * 10) / 10,
  );
  metric('creditlens_commits_total', 'counter', 'Store transactions committing updates.', source.commitsTotal());
  metric('creditlens_bytes_stored', 'gauge', 'Bytes of the store (documents and accounts).', source.bytesStored());
  metric('creditlens_readonly_updates_dropped_total', 'counter', 'Updates from readonly users, dropped.', source.readonlyDropped());
  metric(
    'creditlens_malformed_messages_total',
    'counter',
    'Frames that were not protocol messages (connection closed).',
    source.malformed(),
  );
  metric('creditlens_rate_limited_total', 'counter', 'Connections closed for sending updates too fast.', source.rateLimited());
  metric(
    'creditlens_connections_refused_total',
    'counter',
    'Connections refused (401, 403, 404 or over a connection limit).',
    source.refused(),
  );
  lines.push(
    '# HELP creditlens_page_reports_total Page reports received, per site and layout (as the reader named them).',
    '# TYPE creditlens_page_reports_total counter',
  );
  for (const { site, layout, count } of source.pageReports()) {
    lines.push(`creditlens_page_reports_total{site="${labelValue(site)}",layout="${labelValue(layout)}"} ${count}`);
  }
  return `${lines.join('\n')}\n`;
}
