/**
 * The evidence ZIP (保存取证, docs/formats.md): the page as `creditlens parse` reads it, the page as the browser saves it
 * (MHTML, when allowed), what the overlay showed (record and assessment), the gsxt JSON replies the complete read
 * used, and a manifest hashing every file. Pure: the hash function comes in (crypto.subtle in the extension).
 */
import type { Assessment } from '../schemas/assessment.ts';
import {
  EVIDENCE_ASSESSMENT,
  EVIDENCE_FORMAT,
  EVIDENCE_MANIFEST,
  EVIDENCE_MHTML,
  EVIDENCE_PAGE,
  EVIDENCE_RECORD,
  EVIDENCE_SITE_RULES,
  EVIDENCE_VERSION,
  EvidenceManifest,
  type MhtmlState,
} from '../schemas/evidence.ts';
import type { EntityRecord } from '../schemas/record.ts';
import { DataTablesPage, type JsonSection, type SectionKind } from '../sites/sections.ts';
import type { ReaderInfo } from '../sites/site.ts';
import type { AppliedRules } from '../sites/applied-rules.ts';
import { writeZip, type ZipEntry } from '../lib/zip.ts';

export interface EvidenceInput {
  /** The page as a saved page (savedPageHtml), without the overlay's own elements. */
  html: string;
  mhtml: { state: Exclude<MhtmlState, 'included'> } | { state: 'included'; bytes: Uint8Array };
  record: EntityRecord;
  assessment: Assessment;
  /** The gsxt JSON replies the overlay's complete read applied (withJsonSections); none on other pages. */
  sections: readonly JsonSection[];
  url: string;
  observedAt: string;
  reader: ReaderInfo;
  officer?: string;
  extensionVersion: string;
  /** The team's site rules the reading applied (its aliases shape record.json); absent: read without any. */
  rules?: AppliedRules;
}

export type Sha256 = (data: Uint8Array) => Promise<string>;

const SECTION_FILE = /^sections\/(penalties|abnormal|serious)-([1-9]\d{0,3})\.json$/;

/** `sections/<kind>-<n>.json`, n from 1: one file per reply page, in the order they were read. */
export function sectionFiles(sections: readonly JsonSection[]): Array<{ name: string; text: string }> {
  return sections.flatMap((section) =>
    section.pages.map((page, i) => ({ name: `sections/${section.kind}-${i + 1}.json`, text: JSON.stringify(page) })),
  );
}

/** The JSON replies back from their files (names other than sections/… are ignored); throws on a reply that does not parse. */
export function sectionsFromFiles(files: ReadonlyArray<{ name: string; text: string }>): JsonSection[] {
  const pages = new Map<SectionKind, Array<{ n: number; page: DataTablesPage }>>();
  for (const file of files) {
    const m = SECTION_FILE.exec(file.name);
    if (!m) continue;
    const parsed = DataTablesPage.safeParse(JSON.parse(file.text));
    if (!parsed.success) throw new Error(`${file.name}: not a section reply`);
    const kind = m[1] as SectionKind;
    pages.set(kind, [...(pages.get(kind) ?? []), { n: Number(m[2]), page: parsed.data }]);
  }
  return [...pages].map(([kind, list]) => ({ kind, pages: list.sort((a, b) => a.n - b.n).map((p) => p.page) }));
}

export function isSectionFile(name: string): boolean {
  return SECTION_FILE.test(name);
}

/** `YYYY-MM-DD HH:mm:ss` in 北京时间 (UTC+8, no daylight saving since 1991). */
export function beijingTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** What a file name may not hold on Windows, macOS or Linux, and in the browser's download names (controls too). */
const UNSAFE = /[\\/:*?"<>|~]+/g;
const controls = (text: string) => Array.from(text, (c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f ? '_' : c)).join('');

/** `取证-<name>-<uscc>-<yyyyMMdd-HHmmss>.zip` (北京时间), safe as a file name on any system. */
export function evidenceFileName(entity: { name: string; uscc?: string }, observedAt: string): string {
  const stamp = beijingTime(observedAt).replace(/-/g, '').replace(' ', '-').replace(/:/g, '');
  const clean = (text: string) =>
    controls(text).replace(UNSAFE, '_').replace(/_{2,}/g, '_').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 80);
  return ['取证', clean(entity.name) || '_', ...(entity.uscc ? [clean(entity.uscc)] : []), stamp].join('-') + '.zip';
}

const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);

/** Builds the archive: every file hashed into the manifest, the manifest last. */
export async function evidenceZip(
  input: EvidenceInput,
  sha256: Sha256,
): Promise<{ zip: Uint8Array; manifest: EvidenceManifest; fileName: string }> {
  const encoder = new TextEncoder();
  const entries: ZipEntry[] = [
    { name: EVIDENCE_PAGE, data: encoder.encode(input.html) },
    { name: EVIDENCE_RECORD, data: json(input.record) },
    { name: EVIDENCE_ASSESSMENT, data: json(input.assessment) },
    ...sectionFiles(input.sections).map((file) => ({ name: file.name, data: encoder.encode(file.text) })),
    ...(input.mhtml.state === 'included' ? [{ name: EVIDENCE_MHTML, data: input.mhtml.bytes }] : []),
    // The rules go with the page: without them a re-read of a renamed column would not give record.json.
    ...(input.rules
      ? [
          {
            name: EVIDENCE_SITE_RULES,
            data: json({ format: 'creditlens-site-rules', version: input.rules.version, sites: { [input.reader.site]: input.rules.site } }),
          },
        ]
      : []),
  ].sort((a, b) => (a.name < b.name ? -1 : 1));
  const files = await Promise.all(
    entries.map(async (entry) => ({ name: entry.name, bytes: entry.data.byteLength, sha256: await sha256(entry.data) })),
  );
  const { entity } = input.record;
  const manifest = EvidenceManifest.parse({
    format: EVIDENCE_FORMAT,
    version: EVIDENCE_VERSION,
    url: input.url,
    observedAt: input.observedAt,
    observedAtBeijing: beijingTime(input.observedAt),
    entity: { name: entity.name, ...(entity.uscc ? { uscc: entity.uscc } : {}) },
    ...(input.officer ? { officer: input.officer } : {}),
    extensionVersion: input.extensionVersion,
    reader: input.reader,
    ...(input.rules ? { rulesVersion: input.rules.version } : {}),
    mhtml: input.mhtml.state,
    files,
  });
  // Stored (level 0) for the MHTML would save little time; deflate keeps the HTML and JSON small.
  const zip = writeZip([...entries, { name: EVIDENCE_MANIFEST, data: json(manifest) }]);
  return { zip, manifest, fileName: evidenceFileName(manifest.entity, input.observedAt) };
}
