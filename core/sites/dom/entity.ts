/**
 * The entity's basic information (照面信息) from its labels, whatever the layout: name, credit code or 注册号,
 * legal representative under any of its titles, status, registration authority, date of establishment.
 */
import { parseSiteDate } from '../../lib/dates.ts';
import { normalizeIdentifier, validateIdentifier } from '../../lib/identifiers.ts';
import type { Entity } from '../../schemas/record.ts';
import { readLabels, type LabelTable } from './labels.ts';
import { all, type PageText } from './text.ts';

const ENTITY_LABELS: LabelTable = [
  ['统一社会信用代码/注册号', 'code'],
  ['注册号/统一社会信用代码', 'code'],
  ['统一社会信用代码', 'uscc'],
  ['注册号', 'regNo'],
  ['企业名称', 'name'],
  ['主体名称', 'name'],
  ['名称', 'name'],
  ['字号名称', 'name'],
  ['法定代表人/负责人/经营者', 'legalRepresentative'],
  ['法定代表人/经营者/负责人', 'legalRepresentative'],
  ['法定代表人', 'legalRepresentative'],
  ['负责人', 'legalRepresentative'],
  ['经营者', 'legalRepresentative'],
  ['投资人', 'legalRepresentative'],
  ['执行事务合伙人', 'legalRepresentative'],
  ['首席代表', 'legalRepresentative'],
  ['登记状态', 'status'],
  ['经营状态', 'status'],
  ['登记机关', 'registrationAuthority'],
  ['成立日期', 'establishedOn'],
  ['注册日期', 'establishedOn'],
  ['设立日期', 'establishedOn'],
].sort((a, b) => (b[0] as string).length - (a[0] as string).length) as unknown as LabelTable;

/** Site names that head every page and are never the entity's name. */
const SITE_TITLES = /国家企业信用信息公示系统|信用中国|信息公示系统/;

/** The page heading: its titled element when it has one (2017: h1 > dd[title]), else its whole text. */
function nameFromHeading(root: ParentNode, t: PageText): string | null {
  for (const h of all(root, 'h1, h2')) {
    const titled = h.querySelector('[title]')?.getAttribute('title')?.trim();
    const text = titled || t.of(h);
    if (text && !SITE_TITLES.test(text) && text.length <= 80) return text;
  }
  return null;
}

/** The first credit code (18 symbols) or 注册号 (15 digits) in a value; text around it (电子营业执照 …) is left. */
function identifierOf(value: string): { uscc?: string; regNo?: string } {
  const text = normalizeIdentifier(value);
  const code = /(?<![0-9A-Z])[0-9A-Z]{18}(?![0-9A-Z])/.exec(text)?.[0] ?? /(?<!\d)\d{15}(?!\d)/.exec(text)?.[0];
  if (!code) return {};
  const kind = validateIdentifier(code).kind;
  return kind === 'uscc' ? { uscc: code } : kind === 'regNo' ? { regNo: code } : {};
}

/** The entity as the page shows it, or null when the page names no entity. */
export function readEntity(root: ParentNode, t: PageText, fallbackName?: string): Entity | null {
  const labels = readLabels(root, ENTITY_LABELS, t);
  const name = labels.get('name') ?? nameFromHeading(root, t) ?? fallbackName;
  if (!name) return null;
  const entity: Entity = { name };
  const ids = { ...identifierOf(labels.get('code') ?? ''), ...identifierOf(labels.get('regNo') ?? ''), ...identifierOf(labels.get('uscc') ?? '') };
  if (ids.uscc) entity.uscc = ids.uscc;
  if (ids.regNo) entity.regNo = ids.regNo;
  for (const key of ['legalRepresentative', 'status', 'registrationAuthority'] as const) {
    const value = labels.get(key);
    if (value) entity[key] = value;
  }
  const established = parseSiteDate(labels.get('establishedOn') ?? '');
  if (established) entity.establishedOn = established;
  return entity;
}
