/**
 * An older provincial sub-site page (served on zj.gsxt.gov.cn): server-rendered `th`/`td` tables with the title in a
 * `th colspan` row, the Guangxi-style 经营异常 and 严重违法 column sets (one 作出决定机关 column, "严重违法企业名单"
 * wording), the 8-column 行政处罚 set of a Heilongjiang page, unpadded dates such as
 * 2025年8月12日, 注册号 next to the code, JSP-style white space inside cells and `&nbsp;` in empty cells.
 */
import type { IsoDate } from '#core';
import type { SimEntity, SimPage } from '../entities.ts';
import { entityOfPage } from '../routes.ts';
import { PAGE_LENGTH } from '../sections.ts';
import { cnDateUnpadded, esc, layoutComment } from './html.ts';

/** A cell as the old JSP templates wrote it: the value on its own indented line. */
function td(value: string | undefined, attrs = ''): string {
  const v = value === undefined || value === '' ? '&nbsp;' : esc(value);
  return `<td${attrs}>\n\t\t\t\t${v}\n\t\t\t</td>`;
}

function dateCell(date: IsoDate | undefined): string {
  return td(date ? cnDateUnpadded(date) : undefined);
}

function listTable(id: string, title: string, headers: string[], rows: string[][], total: number): string {
  const head = `<tr><th colspan="${headers.length}" style="text-align:center;">${title}</th></tr>\n<tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr>`;
  const body =
    rows.length === 0
      ? `<tr><td colspan="${headers.length}" style="text-align:center;">暂无数据</td></tr>`
      : rows.map((cells) => `<tr>\n${cells.join('\n')}\n\t\t</tr>`).join('\n');
  const pages = Math.max(1, Math.ceil(total / PAGE_LENGTH));
  return `<div id="${id}">
<table class="detailsList" cellspacing="0" cellpadding="0" width="100%">
${head}
${body}
</table>
<div class="pages">共&nbsp;<b>${total}</b>&nbsp;条记录&nbsp;&nbsp;第&nbsp;1/${pages}&nbsp;页&nbsp;<a href="javascript:goPage('${id}',1)">首页</a>&nbsp;<a href="javascript:goPage('${id}',${pages})">末页</a></div>
</div>`;
}

function basicTable(entity: SimEntity): string {
  const e = entity.record.entity;
  const p = entity.profile;
  const row = (a: [string, string], b: [string, string]): string =>
    `<tr><th width="20%">${a[0]}</th>${td(a[1], ' width="30%"')}<th width="20%">${b[0]}</th>${td(b[1], ' width="30%"')}</tr>`;
  return `<table class="detailsList" cellspacing="0" cellpadding="0" width="100%">
<tr><th colspan="4" style="text-align:center;">基本信息</th></tr>
${row(['统一社会信用代码', e.uscc ?? ''], ['注册号', e.regNo ?? ''])}
${row(['名称', e.name], ['类型', p.typeText])}
${row(['法定代表人', e.legalRepresentative ?? ''], ['注册资本', p.capital ?? ''])}
${row(['成立日期', e.establishedOn ? cnDateUnpadded(e.establishedOn) : ''], ['登记机关', e.registrationAuthority ?? ''])}
${row(['营业期限自', e.establishedOn ? cnDateUnpadded(e.establishedOn) : ''], ['营业期限至', p.termTo ? cnDateUnpadded(p.termTo) : '长期'])}
${row(['核准日期', cnDateUnpadded(p.approvedOn)], ['登记状态', e.status ?? ''])}
<tr><th>住所</th>${td(p.address, ' colspan="3"')}</tr>
<tr><th>经营范围</th>${td(p.scope, ' colspan="3"')}</tr>
</table>`;
}

export function renderGsxtProvincial(page: SimPage): string {
  const entity = entityOfPage(page);
  if (!entity) throw new RangeError(`${page.name} has no entity`);
  const e = entity.record.entity;
  const r = entity.record;
  const firstPage = <T>(list: T[]): T[] => list.slice(0, PAGE_LENGTH);
  const alterations = entity.side.alterations.map((a, i) => [td(String(i + 1)), td(a.item), td(a.before), td(a.after), dateCell(a.date)]);
  const abnormal = firstPage(r.abnormalListings).map((a, i) => [
    td(String(i + 1)),
    td(a.reasonText),
    dateCell(a.listedDate),
    td(a.removalReasonText),
    dateCell(a.removedDate),
    td(a.authority),
  ]);
  const serious = firstPage(r.seriousListings).map((s, i) => [
    td(String(i + 1)),
    td(s.reasonText),
    dateCell(s.listedDate),
    td(undefined),
    dateCell(s.removedDate),
    td(s.authority),
  ]);
  const penalties = firstPage(r.penalties).map((p, i) => [
    td(String(i + 1)),
    td(p.decisionNo),
    td(p.violationText),
    td(p.content),
    td(p.authority),
    dateCell(p.decisionDate),
    dateCell(p.publicityDate),
    td(undefined),
  ]);
  const checks = entity.side.spotChecks.map((s, i) => [
    td(String(i + 1)),
    td(s.authority),
    td(s.type === 1 ? '抽查' : '检查'),
    dateCell(s.date),
    td(s.result),
  ]);
  return `${layoutComment('gsxt-provincial')}
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>国家企业信用信息公示系统（浙江）</title>
<style type="text/css">
body{font:12px/1.6 "宋体",SimSun,sans-serif;margin:0}#header{background:#1c5eaa;color:#fff;padding:12px 20px;font-size:20px}
#details{width:990px;margin:10px auto}.detailsList{border-collapse:collapse;margin-bottom:4px}.detailsList th,.detailsList td{border:1px solid #c4d3e6;padding:4px 6px}
.detailsList th{background:#eaf1fb}.pages{text-align:right;margin-bottom:14px}.tabs ul{list-style:none;padding:0}.tabs li{display:inline-block;padding:4px 14px;border:1px solid #c4d3e6}.tabs li.current{background:#1c5eaa;color:#fff}
#footer{border-top:1px solid #ccc;margin-top:20px;padding:10px;text-align:center;color:#666}
</style>
<script type="text/javascript">
function goPage(id, n) { /* the old sites reloaded the whole page with ?pageNo=n */ }
function togo(n) { var tabs = document.getElementById('tabs').getElementsByTagName('li'); for (var i = 0; i < tabs.length; i++) tabs[i].className = i + 1 === n ? 'current' : ''; }
</script>
</head>
<body>
<div id="header">国家企业信用信息公示系统（浙江）</div>
<div id="details">
<h2 style="font-size:16px;">${esc(e.name)}&nbsp;&nbsp;&nbsp;&nbsp;统一社会信用代码/注册号：${esc(e.uscc ?? '')}</h2>
<div class="tabs" id="tabs"><ul>
<li class="current" onclick="togo(1)">工商公示信息</li><li onclick="togo(2)">企业公示信息</li><li onclick="togo(3)">其他部门公示信息</li><li onclick="togo(4)">司法协助公示信息</li>
</ul></div>
<div id="jibenxinxi">
${basicTable(entity)}
</div>
${listTable('altDiv', '变更信息', ['序号', '变更事项', '变更前内容', '变更后内容', '变更日期'], alterations, alterations.length)}
${listTable('excDiv', '经营异常信息', ['序号', '列入经营异常名录原因', '列入日期', '移出经营异常名录原因', '移出日期', '作出决定机关'], abnormal, r.abnormalListings.length)}
${listTable('serillDiv', '严重违法信息', ['序号', '列入严重违法企业名单原因', '列入日期', '移出严重违法企业名单原因', '移出日期', '作出决定机关'], serious, r.seriousListings.length)}
${listTable('punDiv', '行政处罚信息', ['序号', '决定书文号', '违法行为类型', '行政处罚内容', '决定机关名称', '处罚决定日期', '公示日期', '备注'], penalties, r.penalties.length)}
${listTable('spotCheckDiv', '抽查检查信息', ['序号', '检查实施机关', '类型', '日期', '结果'], checks, checks.length)}
</div>
<div id="footer">版权所有：国家企业信用信息公示系统（浙江） 本页面由 CreditLens 模拟站点生成，所有主体、人员和数据均为虚构。</div>
</body>
</html>
`;
}
