"""Writing the site's Markdown pages from the package. Every report value passes through ``esc``."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from ..catalog import codes
from .blocks import blocks_file, split_html_blocks
from .card import by_category, peer_medians, score
from .data import Package, number
from .metrics import report_metrics
from .render import cell, chart, esc, table

FINDINGS_SHOWN_PER_CODE = 4  # the rest are counted (all are in findings.csv and on the quality page)
SECTION_EXCERPT = 160  # characters of each narrative section shown on the report page
ROW_SPAN_LINES = 12  # a row whose cells lie within this many lines links once, from its label
SEARCH_EXCLUDED = "search:\n  exclude: true\n"  # pages that grow with the number of reports: the finder covers them
CHART_TOP = 30  # reports per comparison chart (by applications received); beyond that a chart is unreadable
QUALITY_ROWS_PER_CODE = 200  # the quality page lists this many findings per code; findings.csv has all
PEER_FIELDS = ("received", "granted_share", "denied_share")
PEER_LABELS = {"received": "本年新收申请（件）", "granted_share": "公开比例（%）", "denied_share": "不予公开比例（%）"}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def _plain(value) -> str:
    """A value cell without a link (right-aligned by the xxgk-grid table style)."""
    return '<td class="m">—</td>' if value is None else f"<td>{esc(value)}</td>"


def _fmt(value) -> str:
    if value is None:
        return "—"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _name(report: dict) -> str:
    return report["agency"] or f"（未识别机构）{report['source_file']}"


def _title(report: dict) -> str:
    return f"{_name(report)} {report['year'] or ''}年度"


def _front(title: str, extra: str = "") -> str:
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n{extra}---\n\n"


class Site:
    def __init__(self, pkg: Package, out: Path):
        self.pkg, self.out = pkg, out
        self.row_groups = {r["code"]: r["outcome"] for r in codes()["rows"] if r.get("outcome")}
        self.metrics = report_metrics(pkg, self.row_groups)
        self.reports = sorted(pkg.tables["reports"], key=lambda r: (_name(r), r["year"] or "", r["report_id"]))
        self.findings = pkg.by_report("findings")
        self.category_of = {c["code"]: c["category"] for c in pkg.tables["finding_codes"]}
        self.categories = pkg.labels("check_categories")
        self.peers = peer_medians(self.reports, self.metrics, PEER_FIELDS)
        self.by_agency: dict[str, list[dict]] = defaultdict(list)
        for r in self.reports:
            if r["agency"]:
                self.by_agency[r["agency"]].append(r)
        ranked = sorted(self.reports, key=lambda r: (-(self.metrics[r["report_id"]]["received"] or 0), _name(r)))
        self.charted = ranked[:CHART_TOP]  # charts over agencies show the largest; the data has them all

    def write(self, rel: str, text: str) -> None:
        path = self.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    # -- pages ------------------------------------------------------------------------------
    def all_pages(self) -> None:
        self.home()
        self.agencies()
        for report in self.reports:
            self.report_page(report)
            self.source_page(report)
        self.compare()
        self.ranking()
        self.data_page()
        self.quality()
        self.checks()
        self.about()

    def home(self) -> None:
        m = [self.metrics[r["report_id"]] for r in self.reports]
        received = sum(x["received"] for x in m if x["received"] is not None)
        nfind = sum(len(v) for v in self.findings.values())
        errors = sum(1 for v in self.findings.values() for f in v if f["severity"] == "error")
        numbers = "".join(f"<div><b>{esc(_fmt(v))}</b>{esc(k)}</div>" for k, v in (
            ("份报告", len(self.reports)), ("个机构", len({_name(r) for r in self.reports})),
            ("件新收申请（合计）", received), ("条问题", nfind), ("条错误", errors)))
        latest = sorted(self.reports, key=lambda r: (r["published_date"] or "", r["report_id"]), reverse=True)[:10]
        rows = [[f'<td><a href="r/{r["report_id"]}/">{esc(_name(r))}</a></td>', cell(r["year"]),
                 cell(r["published_date"])] for r in latest]
        body = [_front("政府信息公开年报数据"), "# 政府信息公开工作年度报告数据\n",
                "把各级行政机关每年发布的《政府信息公开工作年度报告》变成可比较、可追溯、可核查的开放数据。"
                "每个数字都链接到报告原文的行；每个不合勾稽关系的数字都列为问题。\n",
                f'<div class="xxgk-numbers">{numbers}</div>\n', self._received_chart(), "\n## 最新报告\n",
                table(["机构", "年度", "发布日期"], rows), "\n[全部机构 →](agencies.md)　[比较 →](compare.md)　"
                "[下载数据 →](data.md)\n"]
        self.write("index.md", "\n".join(body))

    def _received_chart(self) -> str:
        names = [_title(r) for r in self.charted]
        values = [self.metrics[r["report_id"]]["received"] for r in self.charted]
        return chart([{"type": "bar", "x": names, "y": values, "name": "本年新收申请"}],
                     f"本年新收政府信息公开申请数量（前{CHART_TOP}份报告）", "", "件", "received", horizontal=True)

    def agencies(self) -> None:
        finder = ('<p><label>查找机构（名称、简称或拼音）：<input id="xxgk-finder" data-index="../assets/finder.json" '
                  'data-base="../" placeholder="如 格尔木 / geermu / gem"></label></p><ul id="xxgk-finder-results"></ul>')
        rows = []
        for r in self.reports:
            m = self.metrics[r["report_id"]]
            region = " ".join(x for x in (r["province"], r["city"], r["county"]) if x)
            rows.append([f'<td><a href="../r/{r["report_id"]}/">{esc(_name(r))}</a></td>', f"<td>{esc(region)}</td>",
                         cell(r["year"]), cell(_fmt(m["received"]) if m["received"] is not None else None),
                         cell(m["granted_share"]), cell(m["denied_share"]), cell(r["finding_count"]),
                         f"<td>{esc(r['status'])}</td>"])
        body = [_front("机构索引", SEARCH_EXCLUDED), "# 机构索引\n", finder,
                '<p><label>筛选表格：<input class="xxgk-filter" data-table="xxgk-agencies" placeholder="机构、地区或年度"></label></p>',
                table(["机构", "地区", "年度", "新收申请", "公开比例%", "不予公开比例%", "问题数", "状态"], rows,
                      "xxgk-agencies", sortable=True)]
        self.write("agencies.md", "\n".join(body))

    def report_page(self, r: dict) -> None:
        rid = r["report_id"]
        src = f"../../src/{rid}.html"
        meta = [("机构", _name(r)), ("年度", r["year"]), ("地区", " ".join(x for x in (r["province"], r["city"],
                r["county"]) if x)), ("发布日期", r["published_date"]),
                ("统计期", f"{r['period_start'] or '?'} 至 {r['period_end'] or '?'}"), ("表格格式", r["format"]),
                ("源文件", r["source_file"]), ("SHA-256", r["sha256"]), ("状态", r["status"])]
        meta_rows = [[f"<th>{esc(k)}</th>", f"<td>{esc(v)}</td>"] for k, v in meta]
        if r["source_url"]:
            meta_rows.append(["<th>来源</th>", f'<td><a href="{esc(r["source_url"])}" rel="nofollow">{esc(r["source_url"])}</a></td>'])
        parts = [_front(_title(r), SEARCH_EXCLUDED), f"# {esc(_title(r))}\n",
                 "<table>\n" + "\n".join("<tr>" + "".join(x) + "</tr>" for x in meta_rows) + "\n</table>",
                 f'\n<p><a href="{src}">查看原文（带行号）</a>　'
                 f'<a href="../../downloads/reports/{rid}.csv" download>下载本报告 CSV</a></p>\n',
                 self._report_card(r), self._table2(rid, src), self._table3(rid, src), self._table4(rid, src),
                 self._report_findings(rid, src), self._years(r), self._sections(rid, src)]
        front, body = parts[0], "\n".join(p for p in parts[1:] if p)
        markdown, blocks = split_html_blocks(body)
        self.write(f"r/{rid}.md", front + markdown)
        self.write(f"r/{blocks_file(rid)}", json.dumps(blocks, ensure_ascii=False))

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
                body.append([head] + [_plain(cells.get(c, {}).get("value")) for c in column_labels])
            else:
                body.append([f"<td>{esc(row_labels[r])}</td>"] + [self._linked(cells.get(c, {}).get("value"),
                            cells.get(c, {}).get("line"), src) for c in column_labels])
        legend = "<p><small>“—”表示缺失（空白、/、- 或无法读取），不是0。</small></p>"
        return grid, table([corner] + list(column_labels.values()), body, css="xxgk-grid") + legend

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
        rows = [[f'<td><a href="../{x["report_id"]}/">{esc(x["year"])}</a></td>',
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
        title = esc(f"原文：{_title(r)}")
        self.write(f"src/{r['report_id']}.html", SOURCE_PAGE.format(title=title, rid=esc(r["report_id"]), lines=lines))

    def compare(self) -> None:
        names = [_title(r) for r in self.charted]
        m = [self.metrics[r["report_id"]] for r in self.charted]
        labels = {g["code"]: g["zh"] for g in codes()["outcome_groups"]}
        shares = []
        for code, zh in labels.items():
            ys = [None if not x["processed"] or x["groups"].get(code) is None else
                  round(100 * x["groups"][code] / x["processed"], 1) for x in m]
            shares.append({"type": "bar", "name": zh, "x": names, "y": ys})
        denied_rows = [c for c, g in self.row_groups.items() if g == "denied"]
        apps = self.pkg.by_report("applications")
        row_names = self.pkg.labels("application_rows")
        denial = [{"type": "bar", "name": row_names[c], "x": names,
                   "y": [next((number(x["value"]) for x in apps.get(r["report_id"], [])
                               if x["row"] == c and x["applicant"] == "total"), None) for r in self.charted]}
                  for c in denied_rows]
        corrected = []
        for x in m:
            p = x["proceedings"]
            tot = [p.get((k, "total")) for k in ("review", "litigation_direct", "litigation_after_review")]
            cor = [p.get((k, "corrected")) for k in ("review", "litigation_direct", "litigation_after_review")]
            ok = all(v is not None for v in tot + cor) and sum(tot) > 0
            corrected.append(round(100 * sum(cor) / sum(tot), 1) if ok else None)
        parts = [_front("比较"), "# 比较各机构\n",
                 f"按本年新收申请数排在前{CHART_TOP}的报告；缺失的数值不画出（不按0处理）。全部数据见“数据下载”。\n",
                 chart([{"type": "bar", "x": names, "y": [x["received"] for x in m], "name": "新收申请"}],
                       "本年新收申请数量", "", "件", "compare-received", horizontal=True),
                 chart(shares, "办理结果构成（占总计%）", "", "%", "compare-outcomes", {"barmode": "stack"}, True),
                 chart(denial, "不予公开的理由", "", "件", "compare-denials", {"barmode": "stack"}, True),
                 chart([{"type": "bar", "name": "行政许可", "x": names, "y": [x["licensing"] for x in m]},
                        {"type": "bar", "name": "行政处罚", "x": names, "y": [x["penalty"] for x in m]}],
                       "行政许可、行政处罚决定数量", "", "件", "compare-licensing", horizontal=True),
                 chart([{"type": "bar", "x": names, "y": corrected, "name": "纠正比例"}],
                       "复议和诉讼中纠正机关的比例", "", "%", "compare-corrected", horizontal=True)]
        by_region: dict[str, list] = defaultdict(list)
        for r in self.reports:
            x = self.metrics[r["report_id"]]
            by_region[r["province"] or "（地区未知）"].append(x["received"])
        regions = sorted(by_region)
        parts.append(chart([{"type": "bar", "name": "新收申请", "x": regions,
                             "y": [sum(v for v in by_region[k] if v is not None) for k in regions]}],
                           "按省份汇总的新收申请", "省份", "件", "compare-region"))
        self.write("compare.md", "\n\n".join(parts))

    def data_page(self) -> None:
        desc = self.pkg.descriptor
        version = desc.get("version", "")
        files = [("xxgk-datapackage.zip", "整个数据包（zip）"), ("datapackage.json", "数据包描述 datapackage.json"),
                 ("xxgk.xlsx", "Excel 工作簿（含字段说明表）"), ("wide/表2_主动公开.csv", "表2 宽表（Excel 可直接打开）"),
                 ("wide/表3_依申请公开.csv", "表3 宽表"), ("wide/表4_复议诉讼.csv", "表4 宽表")]
        files += [(f"data/{r['name']}.csv", f"{r['name']}（整洁表）") for r in desc["resources"]]
        links = "\n".join(f'<li><a href="../downloads/{esc(p)}" download>{esc(label)}</a></li>' for p, label in files)
        dictionary = []
        for res in desc["resources"]:
            rows = [[f"<td><code>{esc(f['name'])}</code></td>", f"<td>{esc(f.get('title'))}</td>",
                     f"<td>{esc(f['type'])}</td>", f"<td>{esc(f.get('description'))}</td>"] for f in res["schema"]["fields"]]
            dictionary.append(f"\n### {esc(res['name'])}\n\n<p>{esc(res.get('description'))}</p>\n"
                              + table(["字段", "名称", "类型", "说明"], rows))
        cite = (f"xxgk. 政府信息公开工作年度报告数据集[DS/OL]. 版本 {esc(version)}. （引用日期）.")
        body = [_front("数据下载"), "# 数据下载与说明\n", f"<p>数据包版本 {esc(version)}。空白表示缺失，绝不是0。</p>",
                f"<ul>\n{links}\n</ul>", "\n## 如何引用\n",
                f"<p>GB/T 7714：{cite}</p><p>English: xxgk contributors. <i>Government information disclosure annual "
                f"reports dataset</i>, version {esc(version)}. Data package.</p>",
                "\n## 许可\n", "<p>数据以 CC BY 4.0 发布；报告原文版权归各发布机关。</p>",
                "\n## 数据字典\n", *dictionary]
        self.write("data.md", "\n".join(body))

    def quality(self) -> None:
        codes_rows = {c["code"]: c for c in self.pkg.tables["finding_codes"]}
        by_code: dict[str, list] = defaultdict(list)
        for rid, found in self.findings.items():
            for f in found:
                by_code[f["code"]].append((rid, f))
        names = {r["report_id"]: _title(r) for r in self.reports}
        parts = [_front("数据质量", SEARCH_EXCLUDED), "# 数据质量：全部问题\n",
                 "<p>每条问题都有稳定代码、严重程度和原文位置。各检查项的说明见 <a href=\"../checks/\">检查项目</a>。</p>"]
        summary = [[f'<td><a href="#{esc(c)}">{esc(c)}</a></td>', f"<td>{esc(codes_rows[c]['label_zh'])}</td>",
                    cell(len(v))] for c, v in sorted(by_code.items())]
        parts.append(table(["代码", "问题", "数量"], summary))
        per_agency = [[f'<td><a href="../r/{rid}/">{esc(names[rid])}</a></td>', cell(len(v)),
                       cell(sum(1 for f in v if f["severity"] == "error"))] for rid, v in sorted(self.findings.items())]
        parts += ["\n## 按报告\n", table(["报告", "问题数", "错误数"], per_agency, "xxgk-by-agency", sortable=True)]
        for c, items in sorted(by_code.items()):
            rows = [[f'<td><a href="../r/{rid}/">{esc(names[rid])}</a></td>', f"<td>{esc(f['message'])}</td>",
                     f'<td><a href="../src/{rid}.html#L{esc(f["line"])}">第{esc(f["line"])}行</a></td>' if f["line"] else
                     "<td></td>"]
                    for rid, f in items[:QUALITY_ROWS_PER_CODE]]
            if len(items) > QUALITY_ROWS_PER_CODE:
                rows.append([f"<td>…… 另有 {len(items) - QUALITY_ROWS_PER_CODE} 条</td>",
                             '<td>全部见下载的 findings.csv</td>', "<td></td>"])
            parts.append(f'\n<h2 id="{esc(c)}">{esc(c)}：{esc(codes_rows[c]["label_zh"])}</h2>\n'
                         + table(["报告", "说明", "原文"], rows))
        self.write("quality.md", "\n".join(parts))

    def checks(self) -> None:
        parts = [_front("检查项目"), "# 检查项目\n",
                 "<p>每份报告都按下列检查自动核对。每项检查有稳定的代码，结果作为“问题”发布在数据包的 findings 表中。</p>"]
        for category, name in self.categories.items():
            rows = [[f'<td id="{esc(c["code"])}"><code>{esc(c["code"])}</code></td>', f"<td>{esc(c['label_zh'])}</td>",
                     f"<td>{esc(SEVERITY_ZH.get(c['severity'], ''))}</td>", f"<td>{esc(c['explanation_zh'])}</td>",
                     f"<td>{esc(c['example_zh'])}</td>"]
                    for c in self.pkg.tables["finding_codes"] if c["category"] == category]
            parts.append(f'\n<h2 id="{esc(category)}">{esc(name)}</h2>\n'
                         + table(["代码", "检查", "严重程度", "说明", "例子"], rows))
        self.write("checks.md", "\n".join(parts))

    def ranking(self) -> None:
        rows = []
        for r in sorted(self.reports, key=lambda r: (-score(self.findings.get(r["report_id"], [])), _name(r))):
            found = self.findings.get(r["report_id"], [])
            grouped = by_category(found, self.category_of)
            rows.append([f'<td><a href="../r/{r["report_id"]}/">{esc(_title(r))}</a></td>', cell(score(found))]
                        + [cell(sum(f["severity"] != "info" for f in grouped.get(c, []))) for c in self.categories])
        body = [_front("报告评估排名", SEARCH_EXCLUDED), "# 报告评估排名\n",
                "<p>得分 = 100 − 每个错误10分 − 每个警告3分（提示不扣分）。各列为该类别的错误与警告数。"
                '检查的含义见 <a href="../checks/">检查项目</a>。</p>',
                table(["报告", "得分"] + list(self.categories.values()), rows, "xxgk-ranking", sortable=True)]
        self.write("report-card.md", "\n".join(body))

    def about(self) -> None:
        self.write("about.md", _front("关于与方法") + ABOUT)

    def finder_index(self) -> list[dict]:
        from pypinyin import Style, lazy_pinyin

        out = []
        for r in self.reports:
            name = _name(r)
            out.append({"n": name, "y": r["year"], "u": f"r/{r['report_id']}/",
                        "p": "".join(lazy_pinyin(name)).lower(),
                        "i": "".join(lazy_pinyin(name, style=Style.FIRST_LETTER)).lower()})
        return out


SOURCE_PAGE = """<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{title}</title><link rel="stylesheet" href="../assets/xxgk.css"></head>
<body class="xxgk-source-page"><p><a href="../r/{rid}/">← 返回报告页</a></p><h1>{title}</h1>
<div class="xxgk-source">
{lines}
</div></body></html>
"""

ABOUT = """# 关于与方法

本站把各机关发布的《政府信息公开工作年度报告》解析为开放数据。方法要点：

- **从不编造**：空白、“/”、“-”、“无”或丢失的单元格记为缺失，不记为0；缺少的表格记为“表格缺失”。
- **可追溯**：每个数值都记录源文件、SHA-256 和行号，报告页上的数字可直接跳到原文行。
- **勾稽关系**：按国务院办公厅公开办的格式（国办公开办函〔2021〕30号、〔2019〕60号）核对表3、表4的勾稽关系，
  不一致之处作为“问题”发布（这是报告本身的不一致，不是提取错误）。
- **数字粘连**：网页被压平后相邻单元格的数字会连在一起（如 801000081）。只有当唯一一种拆分满足勾稽关系时才采用，
  否则记为缺失并列为问题。
- **格式**：按表头判断每张表是2019还是2021格式，不按年份猜测。

数据、代码与检查规则都在项目仓库中；规则以表格形式保存，领域专家无需读代码即可审阅。
"""
