/**
 * The background's handlers for 保存取证: the evidence ZIP (core evidenceZip) of a credit page — asked by the overlay
 * for its own tab, or by the popup for the current tab; the page read in the tab as the overlay reads it — downloaded
 * and listed in the local evidence index.
 * Only the public page and our reading of it go in: the team user's name as officer, never notes, team data or token.
 */
import { assessRecord, chinaDateOfEpochMs, entityKey, evidenceZip, type IsoDate, type MhtmlState, type RuleSettings } from '#core';
import type { CreditLensDb } from '../storage/db.ts';
import { addEvidence, evidenceByDownload, evidenceOf } from '../storage/evidence-index.ts';
import type { TeamBackend } from '../sync/team-service.ts';
import { UserError } from '../ui/errors.ts';
import { EvidenceReading } from './protocol.ts';
import type { Handlers } from './router.ts';

/** What the handlers need from the browser (background/evidence.ts gives the real ones). */
export interface EvidenceEnv {
  extensionVersion: string;
  /** The tab's page as MHTML, or why there is none. */
  mhtml(tabId: number): Promise<{ state: 'included'; bytes: Uint8Array } | { state: Exclude<MhtmlState, 'included'> }>;
  /** The reading of the page in the tab's top frame (overlay/evidence-reading.ts, injected; null: no entity page there). */
  collect(tabId: number): Promise<unknown>;
  /** The rule settings the overlay assesses with. */
  ruleSettings(): Promise<RuleSettings>;
  /** Saves the bytes in the download folder under `fileName`; the browser's download id. */
  download(zip: Uint8Array, fileName: string): Promise<number>;
  /** Shows a downloaded file in its folder; false when it is no longer there. */
  show(downloadId: number): Promise<boolean>;
  sha256(data: Uint8Array): Promise<string>;
}

export const NO_EVIDENCE: EvidenceEnv = {
  extensionVersion: '0.0.0',
  mhtml: async () => ({ state: 'unsupported' }),
  collect: async () => null,
  ruleSettings: async () => {
    throw new Error('no settings');
  },
  download: async () => {
    throw new UserError('evidence_download_failed', [], 'no downloads here');
  },
  show: async () => false,
  sha256: async () => {
    throw new Error('no hash function');
  },
};

type EvidenceHandlers = Pick<Handlers, 'evidence:save' | 'evidence:tab' | 'evidence:list' | 'evidence:show'>;

export function evidenceHandlersFor(db: CreditLensDb, team: TeamBackend, env: EvidenceEnv, now: () => string): EvidenceHandlers {
  const take = async (tabId: number) => {
    const read = EvidenceReading.nullable().safeParse(await env.collect(tabId).catch(() => null));
    if (!read.success) throw new UserError('evidence_no_page', [], 'the tab\u2019s reading does not parse');
    if (read.data === null) throw new UserError('evidence_no_page', [], 'no entity page read in the tab');
    const reading = read.data;
    // Assessed as the overlay assesses: the same settings, on the China date of the reading.
    const asOf = chinaDateOfEpochMs(Date.parse(reading.observedAt)) as IsoDate;
    const assessment = assessRecord(reading.record, { asOf, settings: await env.ruleSettings() });
    const status = await team.status();
    // Who took it, only as the team knows them now: no name is taken from anywhere else.
    const officer = status.state === 'connected' && status.claims ? status.claims.sub : undefined;
    const mhtml = await env.mhtml(tabId);
    const { zip, manifest, fileName } = await evidenceZip(
      {
        ...reading,
        assessment,
        mhtml,
        ...(officer ? { officer } : {}),
        extensionVersion: env.extensionVersion,
      },
      env.sha256,
    );
    let downloadId: number;
    try {
      downloadId = await env.download(zip, fileName);
    } catch (error) {
      throw error instanceof UserError ? error : new UserError('evidence_download_failed', [], String(error));
    }
    await addEvidence(db, {
      entityKey: entityKey(reading.record.entity),
      takenAt: now(),
      observedAt: reading.observedAt,
      fileName,
      downloadId,
      mhtml: manifest.mhtml,
    });
    return { ok: true as const, fileName, mhtml: manifest.mhtml };
  };
  return {
    'evidence:save': async (_, from) => {
      // The overlay of a tab's top frame, for that tab: the tab is the browser's word, never the message's.
      if (from.extensionPage || from.tabId === undefined || from.frameId !== 0)
        throw new Error('evidence is saved for the overlay\u2019s own tab only');
      return take(from.tabId);
    },
    'evidence:tab': async ({ tabId }) => take(tabId),
    'evidence:list': async ({ entityKey: key }) => ({ ok: true, entries: await evidenceOf(db, key) }),
    'evidence:show': async ({ downloadId }) => {
      // Only files this index holds: a page of ours shows evidence, not any download of the browser.
      if (!(await evidenceByDownload(db, downloadId))) return { ok: true, shown: false };
      return { ok: true, shown: await env.show(downloadId) };
    },
  };
}
