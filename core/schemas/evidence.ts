/**
 * The evidence ZIP's manifest (保存取证, docs/formats.md): what was captured, when, by whom, with which reader, and the
 * SHA-256 of every other file in the archive — what `creditlens verify-evidence` checks a ZIP against.
 */
import * as z from 'zod';
import { ReaderInfo } from '../sites/site.ts';

export const EVIDENCE_FORMAT = 'creditlens-evidence';
export const EVIDENCE_VERSION = 1;

/** The manifest's own name; every other entry is listed in it with its hash. */
export const EVIDENCE_MANIFEST = 'manifest.json';
export const EVIDENCE_PAGE = 'page.html';
export const EVIDENCE_MHTML = 'page.mhtml';
export const EVIDENCE_RECORD = 'record.json';
export const EVIDENCE_ASSESSMENT = 'assessment.json';
/** The team's site rules the page was read with (a site-rules file holding the one site), when any. */
export const EVIDENCE_SITE_RULES = 'site-rules.json';

/**
 * included: page.mhtml is in the archive; not-granted: the user has not allowed page capture (pageCapture is optional);
 * unsupported: the browser has none (Firefox); failed: the browser refused or failed the capture.
 */
export const MhtmlState = z.enum(['included', 'not-granted', 'unsupported', 'failed']);
export type MhtmlState = z.infer<typeof MhtmlState>;

/** A file's name inside the archive: relative, forward slashes, no `..` (what core's writeZip accepts). */
const EntryName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[^\\]+$/);

export const EvidenceFile = z.strictObject({
  name: EntryName,
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type EvidenceFile = z.infer<typeof EvidenceFile>;

export const EvidenceManifest = z.strictObject({
  format: z.literal(EVIDENCE_FORMAT),
  version: z.literal(EVIDENCE_VERSION),
  /** The page's address as the browser showed it. */
  url: z.url(),
  /** The instant of the reading (UTC, ISO 8601) — the record's source.observedAt — and the same in 北京时间. */
  observedAt: z.iso.datetime(),
  observedAtBeijing: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
  /** The entity as the page named it. */
  entity: z.strictObject({ name: z.string().max(300), uscc: z.string().max(30).optional() }),
  /** The team user who took it (the token's subject) when connected to the team; absent otherwise. */
  officer: z.string().min(1).max(100).optional(),
  extensionVersion: z.string().min(1).max(50),
  reader: ReaderInfo,
  /** The site-rules version applied while reading, when any. */
  rulesVersion: z.number().int().positive().optional(),
  mhtml: MhtmlState,
  /** Every other file of the archive, sorted by name. */
  files: z.array(EvidenceFile).min(1),
});
export type EvidenceManifest = z.infer<typeof EvidenceManifest>;
