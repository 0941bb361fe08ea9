"""Session 37, the package stage's CPU: work done once a report instead of once a metric or once a pair of years.

Each faster path is checked two ways: the work it no longer repeats, counted (these fail on the code before), and
its result against the definition it replaces, written out here (the same values, the same findings).
"""

from __future__ import annotations

import random

from xxgk.catalog import applicant_codes, outcome_codes, proceeding_codes, row_codes
from xxgk.identities import broken_identities, identities
from xxgk.package import metrics, report_card
from xxgk.package.collect import collect
from xxgk.package.metrics import evaluate, formula_for, metric_rows, report_values, table_edition

from .factory import tab_report


def _tables(seed: int, fmt: str) -> dict[str, list[dict]]:
    """One report's tables as the package's CSVs give them (text cells): table 三 and 四 filled at random, some
    cells blank, some identities broken (random numbers break most sums; a few reports are made to add up)."""
    rng = random.Random(seed)
    add_up = seed % 3 == 0

    def cell() -> str | None:
        return None if rng.random() < 0.05 else str(rng.choice([0, 0, 1, 2, 5, 11]))

    applications = []
    for row in row_codes(fmt):
        for applicant in applicant_codes():
            value = "0" if add_up else cell()
            applications.append({"report_id": "r", "row": row, "applicant": applicant, "value": value})
    review = [{"report_id": "r", "proceeding": p, "outcome": o, "value": "0" if add_up else cell()}
              for p in proceeding_codes() for o in outcome_codes()]
    return {"reports": [{"report_id": "r", "format": fmt}], "applications": applications,
            "review_litigation": review}


def _by_definition(tables: dict, fmt: str) -> dict:
    """``report_values``' values, each metric on its own: its identity checked over all its table's cells."""
    cells = {}
    for table, (a, b) in metrics.TABLE_KEYS.items():
        for row in tables.get(table, []):
            value = row.get("value")
            cells[(table, row[a], row[b])] = None if value in (None, "") else float(value)
    measures = {m for (t, _, m) in cells if t == "active_disclosure"}
    out = {}
    for m in metric_rows():
        edition = table_edition(m["formula"], measures, fmt)
        formula = formula_for(m, edition)
        broken = False
        if formula is not None and m.get("holds"):
            rule = next(r for r in identities() if r["id"] == m["holds"])
            along = 2 if rule["per"] == "column" else 1
            read = {ref.split(":")[along] for ref in metrics._TOKEN_REF.findall(formula)
                    if ref.startswith(rule["table"] + ":")}
            values = {(a, b): int(v) for (t, a, b), v in cells.items()
                      if t == rule["table"] and v is not None and v.is_integer()}
            broken = any(x.identity == m["holds"] and x.where in read
                         for x in broken_identities(rule["table"], edition or "2021", values))
        out[m["code"]] = None if formula is None or broken else metrics._rounded(evaluate(formula, cells), m["unit"])
    return out


def test_metric_values_are_those_of_each_metric_checked_on_its_own():
    held = 0
    for seed in range(60):
        fmt = "2019" if seed % 2 else "2021"
        tables = _tables(seed, fmt)
        assert report_values(tables, metric_rows())["r"] == _by_definition(tables, fmt), seed
        held += sum(v is None for v in report_values(tables, metric_rows())["r"].values())
    assert held  # some values were withheld: the identities were broken in some reports


def test_a_reports_table_is_checked_for_its_identities_once_however_many_metrics_hold_one(monkeypatch):
    calls = []

    def counted(table, fmt, values):
        calls.append(table)
        return broken_identities(table, fmt, values)

    monkeypatch.setattr(metrics, "broken_identities", counted)
    holding = [m for m in metric_rows() if m.get("holds")]
    assert len(holding) > 2  # (the case this is about: several metrics hold an identity of the same table)
    report_values(_tables(3, "2021"), metric_rows())
    assert calls and len(calls) == len(set(calls))  # each table once (it was once per metric holding an identity)


def test_a_kept_check_answers_for_another_metric_of_the_same_table_as_a_fresh_one():
    cells = {("applications", r, "total"): 0.0 for r in row_codes("2021")}
    cells[("applications", "total_processed", "total")] = 11.0  # 办理总计 11, every outcome 0: the sum is broken
    kept: dict = {}
    for formula in ("100 * applications:granted:total / applications:total_processed:total",
                    "applications:new:legal_person", "100 * applications:granted:legal_person / "
                    "applications:total_processed:legal_person"):
        assert metrics._broken_under("applications_processed_sum", formula, cells, "2021", kept) == \
            metrics._broken_under("applications_processed_sum", formula, cells, "2021")
    assert list(kept) == [("applications", "2021")]
    assert metrics._broken_under("applications_processed_sum", "applications:total_processed:total", cells, "2021",
                                 kept)


def _series(tmp_path, years: range) -> list:
    long_text = "本机关认真落实政府信息公开条例，持续完善主动公开目录，规范依申请公开办理流程，2023年度工作如下。" * 3
    folder = tmp_path / "reports"
    folder.mkdir()
    for year in years:
        moved = long_text.replace("2023", str(year))
        (folder / f"r{year}.txt").write_text(tab_report(year=year, narrative=moved), encoding="utf-8")
    return collect(folder)


def test_a_series_reads_each_sections_years_once(tmp_path, monkeypatch):
    reports = _series(tmp_path, range(2019, 2025))
    calls = []

    def counted(text, year):
        calls.append((text, year))
        return relative(text, year)

    relative = report_card.years_relative
    monkeypatch.setattr(report_card, "years_relative", counted)
    report_card.add_report_card(reports)
    assert calls and len(calls) == len(set(calls))  # each report's section once (it was once per pair of years)
    for report in reports:  # every year's copy was still found, its years moved on
        copied = [f for f in report.findings if f.code == "copied_text"]
        assert copied and all("年份" in f.message for f in copied)


def test_the_cross_year_findings_are_those_of_each_pair_compared_on_its_own(tmp_path):
    reports = _series(tmp_path, range(2019, 2025))
    report_card.add_report_card(reports)
    by_year = {r.record.year: r for r in reports}
    for report in reports:
        others = {y: r for y, r in by_year.items()}
        expected = []
        last = by_year.get(report.record.year - 1)
        if last is not None:
            expected += report_card.chain_findings(report, last)  # each with a reading of its own
        expected += report_card.copy_findings(report, others) + report_card.table_copy_findings(report, others)
        got = [f for f in report.findings if f.code in {"chain_carried_over", "chain_in_force", "copied_text",
                                                         "copied_numbers"}]
        assert sorted(map(repr, got)) == sorted(map(repr, expected))


def test_a_kept_series_rows_are_checked_by_their_cells_types_not_a_call_a_cell(monkeypatch):
    from xxgk.package import render_cache

    rows = [("reports", ("a", "b", "c"), ("x", 1, 2.5)), ("reports", None, (None, True, 3))]
    calls = []
    real = render_cache._scalar
    monkeypatch.setattr(render_cache, "_scalar", lambda value: calls.append(value) or real(value))
    data = render_cache.to_data([({"reports": "x\n"}, ((None, ""),), rows)])
    assert data is not None and calls == []  # (it was one call a cell)
    assert render_cache.from_data(data)[0][2] == rows


def test_the_row_check_is_the_cell_check_on_every_kind_of_cell():
    from decimal import Decimal

    from xxgk.package.render_cache import _scalar, _scalars

    kinds = ["x", "", 0, -3, 2**70, 1.5, -0.0, float("inf"), float("-inf"), float("nan"), True, False, None,
             Decimal("1.5"), b"x", ("a",), ["a"], {"a": 1}, object()]
    rng = random.Random(37)
    for _ in range(3000):
        values = tuple(rng.choice(kinds) for _ in range(rng.randrange(0, 6)))
        assert _scalars(values) == all(_scalar(v) for v in values), values
