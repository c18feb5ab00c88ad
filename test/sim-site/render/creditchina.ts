/**
 * Credit China (信用中国) entity detail page: a shell whose script reads the query string
 * (keyword, uuid, tyshxydm), calls the private API on public.creditchina.gov.cn and renders every record as a group of
 * label：value pairs, labels taken from the row's `sencesMap`, under a heading per category. 行政管理 mixes
 * licences and penalties. No category states a count. `saved: true` gives the page after the script ran.
 */
import type { SimPage } from '../entities.ts';
import { entityOfPage } from '../routes.ts';
import {
  CREDITCHINA_CATEGORIES,
  creditChinaCategoryReply,
  creditChinaDetailReply,
  type CreditChinaDetailReply,
  type CreditChinaListReply,
  type CreditChinaRow,
} from '../sections.ts';
import { esc, layoutComment, scriptJson } from './html.ts';

export const CREDITCHINA_PAGE_SIZE = 10;
const EMPTY = '暂无数据';

function item(label: string, value: string): string {
  return `<div class="info-item"><span class="info-label">${esc(label)}：</span><span class="info-value">${esc(value)}</span></div>`;
}

function rowItems(row: { columnList: string[]; sencesMap: Record<string, string>; entity: Record<string, string> }): string {
  return row.columnList.map((key) => item(row.sencesMap[key] ?? key, row.entity[key] ?? '')).join('');
}

export function headHtml(reply: CreditChinaDetailReply): string {
  const head = reply.data.headEntity;
  return (
    `<div class="company-name">${esc(head.jgmc ?? '')}</div><span class="company-status">${esc(head.status ?? '')}</span>` +
    `<div class="company-code">统一社会信用代码：<span>${esc(head.tyshxydm ?? '')}</span></div>`
  );
}

export function basicHtml(reply: CreditChinaDetailReply): string {
  return `<div class="card-title">基本信息</div><div class="card-source">数据来源：${esc(reply.data.data.dataSource)}</div><div class="info-list">${rowItems(reply.data.data)}</div>`;
}

function recordHtml(row: CreditChinaRow): string {
  return `<div class="record-item"><div class="record-source">来源：${esc(row.dataSource)}</div><div class="info-list">${rowItems(row)}</div></div>`;
}

export function categoryHtml(type: string, reply: CreditChinaListReply): string {
  const list = reply.data.list;
  const body =
    list.length === 0 ? `<div class="record-empty">${EMPTY}</div>` : `<div class="record-list">${list.map(recordHtml).join('')}</div>`;
  return `<div class="category-title">${esc(type)}</div>${body}`;
}

const PAGE_JS = `
function ccEsc(s) { return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'); }
function ccItem(label, value) { return '<div class="info-item"><span class="info-label">' + ccEsc(label) + '\\uff1a</span><span class="info-value">' + ccEsc(value) + '</span></div>'; }
function ccRowItems(row) { return row.columnList.map(function (k) { return ccItem(row.sencesMap[k] || k, row.entity[k] || ''); }).join(''); }
function ccHead(r) { var h = r.data.headEntity; return '<div class="company-name">' + ccEsc(h.jgmc || '') + '</div><span class="company-status">' + ccEsc(h.status || '') + '</span><div class="company-code">\\u7edf\\u4e00\\u793e\\u4f1a\\u4fe1\\u7528\\u4ee3\\u7801\\uff1a<span>' + ccEsc(h.tyshxydm || '') + '</span></div>'; }
function ccBasic(r) { return '<div class="card-title">\\u57fa\\u672c\\u4fe1\\u606f</div><div class="card-source">\\u6570\\u636e\\u6765\\u6e90\\uff1a' + ccEsc(r.data.data.dataSource) + '</div><div class="info-list">' + ccRowItems(r.data.data) + '</div>'; }
function ccCategory(type, r) {
  var list = r.data.list;
  var body = !list.length ? '<div class="record-empty">${EMPTY}</div>' : '<div class="record-list">' + list.map(function (row) {
    return '<div class="record-item"><div class="record-source">\\u6765\\u6e90\\uff1a' + ccEsc(row.dataSource) + '</div><div class="info-list">' + ccRowItems(row) + '</div></div>';
  }).join('') + '</div>';
  return '<div class="category-title">' + ccEsc(type) + '</div>' + body;
}
`;

function script(): string {
  return `<script>
${PAGE_JS}
(function () {
  var CATEGORIES = ${scriptJson(CREDITCHINA_CATEGORIES)};
  var q = new URLSearchParams(location.search);
  var keyword = q.get('keyword') || '', uuid = q.get('uuid') || '', code = q.get('tyshxydm') || '';
  var api = location.protocol + '//public.creditchina.gov.cn/private-api/';
  function get(path) { return fetch(api + path, { credentials: 'omit' }).then(function (r) { return r.json(); }); }
  get('getTyshxydmDetailsContent?keyword=' + encodeURIComponent(keyword) + '&scenes=defaultscenario&entityType=1&searchState=1&uuid=' + encodeURIComponent(uuid) + '&tyshxydm=' + encodeURIComponent(code))
    .then(function (r) {
      if (r.status !== 1) { document.getElementById('detailHead').innerHTML = '<div class="record-empty">\\u8bf7\\u5b8c\\u6210\\u9a8c\\u8bc1\\u540e\\u91cd\\u8bd5</div>'; return; }
      document.getElementById('detailHead').innerHTML = ccHead(r);
      document.getElementById('basicCard').innerHTML = ccBasic(r);
    });
  CATEGORIES.forEach(function (type, i) {
    get('typeSourceSearch?source=&type=' + encodeURIComponent(type) + '&searchState=1&entityType=1&scenes=defaultscenario&keyword=' + encodeURIComponent(keyword) + '&tyshxydm=' + encodeURIComponent(code) + '&page=1&pageSize=${CREDITCHINA_PAGE_SIZE}&pubSort=desc')
      .then(function (r) { if (r.status === 1) document.getElementById('category' + i).innerHTML = ccCategory(type, r); });
  });
})();
</script>`;
}

const STYLE = `<style>
body{margin:0;background:#f4f6fa;font-family:"Microsoft YaHei",sans-serif;font-size:14px;color:#333}
.xy-header{background:linear-gradient(#1450a3,#0d3b7d);color:#fff}.xy-wrap{width:1200px;margin:0 auto}.xy-logo{font-size:26px;color:#fff;line-height:70px;text-decoration:none;font-weight:bold}
.xy-nav{float:right;list-style:none;margin:0}.xy-nav li{display:inline-block;line-height:70px;margin-left:22px}.xy-nav a{color:#fff;text-decoration:none}
.detail-head{background:#fff;margin-top:16px;padding:20px 24px}.company-name{font-size:22px;font-weight:bold;display:inline-block}.company-status{margin-left:12px;color:#19a15f;border:1px solid #19a15f;padding:0 8px}
.company-code{margin-top:8px;color:#666}.detail-card,.credit-category{background:#fff;margin-top:12px;padding:16px 24px}.card-title,.category-title{font-size:16px;font-weight:bold;border-left:4px solid #1450a3;padding-left:10px;margin-bottom:10px}
.card-source,.record-source{color:#999;font-size:12px;margin-bottom:6px}.info-list{display:flex;flex-wrap:wrap}.info-item{width:50%;padding:4px 0}.info-label{color:#888}
.record-item{border:1px solid #e8ecf3;padding:10px 14px;margin-bottom:10px}.record-empty{color:#999;text-align:center;padding:20px}
.credit-tabs{margin-top:12px}.credit-tab{display:inline-block;padding:8px 18px;background:#fff;margin-right:4px;cursor:pointer}.credit-tab.active{background:#1450a3;color:#fff}
.xy-footer{margin-top:30px;padding:20px;text-align:center;color:#999;font-size:12px}
</style>`;

export function renderCreditChina(page: SimPage, options: { saved: boolean }): string {
  const entity = entityOfPage(page);
  if (!entity) throw new RangeError(`${page.name} has no entity`);
  const detail = creditChinaDetailReply(entity);
  const loading = '<div class="record-empty">加载中...</div>';
  const categories = CREDITCHINA_CATEGORIES.map((type, i) => {
    const inner = options.saved ? categoryHtml(type, creditChinaCategoryReply(entity, type, 1, CREDITCHINA_PAGE_SIZE)) : loading;
    return `<div class="credit-category" id="category${i}" data-type="${esc(type)}">${inner}</div>`;
  });
  return `${layoutComment('creditchina')}
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8">
<title>信用中国</title>
${STYLE}
</head>
<body>
<div class="xy-header"><div class="xy-wrap"><a class="xy-logo" href="/">信用中国</a>
<ul class="xy-nav"><li><a href="/">首页</a></li><li><a href="/xinyongdongtai/">信用动态</a></li><li><a href="/zhengcefagui/">政策法规</a></li><li><a href="/xinyongxinxi/">信用信息</a></li><li><a href="/xinyongfuwu/">信用服务</a></li><li><a href="/xinyongxiufu/">信用修复</a></li></ul>
</div></div>
<div id="app" class="xy-wrap">
<div class="detail-head" id="detailHead">${options.saved ? headHtml(detail) : loading}</div>
<div class="detail-card" id="basicCard">${options.saved ? basicHtml(detail) : ''}</div>
<div class="credit-tabs">${CREDITCHINA_CATEGORIES.map((t, i) => `<a class="credit-tab${i === 0 ? ' active' : ''}" href="#category${i}">${esc(t)}</a>`).join('')}</div>
${categories.join('\n')}
</div>
<div class="xy-footer">主办单位：国家发展和改革委员会 本页面由 CreditLens 模拟站点生成，所有主体、人员和数据均为虚构。</div>
${script()}
</body>
</html>
`;
}
