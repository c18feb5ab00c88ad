/**
 * The entity's basic information (照面信息) from its labels, whatever the layout: name, credit code or 注册号,
 * legal representative under any of its titles, status, registration authority, date of establishment.
 */
import { parseSiteDate } from '../../lib/dates.ts';
import { normalizeIdentifier, validateIdentifier } from '../../lib/identifiers.ts';
import type { Entity, EntityKind } from '../../schemas/record.ts';
import { labelForm } from '../../lib/text.ts';
import { COLUMN_LIKE, COLUMN_WORDS, SECTION_TITLE } from './field-words.ts';
import { readLabels, type LabelTable } from './labels.ts';
import { withAliases, type Aliases } from '../applied-rules.ts';
import { recordTables } from './tables.ts';
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
  ['经营者', 'operator'],
  ['投资人', 'legalRepresentative'],
  ['执行事务合伙人', 'legalRepresentative'],
  ['首席代表', 'legalRepresentative'],
  ['登记状态', 'status'],
  ['经营状态', 'status'],
  ['登记机关', 'registrationAuthority'],
  ['成立日期', 'establishedOn'],
  ['注册日期', 'establishedOn'],
  ['设立日期', 'establishedOn'],
  ['组成形式', 'form'],
  ['成员出资总额', 'memberCapital'],
  ['类型', 'type'],
  ['企业类型', 'type'],
  ['主体类型', 'type'],
].sort((a, b) => (b[0] as string).length - (a[0] as string).length) as unknown as LabelTable;

/** Site names that head every page and are never the entity's name. */
const SITE_TITLES = /国家企业信用信息公示系统|信用中国|信息公示系统|^企业信用信息$/;
/** "注册资本：100万": another label with its value, never a name, person, authority or status (none holds a colon). */
const LABEL_TEXT = /^[\p{Script=Han}\s]{1,12}[:：]/u;
/**
 * What the inline pass must find before it stops: one identifier, the name and the fields of the header. Kind-only
 * labels (组成形式, 类型…) are read from label cells, not worth a scan of the whole page.
 */
const ENOUGH: ReadonlyArray<readonly string[]> = [
  ['name'],
  ['code', 'uscc', 'regNo'],
  ['legalRepresentative', 'operator'],
  ['status'],
  ['registrationAuthority'],
  ['establishedOn'],
];
const FIELD_KEYS = new Set(['name', 'legalRepresentative', 'operator', 'status', 'registrationAuthority']);

/** A field label or column header: what a header row holds, never a name, authority, person or status. */
export function isFieldWord(text: string): boolean {
  const label = labelForm(text);
  return COLUMN_WORDS.has(label) || ENTITY_LABELS.some(([l]) => l === label) || COLUMN_LIKE.test(label) || SECTION_TITLE.test(label);
}

/**
 * Where a heading's name ends: the 注册号 / credit code it also shows, or a banner (“该企业已列入…”, quoted or not).
 * A quote alone never ends it: names may hold quotes, and a name cut short is a wrong name.
 */
const HEADING_TAIL = /\s*(注册号|统一社会信用代码|[“"「]?\s*该(企业|个体工商户|农民专业合作社|主体|单位)).*$/;

function headingName(text: string): string | null {
  const name = text
    .replace(HEADING_TAIL, '')
    .replace(/^[>\s·]+/, '')
    .trim();
  if (name.length < 2 || name.length > 80 || SITE_TITLES.test(name) || isFieldWord(name)) return null;
  return /[\p{Script=Han}A-Za-z]/u.test(name) ? name : null;
}

/**
 * The page heading: its titled element when it has one (2017: h1 > dd[title]), else its text without the code
 * and banner it may also carry (#gsh2). Site and section titles are skipped.
 */
function nameFromHeading(root: ParentNode, t: PageText): string | null {
  for (const h of all(root, 'h1, h2, #entName')) {
    const titled =
      h.querySelector('[title]')?.getAttribute('title')?.trim() ?? (h.id === 'entName' ? h.getAttribute('title')?.trim() : undefined);
    const name = (titled && headingName(titled)) || headingName(t.of(h));
    if (name) return name;
  }
  return null;
}

/** The first credit code (18 symbols) or 注册号 (15 digits) in a value; text around it (电子营业执照 …) is left. */
function identifierOf(value: string): { uscc?: string; regNo?: string } {
  const text = normalizeIdentifier(value);
  const code =
    /(?<![0-9A-Z])[0-9A-Z]{18}(?![0-9A-Z])/.exec(text)?.[0] ??
    /(?<!\d)\d{15}(?!\d)/.exec(text)?.[0] ??
    /(?<![0-9A-Z])\d{6}NA\d{6}[\dX](?![0-9A-Z])/.exec(text)?.[0] ??
    /(?<!\d)\d{13}(?!\d)/.exec(text)?.[0];
  if (!code) return {};
  const kind = validateIdentifier(code).kind;
  // Legacy numbers (13 digits, cooperatives' …NA…) have no check digit, but they are the entity's number all the same.
  return kind === 'uscc' ? { uscc: code } : kind === 'regNo' || kind === 'regNo-legacy' ? { regNo: code } : {};
}

/** The kind of entity the basic information shows, when it shows one. */
function kindOf(labels: ReadonlyMap<string, string>): EntityKind | undefined {
  const type = labels.get('type') ?? '';
  if (labels.has('memberCapital') || /农民专业合作社/.test(type)) return 'COOPERATIVE';
  if (labels.has('operator') || labels.has('form') || /个体工商户/.test(type)) return 'INDIVIDUAL';
  return undefined;
}

/** The entity as the page shows it, or null when the page names no entity. */
/** `fields`: the team's label aliases (site rules), read as the labels they stand for. */
export function readEntity(root: ParentNode, t: PageText, fallbackName?: string, fields: Aliases = new Map()): Entity | null {
  const labels = readLabels(root, withAliases(ENTITY_LABELS, fields), t, {
    skipTables: recordTables(root, t),
    enough: (found) => ENOUGH.every((keys) => keys.some((key) => found.has(key))),
    // Any word of it a field word (a title between a label and its value): not the value.
    accept: (key, value) => !FIELD_KEYS.has(key) || (!value.split(/\s+/).some(isFieldWord) && !LABEL_TEXT.test(value)),
  });
  const name = labels.get('name') ?? nameFromHeading(root, t) ?? fallbackName;
  if (!name) return null;
  const entity: Entity = { name };
  const ids = {
    ...identifierOf(labels.get('code') ?? ''),
    ...identifierOf(labels.get('regNo') ?? ''),
    ...identifierOf(labels.get('uscc') ?? ''),
  };
  if (ids.uscc) entity.uscc = ids.uscc;
  if (ids.regNo) entity.regNo = ids.regNo;
  const person = labels.get('legalRepresentative') ?? labels.get('operator');
  if (person) entity.legalRepresentative = person;
  for (const key of ['status', 'registrationAuthority'] as const) {
    const value = labels.get(key);
    if (value) entity[key] = value;
  }
  const established = parseSiteDate(labels.get('establishedOn') ?? '');
  if (established) entity.establishedOn = established;
  const kind = kindOf(labels);
  if (kind) entity.kind = kind;
  return entity;
}
