"""The page of one report (agency-year) and its source page, as a mixin of :class:`pages.Site`.

The page lays out tables 2–4 like the template, links every number to its source line, and shows the
report card, the findings, the agency's other years and excerpts of the narrative. Everything taken from
a report passes through ``esc``.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from functools import cached_property, lru_cache

from ..catalog import cell_value, own_measure_labels
from ..package.metrics import formula_for, metric_rows, report_results
from ..package.report_card import copies
from ..safe import file_name_text
from .agency_page import PEER_SHOWN, metric_cell, peer_note, reasons_shown, same_year_files, shown
from .anchors import slugify
from .blocks import split_html_blocks
from .card import by_category, fully_read, points_said, score, score_group, scored, split_findings
from .csp import META as CSP_META  # (no braces: used in SOURCE_PAGE's format string)
from .data import metric_value, number, text_of
from .excerpt import excerpt
from .fulltext import filter_attributes
from .glossary import GLOSSARY_PAGE, term_anchors
from .labels import (
    DASH_NOTE_ZH,
    FILE_TYPE_ZH,
    FINDINGS_COLUMN_ZH,
    SCORE_KIND_ZH,
    SCORE_TIER_ZH,
    SEVERITY_ZH,
    TABLE_HEADINGS,
    UNRANKED_ZH,
    UNSCORED_ZH,
    copy_sentence,
    missing_notes,
    missing_word,
    status_zh,
)
from .render import (
    OUTCOME_SHARES,
    cell,
    chart,
    colour,
    crumbs,
    edition_text,
    esc,
    esc_lines,
    fmt_number,
    link,
    metric_colour,
    num_cell,
    plain_cell,
    said,
    table,
)
from .report_csv import GROUP_ATTR, csv_attr, csv_button
from .source_cite import SOURCE_SCRIPT, source_citation
from .spans import LONG_LINE, SECTION_SPAN, row_spans
from .spool_reuse import inputs_digest
from .table_lines import unindexed
from .titles import (
    SEARCH_EXCLUDED,
    WIDE,
    agency_path,
    described,
    front_matter,
    page_source,
    report_description,
    report_name,
    report_title,
    up,
)

# where xxgk.js writes how to cite a report's page (GB/T 7714: its heading, its stable address, the access date),
# from the page itself: ≈ 40 bytes a page, not ≈ 450 (which took most report pages past 16 KiB, a fifth 4 KiB block
# on disk); without JavaScript it stays hidden and the footer's 如何引用 remains. It ends the page: written under the
# links to the source, as it was, it pushed the report card and everything after it down once the page was shown
# (≈ 127 px on a 390 px phone, 30 px on a desktop: a tap then landed on another line; session 36)
CITATION_SLOT = '<p class="xxgk-cite" data-xxgk-cite hidden></p>'
# A report's place in the list the reader opened it from (xxgk.js keepList: the quality page's lists, the ranking),
# said under the heading — 数据质量 · 勾稽关系不成立：第 2/5 份　上一份：…　下一份：…　返回列表 — by the page's own
# script as the page is read, before anything under it is laid out: nothing moves (lists.js wrote it there once the
# page was shown and pushed the page down, 0.07 of a phone's screen; session 37 moved it to the article's end, where
# lists.js still writes it, and the reader learnt they were in a list only there: session 38). A page not opened from
# a list gets nothing. Only [address, name] items of this site are read (the tab's storage is any page's to write).
WORK_PLACE = '<script src="../../assets/work-place.js"></script>'  # assets/work-place.js: the script, once a site


def citation_slot(r: dict) -> str:
    """``CITATION_SLOT``; for a report no agency is known for, with the title xxgk.js cites instead of the page's
    heading (``（未识别机构）a.txt 2024年度``: the site's placeholder and a file name, which the citation printed as the
    report's title, ``（未识别机构）a.txt政府信息公开工作年度报告``): the year alone when known (as its source page).

    >>> citation_slot({"agency_name": "", "agency": "", "year": 2024})
    '<p class="xxgk-cite" data-xxgk-cite data-xxgk-cite-title="2024年度" hidden></p>'
    >>> citation_slot({"agency_name": "", "agency": "某局", "year": 2024}) == CITATION_SLOT
    True
    """
    if r.get("agency_name") or r.get("agency"):
        return CITATION_SLOT
    title = f"{r['year']}年度" if r.get("year") else ""
    return f'<p class="xxgk-cite" data-xxgk-cite data-xxgk-cite-title="{esc(title)}" hidden></p>'
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}  # the order a report page lists its findings in
# a report page lists this many findings of a check, the rest counted (all are in findings.csv; the quality page
# lists the first 200 of a check, over all reports): 4 before session 44, when a city office forwarding a report's
# page read 4 of its 7 broken carry-overs and was sent to a quality page whose lists did not hold them
FINDINGS_SHOWN_PER_CODE = 20
SECTION_EXCERPT = 160  # characters of each narrative section shown on the report page
# a report page links at most this many of its agency's other reports of its year, and this many of its years' rows:
# a thousand copies of one report each linking every other made the site grow with the square of their number
TWINS_SHOWN, YEARS_SHOWN = 10, 30
SOURCE_LINES_SHOWN, SOURCE_CHARS_SHOWN = 20_000, 2_000_000  # of a report's text on its source page (``_source_html``)
# characters of one line a source page shows: a longer line is cut there, with a note, and the lines after it are shown
# (one line of 5 million characters near the top hid the rest of the report: its tables, whose values link to their
# lines, and its text from the full-text search; real reports' lines are a few thousand characters at most)
SOURCE_LINE_SHOWN = 20_000
ROW_SPAN_LINES = 12  # a row whose cells lie within this many lines links once, from its label
STEP_ATTR = " data-s"  # on a row's label: its value cells lie one a line from the label's line on (``_stepped``)
# table 3 as the 2019/2021 template prints its header: 申请人情况 over 自然人, 法人或其他组织 (five columns), 总计
TABLE3_HEAD = [[("本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和", 1, 3), ("申请人情况", 7, 1)],
               [("自然人", 1, 2), ("法人或其他组织", 5, 1), ("总计", 1, 2)],
               [("商业企业", 1, 1), ("科研机构", 1, 1), ("社会公益组织", 1, 1), ("法律服务机构", 1, 1), ("其他", 1, 1)]]
APPLICANT_ORDER = ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org",
                   "total"]  # the column order TABLE3_HEAD describes
TABLE3_RESULTS = "三、本年度办理结果"  # the group row over （一）…（七）
GROUP_PREFIX = re.compile(r"^(（[一二三四五六七]）\S+) (.+)$")  # "（三）不予公开 1.属于国家秘密"
META_MISSING_NOTE = f'<p class="xxgk-note">{DASH_NOTE_ZH}</p>'
OWN_LABELS = own_measure_labels()  # 政府集中采购's 采购总金额（万元）: the 2019 template's own label (``codes.yaml``)
# what the numbers of tables 3 and 4 count: the template prints no unit (table 2's measures name theirs: 件数, 万元);
# table 2's items' meanings (规章, 行政强制 …: the glossary's first section) under it, ≈ 110 bytes a page (session 48:
# a citizen met 行政规范性文件 or 行政强制 with no meaning to follow)
# (a row printed on one line links once, by its label); the words' meanings on the glossary page (glossary.py)
# (table 三's: its section of the glossary, not the page's top; a group's word, 不予公开, links to its meaning, which
# lists the group's reasons: ≈ 35 bytes a group, where a link a row would add ≈ 1.3 KB to every report page)
# (what to click is a screen's: xxgk-screen is left off paper, where 点行名…, under each table, named nothing to click)
SCREEN = '<span class="xxgk-screen">{}</span>'  # words about what to click: left off paper (xxgk.css)
UNIT_NOTE = {"2": "<p><small>规章、行政许可等各项的含义见"
                  f'<a href="../../{GLOSSARY_PAGE}/#rules">词语解释</a>。</small></p>\n',
             "3": "<p><small>单位：件（申请数）。" + SCREEN.format("点行名看原文中的这一行，点分组名看它的含义。")
                  + f'各项的含义见<a href="../../{GLOSSARY_PAGE}/#new">词语解释</a>。</small></p>\n',
             "4": "<p><small>单位：件（案件数）。" + SCREEN.format("点行名看原文中的这一行。")
                  + f'复议、诉讼和各种结果的含义见<a href="../../{GLOSSARY_PAGE}/#review">词语解释</a>。</small></p>\n'}
# The report's facts (机构 … 源文件, SHA-256, 官方原文) come before its numbers. On a phone those nine rows filled the
# first screen (the hash wrapping over three lines) and a reader who came for the numbers scrolled past hashes: there
# they are folded under one line, which says what is inside; a desktop and paper show them open and no line to click
# (xxgk.css, where the browser can show a closed <details>'s content; an older one keeps it folded, one click away).
# The one line says the read status too (部分数值未能读取（partial）；19 格无数值…): a phone reader sees why a table
# shows — without opening the facts.
FACTS_OPEN = '<details class="xxgk-facts"><summary>报告信息（发布日期、源文件、SHA-256 等）：{}</summary>'
# above table 三 on a phone (xxgk.css shows it there alone): its box scrolls sideways, which nothing said; its row
# labels and totals are held at the box's edges (≈ 90 bytes a report page)
SWIPE_HINT = '<p class="xxgk-swipe"><small>表内可左右滑动，看各类申请人的数；行名和总计列固定不动。</small></p>\n'
MISSING_LEGEND = "<p><small>“—”表示缺失（空白、/、- 或无法读取），不是0。</small></p>"  # under a table with one
VALUE_TABLES = ("active_disclosure", "applications", "review_litigation")  # tables 二, 三, 四 in the package
# the key figures' outcomes under the heading (_key_figures): table 三's result groups, each the sum of its rows (the
# package's row codes: granted, denied_state_secret … denied_administrative_query, other or other_*)
KEY_OUTCOMES = (("予以公开", "granted"), ("部分公开", "partially_granted"), ("不予公开", "denied"),
                ("无法提供", "unavailable"), ("不予处理", "rejected"), ("其他处理", "other"))
# why a key figure is missing, as the data's one evaluator says it (``metrics.report_results``, 无数据（此表未能读出）
# …): 新收申请, 办理 and 复议/诉讼 are published metrics, their reasons read from ``metric_values.missing``; each
# outcome group is the numerator of its share (予以公开 of granted_share …), the same rows summed, evaluated as a count
# (``key_outcomes``) for a report that lacks one only
KEY_METRICS = {"new": "received", "total_processed": "processed", "review": "review_total",
               "litigation": "litigation_total"}
KEY_SHARES = {"granted": "granted_share", "partially_granted": "partial_share", "denied": "denied_share",
              "unavailable": "unavailable_share", "rejected": "rejected_share", "other": "other_share"}


@lru_cache(maxsize=1)
def key_outcomes() -> tuple[dict, ...]:
    """The key figures' six outcome groups as count metrics (``report_results``' input), each by its key (granted
    …): not published, so their reasons are evaluated (the published four's are ``metric_values.missing``)."""
    defs = {m["code"]: m for m in metric_rows()}
    out = []
    for key, code in KEY_SHARES.items():
        share = {k: v for k, v in defs[code].items() if k != "holds"}  # (a count holds no share's identity)
        counts = {f: re.sub(r"^100 \* (.*) / applications:total_processed:total$", r"\1", share[f])
                  for f in ("formula", "formula_2019") if share.get(f)}
        out.append(dict(share, code=key, unit="件", **counts))
    return tuple(out)


FINDINGS_ANCHOR = slugify("发现的问题", "-")  # the findings' h2 (_report_findings)
KEY_ANCHORS = tuple(slugify(TABLE_HEADINGS[t], "-") for t in ("applications", "review_litigation"))  # the h2s' ids
FINDING_TABLES = {"2": ("active_disclosure", "items"), "3": ("applications", "application_rows")}  # findings' table
# an identity finding's table number → its table, the code lists of its rows and of its columns (``_finding_cell``)
BROKEN_TABLES = {"3": ("applications", "application_rows", "applicants"),
                 "4": ("review_litigation", "proceedings", "outcomes")}


class ReportPages:
    """Needs from the host: ``pkg``, ``values`` and ``metric_defs`` (the published metrics), ``peer``
    ({peer_group: {metric: (median, n)}}), ``reports``, ``report_urls``, ``findings`` (code and severity),
    ``agency_reports``, ``years`` ({agency_id: {year: report}}), ``category_of``, ``categories``,
    ``rows(resource, report_id)`` (the rows of the report being written), ``bulk_page`` and ``bulk_file``
    (``pages.Site``: a page or file spooled, or taken from the last build)."""

    def report_page(self, r: dict) -> None:
        page = self.report_urls[r["report_id"]]  # a/<agency_id>/<year>.html (titles.report_paths)
        self.bulk_page(page_source(page), self.report_inputs(r), lambda: self._report_markdown(r, page))

    def report_inputs(self, r: dict) -> list:
        """Everything the report page of ``r`` is made of besides the host's ``shared_inputs`` (the package's
        code lists and metrics) and the code: the report's row, its rows in every streamed resource (their
        digest), its text, and what the other reports lend it — its score and rank, the report it copies, its
        peer group's medians, its agency's name and other reports with their values. ``pages.Site.bulk_page``
        takes the last build's page when these are the same; a value read by ``_report_markdown`` and missing
        here would be caught by the tests (``spool_reuse.CHECK``)."""
        rid, aid = r["report_id"], r.get("agency_id") or ""
        original = self.copy_of.get(rid)
        return [r, self.current_digest, self.report_urls[rid], self._text_digest(r), self.findings.get(rid),
                self.scores.get(rid),
                self.score_ranks.get(rid), original and [original, self.report_urls[original["report_id"]]],
                self.peer_inputs(r), self.values[rid], self.missing[rid], self.agency_names.get(aid),
                self.years_inputs(aid) if aid else None, self.index_step(aid)]

    def years_inputs(self, aid: str) -> str:
        """The digest (``spool_reuse.inputs_digest``) of what a report page shows of its agency's reports (its own
        included): each one's id, year, file name, address, values, why a value is missing and finding count, in the
        agency's order (its 历年报告, its same-year twins, which years a cross-year check had) — not their whole rows:
        a report whose text changed and whose numbers did not (an erratum, the 1 % rebuild's change) changed its
        other years' inputs through its checksum, and they were written again for the same bytes (three pages a
        report changed). Made once an agency."""
        digests = self.__dict__.setdefault("_years_inputs", {})
        if aid not in digests:
            digests[aid] = inputs_digest([
                [[x["report_id"], x["year"], x["source_file"], x["finding_count"], self.report_urls[x["report_id"]],
                  self.values[x["report_id"]], self.missing[x["report_id"]]] for x in self.agency_reports.get(aid, [])],
                sorted([y, x["report_id"]] for y, x in self.years.get(aid, {}).items())])
        return digests[aid]

    def _status(self, r: dict) -> str:
        """The report's status in words, with how many cells of tables 二–四 have no number (blank as printed, or
        not read): 各表均已读取 alone read as "every cell has a number" on a report leaving 135 of them blank."""
        empty = sum(cell_value(row) is None for table in VALUE_TABLES for row in self.rows(table, r["report_id"]))
        return status_zh(r["status"]) + (f"；{empty} 格无数值（报告空白或未能读出，见下表）" if empty else "")

    def _report_markdown(self, r: dict, page: str) -> tuple[str, list[str]]:
        rid = r["report_id"]
        src = f"../../src/{rid}.html"  # every 'href="../../' is rebased to the page's depth below
        period = (r["period_start"] or r["period_end"]) and f"{r['period_start'] or '—'} 至 {r['period_end'] or '—'}"
        meta = [("机构", report_name(r)), ("年度", r["year"]), ("地区", " ".join(x for x in (r["province"], r["city"],
                r["county"]) if x)), ("发布日期", r["published_date"]), ("统计期", period),
                ("表格格式", r["format"] and edition_text(r["format"])), ("源文件", file_name_text(r["source_file"])),
                ("文件格式", FILE_TYPE_ZH.get(r["file_type"] or "")), ("SHA-256", r["sha256"]),
                ("读取状态", self._status(r))]
        meta_rows = [[f"<th>{esc(k)}</th>", f'<td class="xxgk-hash">{esc(v)}</td>' if k == "SHA-256" else
                      f"<td>{esc(v or '—')}</td>"] for k, v in meta]  # a hash wraps on a phone; missing: —
        if r["source_url"]:  # the manifest's url, else the 原文链接 printed in the text (the package says which)
            meta_rows.append(["<th>官方原文</th>", f'<td class="xxgk-url">{link(r["source_url"])}</td>'])  # http(s)
        title = report_title(r) + self._file_of_twin(r)
        parts = [front_matter(title, SEARCH_EXCLUDED + WIDE + described(report_description(r))),
                 f"# {esc(title)}\n",
                 self._crumbs(r), WORK_PLACE, self._key_figures(r), self._sums_checked(r),
                 FACTS_OPEN.format(esc(dict(meta)["读取状态"])) + "<table>\n"
                 + "\n".join("<tr>" + "".join(x) + "</tr>" for x in meta_rows) + "\n</table>"
                 + (META_MISSING_NOTE if any(not v for _, v in meta) else "") + "</details>",
                 self._twins(r),
                 f'\n<p class="xxgk-links">{self._agency_link(r)}<a href="{src}">查看原文（带行号）</a>'
                 f'{"　" + csv_button(rid, r["source_file"]) if scored(r) else ""}</p>\n',  # not read: no tables
                 self._report_card(r), self._table2(rid, src, r), self._table3(rid, src, r), self._table4(rid, src, r),
                 self._report_findings(rid, src, r), self._years(r), self._sections(rid, src),
                 citation_slot(r)]  # last: written by xxgk.js after the page is shown (see CITATION_SLOT)
        front, body = parts[0], "\n".join(p for p in parts[1:] if p)
        body = body.replace('href="../../', f'href="{up(page)}')  # site links, written two folders deep
        body = body.replace(WORK_PLACE, WORK_PLACE.replace("../../", up(page)))
        own = agency_path(r["agency_id"]) if r.get("agency_id") else ""
        if own and page.startswith(own):  # the agency page and its other years, beside this page: shorter links
            body = body.replace(f'href="{up(page)}{own}"', 'href="./"').replace(f'href="{up(page)}{own}', 'href="')
        markdown, blocks = split_html_blocks(body)
        return front + markdown, blocks  # spooled, rendered outside MkDocs (bulk.py)

    def _key_figures(self, r: dict) -> str:
        """The line under the heading that answers a citizen's question — how many requests the agency got and how it
        answered them, and how many reviews and suits followed — each part linking to the table it is read from
        (``KEY_FIGURES``). On a 390 px phone the answer lay two screens down, under the facts, the links and the
        report card (session 36). A figure the report lacks, or one of a group's rows it lacks, is 无数据, never 0;
        a report not read (no tables) has no line; outcomes whose sum is not the total the report prints say so
        (``applications_processed_sum``: 办理 11 件（予以公开 0，…，其他处理 0） read as a whole answer, session 40).
        ≈ 0.4 KB a page."""
        if not scored(r):
            return ""
        rows = {x["row"]: metric_value(cell_value(x)) for x in self.rows("applications", r["report_id"])
                if x["applicant"] == "total"}

        rid = r["report_id"]

        def group(prefix: str):  # a group's rows summed: none of them printed, or one blank, is no number
            parts = [v for k, v in rows.items() if k == prefix or k.startswith(prefix + "_")]
            return None if not parts or None in parts else sum(parts)

        sums = {p: group(p) for _, p in KEY_OUTCOMES}  # (once a group)
        why = {key: self.missing[rid][code] for key, code in KEY_METRICS.items()}  # the published four's
        if None in sums.values():  # an outcome lacking: its reason from the report's rows
            why |= {key: reason for key, (_, reason) in report_results(
                {"reports": [r], **{t: self.rows(t, rid) for t in ("applications", "findings")}},
                key_outcomes())[rid].items()}

        def said(value, key: str) -> str:  # a missing figure's reason's word, in the page (no hover needed)
            return missing_word(why.get(key)) if value is None else f"{fmt_number(value)} 件"

        values = self.values[rid]
        outcomes = "，".join(f"{label} {said(sums[prefix], prefix).removesuffix(' 件')}"
                            for label, prefix in KEY_OUTCOMES)
        six = {said(sums[p], p) for _, p in KEY_OUTCOMES}
        if len(six) == 1 and not next(iter(six)).endswith(" 件"):  # the six outcomes missing alike: said once
            outcomes = f"各项办理结果 {next(iter(six))}"
        total, parts = rows.get("total_processed"), list(sums.values())
        if total is not None and None not in parts and sum(parts) != total:  # the report's own sum does not hold
            outcomes += f"；各项之和 {fmt_number(sum(parts))} 件，与办理总数不符"
        applied = (f'<a href="#{KEY_ANCHORS[0]}">新收申请 {said(rows.get("new"), "new")}</a>，'
                   f'办理 {said(rows.get("total_processed"), "total_processed")}（{outcomes}）')
        words = {said(v, k) for k, v in [("new", rows.get("new")), ("total_processed", rows.get("total_processed"))]
                 + list(sums.items())}
        if len(words) == 1 and not next(iter(words)).endswith(" 件"):  # one word for all eight: said once
            applied = f'<a href="#{KEY_ANCHORS[0]}">新收申请、办理及办理结果 {next(iter(words))}</a>'
        return (f'<p class="xxgk-key">{applied}；'
                f'<a href="#{KEY_ANCHORS[1]}">行政复议 {said(values["review_total"], "review")}，'
                f'行政诉讼 {said(values["litigation_total"], "litigation")}</a>。</p>')

    def _sums_checked(self, r: dict) -> str:
        """Whether tables 三 and 四 add up (their identities: ``identities.csv``), said in a line under the key
        figures: a reader arriving from a search engine on a phone read the numbers on the first screen, but whether
        they hold together only three screens down (the report card's 内部一致, the ≠ marks, 发现的问题; session
        51). Broken sums are counted and linked to the findings; sums that hold are said to hold only of what was
        read (a missing cell leaves its sums unchecked: said, never taken as holding)."""
        if not scored(r):
            return ""
        broken = sum(f["code"] == "identity_broken" for f in split_findings(self.findings.get(r["report_id"], []))[0])
        if broken:
            return (f'<p class="xxgk-sums">核对：表中有 {broken} 处数对不上（勾稽关系不成立），'
                    f'见<a href="#{FINDINGS_ANCHOR}">发现的问题</a>。</p>')
        tables = {name: self.rows(t, r["report_id"]) for name, t in (("表3", "applications"),
                                                                        ("表4", "review_litigation"))}
        read = [n for n, rows in tables.items() if any(cell_value(row) is not None for row in rows)]
        unread = [n for n in tables if n not in read]  # (no row, or not one number: nothing to check)
        gaps = any(cell_value(row) is None for n in read for row in tables[n])
        held = f"{'、'.join(read)}{'读出的数之间' if gaps else '的'}勾稽关系（如总计等于各项之和）都成立"
        said = [held] if read else []
        said += ["有的数缺失（表中的“—”），与之相关的关系未能核对"] if gaps else []
        said += [f"{'、'.join(unread)}未能读出，勾稽关系无法核对"] if unread else []
        return f'<p class="xxgk-sums">核对：{"；".join(said)}。</p>'

    def _crumbs(self, r: dict) -> str:
        """Where the page sits, under its heading: 首页 › 机构索引 › its agency › its year (``crumbs``). A reader
        arriving from a search engine or a shared link saw the agency's page linked only under the report's facts,
        below the first screen on a desktop (session 39)."""
        if not r.get("agency_id"):
            return crumbs([], f"{r['year'] or '年度未知'}年度报告")
        name = self.agency_names.get(r["agency_id"]) or report_name(r)
        return crumbs(self.index_step(r["agency_id"]) + [(f"../../{agency_path(r['agency_id'])}", name)],
                      f"{r['year'] or '年度未知'}年度报告")

    def _agency_link(self, r: dict) -> str:
        if not r.get("agency_id"):
            return ""
        name = self.agency_names.get(r["agency_id"], "")  # the agency's name, which the report may print shorter
        return f'<a href="../../{agency_path(r["agency_id"])}">机构页（{esc(name)}）：历年数据与比较</a>　'

    @cached_property
    def copy_of(self) -> dict[str, dict]:
        """``{report_id: the report it is a byte-identical copy of}`` (``report_card.copies``: not ranked)."""
        return copies(self.reports)

    def _report_card(self, r: dict) -> str:
        """The score counts only the agency's own problems; the limits of our reading are shown apart. A
        file not read has no score: the page says why instead of a 100 and every check passed."""
        if not scored(r):
            return f"\n## 报告评估\n\n<p>{UNSCORED_ZH}；原因见下面的“发现的问题”。</p>\n"
        found = self.findings.get(r["report_id"], [])
        own, reading = split_findings(found)
        grouped, limits = by_category(own, self.category_of), Counter(f["severity"] for f in reading)
        unread = {c: sum(f["severity"] == "error" for f in fs)  # what the reading missed, by category
                  for c, fs in by_category(reading, self.category_of).items()}
        rows = []
        for code, name in getattr(self, "agency_categories", self.categories).items():
            counts = Counter(f["severity"] for f in grouped[code]) if code in grouped else None
            verdict = counts and "　".join(f'<span class="xxgk-sev-{s}">{SEVERITY_ZH[s]} {counts[s]}</span>'
                                          for s in ("error", "warning", "info") if counts[s]) or (
                f"未能判断（有未读出的内容：{SEVERITY_ZH['error']} {unread[code]}）" if unread.get(code) else
                self._not_judged(code, r) or "✓ 通过")
            # (the category kept on one line: on a phone 正文与表格 broke as 正文与表 / 格 beside a wide verdict column)
            rows.append([f'<td class="xxgk-word"><a href="../../checks/#{esc(code)}">{esc(name)}</a></td>',
                         f"<td>{verdict}</td>"])
        year, tier, kind = score_group(r)
        rank = getattr(self, "score_ranks", {}).get(r["report_id"])
        group = f"{SCORE_TIER_ZH.get(tier, tier)}{SCORE_KIND_ZH.get(kind, kind)}"  # (县级政府部门: not 县级 alone)
        rank_text = (f"，在{esc(year)}年度全国“{esc(group)}” {rank[1]} 份报告中排第 {rank[0]}"
                     if rank else "" if fully_read(found) else f"；{UNRANKED_ZH}")
        original = self.copy_of.get(r["report_id"])
        copy_text = ('<p class="xxgk-note">本报告' + copy_sentence(
            f'<a href="../../{self.report_urls[original["report_id"]]}">'
            f'{esc(file_name_text(original["source_file"]))}</a>', original, r) + "。</p>\n" if original else "")
        reading_text = "、".join(f"{SEVERITY_ZH[s]} {limits[s]}" for s in ("error", "warning", "info") if limits[s])
        points = self.scores[r["report_id"]] if hasattr(self, "scores") else score(found)  # (Site's, computed once)
        return (f"\n## 报告评估\n\n<p>得分 <b>{points}</b>/100{rank_text}（只计本机关自身的问题：每个错误扣10分、"
                f'每个警告扣3分；<a href="../../report-card/">同年度、同层级、同类别排名</a>）。</p>\n' + copy_text
                + (f"<p>读取的局限（本站未能读出的单元格等，不是机关的问题，不计分）：{esc(reading_text)}</p>\n"
                   if reading_text else "") + table(["检查类别", "本机关自身的问题"], rows, row_headers=True)
                + self._report_peers(r))

    def _not_judged(self, category: str, r: dict) -> str:
        """Why a check category could not be run on ``r`` (empty if it could): no finding is no pass when the check
        had nothing to look at — the deadline without a publication date, the copy check without another year of the
        agency, the chains without its year before (a reader took ✓ 通过 for "published on time")."""
        if category == "timely" and not r.get("published_date"):
            return "未能判断（报告未注明发布日期）"
        if category == "cross_year":  # (report_card: the chains against the year before, the copy against any other)
            years = set(self.years.get(r.get("agency_id") or "", {}))
            year = int(r["year"]) if r.get("year") else None
            if year is None or not years - {year}:
                return "未能判断（本站没有本机关其他年度的报告）"
            if year - 1 not in years:
                return "未见照抄；与上年的衔接未能核对（本站没有本机关上一年度的报告）"
        return ""

    def _report_peers(self, r: dict) -> str:
        """This report against the median of its published ``peer_group`` (same year, tier, province, and
        系统 or kind), with the metrics the agency page uses (``metrics`` resource)."""
        group = self.peer.get(r.get("peer_group") or "")
        if not group:
            return ("\n\n<p>同类组中位数：本报告缺少年度、地区、行政层级或系统信息，未归入同类组，"
                    "没有可比的中位数。</p>")
        mine, why = self.values[r["report_id"]], self.missing[r["report_id"]]
        rows = [[f"<td>{esc(self.metric_defs[c]['label_zh'])}（{esc(self.metric_defs[c]['unit'])}）</td>",
                 metric_cell(mine, why, c, num_cell), num_cell(shown(group[c][0]), "无数据"),
                 num_cell(group[c][1])]
                for c in PEER_SHOWN]
        note = peer_note([group[c][1] for c in PEER_SHOWN], "本报告") + "".join(
            f"<p><small>{esc(n)}</small></p>" for n in missing_notes(reasons_shown(mine, why, PEER_SHOWN)))
        return ("\n\n<p>同类组（同年度、同层级、同省份、同系统或同为人民政府）的中位数，"
                "<a href=\"../../data/#metric-definitions\">指标定义</a>：</p>\n"
                + table(["指标", "本报告", "同类组中位数", "同类组报告数"], rows, css="nums",
                        row_headers=True) + note)

    def _linked(self, value, line, src, span: tuple | None = None) -> str:
        """A value linked to its source line, in a table whose style right-aligns it (grid; table 2's "data"). A
        missing value the report printed on a line (约12.5, a glued or garbled cell) links there too: the reader
        sees what stood in the cell (before: a bare —, and the report's CSV gave it no line, which the package has)."""
        if value is None:
            return (f'<td class="xxgk-num xxgk-missing"><a href="{src}#{self._anchor(line, span)}" '
                    f'title="缺失（不是0）；原文第{esc(line)}行" aria-label="缺失，原文第{esc(line)}行">—</a></td>'
                    ) if line else cell(None)
        return (f'<td><a href="{src}#{self._anchor(line, span)}" title="原文第{esc(line)}行">'
                f"{_number_text(value)}</a></td>") if line else cell(value)

    @staticmethod
    def _anchor(line, span: tuple | None) -> str:
        """``L12``, or ``L12c340`` (the row's span within a long line, see ``spans.py``) when the span is on it."""
        if span and str(span[0]) == str(line):
            return f"L{esc(line)}c{span[1]}"
        return f"L{esc(line)}"

    def _spans(self, r: dict) -> dict[str, dict[str, tuple[int, int, int]]]:
        """``{resource: {row code: (line, start, end)}}`` of a report's rows on long lines (cached per report)."""
        return self._source(r)[1]

    def _text_digest(self, r: dict) -> str:
        """SHA-256 of the report's source text file's bytes: what its page and source page take from it (the text
        itself, and its row spans, which the text, the report's format and the code decide) as a page input. The
        bytes decide the text (``data.text_of``), so a page taken from the last build never has its text decoded:
        hashing the bytes costs a tenth of reading them as text (≈ 3 s of CPU at 10,000 reports, every rebuild)."""
        return self._read_text(r)[1]

    def _read_text(self, r: dict) -> list:
        """``[text or None until asked for, digest, bytes]`` of the report being written (one report at a time)."""
        cache = self.__dict__.setdefault("_text_cache", {})
        if r["report_id"] not in cache:
            cache.clear()  # one report at a time
            data = self.pkg.source_bytes(r["report_id"])
            cache[r["report_id"]] = [None, hashlib.sha256(data).hexdigest(), data]
        return cache[r["report_id"]]

    def _text(self, r: dict) -> str:
        """The report's source text, read once for its page and its source page (decoded only for them)."""
        found = self._read_text(r)
        if found[0] is None:
            found[0] = text_of(found[2])
        return found[0]

    def _source(self, r: dict) -> tuple[str, dict[str, dict[str, tuple[int, int, int]]]]:
        """The report's source text and its ``_spans``, found once for its page and its source page (and never for
        a page taken from the last build). ``row_spans`` finds nothing in a text without a line of ``LONG_LINE``
        characters (with its line feed: more than ``LONG_LINE``), so such a text is not searched."""
        cache = self.__dict__.setdefault("_span_cache", {})
        if r["report_id"] not in cache:
            text = self._text(r)
            out: dict[str, dict] = defaultdict(dict)
            if max(map(len, text.split("\n"))) >= LONG_LINE:
                for (resource, code), span in row_spans(text, r["format"]).items():
                    out[resource][code] = span
            cache.clear()  # one report at a time: the page and its source page
            cache[r["report_id"]] = (text, dict(out))
        return cache[r["report_id"]]

    def _template_table(self, rows: list[dict], keys: tuple[str, str], row_labels: dict, column_labels: dict,
                        corner: str, src: str, head_rows: list | None = None, caption: str = "",
                        grouped: bool = False, spans: dict | None = None, csv: str = "",
                        broken: dict | None = None) -> tuple[dict, str]:
        """A table laid out like the template (rows × columns), every value linked to its line.

        ``grouped`` adds the template's row groups: a 三、本年度办理结果 row over （一）…（七）, and a group row
        (（三）不予公开 …, marked ``GROUP_ATTR``: it prefixes its rows' labels in the CSV) over the numbered rows
        of each group; ``head_rows`` its grouped header; ``csv`` the table's code for the browser-built CSV;
        ``broken`` marks the cells whose identity does not hold (``broken_cells``) with ≠ and why."""
        grid: dict[str, dict] = defaultdict(dict)
        first, second = keys
        for x in rows:
            grid[x[first]][x[second]] = x
        columns, nothing = list(column_labels), {}
        body, width, missing = [], 1 + len(columns), False
        rest = f'<td colspan="{width - 1}"></td>'  # the group label stays a first (sticky) cell on a phone
        for r, cells in grid.items():
            label = row_labels[r]
            if grouped and r == "granted":
                body.append([f'<th scope="rowgroup">{TABLE3_RESULTS}</th>', rest])
            group = GROUP_PREFIX.match(label) if grouped else None
            if group:
                body.append([f'<th scope="rowgroup"{GROUP_ATTR}>{_group_word(group.group(1))}</th>', rest])
                label = group.group(2)
            values = [cells[c]["value"] if c in cells else None for c in columns]
            missing = missing or None in values
            # (a row of blanks links its label to the line that prints them: an officer checks the blanks too)
            printed = {x["line"] for x in cells.values() if x["value"] is not None and x["line"]} or {
                x["line"] for x in cells.values() if x["line"]}
            if len(printed) > 1:
                lines = {int(n) for n in printed}
                low, high = min(lines), max(lines)
            elif printed:  # (mostly: a row's cells on one line)
                low = high = int(*printed)
            if not printed or high - low <= ROW_SPAN_LINES:  # printed together: link the label once
                if printed:  # the label links to its line (or span)
                    span = spans.get(r) if spans else None
                    anchor = self._anchor(low, span) if span else f"L{low}"
                    head = f'<td><a href="{src}#{anchor}">{esc(label)}</a></td>'
                else:
                    head = f"<td>{esc(label)}</td>"
                # a cell printed on a line of its own (one cell a line) says its line for the page's CSV: the label
                # links the row's first line, which the CSV gave every cell of the row; a row printed one cell a
                # line in order says it once, on its label (``STEP_ATTR``)
                cell_lines = [cells.get(c, nothing).get("line") for c in columns]
                if printed and _stepped(cell_lines, low):
                    body.append([head.replace("<td>", f"<td{STEP_ATTR}>", 1), *map(plain_cell, values)])
                else:
                    body.append([head, *(_own_line(plain_cell(v), line, low if printed else None)
                                         for v, line in zip(values, cell_lines, strict=True))])
            else:
                body.append([f"<td>{esc(label)}</td>"] + [self._linked(cells.get(c, nothing).get("value"),
                                                                       cells.get(c, nothing).get("line"), src)
                                                          for c in columns])
            if broken:
                body[-1][1:] = [_marked(html, broken.get((r, c)), broken_cell_id(csv, r, c))
                                for html, c in zip(body[-1][1:], columns, strict=True)]
        legend = MISSING_LEGEND if missing else ""
        if broken:
            legend += BROKEN_LEGEND + _broken_reasons(broken, grid, column_labels)
        return grid, table([corner] + list(column_labels.values()), body, css="grid", caption=caption,
                           head_rows=head_rows, extra=csv_attr(csv) if csv else "", row_headers=True) + legend

    def _table2(self, rid: str, src: str, r: dict | None = None) -> str:
        rows = self.rows("active_disclosure", rid)
        if not rows:
            return f"\n## {TABLE_HEADINGS['active_disclosure']}\n\n<p>本报告没有可读取的表2（缺失，不是0）。</p>"
        items, measures = self.pkg.labels("items"), self.pkg.labels("measures")
        spans = self._spans(r).get("active_disclosure", {}) if r else {}
        body = [[f"<td>{esc(items[x['item']])}</td>",
                 f"<td>{esc(OWN_LABELS.get((x['item'], x['measure']), measures[x['measure']]))}</td>",
                 self._linked(cell_value(x), x["line"], src, spans.get(x["item"]))] for x in rows]  # (万元: amount)
        legend = MISSING_LEGEND if any(cell_value(x) is None for x in rows) else ""  # as tables 3 and 4 say it
        return (f"\n## {TABLE_HEADINGS['active_disclosure']}\n\n"
                + table(["信息内容", "指标", "数值"], body, css="data", extra=csv_attr("active_disclosure"),
                        row_headers=True) + legend + UNIT_NOTE["2"])

    def _table3(self, rid: str, src: str, r: dict | None = None) -> str:
        rows = self.rows("applications", rid)
        if not rows:
            return f"\n## {TABLE_HEADINGS['applications']}\n\n<p>本报告没有可读取的表3数据（缺失，不是0）。</p>"
        applicants = self.pkg.labels("applicants")
        row_labels = self.pkg.labels("application_rows")
        head = TABLE3_HEAD if list(applicants) == APPLICANT_ORDER else None
        _, html = self._template_table(rows, ("row", "applicant"), row_labels, applicants, "项目", src, head,
                                       grouped=True, spans=self._spans(r).get("applications", {}) if r else {},
                                       csv="applications", broken=broken_cells("applications", rows, r, applicants))
        shares = [(self.metric_defs[c]["label_zh"], self.values[rid][c], metric_colour(c), self.missing[rid][c])
                  for c in OUTCOME_SHARES
                  if formula_for(self.metric_defs[c], r["format"] if r else None)]  # a bar per outcome, not a pie
        pie = chart([{"type": "bar", "x": [x[0] for x in shares], "y": [x[1] for x in shares], "name": "办理结果",
                      "marker": {"color": [x[2] for x in shares]}, "xxgk_why": [x[3] for x in shares]}],
                    "申请办理结果构成（占办理总计的%）", "", "%", f"{rid}-outcomes", data_table=False,
                    horizontal=True)  # its counts are table 3's rows above
        reasons = {x[3] for x in shares if x[1] is None}
        if shares and all(x[1] is None for x in shares):  # no share computed: say why, as the data says it
            zero = reasons == {"zero_denominator"}
            pie = ('<p class="xxgk-note">办理总计为0，没有办理结果构成可算。</p>' if zero else
                   '<p class="xxgk-note">未计算申请办理结果构成（占办理总计的%）：'
                   + esc("；".join(missing_notes(reasons))) + "见下面的“发现的问题”。</p>")
        elif reasons:  # some shares missing: the chart's labels say why in short, the sentences here
            pie += "".join(f"<p><small>{esc(n)}</small></p>" for n in missing_notes(reasons))
        # (no chart of applicant types: row 一 of the table above already reads as one, column by column)
        return f"\n## {TABLE_HEADINGS['applications']}\n\n" + SWIPE_HINT + html + "\n" + UNIT_NOTE["3"] + pie

    def _table4(self, rid: str, src: str, r: dict | None = None) -> str:
        rows = self.rows("review_litigation", rid)
        if not rows:
            return f"\n## {TABLE_HEADINGS['review_litigation']}\n\n<p>本报告没有可读取的表4（缺失，不是0）。</p>"
        procs, outs = self.pkg.labels("proceedings"), self.pkg.labels("outcomes")
        whole = self._spans(r).get("review_litigation", {}).get(SECTION_SPAN) if r else None  # on a long line
        grid, html = self._template_table(rows, ("proceeding", "outcome"), procs, outs, "类别", src,
                                             spans=dict.fromkeys(procs, whole) if whole else None,
                                             csv="review_litigation",
                                             broken=broken_cells("review_litigation", rows, r, outs))
        traces = [{"type": "bar", "name": outs[o], "x": [procs[p] for p in grid],
                   "y": [number(grid[p].get(o, {}).get("value")) for p in grid],
                   "marker": {"color": colour("outcomes", o)}} for o in outs if o != "total"]
        return (f"\n## {TABLE_HEADINGS['review_litigation']}\n\n" + html + "\n" + UNIT_NOTE["4"]
                + chart(traces, "行政复议、行政诉讼结果", "", "件", f"{rid}-review", {"barmode": "stack"},
                         data_table=False))

    def _finding_anchor(self, f: dict, r: dict | None) -> str:
        """A finding's place in the source: ``L12``, or its row's span on a long line (``L12c340``, as the
        table's own link) when the finding names a row of table 2 or 3 found there."""
        return self._finding_anchor_in(f, self._spans(r) if r else {})

    def _finding_anchor_in(self, f: dict, spans: dict) -> str:
        """:meth:`_finding_anchor` with the report's ``_spans`` given (the quality page finds them once a report
        for all its lists, where a report's spans are not the one cached)."""
        if f["table"] == "4":  # table 4 on a long line: the table's span
            return self._anchor(f["line"], spans.get("review_litigation", {}).get(SECTION_SPAN))
        resource, code_list = FINDING_TABLES.get(f["table"], ("", ""))
        if not spans.get(resource) or not f["row"]:
            return f"L{esc(f['line'])}"
        code = {label: c for c, label in self.pkg.labels(code_list).items()}.get(f["row"])
        return self._anchor(f["line"], spans[resource].get(code))

    def _report_findings(self, rid: str, src: str, r: dict | None = None) -> str:
        """The findings grouped by code, errors first, then warnings, then information (a reader looking for the
        numbers that do not add up found them under the hints): each group names its check once (linked to its
        description), then each finding's message with its source line; a code found many times shows its first
        few and a count. Before, each finding repeated its check's name and link (four times for four cells of
        one kind)."""
        found = self.rows("findings", rid)  # in full (the summaries keep code and severity only)
        if not found:
            return "\n## 发现的问题\n\n<p>未发现问题。</p>"
        groups: dict[tuple[str, str], list] = defaultdict(list)
        for f in sorted(found, key=lambda f: SEVERITY_ORDER.get(f["severity"], len(SEVERITY_ORDER))):  # stable
            groups[f["code"], f["severity"]].append(f)
        items = []
        for (code, severity), group in groups.items():
            head = (f'<li><span class="xxgk-sev-{esc(severity)}">{esc(SEVERITY_ZH.get(severity))}</span>'
                    f'{esc(points_said(code, severity, len(group)))} '
                    f'<a href="../../checks/#{esc(code)}">{esc(self._finding_title(code))}（{esc(code)}）</a>')
            said = [self._finding_said(f, src, r) + self._finding_cell(f, rid, r)
                    for f in group[:FINDINGS_SHOWN_PER_CODE]]
            if len(group) == 1:
                items.append(f"{head}：{said[0]}</li>")
                continue
            if len(group) > FINDINGS_SHOWN_PER_CODE:
                said.append(f"…… 另有 {len(group) - FINDINGS_SHOWN_PER_CODE} 条未在此列出，全部在"
                            '<a href="../../data/">下载</a>的 findings.csv 中（本报告的 report_id）')
            items.append(f"{head}，{len(group)} 条：<ul>" + "".join(f"<li>{x}</li>" for x in said) + "</ul></li>")
        return "\n## 发现的问题\n\n<ul>\n" + "\n".join(items) + "\n</ul>"

    def _finding_cell(self, f: dict, rid: str, r: dict | None) -> str:
        """For a finding of an identity that does not hold: a link to its cell, marked ≠ in this page's table
        (``broken_cell_id``), when that cell is marked; else nothing. A transparency office read 第84行 and had to
        find the cell in the table above by itself."""
        cell = self.finding_cell_codes(f)
        if cell is None:
            return ""
        table_code, row, column = cell
        columns = self.pkg.labels(BROKEN_TABLES[f["table"]][2])
        if (row, column) not in broken_cells(table_code, self.rows(table_code, rid), r, columns):
            return ""
        return f'（<a href="#{broken_cell_id(table_code, row, column)}">表中此格</a>）'

    def finding_cell_codes(self, f: dict) -> tuple[str, str, str] | None:
        """``(table, row, column)`` codes of the cell an ``identity_broken`` finding is located at (its labels read
        back through the package's code lists), the cell its report page marks ≠; None for any other finding or
        labels no code list has. The quality page's lists link it too (``Site._quality_code_table``), written before
        the report pages' pass, without the rows that say whether the cell is marked: the package's finding and
        the page's mark are of the same identities over the same published values."""
        if f["code"] != "identity_broken" or f["table"] not in BROKEN_TABLES:
            return None
        table_code, row_list, column_list = BROKEN_TABLES[f["table"]]
        rows = {label: code for code, label in self.pkg.labels(row_list).items()}
        columns = {label: code for code, label in self.pkg.labels(column_list).items()}
        row, column = rows.get(f["row"] or ""), columns.get(f["column"] or "")
        return None if row is None or column is None else (table_code, row, column)

    def _finding_said(self, f: dict, src: str, r: dict | None) -> str:
        """A finding's message and the link to its source line (when it has one)."""
        where = f' <a href="{src}#{self._finding_anchor(f, r)}">第{esc(f["line"])}行</a>' if f["line"] else ""
        return f"{said(f['message'])}{where}"

    def _finding_title(self, code: str) -> str:
        titles = self.__dict__.get("_finding_titles")
        if titles is None:  # built once: every page with findings asks
            titles = self.__dict__["_finding_titles"] = {}
            for c in self.pkg.tables["finding_codes"]:
                titles.setdefault(c["code"], c["label_zh"])  # (the first row of a code, as the search found)
        return titles.get(code, code)

    def _twins(self, r: dict) -> str:
        """Said at the top: the agency's other reports of the same year (a duplicate, or a second file of the
        same report), each linked, the first ``TWINS_SHOWN`` of them; before, only a finding far down the page
        named the other file."""
        group = self._same_year.get((r.get("agency_id"), r["year"]), []) if r.get("agency_id") and r["year"] else []
        if len(group) < 2:
            return ""
        twins = [x for x in group[:TWINS_SHOWN + 1] if x["report_id"] != r["report_id"]][:TWINS_SHOWN]
        links = "、".join(f'<a href="../../{self.report_urls[x["report_id"]]}">'
                         f'{esc(file_name_text(x["source_file"]))}</a>' for x in twins)
        if len(group) == 2:
            return (f'<p class="xxgk-note">本机构{esc(r["year"])}年度还有另一份报告：{links}。两份分别列出，'
                    f"不合并；见下面“发现的问题”中的“重复的报告”。</p>")
        more = (f'等（全部见<a href="../../{agency_path(r["agency_id"])}">机构页</a>）'
                if len(group) - 1 > len(twins) else "")
        return (f'<p class="xxgk-note">本机构{esc(r["year"])}年度还有另外{len(group) - 1}份报告：{links}{more}。'
                f"各份分别列出，不合并；见下面“发现的问题”中的“重复的报告”。</p>")

    def _file_of_twin(self, r: dict) -> str:
        """``（its file）`` after the title of a report that shares its agency and year with another (as the agency
        page, the quality page and the report card name it: ``titles.report_titles_apart``), else nothing. Session
        53: the two pages of 西城区数据局's 2022 reports, a revised one's 新收申请 changed, had one title and heading,
        two browser tabs alike. (The pages' inputs hold their agency's reports' files: ``years_inputs``.)"""
        shared = r.get("agency_id") and r["year"] and len(self._same_year[(r["agency_id"], r["year"])]) > 1
        return f"（{file_name_text(r['source_file'])}）" if shared else ""

    @cached_property
    def _same_year(self) -> dict[tuple[str, object], list[dict]]:
        """``{(agency_id, year): its reports}``, made once (each page looking through its agency's reports made
        a thousand copies of one report cost a million looks)."""
        out: dict[tuple[str, object], list[dict]] = defaultdict(list)
        for aid, reports in self.agency_reports.items():
            for x in reports:
                out[(aid, x["year"])].append(x)
        return out

    def _years(self, r: dict) -> str:
        """The agency's other years, with the same metrics as its agency page: its first ``YEARS_SHOWN`` reports
        (the agency page lists them all)."""
        same = self.agency_reports.get(r.get("agency_id") or "", [])
        if len(same) < 2:
            return ""
        shared = same_year_files(same)  # (a year's two reports each named with its file: session 53)
        rows = [[f'<td><a href="../../{self.report_urls[x["report_id"]]}">{esc(x["year"] or "年度未知")}'
                 f"{shared(x)}</a></td>",
                 metric_cell(self.values[x["report_id"]], self.missing[x["report_id"]], "received", num_cell),
                 metric_cell(self.values[x["report_id"]], self.missing[x["report_id"]], "granted_share", num_cell),
                 num_cell(x["finding_count"])]
                for x in same[:YEARS_SHOWN]]
        reasons = set().union(*(reasons_shown(self.values[x["report_id"]], self.missing[x["report_id"]],
                                              ("received", "granted_share")) for x in same[:YEARS_SHOWN]))
        more = (f"<p>本机构共有 {len(same)} 份报告，这里列出前 {YEARS_SHOWN} 份，全部见机构页。</p>\n"
                if len(same) > YEARS_SHOWN else "")
        return ("\n## 历年报告\n\n" + table(["年度", "本年新收申请（件）", "予以公开比例（%）", FINDINGS_COLUMN_ZH],
                                          rows, css="nums", row_headers=True)
                + "".join(f"<p><small>{esc(n)}</small></p>" for n in missing_notes(reasons))
                + f"\n{more}<p>{self._agency_link(r).strip('　')}</p>")

    def _sections(self, rid: str, src: str) -> str:
        """An excerpt of each narrative section, linked to its full text on the source page
        (the whole narrative on this page would break the 30 KB page budget)."""
        names = self.pkg.labels("section_codes")
        rows = []
        for s in self.rows("sections", rid):
            text = s["text"] or ""
            shown = excerpt(text, SECTION_EXCERPT)  # (its lines rejoined: a wrap is no gap, a paragraph a <br>)
            link = f'<a href="{src}#L{esc(s["line"])}">全文</a>' if s["line"] else ""
            rows.append([f"<td>{esc(names.get(s['section'], s['section']))}</td>", f"<td>{shown} {link}</td>"])
        return ("\n## 报告正文（叙述部分）\n\n"
                + table(["章节", "摘要"], rows, extra=" data-excerpts", row_headers=True)
                if rows else "")  # (a section's name above its excerpt on a phone: xxgk.css)

    def source_page(self, r: dict) -> None:
        """The source text with line anchors, as a plain HTML file published as it is (``bulk.copy_files``),
        never seen by MkDocs (and out of its search index); the full-text search indexes it without its tables
        (``table_lines.py``). Taken from the last build when its inputs are the same (``pages.Site.bulk_file``):
        the report's row (title, format, year and province filters), its page's address, its text and whether a
        report of its agency's year is another's (its file then named in its title, as on its report page)."""
        rid = r["report_id"]
        self.bulk_file(f"src/{rid}.html", [r, self.report_urls[rid], self._text_digest(r),
                                           self.agency_names.get(r.get("agency_id") or ""), self._file_of_twin(r)],
                       lambda: self._source_html(r))

    def _source_html(self, r: dict) -> str:
        """The source page: the text's first ``SOURCE_LINES_SHOWN`` lines, and no more than ``SOURCE_CHARS_SHOWN``
        characters, each line's first ``SOURCE_LINE_SHOWN``, with a note when there is more (a 10 MB text of five
        million one-character lines, inside every parse budget, made a 223 MB page and took 2 GB to build; real
        reports have a few thousand lines)."""
        text, spans = self._source(r)
        raw, cut, whole = text.split("\n"), "", len(text)
        long = {n: len(line) for n, line in enumerate(raw, start=1) if len(line) > SOURCE_LINE_SHOWN}
        if long:
            raw = [line[:SOURCE_LINE_SHOWN] for line in raw]
            text = "\n".join(raw)
        cuts: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for rows in spans.values():
            for line, start, end in rows.values():
                if start < SOURCE_LINE_SHOWN:  # (a span past a long line's cut has nothing shown to mark)
                    cuts[line].append((start, min(end, SOURCE_LINE_SHOWN)))
        kept = _lines_within(raw, SOURCE_LINES_SHOWN, SOURCE_CHARS_SHOWN)
        if kept < len(raw):
            cut = (f'<p class="xxgk-note" data-pagefind-ignore>原文共 {len(raw)} 行、{whole} 字，'
                   f'网页只显示前 {kept} 行；全文见<a href="../data/">数据包</a>中的 '
                   f'sources/{esc(r["report_id"])}.txt。</p>\n')
            raw = raw[:kept]
            text = "\n".join(raw)
        runs, parts = unindexed(text)  # tables 二–四: shown as every line, not indexed for the full-text search
        lines = []
        for n, line in enumerate(esc_lines(text), start=1):
            if n in cuts or n in parts:
                line = _segments(n, raw[n - 1], cuts.get(n, ()), parts.get(n, ()))
            if n in long:
                line += (f'<span class="xxgk-note" data-pagefind-ignore>……（此行共 {long[n]} 字，网页只显示前 '
                         f'{SOURCE_LINE_SHOWN} 字；全文见数据包中的 sources/{esc(r["report_id"])}.txt）</span>')
            lines.append(f'<span id="L{n}" data-n="{n}">{line or "&nbsp;"}</span>')
        for first, last in runs:
            lines[first - 1] = TABLES_UNINDEXED + lines[first - 1]
            lines[last - 1] += "</span>"
        title = esc(f"原文：{report_title(r)}{self._file_of_twin(r)}")  # (a year's two reports apart: session 54)
        page = esc(self.report_urls[r["report_id"]])
        back = f'<a href="../{page}" data-pagefind-meta="report[href]">← 返回报告页</a>'
        if r["report_id"] in self.source_only:  # no report page (titles.source_only_reports): why, here
            reasons = self.failed_reason(r["report_id"])
            back = (f'<span data-pagefind-meta="report:../{page}"></span>此文件未能读作年报，没有报告页'
                    f'{"（" + reasons + "）" if reasons else ""}；'
                    '见<a href="../quality/#xxgk-source-only">数据质量</a>')
        filters = filter_attributes(r)
        return SOURCE_PAGE.format(title=title, back=back + self._source_agency_link(r), lines="\n".join(lines),
                                  year=filters.get("year", ""),
                                  province=filters.get("province", ""), cut=cut, cite=source_citation(r),
                                  script=SOURCE_SCRIPT)

    def _source_agency_link(self, r: dict) -> str:
        """The source page's link to its agency's page, after the way back to the report: a reader arriving on a
        line from the full-text search or a shared citation found the report's page and the home page only, not
        the agency's other years (session 40). "" for a report with no agency page."""
        aid = r.get("agency_id") or ""
        if aid not in self.agency_names:
            return ""
        return f'　<a href="../{esc(agency_path(aid))}">机构页（{esc(self.agency_names[aid])}）</a>'


def _group_word(label: str) -> str:
    """A table 三 row group's label (（三）不予公开), its word linked to the glossary's meaning of it when it has one.

    >>> _group_word("（三）不予公开")
    '（三）<a href="../../glossary/#denied">不予公开</a>'
    >>> _group_word("（九）某某")
    '（九）某某'
    """
    number, word = label[:3], label[3:]
    anchor = term_anchors().get(word) if re.fullmatch(r"（[一二三四五六七八九十]+）", number) else None
    if not anchor:
        return esc(label)
    return f'{esc(number)}<a href="../../{GLOSSARY_PAGE}/#{esc(anchor)}">{esc(word)}</a>'


def _lines_within(lines: list[str], most: int, chars: int) -> int:
    """How many of the first ``lines`` a page shows: at most ``most``, and no more than ``chars`` characters
    (at least one line: a single line longer than that is shown whole).

    >>> three = ["ab", "cd", "ef"]
    >>> _lines_within(three, 10, 5), _lines_within(three, 2, 100), _lines_within(["abc"], 5, 1)
    (1, 2, 1)
    """
    total = 0
    for n, line in enumerate(lines[:most]):
        total += len(line) + 1
        if total > chars and n:
            return n
    return min(len(lines), most)


def _stepped(lines: list, row_line: int) -> bool:
    """Whether a row's value cells, on ``lines``, lie one a line in order from its label's line ``row_line`` on (the
    first on it, or lineless): then ``STEP_ATTR`` on its label says each cell's line for the page's CSV, which
    ``_own_line`` would say cell by cell (``data-l`` on six of table 三's seven cells: ≈ 1.5 KB of a page printed one
    cell a line, its fifth or sixth 4 KiB block). ``assets/xxgk.js`` (``reportCsv``) gives the i-th value cell of
    such a row the line ``row_line + i - 1``, the line ``_own_line`` states.

    >>> _stepped([None, "77", "78"], 76), _stepped(["76", "77", "78"], 76), _stepped(["76", "78", "79"], 76)
    (True, True, False)
    >>> _stepped(["76"], 76), _stepped(["76", None], 76)
    (False, False)
    """
    if len(lines) < 2 or (lines[0] and str(lines[0]) != str(row_line)):
        return False
    return all(line and str(line) == str(row_line + i) for i, line in enumerate(lines[1:], 1))


def _own_line(html: str, line, row_line) -> str:
    """A table cell's HTML with ``data-l`` (its source line) when that line is not its row's (``row_line``, the one
    its label links to): ``assets/xxgk.js`` (``lineOf``) puts it in the page's CSV. Nothing is added for the usual
    row printed on one line.

    >>> _own_line("<td>3</td>", "86", 85), _own_line("<td>3</td>", "85", 85), _own_line("<td>3</td>", "", 85)
    ('<td data-l="86">3</td>', '<td>3</td>', '<td>3</td>')
    """
    if not line or row_line is None or str(line) == str(row_line):
        return html
    return f'<td data-l="{esc(line)}"' + html[3:]


@lru_cache(maxsize=1 << 12, typed=True)  # the same few numbers on every page
def _number_text(value) -> str:
    """A value as a linked cell shows it."""
    return esc(fmt_number(number(value)))


def _segments(n: int, line: str, spans, unindexed=()) -> str:
    """A source line, escaped, with each row's span (``spans.py``) as its own target ``L{n}c{start}``, and each
    part in ``unindexed`` (offsets in the line: the tables' part of a line they share with prose,
    ``table_lines.unindexed``) in a ``TABLES_UNINDEXED`` element — widened to hold a row's span it would cut."""
    kept, at = [], 0
    for start, end in sorted(spans):
        if start >= at:  # overlapping spans: the first one wins
            kept.append((start, end))
            at = end
    parts: list[list[int]] = []
    for start, end in sorted(unindexed):
        start = min([start] + [s for s, e in kept if s < start < e])
        end = max([end] + [e for s, e in kept if s < end < e])
        if parts and start <= parts[-1][1]:
            parts[-1][1] = max(parts[-1][1], end)
        else:
            parts.append([start, end])

    def piece(low: int, high: int) -> str:
        out, at = [], low
        for start, end in kept:
            if low <= start and end <= high:
                out += [esc(line[at:start]), f'<span id="L{n}c{start}">{esc(line[start:end])}</span>']
                at = end
        return "".join(out) + esc(line[at:high])

    out, at = [], 0
    for start, end in parts:
        out += [piece(at, start), TABLES_UNINDEXED, piece(start, end), "</span>"]
        at = end
    return "".join(out) + piece(at, len(line))


TABLES_UNINDEXED = "<span data-pagefind-ignore>"  # around tables 二–四 on a source page (table_lines.py)
SOURCE_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">""" + CSP_META + """
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{title} · 政府信息公开年报数据</title><link rel="icon" href="../assets/images/favicon.png">
<meta name="description" content="{title} — 政府信息公开工作年度报告的原文，带行号，每行可引用（政府信息公开年报数据）">
<link rel="stylesheet" href="../assets/xxgk.css"></head>
<body class="xxgk-source-page"><main><p data-pagefind-ignore{province}>\
{back}　<a href="../">首页</a></p>
<h1 data-pagefind-ignore data-pagefind-meta="title"{year}>{title}</h1>
{cite}<div class="xxgk-goto"></div>{cut}<div class="xxgk-source">
{lines}
</div></main>{script}</body></html>
"""


# under a table with a cell marked ≠ (``broken_cells``), then each mark's reason (``_broken_reasons``)
BROKEN_LEGEND = ('<p class="xxgk-note">标有 <b class="xxgk-broken-key">≠</b> 的数与勾稽关系不符（表格自身的数对不上）：'
                 '数值照原文公布，各处的原因如下，原文位置见下面的“发现的问题”。</p>')
BROKEN_LISTED = 6  # reasons listed open under a table; more are folded under one line saying how many


def _broken_reasons(broken: dict, grid: dict, column_labels: dict) -> str:
    """Each ≠ mark's reason in words under its table, in the table's order (row, then column); a reason names its
    cell (``broken_cells``: the identity's words, the column's). The mark's own reason is in its ``title``, which a
    phone never shows (a tap is no hover): a reader on a phone saw ≠ and was sent two screens down. More than
    ``BROKEN_LISTED`` are folded (``<details>``, one tap)."""
    order = {key: at for at, key in enumerate((r, c) for r in grid for c in column_labels)}
    items = "".join(f"<li>{esc(why)}</li>"
                    for _, why in sorted(broken.items(), key=lambda item: order.get(item[0], len(order))))
    listed = f'<ul class="xxgk-note xxgk-broken-reasons">{items}</ul>'
    if len(broken) <= BROKEN_LISTED:
        return listed
    return f"<details><summary>{len(broken)} 处不符的原因</summary>{listed}</details>"


def broken_cells(table_code: str, rows: list[dict], report: dict | None, column_labels: dict) -> dict:
    """``{(row, column): why}`` for the left-hand cell of each identity the table's published values break (as
    ``identity_findings`` checks them when parsing): the cell the reader looks at first (（七）总计 against its
    outcomes, a row's 总计 against its columns). Before, a table whose numbers do not add up looked like any
    other; only the findings, two screens down, said so. The reason gives both sides' numbers: 本格为 when the left
    side is this one cell, else 前者为 … 后者为 …, after the identity's own words (第一项加第二项之和应等于第三项加
    第四项之和: session 42, the 本年新收 cell read 本格为12 of 新收 10 plus 结转 2, its own 10 printed beside it)."""
    from ..identities import broken_identities, identities

    keys = ("row", "applicant") if table_code == "applications" else ("proceeding", "outcome")
    values = {(x[keys[0]], x[keys[1]]): int(float(x["value"])) for x in rows
              if x["value"] not in (None, "") and float(x["value"]).is_integer()}
    fmt = (report or {}).get("format") or "2021"
    out: dict = {}
    several = {rule["id"] for rule in identities() if len(rule["lhs"]) > 1}  # a left side of several cells
    for b in broken_identities(table_code, fmt, values):
        where = column_labels.get(b.where, "") if b.cell[1] == b.where else ""
        sides = f"前者为{b.lhs}，后者为{b.rhs}" if b.identity in several else f"各项之和为{b.rhs}，本格为{b.lhs}"
        out.setdefault(b.cell, f"{b.zh}{'（' + where + '）' if where else ''}：{sides}")
    return out


def broken_cell_id(table_code: str, row: str, column: str) -> str:
    """The id of a cell marked ≠ (``_marked``), which its finding links to: the codes are the package's own
    (ASCII identifiers), never a report's text.

    >>> broken_cell_id("applications", "total_processed", "natural_person")
    'ne-applications-total_processed-natural_person'
    """
    return f"ne-{table_code}-{row}-{column}"


def _marked(cell: str, why: str | None, cell_id: str = "") -> str:
    """A value cell with ≠ after its value when ``why`` (its identity does not hold), said in words to a screen
    reader, and ``cell_id`` as its id (its finding's link lands on it); the report's CSV leaves the mark out
    (``assets/xxgk.js``)."""
    if not why:
        return cell
    opened = f'<td id="{cell_id}"' + cell[3:] if cell_id else cell
    return (opened[:-5] + f'<sup class="xxgk-broken" title="{esc(why)}">≠<span class="xxgk-why">{esc(why)}</span>'
            "</sup></td>")
