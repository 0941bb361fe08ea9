"""The page of one report (agency-year) and its source page, as a mixin of :class:`pages.Site`.

The page lays out tables 2–4 like the template, links every number to its source line, and shows the
report card, the findings, the agency's other years and excerpts of the narrative. Everything taken from
a report passes through ``esc``.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict

from ..catalog import codes
from .blocks import blocks_file, split_html_blocks
from .card import SEVERITY_ZH, by_category, score
from .data import number
from .render import cell, chart, esc, plain_cell, table
from .titles import SEARCH_EXCLUDED, agency_path, front_matter, report_name, report_title, up

FINDINGS_SHOWN_PER_CODE = 4  # the rest are counted (all are in findings.csv and on the quality page)
SECTION_EXCERPT = 160  # characters of each narrative section shown on the report page
ROW_SPAN_LINES = 12  # a row whose cells lie within this many lines links once, from its label
PEER_FIELDS = ("received", "granted_share", "denied_share")
PEER_LABELS = {"received": "本年新收申请（件）", "granted_share": "公开比例（%）", "denied_share": "不予公开比例（%）"}


class ReportPages:
    """Needs from the host: ``pkg``, ``metrics``, ``findings``, ``category_of``, ``categories``, ``peers``,
    ``by_agency`` and ``write``."""

    def report_page(self, r: dict) -> None:
        rid = r["report_id"]
        page = self.report_urls[rid]  # a/<agency_id>/<year>/ (titles.report_paths)
        src = f"../../src/{rid}.html"  # every 'href="../../' is rebased to the page's depth below
        meta = [("机构", report_name(r)), ("年度", r["year"]), ("地区", " ".join(x for x in (r["province"], r["city"],
                r["county"]) if x)), ("发布日期", r["published_date"]),
                ("统计期", f"{r['period_start'] or '?'} 至 {r['period_end'] or '?'}"), ("表格格式", r["format"]),
                ("源文件", r["source_file"]), ("SHA-256", r["sha256"]), ("状态", r["status"])]
        meta_rows = [[f"<th>{esc(k)}</th>", f"<td>{esc(v)}</td>"] for k, v in meta]
        if r["source_url"]:
            meta_rows.append(["<th>来源</th>", f'<td><a href="{esc(r["source_url"])}" rel="nofollow">{esc(r["source_url"])}</a></td>'])
        parts = [front_matter(report_title(r), SEARCH_EXCLUDED), f"# {esc(report_title(r))}\n",
                 "<table>\n" + "\n".join("<tr>" + "".join(x) + "</tr>" for x in meta_rows) + "\n</table>",
                 f'\n<p>{self._agency_link(r)}<a href="{src}">查看原文（带行号）</a>　'
                 f'<a href="../../downloads/reports/{rid}.csv" download>下载本报告 CSV</a></p>\n',
                 self._report_card(r), self._table2(rid, src), self._table3(rid, src), self._table4(rid, src),
                 self._report_findings(rid, src), self._years(r), self._sections(rid, src)]
        front, body = parts[0], "\n".join(p for p in parts[1:] if p)
        body = body.replace('href="../../', f'href="{up(page)}')  # site links, written for r/<id>/
        markdown, blocks = split_html_blocks(body)
        folder, stem = page.rstrip("/").rsplit("/", 1)
        self.write(f"{folder}/{stem}.md", front + markdown)
        self.write(f"{folder}/{blocks_file(stem)}", json.dumps(blocks, ensure_ascii=False))

    def _agency_link(self, r: dict) -> str:
        if not r.get("agency_id"):
            return ""
        return f'<a href="../../{agency_path(r["agency_id"])}">机构页：历年数据与比较</a>　'

    def _report_card(self, r: dict) -> str:
        found = self.findings.get(r["report_id"], [])
        grouped = by_category(found, self.category_of)
        rows = []
        for code, name in self.categories.items():
            counts = Counter(f["severity"] for f in grouped.get(code, []))
            verdict = "　".join(f'<span class="xxgk-sev-{s}">{SEVERITY_ZH[s]} {counts[s]}</span>'
                               for s in ("error", "warning", "info") if counts[s]) or "✓ 通过"
            rows.append([f'<td><a href="../../checks/#{esc(code)}">{esc(name)}</a></td>', f"<td>{verdict}</td>"])
        m, peers = self.metrics[r["report_id"]], self.peers[r["report_id"]]
        peer_rows = [[f"<td>{esc(PEER_LABELS[k])}</td>", cell(m[k]), cell(peers[k][0]), cell(peers[k][1])]
                     for k in PEER_FIELDS]
        return (f"\n## 报告评估\n\n<p>得分 <b>{score(found)}</b>/100（每个错误扣{10}分、每个警告扣3分；"
                f'<a href="../../report-card/">全部排名</a>）</p>\n' + table(["检查类别", "结果"], rows)
                + "\n\n<p>同年度、同省份报告的中位数：</p>\n" + table(["指标", "本报告", "同类中位数", "同类报告数"], peer_rows))

    def _linked(self, value, line, src) -> str:
        if value is None:
            return cell(None)
        return f'<td class="xxgk-num"><a href="{src}#L{esc(line)}" title="原文第{esc(line)}行">{esc(value)}</a></td>' \
            if line else cell(value)

    def _template_table(self, rows: list[dict], keys: tuple[str, str], row_labels: dict, column_labels: dict,
                        corner: str, src: str) -> tuple[dict, str]:
        """A table laid out like the template (rows × columns), every value linked to its line."""
        grid: dict[str, dict] = defaultdict(dict)
        for x in rows:
            grid[x[keys[0]]][x[keys[1]]] = x
        body = []
        for r, cells in grid.items():
            lines = {int(x["line"]) for x in cells.values() if x["value"] is not None and x["line"]}
            if not lines or max(lines) - min(lines) <= ROW_SPAN_LINES:  # printed together: link the label once
                head = f"<td>{esc(row_labels[r])}</td>" if not lines else (
                    f'<td><a href="{src}#L{min(lines)}" title="原文第{min(lines)}行">{esc(row_labels[r])}</a></td>')
                body.append([head] + [plain_cell(cells.get(c, {}).get("value")) for c in column_labels])
            else:
                body.append([f"<td>{esc(row_labels[r])}</td>"] + [self._linked(cells.get(c, {}).get("value"),
                            cells.get(c, {}).get("line"), src) for c in column_labels])
        legend = "<p><small>“—”表示缺失（空白、/、- 或无法读取），不是0。</small></p>"
        return grid, table([corner] + list(column_labels.values()), body, css="grid") + legend

    def _table2(self, rid: str, src: str) -> str:
        rows = self.pkg.by_report("active_disclosure").get(rid, [])
        if not rows:
            return "\n## 二、主动公开政府信息情况\n\n<p>本报告没有可读取的表2（缺失，不是0）。</p>"
        items, measures = self.pkg.labels("items"), self.pkg.labels("measures")
        body = [[f"<td>{esc(items[x['item']])}</td>", f"<td>{esc(measures[x['measure']])}</td>",
                 self._linked(x["value"], x["line"], src)] for x in rows]
        return "\n## 二、主动公开政府信息情况\n\n" + table(["信息内容", "指标", "数值"], body)

    def _table3(self, rid: str, src: str) -> str:
        rows = self.pkg.by_report("applications").get(rid, [])
        if not rows:
            return "\n## 三、收到和处理政府信息公开申请情况\n\n<p>本报告没有可读取的表3数据（缺失，不是0）。</p>"
        applicants = self.pkg.labels("applicants")
        _, html = self._template_table(rows, ("row", "applicant"), self.pkg.labels("application_rows"),
                                          applicants, "项目", src)
        m = self.metrics[rid]
        labels = {g["code"]: g["zh"] for g in codes()["outcome_groups"]}
        pie = chart([{"type": "pie", "labels": [labels[g] for g in m["groups"]],
                      "values": list(m["groups"].values()), "name": "办理结果", "hole": 0.4}],
                    "申请办理结果（总计列）", filename=f"{rid}-outcomes", data_table=False)
        who = {x["applicant"]: number(x["value"]) for x in rows if x["row"] == "new" and x["applicant"] != "total"}
        bar = chart([{"type": "bar", "x": [applicants[a] for a in who], "y": list(who.values()), "name": "申请人"}],
                    "本年新收申请的申请人类型", "申请人", "件", f"{rid}-applicants", data_table=False)
        return "\n## 三、收到和处理政府信息公开申请情况\n\n" + html + "\n" + pie + "\n" + bar

    def _table4(self, rid: str, src: str) -> str:
        rows = self.pkg.by_report("review_litigation").get(rid, [])
        if not rows:
            return "\n## 四、行政复议、行政诉讼情况\n\n<p>本报告没有可读取的表4（缺失，不是0）。</p>"
        procs, outs = self.pkg.labels("proceedings"), self.pkg.labels("outcomes")
        grid, html = self._template_table(rows, ("proceeding", "outcome"), procs, outs, "类别", src)
        traces = [{"type": "bar", "name": outs[o], "x": [procs[p] for p in grid],
                   "y": [number(grid[p].get(o, {}).get("value")) for p in grid]} for o in outs if o != "total"]
        return ("\n## 四、行政复议、行政诉讼情况\n\n" + html + "\n"
                + chart(traces, "行政复议、行政诉讼结果", "", "件", f"{rid}-review", {"barmode": "stack"},
                         data_table=False))

    def _report_findings(self, rid: str, src: str) -> str:
        """Each finding with its source line; a code found many times shows its first few and a count."""
        found = self.findings.get(rid, [])
        if not found:
            return "\n## 发现的问题\n\n<p>未发现问题。</p>"
        by_code: dict[str, list] = defaultdict(list)
        for f in found:
            by_code[f["code"]].append(f)
        items = []
        for code, group in by_code.items():
            for f in group[:FINDINGS_SHOWN_PER_CODE]:
                where = f' <a href="{src}#L{esc(f["line"])}">第{esc(f["line"])}行</a>' if f["line"] else ""
                items.append(f'<li><span class="xxgk-sev-{esc(f["severity"])}">{esc(SEVERITY_ZH.get(f["severity"]))}'
                             f'</span> {esc(f["message"])}{where} <a href="../../checks/#{esc(code)}">{esc(code)}</a></li>')
            if len(group) > FINDINGS_SHOWN_PER_CODE:
                items.append(f'<li>…… {esc(code)} 另有 {len(group) - FINDINGS_SHOWN_PER_CODE} 条，全部见'
                             f'<a href="../../quality/#{esc(code)}">数据质量</a>和下载的 findings.csv</li>')
        return "\n## 发现的问题\n\n<ul>\n" + "\n".join(items) + "\n</ul>"

    def _years(self, r: dict) -> str:
        same = self.by_agency.get(r["agency"], []) if r["agency"] else []
        if len(same) < 2:
            return ""
        rows = [[f'<td><a href="../../{self.report_urls[x["report_id"]]}">'
                 f'{esc(x["year"])}</a></td>',
                 cell(self.metrics[x["report_id"]]["received"]), cell(self.metrics[x["report_id"]]["granted_share"]),
                 cell(x["finding_count"])] for x in sorted(same, key=lambda x: x["year"] or "")]
        return "\n## 历年报告\n\n" + table(["年度", "新收申请", "公开比例%", "问题数"], rows)

    def _sections(self, rid: str, src: str) -> str:
        """An excerpt of each narrative section, linked to its full text on the source page
        (the whole narrative on this page would break the 30 KB page budget)."""
        names = self.pkg.labels("section_codes")
        rows = []
        for s in self.pkg.by_report("sections").get(rid, []):
            text = s["text"] or ""
            excerpt = text[:SECTION_EXCERPT] + ("…" if len(text) > SECTION_EXCERPT else "")
            link = f'<a href="{src}#L{esc(s["line"])}">全文</a>' if s["line"] else ""
            rows.append([f"<td>{esc(names.get(s['section'], s['section']))}</td>", f"<td>{esc(excerpt)} {link}</td>"])
        return "\n## 报告正文（叙述部分）\n\n" + table(["章节", "摘要"], rows) if rows else ""

    def source_page(self, r: dict) -> None:
        """The source text with line anchors, as a plain HTML file: MkDocs copies it as it is, so
        ten thousand of them cost the build nothing (and they stay out of the search index)."""
        text = self.pkg.source_text(r["report_id"])
        lines = "\n".join(f'<span id="L{n}" data-n="{n}">{esc(line) or "&nbsp;"}</span>'
                          for n, line in enumerate(text.split("\n"), start=1))
        title = esc(f"原文：{report_title(r)}")
        self.write(f"src/{r['report_id']}.html", SOURCE_PAGE.format(title=title, page=esc(self.report_urls[r["report_id"]]),
                                                                  lines=lines))


SOURCE_PAGE = """<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{title}</title><link rel="stylesheet" href="../assets/xxgk.css"></head>
<body class="xxgk-source-page"><p><a href="../{page}">← 返回报告页</a></p><h1>{title}</h1>
<div class="xxgk-source">
{lines}
</div></body></html>
"""
