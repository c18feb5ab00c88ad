/**
 * `creditlens verify-evidence FILE.zip`: checks an evidence ZIP (保存取证, docs/formats.md) — every file's SHA-256 as
 * the manifest lists it, no file unlisted, and page.html read again by the manifest's reader at the manifest's time
 * (with the gsxt JSON replies and the site rules it holds) giving exactly record.json. Exit 0: intact and reproduced; 1: altered or
 * different (each problem named); 2: not a readable evidence file.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import {
  EVIDENCE_MANIFEST,
  EVIDENCE_PAGE,
  EVIDENCE_RECORD,
  EVIDENCE_SITE_RULES,
  EvidenceManifest,
  SiteRules,
  isSectionFile,
  problemLines,
  problemsOf,
  sectionsFromFiles,
  siteById,
  type ParseResult,
} from '#core';
import { readZipEntry, zipEntryNames } from '../../packaging/crx/zip.ts';
import { parseHtml } from '../html.ts';
import { EXIT, InputError, type Io } from '../io.ts';
import { jsonDifferences } from '../json-diff.ts';
import { MAX_NESTING, nestingDepth } from '../nesting.ts';

/** page.mhtml of a long page can be large; anything past this is no evidence file of ours. */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

export async function verifyEvidence(args: readonly string[], io: Io): Promise<number> {
  const [file, ...rest] = args;
  if (file === undefined || rest.length > 0 || file.startsWith('-')) throw new InputError(['usage: creditlens verify-evidence FILE.zip']);
  const zip = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new InputError([`${file}: cannot read: ${error.code ?? error.message}`]);
  });
  const { manifest, names } = readManifest(file, zip);
  const problems: string[] = [];
  const entry = (name: string): Buffer | undefined => {
    try {
      return readZipEntry(zip, name, MAX_ENTRY_BYTES);
    } catch (error) {
      problems.push(`${name}: 文件损坏 damaged (${error instanceof Error ? error.message : String(error)})`);
      return undefined;
    }
  };
  const listed = new Set(manifest.files.map((f) => f.name));
  for (const name of names)
    if (name !== EVIDENCE_MANIFEST && !listed.has(name)) problems.push(`${name}: 清单未列出 not listed in the manifest`);
  if (names.length !== new Set(names).size) problems.push('同名文件重复 an entry name appears twice');
  const texts = new Map<string, string>();
  for (const listedFile of manifest.files) {
    const data = entry(listedFile.name);
    if (data === undefined) {
      if (names.includes(listedFile.name)) continue;
      problems.push(`${listedFile.name}: 缺失 missing`);
      continue;
    }
    const sha256 = createHash('sha256').update(data).digest('hex');
    if (sha256 !== listedFile.sha256 || data.length !== listedFile.bytes)
      problems.push(`${listedFile.name}: SHA-256 与清单不符 differs from the manifest`);
    if ([EVIDENCE_PAGE, EVIDENCE_RECORD, EVIDENCE_SITE_RULES].includes(listedFile.name) || isSectionFile(listedFile.name))
      texts.set(listedFile.name, data.toString('utf8'));
  }
  problems.push(...(await reread(manifest, texts)));
  if (problems.length > 0) {
    io.out(`取证文件未通过校验 evidence NOT verified: ${file}\n${problems.map((p) => `  ✗ ${p}\n`).join('')}`);
    return EXIT.negative;
  }
  io.out(
    `取证文件校验通过 evidence verified: ${file}\n  ${manifest.files.length} 个文件哈希一致 files match their SHA-256; 重新读取 page.html 与 record.json 一致 the re-read equals record.json\n`,
  );
  return EXIT.ok;
}

function readManifest(file: string, zip: Buffer): { manifest: EvidenceManifest; names: string[] } {
  let names: string[];
  let text: Buffer | undefined;
  try {
    names = zipEntryNames(zip);
    text = readZipEntry(zip, EVIDENCE_MANIFEST, 1024 * 1024);
  } catch (error) {
    throw new InputError([`${file}: 不是可读的 ZIP not a readable zip: ${error instanceof Error ? error.message : String(error)}`]);
  }
  if (text === undefined) throw new InputError([`${file}: 没有 ${EVIDENCE_MANIFEST}, not an evidence file`]);
  let json: unknown;
  try {
    json = JSON.parse(text.toString('utf8'));
  } catch (error) {
    throw new InputError([`${file}: ${EVIDENCE_MANIFEST}: invalid JSON: ${(error as Error).message}`]);
  }
  const parsed = EvidenceManifest.safeParse(json);
  if (!parsed.success) throw new InputError(problemLines(problemsOf(parsed.error)).map((line) => `${file}: ${EVIDENCE_MANIFEST}: ${line}`));
  return { manifest: parsed.data, names };
}

/** page.html read again at the manifest's time and address, with the section replies; compared with record.json. */
async function reread(manifest: EvidenceManifest, texts: ReadonlyMap<string, string>): Promise<string[]> {
  const html = texts.get(EVIDENCE_PAGE);
  const recordText = texts.get(EVIDENCE_RECORD);
  if (html === undefined || recordText === undefined)
    return [`${html === undefined ? EVIDENCE_PAGE : EVIDENCE_RECORD}: 无法重新读取 cannot be read again`];
  let stored: unknown;
  try {
    stored = JSON.parse(recordText);
  } catch {
    return [`${EVIDENCE_RECORD}: 不是 JSON not JSON`];
  }
  if (nestingDepth(html) > MAX_NESTING) return [`${EVIDENCE_PAGE}: 嵌套过深，无法读取 nests too deep to read`];
  const rules = siteRulesOf(manifest, texts.get(EVIDENCE_SITE_RULES));
  if (typeof rules === 'string') return [rules];
  const site = siteById(manifest.reader.site);
  let result: ParseResult = await parseHtml(html, new URL(manifest.url), manifest.observedAt, site, rules);
  if (!result.ok) return [`${EVIDENCE_PAGE}: 重新读取未读懂 not understood when read again (${result.reason})`];
  try {
    const sections = sectionsFromFiles([...texts].map(([name, text]) => ({ name, text })));
    // Replies are only taken by a site that reads its sections from its own endpoints.
    if (sections.length > 0) result = site.completeRead ? site.completeRead.merge(result, sections) : result;
  } catch (error) {
    return [`sections: ${error instanceof Error ? error.message : String(error)}`];
  }
  if (!result.ok) return [`${EVIDENCE_PAGE}: 重新读取未读懂 not understood when read again (${result.reason})`];
  return jsonDifferences(stored, JSON.parse(JSON.stringify(result.record))).map(
    (path) => `${EVIDENCE_RECORD}: ${path} 与重新读取的结果不同 differs from the re-read page`,
  );
}

/** The site rules the page was read with (site-rules.json, of the manifest's rules version), or why they cannot be used. */
function siteRulesOf(manifest: EvidenceManifest, text: string | undefined): SiteRules | undefined | string {
  if (text === undefined)
    return manifest.rulesVersion === undefined ? undefined : `${EVIDENCE_SITE_RULES}: 缺失，无法按当时的站点规则重新读取 missing`;
  let parsed: ReturnType<typeof SiteRules.safeParse>;
  try {
    parsed = SiteRules.safeParse(JSON.parse(text));
  } catch {
    return `${EVIDENCE_SITE_RULES}: 不是 JSON not JSON`;
  }
  if (!parsed.success) return `${EVIDENCE_SITE_RULES}: 不是站点规则文件 not a site-rules file`;
  if (parsed.data.version !== manifest.rulesVersion) return `${EVIDENCE_SITE_RULES}: 版本与清单不符 version differs from the manifest`;
  return parsed.data;
}
