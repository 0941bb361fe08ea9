"""Random identity-consistent tables rendered in five layouts parse back exactly; blanks parse to null;
``parse`` never raises on arbitrary or mutated text."""

from __future__ import annotations

from benchmarks.synthetic import TABLE2_RANGES, render_report, table3_from_outcomes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xxgk.catalog import (
    applicant_codes,
    item_measures,
    outcome_codes,
    outcome_row_codes,
    proceeding_codes,
    row_codes,
)
from xxgk.parser import parse
from xxgk.readers import html_to_text

from .conftest import SEEDS

ROWS = row_codes("2021")


@st.composite
def table3(draw):
    """Values satisfying every table-3 identity: row totals, outcome sums and the balance."""
    outcomes = {c: draw(st.lists(st.integers(0, 60), min_size=6, max_size=6)) for c in outcome_row_codes("2021")}
    return table3_from_outcomes(outcomes, draw(st.lists(st.integers(0, 9), min_size=6, max_size=6)),
                                draw(st.lists(st.integers(0, 9), min_size=6, max_size=6)))


def render(values: dict, table4: list[int], layout: str, blank: tuple[str, int] | None) -> str:
    text = render_report(values, table4, layout, blank, title="2024年测试局政府信息公开工作年度报告")
    return html_to_text(text) if layout == "html" else text


@st.composite
def table4(draw):
    out = []
    for _ in proceeding_codes():
        parts = draw(st.lists(st.integers(0, 30), min_size=4, max_size=4))
        out += parts + [sum(parts)]
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=table3(), t4=table4(), layout=st.sampled_from(["tabs", "pipes", "cell_per_line", "pdf_text", "html"]))
def test_identity_consistent_tables_round_trip_in_every_layout(values, t4, layout):
    record = parse(render(values, t4, layout, None))
    got = record.values("applications")
    for code in ROWS:
        assert [got[(code, a)] for a in applicant_codes()] == values[code], (layout, code)
    got4 = record.values("review_litigation")
    assert [got4[(p, o)] for p in proceeding_codes() for o in outcome_codes()] == t4
    assert not [f for f in record.findings if f.code == "identity_broken"]


@st.composite
def table2(draw):
    """Table 二's ten numbers as printed (fees: an amount in 万元 with two decimals)."""
    out = {item: [str(draw(st.integers(0, top))) for top in tops] for item, tops in TABLE2_RANGES.items()}
    out["fees"] = [draw(st.sampled_from(["0", "12.50", "3.07", "480.00"]))]
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(values=table3(), t4=table4(), t2=table2(),
       layout=st.sampled_from(["tabs", "pipes", "cell_per_line", "pdf_text", "html"]))
def test_the_benchmarks_table_2_reads_back_in_every_layout(values, t4, t2, layout):
    """The scale benchmark's real-like reports print table 二 (as real reports do); the parser reads each of its
    ten numbers back, in each layout, with no finding about it (a report without it has ``table_absent``)."""
    text = render_report(values, t4, layout, title="2024年测试局政府信息公开工作年度报告", table2=t2)
    record = parse(html_to_text(text) if layout == "html" else text)
    measures = item_measures("2021")
    assert {k: str(v) for k, v in record.values("active").items()} == {
        (item, m): x for item, printed in t2.items() for m, x in zip(measures[item], printed, strict=True)}
    assert record.formats.get("active") == "2021"
    assert {f.code for f in record.findings} <= {"section_absent"}  # (六 is left out without prose), no table_absent


@settings(max_examples=40, deadline=None)
@given(values=table3(), t4=table4(), layout=st.sampled_from(["tabs", "pipes", "html"]),
       row=st.sampled_from(ROWS), column=st.integers(0, 6))
def test_a_blank_cell_parses_to_null_not_zero(values, t4, layout, row, column):
    record = parse(render(values, t4, layout, (row, column)))
    got = record.values("applications")
    assert got[(row, applicant_codes()[column])] is None
    assert any(f.code == "value_blank" for f in record.findings)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=3000))
def test_parse_never_raises_on_arbitrary_text(text):
    parse(text)


SEED_TEXT = (SEEDS / "002_b58105edacdfa4c5.txt").read_text(encoding="utf-8")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(SEED_TEXT)), st.integers(0, 40), st.text(max_size=8)), max_size=12))
def test_parse_never_raises_on_mutated_seed(edits):
    text = SEED_TEXT
    for start, length, insert in edits:
        text = text[:start] + insert + text[start + length:]
    record = parse(text)
    assert all(f.code and f.severity for f in record.findings)
