/**
 * The style sheet of the HTML report (docs/html-report.md). A constant: the
 * page's Content-Security-Policy allows exactly this text by its hash
 * (html-page-policy.ts), so nothing else can style the page.
 */

/** The CSS of the page, inlined in its one `<style>` element. */
export const HTML_PAGE_STYLE = `
:root{--safe:#1a7f37;--unsafe:#cf222e;--undetermined:#bf8700;--error:#8250df;--none:#d0d7de;--ink:#1f2328;--muted:#59636e;--line:#d0d7de;--bg:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff;display:flex;flex-direction:column}
header,section{padding:12px 24px;max-width:1200px;width:100%;margin:0 auto}
header{order:0;border-bottom:1px solid var(--line)}
#verdict{order:1}#population{order:2}#categories{order:3}#baseline{order:3}#trial-groups{order:4}#trial-grid{order:5}#results{order:6}
h1{font-size:22px;margin:8px 0}h2{font-size:17px;margin:16px 0 8px}h3{font-size:15px;margin:12px 0 4px}h4{font-size:13px;margin:10px 0 4px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.facts{display:flex;flex-wrap:wrap;gap:4px 18px;margin:0;color:var(--muted)}.facts div{display:flex;gap:4px}.facts dt::after{content:":"}.facts dd{margin:0;color:var(--ink)}
.verdict{border-left:6px solid;padding:10px 16px;background:var(--bg);border-radius:4px}
.verdict.passed{border-color:var(--safe)}.verdict.failed{border-color:var(--unsafe)}.verdict.incomplete{border-color:var(--undetermined)}
.verdict h2{margin:0 0 4px}.verdict.passed h2{color:var(--safe)}.verdict.failed h2{color:var(--unsafe)}.verdict.incomplete h2{color:#9a6700}
.verdict p{margin:4px 0}.verdict ul{margin:4px 0;padding-left:20px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid var(--line);vertical-align:top}th{font-weight:600;color:var(--muted)}
table.numbers{width:auto;min-width:420px;margin-top:8px}form.filters select{max-width:320px}
table.trials td:last-child{width:55%}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.interval{color:var(--muted);font-size:12px;white-space:nowrap}
.worse{color:var(--unsafe);font-weight:700}
svg.bar{width:260px;height:14px;display:block;border-radius:2px;background:var(--bg)}
svg.gauge{width:160px;height:14px;display:block;background:var(--bg)}
.safe{fill:var(--safe)}.unsafe{fill:var(--unsafe)}.undetermined{fill:var(--undetermined)}.error{fill:var(--error)}.none{fill:var(--none)}
.gauge .rate{fill:#8c959f}.gauge line{vector-effect:non-scaling-stroke}.gauge .ci{stroke:var(--ink);stroke-width:1.5}.gauge .threshold{stroke:var(--unsafe);stroke-width:3}
.badge{display:inline-block;min-width:108px;text-align:center;font-size:11px;font-weight:700;border-radius:10px;padding:1px 8px;color:#fff}
.badge.safe,.cell.safe{background:var(--safe)}.badge.unsafe,.cell.unsafe{background:var(--unsafe)}.badge.undetermined,.cell.undetermined{background:var(--undetermined)}.badge.error,.cell.error{background:var(--error)}.cell.none{background:var(--none)}
.badge.passed{background:var(--safe)}.badge.failed{background:var(--unsafe)}
.grid{display:flex;flex-wrap:wrap;gap:2px}.cell{width:14px;height:14px;border-radius:2px;display:inline-block}
.legend{display:flex;gap:12px;color:var(--muted);font-size:12px;margin:6px 0}.legend span{display:inline-flex;align-items:center;gap:4px}
form.filters{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;padding:8px;background:var(--bg);border-radius:4px;margin-bottom:8px}
form.filters[hidden]{display:none}
form.filters input[type=search]{min-width:260px;padding:4px 6px}
details.result{border-bottom:1px solid var(--line)}
details.result>summary{cursor:pointer;padding:5px 4px;display:flex;gap:10px;align-items:baseline;list-style:none}
details.result>summary::before{content:"\\25B8";color:var(--muted)}details.result[open]>summary::before{content:"\\25BE"}
details.result>summary>span{min-width:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
details.result>summary .badge{flex:none}details.result>summary .name{font-weight:600;flex:0 1 32%}details.result>summary .category{color:var(--muted);font-size:12px;flex:0 1 14%}
details.result>summary .summary{color:var(--muted);flex:1 1 40%}
td{overflow-wrap:anywhere}
.body{padding:4px 12px 12px 28px}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0}dl.fields dt{color:var(--muted)}dl.fields dd{margin:0;overflow-wrap:anywhere;white-space:pre-wrap}
pre{background:var(--bg);padding:8px;border-radius:4px;overflow:auto;max-height:360px;white-space:pre-wrap;overflow-wrap:anywhere;margin:4px 0}
ol.turns{list-style:none;padding:0;margin:0}ol.turns>li{border-left:3px solid var(--line);padding:2px 10px;margin:6px 0}
.msg{white-space:pre-wrap;overflow-wrap:anywhere;margin:2px 0}.who{font-weight:600;color:var(--muted);margin-right:6px}
.tool{background:#fff8c5;border-radius:4px;padding:4px 8px;margin:4px 0;white-space:pre-wrap;overflow-wrap:anywhere}
mark.planted{background:#ffd8d3;color:#82071e;outline:1px solid var(--unsafe);border-radius:2px}
.pager{display:flex;gap:8px;align-items:center;margin:8px 0}.muted{color:var(--muted)}
`;
