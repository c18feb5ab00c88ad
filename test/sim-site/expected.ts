/**
 * The parse result a correct site adapter must return for each saved page, computed from the truth data and from
 * what each layout shows (never from a parser): entity fields visible on the page, the rows rendered on it in page
 * order with ids P1…/A1…/S1…, and each list's total as the page states it.
 */
import type { AbnormalListingInput, Entity, PenaltyInput, SeriousListingInput } from '#core';
import { ENTITIES, OBSERVED_AT, pageUrl, type SimPage, type SiteId } from './entities.ts';
import { CREDITCHINA_PAGE_SIZE } from './render/creditchina.ts';
import { PAGE_LENGTH } from './sections.ts';

export interface ListCompleteness {
  read: number;
  /** The page's own count; 0 when it says there are none; null when it states no count. */
  total: number | null;
  from: 'dom';
}

export interface ExpectedRecord {
  entity: Entity;
  penalties: PenaltyInput[];
  abnormalListings: AbnormalListingInput[];
  seriousListings: SeriousListingInput[];
  completeness: { penalties: ListCompleteness; abnormal: ListCompleteness; serious: ListCompleteness };
  source: { url: string; site: SiteId; observedAt: string };
}

export type ExpectedResult =
  | {
      ok: true;
      record: ExpectedRecord;
      completeness: { penalties: ListCompleteness; abnormal: ListCompleteness; serious: ListCompleteness };
    }
  | { ok: false; reason: 'unsupported-page' };

/** Trimmed, runs of white space folded to one space (HTML is already absent from the truth). */
export function normaliseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function defined<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

/** The page shows an individual business by its fields (经营者, 组成形式) and its abnormal columns (标记/恢复). */
function entityShown(entity: Entity, withRegNo: boolean, individual: boolean): Entity {
  return defined({
    name: entity.name,
    uscc: entity.uscc,
    regNo: withRegNo ? entity.regNo : undefined,
    legalRepresentative: entity.legalRepresentative,
    status: entity.status,
    registrationAuthority: entity.registrationAuthority,
    establishedOn: entity.establishedOn,
    kind: individual ? ('INDIVIDUAL' as const) : undefined,
  });
}

function penaltyShown(p: PenaltyInput, n: number): PenaltyInput {
  return defined({
    id: `P${n}`,
    decisionNo: p.decisionNo,
    decisionDate: p.decisionDate,
    publicityDate: p.publicityDate,
    authority: p.authority,
    content: p.content,
    violationText: p.violationText,
  });
}

/** Rows of the 个体工商户 columns (标记经营异常状态原因, 作出决定机关(标记)) are marks. */
function abnormalShown(a: AbnormalListingInput, n: number, mark: boolean): AbnormalListingInput {
  return defined({
    id: `A${n}`,
    listedDate: a.listedDate,
    kind: mark ? ('MARK' as const) : undefined,
    reasonText: a.reasonText,
    authority: a.authority,
    removedDate: a.removedDate,
    removalReasonText: a.removalReasonText,
  });
}

function seriousShown(s: SeriousListingInput, n: number): SeriousListingInput {
  return defined({ id: `S${n}`, listedDate: s.listedDate, reasonText: s.reasonText, authority: s.authority, removedDate: s.removedDate });
}

export function expectedFor(page: SimPage): ExpectedResult {
  if (page.layout === 'gsxt-search' || !page.entityKey) return { ok: false, reason: 'unsupported-page' };
  const truth = ENTITIES[page.entityKey].record;
  const perPage = page.layout === 'creditchina' ? CREDITCHINA_PAGE_SIZE : (page.pageLength ?? PAGE_LENGTH);
  const penalties = truth.penalties.slice(0, perPage).map((p, i) => penaltyShown(p, i + 1));
  const individual = ENTITIES[page.entityKey].profile.kind === 'individual' && page.layout === 'gsxt-2017';
  const abnormal = truth.abnormalListings.slice(0, perPage).map((a, i) => abnormalShown(a, i + 1, individual));
  const serious = truth.seriousListings.slice(0, perPage).map((s, i) => seriousShown(s, i + 1));
  // gsxt pages state every list's count (共 N 条 / 共 查询到 N 条记录 / 暂无…); Credit China states none, except
  // that an empty category says 暂无数据.
  const total = (all: number): number | null => (page.layout === 'creditchina' && all > 0 ? null : all);
  const completeness: ExpectedRecord['completeness'] = {
    penalties: { read: penalties.length, total: total(truth.penalties.length), from: 'dom' },
    abnormal: { read: abnormal.length, total: total(truth.abnormalListings.length), from: 'dom' },
    serious: { read: serious.length, total: total(truth.seriousListings.length), from: 'dom' },
  };
  return {
    ok: true,
    record: {
      entity: entityShown(truth.entity, page.layout === 'gsxt-provincial', individual),
      penalties,
      abnormalListings: abnormal,
      seriousListings: serious,
      completeness,
      source: { url: pageUrl(page), site: page.site, observedAt: OBSERVED_AT },
    },
    completeness,
  };
}
