"""Session 44, helper A: a failed file is not scored on timeliness; the over-budget finding says what the budget
counts; the Traditional-character gate of ``readers.to_simplified``; the package writer's held state bounded.
Synthetic reports only (``tests/factory.py``'s layout, the explainer page of ``test_h42explainer``)."""

from __future__ import annotations

from xxgk.catalog import table
from xxgk.package.collect import collect
from xxgk.package.report_card import add_report_card
from xxgk.readers import BUDGET, WALL_PER_CPU

from .factory import tab_report
from .test_h42explainer import EXPLAINER

TIMELINESS = {"late_publication", "possibly_late"}


def test_a_failed_file_with_a_date_gets_no_timeliness_finding(tmp_path):
    """A page that is not the report (an explainer: failed) dated June of the next year is no report published late
    by its agency; the same date on a report read in full is late for everyone (the date is read alike)."""
    (tmp_path / "explainer.txt").write_text(EXPLAINER + "\n样例县教育局\n2024年6月1日\n", encoding="utf-8")
    (tmp_path / "report.txt").write_text(tab_report(agency="样例县教育局", year=2023, published="2024年6月1日"),
                                         encoding="utf-8")
    reports = {r.source_file: r for r in collect(tmp_path)}
    add_report_card(list(reports.values()))
    failed, read = reports["explainer.txt"], reports["report.txt"]
    assert failed.status == "failed" and failed.record.published_date == "2024-06-01"
    assert {f.code for f in failed.findings} & TIMELINESS == set(), [f.code for f in failed.findings]
    assert {f.code for f in read.findings} & TIMELINESS == {"late_publication"}


def test_the_over_budget_finding_says_its_time_is_cpu_seconds_with_a_wall_backstop():
    """Since session 43 a file's time budget is CPU seconds (the profiling timer), with a wall-clock backstop at
    ``WALL_PER_CPU`` times it: the finding's description (English and Chinese) says both, with the figures in
    force."""
    row = next(r for r in table("findings") if r["code"] == "over_budget")
    english, chinese = row["description_en"], row["explanation_zh"]
    seconds, times = f"{BUDGET.seconds:g}", str(WALL_PER_CPU)
    assert "CPU" in english and "wall-clock" in english and seconds in english and times in english, english
    assert "CPU" in chinese and "墙钟" in chinese and seconds in chinese and times in chinese, chinese
