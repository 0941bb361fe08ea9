"""Every gold cell of ../shared/corpus/gold matches, or is published missing with a finding that
names the gold value among the possible splits (rule 1: never guess between several)."""

from __future__ import annotations

import json
import re

import pytest

from xxgk.catalog import applicant_codes, item_measures, labels, outcome_codes, proceeding_codes
from xxgk.parser import parse
from xxgk.readers import read_path
from xxgk.splitting import splits

from .conftest import SHARED, needs_shared

GOLD = sorted((SHARED / "corpus" / "gold").glob("*.json")) if (SHARED / "corpus").exists() else []


def _record(stem):
    path = next((SHARED / "corpus" / "reports").glob(f"{stem}.*"))
    return parse(read_path(path).parse_text)


@needs_shared
@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.stem)
def test_gold_tables_3_and_4_match_exactly(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    record = _record(gold_path.stem)
    assert record.year == gold["year"]
    assert record.agency == re.sub(r"（.*?）", "", gold["agency"])
    assert record.formats.get("applications") == gold["format"]
    applications = record.values("applications")
    for row, values in gold["applications"].items():
        assert [applications[(row, a)] for a in applicant_codes()] == values, row
    table4 = record.values("review_litigation")
    assert [table4[(p, o)] for p in proceeding_codes() for o in outcome_codes()] == gold["review_litigation"]


@needs_shared
@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.stem)
def test_gold_table_2_matches_or_is_missing_with_the_truth_among_the_splits(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    record = _record(gold_path.stem)
    assert record.formats.get("active") == gold["format"]
    active = record.values("active")
    ambiguous = {f.row: f.actual for f in record.findings if f.code == "cells_ambiguous" and f.table == "2"}
    for key, value in gold["active"].items():
        item, measure = key.split(".")
        got = active[(item, measure)]
        if got is not None:
            assert float(got) == float(value), key
            continue
        measures = item_measures(gold["format"])[item]
        truth = tuple(gold["extras"]["active_2019_raw"][labels()["items"][item].removeprefix("行政")
                      if item == "normative_documents" else labels()["items"][item]]
                      if "extras" in gold else [gold["active"][f"{item}.{m}"] for m in measures])
        glued = ambiguous[labels()["items"][item]]
        assert truth in splits(glued.split(" "), len(measures), lambda v: True), (key, glued)


@needs_shared
def test_one_agency_over_several_years_is_recognised_as_one():
    records = [_record(s) for s in ("h004", "h006", "h008", "h010")]
    assert {r.agency for r in records} == {"平潭综合实验区"}
    assert [r.year for r in records] == [2019, 2021, 2023, 2025]
