"""Issue 16: the build's streaming validator (checks compiled from the schema) and Frictionless agree.

Each case breaks ONE constraint of one kind in a copy of the package built from the seeds, and
asserts that both validators flag that row of that resource for that reason — and that the rows
each flags are the same rows. Both pass the clean package.
"""

from __future__ import annotations

import csv
import functools
import io
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xxgk.package.fast_validate import FieldCheck, validate_package

# frictionless error type per fast-validator kind (constraint errors name the constraint in their note)
FRICTIONLESS_TYPE = {"type": "type-error", "required": "constraint-error", "enum": "constraint-error",
                     "pattern": "constraint-error", "minimum": "constraint-error", "unique": "unique-error",
                     "primary-key": "primary-key", "foreign-key": "foreign-key", "row-length": "extra-cell",
                     "blank-row": "blank-row"}


def _edit(package: Path, resource: str, change) -> None:
    """Rewrite data/<resource>.csv after ``change(rows)`` edits its rows (header is rows[0])."""
    path = package / "data" / f"{resource}.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))  # the package's BOM
    change(rows)
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8-sig")


def _set(column: str, value: str, row: int = 1):
    def change(rows):
        rows[row][rows[0].index(column)] = value
    return change


def _duplicate(row: int = 1):
    def change(rows):
        rows.insert(row + 1, list(rows[row]))
    return change


def _append(cells: list[str], row: int = 1):
    def change(rows):
        rows[row] = rows[row] + cells
    return change


def _blank(row: int = 1):
    def change(rows):
        rows.insert(row + 1, [""] * len(rows[0]))
    return change


# (case, resource, edit, kind, CSV row number as both validators count it: header = 1)
CASES = [
    ("integer", "reports", _set("year", "二〇二四年"), "type", 2),
    ("date", "reports", _set("published_date", "2024-13-01"), "type", 2),
    ("number", "active_disclosure", _set("value", "1,5"), "type", 2),
    ("required", "findings", _set("message", ""), "required", 2),
    ("enum", "reports", _set("status", "done"), "enum", 2),
    ("pattern", "reports", _set("report_id", "Bad_Id"), "pattern", 2),
    ("minimum", "applications", _set("value", "-1"), "minimum", 2),
    ("unique", "reports", _duplicate(), "unique", 3),
    ("primary key", "applications", _duplicate(), "primary-key", 3),
    ("foreign key to reports", "applications", _set("report_id", "no-such-report"), "foreign-key", 2),
    ("foreign key to a code list", "applications", _set("applicant", "martian"), "foreign-key", 2),
    ("foreign key between code lists", "finding_codes", _set("category", "nowhere"), "foreign-key", 2),
    # (session 38: a metric value's reason, metric_values.missing, is a code of missing_reasons, or empty)
    ("foreign key to the missing reasons", "metric_values", _set("missing", "guessed"), "foreign-key", 2),
    ("row length", "sections", _append(["extra"]), "row-length", 2),
    ("blank row", "review_litigation", _blank(), "blank-row", 3),
]


def _frictionless(package: Path) -> list:
    from frictionless import Package

    report = Package(str(package / "datapackage.json")).validate()
    return [(task.name, error) for task in report.tasks for error in task.errors] + \
        [(None, error) for error in report.errors]


def _flagged_rows_frictionless(errors) -> set:
    return {(name, getattr(e, "row_number", None)) for name, e in errors if getattr(e, "row_number", None)}


@pytest.fixture
def package(seed_package, tmp_path) -> Path:
    out, _, errors = seed_package
    assert errors == []
    copy = tmp_path / "datapackage"
    shutil.copytree(out, copy)
    return copy


def test_both_validators_pass_the_clean_package(package):
    assert validate_package(package) == []
    assert _frictionless(package) == []


@pytest.mark.parametrize(("case", "resource", "edit", "kind", "row"), CASES, ids=[c[0] for c in CASES])
def test_one_broken_constraint_is_reported_by_both(package, case, resource, edit, kind, row):
    _edit(package, resource, edit)
    fast = validate_package(package)
    slow = _frictionless(package)
    assert any(p.resource == resource and p.row == row and p.kind == kind for p in fast), fast
    wanted = FRICTIONLESS_TYPE[kind]
    assert any(name == resource and e.row_number == row and e.type == wanted
               and (wanted != "constraint-error" or f'"{kind}"' in e.note) for name, e in slow), \
        [(name, e.type, getattr(e, "row_number", None), e.message) for name, e in slow]
    assert {(p.resource, p.row) for p in fast if p.row} == _flagged_rows_frictionless(slow)


def test_a_renamed_column_is_reported_by_both(package):
    _edit(package, "sections", lambda rows: rows[0].__setitem__(3, "body"))
    assert any(p.resource == "sections" and p.kind == "header" for p in validate_package(package))
    assert any(name == "sections" and "label" in e.type for name, e in _frictionless(package))


def test_a_schema_feature_the_fast_validator_lacks_is_an_error_not_a_silent_pass():
    with pytest.raises(ValueError):
        FieldCheck.compile({"name": "where", "type": "geopoint"})
    with pytest.raises(ValueError):
        FieldCheck.compile({"name": "n", "type": "integer", "constraints": {"exclusiveMinimum": 0}})


def test_the_build_reports_what_the_fast_validator_finds(package):
    from xxgk.package.write import validate

    _edit(package, "applications", _set("value", "-1"))
    errors = validate(package)
    assert len(errors) == 1 and "applications" in errors[0] and "minimum" in errors[0], errors


def _checked_fields() -> list[tuple[str, dict]]:
    """Every field of the package's schema that has a type to read or a constraint to check."""
    from xxgk.package.schema import code_lists, data_resources, resource_schema

    return [(name, field) for name in data_resources() + list(code_lists())
            for field in resource_schema(name)["fields"] if field["type"] != "string" or field.get("constraints")]


CELLS = st.one_of(
    st.text(max_size=12),
    st.integers(-10**6, 10**6).map(str),
    st.tuples(st.sampled_from(["", " ", "+", "-", "0", "\t"]), st.integers(0, 999),
              st.sampled_from(["", " ", ".0", ".5", "e3", "_0", "\n"])).map(lambda t: f"{t[0]}{t[1]}{t[2]}"),
    st.dates().map(str), st.dates().map(lambda d: f"{d.year}-{d.month}-{d.day}"),
    st.sampled_from(["", "NaN", "Infinity", "-0", "2021", "2019", "government", "parsed", "error", "a-1", "A-1",
                     "a_1", "-a", "abc\n", "２０２１", "١٢"]),
)


@functools.cache
def _readers(resource: str, name: str) -> tuple:
    """Frictionless's field and the fast check of one field of ``resource``, made once for all the cells a case
    draws (Frictionless validates the whole schema's descriptor as it makes it: 30 ms, nearly all of an example)."""
    from frictionless import Schema

    from xxgk.package.schema import resource_schema

    schema = resource_schema(resource)
    (field,) = [f for f in schema["fields"] if f["name"] == name]
    return Schema.from_descriptor(schema).get_field(name), FieldCheck.compile(field)


@pytest.mark.parametrize(("resource", "field"), _checked_fields(), ids=lambda v: v if isinstance(v, str) else v["name"])
@settings(max_examples=150, deadline=None)
@given(cell=CELLS)
def test_each_cell_is_read_as_frictionless_reads_it(resource, field, cell):
    """Property: for any cell text, the fast check fails exactly when Frictionless's reader notes a problem,
    and for the same reason (type, or the constraint's name)."""
    slow, fast = _readers(resource, field["name"])
    slow_value, notes = slow.read_cell(cell)
    fast_value, failed = fast.check(cell)
    unique_only = {"unique"}  # checked across rows, not per cell, by both
    assert (failed is None) == (not set(notes or {}) - unique_only), (cell, notes, failed)
    if failed:
        assert failed in notes
    else:
        assert repr(fast_value) == repr(slow_value)  # repr: NaN is not equal to itself
