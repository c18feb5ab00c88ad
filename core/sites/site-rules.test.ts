/**
 * Site rules applied by the readers, on the saved pages: a page whose site renamed a column, a label or a section
 * title reads worse (or not at all), and with the team's alias for it reads exactly as the original; the kill switch
 * (per layout and `*`) and the minimum reader version answer `disabled` with the message; every result names the
 * rules version. Aliases are plain text: a rule that looks like a pattern is only ever compared as text.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, htmlDocument } from '../../test/support/dom.ts';
import { FIXTURE_DIR, OBSERVED_AT } from '../../test/support/fixtures.ts';
import { adapter as creditchina } from './creditchina-gov-cn.ts';
import { adapter as gsxt } from './gsxt-gov-cn.ts';
import { savedFromUrl } from './saved-page.ts';
import { rulesForSite, type AppliedRules } from './applied-rules.ts';
import { SiteRules, type LayoutRules } from './site-rules.ts';
import type { ParseResult, ParseSuccess, SiteAdapter } from './site.ts';

afterAll(closeAll);

function page(path: string): { html: string; url: URL } {
  const html = readFileSync(`${FIXTURE_DIR}${path}`, 'utf8');
  return { html, url: savedFromUrl(html) as URL };
}

function read(site: SiteAdapter, html: string, url: URL, rules?: AppliedRules): ParseResult {
  return site.parse(htmlDocument(html, url.href), url, OBSERVED_AT, rules ? { rules } : {});
}

function ok(result: ParseResult): ParseSuccess {
  if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
  return result;
}

/** Every `<th>from</th>` of the page becomes `<th>to</th>`. */
const renameHeader = (html: string, from: string, to: string) => html.split(`<th>${from}</th>`).join(`<th>${to}</th>`);

function rules(layouts: Record<string, LayoutRules>, extra: { minReaderVersion?: string; version?: number } = {}): AppliedRules {
  const file = SiteRules.parse({
    format: 'creditlens-site-rules',
    version: extra.version ?? 7,
    sites: { 'gsxt-gov-cn': { layouts, ...(extra.minReaderVersion ? { minReaderVersion: extra.minReaderVersion } : {}) } },
  });
  return rulesForSite(file, 'gsxt-gov-cn') as AppliedRules;
}

const listed = page('gsxt-gov-cn/listed-2026.html');
const original = ok(read(gsxt, listed.html, listed.url));

describe('column aliases (gsxt listed-2026, layout web-2026)', () => {
  it('the original page reads its three penalties with their decision numbers', () => {
    expect(original.record.penalties.map((p) => p.decisionNo)).toEqual([
      '示市监处罚〔2025〕156号',
      '示市监处罚〔2024〕071号',
      '示市监处罚〔2023〕288号',
    ]);
    expect(original.reader?.rulesVersion).toBeUndefined();
  });

  // The renames of the brief: the table is still taken for penalties (its content and conduct columns say so), but a
  // column it does not know holds the decision numbers: read as it is, the penalties would have none, so the section
  // is unknown until the alias says what the column is. (作出…日期 is a known date header.)
  const renamed = renameHeader(renameHeader(listed.html, '决定书文号', '处罚文书编号'), '处罚决定日期', '作出处罚日期');
  const aliases = { columnAliases: { 处罚文书编号: '决定书文号', 作出处罚日期: '处罚决定日期' } };

  it('决定书文号 → 处罚文书编号: penalties unknown (nothing read, no total), and the page report says which column', () => {
    const result = ok(read(gsxt, renamed, listed.url));
    expect(result.record.penalties).toEqual([]);
    expect(result.completeness.penalties).toEqual({ read: 0, total: null, from: 'dom' });
    expect(result.reader?.sections?.penalties.matched[0]).toContain('column 处罚文书编号 holds decision numbers');
  });

  it('处罚决定日期 → a header it does not know: penalties unknown, never dated by their publicity date', () => {
    const result = ok(read(gsxt, renameHeader(listed.html, '处罚决定日期', '处罚作出时间'), listed.url));
    expect(result.record.penalties).toEqual([]);
    expect(result.completeness.penalties.total).toBeNull();
    expect(result.reader?.sections?.penalties.matched[0]).toContain('column 处罚作出时间 holds dates');
    const aliased = ok(
      read(
        gsxt,
        renameHeader(listed.html, '处罚决定日期', '处罚作出时间'),
        listed.url,
        rules({ '*': { columnAliases: { 处罚作出时间: '处罚决定日期' } } }),
      ),
    );
    expect(aliased.record).toEqual(original.record);
  });

  it('with the alias rules: the same record as the original, and the rules version named', () => {
    const result = ok(read(gsxt, renamed, listed.url, rules({ 'web-2026': aliases })));
    expect(result.record).toEqual(original.record);
    expect(result.completeness).toEqual(original.completeness);
    expect(result.reader?.rulesVersion).toBe(7);
  });

  // Three columns renamed: the table is no longer taken for penalties at all.
  const broken = renameHeader(
    renameHeader(renameHeader(listed.html, '决定书文号', '处罚文书编号'), '违法行为类型', '违法事项'),
    '行政处罚内容',
    '处罚措施',
  );
  const brokenAliases = { columnAliases: { 处罚文书编号: '决定书文号', 违法事项: '违法行为类型', '处罚 措施：': '行政处罚内容' } };

  it('no penalty table recognised: penalties unknown (nothing read, no total), never "none"', () => {
    const result = ok(read(gsxt, broken, listed.url));
    expect(result.record.penalties).toEqual([]);
    expect(result.completeness.penalties).toEqual({ read: 0, total: null, from: 'dom' });
  });

  it('with the aliases (compared in label form: spaces and the colon do not count) it reads as the original', () => {
    const result = ok(read(gsxt, broken, listed.url, rules({ '*': brokenAliases })));
    expect(result.record).toEqual(original.record);
  });

  it("another layout's aliases do not apply", () => {
    const result = ok(read(gsxt, broken, listed.url, rules({ 'web-2017': brokenAliases })));
    expect(result.completeness.penalties.total).toBeNull();
    expect(result.reader?.rulesVersion).toBe(7);
  });

  it('an alias that looks like a pattern is text: it matches nothing else and breaks nothing', () => {
    const result = ok(
      read(
        gsxt,
        listed.html,
        listed.url,
        rules({ '*': { columnAliases: { '.*': '决定书文号', '(a+)+$': '处罚决定日期', 决定书文号: '(' } } }),
      ),
    );
    // 决定书文号 read as "(": a column it does not know, holding the numbers → unknown rather than numbers lost.
    expect(result.completeness.penalties.total).toBeNull();
    const untouched = ok(
      read(gsxt, listed.html, listed.url, rules({ '*': { columnAliases: { '.*': '决定书文号', '[': '处罚决定日期' } } })),
    );
    expect(untouched.record).toEqual(original.record);
  });
});

describe('field aliases', () => {
  const renamed = listed.html.replace('<b>统一社会信用代码：</b>', '<b>信用代码：</b>');

  it('gsxt: the credit code under a label the reader does not know → not understood (structure-changed)', () => {
    expect(renamed).not.toBe(listed.html);
    const result = read(gsxt, renamed, listed.url);
    expect(result.ok ? result.record.entity.uscc : result.reason).toBe('structure-changed');
  });

  it('gsxt: with 信用代码 → 统一社会信用代码 the same record as the original', () => {
    const result = ok(read(gsxt, renamed, listed.url, rules({ 'web-2026': { fieldAliases: { 信用代码: '统一社会信用代码' } } })));
    expect(result.record).toEqual(original.record);
  });

  it("Credit China: a penalty's renamed labels read through the aliases", () => {
    const cc = page('creditchina-gov-cn/entity-detail.html');
    const before = ok(read(creditchina, cc.html, cc.url));
    expect(before.record.penalties.length).toBeGreaterThan(0);
    const renamedCc = cc.html.split('行政处罚决定书文号').join('处罚文书编号').split('处罚决定日期').join('作出处罚日期');
    expect(renamedCc).not.toBe(cc.html);
    const broken = ok(read(creditchina, renamedCc, cc.url));
    expect(broken.record.penalties).not.toEqual(before.record.penalties);
    const site = { layouts: { '*': { fieldAliases: { 处罚文书编号: '行政处罚决定书文号', 作出处罚日期: '处罚决定日期' } } } };
    const fixed = ok(read(creditchina, renamedCc, cc.url, { version: 3, site }));
    expect(fixed.record).toEqual(before.record);
    expect(fixed.reader?.rulesVersion).toBe(3);
  });
});

describe('section aliases (gsxt clean-2026: every section says 暂无)', () => {
  const clean = page('gsxt-gov-cn/clean-2026.html');
  const before = ok(read(gsxt, clean.html, clean.url));
  const renamed = clean.html.split('列入经营异常名录信息').join('列入异常经营名单信息');

  it('the renamed "none" sentence is not understood as none: the abnormal list is unknown', () => {
    expect(before.completeness.abnormal.total).toBe(0);
    expect(ok(read(gsxt, renamed, clean.url)).completeness.abnormal.total).toBeNull();
  });

  it('with 列入异常经营名单信息 → 列入经营异常名录信息 it reads as the original', () => {
    const result = ok(read(gsxt, renamed, clean.url, rules({ '*': { sectionAliases: { 列入异常经营名单信息: '列入经营异常名录信息' } } })));
    expect(result.record).toEqual(before.record);
  });
});

describe('kill switch and minimum reader version', () => {
  it('a layout switched off: disabled with the message, the reader and the rules version named', () => {
    const result = read(
      gsxt,
      listed.html,
      listed.url,
      rules({ 'web-2026': { disabled: { message: '国家公示系统改版，暂停读取，请人工核对。' } } }, { version: 12 }),
    );
    expect(result).toMatchObject({ ok: false, reason: 'disabled', detail: '国家公示系统改版，暂停读取，请人工核对。' });
    expect(result.reader).toMatchObject({ site: 'gsxt-gov-cn', layout: 'web-2026', rulesVersion: 12 });
  });

  it('`*` switches off every layout of the site; another layout switched off leaves this one', () => {
    expect(read(gsxt, listed.html, listed.url, rules({ '*': { disabled: { message: '停用' } } }))).toMatchObject({
      ok: false,
      reason: 'disabled',
      detail: '停用',
    });
    expect(ok(read(gsxt, listed.html, listed.url, rules({ 'web-2017': { disabled: { message: '停用' } } }))).record).toEqual(
      original.record,
    );
  });

  it('a layout rule of its own wins over `*`', () => {
    const result = read(
      gsxt,
      listed.html,
      listed.url,
      rules({ '*': { disabled: { message: '全部停用' } }, 'web-2026': { disabled: { message: '新版停用' } } }),
    );
    expect(result).toMatchObject({ ok: false, reason: 'disabled', detail: '新版停用' });
  });

  it('a search page stays a search page (no panel), switched off or not', () => {
    const search = page('gsxt-gov-cn/search.html');
    expect(read(gsxt, search.html, search.url, rules({ '*': { disabled: { message: '停用' } } }))).toMatchObject({
      ok: false,
      reason: 'unsupported-page',
    });
  });

  it('a reader older than minReaderVersion: disabled, in Chinese, asking for an update', () => {
    const result = read(gsxt, listed.html, listed.url, rules({}, { minReaderVersion: '99.0.0' }));
    expect(result).toMatchObject({ ok: false, reason: 'disabled' });
    expect(result.ok ? '' : result.detail).toMatch(/版本.*99\.0\.0.*请更新/);
  });

  it('a reader as new as minReaderVersion reads', () => {
    expect(ok(read(gsxt, listed.html, listed.url, rules({}, { minReaderVersion: gsxt.readerVersion }))).record).toEqual(original.record);
  });

  it('Credit China has its own switch: gsxt rules leave it alone', () => {
    const cc = page('creditchina-gov-cn/entity-detail.html');
    const file = SiteRules.parse({
      format: 'creditlens-site-rules',
      version: 2,
      sites: { 'gsxt-gov-cn': { layouts: { '*': { disabled: { message: '停用' } } } } },
    });
    expect(rulesForSite(file, 'creditchina-gov-cn')).toBeUndefined();
    const off = SiteRules.parse({
      format: 'creditlens-site-rules',
      version: 2,
      sites: { 'creditchina-gov-cn': { layouts: { 'detail-2024': { disabled: { message: '信用中国停用' } } } } },
    });
    expect(read(creditchina, cc.html, cc.url, rulesForSite(off, 'creditchina-gov-cn'))).toMatchObject({
      ok: false,
      reason: 'disabled',
      detail: '信用中国停用',
    });
  });
});
