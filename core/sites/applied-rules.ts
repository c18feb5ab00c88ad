/**
 * The team's site rules as a reader applies them to one page: aliases put in the readers' own label form
 * (labelForm, as every header and label is compared) and looked up as plain text, never compiled into a pattern, so
 * no rule can make a reader crash or loop; the kill switch and the minimum reader version turn into a `disabled`
 * reading with the administrator's (or our) message.
 */
import { labelForm, toHalfWidth } from '../lib/text.ts';
import type { LayoutRules, SiteRules, SiteRulesForSite } from './site-rules.ts';
import type { SiteId } from './site.ts';

/** What a caller hands an adapter: the rules of its site and the version of the file they came from. */
export interface AppliedRules {
  version: number;
  site: SiteRulesForSite;
}

/** The rules of one site out of a published file, or of a stored copy of it (undefined: it has none for the site). */
export function rulesForSite(
  rules: (Pick<SiteRules, 'version'> & { sites: Partial<Record<string, SiteRulesForSite>> }) | null | undefined,
  site: SiteId,
): AppliedRules | undefined {
  const own = rules?.sites[site];
  return rules && own ? { version: rules.version, site: own } : undefined;
}

/** The rules of one layout of a site: its own merged over the site's `*` (the layout's entries win). */
export function layoutRules(rules: SiteRulesForSite | undefined, layout: string): LayoutRules {
  const all = rules?.layouts['*'] ?? {};
  const own = rules?.layouts[layout] ?? {};
  return {
    fieldAliases: { ...all.fieldAliases, ...own.fieldAliases },
    sectionAliases: { ...all.sectionAliases, ...own.sectionAliases },
    columnAliases: { ...all.columnAliases, ...own.columnAliases },
    ...((own.disabled ?? all.disabled) ? { disabled: own.disabled ?? all.disabled } : {}),
  };
}

/** a < b for 1.2.3 versions. */
export function olderVersion(a: string, b: string): boolean {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) < (pb[i] ?? 0);
  return false;
}

/** alias → the reader's own text, both in label form. */
export type Aliases = ReadonlyMap<string, string>;

const NONE: Aliases = new Map();

/** Longest alias first: a longer alias holding a shorter one is replaced whole. */
function aliasMap(map: Readonly<Record<string, string>> | undefined): Aliases {
  const out = new Map<string, string>();
  const entries = Object.entries(map ?? {}).sort((a, b) => labelForm(b[0]).length - labelForm(a[0]).length);
  for (const [alias, own] of entries) {
    const from = labelForm(alias);
    const to = labelForm(own);
    // An alias of itself, or of nothing, changes nothing.
    if (from !== '' && to !== '' && from !== to) out.set(from, to);
  }
  return out;
}

/** The rules of one page's layout, ready to use. */
export interface PageRules {
  /** Set when rules were handed in: the version every result names. */
  version?: number;
  /** Why the reader must not read (kill switch, or a reader older than the team requires). */
  disabled?: string;
  columns: Aliases;
  fields: Aliases;
  sections: Aliases;
}

export const NO_RULES: PageRules = { columns: NONE, fields: NONE, sections: NONE };

export function pageRules(rules: AppliedRules | undefined, layout: string, readerVersion: string): PageRules {
  if (!rules) return NO_RULES;
  const own = layoutRules(rules.site, layout);
  const min = rules.site.minReaderVersion;
  const tooOld =
    min !== undefined && olderVersion(readerVersion, min) ? `读取程序版本 ${readerVersion} 低于团队要求的 ${min}，请更新扩展。` : undefined;
  const disabled = own.disabled?.message ?? tooOld;
  return {
    version: rules.version,
    ...(disabled !== undefined ? { disabled } : {}),
    columns: aliasMap(own.columnAliases),
    fields: aliasMap(own.fieldAliases),
    sections: aliasMap(own.sectionAliases),
  };
}

/** A header or label in label form, as the reader knows it. */
export function known(aliases: Aliases, label: string): string {
  return aliases.get(label) ?? label;
}

/** A label table ([label, key], longest first) with each alias of one of its labels added as that label. */
export function withAliases<K extends string>(
  table: ReadonlyArray<readonly [string, K]>,
  aliases: Aliases,
): ReadonlyArray<readonly [string, K]> {
  if (aliases.size === 0) return table;
  const extra: (readonly [string, K])[] = [];
  for (const [alias, own] of aliases) {
    const key = table.find(([label]) => label === own)?.[1];
    if (key !== undefined && !table.some(([label]) => label === alias)) extra.push([alias, key]);
  }
  if (extra.length === 0) return table;
  return [...table, ...extra].sort((a, b) => b[0].length - a[0].length);
}

/**
 * Text with each section-title alias written as the title it stands for (longest alias first), so the readers'
 * title patterns match it. Plain string replacement: the result is at most as long as the text times the longest
 * title, whatever the aliases say.
 */
export function withKnownTitles(aliases: Aliases, text: string): string {
  if (aliases.size === 0) return text;
  // Aliases are half-width (label form); the page's text is compared in the same form.
  let out = toHalfWidth(text);
  let changed = false;
  for (const [alias, own] of aliases) {
    if (!out.includes(alias)) continue;
    out = out.split(alias).join(own);
    changed = true;
  }
  return changed ? out : text;
}
