/**
 * gsxt search results (`corp-query-search-1.html`, 2017/18 design): one item per entity with its name, status, code,
 * legal representative and date. It looks like a detail page's header but holds no record: an adapter must answer
 * "unsupported page", not an entity.
 */
import { ENTITIES, PAGES, pageUrl, type SimPage } from '../entities.ts';
import { cnDate, esc, layoutComment } from './html.ts';

export interface SearchHit {
  page: SimPage;
  href: string;
}

/** gsxt detail pages whose entity name or code contains the word (all of them for an empty word). */
export function searchHits(word: string): SearchHit[] {
  const w = word.trim();
  return PAGES.filter(
    (p) => p.layout !== 'gsxt-search' && p.site === 'gsxt-gov-cn' && p.entityKey && p.host === 'www.gsxt.gov.cn' && p.inSearch !== false,
  )
    .filter((p) => {
      const e = p.entityKey ? ENTITIES[p.entityKey].record.entity : null;
      return !!e && (w === '' || e.name.includes(w) || (e.uscc ?? '').includes(w.toUpperCase()));
    })
    .map((page) => ({ page, href: page.path }));
}

export function renderGsxtSearch(word: string): string {
  const hits = searchHits(word);
  const items = hits.map(({ page, href }) => {
    const entity = page.entityKey ? ENTITIES[page.entityKey] : null;
    if (!entity) return '';
    const e = entity.record.entity;
    const marks: string[] = [];
    if (entity.record.seriousListings.some((s) => !s.removedDate))
      marks.push('<span class="tip-ill">列入严重违法失信企业名单（黑名单）</span>');
    if (entity.record.abnormalListings.some((a) => !a.removedDate)) marks.push('<span class="tip-exc">列入经营异常名录</span>');
    const owner = entity.profile.kind === 'individual' ? '经营者' : '法定代表人';
    return `<a class="search_list_item db" href="${esc(href)}" target="_blank" data-full-url="${esc(pageUrl(page))}">
<h1 class="f20">${esc(e.name)}</h1>
<div class="wrap-corpStatus"><span class="corpStatus">${esc(e.status ?? '')}</span>${marks.join('')}</div>
<div class="div-map2">统一社会信用代码：<span class="g3">${esc(e.uscc ?? '')}</span></div>
<div class="div-user2">${owner}：<span class="g3">${esc(e.legalRepresentative ?? '')}</span></div>
<div class="div-info-circle2">成立日期：<span class="g3">${e.establishedOn ? cnDate(e.establishedOn) : ''}</span></div>
</a>`;
  });
  return `${layoutComment('gsxt-search')}
<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>国家企业信用信息公示系统</title>
<style>
body{font-family:"Microsoft YaHei",sans-serif;margin:0}.header{background:#c00;color:#fff;padding:14px 40px;font-size:22px}
.search-box{padding:20px 40px;background:#f3f3f3}.search-box input[type=text]{width:600px;padding:8px}
.search_result{padding:10px 40px}.search_list_item{display:block;border-bottom:1px solid #ddd;padding:12px 0;color:#333;text-decoration:none}
.f20{font-size:20px;margin:0 0 6px;color:#1b5bb3}.corpStatus{border:1px solid #2a2;color:#2a2;padding:0 6px;margin-right:8px}.tip-ill,.tip-exc{color:#fff;background:#d22;padding:0 6px;margin-right:6px}
.div-map2,.div-user2,.div-info-circle2{display:inline-block;margin-right:30px;color:#666}.g3{color:#333}
</style>
</head>
<body>
<div class="header">国家企业信用信息公示系统</div>
<div class="search-box">
<form id="formTop" action="/corp-query-search-1.html" method="post">
<input type="text" name="searchword" id="keyword" value="${esc(word)}" placeholder="请输入企业名称、统一社会信用代码或注册号">
<input type="hidden" name="tab" value="ent_tab">
<input type="hidden" name="token" value="">
<button type="submit" id="btn_query">查询</button>
</form>
</div>
<div class="search_result">
<div class="search_list_title">搜索条件&nbsp;<span class="search_result_span1">${esc(word)}</span>&nbsp;，共查询到 <span class="search_result_span1">${hits.length}</span> 条信息，用时0.086秒</div>
<div class="search_list">
${items.join('\n')}
</div>
</div>
<div class="footer">本页面由 CreditLens 模拟站点生成，所有主体、人员和数据均为虚构。</div>
</body>
</html>
`;
}
