"""The report card: checks that need more than one report's text — other years of the same
agency, the manifest's facts, the calendar — added as findings to each Report. Pure.

* completeness: a report on 2021 or later whose tables follow the 2019 template;
* cross-year chains: 上年结转(y) = 结转下年度(y-1); 现行有效(y) = 现行有效(y-1) + 制发(y) − 废止(y)
  (information, not error: real series break them);
* copy-paste: a narrative section identical to the agency's report of another year (its years moved on or not),
  or table 三's numbers all equal to another year's;
* timeliness (条例 第四十九条): after 31 March of the next year is late for everyone; February and
  March are late for a department but not for a government's summary report (the publisher's tier
  and kind as resolved by ``xxgk.agency``, the manifest's ``level`` winning);
* plausibility: fees charged but section 六 does not mention them; an amount of table 二 no publisher of the
  tier could have (``amount_bounds``: voided, a sum in 元 printed under 万元);
* a publisher's district abolished before the year reported on (``rules/division_abolished.csv``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from ..agency.divisions import divisions, successors
from ..agency.registry import agency_key, deadline, deadline_rule, identity_of, series_key
from ..catalog import applicant_codes, labels, table
from ..findings import Finding, make
from .amount_bounds import void_implausible_amounts
from .collect import Report

PROCESSING_FEE_FROM = 2021  # 《政府信息公开信息处理费管理办法》 in force from 1 January 2021


def _by_agency_year(reports: list[Report]) -> dict[str, dict[int, Report]]:
    """``{series key: {year: report}}``: the report counted for each year (``mark_counted``), else the first. A file
    not read (``failed``) is no year's report: the next year's report is compared with the year's report, never with
    an explainer or a school year's page of that year (the first by file name, it had been the year's)."""
    out: dict[str, dict[int, Report]] = defaultdict(dict)
    for report in sorted(reports, key=lambda r: getattr(r, "duplicate_of", None) is not None):
        if report.status == "failed":
            continue
        key = series_key(report)
        if key and report.record.year and report.record.year not in out[key]:
            out[key][report.record.year] = report
    return out


class Readings:
    """What the cross-year checks read of a series' reports, each worked out once a report: a table's values
    (``Record.values``) and a section's text with its years read relative to the report's own (``years_relative``).
    Every report of a series is compared with every other, so each was read once per other report (a series of
    seven years read each section's years seven times)."""

    def __init__(self):
        self._values: dict[tuple[int, str], dict] = {}
        self._relative: dict[tuple[int, str, int], str] = {}

    def values(self, report: Report, table: str) -> dict:
        key = (id(report), table)  # (the series' reports outlive this object: an id names one report)
        if key not in self._values:
            self._values[key] = report.record.values(table)
        return self._values[key]

    def relative(self, report: Report, code: str, year: int) -> str:
        key = (id(report), code, year)
        if key not in self._relative:
            self._relative[key] = years_relative(report.record.sections[code], year)
        return self._relative[key]


def chain_findings(this: Report, last: Report, read: Readings | None = None) -> list[Finding]:
    read = read or Readings()
    out = []
    now, before = read.values(this, "applications"), read.values(last, "applications")
    for applicant in applicant_codes():
        a, b = now.get(("carried_over", applicant)), before.get(("carried_forward", applicant))
        if isinstance(a, int) and isinstance(b, int) and a != b:
            out.append(make("chain_carried_over", table="3", column=labels()["applicants"][applicant], actual=a,
                            expected=b, line=next((f.line for f in this.record.facts
                                                   if f.keys == ("carried_over", applicant)), None)))
    now2, before2 = read.values(this, "active"), read.values(last, "active")
    for item in ("rules", "normative_documents"):
        values = [before2.get((item, "in_force")), now2.get((item, "issued")), now2.get((item, "repealed")),
                  now2.get((item, "in_force"))]
        if all(isinstance(v, int) for v in values) and values[0] + values[1] - values[2] != values[3]:
            out.append(make("chain_in_force", table="2", row=labels()["items"][item], actual=values[3],
                            expected=values[0] + values[1] - values[2],
                            detail=f"现行有效{values[0]}件 + 本年制发{values[1]}件 − 本年废止{values[2]}件"))
    return out


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
YEARS_APART = 5  # a year printed within this many of the report's own is read relative to it (2025年下半年 → 本年)


def years_relative(text: str, year: int) -> str:
    """``text`` with each year near the report's own ``year`` written relative to it, so that two years' reports
    read the same where one was copied from the other with its years moved on (the commonest copy-paste).

    >>> years_relative("2025年下半年，对照2024年的问题", 2025) == years_relative("2024年下半年，对照2023年的问题", 2024)
    True
    """
    def relative(match: re.Match) -> str:
        offset = int(match.group()) - year
        return f"〔年{offset:+d}〕" if abs(offset) <= YEARS_APART else match.group()

    return _YEAR.sub(relative, text)


def copy_findings(this: Report, others: dict[int, Report], read: Readings | None = None) -> list[Finding]:
    """``copied_text`` for each long narrative section identical to the same agency's report of another year
    (``others``: its reports by year), as printed or once each text's years are read relative to its own year
    (the message then says 除年份外: a copy whose years were moved on was not found). The finding is on both
    reports (which one copied is not known) at the section's heading line. A copy of the same year is a duplicate
    (``duplicate_report``), not a section copied from last year's report. ``read``: the series' ``Readings``."""
    read = read or Readings()
    out = []
    record = this.record
    for code, text in record.sections.items():
        if len(text) < 50:
            continue
        moved = read.relative(this, code, record.year)
        for year, other in sorted(others.items()):
            if year == record.year:
                continue
            printed = other.record.sections.get(code)
            if printed == text or (printed is not None and read.relative(other, code, year) == moved):
                out.append(make("copied_text", row=labels()["sections"][code], detail=str(year),
                                line=record.section_lines.get(code), case="" if printed == text else "years_moved"))
                break
    return out


def table_copy_findings(this: Report, others: dict[int, Report], read: Readings | None = None) -> list[Finding]:
    """``copied_numbers`` when every number of table 三 equals the same agency's report of another year (every cell
    read, not all 0: an agency that received no request prints the same zeros each year lawfully) — REPORT_FORMAT's
    "identical numbers year after year", on both reports, at the table's first line. ``read``: the series'
    ``Readings``."""
    read = read or Readings()
    mine = read.values(this, "applications")
    if not mine or not all(isinstance(v, int) for v in mine.values()) or not any(mine.values()):
        return []
    for year, other in sorted(others.items()):
        if year != this.record.year and read.values(other, "applications") == mine:
            line = min((f.line for f in this.record.facts if f.table == "applications" and f.line), default=None)
            return [make("copied_numbers", table="3", actual=len(mine), detail=str(year), line=line)]
    return []


LATE_FOR_EVERYONE = "条例第四十九条：部门报告最晚1月31日、政府汇总报告最晚3月31日"  # the agency's kind unknown
KIND_UNKNOWN = "未能确定发布机关是人民政府部门还是人民政府：部门报告应于1月31日前发布（政府汇总报告为3月31日）"


def timeliness_findings(report: Report) -> list[Finding]:
    """条例 第四十九条 by the publisher's tier and kind (``rules/agency_deadlines.csv``): a government's
    summary report by 31 March, a department's by 31 January. Published after the agency's own deadline is
    ``late_publication`` when that deadline is the regulation's for a known kind (a department in February was
    only ``possibly_late``, info, and kept its 100 and its first rank); ``possibly_late`` (info) where the
    deadline is a guess: the kind unknown (31 January applied), or a rule of ours (a township). After 31 March
    every report is late. The message gives the deadline's reason. A file not read (``failed``: no report text, a
    page explaining a report, a report in the 2008 form, a school year's) is no report its agency published late or
    on time, whatever date it carries: none (it had ``late_publication`` as if it were the report, session 44)."""
    record = report.record
    if not (record.published_date and record.year) or report.status == "failed":
        return []
    agency = identity_of(report)
    rule = deadline_rule(agency)
    try:  # a date that does not exist is already missing (metadata); never let one stop the build
        published = date.fromisoformat(record.published_date)
        due, march = deadline(record.year, agency), date(record.year + 1, 3, 31)
    except (ValueError, OverflowError):
        return []
    known = agency.kind is not None and rule["quoted"] == "yes"
    reason = rule["reason_zh"] if agency.kind is not None else KIND_UNKNOWN
    if known and published > due:  # measured against its own deadline, whenever it was published
        return [make("late_publication", actual=record.published_date, expected=due.isoformat(), detail=reason)]
    if published > max(march, due):
        return [make("late_publication", actual=record.published_date, expected=max(march, due).isoformat(),
                     detail=LATE_FOR_EVERYONE)]
    if published > due:
        return [make("possibly_late", actual=record.published_date, expected=due.isoformat(), detail=reason)]
    return []


def abolished_findings(report: Report) -> list[Finding]:
    """``agency_division_abolished`` when the publisher was placed in a district abolished before the year the
    report is on (``rules/division_abolished.csv``: 闸北区 in 2015): no such district existed that year, so the
    year or the publisher was misread, or the report printed a former name. A report on the year of the abolition
    itself is not flagged (闸北区's 2015 report, published in 2016, was due)."""
    record = report.record
    division = divisions().get(identity_of(report).county_code or "")
    if division is None or not division.abolished or not record.year or record.year <= int(division.abolished):
        return []
    went = "、".join(d.name for d in successors(division))
    return [make("agency_division_abolished", actual=str(record.year), expected=division.abolished,
                 detail=f"{division.name}已于{division.abolished}年撤销" + (f"，区域今属{went}" if went else ""))]


def format_findings(report: Report) -> list[Finding]:
    record = report.record
    if not record.year or record.year < 2021:
        return []
    return [make("format_outdated", table={"active": "2", "applications": "3"}[t], expected=record.year)
            for t in ("active", "applications") if record.formats.get(t) == "2019"]


def _fee_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(words saying whether a fee was charged, words of other fees)`` of ``rules/processing_fee_words.csv``."""
    rows = table("processing_fee_words")
    return (tuple(r["word"] for r in rows if r["says_fee"] == "yes"),
            tuple(sorted((r["word"] for r in rows if r["says_fee"] != "yes"), key=len, reverse=True)))


def says_processing_fee(text: str) -> bool:
    """Whether ``text`` (section 六) says whether a fee was charged: one of the fee words once the names of other
    fees are taken out (本局无行政事业性收费项目 says nothing of 信息处理费).

    >>> says_processing_fee("本年度未收取信息处理费。"), says_processing_fee("本局无行政事业性收费项目。")
    (True, False)
    """
    says, others = _fee_words()
    for other in others:
        text = text.replace(other, "")
    return any(word in text for word in says)


def fee_findings(report: Report) -> list[Finding]:
    """``processing_fee_unstated`` when section 六 of a report on 2021 or later does not say whether 信息处理费 was
    charged (the fee a request may cost since 国办函〔2020〕109号; the reviewers' check, REPORT_FORMAT.md). Table
    二's 行政事业性收费 is not looked at: it is the agency's administrative fees, another thing (it sent an agency
    with ¥16 million of them to explain them in section 六), nor does section 六 naming them say anything of
    信息处理费 (``says_processing_fee``)."""
    record = report.record
    other = record.sections.get("other_matters")
    if record.year and record.year >= PROCESSING_FEE_FROM and other is not None and not says_processing_fee(other):
        return [make("processing_fee_unstated", line=record.section_lines.get("other_matters"))]
    return []


def add_report_card(reports: list[Report]) -> None:
    """Add every report-card finding to the reports (in place) and mark the report counted for each agency-year.

    The counted report is chosen on each file's own findings (its reading and this card's checks of the file
    alone), before the cross-year checks, which then compare every file with the report counted for the other
    year (audit 29: the checks ran on the first file of a year only, against the first of last year, and the
    finding they added made that file the worse-read one, so the other file was counted and ranked with none).

    A file not read (``failed``: no report text, an explainer, the 2008 form, a school year's, unreadable, over
    budget) is not a report: none of the card's checks reaches it (it had ``agency_division_abolished``,
    ``processing_fee_unstated``, ``format_outdated`` and ``copied_text`` as if its agency had published it), and it
    is no other year's report in the cross-year checks (``_by_agency_year``).

    An amount no publisher of the report's tier could have is voided here (``amount_bounds``), before the report
    counted for its agency-year is chosen and before any check compares it with another year."""
    read_files = [report for report in reports if report.status != "failed"]
    for report in read_files:
        report.file_findings += (timeliness_findings(report) + format_findings(report) + fee_findings(report)
                                 + abolished_findings(report) + void_implausible_amounts(report))
    mark_counted(reports)
    series = _by_agency_year(reports)
    read = Readings()
    for report in read_files:
        record = report.record
        if series_key(report) and record.year:
            years = series[series_key(report)]
            last = years.get(record.year - 1)
            found = chain_findings(report, last, read) if last is not None else []
            report.file_findings += found + copy_findings(report, years, read) + table_copy_findings(report, years,
                                                                                                      read)


def counted_order(report: dict) -> tuple:
    """How the report counted for an agency-year is chosen among its files (a sort key, the first counted):
    a report read in full (``parsed``) before one read in part; then the fewer findings (the better-read file, or
    the corrected re-issue whose sums now hold); then the later publication (a re-issue; a file without a date
    last); then the file name. Its fields are those of a ``reports`` row.

    >>> rows = [{"status": "parsed", "finding_count": 3, "published_date": "2025-01-20", "source_file": "a.pdf"},
    ...         {"status": "parsed", "finding_count": 1, "published_date": "2025-01-20", "source_file": "b.html"},
    ...         {"status": "partial", "finding_count": 0, "published_date": "2025-02-01", "source_file": "c.txt"}]
    >>> [r["source_file"] for r in sorted(rows, key=counted_order)]
    ['b.html', 'a.pdf', 'c.txt']
    """
    date = str(report.get("published_date") or "")
    return (report.get("status") != "parsed", report.get("finding_count") or 0,
            (0, tuple(-ord(c) for c in date)) if date else (1, ()), report.get("source_file") or "")


def mark_counted(reports: list[Report]) -> None:
    """Set ``duplicate_of`` (the ``reports`` column) on every report of an agency-year that is not the one counted
    (``counted_order``): an HTML page and its PDF, a corrected re-issue, a byte-identical copy — each kept in the
    data with its ``duplicate_report`` finding, but only one ranked, counted in a group's size, a peer-group median
    or the home page's totals (audit 28: both were ranked and counted). A file not read (``failed``) is counted for
    nothing and no duplicate of anything; a report whose agency was not identified is in no agency-year."""
    groups: dict[tuple, list[Report]] = defaultdict(list)
    for report in reports:
        report.duplicate_of = None
        key = agency_key(report)
        if key is not None and report.record.year and report.status != "failed":
            groups[(key, report.record.year)].append(report)
    for group in groups.values():
        if len(group) > 1:
            rows = {r.report_id: {"status": r.status, "finding_count": len(r.findings), "source_file": r.source_file,
                                  "published_date": r.record.published_date} for r in group}
            counted = min(group, key=lambda r: counted_order(rows[r.report_id]))
            for report in group:
                report.duplicate_of = None if report is counted else counted.report_id


# -- scoring -----------------------------------------------------------------------------------------------
# The score grades what the agency published, not how well we read it: only findings whose
# ``responsibility`` in rules/findings.csv is ``agency`` (broken identities, late publication, prose against
# table, copy-paste, …) take points off; the limits of our reading (cells we could not cut, rows we could
# not align, labels we did not recognise) are shown beside the score but never count. Scores are compared
# only within one year, one administrative tier and one kind (``score_group``), nationally: a county government's
# summary report is ranked with the county governments' of every province, a county department with the county
# departments (audit 27: 湟中区's summary report ranked among 格尔木's and 海城's 数据局; the two are different
# documents, due on different dates). The peer medians, ``peer_group``, are narrower still.

ERROR_POINTS, WARNING_POINTS = 10, 3
UNKNOWN_TIER = "unknown"
UNKNOWN_KIND = "unknown"


def counts_against_agency(code: str) -> bool:
    """True when a finding of ``code`` is the agency's own problem (``responsibility: agency``)."""
    from ..catalog import findings_catalogue

    return findings_catalogue().get(code, {}).get("responsibility") == "agency"


def split_findings(findings: list[dict]) -> tuple[list[dict], list[dict]]:
    """``(the agency's own problems, the limits of our reading)`` among a report's findings (dicts with ``code``)."""
    own = [f for f in findings if counts_against_agency(f["code"])]
    return own, [f for f in findings if not counts_against_agency(f["code"])]


def agency_score(findings: list[dict]) -> int:
    """100 − 10 per error − 3 per warning among the agency's own problems (info never counts), floored at 0."""
    own, _ = split_findings(findings)
    errors = sum(f["severity"] == "error" for f in own)
    warnings = sum(f["severity"] == "warning" for f in own)
    return max(0, 100 - ERROR_POINTS * errors - WARNING_POINTS * warnings)


def score_group(report: dict) -> tuple[str, str, str]:
    """The group within which scores are compared: ``(year, tier, kind)``, the tier (national, province,
    prefecture, county, township) and the kind (``government``: a people's government's summary report;
    ``department``) as resolved for the publishing agency, the manifest winning where it gives one.

    >>> score_group({"year": 2025, "tier": "county", "kind": "government"}), score_group({"year": 2025})
    (('2025', 'county', 'government'), ('2025', 'unknown', 'unknown'))
    """
    return (str(report.get("year") or ""), report.get("tier") or UNKNOWN_TIER, report.get("kind") or UNKNOWN_KIND)


def copies(reports: list[dict]) -> dict[str, dict]:
    """``{report_id: the report counted in its place}``: every report of an agency-year that is not the one counted
    (the package's ``reports.duplicate_of``, ``mark_counted``: an HTML page and its PDF, a corrected re-issue), and
    every byte-identical copy (the same ``sha256``) of a file that was read: the first of them by file name
    (``source_file``) is the report, the others are its copies.
    A copy is neither ranked nor counted in a group's size or a peer-group median (one document counted twice
    would inflate both); its page says whose copy it is. Files not read (``failed``) are not copies of anything.

    >>> a, b = ({"report_id": i, "source_file": f, "sha256": "x", "status": "parsed"} for i, f in (("b", "b.txt"),
    ...                                                                                             ("a", "a.txt")))
    >>> {k: v["report_id"] for k, v in copies([a, b]).items()}
    {'b': 'a'}
    """
    by_id = {r["report_id"]: r for r in reports}
    out = {r["report_id"]: by_id[r["duplicate_of"]] for r in reports if r.get("duplicate_of") in by_id}
    first: dict[str, dict] = {}
    for r in sorted(reports, key=lambda r: (r.get("source_file") or "", r["report_id"])):
        if r.get("sha256") and r.get("status") != "failed" and r["report_id"] not in out:
            first.setdefault(r["sha256"], r)
    return out | {r["report_id"]: first[r["sha256"]] for r in reports
                  if r["report_id"] not in out and r.get("sha256") in first
                  and first[r["sha256"]]["report_id"] != r["report_id"] and r.get("status") != "failed"}


def ranks(reports: list[dict], scores: dict[str, int]) -> dict[str, tuple[int, int]]:
    """``{report_id: (rank, size of its group)}``, ranked by score within one year, one tier and one kind
    (``score_group``); equal scores share a rank (1, 1, 3). Reports without a year are not ranked, nor a
    byte-identical copy of another report (:func:`copies`: the first by file name is ranked, and the group counts
    it once)."""
    groups: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    copied = copies(reports)
    for r in reports:
        if r.get("year") and r["report_id"] not in copied:
            groups[score_group(r)].append(r["report_id"])
    out = {}
    for ids in groups.values():
        rank: dict[int, int] = {}  # score → 1 + how many in the group scored higher (n log n, not n²)
        for position, value in enumerate(sorted((scores[i] for i in ids), reverse=True), start=1):
            rank.setdefault(value, position)
        for i in ids:
            out[i] = (rank[scores[i]], len(ids))
    return out
