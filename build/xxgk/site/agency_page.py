"""The page of one agency (``a/<agency_id>/``), as a mixin of :class:`pages.Site`: who it is, every year it
reported (linked to that year's report page), time-series charts of the published metrics, the cross-year
checks year by year, its findings over the years and its peer-group medians.

Every chart value is a published metric (``metrics`` resource, evaluated once by ``report_values``). A
measure whose 2019- and 2021-template values are not comparable is drawn as two series, one per template,
never joined; a measure the 2019 template lacks shows as 不适用 for those years. A missing value says why, as the
data says it (``metric_values.missing``: 无数据（报告未印此数）, 无从计算 …), the reason's sentence in a note under
what shows it. Nothing is summed across years.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from types import MappingProxyType

from ..catalog import table as rule_table
from ..package.metrics import reads_table_2_only
from ..package.report_card import counts_against_agency
from ..safe import file_name_text
from .blocks import split_html_blocks
from .compare_page import agency_compare_form, metric_options
from .glossary import GLOSSARY_PAGE
from .labels import (
    DASH_NOTE_ZH,
    FINDINGS_COLUMN_ZH,
    KIND_NOTE,
    READING_LIMIT_ZH,
    SEVERITY_ZH,
    TIER_ZH,
    ZERO_BASE_ZH,
    missing_notes,
    missing_word,
)
from .render import (
    DENIAL_REASONS,
    NOT_APPLICABLE,
    OUTCOME_SHARES,
    carded,
    cell,
    chart,
    crumbs,
    edition_text,
    esc,
    fmt_number,
    grouped_table,
    metric_colour,
    num_cell,
    table,
)
from .spool_reuse import inputs_digest
from .titles import SEARCH_EXCLUDED, agency_description, agency_path, described, front_matter, link_from

CHARTS = (  # (heading, chart title, metric codes, unit, stacked, the downloads' name after the agency's id)
    ("申请数量", "申请数量（件）", ("received", "carried_over", "carried_forward"), "件", False, "applications"),
    ("办理结果", "办理结果构成（%）", OUTCOME_SHARES, "%", True, "outcomes"),
    ("不予公开的理由", "不予公开的理由（件）", DENIAL_REASONS, "件", True, "denial_reasons"),
    ("行政复议与行政诉讼", "复议、诉讼案件（件）", ("review_total", "litigation_total"), "件", False,
     "review_litigation"),
    ("行政复议与行政诉讼", "纠正机关的比例（%）", ("corrected_share",), "%", False, "corrected_share"),
    ("行政规范性文件", "规范性文件（件）", ("normative_issued", "normative_repealed", "normative_in_force"), "件",
     False, "normative_documents"),
    ("行政许可与行政处罚", "许可、处罚决定（件）", ("licensing", "penalty"), "件", False, "licensing_penalty"),
)
PEER_SHOWN = ("received", "granted_share", "denied_share", "corrected_share")
# under a chart heading whose series are the template's words, where their meanings are (the glossary, glossary.py):
# a citizen landing on an agency page read 不予公开 and 无法提供 with no way to their meaning but through a report
# page's table 三 (session 41); ≈ 110 bytes a heading, two on an agency page with those charts
HEADING_GLOSSARY = MappingProxyType({
    "办理结果": ("予以公开、部分公开、不予公开、无法提供、不予处理等结果", "granted"),
    "不予公开的理由": ("不予公开及其各项理由", "denied"),
})
# an agency page lists its latest reports up to AGENCY_ROWS_SHOWN (a report a row in 历年报告 and in 历年发现的问题);
# past that, every report is on its list pages, AGENCY_LIST_ROWS a page (``list_leaf``): an agency of 1,500 reports
# (a folder of many copies, or years of editions) had a 1.1 MB page, 720 KB of it the findings by year
AGENCY_ROWS_SHOWN = 50
AGENCY_LIST_ROWS = 200
# An agency's facts (名称 … 机构编号) come first: on a phone their eight rows filled ≈ 370 px before the measure to
# compare and the reports (session 34). As a report's (report_page.FACTS_OPEN, xxgk.css): folded there under one line
# saying where it is, its tier and its years (what a citizen checks: is this the office I mean?), and a warning the
# rows hold (an abolished division, a homophone); open on a desktop and on paper, with no line to click.
AGENCY_FACTS_OPEN = '<details class="xxgk-facts"><summary>机构信息（别名、行政层级、机构编号等）：{}</summary>'


def years_said(years: list[int]) -> str:
    """An agency's report years in its folded facts' one line (``AGENCY_FACTS_OPEN``): each year up to
    ``YEARS_NAMED``, past that the span and how many (eleven years named one by one took four lines of a phone's
    screen, the line meant to be one); the facts' 报告年度 row names every year.

    >>> years_said([2019, 2021, 2023, 2025]), years_said([])
    ('2019年、2021年、2023年、2025年', '没有报告')
    >>> years_said(list(range(2015, 2026)))
    '2015–2025年（11个年度）'
    """
    if len(years) > YEARS_NAMED:
        return f"{years[0]}–{years[-1]}年（{len(years)}个年度）"
    return "、".join(f"{y}年" for y in years) or "没有报告"


YEARS_NAMED = 4
# a run of years without a report longer than this is one category of an agency's charts (its span): the years a
# report may have run from 1990 to 2100, and reports of 1990, 2024 and 2100 drew 111 categories, 108 of them 无报告
# labels on top of each other, the three bars hairlines (session 35)
GAP_YEARS_DRAWN = 3


def chart_years(years: list[int]) -> list[int | str]:
    """The categories of an agency's charts for its report ``years`` (sorted): every year of the span, a year
    without a report a gap of its own, but a run of more than ``GAP_YEARS_DRAWN`` such years one category, its span
    as the axis shows it.

    >>> chart_years([2019, 2021, 2025]), chart_years([1990, 2024])
    ([2019, 2020, 2021, 2022, 2023, 2024, 2025], [1990, '1991–2023年', 2024])
    """
    out: list[int | str] = []
    for year in years:
        if out and year - out[-1] - 1 > GAP_YEARS_DRAWN:
            out.append(f"{out[-1] + 1}–{year - 1}年")
        elif out:
            out += range(out[-1] + 1, year)
        out.append(year)
    return out


def list_leaf(part: int) -> str:
    """The file name of an agency's list page ``part`` (from 1), beside its page and its report pages (whose names
    start with a year's digits: ``titles.report_paths``), so never one of theirs.

    >>> list_leaf(1), list_leaf(3)
    ('reports-1.html', 'reports-3.html')
    """
    return f"reports-{part}.html"


def peer_note(counts: list[int], who: str) -> str:
    """A note under a peer-median table when the medians compare nothing: no peer has a value, or the only
    report with a value in each peer group is ``who`` (本报告, 本机构的报告).

    >>> peer_note([1, 1], "本报告")
    '<p><small>同类组中只有本报告有数值：中位数就是本报告自己的数值，暂无可比性；收录的报告增多后自动更新。</small></p>'
    >>> "报告数为0的指标没有中位数" in peer_note([1, 0], "本报告")
    True
    """
    if not any(counts):
        return f"<p><small>{who}和同类组都没有这些数值（缺失，不是0），无从比较。</small></p>"
    if max(counts) == 1:
        # (a share of nothing, 无从计算, has no median either: "只有本报告有数值" had been said of it, beside 报告数 0)
        zero = "；报告数为0的指标没有中位数（同类组中没有数值，或比例无从计算）" if 0 in counts else ""
        return (f"<p><small>同类组中只有{who}有数值：中位数就是{who}自己的数值，暂无可比性{zero}；"
                "收录的报告增多后自动更新。</small></p>")
    return ""


def metric_cell(values, missing, code: str, numeric=cell) -> str:
    """The table cell of metric ``code`` of one report's ``values`` (``numeric``: ``render.cell`` or ``num_cell``):
    its value, else why it is missing, from the report's ``missing`` (``metric_values.missing``:
    无数据（报告未印此数）, 无从计算 for a share of 0, 不适用 …; ``labels.missing_word``)."""
    if values[code] is None and missing[code] == "zero_denominator":  # (no missing number: not 缺失 in its title)
        return f'<td class="xxgk-num xxgk-missing" title="比例的分母为0">{ZERO_BASE_ZH}</td>'
    return numeric(shown(values[code]), missing_word(missing[code] if values[code] is None else None))


def reasons_shown(values, missing, codes) -> set:
    """The reasons (``metric_values.missing``) of the values of ``codes`` a table shows missing: its notes."""
    return {missing[c] for c in codes if values[c] is None}


def same_year_files(reports: list[dict]):
    """A function naming a report of ``reports`` apart from another of the same year: ``（its file name）`` after
    the year (as ``safe.file_name_text`` shows it), nothing for a year of one report. Session 53: an agency page
    listed a year's two reports (a re-published one whose 新收申请 differs) as two rows of 2022年度报告, and its
    findings as two rows of 2022, the reader unable to tell which row was which report.

    >>> named = same_year_files([{"year": "2022", "source_file": "a.txt"}, {"year": "2022", "source_file": "b.pdf"},
    ...                          {"year": "2023", "source_file": "c.txt"}, {"year": "", "source_file": "d.txt"}])
    >>> [named(r) for r in ({"year": "2022", "source_file": "b.pdf"}, {"year": "2023", "source_file": "c.txt"})]
    ['<span class="xxgk-file-of">（b.pdf）</span>', '']

    HTML, escaped; in a span that wraps (``xxgk.css``: the year's link keeps on one line, and a long file name
    had pushed a phone's card sideways)."""
    shared = {y for y, n in Counter(r["year"] for r in reports).items() if n > 1}
    return lambda r: (f'<span class="xxgk-file-of">（{esc(file_name_text(r["source_file"]))}）</span>'
                      if r["year"] in shared else "")


def shown(value) -> str | None:
    """A metric value as printed: integers as integers, None stays None (shown as 无数据)."""
    return None if value is None else fmt_number(float(value))


_SUFFIX = re.compile(r"-[0-9a-f]{4}$")  # agency/ids.py ``disambiguate``


def homophones(agencies) -> dict[str, list[dict]]:
    """``{agency_id: the other agencies of its readable id}`` for the agencies whose names sound the same: one holds
    ``slug``, the others ``slug-xxxx`` (``agency/registry.py`` ``agency_ids``). Their pages name each other: a link
    made before a homophone arrived may now lead to the other agency (the one whose reports begin first keeps the
    plain id), and the names differ by a character a reader can miss.

    >>> rows = [{"agency_id": "a-b"}, {"agency_id": "a-b-20f6"}, {"agency_id": "c"}, {"agency_id": "d-beef"}]
    >>> {k: [x["agency_id"] for x in v] for k, v in homophones(rows).items()}
    {'a-b': ['a-b-20f6'], 'a-b-20f6': ['a-b']}
    """
    groups: dict[str, list[dict]] = {}
    ids = {a["agency_id"] for a in agencies}
    for a in agencies:
        base = _SUFFIX.sub("", a["agency_id"])
        if base in ids:  # (a suffix alone, d-beef with no d, is the pinyin's own)
            groups.setdefault(base, []).append(a)
    return {a["agency_id"]: [x for x in group if x is not a] for group in groups.values() if len(group) > 1
            for a in group}


class AgencyPages:
    """Needs from the host: ``pkg``, ``values`` ({report_id: {metric: value}}), ``metric_defs``
    ({code: metric row}), ``years`` ({agency_id: {year: report}}), ``peer`` ({peer_group: {metric: (median, n)}}),
    ``report_urls``, ``findings`` (code and severity), ``agency_reports`` ({agency_id: its reports by year}),
    ``categories``, ``category_of`` and ``spool`` (``bulk.Spool``); and ``table2_editions`` ({report_id: its table
    2's template edition, None when not told}), gathered in the first pass (``summaries.summarise``), and
    ``homophones`` ({agency_id: the agencies whose names sound the same})."""

    _metric_options: str | None = None  # the comparison form's measures (compare_page.metric_options), made once
    table2_editions = MappingProxyType({})  # (the host's; empty: reports.format for every table)
    homophones = MappingProxyType({})  # (the host's: ``homophones`` of its agencies)

    def agency_page(self, agency: dict) -> None:
        """The agency's page and, when it has more than ``AGENCY_ROWS_SHOWN`` reports, its list pages."""
        aid = agency["agency_id"]
        self.bulk_page(f"{agency_path(aid)}index.md", self.agency_inputs(agency), lambda: self._agency_markdown(agency))
        reports = self.agency_reports.get(aid, [])
        if len(reports) <= AGENCY_ROWS_SHOWN:
            return
        parts = -(-len(reports) // AGENCY_LIST_ROWS)
        for part in range(1, parts + 1):
            self.bulk_page(f"{agency_path(aid)}{list_leaf(part).removesuffix('.html')}.md",
                           [agency, self.reports_inputs(aid), part, parts],
                           lambda part=part: self._agency_list_markdown(agency, part, parts))

    def _agency_list_markdown(self, agency: dict, part: int, parts: int) -> tuple[str, list[str]]:
        """List page ``part`` of ``parts``: its ``AGENCY_LIST_ROWS`` reports, by year, each linked, with its figures
        and its findings, as the agency page lists its latest (plain tables: no script needed)."""
        reports = self.agency_reports[agency["agency_id"]]
        mine = reports[(part - 1) * AGENCY_LIST_ROWS:part * AGENCY_LIST_ROWS]
        title = f"{agency['name']}：全部报告（第 {part}/{parts} 页）"
        parts_nav, first = self._list_pages(reports, part), (part - 1) * AGENCY_LIST_ROWS
        body = "\n".join([f"# {esc(title)}\n", f'<p><a href="./">← 机构页</a>　本机构共有 {len(reports)} 份报告，'
                          f"本页是其中第 {first + 1}–{first + len(mine)} 份（按年度排列）。</p>", parts_nav,
                          self._agency_reports(mine), self._agency_findings(mine), parts_nav])
        markdown, blocks = split_html_blocks(body)
        return front_matter(title, SEARCH_EXCLUDED) + markdown, blocks

    def _list_pages(self, reports: list[dict], current: int = 0) -> str:
        """Links to an agency's list pages, each named by the years it covers (``current``: not linked)."""
        links = []
        for part in range(1, -(-len(reports) // AGENCY_LIST_ROWS) + 1):
            mine = reports[(part - 1) * AGENCY_LIST_ROWS:part * AGENCY_LIST_ROWS]
            first, last = (mine[0]["year"] or "年度未知"), (mine[-1]["year"] or "年度未知")
            name = f"第 {part} 页（{first}" + (f"–{last}" if last != first else "") + "）"
            links.append(f"<b>{esc(name)}</b>" if part == current else
                         f'<a href="{list_leaf(part)}">{esc(name)}</a>')
        return "<p>全部报告：" + "　".join(links) + "</p>"

    def agency_inputs(self, agency: dict) -> list:
        """Everything the agency's page is made of besides the host's ``shared_inputs`` and the code (see
        ``ReportPages.report_inputs``): its row, ``reports_inputs`` and the medians of its reports' peer groups."""
        aid = agency["agency_id"]
        mine = self.agency_reports.get(aid, [])
        return [agency, self.index_step(aid), self.reports_inputs(aid), [self.peer_inputs(r) for r in mine],
                [self.table2_editions.get(r["report_id"]) for r in mine],
                [[a["agency_id"], a["name"]] for a in self.homophones.get(aid, [])]]

    def reports_inputs(self, aid: str) -> str:
        """The digest (``spool_reuse.inputs_digest``) of an agency's reports as its pages show them: each with its
        address, values, why a value is missing and findings, and the report each year's charts take. Made once an
        agency: its agency page and its list pages state it (its report pages state less: ``years_inputs``)."""
        digests = self.__dict__.setdefault("_reports_inputs", {})
        if aid not in digests:
            digests[aid] = inputs_digest([
                [[r, self.report_urls[r["report_id"]], self.values[r["report_id"]], self.missing[r["report_id"]],
                  self.findings.get(r["report_id"])] for r in self.agency_reports.get(aid, [])],
                sorted([y, r["report_id"]] for y, r in self.years.get(aid, {}).items())])
        return digests[aid]

    def peer_inputs(self, r: dict) -> str:
        """The digest of the medians of ``r``'s peer group (empty without one), made once a group."""
        group = r.get("peer_group") or ""
        digests = self.__dict__.setdefault("_peer_inputs", {})
        if group not in digests:
            digests[group] = inputs_digest(self.peer.get(group))
        return digests[group]

    def _agency_markdown(self, agency: dict) -> tuple[str, list[str]]:
        aid = agency["agency_id"]
        mine = self.years.get(aid, {})
        all_reports = self.agency_reports.get(aid, [])  # by year, then report_id
        title = agency["name"]
        listed = all_reports[-AGENCY_ROWS_SHOWN:]  # the latest (by year); all of them on the list pages
        more = (f"<p>本机构共有 {len(all_reports)} 份报告，上表列出最近的 {len(listed)} 份。</p>"
                + self._list_pages(all_reports) if len(listed) < len(all_reports) else "")
        parts = [f"# {esc(title)}\n", crumbs(self.index_step(aid), title), self._identity(agency, all_reports),
                 self._agency_reports(listed),
                 self._agency_csv(aid, mine), more]
        parts += self._agency_charts(mine)
        parts += [self._cross_year(mine), self._agency_findings(listed), more, self._agency_peers(mine)]
        markdown, blocks = split_html_blocks("\n".join(p for p in parts if p))
        years = sorted(int(r["year"]) for r in all_reports if r["year"])
        return front_matter(title, SEARCH_EXCLUDED + described(agency_description(agency, years))) + markdown, blocks

    def _identity(self, a: dict, reports: list[dict]) -> str:
        region = " ".join(x for x in (a["province"], a["city"], a["county"]) if x) or "未知"
        years = sorted({int(r["year"]) for r in reports if r["year"]})
        rows = [("名称", a["name"]), ("别名", "、".join((a["aliases"] or "").split("|")) or "—"), ("地区", region),
                ("行政层级", TIER_ZH.get(a["tier"] or "", "未知")),
                ("机构类型", KIND_NOTE.get(a["kind"] or "", "未知")),
                ("系统", a["system"] or "—"), ("报告年度", "、".join(f"{y}年" for y in years) or "—"),
                ("机构编号", a["agency_id"])]
        if gone := abolished_division(a.get("county_code")):  # (rules/division_abolished.csv)
            rows.insert(3, ("行政区划", f"{gone['name']}已于{gone['abolished']}年撤销，区域今属"
                                     f"{'、'.join(gone['successors'].split('|'))}；本页是撤销前的{gone['name']}的"
                                     "报告，不与继任的区合并"))
        body = "\n".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in rows)
        akin = self.homophones.get(a["agency_id"], [])
        if akin:  # (a link made before a homophone arrived may lead here for the other one)
            links = "、".join(f'<a href="{esc(link_from(agency_path(a["agency_id"]), agency_path(x["agency_id"])))}">'
                             f'{esc(x["name"])}</a>' for x in akin)
            body += (f"\n<tr><th>读音相同的机构</th><td>{links}"
                     "（名称读音相同，机构编号以后缀区分；请核对机构名称）</td></tr>")
        said = [region, TIER_ZH.get(a["tier"] or "", "行政层级未知"), years_said(years)]
        warn = ("；行政区划已撤销" if gone else "") + ("；有读音相同的机构，请核对" if akin else "")
        facts = (AGENCY_FACTS_OPEN.format(esc(" · ".join(said) + warn))
                 + f"<table>\n{body}\n</table></details>")
        if not years:
            return facts
        if self._metric_options is None:  # (the same for every agency page: made once)
            self._metric_options = metric_options(list(self.pkg.tables["metrics"]))
        return f"{facts}\n{agency_compare_form(a['agency_id'], years, self._metric_options)}"

    def _agency_reports(self, reports: list[dict]) -> str:
        rows, reasons = [], set()
        shared = same_year_files(reports)
        for r in reports:
            v, why = self.values[r["report_id"]], self.missing[r["report_id"]]
            found = self.findings.get(r["report_id"], [])
            href = link_from(agency_path(r["agency_id"]), self.report_urls[r["report_id"]])
            rows.append([f'<td><a href="{href}">{esc(r["year"] or "年度未知")}年度报告{shared(r)}</a>'
                         "</td>", f"<td>{esc(edition_text(r['format']))}</td>", metric_cell(v, why, "received"),
                         metric_cell(v, why, "granted_share"), cell(len(found)),
                         f"<td>{esc(r['published_date'] or '—')}</td>"])
            reasons |= reasons_shown(v, why, ("received", "granted_share"))
        # a "—" (a date or template the report does not state) said, as the report page says it, and each missing
        # value's reason in full (before: one note naming every reason a value might be missing)
        notes = [DASH_NOTE_ZH] if any(c.endswith(">—</td>") for row in rows for c in row) else []
        notes += missing_notes(reasons)
        heads = ["报告", "表格格式", "新收申请（件）", "予以公开比例（%）", FINDINGS_COLUMN_ZH, "发布日期"]
        return "\n## 历年报告\n\n" + table(heads, [carded(row, heads) for row in rows], "xxgk-agency-years",
                                         sortable=True, extra=" data-phone-cards data-cards") + "".join(
            f"<p><small>{esc(note)}</small></p>" for note in notes)

    def _series_why(self, rid: str, code: str) -> str | None:
        """Why the agency-year's value of ``code`` (``series``, the counted report ``rid``'s) is missing: the report's
        own reason (``metric_values.missing``); None where another report of the year disagrees (``_disagree``)."""
        return self.missing[rid][code] if self.values[rid][code] is None else None

    def _agency_csv(self, aid: str, mine: dict[int, dict]) -> str:
        """The hidden paragraph whose button ``assets/xxgk.js`` (agencyCsv) shows where the page has charts: every
        value of the page's charts in one CSV, a line a value, with its year's report page (``data-xxgk-years``:
        ``{year: the counted report's page, relative to this one}``). Before, a researcher after one agency's
        numbers over the years downloaded each chart's CSV in turn, or the whole package to filter (audit 30)."""
        if not mine:
            return ""
        years = {str(y): link_from(agency_path(aid), self.report_urls[r["report_id"]]) for y, r in sorted(mine.items())}
        return (f'<p data-xxgk-agency-csv="{esc(aid)}" data-xxgk-years="{esc(json.dumps(years))}" hidden>'
                '<button type="button" class="md-button xxgk-small-button">下载本机构历年数据（CSV）</button> '
                "<small>本页各图表的全部数值，每个数值一行：年度、数值、单位、说明（无报告、无数据等空白的原因）"
                "和该年度报告页的网址；UTF-8 带 BOM，Excel 可直接打开。</small></p>")

    def _agency_charts(self, mine: dict[int, dict]) -> list[str]:
        if not mine:
            return ["\n<p>没有可用年度的数据。</p>"]
        years = chart_years(sorted(mine))  # every year of the span (a long run without a report as one): gaps
        xs = [f"{y}年" if isinstance(y, int) else y for y in years]
        editions = {y: mine[y]["format"] or "2021" for y in years if y in mine}
        mixed = len(set(editions.values())) > 1
        # a measure of table 2 takes table 2's own edition, where its cells tell it (reports.format is table 3's):
        # a 2019 table 2 under a 2021 table 3 had its 行政规范性文件 said missing, a 2021 one under a 2019 table 3
        # whose cells were lost 不适用
        table2 = {y: self.table2_editions.get(mine[y]["report_id"]) or e for y, e in editions.items()}

        def edition_of(code: str, y: int) -> str:
            return table2[y] if reads_table_2_only(self.metric_defs[code]["formula"]) else editions[y]
        out, heading, empty, zero, inapplicable, partly, empty_reasons = [], None, [], [], [], [], set()
        for head, title, codes, unit, stacked, file in CHARTS:
            traces = []
            for code in codes:
                m = self.metric_defs[code]
                ys = [self.series[mine[y]["report_id"]][code] if y in mine else None for y in years]
                why = [self._series_why(mine[y]["report_id"], code) if y in mine else None for y in years]
                marker = {"color": metric_colour(code)}  # the palette's colour: the same on every page
                if m["comparable"] == "false" and mixed:  # one series per template, never joined
                    for edition in sorted(set(editions.values())):  # the 2019 edition hatched
                        traces.append({"type": "bar", "name": f"{m['label_zh']}（{edition}年版格式）", "x": xs,
                                       "y": [v if editions.get(y) == edition else None
                                             for y, v in zip(years, ys, strict=True)],
                                       "marker": marker | ({"pattern": {"shape": "/"}} if edition == "2019" else {}),
                                       "xxgk_why": why,
                                       "xxgk_edition": edition})  # the other edition's years are no gap
                elif "2019" not in m["editions"].split():  # a 2019 report's year without it does not apply (不适用)
                    # (only a year without a value: reports.format is table 3's edition, and a report of a 2021
                    # table 2 gives these numbers under a 2019 table 3 — they were drawn, and tabled as 不适用)
                    traces.append({"type": "bar", "name": m["label_zh"], "x": xs, "y": ys, "marker": marker,
                                   "xxgk_why": why,
                                   "xxgk_unasked": [y in mine and edition_of(code, y) == "2019" and v is None
                                                    for y, v in zip(years, ys, strict=True)]})
                else:
                    traces.append({"type": "bar", "name": m["label_zh"], "x": xs, "y": ys, "marker": marker,
                                   "xxgk_why": why})
            if all(v is None for t in traces for v in t["y"]):
                # shares of nothing in every year (no request handled, no review or suit) are no missing numbers
                whys = {self._series_why(r["report_id"], c) for c in codes for r in mine.values()}
                nothing = whys == {"zero_denominator"}
                # a measure no template of the agency's reports has (行政规范性文件 under the 2019 template) is no
                # missing number either (it read 表格缺失或无法读取)
                lacking = [edition_of(c, y) not in self.metric_defs[c]["editions"].split() for c in codes for y in mine]
                unasked = all(lacking)
                (inapplicable if unasked else zero if nothing else empty).append(title)
                if not unasked and not nothing:
                    empty_reasons |= whys - {"not_in_edition"}
                if not unasked and any(lacking):
                    partly.append(title)  # some years' template lacks them: those are no missing numbers
                continue
            if head != heading:
                out.append(f"\n## {esc(head)}\n")
                heading = head
                if head in HEADING_GLOSSARY:
                    words, anchor = HEADING_GLOSSARY[head]
                    out.append(f'<p><small>{esc(words)}的含义见<a href="../../{GLOSSARY_PAGE}/#{esc(anchor)}">'
                               "词语解释</a>。</small></p>\n")
            layout = {"height": 300 + 24 * len(traces)}  # room for the legend below the plot on a phone
            for t in traces:  # a split series' years of the other template are not gaps (render.chart)
                if "xxgk_edition" in t:
                    t["xxgk_other"] = [editions.get(y) not in (None, t["xxgk_edition"]) for y in years]
                    del t["xxgk_edition"]
                if "xxgk_unasked" in t:
                    t["xxgk_other"] = t.pop("xxgk_unasked")
            if stacked:
                layout["barmode"] = "stack"
            # the download's name says whose chart it is and of what (CHARTS' name: the composition of seven
            # outcomes downloaded as …-granted_share, its first measure; before that, agency-carried_forward.csv)
            agency_id = next(iter(mine.values()))["agency_id"]
            out.append(chart(traces, title, "", unit, f"{agency_id}-{file}", layout,
                             absent=[x for y, x in zip(years, xs, strict=True) if y not in mine]))
            absent = [self.metric_defs[c]["label_zh"] for c in codes if "2019" not in self.metric_defs[c]["editions"]]
            if absent and any(any(t.get("xxgk_other") or []) for t in traces):
                out.append(f"<p><small>2019年版模板没有“{esc('、'.join(absent))}”，2019年版报告的年度为{NOT_APPLICABLE}"
                           "（不是缺失，也不是0）。</small></p>")
        # say why a chart is absent: its values are missing (never drawn as zeros). 本站没有, not 报告中没有: the
        # reason that follows may be that the report prints them and we could not read them (session 40: one
        # paragraph said 报告中没有这些数值, then 此数未能读出……不是报告没有印出)
        if empty:
            out.insert(0, f"\n<p class=\"xxgk-note\">没有图表：{esc('、'.join(empty))}——"
                          + ("本站没有本机构任何年度的这些数值（不是0；详见各年度报告页的“发现的问题”）。"
                             + esc("".join(missing_notes(empty_reasons))) if empty_reasons - {None} else
                             # (no reason given: the years' reports disagree, or a caller without the data's)
                             "本站没有本机构任何年度的这些数值（表格缺失或无法读取，是缺失，不是0；"
                             "详见各年度报告页的“发现的问题”）。")
                          + (f"其中{esc('、'.join(partly))}在使用2019年版模板的年度为{NOT_APPLICABLE}"
                             "（该模板没有这些指标）。" if partly else "") + "</p>")
        if inapplicable:
            out.insert(0, f"\n<p class=\"xxgk-note\">没有图表：{esc('、'.join(inapplicable))}——"
                          f"本机构的报告都使用2019年版模板，该模板没有这些指标（{NOT_APPLICABLE}，不是缺失，也不是0）。</p>")
        if zero:  # (before: said to be missing, "表格缺失或无法读取", of tables read whole, all 0)
            out.insert(0, f"\n<p class=\"xxgk-note\">没有图表：{esc('、'.join(zero))}——本机构各年度这些比例的分母为0"
                          "（没有办理的申请，或没有复议、诉讼），比例无从计算（不是缺失，也不是0）。</p>")
        unsure = [y for y in years if y in mine and self._disagree(mine[y])]
        if unsure:  # (not the first file by name: whoever adds a file chooses its name)
            years_text = "、".join(f"{y}年" for y in unsure)
            out.insert(0, f"\n<p class=\"xxgk-note\">{esc(years_text)}本机构有不止一份报告，且数值不一致："
                          "不一致的指标图中留空（不是0），各报告的数值见其报告页。</p>")
        missing = [x for y, x in zip(years, xs, strict=True) if y not in mine]
        if missing:
            years = "、".join(missing)
            out.insert(0, f"\n<p class=\"xxgk-note\">{esc(years)}没有本机构的报告，图中留空（标为无报告）。</p>")
        if mixed:
            out.insert(0, "\n<p class=\"xxgk-note\">本机构的报告使用了两种表格模板（2019年版、2021年版）。"
                          "两种模板口径不同的指标"
                          "按模板分成两个系列，不连成一条线；只有一种模板才有的指标，另一种模板的年度为"
                          f"{NOT_APPLICABLE}。</p>")
        return out

    def _disagree(self, r: dict) -> bool:
        """Whether another report of ``r``'s agency and year gives a value ``r`` gives otherwise
        (``browser_data.series_values`` left it None)."""
        own, series = self.values[r["report_id"]], self.series[r["report_id"]]
        return any(v is None and own[code] is not None for code, v in series.items())

    def _cross_year(self, mine: dict[int, dict]) -> str:
        """上年结转 = last year's 结转下年度; 现行有效 = last year's 现行有效 + 本年制发 − 本年废止. The check's
        formula is running text (xxgk-prose): on a phone it takes a line of its own below the numbers (render.table
        stacks the table), where five columns scrolled sideways."""
        rows, reasons = [], set()

        def value(r: dict, code: str) -> tuple:  # (the agency-year's value, the word of its cell: why it is missing)
            v, why = self.series[r["report_id"]][code], self._series_why(r["report_id"], code)
            if v is None:
                reasons.add(why)
            return v, missing_word(why)
        for y in sorted(mine):
            if y - 1 not in mine:
                continue
            this, last = mine[y], mine[y - 1]
            (carried, said_carried), (forward, said_forward) = value(this, "carried_over"), value(last,
                                                                                                "carried_forward")
            rows.append([f"<td>{y - 1}→{y}</td>", '<td class="xxgk-prose">上年结转 = 上年度的结转下年度</td>',
                         cell(shown(carried), said_carried),
                         cell(shown(forward), said_forward), self._verdict(carried, forward)])
            (in_force, said_in_force), *parts = (value(this, "normative_in_force"), value(last, "normative_in_force"),
                                                 value(this, "normative_issued"), value(this, "normative_repealed"))
            numbers = [v for v, _ in parts]
            expected = None if None in numbers else numbers[0] + numbers[1] - numbers[2]
            said_expected = next((said for v, said in parts if v is None), "无数据")  # the first part missing, why
            rows.append([f"<td>{y - 1}→{y}</td>",
                         '<td class="xxgk-prose">现行有效规范性文件 = 上年现行有效 + 本年制发 − 本年废止</td>',
                         cell(shown(in_force), said_in_force), cell(shown(expected), said_expected),
                         self._verdict(in_force, expected)])
        if not rows:
            return "\n## 跨年度核对\n\n<p>没有相邻两年的报告，无法核对。</p>"
        return ("\n## 跨年度核对\n\n" + table(["年度", "核对", "本年度报告的值", "按上年度应为", "结果"], rows)
                + "<p><small>“无法核对”表示有一个值缺失（缺失不是0）。</small></p>"
                + "".join(f"<p><small>{esc(n)}</small></p>" for n in missing_notes(reasons)))

    @staticmethod
    def _verdict(actual, expected) -> str:
        if actual is None or expected is None:
            return "<td>无法核对</td>"
        if actual == expected:
            return "<td>✓ 一致</td>"
        return f"<td><b>✗ 不一致（相差 {shown(actual - expected)}）</b></td>"

    def _agency_findings(self, reports: list[dict]) -> str:
        """Its findings year by year: the agency's own errors, warnings and notes apart from the limits of our
        reading (``counts_against_agency``), as the quality page and the report card count them, and the most
        frequent of each. Before, 错误数 1, 警告数 6 of a year whose nine findings were all the site's reading (digits
        run together, a row's cell lost) told a citizen the agency had erred (session 48)."""
        rows, shared = [], same_year_files(reports)
        for r in reports:
            found = self.findings.get(r["report_id"], [])
            own = [f for f in found if counts_against_agency(f["code"])]
            counts = Counter(f["severity"] for f in own)
            href = link_from(agency_path(r["agency_id"]), self.report_urls[r["report_id"]])
            rows.append([f'<td><a href="{href}">{esc(r["year"] or "年度未知")}{shared(r)}</a></td>']
                        + [cell(counts[s]) for s in SEVERITY_ZH] + [cell(len(found) - len(own))]
                        + [f'<td class="xxgk-prose">{self._most_found(found) or "无"}</td>'])
        headers = ["年度", *(f"机关的{z}" for z in SEVERITY_ZH.values()), READING_LIMIT_ZH, "最常见的问题"]
        return ("\n## 历年发现的问题\n\n" + table(headers, rows, row_headers=True)  # (the year names its row)
                + "<p><small>机关的错误、警告和提示只计本机关自身的问题（错误扣10分、警告扣3分，提示不扣分）；"
                f"“{READING_LIMIT_ZH}”是本站未能读出的内容，不是机关的问题，不扣分。</small></p>")

    def _most_found(self, found: list[dict]) -> str:
        """A year's most frequent findings, each linked to its check: the agency's own first, then our reading's,
        each part named (up to five a part)."""
        parts = []
        for name, own in (("机关的问题", True), (READING_LIMIT_ZH, False)):
            codes = Counter(f["code"] for f in found if counts_against_agency(f["code"]) == own)
            top = "、".join(f'<a href="../../checks/#{esc(c)}">{esc(self._finding_title(c))}</a>×{n}'
                            for c, n in sorted(codes.items(), key=lambda x: (-x[1], x[0]))[:5])
            if top:
                parts.append(f"{name}：{top}")
        return "；".join(parts)

    def _agency_peers(self, mine: dict[int, dict]) -> str:
        if not any(self.peer.get(r.get("peer_group") or "") for r in mine.values()):
            return ("\n## 同类组中位数\n\n<p>本机构的报告缺少地区或行政层级信息，未归入同类组，"
                    "没有可比的中位数。</p>")
        years, reasons = [], set()  # one group of rows a year (render.grouped_table: the year heads its rows)
        for y in sorted(mine):
            r = mine[y]
            reasons |= reasons_shown(self.values[r["report_id"]], self.missing[r["report_id"]], PEER_SHOWN)
            group = self.peer.get(r.get("peer_group") or "")
            rows = []
            for code in PEER_SHOWN:
                med, n = group[code] if group else (None, 0)
                rows.append([f"<td>{esc(self.metric_defs[code]['label_zh'])}（"
                             f"{esc(self.metric_defs[code]['unit'])}）</td>",
                             metric_cell(self.values[r["report_id"]], self.missing[r["report_id"]], code, num_cell),
                             num_cell(shown(med), "无数据"), num_cell(n)])
            years.append((f"{y}年度", rows))
        note = peer_note([(self.peer.get(r.get("peer_group") or "") or {}).get(c, (None, 0))[1]
                          for r in mine.values() for c in PEER_SHOWN], "本机构的报告")
        return ("\n## 同类组中位数\n\n<p>同类组：同一年度、同一行政层级、同一省份、同一系统（或同为人民政府）的报告。"
                "没有地区或层级信息的报告不归入同类组（显示无数据）。各指标的含义和算法见"
                "<a href=\"../../data/#metric-definitions\">指标定义</a>。</p>\n"
                + grouped_table(["指标", "本机构", "同类组中位数", "同类组报告数"], years, css="nums") + note
                + "".join(f"<p><small>{esc(n)}</small></p>" for n in missing_notes(reasons)))


def abolished_division(code: str | None) -> dict | None:
    """The row of ``rules/division_abolished.csv`` for a county ``code`` abolished since (its ``name``, the year
    ``abolished``, its ``successors`` joined with |), None for a current one: an agency page of 杭州市江干区 says the
    district is gone and where its area went (audit 28: nothing said why no later year would come).

    >>> abolished_division("330104")["successors"], abolished_division("330102")
    ('上城区|钱塘区', None)
    """
    return next((row for row in rule_table("division_abolished") if row["code"] == code), None) if code else None
