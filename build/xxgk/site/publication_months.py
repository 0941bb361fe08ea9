"""The quality page's 发布月份 table: when each region's agencies published their reports, month by month after the
year reported on, with how many were late and how many dates are unknown. A transparency office (政务公开办) saw
each late report in the list of ``late_publication`` findings, one at a time, but not when its city's departments
published as a whole (条例 第四十九条: departments by 31 January, a government's summary report by 31 March).

Made from the package's columns only, no new guess: ``reports.year``, ``published_date``, ``kind``, the region the
site lists a report under, and the report's findings of the ``timely`` category (``rules/findings.csv``: a warning,
``late_publication``, is late; an info, ``possibly_late``, may be). A report without a publication date is counted
as 日期不详, never in a month, and is never counted late or on time. One report per agency and year: a copy
(``reports.duplicate_of`` set) is the same publication counted once, as in the ranking. A report without a year has
no month after its year: it is a row of year 年度不详 whose months are not known (shown "—", never 0), its undated
reports counted as 日期不详 as anywhere. A file not read (``reports.status`` failed: no report text, an explainer,
the 2008 form, a school year's, unreadable, over budget) is no report published: it is in no row, whatever date it
carries (it had been counted in its month and in 合计).

>>> rows = [{"report_id": "a", "year": "2024", "published_date": "2025-02-08", "kind": "department"},
...         {"report_id": "b", "year": "2024", "published_date": "", "kind": "department"},
...         {"report_id": "c", "year": "2024", "published_date": "2025-01-20", "kind": "department",
...          "duplicate_of": "a"}]
>>> t = tally(rows, {"a": [{"code": "late_publication", "severity": "warning"}]}, {"late_publication": "warning"},
...           lambda r: ("青海省", "西宁市"))
>>> row = t.rows[("2024", "青海省", "西宁市", "department")]
>>> row.months[2], row.unknown, row.late, row.total
(1, 1, 1, 2)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .render import esc, table

LAST_MONTH = 6  # 1月 … 6月 of the year after, then one column for the rest: a report later than June is rare
LATER = LAST_MONTH + 1  # the column of every month after LAST_MONTH
EARLY = 0  # a date within the year reported on (the parser publishes none: published_date_early), kept if met
WHOLE_PROVINCE = "全省合计"  # a province's row over all its cities (the city menu hides it: it names no city)
NO_CITY = "城市不详"  # a province's reports that name no city, when others of it do


@dataclass
class Tally:
    """One row: reports published in each month after their year (``months[m]``, 1 = January of the next year,
    ``LATER`` every month after ``LAST_MONTH``, ``EARLY`` within the year itself), without a date
    (``unknown``), late and possibly late (``late``, ``possibly_late``), and all of them (``total``)."""
    months: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    unknown: int = 0
    unplaced: int = 0  # dated, but of no known year: no month after it (a row of year "")
    late: int = 0
    possibly_late: int = 0
    total: int = 0

    def add(self, month: int | None, severity: str | None, dated: bool = False) -> None:
        self.total += 1
        if month is None and dated:
            self.unplaced += 1
        elif month is None:
            self.unknown += 1
        else:
            self.months[month] += 1
        self.late += severity in ("warning", "error")
        self.possibly_late += severity == "info"


@dataclass
class Tallies:
    """``rows``: {(year, province, city, kind): Tally}, city ``WHOLE_PROVINCE`` for the province's own row (written
    only when some report of the province names a city), year ``""`` for the reports without a year."""
    rows: dict[tuple[str, str, str, str], Tally]


def month_after(year: str, published: str) -> int | None:
    """The month of ``published`` (ISO date) counted from the end of ``year``: 1 for January of the next year,
    ``LATER`` after ``LAST_MONTH``, ``EARLY`` within the year or before; None without a date.

    >>> month_after("2024", "2025-03-31"), month_after("2024", "2026-01-05"), month_after("2024", "")
    (3, 7, None)
    """
    if not published or not year:
        return None
    months = (int(published[:4]) - int(year) - 1) * 12 + int(published[5:7])
    return EARLY if months < 1 else min(months, LATER)


def tally(reports: Iterable[dict], findings: dict[str, list[dict]], timely: dict[str, str],
          where: Callable[[dict], tuple[str, str]]) -> Tallies:
    """The reports' publication months by year, province, city and kind. ``findings``: {report_id: [{code,
    severity}]}; ``timely``: {code: severity} of the timeliness checks; ``where(report)``: (province, city), the
    city ``""`` when unknown."""
    rows: dict[tuple[str, str, str, str], Tally] = defaultdict(Tally)
    cities: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in reports:
        if r.get("duplicate_of") or r.get("status") == "failed":
            continue
        year = str(r.get("year") or "")
        province, city = where(r)
        severities = [timely[f["code"]] for f in findings.get(r["report_id"], []) if f["code"] in timely]
        severity = min(severities, key=("error", "warning", "info").index) if severities else None
        month = month_after(year, r.get("published_date") or "")
        kind = r.get("kind") or "unknown"
        cities[year, province].add(city)
        rows[year, province, city, kind].add(month, severity, dated=bool(r.get("published_date")))
    out: dict[tuple[str, str, str, str], Tally] = {}
    for (year, province, city, kind), t in rows.items():
        if cities[year, province] == {""}:  # no report of the province names a city: its one row is the province's
            out[year, province, WHOLE_PROVINCE, kind] = t
            continue
        out[year, province, city or NO_CITY, kind] = t
        whole = out.setdefault((year, province, WHOLE_PROVINCE, kind), Tally())
        for m, n in t.months.items():
            whole.months[m] += n
        whole.unknown += t.unknown
        whole.unplaced += t.unplaced
        whole.late += t.late
        whole.possibly_late += t.possibly_late
        whole.total += t.total
    return Tallies(out)


MONTHS_ID = "xxgk-months"  # its table's id is MONTHS_ID-table
KIND_ORDER = ("government", "department", "unknown")
NO_YEAR = "年度不详"  # the year cell of the reports without a year (the year menu offers years only)
# a month of a report without a year: not known, never 0 (render.cell's look for a missing value)
NO_MONTH = '<td class="xxgk-num xxgk-missing" title="年度不详，无法按年度后的月份计（不是0）">—</td>'


def _order(key: tuple[str, str, str, str]) -> tuple:
    """Provinces by name, the province's own rows before its cities', 城市不详 last; a place's years together, the
    latest first (an office reads its years one under the other)."""
    year, province, city, kind = key
    place = 0 if city == WHOLE_PROVINCE else 2 if city == NO_CITY else 1
    return (province, place, city, (1, 0) if not year else (0, -int(year)),
            KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER))


def months_section(tallies: Tallies, kind_zh: dict[str, str], year_column: str, province_column: str) -> str:
    """The section's HTML: one row per year, province (its own row, then each city's) and kind, the months after
    the year as columns. The table has the page's ``year_column`` and ``province_column`` (the city as the province
    cell's ``data-city``), so the page's menus narrow it like its lists; ``data-xxgk-tally`` tells the menus'
    status that its rows are counts, not reports. Empty when there is no report with a year."""
    if not tallies.rows:
        return ""
    early = any(t.months.get(EARLY) for t in tallies.rows.values())
    months = ([EARLY] if early else []) + list(range(1, LAST_MONTH + 1)) + [LATER]
    heads = {EARLY: "年度内", LATER: f"次年{LATER}月及以后", **{m: f"次年{m}月" for m in range(1, LAST_MONTH + 1)}}

    def num(n: int, month: bool = False) -> str:
        """A count; a month's 0 is ``data-zero`` (a phone's card leaves it to screen readers, xxgk.css)."""
        return f'<td class="xxgk-num"{" data-zero" if month and not n else ""}>{n}</td>'

    rows = []
    for key in sorted(tallies.rows, key=_order):
        year, province, city, kind = key
        t = tallies.rows[key]
        named = city not in (WHOLE_PROVINCE, NO_CITY)
        rows.append(['<td class="xxgk-word"' + (f' data-city="{esc(city)}"' if named else "")
                     + f">{esc(province)}</td>", f"<td>{esc(city)}</td>",
                     f'<td class="xxgk-word">{esc(year or NO_YEAR)}</td>',
                     f"<td>{esc(kind_zh.get(kind, kind))}</td>"]
                    + ([num(t.months.get(m, 0), month=True) for m in months] if year else
                       [NO_MONTH] * len(months))
                    + [num(t.unknown), num(t.late), num(t.possibly_late), num(t.total)])
    head = ([province_column, "城市", year_column, "类别"] + [heads[m] for m in months]
            + ["日期不详", "逾期", "可能逾期", "合计"])
    return "\n".join(filter(None, [
        "\n## 发布月份\n",  # (a page heading, #fabuyuefen; the page's HTML h2s are its finding codes' lists)
        "<p>各报告在报告年度的次年几月发布（2024年度报告：次年1月即2025年1月），按地区和类别计数，"
        "取自数据包 reports.csv 的发布日期（published_date）。条例第四十九条：政府部门的年度报告1月31日前、"
        "人民政府的汇总报告3月31日前公布。“逾期”是有“发布晚于法定期限”（late_publication）问题的报告，"
        "“可能逾期”是有“可能晚于部门期限”（possibly_late）提示的报告；“日期不详”是没有印出或未能读出发布日期的报告，"
        "不计入任何月份，也无法判断是否逾期（不是按时）；年度不详的报告无法按年度后的月份计，各月记为“—”。"
        "同一机构同一年度的多份报告只计一份（计入排名的那一份）；未能读取的文件（如解读页面、非报告文本）不是报告，不计入。</p>",
        table(head, rows, MONTHS_ID + "-table", extra=" data-phone-cards data-xxgk-tally",
              caption="各年度报告的发布月份（份）"),
        ]))
