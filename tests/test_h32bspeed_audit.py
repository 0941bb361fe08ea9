"""Session 32 (second round), the package's part of the build and of the 1 % rebuild (issue 16).

The streaming validator (``package/fast_validate.py``) checks a run of rows column by column, each distinct cell
once and the keys by sets, and takes a run row by row only when something in it is wrong: the same problems, in
the same order, as row by row throughout (the limit too), in ≈ 3/4 of the CPU on a valid package.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from xxgk.package import fast_validate
from xxgk.package.fast_validate import validate_package

SCHEMA = {"fields": [{"name": "id", "type": "string", "constraints": {"required": True}},
                     {"name": "k", "type": "integer", "constraints": {"minimum": 0}},
                     {"name": "ref", "type": "string"},
                     {"name": "v", "type": "number", "constraints": {"unique": True}}],
          "primaryKey": ["id"],
          "foreignKeys": [{"fields": ["ref"], "reference": {"resource": "codes", "fields": ["code"]}}]}


def _package(folder: Path, rows: list[list[str]]) -> Path:
    """A package of two resources: ``items`` (``SCHEMA``, ``rows`` under its header) and ``codes`` (a, b)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, header, body in (("items", ["id", "k", "ref", "v"], rows), ("codes", ["code"], [["a"], ["b"]])):
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows([header, *body])
    descriptor = {"resources": [
        {"name": "items", "path": "items.csv", "schema": SCHEMA},
        {"name": "codes", "path": "codes.csv", "schema": {"fields": [{"name": "code", "type": "string"}],
                                                          "primaryKey": ["code"]}}]}
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return folder


def _rows(count: int) -> list[list[str]]:
    """Valid rows: ids r0…, counts 0…, refs a/b, distinct amounts; row k of the file is ``rows[k - 2]``."""
    return [[f"r{i}", str(i), "ab"[i % 2], f"{i}.5"] for i in range(count)]


def _broken() -> list[list[str]]:
    rows = _rows(40)
    rows[7 - 2][1] = "-1"                 # row 7: below the minimum
    rows[15 - 2][2] = "zz"                # row 15: no such code
    rows[20 - 2][0] = "r3"                # row 20: the id of row 5 again
    rows[30 - 2] = ["", "", "", ""]       # row 30: blank (and so its key empty)
    rows[35 - 2] = [*rows[35 - 2], "x"]   # row 35: a cell too many
    rows[38 - 2][1] = "x"                 # row 38: not an integer
    return rows


EXPECTED = [(7, "k", "minimum"), (15, "ref", "foreign-key"), (20, None, "primary-key"), (30, None, "blank-row"),
            (30, None, "primary-key"), (35, None, "row-length"), (38, "k", "type")]


@pytest.fixture(params=[8, 4096], ids=["runs-of-8", "runs-of-4096"])
def run_rows(request, monkeypatch) -> int:
    monkeypatch.setattr(fast_validate, "RUN_ROWS", request.param, raising=False)  # (none before runs: one test)
    return request.param


def test_a_valid_resource_is_checked_without_going_row_by_row(tmp_path, monkeypatch, run_rows):
    """A valid package's rows are checked column by column: the per-row path (one Python step per cell, ≈ 1/4 of
    the validator's CPU at 2,000 reports) is never taken — and the package is valid."""
    package = _package(tmp_path / "p", _rows(100))

    def row_by_row(*args, **kwargs):
        raise AssertionError("a valid run was taken row by row")

    monkeypatch.setattr(fast_validate.ResourceCheck, "typed_row", row_by_row)
    assert validate_package(package, workers=1) == []


def test_every_kind_of_problem_is_found_at_its_row_whatever_the_runs(tmp_path, run_rows):
    """Problems in several runs (of 8 rows) or in one: each at its row, for its field, in row order; the
    duplicated id names the row it first had."""
    problems = validate_package(_package(tmp_path / "p", _broken()), workers=1)
    assert [(p.row, p.field, p.kind) for p in problems] == EXPECTED
    assert problems[2].message == "('r3',) already in row 5"
    assert problems[1].message == "('zz',) not found in codes"


def test_the_limit_keeps_the_first_problems_as_before(tmp_path, run_rows):
    """``limit`` 3: the first three problems met row by row (rows 7, 15, 30's blank), then the duplicate found by
    the second pass (row 20), sorted and cut to three — as the validator did before it went by runs."""
    problems = validate_package(_package(tmp_path / "p", _broken()), limit=3, workers=1)
    assert [(p.row, p.field, p.kind) for p in problems] == EXPECTED[:3]


def test_a_key_without_a_hash_is_taken_row_by_row_and_the_run_still_checked(tmp_path, run_rows):
    """A signalling NaN (``sNaN``, a number Decimal reads) cannot be hashed: its run goes row by row, where it is
    skipped as before (it equals nothing, so duplicates nothing), and a real duplicate beside it is still found."""
    rows = _rows(20)
    rows[4 - 2][3] = "sNaN"
    rows[6 - 2][3] = "3.5"  # row 6: the amount of row 5
    problems = validate_package(_package(tmp_path / "p", rows), workers=1)
    assert [(p.row, p.field, p.kind) for p in problems] == [(6, "v", "unique")]
    assert problems[0].message == "(Decimal('3.5'),) already in row 5"


def test_a_run_of_long_cells_holds_a_few_rows_not_thousands(tmp_path, monkeypatch):
    """Rows of 100 KB (a long text in a cell): a run ends once ``RUN_BYTES`` of the file are read, within
    ``RUN_STEP`` rows, so memory does not hold 4,096 long rows at once; every row is still checked (the bad count
    in row 40 found)."""
    monkeypatch.setattr(fast_validate, "RUN_BYTES", 2**20, raising=False)
    rows = [[f"r{i}{'y' * 100_000}", str(i), "a", f"{i}.5"] for i in range(60)]  # the long text: in the id
    rows[40 - 2][1] = "x"
    package = _package(tmp_path / "p", rows)
    check = fast_validate._compile(package)["items"]
    sizes = [len(run) for first, run in check.runs() if first > 1]
    assert sum(sizes) == 60 and max(sizes) <= 16
    assert [(p.row, p.field, p.kind) for p in validate_package(package, workers=1)] == [(40, "k", "type")]
