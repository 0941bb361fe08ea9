"""What the cross-report pages need of every report, gathered in one streamed pass (``Package.stream``).

The site's cross-report views — peer medians, ranks, an agency's years, the home page's totals, the quality
page's first rows per check, the browser's JSON per metric — need a little of every report, never all of
its rows. So one pass over the package keeps, per report, its published metric values (a tuple behind a
read-only mapping: :class:`MetricRow`) and its findings reduced to ``code`` and ``severity`` (one shared
dict per distinct pair), and, per finding code, the count and the first ``keep_per_code`` findings in full.
That is a small head per report; the rows themselves are read again, a report at a time, when its page is
written.

The metric values are read from the package's ``metric_values`` resource, which the package writer computes
with ``report_values`` over the same rows the tidy tables publish (``package/metrics.py``, the one evaluator):
the pass reads ≈ 30 short rows a report instead of table 3's ≈ 175 (``tests/test_site_stream.py`` proves the
values, types included, equal ``report_values`` of the tables).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from ..package.metrics import table2_edition
from .data import METRIC_VALUES, Package, metric_value

# the per-report resources the metric values, the findings and table 二's template edition come from
SUMMARISED = (METRIC_VALUES, "findings", "active_disclosure")


class MetricRow(Mapping):
    """``{metric code: value}`` of one report, stored as a tuple in the order of the ``metrics`` resource."""

    __slots__ = ("_index", "_values")

    def __init__(self, index: dict[str, int], values: tuple):
        self._index, self._values = index, values

    def __getitem__(self, code: str):
        return self._values[self._index[code]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


@dataclass
class Summaries:
    """``values``: {report_id: MetricRow}; ``findings``: {report_id: [{code, severity}]} for the reports that
    have findings, in package order; ``by_code``: {code: (count, first findings in full as (report_id, row))};
    ``table2``: {report_id: table 二's template edition, told by its measures (``metrics.table2_edition``; None when
    no table 二 was read)}: the agency and compare pages take a table-二 measure's edition from it, not from
    ``reports.format`` (table 三's), and the compare page's JSON is written before the report pages' pass;
    ``failed``: {report_id: its first ``FAILED_MESSAGES`` findings' messages} of each file that could not be read
    and names no agency (the quality page's list of files without a page of their own, ``titles.pageless_reports``);
    ``missing``: {report_id: MetricRow of each metric's ``metric_values.missing``, the reason its value is empty
    (codes list ``missing_reasons``), None where the value is there}: the pages say it, never recompute it."""

    values: dict[str, MetricRow] = field(default_factory=dict)
    missing: dict[str, MetricRow] = field(default_factory=dict)
    findings: dict[str, list[dict]] = field(default_factory=dict)
    by_code: dict[str, tuple[int, list[tuple[str, dict]]]] = field(default_factory=dict)
    table2: dict[str, str | None] = field(default_factory=dict)
    failed: dict[str, list[str]] = field(default_factory=dict)


FAILED_MESSAGES = 3  # a failed file's reasons the quality page quotes (one, mostly: 空文件, 超过上限 …)


def summarise(pkg: Package, keep_per_code: int) -> Summaries:
    """One pass over ``pkg.stream(SUMMARISED)``. Raises ``ValueError`` when a report lacks the value of a metric
    of the ``metrics`` resource, or has one of a metric it does not define (never a value silently missing)."""
    metrics = pkg.tables["metrics"]
    index = {m["code"]: i for i, m in enumerate(metrics)}
    shared: dict[tuple[str, str], dict] = {}
    out = Summaries()
    counts: dict[str, int] = {}
    first: dict[str, list[tuple[str, dict]]] = {}
    for report, rows in pkg.stream(SUMMARISED):  # (the sections, the narrative texts, are not needed here)
        rid = report["report_id"]
        out.values[rid] = MetricRow(index, _metric_tuple(rid, rows[METRIC_VALUES], index))
        out.missing[rid] = MetricRow(index, _reason_tuple(rows[METRIC_VALUES], index))
        out.table2[rid] = table2_edition({r["measure"] for r in rows["active_disclosure"]})
        if rows["findings"]:
            out.findings[rid] = [shared.setdefault((f["code"], f["severity"]),
                                                   {"code": f["code"], "severity": f["severity"]})
                                 for f in rows["findings"]]
        if report["status"] == "failed" and not report.get("agency_id"):
            out.failed[rid] = [f["message"] for f in rows["findings"][:FAILED_MESSAGES]]
        for f in rows["findings"]:
            counts[f["code"]] = counts.get(f["code"], 0) + 1
            kept = first.setdefault(f["code"], [])
            if len(kept) < keep_per_code:
                kept.append((rid, f))
    out.by_code = {code: (n, first[code]) for code, n in counts.items()}
    return out


def _reason_tuple(rows: list[dict], index: dict[str, int]) -> tuple:
    """The reasons of one report's empty ``metric_values`` (``missing``) in the order of ``index``; None where the
    value is there (``_metric_tuple`` has checked the rows)."""
    reasons: list = [None] * len(index)
    for row in rows:
        reasons[index[row["metric"]]] = row.get("missing") or None
    return tuple(reasons)


def _metric_tuple(rid: str, rows: list[dict], index: dict[str, int]) -> tuple:
    """The values of one report's ``metric_values`` rows in the order of ``index`` ({code: position})."""
    values: list = [None] * len(index)
    seen = 0
    for row in rows:
        position = index.get(row["metric"])
        if position is None:
            raise ValueError(f"metric_values: {rid} has a value of {row['metric']!r}, which metrics does not define")
        values[position] = metric_value(row["value"])
        seen += 1
    if seen != len(index) or len({row["metric"] for row in rows}) != seen:
        raise ValueError(f"metric_values: {rid} has {seen} values for {len(index)} metrics")
    return tuple(values)
