/**
 * The section endpoints each gsxt page declares (`var <name>Url = "/%7B…%7D";`) and the
 * section each one answers. Renderers write the declarations from here; the server routes POSTs by the same list.
 */
import { gsxtToken } from './codes.ts';
import { ENTITIES, PAGES, type SimEntity, type SimPage } from './entities.ts';
import type { SectionId } from './sections.ts';

export interface SectionEndpoint {
  page: SimPage;
  varName: string;
  path: string;
  /** The section whose rows it answers; null = declared but always empty for this entity (details, other types). */
  section: SectionId | null;
}

const DECLARED_2017: Array<[string, SectionId | null]> = [
  ['shareholderUrl', 'shareholder'],
  ['shareholderDetailUrl', null],
  ['keyPersonUrl', 'keyPerson'],
  ['branchUrl', 'branch'],
  ['liquidationUrl', 'liquidation'],
  ['alterInfoUrl', 'alter'],
  ['mortRegInfoUrl', 'mortgage'],
  ['mortRegDetailInfoUrl', null],
  ['stakQualitInfoUrl', 'stakePledge'],
  ['stakQualitDetailInfoUrl', null],
  ['proPledgeRegInfoUrl', 'ipPledge'],
  ['insProPledgeRegInfoUrl', null],
  ['trademarkInfoUrl', 'trademark'],
  ['tradeMarkDetailUrl', null],
  ['otherLicenceDetailInfoUrl', 'licence'],
  ['insLicenceinfoUrl', 'insLicence'],
  ['punishmentDetailInfoUrl', 'punishment'],
  ['insPunishmentinfoUrl', 'insPunishment'],
  ['entBusExcepUrl', 'abnormal'],
  ['indBusExcepUrl', 'abnormal'],
  ['argBusExcepUrl', null],
  ['argBranchBusExcepUrl', null],
  ['IllInfoUrl', 'serious'],
  ['spotCheckInfoUrl', 'spotCheck'],
  ['drRaninsResUrl', 'drRanins'],
  ['assistUrl', 'assist'],
  ['judiciaryStockfreezePersonUrl', null],
  ['simpleCancelUrl', 'simpleCancel'],
  ['toSimpleCancelInfoAndObjectionUrl', null],
  ['annRepDetailUrl', null],
];

/** 2026: the newer names next to the old ones (the redesign renamed some). */
const DECLARED_2026: Array<[string, SectionId | null]> = [
  ['shareholderUrl', 'shareholder'],
  ['shareholderDetailUrl', null],
  ['keyPersonUrl', 'keyPerson'],
  ['branchUrl', 'branch'],
  ['alterInfoUrl', 'alter'],
  ['liquidationUrl', 'liquidation'],
  ['mortRegInfoUrl', 'mortgage'],
  ['mortRegDetailInfoUrl', null],
  ['stakQualitInfoUrl', 'stakePledge'],
  ['IntellectualInfoUrl', 'ipPledge'],
  ['allTrademarkUrl', 'trademark'],
  ['nLicUrl', 'licence'],
  ['punishmentDetailInfoUrl', 'punishment'],
  ['entBusExcepUrl', 'abnormal'],
  ['IllInfoUrl', 'serious'],
  ['spotCheckInfoUrl', 'spotCheck'],
  ['drRaninsResUrl', 'drRanins'],
  ['getFoodChkInfoUrl', 'foodCheck'],
  ['eproquacheckUrl', 'productQuality'],
  ['assistUrl', 'assist'],
  ['simpleCancelUrl', 'simpleCancel'],
];

export function entityOfPage(page: SimPage): SimEntity | null {
  return page.entityKey ? ENTITIES[page.entityKey] : null;
}

/** The abnormal-list variable that carries data for this entity type; the others are declared and empty. */
export function abnormalVarFor(entity: SimEntity): string {
  return entity.profile.kind === 'individual' ? 'indBusExcepUrl' : 'entBusExcepUrl';
}

export function sectionEndpoints(page: SimPage): SectionEndpoint[] {
  const entity = entityOfPage(page);
  if (!entity) return [];
  const declared = page.layout === 'gsxt-2017' ? DECLARED_2017 : page.layout === 'gsxt-2026' ? DECLARED_2026 : [];
  const style = page.variant === '2017' ? 'base64' : 'hex';
  return declared.map(([varName, section]) => ({
    page,
    varName,
    path: `/%7B${gsxtToken(`${page.name}:${varName}`, style, page.layout === 'gsxt-2026' ? '2026' : '2017')}%7D`,
    section: section === 'abnormal' && varName !== abnormalVarFor(entity) ? null : section,
  }));
}

export function endpointVar(page: SimPage, varName: string): SectionEndpoint {
  const endpoint = sectionEndpoints(page).find((e) => e.varName === varName);
  if (!endpoint) throw new RangeError(`${page.name} declares no ${varName}`);
  return endpoint;
}

/** Every section endpoint of every page, by decoded path. */
export function allEndpoints(): Map<string, SectionEndpoint> {
  const map = new Map<string, SectionEndpoint>();
  for (const page of PAGES) for (const e of sectionEndpoints(page)) map.set(decodeURIComponent(e.path), e);
  return map;
}

/** The `<script>` body declaring a page's section URLs, one `var` per line as on the site. */
export function urlDeclarations(page: SimPage): string {
  return sectionEndpoints(page)
    .map((e) => `var ${e.varName} = "${e.path}";`)
    .join('\n');
}
