/**
 * gsxt detail page after the 2026 redesign: a left menu `#resultMenu` whose
 * `[role=button][data-target]` items repeat the section titles, a 全部展开 control, the entity name as the page's
 * h1, basic info in `div.yyzz-all` (labels padded with &emsp;/&thinsp;), and sections that load only when opened
 * ("正在加载，请稍候") through the declared `var …Url` endpoints. Tables have no ids or classes a parser could rely
 * on: only their headings. `saved: true` gives the page as saved after the user opened 行政处罚信息,
 * 列入经营异常名录信息 and the blacklist section; the other sections stay collapsed and unloaded.
 */
import type { SimEntity, SimPage } from '../entities.ts';
import { entityOfPage, sectionEndpoints, urlDeclarations } from '../routes.ts';
import { PAGE_LENGTH, SECTIONS, dataTablesPage, sectionRows, type Column, type DataTablesReply, type SectionId } from '../sections.ts';
import { rowsHtml, SECTION_TABLE_JS } from './datatable.ts';
import { cnDate, esc, layoutComment, scriptJson } from './html.ts';

interface MenuSection {
  /** Element id; the menu items point at it with data-target="#id". */
  anchor: string;
  section: SectionId;
  urlVar: string;
}

/** Menu order of the page; anchors are pinyin initials as such pages use. */
const MENU: MenuSection[] = [
  { anchor: 'gdcz', section: 'shareholder', urlVar: 'shareholderUrl' },
  { anchor: 'zyry', section: 'keyPerson', urlVar: 'keyPersonUrl' },
  { anchor: 'fzjg', section: 'branch', urlVar: 'branchUrl' },
  { anchor: 'bgxx', section: 'alter', urlVar: 'alterInfoUrl' },
  { anchor: 'qsxx', section: 'liquidation', urlVar: 'liquidationUrl' },
  { anchor: 'dcdy', section: 'mortgage', urlVar: 'mortRegInfoUrl' },
  { anchor: 'gqcz', section: 'stakePledge', urlVar: 'stakQualitInfoUrl' },
  { anchor: 'zscq', section: 'ipPledge', urlVar: 'IntellectualInfoUrl' },
  { anchor: 'sbzc', section: 'trademark', urlVar: 'allTrademarkUrl' },
  { anchor: 'xzxk', section: 'licence', urlVar: 'nLicUrl' },
  { anchor: 'xzcf', section: 'punishment', urlVar: 'punishmentDetailInfoUrl' },
  { anchor: 'jyyc', section: 'abnormal', urlVar: 'entBusExcepUrl' },
  { anchor: 'yzwf', section: 'serious', urlVar: 'IllInfoUrl' },
  { anchor: 'ccjc', section: 'spotCheck', urlVar: 'spotCheckInfoUrl' },
  { anchor: 'sjcc', section: 'drRanins', urlVar: 'drRaninsResUrl' },
  { anchor: 'spcj', section: 'foodCheck', urlVar: 'getFoodChkInfoUrl' },
  { anchor: 'cpzl', section: 'productQuality', urlVar: 'eproquacheckUrl' },
  { anchor: 'sfxz', section: 'assist', urlVar: 'assistUrl' },
  { anchor: 'jyzx', section: 'simpleCancel', urlVar: 'simpleCancelUrl' },
];

/** Sections the saved copies have open. */
const OPENED_IN_SAVED_COPY: ReadonlySet<SectionId> = new Set(['punishment', 'abnormal', 'serious']);

const LOADING = '<div class="block-loading"><i class="spinner"></i>正在加载，请稍候</div>';

function headRow(columns: Column[]): string {
  return `<tr>${columns.map((c) => `<th>${esc(c.header)}</th>`).join('')}</tr>`;
}

export function pager2026(total: number, page: number): string {
  const pages = Math.ceil(total / PAGE_LENGTH);
  let links = '';
  if (pages > 1) {
    links += `<a href="javascript:;" class="pg-prev" data-page="${Math.max(1, page - 1)}">上一页</a>`;
    for (let p = 1; p <= pages; p++)
      links += `<a href="javascript:;" class="pg-num${p === page ? ' pg-on' : ''}" data-page="${p}">${p}</a>`;
    links += `<a href="javascript:;" class="pg-next" data-page="${Math.min(pages, page + 1)}">下一页</a>`;
  }
  return `<div class="result-pager"><span class="pager-info">共 查询到 ${total} 条记录 共 ${pages} 页</span><span class="pager-links">${links}</span></div>`;
}

/** The body of an opened section after its data arrived: table and pager, or the empty text. */
export function sectionBody2026(section: SectionId, reply: DataTablesReply, page: number): string {
  const def = SECTIONS[section];
  if (reply.recordsTotal === 0) return `<div class="block-empty">${esc(def.emptyText)}</div>`;
  const start = (page - 1) * PAGE_LENGTH;
  return `<table class="result-table"><thead>${headRow(def.columns)}</thead><tbody>${rowsHtml(def.columns, reply.data, start, 'iso', '')}</tbody></table>${pager2026(reply.recordsTotal, page)}`;
}

const BODY_JS = `
function simPager2026(total, page) {
  var pages = Math.ceil(total / ${PAGE_LENGTH});
  var links = '';
  if (pages > 1) {
    links += '<a href="javascript:;" class="pg-prev" data-page="' + Math.max(1, page - 1) + '">\\u4e0a\\u4e00\\u9875</a>';
    for (var p = 1; p <= pages; p++) links += '<a href="javascript:;" class="pg-num' + (p === page ? ' pg-on' : '') + '" data-page="' + p + '">' + p + '</a>';
    links += '<a href="javascript:;" class="pg-next" data-page="' + Math.min(pages, page + 1) + '">\\u4e0b\\u4e00\\u9875</a>';
  }
  return '<div class="result-pager"><span class="pager-info">\\u5171 \\u67e5\\u8be2\\u5230 ' + total + ' \\u6761\\u8bb0\\u5f55 \\u5171 ' + pages + ' \\u9875</span><span class="pager-links">' + links + '</span></div>';
}
function simBody2026(cfg, json, page) {
  if (!json.recordsTotal) return '<div class="block-empty">' + cfg.empty + '</div>';
  var head = '<tr>';
  for (var i = 0; i < cfg.columns.length; i++) head += '<th>' + cfg.columns[i].header + '</th>';
  head += '</tr>';
  var start = (page - 1) * ${PAGE_LENGTH};
  return '<table class="result-table"><thead>' + head + '</thead><tbody>' + simRowsHtml(cfg.columns, json.data, start, 'iso', '') + '</tbody></table>' + simPager2026(json.recordsTotal, page);
}
`;

function yyzz(entity: SimEntity): string {
  const e = entity.record.entity;
  const p = entity.profile;
  const established = e.establishedOn ? cnDate(e.establishedOn) : '';
  const term = `自 ${established} 至 ${p.termTo ? cnDate(p.termTo) : '长期'}`;
  const label = (text: string): string => `<td class="yyzz-label">${text}：</td>`;
  const value = (html: string, span = 1): string => `<td class="yyzz-value"${span > 1 ? ` colspan="${span}"` : ''}>${html}</td>`;
  return `<div class="yyzz-all">
<div class="top"><b>统一社会信用代码：</b>${esc(e.uscc ?? '')}<span class="yyzz-qr" title="扫一扫查看电子营业执照">电子营业执照</span></div>
<table class="yyzz-table">
<tr>${label('企业名称')}${value(esc(e.name))}${label('类&emsp;&emsp;&emsp;&emsp;型')}${value(esc(p.typeText))}</tr>
<tr>${label('法定代表人')}${value(esc(e.legalRepresentative ?? ''))}${label('注&thinsp;册&thinsp;资&thinsp;本')}${value(esc(p.capital ?? ''))}</tr>
<tr>${label('成&thinsp;立&thinsp;日&thinsp;期')}${value(established)}${label('营&thinsp;业&thinsp;期&thinsp;限')}${value(term)}</tr>
<tr>${label('登&thinsp;记&thinsp;机&thinsp;关')}${value(esc(e.registrationAuthority ?? ''))}${label('核&thinsp;准&thinsp;日&thinsp;期')}${value(cnDate(p.approvedOn))}</tr>
<tr>${label('登&thinsp;记&thinsp;状&thinsp;态')}${value(esc(e.status ?? ''))}<td class="yyzz-label"></td><td class="yyzz-value"></td></tr>
<tr>${label('住&emsp;&emsp;&emsp;&emsp;所')}${value(esc(p.address), 3)}</tr>
<tr>${label('经&thinsp;营&thinsp;范&thinsp;围')}${value(esc(p.scope), 3)}</tr>
</table>
</div>`;
}

function block(entity: SimEntity, page: SimPage, item: MenuSection, saved: boolean): string {
  const def = SECTIONS[item.section];
  const open = saved && OPENED_IN_SAVED_COPY.has(item.section);
  let body = `<div class="block-body" style="display:none">${LOADING}</div>`;
  if (open) {
    const endpoint = sectionEndpoints(page).find((e) => e.varName === item.urlVar);
    const rows = endpoint?.section ? sectionRows(entity, endpoint.section) : [];
    body = `<div class="block-body">${sectionBody2026(item.section, dataTablesPage(rows, 1, 0, PAGE_LENGTH), 1)}</div>`;
  }
  return `<div class="detail-block ${open ? 'open' : 'collapsed'}" id="${item.anchor}" data-url-var="${item.urlVar}" data-loaded="${open}">
<div class="block-title" role="button" tabindex="0"><span>${esc(def.title)}</span><i class="arrow"></i></div>
${body}
</div>`;
}

function annualReports(): string {
  const rows = [
    ['2025年度报告', '2026-04-02'],
    ['2024年度报告', '2025-03-18'],
    ['2023年度报告', '2024-05-07'],
  ];
  return `<div class="detail-block collapsed" id="qynb" data-loaded="true">
<div class="block-title" role="button" tabindex="0"><span>企业年报信息</span><i class="arrow"></i></div>
<div class="block-body" style="display:none"><ul class="report-list">${rows.map(([t, d]) => `<li><a href="javascript:;">${t}</a><span>${d} 已公示</span></li>`).join('')}</ul></div>
</div>`;
}

const STYLE = `<style>
body{margin:0;font-family:"PingFang SC","Microsoft YaHei",sans-serif;font-size:14px;color:#222;background:#f5f6f8}
.site-header{background:#b5161c;color:#fff;height:56px}.wrap{width:1280px;margin:0 auto}.site-header .logo{color:#fff;font-size:20px;line-height:56px;text-decoration:none}
.top-nav{float:right;line-height:56px}.top-nav a{color:#fff;margin-left:18px;text-decoration:none}
.detail-page{display:flex;gap:16px;margin-top:16px}.detail-aside{width:220px;flex:none}
#resultMenu{position:sticky;top:12px;background:#fff;border-radius:4px;padding:8px 0}#resultMenu ul{list-style:none;margin:0;padding:0}
#resultMenu .menu-item{padding:8px 16px;cursor:pointer}#resultMenu .menu-item.active{color:#b5161c;background:#fdf0f0}
.menu-tools{padding:4px 16px;text-align:right}.menu-all{color:#1f6fd1;cursor:pointer}
.detail-main{flex:1;min-width:0}.ent-head{background:#fff;padding:16px 20px;border-radius:4px}.ent-head h1{font-size:22px;margin:0 0 8px}
.tag{display:inline-block;padding:1px 8px;margin-right:6px;border-radius:2px;font-size:12px}.tag-green{color:#1a9b4b;border:1px solid #1a9b4b}.tag-red{color:#fff;background:#d4282f}
.detail-block{background:#fff;margin-top:12px;border-radius:4px}.block-title{padding:12px 20px;font-weight:600;cursor:pointer;border-bottom:1px solid #eee}
.block-body{padding:12px 20px}.block-empty{color:#999;text-align:center;padding:16px}.block-loading{color:#999;text-align:center}
.yyzz-all{padding:12px 20px}.yyzz-table{width:100%;border-collapse:collapse}.yyzz-table td{padding:6px 8px;vertical-align:top}.yyzz-label{color:#666;width:110px;white-space:nowrap}
.result-table{width:100%;border-collapse:collapse}.result-table th{background:#f7f8fa;font-weight:500}.result-table th,.result-table td{border:1px solid #e5e6eb;padding:8px;text-align:left}
.result-pager{text-align:right;margin-top:8px;color:#666}.result-pager a{margin-left:6px}.pg-on{color:#b5161c;font-weight:bold}
.site-footer{margin-top:32px;padding:24px;text-align:center;color:#999;font-size:12px}
</style>`;

function pageScript(entity: SimEntity): string {
  const config: Record<string, { urlVar: string; empty: string; columns: Array<{ header: string; kind: string; key: string | null }> }> =
    {};
  for (const item of MENU) {
    const def = SECTIONS[item.section];
    config[item.anchor] = {
      urlVar: item.urlVar,
      empty: def.emptyText,
      columns: def.columns.map((c) => ({ header: c.header, kind: c.kind, key: c.key ?? null })),
    };
  }
  return `<script>
${SECTION_TABLE_JS}${BODY_JS}
(function () {
  var CONFIG = ${scriptJson(config)};
  var ENTITY = ${scriptJson({ name: entity.record.entity.name })};
  var draws = {};
  function bodyOf(block) { return block.querySelector('.block-body'); }
  function load(block, page) {
    var cfg = CONFIG[block.id];
    if (!cfg || !window[cfg.urlVar]) return;
    var body = bodyOf(block);
    body.innerHTML = '${LOADING}';
    draws[block.id] = (draws[block.id] || 0) + 1;
    simPost(window[cfg.urlVar], (page - 1) * 5, 5, draws[block.id], function (json) {
      body.innerHTML = simBody2026(cfg, json, page);
      block.setAttribute('data-loaded', 'true');
    }, function () {
      body.innerHTML = '<div class="block-empty">\\u6570\\u636e\\u52a0\\u8f7d\\u5931\\u8d25\\uff0c\\u8bf7\\u7a0d\\u540e\\u91cd\\u8bd5</div>';
    });
  }
  function open(block) {
    if (!block || !block.classList) return;
    block.classList.remove('collapsed');
    block.classList.add('open');
    bodyOf(block).style.display = '';
    if (block.getAttribute('data-loaded') !== 'true') load(block, 1);
  }
  function close(block) {
    block.classList.remove('open');
    block.classList.add('collapsed');
    bodyOf(block).style.display = 'none';
  }
  document.addEventListener('click', function (ev) {
    var t = ev.target;
    while (t && t !== document && !(t.getAttribute && (t.getAttribute('role') === 'button' || t.getAttribute('data-page')))) t = t.parentNode;
    if (!t || t === document) return;
    if (t.getAttribute('data-action') === 'expand-all') {
      var all = document.querySelectorAll('.detail-block');
      for (var i = 0; i < all.length; i++) open(all[i]);
      return;
    }
    var target = t.getAttribute('data-target');
    if (target) {
      var block = document.querySelector(target);
      if (block) { open(block); if (block.scrollIntoView) block.scrollIntoView(); }
      var items = document.querySelectorAll('#resultMenu .menu-item');
      for (var j = 0; j < items.length; j++) items[j].classList.toggle('active', items[j] === t);
      return;
    }
    var owner = t.parentNode;
    while (owner && owner !== document && !(owner.classList && owner.classList.contains('detail-block'))) owner = owner.parentNode;
    if (!owner || owner === document) return;
    if (t.getAttribute('data-page')) { load(owner, Number(t.getAttribute('data-page'))); return; }
    if (t.classList.contains('block-title')) { if (owner.classList.contains('open')) close(owner); else open(owner); }
  });
  document.title = ENTITY.name + ' - \\u56fd\\u5bb6\\u4f01\\u4e1a\\u4fe1\\u7528\\u4fe1\\u606f\\u516c\\u793a\\u7cfb\\u7edf';
})();
</script>`;
}

export function renderGsxt2026(page: SimPage, options: { saved: boolean }): string {
  const entity = entityOfPage(page);
  if (!entity) throw new RangeError(`${page.name} has no entity`);
  const e = entity.record.entity;
  const tags = [`<span class="tag tag-green">${esc(e.status ?? '')}</span>`];
  if (entity.record.seriousListings.some((s) => !s.removedDate)) tags.push('<span class="tag tag-red">严重违法失信</span>');
  if (entity.record.abnormalListings.some((a) => !a.removedDate)) tags.push('<span class="tag tag-red">经营异常</span>');
  // The saved copy was taken after the user opened the blacklist section last from the menu.
  const active = options.saved ? 'yzwf' : 'yyzz';
  const menuItem = (anchor: string, title: string): string =>
    `<li><div class="menu-item${anchor === active ? ' active' : ''}" role="button" tabindex="0" data-target="#${anchor}">${esc(title)}</div></li>`;
  const menuItems = [
    menuItem('yyzz', '营业执照信息'),
    ...MENU.map((m) => menuItem(m.anchor, SECTIONS[m.section].title)),
    menuItem('qynb', '企业年报信息'),
  ];
  return `${layoutComment('gsxt-2026')}
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(e.name)} - 国家企业信用信息公示系统</title>
${STYLE}
</head>
<body>
<header class="site-header"><div class="wrap"><a class="logo" href="/">国家企业信用信息公示系统</a>
<nav class="top-nav"><a href="/">首页</a><a href="/corp-query-entprise-info-xxgg-100000.html">信息公告</a><a href="/corp-query-entprise-info-hot-search-list.html?tab=ill">严重违法失信名单</a><a href="https://shiming.gsxt.gov.cn/">企业信息填报</a></nav></div></header>
<main class="detail-page wrap">
<aside class="detail-aside">
<div id="resultMenu" class="result-menu">
<div class="menu-tools"><span class="menu-all" role="button" tabindex="0" data-action="expand-all">全部展开</span></div>
<ul>
${menuItems.join('\n')}
</ul>
</div>
</aside>
<section class="detail-main">
<div class="ent-head">
<h1>${esc(e.name)}</h1>
<div class="ent-tags">${tags.join('')}</div>
<div class="ent-actions"><a href="javascript:;">信息打印</a> <a href="javascript:;">发送报告</a> <a href="javascript:;">信用承诺</a></div>
</div>
<div class="detail-block open" id="yyzz" data-loaded="true">
<div class="block-title" role="button" tabindex="0"><span>营业执照信息</span><i class="arrow"></i></div>
<div class="block-body">${yyzz(entity)}</div>
</div>
${MENU.map((m) => block(entity, page, m, options.saved)).join('\n')}
${annualReports()}
</section>
</main>
<footer class="site-footer">主办单位：国家市场监督管理总局 本页面由 CreditLens 模拟站点生成，所有主体、人员和数据均为虚构。</footer>
<script>
${urlDeclarations(page)}
</script>
${pageScript(entity)}
</body>
</html>
`;
}
