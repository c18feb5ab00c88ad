/**
 * Page variants a test asks for with `?__sim=<variant>`, as the real site might change under the readers:
 * `renamed-columns` renames the penalty table's three telling headers (决定书文号 → 处罚文书编号, 违法行为类型 →
 * 违法事项, 行政处罚内容 → 处罚措施), which no reader knows, so only the team's site rules can make it read again.
 */
export const RENAMED_COLUMNS: Readonly<Record<string, string>> = {
  决定书文号: '处罚文书编号',
  违法行为类型: '违法事项',
  行政处罚内容: '处罚措施',
};

export function pageVariant(html: string, variant: string | null): string {
  if (variant !== 'renamed-columns') return html;
  let out = html;
  for (const [from, to] of Object.entries(RENAMED_COLUMNS)) out = out.split(`<th>${from}</th>`).join(`<th>${to}</th>`);
  return out;
}
