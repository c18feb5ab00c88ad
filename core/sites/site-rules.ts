/**
 * Site rules: the team administrator's corrections to the readers, as data (MV3 forbids remote code). Per site and
 * layout (`*` for every layout of the site): extra label aliases (an alias is read as the label it names), a kill
 * switch that replaces the numbers with the administrator's message, and a minimum reader version below which the
 * reader is treated as disabled. Published on the team server (`site-rules publish`), fetched by the extension.
 */
import * as z from 'zod/mini';
import { SITE_IDS } from './site.ts';

const Text = z.string().check(z.trim(), z.minLength(1, '不能为空'), z.maxLength(100));
/** alias → the reader's own label it stands for (both as the page writes them). */
const AliasMap = z.record(Text, Text);

export const LayoutRules = z.strictObject({
  /** Field labels of the entity's facts (统一社会信用代码, 名称, …) and of Credit China's record groups. */
  fieldAliases: z.optional(AliasMap),
  /** Section titles (行政处罚信息, …). */
  sectionAliases: z.optional(AliasMap),
  /** Column headers of record tables (决定书文号, 处罚决定日期, …). */
  columnAliases: z.optional(AliasMap),
  /** The kill switch: the overlay shows this message instead of numbers. */
  disabled: z.optional(z.strictObject({ message: z.string().check(z.trim(), z.minLength(1, '不能为空'), z.maxLength(500)) })),
});
export type LayoutRules = z.infer<typeof LayoutRules>;

const Semver = z.string().check(z.regex(/^\d+\.\d+\.\d+$/, '应为 1.2.3 形式的版本号'));

export const SiteRulesForSite = z.strictObject({
  minReaderVersion: z.optional(Semver),
  /** Keyed by layout name (ReaderInfo.layout), or `*` for all layouts of the site. */
  layouts: z._default(z.record(z.string().check(z.minLength(1), z.maxLength(60)), LayoutRules), {}),
});
export type SiteRulesForSite = z.infer<typeof SiteRulesForSite>;

export const SiteRules = z.strictObject({
  format: z.literal('creditlens-site-rules'),
  /** Raised with every publication; the extension shows it and page reports carry it. */
  version: z.number().check(z.int(), z.positive()),
  publishedAt: z.optional(z.string()),
  sites: z.partialRecord(z.enum(SITE_IDS), SiteRulesForSite),
});
export type SiteRules = z.infer<typeof SiteRules>;

// Pure helpers live with the readers' side (applied-rules.ts): the content scripts use them without this file's schemas.
export { layoutRules, olderVersion } from './applied-rules.ts';
