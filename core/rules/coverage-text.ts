/** "已读取 2/5 条" — how much of a section was read, for findings about sections the page did not show whole. */
import type { LocalText, SectionCoverage } from '../schemas/assessment.ts';

export function coverageText(c: SectionCoverage): LocalText {
  if (c.total === null) return { zh: `已读取 ${c.read} 条，页面未显示总数`, en: `${c.read} read, no total stated` };
  return { zh: `已读取 ${c.read}/${c.total} 条`, en: `${c.read} of ${c.total} read` };
}
