"""Writing the site's Markdown pages from the package. Every report value passes through ``esc``."""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from contextlib import closing
from functools import cached_property, lru_cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from ..package.report_card import counts_against_agency
from ..package.typed import readr_col_types
from ..safe import drop_invisible, file_name_text, link_url
from . import chart_frames
from .agency_page import AgencyPages, homophones, shown
from .anchors import slugify
from .blocks import split_html_blocks
from .browser_data import agency_years, series_values
from .browser_data import peer_medians as group_medians
from .bulk import Spool
from .card import by_category, fully_read, ranks, score, score_group, scored, split_findings
from .compare_page import DEFAULT_TOP, compare_markdown, plain_league
from .data import Package
from .database_copy import SCRIPT_NAME
from .downloads import GZIP_ABOVE, published
from .fulltext_page import fulltext_markdown
from .glossary import GLOSSARY_PAGE, glossary_markdown, metric_meanings
from .labels import (
    FINDINGS_COLUMN_ZH,
    KIND_ZH,
    OWN_ZH,
    READING_LIMIT_ZH,
    SCORE_EFFECT_ZH,
    SCORE_KIND_ZH,
    SCORE_TIER_ZH,
    SEVERITY_ZH,
    TIER_ZH,
    UNRANKED_ZH,
    UNSCORED_ZH,
    copy_sentence,
    missing_notes,
    missing_word,
    status_zh,
)
from .meta import RESOURCE_ZH, SCRIPT_WHOM, changelog_html, data_updated, download_files, query_whom, whom_as_published
from .publication_months import months_section, tally
from .render import cell, code_text, crumbs, esc, fmt_wan, html_bars, link, said, table
from .report_csv import csv_help
from .report_page import ReportPages, broken_cell_id
from .spool_reuse import CHECK, SpoolReuse, checking, inputs_digest
from .summaries import summarise
from .titles import (
    SEARCH_EXCLUDED,
    WIDE,
    agency_path,
    front_matter,
    pageless_reports,
    report_name,
    report_paths,
    report_titles_apart,
    source_only_reports,
)

if TYPE_CHECKING:
    from .pages_helper import PagesHelper

TYPE_ZH = {"string": "文本", "integer": "整数", "number": "数值", "date": "日期", "boolean": "是/否"}

INDEX_SHARD_ABOVE = 500  # more reports than this: one index page per province
KIND_ORDER = list(SCORE_KIND_ZH)  # a ranking table's kinds in this order (governments, departments, unknown)
# what the home page's totals of 新收申请 add up, one kind each (``Pages._received_totals``)
RECEIVED_KIND_ZH = {"government": "人民政府汇总报告", "department": "政府部门报告", "unknown": "类别未知的报告"}
FINDER = ('<p class="xxgk-js-only"><label>查找机构（全称、简称、拼音、首字母、繁体或省份）：'
          '<input id="xxgk-agency-finder" type="search" '
          'autocomplete="off" placeholder="如 格尔木 / geermu / 青海"></label></p>'
          '<p id="xxgk-agency-finder-status" role="status" aria-live="polite"></p>'
          '<ul id="xxgk-agency-finder-results"></ul>')


def find_address(words: str) -> str:
    """The one-page agency index with its finder set to ``words`` (``?find=``, read by ``assets/search.js``), two
    folders deep; the characters a query gives a meaning to (``&``, ``#``, ``%``, ``+``, spaces …) percent-encoded,
    the others as they are (a province's name, 9 bytes a character encoded, stays readable and short).

    >>> find_address("青海省"), find_address("甲&乙#1")
    ('../../agencies/?find=青海省', '../../agencies/?find=甲%26乙%231')
    """
    return "../../agencies/?find=" + "".join(c if c.isalnum() else quote(c, safe="") for c in words)


# the home page's way to an agency, on a phone too (where the header shows only a search icon): a plain form to the
# agency index, whose finder reads ?find= (search.js); without JavaScript it still leads to the index
HOME_FINDER = ('<form class="xxgk-home-find" action="agencies/" method="get" role="search" aria-label="查找机构">'
               '<label for="xxgk-home-find">查找机构（名称、简称、拼音或地区）：</label>'
               '<input id="xxgk-home-find" name="find" type="search" autocomplete="off" '
               'placeholder="如 格尔木 / geermu / 青海">'
               '<button type="submit" class="md-button md-button--primary xxgk-small-button">查找</button></form>\n')
# the home page's ways on, each a tap target kept on one line (as Markdown links, 下载数据 → broke over two lines on a
# 360 px phone, 下载数 / 据 →, each link 17 px high: xxgk.css .xxgk-ways); the pages' addresses from the site's top
HOME_WAYS = ('<p class="xxgk-ways"><a href="agencies/">全部机构 →</a>　<a href="compare/">比较 →</a>　'
             '<a href="fulltext/">检索原文 →</a>　<a href="data/">下载数据 →</a></p>\n')
# what a reader without JavaScript does instead of the finder (it needs script): the browser's find in page
FIND_IN_PAGE = ("<noscript><p>查找框需要启用 JavaScript。不用它也可以查找：{how}用浏览器的“在页面中查找”"
                "（电脑按 Ctrl+F，Mac 按 ⌘+F；手机浏览器在菜单中）输入机构名称或地区。</p></noscript>")
HOME_BLANK_NAMED = 5  # agencies named under the home page's chart for want of the value; then 等N个
CHART_TOP = 30  # reports per comparison chart (by applications received); beyond that a chart is unreadable
QUALITY_ROWS_PER_CODE = 200  # the quality page lists this many findings per code; findings.csv has all
QUALITY_REPORT_ROWS = 200  # above INDEX_SHARD_ABOVE reports: the reports with the most errors on the quality page
BY_REPORT = "按报告"  # the quality page's list by report, ordered by the agencies' own errors (the home page links it)
RANKING_EXTRACT = 20  # above INDEX_SHARD_ABOVE reports: the report card index shows this many at each end
UNKNOWN_DATE = "不详"  # the data page's last-updated date when neither the changelog nor a report gives one
RANKING_PAGE_ROWS = 1000  # rows per province page of the report card; a larger province gets more pages
PROVINCE_COLUMN = "省份"  # the column the province filter (``Pages._province_filter``, ``xxgk.js``) reads
YEAR_COLUMN = "年度"  # the column its year menu reads, where the page offers one (the quality page's)
RANKING_INTRO = ("<p>得分 = 100 − 每个错误10分 − 每个警告3分（最低0分），只计本机关自身的问题（勾稽关系不成立、"
                 "逾期发布、正文与表格不一致等）；本站未能读出的单元格等“读取的局限”单列，不扣分。提示不扣分，"
                 "表中各检查类别（可读性、跨年度等）一列是该类的错误和警告个数，不含提示（如与上年结转数不衔接），"
                 "“读取的局限”一列同样只计错误和警告（报告页与质量页的个数含提示，可能更多），"
                 "提示见各报告页的“发现的问题”。"
                 "排名只在同一年度、同一行政层级、同一类别内比较：人民政府的汇总报告与人民政府的比，"
                 "政府部门的报告与政府部门的比（各有一张表；两者内容不同，发布期限也不同）。"
                 "检查的含义见 <a href=\"{up}checks/\">检查项目</a>。"
                 "可以用数据包核算：findings 表中代码的 responsibility（见代码表 finding_codes）为 agency 的错误和警告"
                 "计分，为 reading 的不计分。</p>")



_QUERY_FILE_LABELS = {"sqlite": "SQLite 数据库（Datasette / sqlite3 / DuckDB，含全文检索和表2–表4视图）",
                      "json": "Datasette 元数据（datasette xxgk.db -m metadata.json）",
                      "parquet": "{zh}（{resource}，Parquet：pandas / R arrow / DuckDB）"}
# the site's xxgk.db comes without its full-text index when the package's has one (database_copy.py): then the
# database's label and the help say so, and the script that adds the index is offered right after it
_SQLITE_WITHOUT_INDEX = f"SQLite 数据库（Datasette / sqlite3 / DuckDB，含表2–表4视图；全文检索先运行 {SCRIPT_NAME}）"
_SCRIPT_LABEL = "全文检索索引脚本（SQL，为 xxgk.db 建立叙述章节的全文检索）"
_QUERY_HELP = ("<p>查询：<code>datasette xxgk.db -m metadata.json</code> 打开浏览与全文检索（任意连续3个以上汉字）；"
               "{script}"
               "<code>pandas.read_parquet(\"parquet/applications.parquet\", dtype_backend=\"numpy_nullable\")</code>"
               " 读出带类型的表（缺失为空，不是0）。</p>")
_SCRIPT_HELP = (f"全文检索之前先在解压后的 xxgk.db 上运行一次 <code>sqlite3 xxgk.db &lt; {SCRIPT_NAME}</code>"
                "（或用 Python 的 <code>sqlite3</code> 模块执行该文件）：网站上的数据库不含全文检索索引，"
                "因为索引比它所索引的文字还大；在本站查找报告原文用页眉的搜索，不需要它。")


GZIP_HELP = ("<p>大于 {mib} MiB 的 CSV、JSON 和 SQLite 文件以 gzip 压缩发布（文件名以 <code>.gz</code> 结尾）："
             "pandas 直接读取 <code>pandas.read_csv(\"applications.csv.gz\", encoding=\"utf-8-sig\")</code>，"
             "R 直接读取 <code>readr::read_csv(\"applications.csv.gz\")</code>；"
             "其他用途先解压（7-Zip、WinRAR，或 <code>gunzip xxgk.db.gz</code>）。"
             "Excel 用户请下载 Excel 工作簿或 zip 数据包。</p>")


def _size(size: int | None) -> str | None:
    """A file size as the data page shows it: KB below 1 MiB (as before), MB above."""
    if size is None:
        return None
    return f"{size / 1024:.1f} KB" if size < 2**20 else f"{size / 2**20:.1f} MB"


def province_slug(province: str, code: str | None) -> str:
    """The page name of a province's agency index: pinyin plus its GB/T 2260 code, since pinyin without
    tones cannot tell 山西 from 陕西.

    >>> province_slug("山西省", "140000"), province_slug("陕西省", "610000"), province_slug("地区未知", None)
    ('shan-xi-sheng-140000', 'shan-xi-sheng-610000', 'di-qu-wei-zhi')
    """
    return f"{_slug(province)}-{code}" if code else _slug(province)


def name_order(name: str) -> tuple:
    """A name's place in a list as a Chinese reader looks it up: character by character, a Han character by its pinyin
    and tone (上 shang4 after 平 ping2), each read alone (no phrase context), as the browser's
    ``localeCompare(…, "zh")`` orders them, which the sortable tables (xxgk.js) and the league's list of unranked
    reports (compare.js) use; any other character first, by code point. Before, the agency index listed its
    agencies by code point (上海 before 平潭 before 昌吉), the order its 机构 column lost once clicked.

    >>> sorted(["上海市", "平潭综合实验区", "昌吉市", "格尔木市"], key=name_order)
    ['昌吉市', '格尔木市', '平潭综合实验区', '上海市']
    """
    return tuple(_char_order(char) for char in name)


@lru_cache(maxsize=1 << 16)  # (bounded: a hostile name may hold any characters)
def _char_order(char: str) -> tuple:
    """``name_order``'s key of one character (a few thousand characters make every name: 10,000 names took 6.3 s
    read with pypinyin a character at a time, 0.03 s with each character's reading kept)."""
    from pypinyin import Style, lazy_pinyin

    if "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf":
        reading = lazy_pinyin(char, style=Style.TONE3, neutral_tone_with_five=True)[0]
        return (1, reading.rstrip("012345"), reading[-1:], char)
    return (0, char)


def _slug(text: str) -> str:
    """ASCII, URL-safe page name for a province (pinyin)."""
    from pypinyin import lazy_pinyin

    return re.sub(r"[^a-z0-9]+", "-", "-".join(lazy_pinyin(text)).lower()).strip("-") or "unknown"


def ranking_path(year: str, tier: str, slug: str, part: int = 1) -> str:
    """A province's page of one year × tier group of the report card, relative to the site's pages, without
    ``.md``: ``report-card/<year>-<tier>/<province slug>`` (``-<part>`` from the second part on).

    >>> ranking_path("2024", "county", "qing-hai-sheng-630000"), ranking_path("", "unknown", "x", 2)
    ('report-card/2024-county/qing-hai-sheng-630000', 'report-card/unknown-unknown/x-2')
    """
    return f"report-card/{_slug(year) if year else 'unknown'}-{_slug(tier)}/{slug}" + (f"-{part}" if part > 1 else "")


def _group_title(year: str, tier: str) -> str:
    tier_zh = SCORE_TIER_ZH.get(tier, tier)
    return f"{year}年度 · {tier_zh}" if year else f"年度未知 · {tier_zh}（不排名）"


# every finding of every report, for a supervisor's own filtering and work list (the page lists a bounded extract)
QUALITY_DOWNLOAD = ('<p>全部问题（每条一行：报告、代码、严重程度、说明、原文行号）：'
                    '<a href="../downloads/{path}" download>findings.csv</a>；各代码的性质见代码表 finding_codes 的 '
                    'responsibility 列（agency：机关的问题；reading：本站读取的局限）。</p>')
# the quality page's status when the menus leave no report shown: it lists only reports with problems, so none shown
# says that, and where every report is (true whether or not the choice has reports at all)
# the quality page's counts by problem: every province's and every year's, whatever its menus choose
QUALITY_TOTALS_CAPTION = "全部省份、全部年度合计（不随省份、城市和年度的筛选变化）"
QUALITY_NONE_FOUND = "：没有发现问题的报告（本页只列出有问题的报告；全部报告见报告评估排名）。"
QUALITY_ORDER_NOTE = ("<p>按机关自身的错误从多到少排列（其次按问题数，含提示）。“本站读取的局限”是本站未能读出的内容，"
                      "不是机关的问题，不计分；机关的问题中，错误扣10分、警告扣3分、提示不扣分。</p>")


# the agency index's 最近一年新收申请 is each agency's latest year's count, and those years differ: the column sorts by
# year, then by count (``_latest_cell``), for the site never ranks counts of different years together (session 60: an
# agency's 2019 count of 859 ranked first, above every 2024 and 2025 count, its year nowhere in the cell)
LATEST_SORTED = "各机构的年度不同：按此列排序时先按年度、再按件数排列，不同年度的件数不放在一起比较"


def _column_note(notes: list[str], sorted_by_year: bool) -> str:
    """What the index's 最近一年新收申请 column's words mean (``notes``: 无数据（…）, 无报告) and, where its years
    differ, how it sorts: one paragraph under the table naming the column once, or nothing."""
    said = "；".join(n.rstrip("。") for n in notes)
    sentences = ([f"“最近一年新收申请”一栏中，{said}"] if said else []) \
        + ([("此栏" if said else "“最近一年新收申请”") + LATEST_SORTED] if sorted_by_year else [])
    return f"<p><small>{'。'.join(sentences)}。</small></p>" if sentences else ""


def _latest_cell(year: int, value) -> str:
    """An agency's latest year's count for the index, its year in the cell's title and its sort key: the year, then
    the count (``xxgk.js`` ``sortKey`` reads ``data-sort``; a count is below 10⁹, the key below 2⁵³).

    >>> _latest_cell(2024, 859)
    '<td class="xxgk-num" data-sort="2024000000859" title="2024年度">859</td>'
    """
    key = year * 10**9 + value
    key_text = str(int(key)) if float(key).is_integer() else repr(float(key))
    return f'<td class="xxgk-num" data-sort="{key_text}" title="{year}年度">{esc(shown(value))}</td>'


def _years_text(years) -> str:
    """An agency's report years for the agency index: each run of consecutive years as its span, the runs apart
    (one span 2019–2025 over four reports read as seven years).

    >>> _years_text({2019: 0, 2020: 0, 2021: 0}), _years_text([2019, 2021, 2022, 2023]), _years_text([2024])
    ('2019–2021', '2019、2021–2023', '2024')
    """
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return "、".join(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)


def _own_errors(findings: list[dict]) -> int:
    """How many of a report's findings are errors of the agency's own (not the limits of our reading)."""
    return sum(f["severity"] == "error" and counts_against_agency(f["code"]) for f in findings)


# The data page's licence and how to cite it, said and linked before its list of files: on a phone the 24 files'
# rows are eleven screens, and a researcher read 如何引用 and 许可 (their headings) only after them (session 51:
# 7,700 px down a 390 px phone); the data dictionary and the measures' formulas are linked too. The headings' ids are
# Material's (``anchors.slugify``: pinyin), but 如何引用's, written as HTML.
DATA_PAGE_MAP = ("<p>数据以 CC BY 4.0 发布，使用时请注明来源（"
                 f'<a href="#{slugify("许可", "-")}">许可</a>，<a href="#cite">如何引用</a>）；'
                 f'每个文件各字段的含义见<a href="#{slugify("数据字典", "-")}">数据字典</a>，'
                 '各项指标的算法见<a href="#metric-definitions">指标定义</a>。</p>')


class Site(ReportPages, AgencyPages):
    """The site's pages from a package opened with ``Package.open``: one streamed pass gathers what the
    cross-report pages need (``summaries.summarise``); the report pages are written in a second pass, a
    report's rows at a time (``current``)."""

    def __init__(self, pkg: Package, out: Path, spool: Spool, reuse: SpoolReuse | None = None):
        self.pkg, self.out, self.spool = pkg, out, spool  # editorial pages into out; bulk pages into the spool
        self.reuse = reuse  # the last build's report and agency pages, taken when their inputs are the same
        self.reports = sorted(pkg.tables["reports"], key=lambda r: (report_name(r), r["year"] or "", r["report_id"]))
        self.reports_by_id = {r["report_id"]: r for r in self.reports}
        summary = summarise(pkg, QUALITY_ROWS_PER_CODE)
        self.findings = summary.findings  # {report_id: [{code, severity}]}: the reports with findings
        self.findings_by_code = summary.by_code
        self.failed_reasons = summary.failed  # {report_id: messages} of failed files naming no agency
        self.current: tuple[str, dict[str, list[dict]]] | None = None  # the report being written and its rows
        self.current_digest = ""  # the SHA-256 of its rows as the CSVs hold them (``Package.stream``)
        self.category_of = {c["code"]: c["category"] for c in pkg.tables["finding_codes"]}
        self.categories = pkg.labels("check_categories")
        self.agency_categories = {c: name for c, name in self.categories.items()  # those that can cost points
                                  if any(counts_against_agency(x["code"]) for x in pkg.tables["finding_codes"]
                                         if x["category"] == c)}
        self.scores = {r["report_id"]: score(self.findings.get(r["report_id"], [])) if scored(r) else None
                       for r in self.reports}  # None: a file not read has no score (card.scored)
        self.score_ranks = ranks([r for r in self.reports if scored(r) and fully_read(  # within one year and tier
            self.findings.get(r["report_id"], []))], self.scores)
        # every page (report, agency, compare): the published metrics and peer groups, one definition each
        self.pageless = pageless_reports(self.reports, pkg.source_text)  # failed files without text: no page
        self.source_only = source_only_reports(self.reports, self.pageless)  # failed files with text: theirs only
        self.report_urls = report_paths(self.reports, self.pageless, self.source_only)
        # the reports the site counts and pages: every page's 份报告, and the size that turns the indexes into one
        # page per province (a failed file without text, ``pageless``, is a file listed on the quality page, no
        # report: the home page said 7 份报告 above 5 pages, the full-text page 5 份报告; a failed text naming no
        # agency, ``source_only``, is counted: it has a page, its source page, as on the full-text page)
        self.paged_count = len(self.reports) - len(self.pageless)
        self.metric_defs = {m["code"]: m for m in pkg.tables["metrics"]}
        self.agency_names = {a["agency_id"]: a["name"] for a in pkg.tables["agencies"]}
        self.agencies_by_id = {a["agency_id"]: a for a in pkg.tables["agencies"]}
        self.homophones = homophones(pkg.tables["agencies"])  # agencies whose names sound the same name each other
        self.province_codes = {a["province"]: a.get("province_code") for a in  # a province's code, for its slug
                               sorted(pkg.tables["agencies"], key=lambda a: a["agency_id"], reverse=True)
                               if a["province"]}
        self.values = summary.values
        self.missing = summary.missing  # {report_id: why each metric's value is missing}: metric_values.missing
        self.years = agency_years(pkg)
        self.series = series_values(pkg.tables["reports"], self.years, self.values)  # each agency-year's values
        self.peer = group_medians(pkg, self.values)  # {peer_group: {metric: (median, n)}}
        self.agency_reports: dict[str, list[dict]] = defaultdict(list)  # {agency_id: its reports by year, id}
        self.table2_editions = summary.table2  # {report_id: table 2's edition}
        for r in sorted(pkg.tables["reports"], key=lambda r: (r["year"] or "", r["report_id"])):
            if r.get("agency_id"):
                self.agency_reports[r["agency_id"]].append(r)
        self.latest_year = max((int(r["year"]) for r in self.reports if r["year"]), default=None)
        latest = [r for aid, ys in self.years.items() for y, r in ys.items() if y == self.latest_year]
        ranked = sorted((r for r in latest if self.series[r["report_id"]]["received"] is not None),
                        key=lambda r: (-self.series[r["report_id"]]["received"], r["agency_id"]))
        # the largest agencies of the latest year (the data has them all), ties by agency id as compare.js orders
        # its default view: the compare page without script showed 昌吉市… before 海城市…, the script the reverse
        self.charted = ranked[:CHART_TOP]

    def write(self, rel: str, text: str) -> None:
        path = self.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def rows(self, resource: str, report_id: str) -> list[dict]:
        """The rows of ``resource`` of the report whose page is being written (the second pass)."""
        if self.current is None or self.current[0] != report_id:
            raise RuntimeError(f"rows of {report_id} asked for outside its turn")
        return self.current[1][resource]

    # -- pages ------------------------------------------------------------------------------
    def all_pages(self) -> None:
        self.editorial_pages()
        self.bulk_pages()

    def editorial_pages(self, data: bool = True) -> None:
        """The pages MkDocs builds (into ``out``; the report card's province pages are spooled): they need
        only what ``__init__`` gathered, so they come first and ``mkdocs build`` can start while the report
        and agency pages are spooled (``bulk_pages``). Without ``data``, all but the data page, the one page that
        reads ``downloads/`` (the published files' sizes): ``build._write_site_src`` writes it once the downloads,
        compressed in a thread meanwhile, are written (it writes only ``data.md``: the order changes no byte)."""
        self.home()
        self.agencies()
        self.compare()
        self.fulltext()
        self.ranking()
        if data:
            self.data_page()
        self.quality()
        self.checks()
        self.glossary()
        self.about()

    def bulk_pages(self, helper: PagesHelper | None = None) -> None:
        """The report pages (a second streamed pass, one report's rows at a time) and the agency pages, spooled;
        with ``helper``, every other run of reports is a helper process's, appended in its place
        (``pages_helper``: the same lines)."""
        self.report_pages(mine=helper.attach(self).mine if helper is not None else None)
        if helper is not None:
            helper.finish(self)
        for agency in self.pkg.tables["agencies"]:
            self.agency_page(agency)

    def report_pages(self, start: int = 0, stop: int | None = None,
                     mine: Callable[[int], bool] | None = None) -> None:
        """The report and source pages of the reports at positions ``start`` to ``stop`` (None: the end) of the
        package's stream (``reports.csv`` order), spooled in that order; with ``mine``, only those at the positions
        for which ``mine(position)`` is true (called for each position in turn, before its pages)."""
        digest: list[str] = []
        with closing(self.pkg.stream(digests=digest)) as stream:  # (its files closed when stopped early)
            for position, (report, rows) in enumerate(islice(stream, start, stop), start):  # one report at a time
                if mine is not None and not mine(position):
                    continue
                rid = report["report_id"]
                if rid in self.pageless:
                    continue
                self.current, self.current_digest = (rid, rows), digest[0]
                if rid not in self.source_only:  # (its source page is its page: titles.source_only_reports)
                    self.report_page(report)
                self.source_page(report)
        self.current = None

    def bulk_page(self, src: str, inputs: list, make: Callable[[], tuple[str, list[str]]]) -> None:
        """Spool the bulk page ``src`` that ``make()`` writes (its Markdown with front matter, and its HTML
        blocks) — or, when ``inputs`` (everything it is made of besides the package's code lists and metrics,
        see ``shared_inputs``) are the last build's, that build's line for it (``spool_reuse``)."""
        if self.reuse is None:
            markdown, blocks = make()
            self.spool.page(src, markdown, blocks)
            return
        digest = inputs_digest([self.shared_inputs, inputs])
        taken = self.reuse.take(src, digest)
        offset = self.spool.pages_offset
        if taken is not None and not checking():
            line, names = taken
            for name in names:
                chart_frames.gather(name, self.reuse.frame(name))
            self.spool.page_line(line)
            self.reuse.note(src, digest, offset, line, names)
            return
        with chart_frames.recording() as names:
            markdown, blocks = make()
        line = self.spool.page(src, markdown, blocks)
        if taken is not None and taken != (line, names):
            raise RuntimeError(f"{src}: the page written differs from the last build's with the same inputs "
                               f"({CHECK}): a page input is missing from its inputs")
        self.reuse.note(src, digest, offset, line, names)

    def bulk_file(self, path: str, inputs: list, make: Callable[[], str]) -> None:
        """Spool the file ``path`` (a source page) that ``make()`` writes — or, when ``inputs`` are the last
        build's, that build's line for it (``spool_reuse``), as ``bulk_page`` does for pages."""
        if self.reuse is None:
            self.spool.file(path, make())
            return
        digest = inputs_digest([self.shared_inputs, inputs])
        taken = self.reuse.take(path, digest, "files")
        offset = self.spool.files_offset
        if taken is not None and not checking():
            self.spool.file_line(path, taken[0])
            self.reuse.note(path, digest, offset, taken[0], [], "files")
            return
        line = self.spool.file(path, make())
        if taken is not None and taken[0] != line:
            raise RuntimeError(f"{path}: the file written differs from the last build's with the same inputs "
                               f"({CHECK}): an input is missing from its inputs")
        self.reuse.note(path, digest, offset, line, [], "files")

    @cached_property
    def shared_inputs(self) -> str:
        """The digest of what every bulk page may read besides its own inputs: the package's small resources
        other than ``reports`` and ``agencies`` (code lists, labels, metrics, finding codes)."""
        return inputs_digest({name: rows for name, rows in self.pkg.tables.items()
                              if name not in ("reports", "agencies")})

    def home(self) -> None:
        nfind = sum(len(v) for v in self.findings.values())
        errors = sum(_own_errors(v) for v in self.findings.values())  # the agencies' own: not our reading's limits
        numbers = "".join((f'<div><a href="{href}"><b>{esc(fmt_wan(v))}</b>{esc(k)}</a></div>' if href else
                           f"<div><b>{esc(fmt_wan(v))}</b>{esc(k)}</div>") for k, v, href in (
            ("份报告", self.paged_count, ""), ("个机构", len(self.pkg.tables["agencies"]), "agencies/"),
            *self._received_totals(),
            # the counts a checker follows: the agencies' own errors to the list by report, which they order (session
            # 60: to the page's top, its every finding first)
            ("条问题", nfind, "quality/"), ("条机关自身的错误", errors, f"quality/#{slugify(BY_REPORT, '-')}")))
        paged = (r for r in self.reports if r["report_id"] not in self.pageless)
        latest = sorted(paged, key=lambda r: (int(r["year"] or 0), r["published_date"] or "", r["report_id"]),
                        reverse=True)[:10]  # the latest year first (a report without a date is no older for it)
        rows = [[f'<td><a href="{self.report_urls[r["report_id"]]}">{esc(report_name(r))}</a></td>', cell(r["year"]),
                 cell(r["published_date"])] for r in latest]
        body = [front_matter("政府信息公开年报数据"), "# 政府信息公开工作年度报告数据\n",
                "把各级行政机关每年发布的《政府信息公开工作年度报告》变成可比较、可追溯、可核查的开放数据。"
                "每个数字都可追溯到报告原文的行（点数字或行名）；每个不合勾稽关系的数字都列为问题。\n", HOME_FINDER,
                f'<div class="xxgk-numbers">{numbers}</div>\n',
                self.pageless_note(len(self.pageless), "") if self.pageless else "", self._received_chart(),
                "\n## 最新报告\n",
                table(["机构", "年度", "发布日期"], rows), HOME_WAYS]
        self.write("index.md", "\n".join(body))

    def _received_totals(self) -> list[tuple[str, int, str]]:
        """The home page's 新收申请 of the latest year, one total per kind (``score_group``): a government's summary
        report may already count its departments' requests, so it is never added to theirs (audit 27: 湟中区's
        summary report and three departments' reports made one “4份报告合计”). One report per agency-year, as the
        chart below (``agency_years``: a byte-identical copy or a second file of one agency-year counted once; two
        that disagree give no value, ``series_values``); one year only, never summed across years. The year's reports
        of the kind without a value are said after it (；另1份无数据，未计入: a total of 2 reports read as the year's
        3, the third's table 三 not read, session 55)."""
        totals: dict[str, list[int]] = {kind: [] for kind in KIND_ORDER}
        blank: Counter = Counter()
        for years in self.years.values():
            if (r := years.get(self.latest_year)) is None:
                continue
            if (v := self.series[r["report_id"]]["received"]) is None:
                blank[score_group(r)[2]] += 1
            else:
                totals[score_group(r)[2]].append(v)
        return [(f"件新收申请（{self.latest_year}年度{len(values)}份{RECEIVED_KIND_ZH[kind]}合计）"
                 + (f"；另{blank[kind]}份无数据，未计入" if blank[kind] else ""), sum(values), "")
                for kind, values in totals.items() if values]

    def _received_chart(self) -> str:
        """Drawn in plain HTML, not plotly: the home page's first view stays light (plotly is 365 KB gzipped)."""
        rows = [(report_name(r), self.report_urls[r["report_id"]], self.series[r["report_id"]]["received"])
                for r in self.charted]
        top = f"（前{CHART_TOP}个）" if len(rows) == CHART_TOP else ""
        # the year's agencies without the value said under it, as the league says its unranked ones (a chart of
        # 154, 11, 0 and 0 left the year's third department report out in silence, session 55)
        blank = sorted((r for ys in self.years.values() if (r := ys.get(self.latest_year)) is not None
                        and self.series[r["report_id"]]["received"] is None), key=lambda r: r["agency_id"])
        names = "、".join(esc(report_name(r)) for r in blank[:HOME_BLANK_NAMED]) + (
            f"等{len(blank)}个" if len(blank) > HOME_BLANK_NAMED else "")
        note = (f"<p><small>另有 {len(blank)} 个机构的{self.latest_year}年度报告没有新收申请的数值（无数据，不是0），"
                f"不在表中：{names}。</small></p>" if blank else "")
        return html_bars(rows, f"{self.latest_year}年度新收政府信息公开申请最多的机构{top}", "件",
                         head="机构（链接到该年度报告）") + note

    def agencies(self) -> None:
        """The agency index: one row per agency (linked to its page), and the reports no agency could be
        identified for; above ``INDEX_SHARD_ABOVE`` reports, one page per province behind a province list."""
        agencies = self.index_order
        orphans = [r for r in self.reports if not r.get("agency_id")]
        if not self.index_parts:
            self.write("agencies.md", self._index_page("机构索引", agencies, "../", orphans))
            return
        groups: dict[str, list[dict]] = defaultdict(list)
        for a in agencies:
            groups[a["province"] or "地区未知"].append(a)
        rows = []
        for province in sorted(groups):
            slug = self.index_parts[province]
            self.write(f"agencies/{slug}.md", self._index_page(f"机构索引：{province}", groups[province], "../../", [],
                                                               part=province))
            rows.append([f'<td><a href="{slug}/">{esc(province)}</a></td>', cell(len(groups[province]))])
        body = [front_matter("机构索引"), "# 机构索引\n", FINDER,
                FIND_IN_PAGE.format(how="先在下表点省份，再在省份页中"),
                "<p>机构较多，按省份分页：</p>", table(["省份", "机构数"], rows, "xxgk-provinces", sortable=True),
                self._orphans(orphans, "../")]
        self.write("agencies.md", "\n".join(body))

    @cached_property
    def titles_apart(self) -> dict[str, str]:
        """``{report_id: its title}`` as the lists of many reports show it, a year's two reports of one agency each
        named with its file (``report_titles_apart``): made once a build."""
        return report_titles_apart(self.reports)

    @cached_property
    def index_order(self) -> list[dict]:
        """The agencies as the agency index lists them: by ``name_order``, then id."""
        return sorted(self.pkg.tables["agencies"], key=lambda a: (name_order(a["name"]), a["agency_id"]))

    @cached_property
    def index_parts(self) -> dict[str, str]:
        """``{province as the agency index groups it: its page's folder under agencies/}`` when the index is split
        (above ``INDEX_SHARD_ABOVE`` reports), else empty: one definition for the index's pages and for the way the
        agency and report pages lead back to theirs (``index_step``)."""
        if self.paged_count <= INDEX_SHARD_ABOVE:
            return {}
        first: dict[str, dict] = {}
        for a in self.index_order:  # (a part's slug from its first agency's province code, as its page is written)
            first.setdefault(a["province"] or "地区未知", a)
        return {province: province_slug(province, a.get("province_code")) for province, a in first.items()}

    def index_step(self, aid: str) -> list[tuple[str, str]]:
        """The crumbs' step between 机构索引 and agency ``aid`` (``render.crumbs``, hrefs two folders deep): its
        province's part of a split index; when the index is one page, the index with its finder set to the province
        (``?find=``, which lists the province's agencies: ``find_address``), ``[]`` for an agency of no province.
        Before (session 39), 机构索引 led a reader of a split index's agency back to the list of provinces, a step short
        of the agencies of theirs; and (session 41) a citizen landing on an agency page of a one-page index went back
        to every agency of the country, theirs to be looked for."""
        agency = self.agencies_by_id.get(aid)
        if agency is None:
            return []
        if not self.index_parts:
            return [(find_address(agency["province"]), agency["province"])] if agency["province"] else []
        province = agency["province"] or "地区未知"
        return [(f"../../agencies/{self.index_parts[province]}/", province)]

    def _index_page(self, title: str, agencies: list[dict], base: str, orphans: list[dict],
                    part: str | None = None) -> str:
        rows, reasons, reportless, latest_years = [], set(), False, set()
        for a in agencies:
            mine = self.years.get(a["agency_id"], {})
            region = " ".join(x for x in (a["province"], a["city"], a["county"]) if x)
            last = mine[max(mine)] if mine else None
            span = _years_text(mine)
            received = shown(self.series[last["report_id"]]["received"]) if last else None
            # a missing count says why, in the cell (static, no hover): its report's metric_values.missing
            # (无数据（此表未能读出） …), or 无报告 for an agency without a report; a bare "—" before
            why = self.missing[last["report_id"]]["received"] if last and received is None else None
            reasons |= {why} if last and received is None else set()
            reportless |= not last
            latest_years |= {max(mine)} if received is not None else set()
            rows.append([f'<td><a href="{base}{agency_path(a["agency_id"])}">{esc(a["name"])}</a></td>',
                         f"<td>{esc(region)}</td>", f"<td>{esc(TIER_ZH.get(a['tier'] or '', ''))}</td>",
                         f"<td>{esc(KIND_ZH.get(a['kind'] or '', ''))}</td>", f"<td>{esc(span)}</td>", cell(len(mine)),
                         _latest_cell(max(mine), self.series[last["report_id"]]["received"]) if received is not None
                         else cell(None, missing_word(why) if last else "无报告")])
        notes = missing_notes(reasons) + (["“无数据”：该机构最近一年的报告中没有这个数（缺失，不是0）"]
                                          if None in reasons else []) \
            + (["“无报告”：本站没有该机构的报告"] if reportless else [])
        here = [crumbs([], part)] if part else []  # (a split index's part, agencies/<slug>/: 首页 › 机构索引 › 青海省)
        body = [front_matter(title, SEARCH_EXCLUDED), f"# {esc(title)}\n", *here, FINDER,
                FIND_IN_PAGE.format(how="在下表中"),
                # the table lists every agency whatever the finder above found: said, so that it does not look
                # as if the finder had done nothing (a reader saw 找到 1 个机构 above eight rows)
                f"\n## 全部机构（{len(agencies)} 个）\n",
                '<p class="xxgk-js-only"><label>筛选表格：<input class="xxgk-filter" data-table="xxgk-agencies" '
                'placeholder="机构、地区或年度">'
                "</label></p>",
                table(["机构", "地区", "行政层级", "机构类型", "报告年度", "报告数", "最近一年新收申请"], rows,
                      "xxgk-agencies", sortable=True, extra=" data-phone-cards"),  # a card a row on a phone
                # (the column named, then each word's sentence: 最近一年新收申请：“无数据（…）”：… read two colons on)
                _column_note(notes, sorted_by_year=len(latest_years) > 1), self._orphans(orphans, base)]
        return "\n".join(body)

    def _orphans(self, reports: list[dict], base: str) -> str:
        """The reports no agency was identified for, each linked to its page; those without one (``pageless``),
        and the texts that are no report (``source_only``: 10,000 of them were a 10,000-row table here), counted
        in a sentence that leads to the quality page, where each is listed with its reason."""
        paged = [r for r in reports if r["report_id"] not in self.pageless and r["report_id"] not in self.source_only]
        rows = [[f'<td><a href="{base}{self.report_urls[r["report_id"]]}">{esc(report_name(r))}</a></td>',
                 cell(r["year"]), f"<td>{esc(status_zh(r['status']))}</td>"] for r in paged]
        unpaged = sum(r["report_id"] in self.pageless for r in reports)
        texts = sum(r["report_id"] in self.source_only for r in reports)
        if not reports:
            return ""
        return ("\n## 未能识别机构的报告\n\n" + (table(["报告", "年度", "状态"], rows) if rows else "")
                + (self.source_only_note(texts, base) if texts else "")
                + (self.pageless_note(unpaged, base) if unpaged else ""))

    def source_only_note(self, count: int, base: str) -> str:
        """What a page says of the ``count`` texts that are no report it leaves out (``titles.source_only_reports``)."""
        return (f"<p>另有 {count} 个文件有文字但未能读作年报（没有机构、年度或表格），只有原文页："
                f'每个文件、其原文及原因见<a href="{base}quality/#xxgk-source-only">数据质量</a>，'
                f'也在下载的 reports.csv（status 为 failed）和 findings.csv 中。</p>')

    def pageless_note(self, count: int, base: str) -> str:
        """What a page says of the ``count`` files it leaves out for having no page (``titles.pageless_reports``)."""
        return (f"<p>另有 {count} 个文件无法读取且没有文字（空文件、损坏或超出处理上限的文件等），不单独成页："
                f'每个文件及其原因见<a href="{base}quality/#xxgk-pageless">数据质量</a>，'
                f'也在下载的 reports.csv（status 为 failed）和 findings.csv 中。</p>')

    def report_anchor(self, rid: str, base: str, label: str) -> str:
        """``label`` linked to report ``rid``'s page from a page ``base`` below the site root; the label alone for a
        report without a page (``pageless``)."""
        if rid in self.pageless:  # (the name marked for the lists' CSV, lists.js, which takes a row's report from it)
            return f'<span data-xxgk-report>{esc(label)}</span><small>（无单独页面）</small>'
        return f'<a href="{base}{self.report_urls[rid]}">{esc(label)}</a>'

    def compare(self) -> None:
        provinces = sorted({a["province"] for a in self.pkg.tables["agencies"] if a["province"]})
        cities: dict[str, set[str]] = defaultdict(set)
        for a in self.pkg.tables["agencies"]:
            if a["province"] and a["city"]:
                cities[a["province"]].add(a["city"])
        years = sorted({y for ys in self.years.values() for y in ys})
        # the view compare.js draws when no agency is chosen, in plain HTML for a reader without script
        default = [(report_name(r), "../" + self.report_urls[r["report_id"]], self.series[r["report_id"]]["received"])
                   for r in self.charted[:DEFAULT_TOP]]
        default_view = html_bars(default, f"{self.latest_year}年度新收政府信息公开申请最多的机构"
                                 + (f"（前{DEFAULT_TOP}个）" if len(default) == DEFAULT_TOP else ""), "件",
                                 head="机构（链接到该年度报告）") if default else ""
        # the league's default view (its first measure, the latest year, every agency), for a reader without script
        metrics = list(self.pkg.tables["metrics"])
        first = metrics[0]["code"] if metrics else None
        agencies = {a["agency_id"]: a for a in self.pkg.tables["agencies"]}
        league = sorted(((agencies[aid], self.series[r["report_id"]][first]) for aid, ys in self.years.items()
                         for y, r in ys.items() if y == self.latest_year and aid in agencies
                         and self.series[r["report_id"]][first] is not None),
                        key=lambda x: (-x[1], x[0]["name"])) if first else []
        default_league = plain_league(league, self.latest_year, metrics[0]) if league else ""
        self.write("compare.md", compare_markdown(metrics, years, provinces,
                                                  {p: sorted(cs) for p, cs in cities.items()}, default_view,
                                                  default_league, len(default), metric_meanings(metrics)))

    def fulltext(self) -> None:
        # (the reports with a source page: those without one have no text to search, ``titles.pageless_reports``)
        self.write("fulltext.md", fulltext_markdown([r for r in self.reports if r["report_id"] not in self.pageless]))

    def data_page(self) -> None:
        """Downloads (which file serves whom, size, date), how to cite (page URL and access date), licence,
        the changelog and the data dictionary, Chinese first."""
        desc = self.pkg.descriptor
        version, updated = desc.get("version", ""), data_updated(self.pkg)
        rows = []
        script = (self.out / "downloads" / SCRIPT_NAME).is_file()
        query_files = [(q["path"], _QUERY_FILE_LABELS.get(q["format"], q["format"]).format(
                            **q, zh=RESOURCE_ZH.get(q.get("resource", ""), q.get("resource", ""))),
                        query_whom(q, desc["resources"], indexed=not script))
                       for q in desc.get("x_xxgk_query_files", [])]
        compressed = False
        if script:
            at = next((i for i, q in enumerate(desc.get("x_xxgk_query_files", [])) if q["format"] == "sqlite"), None)
            if at is not None:
                query_files[at] = (query_files[at][0], _SQLITE_WITHOUT_INDEX, query_files[at][2])
            query_files.insert(len(query_files) if at is None else at + 1, (SCRIPT_NAME, _SCRIPT_LABEL, SCRIPT_WHOM))
        for path, label, who in download_files(desc) + query_files:
            path, size = self._published(path)
            who = whom_as_published(who, path)
            compressed = compressed or path.endswith(".gz")
            rows.append([f'<td><a href="../downloads/{esc(path)}" download>{esc(label)}</a>'
                         + ("（gzip 压缩）" if path.endswith(".gz") else "")
                         + f"<br><small><code>{esc(path)}</code></small></td>", f"<td>{esc(who)}</td>",
                         cell(_size(size)), f"<td>{esc(updated or UNKNOWN_DATE)}</td>"])
        dictionary = []
        for res in desc["resources"]:
            fields = [[f"<td>{esc(f.get('title'))}</td>", f"<td><code>{esc(f['name'])}</code></td>",
                       f"<td>{esc(TYPE_ZH.get(f['type'], f['type']))}</td>",
                       f'<td class="xxgk-prose">{esc(f.get("description"))}</td>']
                      for f in res["schema"]["fields"]]
            r_call = f'readr::read_csv("{res["path"]}", col_types = "{readr_col_types(res["schema"]["fields"])}")'
            dictionary.append(f"\n### {esc(RESOURCE_ZH.get(res['name'], res['name']))}（{esc(res['name'])}）\n\n"
                              f"<p>{esc(res.get('description'))}</p>\n"
                              f"<p>R 按本表的类型读取：<code>{esc(r_call)}</code>（不写 col_types 时，readr 按部分行"
                              "猜测类型，前面全为空白的文字列会被猜成逻辑值，后面的文字读成 NA）。</p>\n"
                              + table(["名称", "字段", "类型", "说明"], fields))
        when = f"({esc(updated)})" if updated else ""  # GB/T 7714's (更新日期), left out when no date is known
        cite = (f"xxgk. 政府信息公开工作年度报告数据集：版本 {esc(version)}[DS/OL]. {when}"
                f'[<span data-xxgk-cite-date>引用日期</span>]. <span data-xxgk-cite-url>（本页网址）</span>.')
        body = [front_matter("数据下载"), "# 数据下载与说明\n",
                f"<p>数据包版本 {esc(version)}，"
                + (f"最后更新 {esc(updated)}。" if updated
                   else f"最后更新日期{UNKNOWN_DATE}（更新记录和报告都没有写明日期）。")
                + "空白表示缺失，绝不是0。"
                "所有 CSV 都是 UTF-8 编码并带 BOM：在中文 Windows 的 Excel 中双击即可正确显示中文；pandas 用 "
                "<code>encoding=\"utf-8-sig\"</code>，R 用 <code>readr::read_csv()</code> 或 "
                "<code>read.csv(fileEncoding = \"UTF-8-BOM\")</code>，frictionless 按 datapackage.json 读取。</p>",
                DATA_PAGE_MAP, table(["文件", "适合谁", "大小", "更新日期"], rows, caption="下载文件"),
                GZIP_HELP.format(mib=GZIP_ABOVE // 2**20) if compressed else "",
                _QUERY_HELP.format(script=_SCRIPT_HELP if script else "") if query_files else "", csv_help(),
                '\n<h2 id="cite">如何引用</h2>\n',
                f"<p>GB/T 7714：{cite}</p><p lang=\"en\">English: xxgk contributors. <i>Government information "
                f"disclosure annual reports dataset</i>, version {esc(version)}. Data package. "
                '<span data-xxgk-cite-url>(URL of this page)</span>, accessed '
                '<span data-xxgk-cite-date>(date)</span>.</p>',  # read without JavaScript as the Chinese one is
                "\n## 许可\n",
                "<p>数据以 CC BY 4.0（知识共享 署名 4.0 国际）发布，使用时请注明来源；报告原文版权归各发布机关。</p>",
                "\n## 更新记录\n", changelog_html(self.pkg), self._metric_definitions(), "\n## 数据字典\n", *dictionary]
        self.write("data.md", "\n".join(body))

    def _published(self, path: str) -> tuple[str, int | None]:
        """``(path under downloads/, its size)`` of a package file as the site publishes it (``downloads.py``);
        the size is None when neither the package nor the downloads have such a file (the site's own downloads,
        such as the full-text script, are not in the package)."""
        source = self.pkg.root / path
        if not source.is_file():
            own = self.out / "downloads" / path
            return path, own.stat().st_size if own.is_file() else None
        rel = published(path, source.stat().st_size)
        target = self.out / "downloads" / rel
        return rel, target.stat().st_size if target.is_file() else source.stat().st_size

    def _metric_definitions(self) -> str:
        """The published ``metrics`` resource as a reader reads it: every chart, comparison and peer median on
        the site uses exactly these formulas over the tidy tables. A formula is a wide cell (``xxgk-prose``): on a
        phone it takes a line of its own under the measure, its unit and editions (``render.table`` stacks the
        table), where side by side the measure's name was squeezed to two characters a line, its code broken."""
        # each formula after its meaning in words (the glossary's: a report page's 指标定义 led a citizen to
        # 100 * applications:granted:total / applications:total_processed:total alone, session 48)
        meanings = metric_meanings(list(self.pkg.tables["metrics"]))
        rows = [[f"<td>{esc(m['label_zh'])}<br><small><code>{esc(m['code'])}</code></small></td>",
                 f"<td>{esc(m['unit'])}</td>",
                 '<td class="xxgk-prose">'
                 + (f'{esc(meanings[m["code"]]["meaning"])}<br>' if m["code"] in meanings else "")
                 + f'<code>{esc(m["formula"])}</code>'
                 + (f"<br><small>2019年版：<code>{esc(m['formula_2019'])}</code></small>"
                    if m.get("formula_2019") else "")
                 + "</td>",
                 f"<td>{esc('、'.join(f'{e}年版' for e in str(m['editions']).split()))}"
                 + ("（两版口径不同，不连成一条线）" if m["comparable"] == "false" else "") + "</td>"]
                for m in self.pkg.tables["metrics"]]
        return ('\n<h2 id="metric-definitions">指标定义</h2>\n'
                "<p>图表、比较页、排行榜和同类组中位数都只用下列公式计算（数据包中的 <code>metrics</code> 表）；"
                "公式之前是它的含义（见<a href=\"../glossary/\">词语解释</a>）。"
                "公式引用整洁表的单元格，写作 <code>表:行:列</code>；任何一个单元格缺失，"
                "结果就是缺失（不是0）；分母为0时比例缺失。同类组：同一年度、同一行政层级、同一省份、同一系统"
                "（或同为人民政府）的报告。</p>\n"
                + table(["指标（代码）", "单位", "含义和公式", "适用的表格模板"], rows))

    def quality(self) -> None:
        codes_rows = {c["code"]: c for c in self.pkg.tables["finding_codes"]}
        by_code = self.findings_by_code  # {code: (count, the first QUALITY_ROWS_PER_CODE as (report_id, row))}
        names = self.titles_apart
        parts = [front_matter("数据质量", SEARCH_EXCLUDED), "# 数据质量：全部问题\n",
                 "<p>每条问题都有稳定代码、严重程度和原文位置。"
                 "各检查项的说明见 <a href=\"../checks/\">检查项目</a>。</p>"]
        rank = list(SEVERITY_ZH)  # errors first, then warnings, then notes; the most frequent first within each
        ordered = sorted(by_code.items(), key=lambda kv: (rank.index(codes_rows[kv[0]]["severity"])
                                                          if codes_rows[kv[0]]["severity"] in rank else len(rank),
                                                          -kv[1][0], kv[0]))
        # the code under its problem's name, not a column of its own: five columns scrolled sideways on a 390 px
        # phone, the counts (what the table is for) out of sight at the right
        summary = [[f'<td><a href="#{esc(c)}">{esc(codes_rows[c]["label_zh"])}</a><br>'
                    f"<small><code>{code_text(c)}</code></small></td>",
                    f'<td><span class="xxgk-sev-{esc(codes_rows[c]["severity"])}">'
                    f"{esc(SEVERITY_ZH.get(codes_rows[c]['severity'], ''))}</span></td>",
                    f"<td>{OWN_ZH if counts_against_agency(c) else READING_LIMIT_ZH}</td>", cell(v[0])]
                   for c, v in ordered]
        # the reports whose agencies have the most errors of their own first (a supervisor's work list), then the
        # most findings; before, in report-id order, with our reading's limits counted as the agencies' errors
        listed = sorted(self.findings.items(), key=lambda kv: (-_own_errors(kv[1]), -len(kv[1]), kv[0]))
        # (cut by the reports it lists, not by those with pages: 50,000 empty files, each a finding and none a page,
        # were listed whole beside one report, a quality page of 11.5 MB)
        if max(self.paged_count, len(listed)) > INDEX_SHARD_ABOVE:
            listed = listed[:QUALITY_REPORT_ROWS]
        per_agency = [[f"<td>{self.report_anchor(rid, '../', names[rid])}</td>", cell(len(v)),
                       cell(_own_errors(v)), cell(sum(not counts_against_agency(f["code"]) for f in v)),
                       self._year_cell(self.reports_by_id[rid]), self._province_cell(self.reports_by_id[rid])]
                      for rid, v in listed]
        # (what the menus' status adds, and the line under the list: both true whatever is chosen — before, 该省 of a
        # year's choice, and 以上是……的 200 份报告 under the one row of them a province's office was shown, session 40)
        partial = (f"“按报告”一表只列全国机关自身错误最多（其次问题最多）的 {len(listed)} 份报告中所选的；"
                   f"其余有问题的报告见下面按问题分列的清单（每类前 {QUALITY_ROWS_PER_CODE} 条）和 findings.csv。"
                   if len(listed) < len(self.findings) else "")
        findings_csv, _ = self._published(next(r["path"] for r in self.pkg.descriptor["resources"]
                                               if r["name"] == "findings"))
        by_code_html, in_lists, spans = [], {rid for rid, _ in listed}, {}
        for c, (count, items) in ordered:
            shown_items = items[:QUALITY_ROWS_PER_CODE]
            in_lists.update(rid for rid, _ in shown_items)
            by_code_html.append(f'\n<h2 id="{esc(c)}">{esc(codes_rows[c]["label_zh"])}（{esc(c)}）</h2>\n'
                                + self._quality_code_table(shown_items, names, count, findings_csv, spans,
                                                           codes_rows[c]))
        # the province filter first, above every table it narrows; the count of each problem is the whole country's
        # (said: it stayed the same when a province was chosen, below the menu a reader had scrolled past it to find),
        # every year's (said too: under 只显示北京市 2023年度的 15 份报告 it read as that year's, session 55)
        # every report's province, city and year in the menus, not only those of the reports listed: an office whose
        # reports have no problem found its province missing from the menu, as if the site had none of its reports
        # (audit 30: 辽宁省, 新疆维吾尔自治区); it now picks it and reads that they have none
        parts += [self._province_filter(sorted(self.reports, key=lambda r: r["report_id"]), partial, years=True,
                                        export=True, empty="" if partial else QUALITY_NONE_FOUND),
                  table(["问题（代码）", "严重程度", "性质", "数量"], summary,
                        caption=QUALITY_TOTALS_CAPTION),
                  f"\n## {BY_REPORT}\n", QUALITY_ORDER_NOTE + QUALITY_DOWNLOAD.format(path=esc(findings_csv)),
                  table(["报告", FINDINGS_COLUMN_ZH, "机关自身的错误", "本站读取的局限", YEAR_COLUMN, PROVINCE_COLUMN],
                        per_agency, "xxgk-by-agency", sortable=True, extra=" data-phone-cards",
                        row_headers=True)]  # (phone: a card; the report names its row, th scope=row)
        if len(listed) < len(self.findings):
            parts.append(f"<p>本表只列全国机关自身错误最多（其次问题最多）的 {len(listed)} 份报告"
                         "（选了省份、城市或年度时，只显示其中所选的）；另有 "
                         f"{len(self.findings) - len(listed)} 份报告有问题，见下面按问题分列的清单"
                         f"（每类前 {QUALITY_ROWS_PER_CODE} 条），全部见下载的 "
                         f'<a href="../downloads/{esc(findings_csv)}" download>findings.csv</a>。</p>')
        parts.append(self._quality_months())
        parts += by_code_html
        parts.append(self._quality_pageless(findings_csv))
        parts.append(self._quality_source_only(findings_csv))
        self.write("quality.md", "\n".join(parts))

    def _quality_months(self) -> str:
        """The 发布月份 section (``publication_months``): every report's month of publication after its year, by
        year, the region the page lists it under and kind, with the late ones and the unknown dates counted; the
        page's menus narrow it (a transparency office saw its city's late reports one finding at a time, never
        when its departments published)."""
        timely = {c["code"]: c["severity"] for c in self.pkg.tables["finding_codes"] if c["category"] == "timely"}
        counted = tally(self.reports, self.findings, timely, lambda r: (self._province(r), self._city(r)))
        return months_section(counted, SCORE_KIND_ZH, YEAR_COLUMN, PROVINCE_COLUMN)

    def _quality_pageless(self, findings_csv: str) -> str:
        """The files without a page of their own (``titles.pageless_reports``), each with why it could not be read."""
        return self._quality_failed_files(
            self.pageless, findings_csv, "xxgk-pageless", "无法读取且没有文字的文件",
            "<p>这些文件没有可显示的文字，不单独成页；它们的问题也计入上面各节。</p>", "文件", linked=False)

    def _quality_source_only(self, findings_csv: str) -> str:
        """The files whose only page is their source text (``titles.source_only_reports``), each linked to it with
        why it could not be read as a report."""
        return self._quality_failed_files(
            self.source_only, findings_csv, "xxgk-source-only", "未能读作年报的文字文件",
            "<p>这些文件有文字，但读不出年报（没有机构、年度或表格），没有报告页：链接通向其原文；"
            "它们的问题也计入上面各节。</p>", "文件（原文）", linked=True)

    def failed_reason(self, rid: str) -> str:
        """Why the failed file ``rid`` could not be read, as escaped HTML (its findings' messages), "" if none."""
        return "；".join(esc(m) for m in self.failed_reasons.get(rid, []))

    def _quality_failed_files(self, ids: frozenset[str], findings_csv: str, anchor: str, heading: str, intro: str,
                              column: str, linked: bool) -> str:
        """A quality-page section listing failed files ``ids`` with why each failed: the first
        ``QUALITY_ROWS_PER_CODE`` by file name (each linked to its page when ``linked``), the rest counted
        (``reports.csv`` lists them all). Each row's year and province (— and 地区未知 when the file names none)
        let the page's menus narrow it (``data-xxgk-files``: its rows are not counted as reports shown) — session
        53: an empty file stood under 天津市 2024年度 as if it were that province's."""
        if not ids:
            return ""
        listed = sorted(ids, key=lambda rid: (self.reports_by_id[rid]["source_file"], rid))
        rows = []
        for rid in listed[:QUALITY_ROWS_PER_CODE]:
            r = self.reports_by_id[rid]
            name = esc(file_name_text(r["source_file"]))
            shown = f'<a href="../{esc(self.report_urls[rid])}">{name}</a>' if linked else name
            rows.append([f"<td>{shown}</td>", f"<td>{self.failed_reason(rid) or '—'}</td>",
                         f"<td>{esc(r['year'] or '—')}</td>", self._province_cell(r)])
        more = len(listed) - len(rows)
        return "\n".join(filter(None, [
            f'\n<h2 id="{anchor}">{heading}（{len(listed)} 个）</h2>\n', intro,
            table([column, "原因", YEAR_COLUMN, PROVINCE_COLUMN], rows, f"{anchor}-files",
                  extra=" data-phone-cards data-xxgk-files"),
            f"<p>以上是按文件名排列的前 {len(rows)} 个；另有 {more} 个，全部见下载的 reports.csv（status 为 failed）"
            f'和 <a href="../downloads/{esc(findings_csv)}" download>findings.csv</a>。</p>' if more else ""]))

    def _quality_code_table(self, items: list[tuple[str, dict]], names: dict, count: int, findings_csv: str,
                            spans: dict, code: dict) -> str:
        """One finding code's list on the quality page: one row per report (its findings' messages, each with its
        source line), the report's province for the page's province filter; a message every listed finding shares
        is said once above the table instead of on every row, and how many more there are below it. A finding's
        link goes where the report page's goes (``_finding_anchor``): on a long line, its row's span, not the top
        of a line that is a whole flattened report (a transparency office followed 第2行 from here to the report's
        title, and from the report page to the row). ``spans``: each report's row spans, found once for the page
        (read only for a report with a finding of a table's row or of table 4). The table names its ``code`` (the
        row of ``finding_codes``), title and severity, and the message said once above it is marked
        (``data-xxgk-said``), for the list's CSV (``xxgk.js``, the filter's button)."""
        messages = {f["message"] for _, f in items}
        same = len(items) > 1 and len(messages) == 1
        grouped: dict[str, list[dict]] = {}
        for rid, f in items:
            grouped.setdefault(rid, []).append(f)

        def notes_of(rid: str, fs: list[dict]) -> str:
            """The report's findings, those of one source line together (the line's link once, after them), then
            the links to the cells marked ≠ in the report page's tables that those of a broken identity are located
            at (``_cell_links``)."""
            lines: dict[tuple[str, str], list[dict]] = {}
            for f in fs:
                lines.setdefault((f["line"] or "", self._quality_anchor(f, rid, spans)), []).append(f)
            out = []
            for (line, anchor), found in lines.items():
                link = f'<a href="../src/{rid}.html#{anchor}">第{esc(line)}行</a>' if line else ""
                told = link if same else "；".join(said(f["message"]) for f in found) + (f"（{link}）" if link else "")
                out.append(told + self._cell_links(rid, found))
            return "<br>".join(filter(None, out))

        notes = {rid: notes_of(rid, fs) for rid, fs in grouped.items()}
        with_notes = any(notes.values())
        rows = [[f"<td>{self.report_anchor(rid, '../', names[rid])}</td>"]
                + ([f"<td>{notes[rid]}</td>"] if with_notes else [])
                + [self._year_cell(self.reports_by_id[rid]), self._province_cell(self.reports_by_id[rid])]
                for rid in grouped]
        head = ["报告"] + (["原文" if same else "说明"] if with_notes else []) + [YEAR_COLUMN, PROVINCE_COLUMN]
        partial = count > len(items)  # the province filter says the list is not all of them (xxgk.js)
        parts = [f"<p>每条的说明都是：<span data-xxgk-said>{esc(next(iter(messages)))}</span></p>" if same else "",
                 table(head, rows, extra=f' data-phone-cards data-xxgk-problem="{esc(code["code"])}"'
                       f' data-xxgk-title="{esc(code["label_zh"])}"'
                       f' data-xxgk-severity="{esc(SEVERITY_ZH.get(code["severity"], ""))}"'
                       + (" data-xxgk-partial" if partial else ""))]
        if partial:
            parts.append(f"<p>本节只列前 {len(items)} 条（{len(grouped)} 份报告）；另有 {count - len(items)} 条，"
                         f'全部见下载的 <a href="../downloads/{esc(findings_csv)}" download>findings.csv</a>。</p>')
        return "\n".join(filter(None, parts))

    def _cell_links(self, rid: str, found: list[dict]) -> str:
        """After a line's findings in a quality list, a link to each cell marked ≠ on the report's page that a broken
        identity among them is located at (``finding_cell_codes``): a city's office went from the list to the
        report's top, then 4,600 px down a phone's screen to its findings for the link to the cell (session 48).
        One cell: （表中此格）; several: each named as its message names it (表3：自然人：… → 自然人), else by its
        place in the list. In a ``data-xxgk-cell`` span: the list's CSV (lists.js) takes neither its words nor its
        links. "" when none (or the report has no page)."""
        if rid in self.pageless:
            return ""
        cells = [(f, codes) for f in found if (codes := self.finding_cell_codes(f))]
        if not cells:
            return ""
        page = f"../{self.report_urls[rid]}"
        if len(cells) == 1:
            return f'<span data-xxgk-cell>（<a href="{page}#{broken_cell_id(*cells[0][1])}">表中此格</a>）</span>'
        names = [m.group(1) if (m := re.match(r"表[0-9]+：([^：]{1,40})：", f["message"])) else "" for f, _ in cells]
        if "" in names or len(set(names)) < len(names):
            names = [f"第{n}条" for n in range(1, len(cells) + 1)]
        links = "、".join(f'<a href="{page}#{broken_cell_id(*codes)}">{esc(name)}</a>'
                         for (_, codes), name in zip(cells, names, strict=True))
        return f"<span data-xxgk-cell>（表中此格：{links}）</span>"

    def _quality_anchor(self, f: dict, rid: str, spans: dict) -> str:
        """The anchor of finding ``f`` of report ``rid`` in its source page, as its report page links it; ``""``
        without a line. ``spans`` keeps each report's row spans, read once (``_spans``) and only when the finding
        could be placed in one (a row named, or table 4)."""
        if not f["line"]:
            return ""
        if not (f["row"] or f["table"] == "4"):
            return f"L{esc(f['line'])}"
        if rid not in spans:
            spans[rid] = self._spans(self.reports_by_id[rid])
        return self._finding_anchor_in(f, spans[rid])

    def checks(self) -> None:
        parts = [front_matter("检查项目"), "# 检查项目\n",
                 "<p>每份报告都按下列检查自动核对。"
                 "每项检查有稳定的代码，结果作为“问题”发布在数据包的 findings 表中。</p>"]
        # each check's findings on this site, linked (数据质量 has a section a code found): a reader who looked a check
        # up had no way on to where it was found (session 34)
        found = {code: count for code, (count, _) in self.findings_by_code.items() if count}
        for category, name in self.categories.items():
            rows = [[f'<td id="{esc(c["code"])}">{esc(c["label_zh"])}<br><code>{code_text(c["code"])}</code><br>'
                     + (f'<small><a class="xxgk-found" href="../quality/#{esc(c["code"])}">'
                        f'本站 {found[c["code"]]} 条</a></small></td>'
                        if c["code"] in found else "<small>本站暂无</small></td>"),
                     f"<td>{esc(SEVERITY_ZH.get(c['severity'], ''))}</td>",
                     f"<td>{esc(SCORE_EFFECT_ZH[c['responsibility'], c['severity']])}</td>",
                     f'<td class="xxgk-prose">{esc(c["explanation_zh"])}</td>',
                     f'<td class="xxgk-prose">{esc(c["example_zh"])}</td>']
                    for c in self.pkg.tables["finding_codes"] if c["category"] == category]
            parts.append(f'\n<h2 id="{esc(category)}">{esc(name)}</h2>\n'
                         + table(["检查（代码）", "严重程度", "报告评估", "说明", "例子"], rows))
        self.write("checks.md", "\n".join(parts))

    def ranking(self) -> None:
        """Scores ranked within one year, one administrative tier and one kind (``score_group``): reports of
        different years, tiers or kinds are never ranked against each other. A page's group is a year and a tier;
        each kind's reports are a table of their own, in rank order, under a heading naming the kind.
        Above ``INDEX_SHARD_ABOVE`` reports the page is an index (per group: its size, the top and bottom
        ``RANKING_EXTRACT``, links to one page per province, ``ranking_path``); the ranks stay national within the
        year and tier."""
        groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for r in self.reports:
            if r["report_id"] not in self.pageless and r["report_id"] not in self.source_only:  # (said below)
                groups[score_group(r)[:2]].append(r)  # (year, tier): a page; each kind ranked apart within it
        split = self.paged_count > INDEX_SHARD_ABOVE
        parts = [front_matter("报告评估排名", SEARCH_EXCLUDED + WIDE), "# 报告评估排名\n",
                 RANKING_INTRO.format(up="../")]
        finder: dict = {"groups": [], "pages": defaultdict(dict), "cities": defaultdict(dict)}  # _rank_finder's
        if split:
            parts.append("<p>报告较多：每组列出得分最高和最低的报告，完整名次按省份分页"
                         "（名次仍是全国同年度、同层级、同类别报告中的名次）。</p>")
            finder_at = len(parts)
        else:  # every report on this one page: its province in a column, and a filter by it
            parts.append(self._province_filter([r for r in self.reports if r["report_id"] not in self.pageless
                                                and r["report_id"] not in self.source_only]))
        for (year, tier), members in sorted(groups.items(), key=lambda g: (not g[0][0].isdigit(),
                                                                -int(g[0][0]) if g[0][0].isdigit() else 0, g[0][1])):
            ordered = sorted(members, key=lambda r: (self.scores[r["report_id"]] is None,  # ranked ones first
                                                     r["report_id"] not in self.score_ranks,
                                                     KIND_ORDER.index(score_group(r)[2]),  # a kind's ranks together
                                                     -(self.scores[r["report_id"]] or 0), report_name(r)))
            title = _group_title(year, tier)
            table_id = f"xxgk-ranking-{esc(year) or 'unknown'}-{esc(tier)}"
            if not split:
                parts += [f"\n## {esc(title)}\n",
                          *self._ranking_tables_by_kind(ordered, "../", table_id, f"### {title} · ", province=True)]
                continue
            ranked = sum(r["report_id"] in self.score_ranks for r in ordered)  # as each report's rank text counts
            copies_note = f"（另有 {len(ordered) - ranked} 份不排名：字节相同的副本，或未能完整读出）" \
                if ranked < len(ordered) else ""
            parts += [f"\n## {esc(title)}\n", f"<p>共 {ranked} 份报告{copies_note}。</p>"]
            kinds = {k: [r for r in ordered if score_group(r)[2] == k] for k in KIND_ORDER}
            kinds = {k: members for k, members in kinds.items() if members}
            if len(kinds) > 1:  # each kind ranked apart: its own best and worst
                parts.append("<p>其中" + "、".join(f"{esc(SCORE_KIND_ZH[k])} {len(m)} 份" for k, m in kinds.items())
                             + "，各自排名。</p>")
            for kind, members in kinds.items():  # (the kind in each table's heading: no column of its own, so the
                named = f"{title} · {SCORE_KIND_ZH[kind]}"  # table fits a desktop page's width, its 省份 seen)
                kind_id = f"{table_id}-{kind}" if len(kinds) > 1 else table_id
                if len(members) <= 2 * RANKING_EXTRACT:
                    parts += [f"\n### {esc(named)}\n", self._ranking_table(members, "../", kind_id)]
                else:
                    parts += [f"\n### {esc(named)}：得分最高的{RANKING_EXTRACT}份\n",
                              self._ranking_table(members[:RANKING_EXTRACT], "../", f"{kind_id}-top"),
                              f"\n### {esc(named)}：得分最低的{RANKING_EXTRACT}份\n",
                              self._ranking_table(members[-RANKING_EXTRACT:], "../", f"{kind_id}-bottom")]
            parts.append(self._ranking_provinces(year, tier, ordered, ranked, table_id, finder))
        if split:
            parts.insert(finder_at, self._rank_finder(finder))
        if self.source_only:  # (not reports: nothing to rank, and a table of 10,000 rows of 未评分 before)
            parts.append(self.source_only_note(len(self.source_only), "../"))
        if self.pageless:
            parts.append(self.pageless_note(len(self.pageless), "../"))
        self.write("report-card.md", "\n".join(parts))

    def _rank_finder(self, finder: dict) -> str:
        """The ranking index's way to one city's ranks (above ``INDEX_SHARD_ABOVE`` reports, where the index lists
        only each group's best and worst): a province menu and a city menu, whose choice ``assets/lists.js`` turns
        into links to the groups' province pages holding the city's reports, each opened narrowed to the city
        (``?city=``) and saying how many of the city's reports it ranks; where one agency's rank is (its report
        pages); and, without JavaScript, the per-group province lists below. ``finder``: what
        ``_ranking_provinces`` gathered, ``groups`` ``[(folder, title)]``, ``pages`` ``{province: {group: (slug,
        parts)}}``, ``cities`` ``{province: {city: {group: reports}}}``. Before, a city's office had to know its
        reports' year and tier, find the group, then the province, then narrow that page to its city."""
        def counted(by_group: dict) -> str:
            return " ".join(f"{g}:{n}" for g, n in sorted(by_group.items()))

        provinces = "".join(
            f'<option value="{esc(p)}" data-slug="{esc(next(iter(pages.values()))[0])}"'
            f' data-groups="{counted({g: parts for g, (_, parts) in pages.items()})}">{esc(p)}</option>'
            for p, pages in sorted(finder["pages"].items()))
        cities = "".join(f'<optgroup label="{esc(p)}">' + "".join(
            f'<option value="{esc(c)}" data-province="{esc(p)}" data-groups="{counted(by_group)}">{esc(c)}</option>'
            for c, by_group in sorted(finder["cities"][p].items())) + "</optgroup>" for p in sorted(finder["cities"]))
        groups = "".join(f'<li data-dir="{esc(folder)}">{esc(title)}</li>' for folder, title in finder["groups"])
        return ('\n## 查找一个城市或机构的名次\n\n'
                '<form class="xxgk-rank-find xxgk-js-only" data-xxgk-rank-find onsubmit="return false"><p>'
                '<span class="xxgk-pair"><label for="xxgk-rank-province">省份：</label>'
                f'<select id="xxgk-rank-province"><option value="">请选择</option>{provinces}</select></span> '
                '<span class="xxgk-pair"><label for="xxgk-rank-city">城市：</label>'
                f'<select id="xxgk-rank-city"><option value="">全省</option>{cities}</select></span></p>'
                f'<ul data-xxgk-rank-groups hidden>{groups}</ul></form>'
                '<p id="xxgk-rank-find-status" class="xxgk-js-only" role="status" aria-live="polite"></p>'
                '<ul id="xxgk-rank-find-links"></ul>'
                '<noscript><p>选择城市需要 JavaScript：在下面各组的“按省份查看完整名次”中打开省份的名次页，'
                '用浏览器的“在页面中查找”找城市或机构。</p></noscript>'
                '<p>一个机构的得分和名次在它每份报告页的“报告评估”一节：在<a href="../agencies/">机构索引</a>'
                "或页眉的搜索中找到机构，打开它的报告。</p>")

    def _ranking_provinces(self, year: str, tier: str, ordered: list[dict], ranked: int, table_id: str,
                           finder: dict) -> str:
        """One page per province (in parts of ``RANKING_PAGE_ROWS``) of a year × tier group, in national rank
        order, spooled as bulk pages (``bulk.py``: their HTML never goes through Python-Markdown), and the group's
        own page listing them (``report-card/<year>-<tier>/``, the folder above them: every prefix of their
        address is a page); ``ranked``: how many of ``ordered`` are ranked (not copies). Returns the index's list;
        adds the group, its province pages and its cities' reports to ``finder`` (``_rank_finder``)."""
        by_province: dict[str, list[dict]] = defaultdict(list)
        for r in ordered:
            by_province[self._province(r)].append(r)
        group_at = len(finder["groups"])
        finder["groups"].append((ranking_path(year, tier, "").split("/")[1], _group_title(year, tier)))
        rows = []
        for province in sorted(by_province):
            members = by_province[province]
            slug = province_slug(province, self.province_codes.get(province))
            chunks = [members[i:i + RANKING_PAGE_ROWS] for i in range(0, len(members), RANKING_PAGE_ROWS)]
            finder["pages"][province][group_at] = (slug, len(chunks))
            for r in members:
                if city := self._city(r):
                    counts = finder["cities"][province].setdefault(city, {})
                    counts[group_at] = counts.get(group_at, 0) + 1
            links = []
            for n, chunk in enumerate(chunks, start=1):
                rel = ranking_path(year, tier, slug, n)
                title = f"报告评估排名：{_group_title(year, tier)} · {province}" + (
                    f"（第{n}页，共{len(chunks)}页）" if len(chunks) > 1 else "")
                markdown, blocks = split_html_blocks("\n".join([
                    f"# {esc(title)}\n", RANKING_INTRO.format(up="../../../"),
                    "<p>名次是全国同年度、同层级、同类别报告中的名次"
                    f"（{esc(_group_title(year, tier))}共 {len(ordered)} 份报告，{ranked} 份参与排名）；"
                    f"{esc(province)} {len(members)} 份。"  # (共 0 份 above a listed unranked report read as none)
                    '<a href="../">本组各省份</a>　<a href="../../">返回排名索引</a></p>',
                    self._province_filter(chunk, provinces=False),  # a city's office: its city's reports
                    *self._ranking_tables_by_kind(chunk, "../../../", table_id, "## ", province=True)]))
                self.spool.page(rel + ".md", front_matter(title, SEARCH_EXCLUDED + WIDE) + markdown, blocks)
                links.append(f'<a href="{esc(rel.split("/", 1)[1])}/">'
                             + (esc(province) if n == 1 else f"第{n}页") + "</a>")
            rows.append(["<td>" + "　".join(links) + "</td>", cell(len(members))])
        group = ranking_path(year, tier, "").rstrip("/")  # report-card/<year>-<tier>
        provinces = table(["省份", "报告数"], rows, f"{table_id}-provinces", sortable=True)
        title = f"报告评估排名：{_group_title(year, tier)}"
        markdown, blocks = split_html_blocks("\n".join([
            f"# {esc(title)}\n", RANKING_INTRO.format(up="../../"),
            f'<p>本组共 {ranked} 份报告，按省份查看完整名次（名次是全国同年度、同层级、同类别报告中的名次）。'
            '<a href="../">返回排名索引</a></p>',
            provinces.replace(f'<a href="{esc(group.split("/", 1)[1])}/', '<a href="')]))
        self.spool.page(group + ".md", front_matter(title, SEARCH_EXCLUDED + WIDE) + markdown, blocks)
        return f"\n### {esc(_group_title(year, tier))}：按省份查看完整名次\n\n" + provinces

    def _ranking_tables_by_kind(self, ordered: list[dict], base: str, table_id: str, heading: str,
                                province: bool = False) -> list[str]:
        """One ranking table a kind of ``ordered`` (in ``KIND_ORDER``), each under the Markdown heading ``heading``
        followed by the kind its ranks are within (``### 2024年度 · 县级 · 政府部门``)."""
        out = []
        for kind in KIND_ORDER:
            if members := [r for r in ordered if score_group(r)[2] == kind]:
                out += [f"\n{esc(heading + SCORE_KIND_ZH[kind])}\n",
                        self._ranking_table(members, base, f"{table_id}-{kind}", province=province)]
        return out

    def _ranking_table(self, ordered: list[dict], base: str, table_id: str, province: bool = False) -> str:
        """The ranking rows of ``ordered`` (national rank within its kind, score, the agency's own problems by
        category, the reading limits; with ``province``, the report's province last, which
        :meth:`_province_filter` filters by), report links relative to ``base`` (the site root from the page). The
        kind the ranks are within (``score_group``) is the table's heading, not a column: the table fits a desktop
        page's width."""
        rows, titles = [], self.titles_apart
        for r in ordered:
            found = self.findings.get(r["report_id"], [])
            own, reading = split_findings(found)
            grouped = by_category(own, self.category_of)
            rank = self.score_ranks.get(r["report_id"])
            original = self.copy_of.get(r["report_id"])  # report_page.ReportPages.copy_of (report_card.copies)
            note = ("<br><small>" + copy_sentence(f'<a href="{base}{self.report_urls[original["report_id"]]}">'
                                                  f'{esc(file_name_text(original["source_file"]))}</a>', original, r)
                    + "</small>" if original else "")
            link = f'<a href="{base}{self.report_urls[r["report_id"]]}">{esc(titles[r["report_id"]])}</a>'
            rows.append([cell(rank[0] if rank else None), f"<td>{link}{note}</td>",
                         cell(self.scores[r["report_id"]])]
                        + [cell(sum(f["severity"] != "info" for f in grouped.get(c, [])))
                           for c in self.agency_categories]
                        + [cell(sum(f["severity"] != "info" for f in reading))]
                        + ([self._province_cell(r)] if province else []))
        unread = any(self.scores[r["report_id"]] is None for r in ordered)
        unread = f"<p><small>得分“—”：{UNSCORED_ZH}。</small></p>" if unread else ""
        if any(self.scores[r["report_id"]] is not None and not fully_read(self.findings.get(r["report_id"], []))
               for r in ordered):  # (a copy, or a report without a year, is unranked for its own reason, said apart)
            unread += f"<p><small>名次“—”（读取的局限中有错误）：{UNRANKED_ZH}。</small></p>"
        return table(["名次（同类别内）", "报告", "得分", *self.agency_categories.values(), "读取的局限（不计分）"]
                     + ([PROVINCE_COLUMN] if province else []), rows, table_id, sortable=True, css="compact") + unread

    def _province_filter(self, reports: list[dict], note: str = "", years: bool = False,
                         export: bool = False, provinces: bool = True, empty: str = "") -> str:
        """A choice of province over the page's tables that have a ``PROVINCE_COLUMN`` (``assets/xxgk.js`` hides
        the other rows, says how many are shown, with ``note`` when the tables list only some reports, and keeps
        the choice in the address, ``?province=``); with ``years``, a choice of year too, over their ``YEAR_COLUMN``
        (``?year=``), all applied together; hidden without JavaScript, where the columns tell them apart. A choice
        of city too (``_city_menu``); without ``provinces`` (a page of one province's reports), the city's alone.
        With ``export``, a button that downloads the lists of problems as the choices leave them (one line a report
        and problem, ``xxgk.js``): the page's list for a city's office to work through, which ``findings.csv`` (the
        whole country, without the city) is not. ``empty``: what the status says after the choices' words when they
        leave no report shown (the quality page lists only the reports with problems)."""
        options = "".join(f'<option value="{esc(p)}">{esc(p)}</option>'
                          for p in sorted({self._province(r) for r in reports}))
        year_menu = ""
        if years:
            year_options = "".join(f'<option value="{esc(y)}">{esc(y)}年度</option>'
                                   for y in sorted({r["year"] for r in reports if r.get("year")}, reverse=True))
            year_menu = ('<span class="xxgk-pair"><label for="xxgk-year">年度：</label>'
                         f'<select id="xxgk-year" data-xxgk-year="{YEAR_COLUMN}">'
                         f'<option value="">全部年度</option>{year_options}</select></span> ')
        # (each label with its menu, .xxgk-pair: on a phone 年度： ended one line, its menu began the next)
        province_menu = ('<span class="xxgk-pair"><label for="xxgk-province">只看一个省份：</label>'
                         f'<select id="xxgk-province" data-xxgk-province="{PROVINCE_COLUMN}"'
                         + (f' data-note="{esc(note)}"' if note else "") + '>'
                         f'<option value="">全部省份</option>{options}</select></span> ') if provinces else ""
        return ('<p class="xxgk-province-pick"' + (f' data-empty="{esc(empty)}"' if empty else "") + " hidden>"
                + province_menu + self._city_menu(reports) + year_menu
                + ('<button type="button" class="md-button xxgk-small-button" data-xxgk-list-csv>'
                   '下载所列问题（CSV）</button> ' if export else "") +
                '<span class="xxgk-province-status" role="status"></span></p>')

    def _city_menu(self, reports: list[dict]) -> str:
        """The choice of city of ``_province_filter`` (``?city=``, the agencies' prefecture as the package states
        it), when any report has one, over the province cells' ``data-city`` (``_province_cell``): a city's
        transparency office (政务公开办) looks for its city's reports, and a province menu alone gave it every city of
        the province. Its options are grouped by province, each naming its province (``data-province``) for the
        script, which offers the chosen province's cities only."""
        cities: dict[str, set[str]] = defaultdict(set)
        for r in reports:
            if self._city(r):
                cities[self._province(r)].add(self._city(r))
        if not cities:
            return ""
        groups = "".join(f'<optgroup label="{esc(p)}">' + "".join(
            f'<option value="{esc(c)}" data-province="{esc(p)}">{esc(c)}</option>' for c in sorted(cities[p]))
            + "</optgroup>" for p in sorted(cities))
        return ('<span class="xxgk-pair"><label for="xxgk-city">城市：</label>'
                f'<select id="xxgk-city" data-xxgk-city="{PROVINCE_COLUMN}">'
                f'<option value="">全部城市</option>{groups}</select></span> ')

    @staticmethod
    def _year_cell(report: dict) -> str:
        """The ``YEAR_COLUMN`` cell of a report's row (the year menu matches its text)."""
        return f'<td class="xxgk-word">{esc(report.get("year") or "年度不详")}</td>'

    def _province_cell(self, report: dict) -> str:
        """The ``PROVINCE_COLUMN`` cell of a report's row: a name read whole (``xxgk-word``, on one line: 北京 / 市 in
        a column squeezed beside a report's name and its notes on a phone), with its city as ``data-city`` (the city
        menu of ``_province_filter`` matches it; not a column of its own, which the ranking's width has no room for)."""
        city = self._city(report)
        where = f' data-city="{esc(city)}"' if city else ""
        return f'<td class="xxgk-word"{where}>{esc(self._province(report))}</td>'

    def _city(self, report: dict) -> str:
        """The city (prefecture) a report is listed under: its agency's, else the one it prints (its invisible
        characters dropped, as every name a page shows: a bidi override of a manifest's city reached the quality
        page's menu and rows), else ``""``."""
        agency = self.agencies_by_id.get(report.get("agency_id") or "")
        return drop_invisible((agency and agency["city"]) or report.get("city") or "").strip()

    def _province(self, report: dict) -> str:
        """The province a report is listed under: its agency's (as on the agency index), else the one it
        prints, else 地区未知."""
        agency = self.agencies_by_id.get(report.get("agency_id") or "")
        return (agency and agency["province"]) or report.get("province") or "地区未知"

    def glossary(self) -> None:
        self.write(f"{GLOSSARY_PAGE}.md", glossary_markdown())

    def about(self) -> None:
        self.write("about.md", front_matter("关于与方法") + ABOUT + repository_note(os.environ.get(REPO_URL_ENV, "")))


def unwrapped(markdown: str) -> str:
    r"""``markdown`` with a source line break between two CJK characters removed: Markdown turns a line break into
    a space, which Chinese text does not have (the about page read “关系， 不一致之处” and “颜色相同 （色盲友好”).

    >>> unwrapped("表3、表4的勾稽关系，\n  不一致之处 (see\n  below)")
    '表3、表4的勾稽关系，不一致之处 (see\n  below)'
    """
    return _CJK_LINE_BREAK.sub("", markdown)


_CJK_LINE_BREAK = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\n[ \t]*"
                             r"(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")
ABOUT = unwrapped("""# 关于与方法

本站把各机关发布的《政府信息公开工作年度报告》解析为开放数据。方法要点：

- **从不编造**：空白、“/”、“-”、“无”或丢失的单元格记为缺失，不记为0；缺少的表格记为“表格缺失”。
- **可追溯**：每个数值都记录源文件、SHA-256 和行号，报告页上的数字可直接跳到原文行。
- **勾稽关系**：按国务院办公厅公开办的格式（国办公开办函〔2021〕30号、〔2019〕60号）核对表3、表4的勾稽关系，
  不一致之处作为“问题”发布（这是报告本身的不一致，不是提取错误）。
- **数字粘连**：网页被压平后相邻单元格的数字会连在一起（如 801000081）。只有当唯一一种拆分满足勾稽关系时才采用，
  否则记为缺失并列为问题。
- **格式**：按表头判断每张表是2019还是2021格式，不按年份猜测。
- **报告评估**：得分只计本机关自身的问题（勾稽关系不成立、逾期发布、正文与表格不一致、照抄往年等）；
  本站未能读出的单元格等“读取的局限”单独列出，不扣分。得分只在同一年度、同一行政层级（国家级、省级、地市级、县级、乡镇级）、
  同一类别（人民政府的汇总报告，或政府部门的报告）内比较。
- **图表**：缺失的数值标为“无数据”并写明原因（如“无数据（报告未印此数）”“无数据（此表未能读出）”
  “无数据（分项与总计不符）”，原因取自数据的 `metric_values.missing` 列，表格下注明每个原因的完整说明），
  绝不画成0；0 画成高度为0并标注“0”的柱；
  分母为0的比例（如没有办理申请的机关的予以公开比例）标为“无从计算”，它不是缺失。每种结果在所有图表中颜色相同
  （色盲友好的 Okabe–Ito 配色）。每张图都可下载为 PNG（含标题、来源、许可和网址）和 CSV。
- **下载**：所有 CSV 都是 UTF-8 带 BOM，Excel 双击即可正确显示中文。

数据、代码与检查规则都在项目仓库中；规则以表格形式保存，领域专家无需读代码即可审阅。

在本站查看：各数据表每一列的含义见[数据字典](data.md#shujuzidian)，每项检查的含义和依据见[检查项目](checks.md)，
报告和本站的用语见[词语解释](glossary.md)，全部问题见[数据质量](quality.md)，各报告的得分见[报告评估排名](report-card.md)。
""")
# (the last paragraph: a researcher reading how the data is made found no link on the page, the codebook, the checks
# and the glossary reached only by the side menu: session 38)
REPO_URL_ENV = "XXGK_REPO_URL"  # the project's repository (the GitHub workflow sets it), for the about page's links


def repository_note(url: str) -> str:
    """Where a reader reports a misread number, and the repository's address, when ``url`` is an http(s) address
    (``XXGK_REPO_URL``; the workflow sets it): a transparency office or an agency that finds a cell read wrong
    has somewhere to say so. Nothing without it (a site built elsewhere names no repository it does not know).

    >>> repository_note("")
    ''
    >>> "issues" in repository_note("https://github.com/o/xxgk")
    True
    """
    if link_url(url) is None:
        return ""
    base = url.rstrip("/")
    return (f"\n项目仓库：{link(base)}。发现读错的数字或报告？请在仓库中{link(base + '/issues', '提交问题（issue）')}，"
            "写明报告页的网址和原文行号；每个数值旁的链接就是它的来源行。\n")
