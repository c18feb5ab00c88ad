/**
 * The simulated site's own pages: the gsxt home page, the captcha page its firewall shows where JSON was expected,
 * a 404, and the demo index at /__sim/.
 */
import { PAGES, pageUrl, type SimPage } from '../entities.ts';
import { sectionEndpoints } from '../routes.ts';
import { esc } from './html.ts';

/** What gsxt answers when the session must pass a captcha again: an HTML page, whatever was asked for. */
export function renderCaptchaPage(): string {
  return `<!-- layout: gsxt security check page (captcha, credit-sites.md §3b "Access"); invented -->
<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>安全验证 - 国家企业信用信息公示系统</title>
<style>body{font-family:sans-serif;text-align:center;padding-top:80px}.geetest_holder{width:300px;height:44px;margin:20px auto;border:1px solid #ccc;line-height:44px;color:#999}</style>
</head>
<body>
<h2>请完成安全验证</h2>
<p>您的访问过于频繁或会话已过期，请点击下方按钮完成验证后继续访问。</p>
<div class="geetest_holder geetest_wind" id="captcha">点击按钮进行验证</div>
<script>var gt = { challenge: "00000000000000000000000000000000", product: "bind", offline: false };</script>
</body>
</html>
`;
}

export function renderGsxtHome(): string {
  return `<!-- layout: gsxt home page (simulated, minimal); invented -->
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>国家企业信用信息公示系统</title></head>
<body>
<h1>国家企业信用信息公示系统</h1>
<form action="/corp-query-search-1.html" method="post">
<input type="text" name="searchword" placeholder="请输入企业名称、统一社会信用代码或注册号">
<input type="hidden" name="tab" value="ent_tab">
<button type="submit">查询</button>
</form>
<p>本站为 CreditLens 模拟站点，所有主体、人员和数据均为虚构。演示页面列表见 <a href="/__sim/">/__sim/</a>。</p>
</body></html>
`;
}

export function renderNotFound(): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>404</title></head><body><h1>404 页面不存在</h1><p><a href="/__sim/">/__sim/</a></p></body></html>\n`;
}

function pageLine(page: SimPage): string {
  const url = `http://${page.host}${page.path}`;
  const endpoints = sectionEndpoints(page).filter((e) => e.section !== null);
  const list =
    endpoints.length === 0
      ? ''
      : `<details><summary>${endpoints.length} section endpoints (POST draw/start/length)</summary><ul>${endpoints
          .map((e) => `<li><code>var ${esc(e.varName)}</code> → <code>${esc(e.path)}</code> (${e.section ?? ''})</li>`)
          .join('')}</ul></details>`;
  return `<li><a href="${esc(url)}">${esc(page.name)}</a> — ${esc(page.about)}<br><code>${esc(pageUrl(page))}</code>${page.fixture ? ' · saved as a fixture' : ''}${list}</li>`;
}

/** /__sim/: every demo URL, with the Host each needs. */
export function renderSimIndex(port: number): string {
  const rules = [...new Set(PAGES.map((p) => p.host)), 'public.creditchina.gov.cn'].map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ');
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>CreditLens simulated credit sites</title>
<style>body{font-family:sans-serif;max-width:1100px;margin:20px auto;line-height:1.5}code{background:#f3f3f3;padding:0 3px;word-break:break-all}li{margin-bottom:10px}</style></head>
<body>
<h1>CreditLens simulated credit sites</h1>
<p>Everything here is invented. The server routes by the <code>Host</code> header; start a browser with<br>
<code>--host-resolver-rules="${esc(rules)}, EXCLUDE 127.0.0.1, MAP * ~NOTFOUND"</code><br>to open the pages under their real names (plain http).</p>
<h2>Pages</h2>
<ul>
${PAGES.map(pageLine).join('\n')}
<li><a href="http://www.gsxt.gov.cn/">http://www.gsxt.gov.cn/</a> — home page with the search form (POST /corp-query-search-1.html)</li>
</ul>
<h2>Behaviours</h2>
<ul>
<li>Section endpoints: <code>POST</code> form <code>draw, start, length</code> → <code>{draw, recordsTotal, totalPage, data}</code>; unknown query parameters (a firewall token) are ignored; <code>GET</code> → 405.</li>
<li>Any section endpoint with <code>?__sim=captcha</code> answers the HTML captcha page; with <code>?__sim=ngid</code> answers <code>{"NGIDERRORCODE": …}</code>. The captcha-2018 and blocked-2018 entities always do.</li>
<li>Credit China API on public.creditchina.gov.cn: <code>/private-api/getTyshxydmDetailsContent</code>, <code>/private-api/typeSourceSearch?type=&lt;category&gt;</code>, <code>/private-api/catalogSearchHome?keyword=</code>; <code>__sim=captcha</code> → <code>{status: 40001}</code>.</li>
<li><a href="/__sim/truth.json">/__sim/truth.json</a>: the truth records of every entity.</li>
</ul>
</body></html>
`;
}
