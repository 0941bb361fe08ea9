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


def _gate_cases() -> list[str]:
    """Texts at the edges of the Traditional-character gate: none, one at the start, one at the end, one between
    astral characters (outside the Basic Multilingual Plane, no surrogates), an astral character alone, the whole
    set, and every converted character once alone."""
    from xxgk.readers import _converted

    converted = sorted(_converted())
    first, last = converted[0], converted[-1]
    plain = "某县政府信息公开工作年度报告\n一、总体情况\t12\t0\n"
    astral = "\U00020000\U0002a6d6\U0001f600"
    return ["", plain, "乾县", astral, first + plain, plain + last, astral + last + astral, plain + astral,
            "".join(converted), *converted]


def test_the_traditional_gate_answers_as_the_sets_isdisjoint():
    """``readers.holds_converted`` (a compiled character class, session 44) says a text holds a character
    ``to_simplified`` converts exactly when the set's ``isdisjoint`` (the check before it) says so; and a text with
    none comes back from ``to_simplified`` as the very object given."""
    from xxgk.readers import _converted, holds_converted, to_simplified

    cases = _gate_cases()
    assert [holds_converted(text) for text in cases] == [not _converted().isdisjoint(text) for text in cases]
    assert [holds_converted(text) for text in cases[:4]] == [False] * 4  # (the set's answer, said in the test)
    for text in cases:
        if _converted().isdisjoint(text):
            assert to_simplified(text) is text
