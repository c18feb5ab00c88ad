/**
 * gsxt detail page, 2017/18 unified web design: a shell whose section tables hold only their
 * headers; the page's own script POSTs `draw/start/length=5` to the URLs declared in `div#url` and renders the rows.
 * `saved: true` gives the page as a browser saves it after that script ran (first page of every section rendered).
 *
 * Noise on purpose: a left-over nav with list names, `&nbsp;` around values, spans inside values, the
 * self-published 行政处罚/行政许可 tables (same columns, empty), 变更/抽查检查 tables with look-alike columns, a nested
 * header in `div.specialfuckth` (2017 variant, abnormal list), a blacklist table commented out and built by script
 * (2018 variant), the empty `#punish_detail` popup with its labels, and every section URL declared.
 */
import type { SimEntity, SimPage } from '../entities.ts';
import { entityOfPage, sectionEndpoints, urlDeclarations } from '../routes.ts';
import {
  ABNORMAL_COLUMNS,
  ABNORMAL_COLUMNS_INDIVIDUAL,
  PAGE_LENGTH,
  SECTIONS,
  SERIOUS_COLUMNS_2017,
  dataTablesPage,
  sectionRows,
  type Column,
  type SectionId,
} from '../sections.ts';
import { rowsHtml, SECTION_TABLE_JS } from './datatable.ts';
import { cnDate, esc, layoutComment, scriptJson } from './html.ts';

const EMPTY_TEXT = '暂无数据';

interface Block {
  section: SectionId;
  urlVar: string;
  tableId: string;
  title: string;
  columns: Column[];
  wrapClass?: string;
  wrapId?: string;
  /** Header cells in a separate `div.specialfuckth > table` above a body-only table. */
  nestedHeader?: boolean;
  /** 2018: the table is commented out in the HTML and built by the script inside `#<tableId>_box`. */
  builtByScript?: boolean;
}

/** 个体户 headers with full-width brackets: the same page family mixes both forms. */
function fullWidthBrackets(columns: Column[]): Column[] {
  return columns.map((col) => ({ ...col, header: col.header.replace(/\(/g, '（').replace(/\)/g, '）') }));
}

function blocksFor(page: SimPage, entity: SimEntity): Record<'pane1' | 'self' | 'licence' | 'punish' | 'abnormal' | 'serious', Block[]> {
  const individual = entity.profile.kind === 'individual';
  const plain = (section: SectionId, urlVar: string, tableId: string, extra: Partial<Block> = {}): Block => ({
    section,
    urlVar,
    tableId,
    title: SECTIONS[section].title2017 ?? SECTIONS[section].title,
    columns: SECTIONS[section].columns,
    ...extra,
  });
  return {
    pane1: [
      plain('shareholder', 'shareholderUrl', 'shareholderInfo'),
      plain('keyPerson', 'keyPersonUrl', 'personInfo'),
      plain('branch', 'branchUrl', 'branchInfo'),
      plain('liquidation', 'liquidationUrl', 'liquidationInfo'),
      plain('alter', 'alterInfoUrl', 'altInfo'),
      plain('mortgage', 'mortRegInfoUrl', 'needPaging_guaranty'),
      plain('stakePledge', 'stakQualitInfoUrl', 'needPaging_stakQualit'),
      plain('ipPledge', 'proPledgeRegInfoUrl', 'needPaging_proPledge'),
      plain('trademark', 'trademarkInfoUrl', 'needPaging_trademark'),
      plain('spotCheck', 'spotCheckInfoUrl', 'needPaging_inspect', { wrapClass: 'warning_inspect' }),
      plain('drRanins', 'drRaninsResUrl', 'drRaninsResTable'),
      plain('assist', 'assistUrl', 'needPaging_assist'),
      plain('simpleCancel', 'simpleCancelUrl', 'simpleCancelTable'),
    ],
    self: [
      plain('insLicence', 'insLicenceinfoUrl', 'needPaging_instantLicensing'),
      plain('insPunishment', 'insPunishmentinfoUrl', 'needPaging_insPunishment'),
    ],
    licence: [plain('licence', 'otherLicenceDetailInfoUrl', 'needPaging_otherLicensing', { wrapClass: 'other_licensing' })],
    punish: [plain('punishment', 'punishmentDetailInfoUrl', 'needPaging_punish', { wrapClass: 'warning_punish' })],
    abnormal: [
      {
        section: 'abnormal',
        // The script picks entBusExcepUrl or indBusExcepUrl by input#entType, as the site does.
        urlVar: '@abnormal',
        tableId: 'needPaging_abnormal',
        title: individual ? '经营异常信息' : '列入经营异常名录信息',
        columns: individual ? fullWidthBrackets(ABNORMAL_COLUMNS_INDIVIDUAL) : ABNORMAL_COLUMNS,
        wrapClass: 'warning_abnormal',
        nestedHeader: page.variant === '2017',
      },
    ],
    serious: [
      {
        section: 'serious',
        urlVar: 'IllInfoUrl',
        tableId: 'needPaging_illegal',
        title: SECTIONS.serious.title2017 ?? SECTIONS.serious.title,
        columns: SERIOUS_COLUMNS_2017,
        wrapClass: 'warning_illegal',
        wrapId: 'ill_tab',
        builtByScript: page.variant === '2018',
      },
    ],
  };
}

function headerRow(columns: Column[]): string {
  return `<tr>${columns.map((col) => `<th>${esc(col.header)}</th>`).join('')}</tr>`;
}

export function pagerHtml(total: number, page: number, length = PAGE_LENGTH): string {
  const pages = Math.ceil(total / length);
  let html = `<span class="page-total">共&nbsp;<em>${total}</em>&nbsp;条</span><span class="page-pages">共${pages}页</span>`;
  if (pages > 1) {
    html += `<a href="javascript:void(0);" class="page-prev" data-page="${Math.max(1, page - 1)}">上一页</a>`;
    for (let p = 1; p <= pages; p++) {
      html += `<a href="javascript:void(0);" class="page-num${p === page ? ' current' : ''}" data-page="${p}">${p}</a>`;
    }
    html += `<a href="javascript:void(0);" class="page-next" data-page="${Math.min(pages, page + 1)}">下一页</a>`;
  }
  return html;
}

/** The page's pager script for its page length (`pageLength` of the page, 5 on the site). */
const pagerJs = (length: number): string => `
function simPager(total, page) {
  var pages = Math.ceil(total / ${length});
  var html = '<span class="page-total">\\u5171&nbsp;<em>' + total + '</em>&nbsp;\\u6761</span><span class="page-pages">\\u5171' + pages + '\\u9875</span>';
  if (pages > 1) {
    html += '<a href="javascript:void(0);" class="page-prev" data-page="' + Math.max(1, page - 1) + '">\\u4e0a\\u4e00\\u9875</a>';
    for (var p = 1; p <= pages; p++) html += '<a href="javascript:void(0);" class="page-num' + (p === page ? ' current' : '') + '" data-page="' + p + '">' + p + '</a>';
    html += '<a href="javascript:void(0);" class="page-next" data-page="' + Math.min(pages, page + 1) + '">\\u4e0b\\u4e00\\u9875</a>';
  }
  return html;
}
`;

/** The table built by the 2018 script for the blacklist: the same markup in the saved page and in the browser. */
function builtTable(block: Block, rows: string): string {
  return `<table id="${block.tableId}" class="tableYyzz" cellspacing="0" cellpadding="0"><thead>${headerRow(block.columns)}</thead><tbody>${rows}</tbody></table>`;
}

const BUILT_TABLE_JS = `
function simBuiltTable(b, rows) {
  var head = '<tr>';
  for (var i = 0; i < b.columns.length; i++) head += '<th>' + b.columns[i].header + '</th>';
  head += '</tr>';
  return '<table id="' + b.tableId + '" class="tableYyzz" cellspacing="0" cellpadding="0"><thead>' + head + '</thead><tbody>' + rows + '</tbody></table>';
}
`;

interface Rendered {
  rows: string;
  pager: string;
}

function renderBlock(block: Block, rendered: Rendered | null): string {
  const wrapAttrs = `${block.wrapClass ? ` class="${block.wrapClass}"` : ' class="details-box"'}${block.wrapId ? ` id="${block.wrapId}"` : ''}`;
  const title = `<div class="titleTop"><span class="title-text">${esc(block.title)}</span></div>`;
  const pager = `<div class="page-box" id="${block.tableId}_pager" data-table="${block.tableId}">${rendered?.pager ?? ''}</div>`;
  let table: string;
  if (block.builtByScript) {
    // As in the 2018 sample: the static table is commented out and the script builds it.
    table =
      `<!--\n<table id="${block.tableId}" class="tableYyzz" cellspacing="0" cellpadding="0">\n<thead>${headerRow(block.columns)}</thead>\n</table>\n-->\n` +
      `<div id="${block.tableId}_box">${rendered ? builtTable(block, rendered.rows) : ''}</div>`;
  } else if (block.nestedHeader) {
    table =
      `<div class="specialfuckth"><table class="tableYyzz" cellspacing="0" cellpadding="0"><thead>${headerRow(block.columns)}</thead></table></div>` +
      `<table id="${block.tableId}" class="tableYyzz tableBody" cellspacing="0" cellpadding="0"><tbody>${rendered?.rows ?? ''}</tbody></table>`;
  } else {
    table = `<table id="${block.tableId}" class="tableYyzz" cellspacing="0" cellpadding="0">\n<thead>${headerRow(block.columns)}</thead>\n<tbody>${rendered?.rows ?? ''}</tbody>\n</table>`;
  }
  return `<div${wrapAttrs}>\n${title}\n${table}\n${pager}\n</div>`;
}

function pageLengthOf(page: SimPage): number {
  return page.pageLength ?? PAGE_LENGTH;
}

function renderedBlock(page: SimPage, entity: SimEntity, block: Block): Rendered {
  const endpoints = sectionEndpoints(page);
  const varName =
    block.urlVar === '@abnormal' ? (entity.profile.kind === 'individual' ? 'indBusExcepUrl' : 'entBusExcepUrl') : block.urlVar;
  const endpoint = endpoints.find((e) => e.varName === varName);
  const rows = endpoint?.section ? sectionRows(entity, endpoint.section) : [];
  const length = pageLengthOf(page);
  const reply = dataTablesPage(rows, 1, 0, length);
  return { rows: rowsHtml(block.columns, reply.data, 0, 'cn', EMPTY_TEXT), pager: pagerHtml(reply.recordsTotal, 1, length) };
}

function dl(label: string, valueHtml: string, right: boolean): string {
  return `<dl><dt class="${right ? 'item_right' : 'item'}">${label}：</dt><dd class="result">${valueHtml}</dd></dl>`;
}

function basicInfo(entity: SimEntity): string {
  const e = entity.record.entity;
  const p = entity.profile;
  const established = e.establishedOn ? cnDate(e.establishedOn) : '';
  // The registration authority arrives split across spans, like other obfuscated values.
  const authority = e.registrationAuthority ?? '';
  const authorityHtml = `<span class="nameBoxColor">${esc(authority.slice(0, 3))}</span>${esc(authority.slice(3))}`;
  const items: Array<[string, string]> =
    p.kind === 'individual'
      ? [
          ['统一社会信用代码', esc(e.uscc ?? '')],
          ['名称', esc(e.name)],
          ['类型', esc(p.typeText)],
          ['经营者', `&nbsp;${esc(e.legalRepresentative ?? '')}&nbsp;`],
          ['组成形式', esc(p.organisationForm ?? '')],
          ['注册日期', established],
          ['登记机关', authorityHtml],
          ['核准日期', cnDate(p.approvedOn)],
          ['登记状态', esc(e.status ?? '')],
          ['经营场所', esc(p.address)],
          ['经营范围', esc(p.scope)],
        ]
      : [
          ['统一社会信用代码', esc(e.uscc ?? '')],
          ['企业名称', esc(e.name)],
          ['类型', esc(p.typeText)],
          ['法定代表人', `&nbsp;${esc(e.legalRepresentative ?? '')}&nbsp;`],
          ['注册资本', esc(p.capital ?? '')],
          ['成立日期', established],
          ['营业期限自', established],
          ['营业期限至', p.termTo ? cnDate(p.termTo) : '长期'],
          ['登记机关', authorityHtml],
          ['核准日期', cnDate(p.approvedOn)],
          ['登记状态', esc(e.status ?? '')],
          ['住所', esc(p.address)],
          ['经营范围', esc(p.scope)],
        ];
  return `<div id="primaryInfo"><div class="details clearfix"><div class="titleTop"><span class="title-text">营业执照信息</span></div>
<div class="overview">
${items.map(([label, value], i) => dl(label, value, i % 2 === 1)).join('\n')}
</div></div></div>`;
}

function header(entity: SimEntity): string {
  const e = entity.record.entity;
  const ownerLabel = entity.profile.kind === 'individual' ? '经营者' : '法定代表人';
  return `<div class="nameBox clearfix">
<div class="companyDetail">
<div class="companyName"><h1 class="fullName"><dd class="result" title="${esc(e.name)}">${esc(e.name)}</dd></h1>
<span class="companyStatus" title="${esc(e.status ?? '')}">${esc(e.status ?? '')}</span></div>
<div class="overview-top">
<span class="regNum_inner">统一社会信用代码：<span class="nameBoxColor">&nbsp;${esc(e.uscc ?? '')}</span></span>
<span class="owner">${ownerLabel}：<span class="nameBoxColor">${esc(e.legalRepresentative ?? '')}</span></span>
<span class="regNum_inner">登记机关：<span class="nameBoxColor">${esc(e.registrationAuthority ?? '')}</span></span>
<span class="regNum_inner">成立日期 :<span class="nameBoxColor">${e.establishedOn ? cnDate(e.establishedOn) : ''}</span></span>
</div>
<div class="btn-group"><a href="javascript:void(0);" class="btn-print">信息打印</a><a href="javascript:void(0);" class="btn-send">发送报告</a></div>
</div>
<input type="hidden" id="entType" value="${entity.profile.entTypeCode}">
<input type="hidden" id="nodeNum" value="330000">
</div>`;
}

const NAV = `<div class="header"><div class="header-box">
<a class="logo" href="/index.html">国家企业信用信息公示系统</a>
<ul class="nav">
<li><a href="/index.html">首页</a></li>
<li><a href="/corp-query-entprise-info-xxgg-100000.html">信息公告</a></li>
<li><a href="/corp-query-entprise-info-hot-search-list.html?province=100000">经营异常名录</a></li>
<li><a href="/corp-query-entprise-info-hot-search-list.html?province=100000&tab=ill">严重违法失信企业名单</a></li>
<li><a href="/corp-query-custom-search.html">个体工商户</a></li>
</ul></div></div>`;

const FOOTER = `<div class="footer"><div class="footer-box">
<p>主办单位：国家市场监督管理总局</p>
<p>本页面由 CreditLens 模拟站点生成，所有主体、人员和数据均为虚构。</p>
</div></div>`;

const PUNISH_DETAIL = `<div id="punish_detail" class="popup" style="display:none">
<div class="popup-title">行政处罚信息<a href="javascript:void(0);" class="popup-close">×</a></div>
<table class="tableYyzz">
<tr><td class="label">行政处罚决定书文号：</td><td id="punish_detail_penDecNo"></td></tr>
<tr><td class="label">名称：</td><td id="punish_detail_entName"></td></tr>
<tr><td class="label">统一社会信用代码/注册号：</td><td id="punish_detail_uniscId"></td></tr>
<tr><td class="label">法定代表人（负责人）姓名：</td><td id="punish_detail_lerep"></td></tr>
<tr><td class="label">违法行为类型：</td><td id="punish_detail_illegActType"></td></tr>
<tr><td class="label">行政处罚内容：</td><td id="punish_detail_penContent"></td></tr>
<tr><td class="label">作出行政处罚决定机关名称：</td><td id="punish_detail_penAuth"></td></tr>
<tr><td class="label">作出行政处罚决定日期：</td><td id="punish_detail_penDecIssDate"></td></tr>
</table></div>`;

const STYLE = `<style>
body{font-family:"Microsoft YaHei",sans-serif;font-size:14px;margin:0;color:#333}
.header{background:#c00;color:#fff}.header-box{width:1200px;margin:0 auto;overflow:hidden}.logo{color:#fff;font-size:22px;line-height:60px;text-decoration:none}
.nav{float:right;list-style:none;margin:0}.nav li{display:inline-block;margin-left:20px;line-height:60px}.nav a{color:#fff}
.container{width:1200px;margin:0 auto}.nameBox{border:1px solid #ddd;padding:16px;margin:16px 0}
.fullName{font-size:22px;margin:0 0 8px;display:inline-block}.fullName dd{margin:0}.companyStatus{border:1px solid #2a2;color:#2a2;padding:2px 6px;margin-left:8px}
.regNum_inner,.owner{margin-right:24px}.menu span{display:inline-block;padding:8px 20px;cursor:pointer;border:1px solid #ddd}.menu span.active{background:#c00;color:#fff}
.overview dl{display:inline-block;width:48%;margin:4px 0}.overview dt{display:inline;color:#666}.overview dd{display:inline;margin:0}
.titleTop{font-weight:bold;border-left:4px solid #c00;padding-left:8px;margin:16px 0 8px}
.tableYyzz{width:100%;border-collapse:collapse}.tableYyzz th,.tableYyzz td{border:1px solid #ddd;padding:6px;text-align:center}
.page-box{text-align:right;margin:6px 0}.page-box a{margin:0 3px}.page-box a.current{color:#c00;font-weight:bold}
.footer{margin-top:40px;background:#eee;padding:20px;text-align:center;color:#888}
</style>`;

function pageScript(blocks: Block[], length: number): string {
  const config = blocks.map((b) => ({
    urlVar: b.urlVar,
    tableId: b.tableId,
    columns: b.columns.map((c) => ({ header: c.header, kind: c.kind, key: c.key ?? null })),
    built: b.builtByScript === true,
  }));
  return `<script type="text/javascript">
${SECTION_TABLE_JS}${pagerJs(length)}${BUILT_TABLE_JS}
(function () {
  var BLOCKS = ${scriptJson(config)};
  var EMPTY = '${EMPTY_TEXT}';
  var entTypeInput = document.getElementById('entType');
  var entType = entTypeInput ? entTypeInput.value : '';
  function urlOf(b) {
    if (b.urlVar === '@abnormal') return window[entType === '16' || entType === '17' ? 'indBusExcepUrl' : 'entBusExcepUrl'];
    return window[b.urlVar];
  }
  var draws = {};
  function load(b, page) {
    var url = urlOf(b);
    if (!url) return;
    var start = (page - 1) * ${length};
    draws[b.tableId] = (draws[b.tableId] || 0) + 1;
    simPost(url, start, ${length}, draws[b.tableId], function (json) {
      var rows = simRowsHtml(b.columns, json.data, start, 'cn', EMPTY);
      if (b.built) document.getElementById(b.tableId + '_box').innerHTML = simBuiltTable(b, rows);
      else document.getElementById(b.tableId).tBodies[0].innerHTML = rows;
      document.getElementById(b.tableId + '_pager').innerHTML = simPager(json.recordsTotal, page);
    }, function () {
      var msg = '<tr><td colspan="' + b.columns.length + '" class="dataTables_empty">\\u6570\\u636e\\u52a0\\u8f7d\\u5931\\u8d25\\uff0c\\u8bf7\\u5237\\u65b0\\u9875\\u9762\\u540e\\u91cd\\u8bd5</td></tr>';
      if (b.built) document.getElementById(b.tableId + '_box').innerHTML = simBuiltTable(b, msg);
      else document.getElementById(b.tableId).tBodies[0].innerHTML = msg;
    });
  }
  for (var i = 0; i < BLOCKS.length; i++) load(BLOCKS[i], 1);
  document.addEventListener('click', function (ev) {
    var t = ev.target;
    if (!t || !t.getAttribute) return;
    var tab = /^tab_primary(\\d)$/.exec(t.id || '');
    if (tab) {
      for (var k = 1; k <= 5; k++) {
        var pane = document.getElementById('content' + k);
        var tk = document.getElementById('tab_primary' + k);
        if (pane) pane.style.display = String(k) === tab[1] ? '' : 'none';
        if (tk) tk.className = String(k) === tab[1] ? 'active' : '';
      }
      return;
    }
    var pageNo = t.getAttribute('data-page');
    var box = t.parentNode;
    if (pageNo && box && box.getAttribute && box.getAttribute('data-table')) {
      for (var j = 0; j < BLOCKS.length; j++) if (BLOCKS[j].tableId === box.getAttribute('data-table')) load(BLOCKS[j], Number(pageNo));
    }
  });
})();
</script>`;
}

export function renderGsxt2017(page: SimPage, options: { saved: boolean }): string {
  const entity = entityOfPage(page);
  if (!entity) throw new RangeError(`${page.name} has no entity`);
  const blocks = blocksFor(page, entity);
  const render = (list: Block[]): string =>
    list.map((b) => renderBlock(b, options.saved ? renderedBlock(page, entity, b) : null)).join('\n');
  const individual = entity.profile.kind === 'individual';
  const listed = entity.record.seriousListings.length > 0;
  // The saved copies were taken with the tab of interest open: penalties for companies, the abnormal list for 个体户.
  const activeTab = options.saved ? (individual ? 4 : 3) : 1;
  const tabs: Array<[number, string, boolean]> = [
    [1, '基础信息', true],
    [2, '行政许可信息', true],
    [3, '行政处罚信息', true],
    [4, individual ? '经营异常信息' : '列入经营异常名录信息', true],
    [5, '列入严重违法失信企业名单（黑名单）信息', listed],
  ];
  const pane = (n: number, body: string): string =>
    `<div class="content-i" id="content${n}"${n === activeTab ? '' : ' style="display:none"'}>\n${body}\n</div>`;
  const anCheYears = [2023, 2022, 2021].map((y) => ({ anCheId: `${y}${entity.key.length}A7${y % 97}`, anCheYear: String(y) }));
  return `${layoutComment('gsxt-2017')}
<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>${esc(entity.record.entity.name)} - 国家企业信用信息公示系统</title>
${STYLE}
</head>
<body>
${NAV}
<div class="container">
${header(entity)}
<div class="menu">
${tabs.map(([n, label, shown]) => `<span id="tab_primary${n}"${n === activeTab ? ' class="active"' : ''}${shown ? '' : ' style="display:none"'}>${label}</span>`).join('\n')}
</div>
${pane(1, `${basicInfo(entity)}\n${render(blocks.pane1)}\n<div class="details-box self-published"><div class="titleTop"><span class="title-text">企业自行公示信息</span></div>\n${render(blocks.self)}\n</div>`)}
${pane(2, render(blocks.licence))}
${pane(3, render(blocks.punish))}
${pane(4, render(blocks.abnormal))}
${pane(5, render(blocks.serious))}
</div>
<div id="url" class="mainContent" style="display:none">
<script type="text/javascript">
${urlDeclarations(page)}
var anCheYearInfo = ${scriptJson(anCheYears)};
</script>
</div>
${PUNISH_DETAIL}
${FOOTER}
${pageScript([...blocks.pane1, ...blocks.self, ...blocks.licence, ...blocks.punish, ...blocks.abnormal, ...blocks.serious], pageLengthOf(page))}
</body>
</html>
`;
}
