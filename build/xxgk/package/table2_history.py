"""Table 二 digit runs cut by the same agency's previous-year report in the build.

Flattened web pages run the cells of a table-二 row together (``行政规范性文件693665``); inside one
report several cuts are possible, so the parser publishes the row missing (``cells_ambiguous``).
Across reports there is one more constraint: the documents in force at the end of last year, plus
those issued, minus those repealed this year, are the documents in force now::

    in_force(year - 1) + issued − repealed = in_force

A cut is published only when **exactly one** cut agrees with the previous year's in-force count of
the same agency (one report for that year, its count read, not guessed); the finding then becomes
``cells_cut_by_previous_year`` and the cells' ``placed_by`` is ``previous_year``. Reports are taken
in year order, so a year settled this way can settle the next one.
"""

from __future__ import annotations

from dataclasses import replace

from ..agency.registry import series_key
from ..catalog import item_measures, labels
from ..findings import make
from ..splitting import splits
from .collect import Report

MEASURES = ("issued", "repealed", "in_force")


def _items() -> dict[str, str]:
    """``{Chinese label: item}`` of the items printed with (issued, repealed, in force)."""
    return {labels()["items"][item]: item for item, names in item_measures("2021").items()
            if tuple(names) == MEASURES}


def _by_agency_year(reports: list[Report]) -> dict[tuple[str, int], list[Report]]:
    """Reports by (agency, year): the agency as resolved (``registry.series_key``), so that one printed
    as 格尔木市数据局 one year and 青海省格尔木市数据局 the next is one series, and two 鼓楼区 are two. A file not read
    (``failed``: an explainer, a school year's …) is no year's report: an explainer of last year's report made that
    year two reports, so its in-force count cut nothing (session 45)."""
    out: dict[tuple[str, int], list[Report]] = {}
    for r in reports:
        if r.status == "failed":
            continue
        key = series_key(r)
        if key is not None and r.record.year is not None:
            out.setdefault((key, r.record.year), []).append(r)
    return out


def settle_with_previous_year(reports: list[Report]) -> None:
    """Cut ambiguous table-二 rows where exactly one cut continues last year's in-force count (in place)."""
    items = _items()
    index = _by_agency_year(reports)
    for report in sorted(reports, key=lambda r: (r.record.year or 0, r.report_id)):
        record = report.record
        if record.formats.get("active") != "2021":
            continue
        for finding in list(record.findings):
            item = items.get(finding.row or "")
            if finding.code != "cells_ambiguous" or finding.table != "2" or item is None:
                continue
            same = index.get((series_key(report), (record.year or 0) - 1), [])
            previous = same[0] if len(same) == 1 else None
            last = previous.record.values("active").get((item, "in_force")) if previous else None
            if not isinstance(last, int):
                continue
            cuts = [c for c in splits((finding.actual or "").split(" "), 3, lambda v: True)
                    if c[2] == last + c[0] - c[1]]
            if len(cuts) != 1:
                continue
            values = dict(zip(MEASURES, cuts[0], strict=True))
            record.facts = [replace(f, value=values[f.keys[1]], placed_by="previous_year")
                            if f.table == "active" and f.keys[0] == item else f for f in record.facts]
            settled = make("cells_cut_by_previous_year", table="2", row=finding.row, actual=finding.actual,
                           expected=" ".join(map(str, cuts[0])), line=finding.line)
            record.findings[record.findings.index(finding)] = settled
