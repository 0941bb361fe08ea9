"""Session 44, helper A: a failed file is not scored on timeliness; the over-budget finding says what the budget
counts; the Traditional-character gate of ``readers.to_simplified``; the package writer's held state bounded.
Synthetic reports only (``tests/factory.py``'s layout, the explainer page of ``test_h42explainer``)."""

from __future__ import annotations

import pytest

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


# -- the package write's Parquet row groups, bounded by their text bytes (session 44) -------------------------------
TEXT_SCHEMA = {"fields": [{"name": "n", "type": "integer"}, {"name": "text", "type": "string"}]}


def _write_both_ways(tmp_path, texts: list, monkeypatch) -> tuple[list[int], list]:
    """``texts`` as a CSV of (n, text) rows written by the Arrow path (no Python fallback allowed) and by
    ``parquet_bytes``; both files must be the same bytes. Returns the row groups' sizes and the rows read back."""
    import pyarrow.parquet as pq

    from xxgk.package import parquet
    from xxgk.package.write import csv_bytes

    data = csv_bytes([{"n": i, "text": t} for i, t in enumerate(texts)], ["n", "text"])
    (tmp_path / "t.csv").write_bytes(data)

    def no_fallback(*args, **kwargs):
        raise AssertionError("the Python path was taken")

    with monkeypatch.context() as patch:
        patch.setattr(parquet, "write_parquet", no_fallback)
        parquet.write_parquet_file(tmp_path / "t.csv", TEXT_SCHEMA, tmp_path / "t.parquet")
    written = (tmp_path / "t.parquet").read_bytes()
    assert written == parquet.parquet_bytes(data, TEXT_SCHEMA)
    meta = pq.ParquetFile(tmp_path / "t.parquet").metadata
    return [meta.row_group(i).num_rows for i in range(meta.num_row_groups)], \
        pq.read_table(tmp_path / "t.parquet").to_pylist()


@pytest.mark.parametrize("texts,groups", [
    (["a" * 300] * 10, [3, 3, 3, 1]),  # a fourth row would pass 1,000 bytes
    (["a" * 250] * 8, [4, 4]),  # a tie: four rows are exactly 1,000 bytes, within the bound
    ([None, None, "a" * 1000, None, "a"], [4, 1]),  # missing cells count nothing; the last byte passes
    (["a" * 1500, "a" * 10], [1, 1]),  # a row over the bound alone is a group of its own
    (["a" * 10, "a" * 1500, "a"], [1, 1, 1]),
    (["正" * 100] * 4, [3, 1]),  # UTF-8 bytes (3 a character), not characters
    (["x"], [1]),
    ([], [0]),  # no rows: one empty group, as before
    (["a" * 10] * 12, [5, 5, 2]),  # the row bound (5 here) first
])
def test_row_groups_are_cut_by_rows_or_text_bytes_alike_both_ways(tmp_path, monkeypatch, texts, groups):
    """Row groups of at most ``ROW_GROUP`` rows and ``GROUP_TEXT_BYTES`` of text (here 5 rows and 1,000 bytes),
    cut where the next row would pass either bound: the Arrow path and the Python path write the same bytes, and
    every row reads back as written (null stays null)."""
    from xxgk.package import parquet

    monkeypatch.setattr(parquet, "GROUP_TEXT_BYTES", 1000)
    monkeypatch.setattr(parquet, "ROW_GROUP", 5)
    sizes, rows = _write_both_ways(tmp_path, texts, monkeypatch)
    assert sizes == groups
    assert rows == [{"n": i, "text": t} for i, t in enumerate(texts)]


def test_the_held_row_group_stays_under_its_text_bound_while_5000_rows_pass(tmp_path, monkeypatch):
    """5,000 rows of 0–2,000 bytes of text (some missing; ≈ 5 MB, several of the reader's 1 MiB blocks) under a
    64 KiB bound: no group the Arrow path holds has more text than the bound (a row alone excepted); the groups are
    the ones a row-by-row cut gives (computed here); the bytes are the Python path's. Before, the whole table was
    one group (its 65,536-row bound), held whole: the narrative sections of 10,000 reports, +256 MiB."""
    from xxgk.package import parquet

    bound = 64 * 1024
    monkeypatch.setattr(parquet, "GROUP_TEXT_BYTES", bound)
    texts = [None if i % 7 == 0 else "文" * (1 + (i * 7919) % 667) for i in range(5000)]
    held = []
    arrow_groups = parquet._arrow_groups

    def watched(*args):
        for group in arrow_groups(*args):
            held.append((group.num_rows, sum(len(t.encode()) for t in group.column("text").to_pylist() if t)))
            yield group

    monkeypatch.setattr(parquet, "_arrow_groups", watched)
    sizes, rows = _write_both_ways(tmp_path, texts, monkeypatch)
    expected, count, size = [], 0, 0
    for text in texts:
        length = len(text.encode()) if text else 0
        if count and size + length > bound:
            expected.append(count)
            count, size = 0, 0
        count, size = count + 1, size + length
    expected.append(count)
    assert sizes == expected == [rows for rows, _ in held] and len(sizes) > 50
    assert all(text <= bound or rows == 1 for rows, text in held)
    assert [r["text"] for r in rows] == texts
