"""Each seed parses to the values its report prints (expected files written by reading the reports)."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from xxgk.catalog import applicant_codes, outcome_codes, proceeding_codes, row_codes
from xxgk.parser import parse
from xxgk.readers import read_path

from .conftest import ROOT, SEEDS

EXPECTED = sorted((ROOT / "tests" / "expected").glob("*.json"))


@pytest.mark.parametrize("expected_path", EXPECTED, ids=lambda p: p.stem[:3])
def test_seed_values_equal_the_printed_report(expected_path):
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    record = parse(read_path(SEEDS / f"{expected_path.stem}.txt").parse_text)
    assert record.agency == expected["agency"]
    assert record.year == expected["year"]
    active = record.values("active")
    for key, value in expected["active"].items():
        got = active[tuple(key.split("."))]
        assert got == (Decimal(value) if isinstance(value, str) else value), key
    applications = record.values("applications")
    if expected["applications"] is None:
        assert applications == {}
    else:
        for row in row_codes("2021"):
            want = expected["applications"].get(row, [0] * 7 if expected.get("other_rows_zero") else None)
            got = [applications[(row, a)] for a in applicant_codes()]
            assert got == want, row
    table4 = record.values("review_litigation")
    assert [table4[(p, o)] for p in proceeding_codes() for o in outcome_codes()] == expected["review_litigation"]
    codes = {f.code for f in record.findings}
    assert set(expected["findings"]) <= codes
    assert not {"identity_broken", "row_lost_cells", "table_absent"} & (codes - set(expected["findings"]))


def test_seed_002_lost_cell_row_is_null_with_a_finding():
    record = parse(read_path(SEEDS / "002_b58105edacdfa4c5.txt").parse_text)
    lost = [f for f in record.findings if f.code == "row_lost_cells"]
    assert len(lost) == 1 and lost[0].expected == "7" and lost[0].actual == "6" and lost[0].line == 200


def test_seed_002_narrative_contradicts_table_4():
    record = parse(read_path(SEEDS / "002_b58105edacdfa4c5.txt").parse_text)
    said = {(f.actual, f.expected) for f in record.findings if f.code == "narrative_mismatch"}
    assert said == {("5", "11"), ("3", "2")}


def test_seed_003_total_against_zero_outcomes_is_an_identity_finding():
    record = parse(read_path(SEEDS / "003_3c47b46a8581de8b.txt").parse_text)
    broken = [f for f in record.findings if f.code == "identity_broken"]
    assert broken and all(f.actual == "11" and f.expected == "0" for f in broken)


def test_every_value_has_its_source_line():
    for path in SEEDS.glob("*.txt"):
        record = parse(read_path(path).parse_text)
        lines = path.read_text(encoding="utf-8").split("\n")
        for fact in record.facts:
            if fact.value is not None:
                assert fact.line is not None
                assert str(fact.value).split(".")[0] in lines[fact.line - 1].replace(",", ""), (path.name, fact)
