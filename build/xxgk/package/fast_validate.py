"""Validating a written package in one streaming pass per resource, with checks compiled from its Table Schema.

The checks are generated from each resource's schema in ``datapackage.json`` (which ``schema.py``
generates from ``rules/schema.yaml``, the one definition): header, row length, blank rows, field
types (string, integer, number, date, boolean, year), the constraints ``required``, ``unique``,
``enum``, ``pattern``, ``minimum``, ``maximum``, the primary key and the foreign keys (code lists
included). Cells are read the way Frictionless reads them (``""`` is missing; integers with
``int``, numbers with ``Decimal``, dates as ``%Y-%m-%d``; patterns anchored ``^…$``), so both
report the same rows; ``tests/test_fast_validate.py`` breaks one constraint of each kind and
asserts that both do. A schema feature this module does not implement raises (a broken rule
table), so nothing is skipped silently.

Time is linear in rows: a run of ``RUN_ROWS`` rows is checked column by column (each distinct cell once, the keys
by sets) and only a run with a problem row by row, where every problem is made. Memory: one run, the foreign-key
lookups (the referenced keys, e.g. every ``report_id``) plus 8 bytes per row for each unique field and the primary
key (a 64-bit hash; hashes seen twice are confirmed exactly in a second pass over the resource).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> (folder / "t.csv").write_text("id,n\\na,1\\na,-2\\n", encoding="utf-8")
14
>>> schema = {"fields": [{"name": "id", "type": "string", "constraints": {"unique": True}},
...                      {"name": "n", "type": "integer", "constraints": {"minimum": 0}}]}
>>> (folder / "datapackage.json").write_text(json.dumps({"resources": [
...     {"name": "t", "path": "t.csv", "schema": schema}]}), encoding="utf-8") > 0
True
>>> [p.kind for p in validate_package(folder)]
['minimum', 'unique']
"""

from __future__ import annotations

import csv
import json
import multiprocessing
import re
import sys
from array import array
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import datetime
from decimal import Decimal
from functools import partial
from itertools import islice
from operator import itemgetter
from pathlib import Path

import numpy as np

from ..readers import allow_long_csv_cells
from ..safe import terminal_text

allow_long_csv_cells()

_BAD = object()  # a cell that does not read as its type
_CONSTRAINTS = ("required", "unique", "enum", "pattern", "minimum", "maximum")
MEMO_CELLS = 4096  # check results remembered per column (codes, small counts, line numbers repeat)
RUN_ROWS = 4096  # data rows checked together, column by column (``ResourceCheck.columns``)
RUN_BYTES = 8 * 2**20  # … and about this much of the file: a run of long cells holds RUN_STEP rows, not 4,096
RUN_STEP = 16  # rows read between two looks at the file's position


@dataclass(frozen=True)
class Problem:
    """One validation error: resource, row number as Frictionless counts it (header = 1), field, kind."""

    resource: str
    row: int | None
    field: str | None
    kind: str  # a constraint name, or type, primary-key, foreign-key, header, row-length, blank-row, source
    message: str

    def __str__(self) -> str:
        where = "".join((f" row {self.row}" if self.row else "", f" field {self.field}" if self.field else ""))
        return f"{self.resource}:{where} {self.kind}: {self.message}"


def _strip_then(cast: Callable, cell: str):
    try:
        return cast(cell.strip())
    except Exception:  # noqa: BLE001 — any failure to read is a type error, as in Frictionless
        return _BAD


def _date(cell: str):
    try:
        return datetime.strptime(cell, "%Y-%m-%d").date()
    except ValueError:
        return _BAD


def _boolean(cell: str):
    return {"true": True, "True": True, "TRUE": True, "1": True,
            "false": False, "False": False, "FALSE": False, "0": False}.get(cell, _BAD)


READERS: dict[str, Callable[[str], object]] = {
    "string": lambda cell: cell,
    "integer": partial(_strip_then, int),
    "year": partial(_strip_then, int),
    "number": partial(_strip_then, Decimal),
    "date": _date,
    "boolean": _boolean,
}


@dataclass(frozen=True)
class FieldCheck:
    """The compiled checks of one field: its reader and constraint tests (each ``value -> ok``)."""

    name: str
    type: str
    read: Callable[[str], object]
    required: bool
    tests: tuple[tuple[str, Callable[[object], bool]], ...]
    unique: bool

    @property
    def plain(self) -> bool:
        """A string with nothing to check: the cell is the value (the common case, read without a call)."""
        return self.type == "string" and not self.tests and not self.required

    @classmethod
    def compile(cls, field: dict) -> FieldCheck:
        """From one Table Schema field; an unimplemented type, format or constraint is a broken rule table."""
        kind, constraints = field.get("type", "string"), field.get("constraints", {})
        if kind not in READERS or field.get("format", "default") != "default" or set(constraints) - set(_CONSTRAINTS):
            raise ValueError(f"fast_validate does not implement field {field!r}")
        read = READERS[kind]
        tests: list[tuple[str, Callable[[object], bool]]] = []
        if "enum" in constraints:
            allowed = [read(str(v)) for v in constraints["enum"]]
            tests.append(("enum", lambda v, allowed=allowed: v in allowed))
        if "pattern" in constraints:
            matcher = re.compile(f"^{constraints['pattern']}$").match
            tests.append(("pattern", lambda v, matcher=matcher: bool(matcher(v))))
        if "minimum" in constraints:
            low = read(str(constraints["minimum"]))
            tests.append(("minimum", lambda v, low=low: v == v and v >= low))  # NaN fails, as in Frictionless
        if "maximum" in constraints:
            high = read(str(constraints["maximum"]))
            tests.append(("maximum", lambda v, high=high: v == v and v <= high))
        return cls(field["name"], kind, read, bool(constraints.get("required")), tuple(tests),
                   bool(constraints.get("unique")))

    def check(self, cell: str) -> tuple[object, str | None]:
        """``(value, failed check or None)``; a missing cell (``""``) is ``None``."""
        if cell == "":
            return None, "required" if self.required else None
        value = self.read(cell)
        if value is _BAD:
            return None, "type"
        for name, test in self.tests:
            try:
                ok = test(value)
            except ArithmeticError:  # a signalling NaN compared
                ok = False
            if not ok:
                return value, name
        return value, None


class _Duplicates:
    """Keys seen twice, with 8 bytes a row: 64-bit hashes first, exact keys only for the hashes seen twice."""

    def __init__(self) -> None:
        self.hashes = array("q")  # 8 bytes a row; the row itself is found again in the second pass

    def add(self, key: tuple) -> None:
        try:
            self.hashes.append(hash(key))
        except TypeError:  # a signalling NaN has no hash (and equals nothing, so it duplicates nothing)
            pass

    def suspects(self) -> set[int]:
        """Hashes seen more than once (usually empty)."""
        if not self.hashes:
            return set()
        hashes = np.sort(np.frombuffer(self.hashes, dtype=np.int64))
        return set(hashes[1:][hashes[1:] == hashes[:-1]].tolist())


@dataclass
class ResourceCheck:
    """Every check of one resource, compiled from its schema; ``run`` streams its CSV."""

    name: str
    path: Path
    fields: list[FieldCheck]
    primary_key: list[str]
    foreign_keys: list[dict]
    encoding: str = "utf-8"
    plain: list[bool] = dataclass_field(init=False, repr=False)  # per field: ``FieldCheck.plain``

    def __post_init__(self) -> None:
        self.plain = [f.plain for f in self.fields]

    @classmethod
    def compile(cls, folder: Path, resource: dict) -> ResourceCheck:
        schema = resource["schema"]
        if schema.get("missingValues", [""]) != [""]:
            raise ValueError(f"fast_validate supports only missingValues [''] ({resource['name']})")
        keys = [fk if isinstance(fk["fields"], list) else {**fk, "fields": [fk["fields"]]}
                for fk in schema.get("foreignKeys", [])]
        for fk in keys:
            ref = fk["reference"]["fields"]
            fk["reference"] = {**fk["reference"], "fields": ref if isinstance(ref, list) else [ref]}
        pk = schema.get("primaryKey", [])
        return cls(resource["name"], folder / resource["path"], [FieldCheck.compile(f) for f in schema["fields"]],
                   pk if isinstance(pk, list) else [pk], keys, resource.get("encoding", "utf-8"))

    def typed_rows(self) -> Iterator[tuple[int, list, list[Problem]]]:
        """``(row number, typed values, problems)`` per data row; header problems come with row 1."""
        memos: list[dict] = [{} for _ in self.fields]  # cell -> check result: most columns repeat few values
        for number, rows in self.runs():
            if number == 1:
                yield from self.header(rows[0])
                continue
            for offset, cells in enumerate(rows):
                yield self.typed_row(number + offset, cells, memos)

    def runs(self) -> Iterator[tuple[int, list[list[str]]]]:
        """``(number of the first row, rows)``: the header alone as ``(1, [header])``, then the data rows in runs of
        at most ``RUN_ROWS`` rows and about ``RUN_BYTES`` of the file (a run ends once that much is read, at most
        ``RUN_STEP`` rows later: memory for a run of long cells stays bounded; a header-only file: no data run),
        streamed: each CSV in the resource's ``encoding`` (``utf-8-sig`` drops the BOM, as Frictionless does)."""
        with self.path.open(encoding=self.encoding, newline="") as handle:
            reader, number = csv.reader(handle), 1
            read = handle.buffer.tell  # the file's bytes read so far (a system call: asked every RUN_STEP rows)
            yield from ((1, [cells]) for cells in islice(reader, 1))
            while True:
                end, run = read() + RUN_BYTES, []
                while len(run) < RUN_ROWS and read() < end and (
                        step := list(islice(reader, min(RUN_STEP, RUN_ROWS - len(run))))):
                    run += step
                if not run:
                    return
                number += len(run)
                yield number - len(run) + 1, run

    def header(self, cells: list[str]) -> list[tuple[int, list, list[Problem]]]:
        """The header row's problem as a typed row of row 1 (none when it names the schema's fields in order)."""
        names = [f.name for f in self.fields]
        if cells != names:
            return [(1, [], [Problem(self.name, 1, None, "header", f"header {cells} is not {names}")])]
        return []

    def typed_row(self, number: int, cells: list[str], memos: list[dict]) -> tuple[int, list, list[Problem]]:
        """One data row: ``(number, typed values, problems)`` (``memos``: a dict per field, the checks' results)."""
        width = len(self.fields)
        problems = []
        if len(cells) != width:
            problems.append(Problem(self.name, number, None, "row-length",
                                    f"{len(cells)} cells where the schema has {width}"))
            cells = (cells + [""] * width)[:width]
        if not any(cells):
            return number, [None] * width, [Problem(self.name, number, None, "blank-row", "the row is empty")]
        values = []
        for check, is_plain, memo, cell in zip(self.fields, self.plain, memos, cells, strict=True):
            if is_plain:
                values.append(cell or None)
                continue
            known = memo.get(cell)
            if known is None:
                known = check.check(cell)  # a pure function of the cell
                if len(memo) < MEMO_CELLS:
                    memo[cell] = known
            value, failed = known
            values.append(value)
            if failed:
                problems.append(Problem(self.name, number, check.name, failed,
                                        f"{cell!r} fails {failed} ({check.type})"))
        return number, values, problems

    def columns(self, rows: list[list[str]], wanted: set[int], memos: list[dict]) -> dict[int, list] | None:
        """A run of data rows checked column by column, each distinct cell once: ``{field index: typed values}``
        for the fields ``wanted`` (the keys), or None when a row or a cell has a problem (the caller then takes
        the run row by row, ``typed_row``, which says which). Only a run without any problem is taken so: the
        same values as ``typed_row``'s, and nothing to report."""
        width = len(self.fields)
        if set(map(len, rows)) != {width} or not all(map(any, rows)):
            return None
        typed: dict[int, list] = {}
        columns = zip(*rows, strict=True)
        for index, (check, is_plain, memo, column) in enumerate(zip(self.fields, self.plain, memos, columns,
                                                                    strict=True)):
            if is_plain:
                if index in wanted:
                    typed[index] = [cell or None for cell in column]
                continue
            values: dict[str, object] = {}
            for cell in set(column):
                known = memo.get(cell)
                if known is None:
                    known = check.check(cell)
                    if len(memo) < MEMO_CELLS:
                        memo[cell] = known
                if known[1]:
                    return None
                values[cell] = known[0]
            if index in wanted:
                typed[index] = list(map(values.__getitem__, column))
        return typed

    def key_index(self, names: list[str]) -> list[int]:
        return [[f.name for f in self.fields].index(n) for n in names]

    def key_of(self, names: list[str]) -> Callable[[list], tuple]:
        """``values -> key``: the tuple of the values of fields ``names``."""
        index = self.key_index(names)
        if len(index) == 1:
            return lambda values, i=index[0]: (values[i],)
        return itemgetter(*index)


def _lookup(checks: dict[str, ResourceCheck], resource: str, fields: list[str]) -> set[tuple]:
    """The referenced keys of a foreign key, typed (a cell that fails its type is ``None``): each run of rows
    column by column (``ResourceCheck.columns``), one with a problem row by row (``typed_row``)."""
    if resource not in checks:
        return set()
    target = checks[resource]
    index = target.key_index(fields)
    keys: set[tuple] = set()
    memos: list[dict] = [{} for _ in target.fields]
    try:
        for first, rows in target.runs():
            if first == 1:
                continue
            typed = target.columns(rows, set(index), memos)
            if typed is not None:
                keys.update(zip(*(typed[i] for i in index), strict=True))
                continue
            for offset, cells in enumerate(rows):
                _, values, _ = target.typed_row(first + offset, cells, memos)
                keys.add(tuple(values[i] for i in index))
    except (OSError, UnicodeDecodeError, csv.Error):  # reported when that resource is validated
        return set()
    return keys


def _validate_resource(check: ResourceCheck, lookups: dict, limit: int) -> list[Problem]:
    """The problems of one resource (at most ``limit``), in row order. Each run of rows is first checked column by
    column (``ResourceCheck.columns``, its keys by sets: ``_keyed``); a run with any problem is taken again row by
    row (``_row_checks``), the one place problems are made: the same problems as row by row throughout, in less
    time (a valid package: 4 in 10 of the CPU)."""
    problems: list[Problem] = []
    unique = {f.name: (i, _Duplicates()) for i, f in enumerate(check.fields) if f.unique}
    pk_index = check.key_index(check.primary_key) if check.primary_key else []
    primary = _Duplicates()
    fks = [(check.key_index(fk["fields"]), fk, lookups[fk["reference"]["resource"], tuple(fk["reference"]["fields"])])
           for fk in check.foreign_keys]
    wanted = {i for i, _ in unique.values()} | set(pk_index) | {i for index, _, _ in fks for i in index}
    memos: list[dict] = [{} for _ in check.fields]
    for first, rows in check.runs():
        if first == 1:
            for row in check.header(rows[0]):
                _row_checks(check, row, problems, limit, unique, pk_index, primary, fks)
            continue
        typed = check.columns(rows, wanted, memos)
        if typed is not None and _keyed(typed, unique, pk_index, primary, fks):
            continue
        for offset, cells in enumerate(rows):
            _row_checks(check, check.typed_row(first + offset, cells, memos), problems, limit, unique,
                        pk_index, primary, fks)
    problems += _confirmed_duplicates(check, unique, pk_index, primary, limit)
    return sorted(problems, key=lambda p: (p.row or 0, p.kind))[:limit]


def _row_checks(check: ResourceCheck, row: tuple[int, list, list[Problem]], problems: list[Problem], limit: int,
                unique: dict, pk_index: list[int], primary: _Duplicates, fks: list) -> None:
    """One typed row's problems (its cells', an empty primary key, a foreign key not found) added to ``problems``
    (up to ``limit``), its unique and primary keys to their ``_Duplicates``."""
    number, values, found = row
    problems += found[:max(0, limit - len(problems))]
    if not values:
        return
    for i, seen in unique.values():
        if values[i] is not None:
            seen.add((values[i],))
    if pk_index:
        key = tuple(values[i] for i in pk_index)
        if key.count(None) == len(key):
            if len(problems) < limit:
                problems.append(Problem(check.name, number, None, "primary-key", "every key cell is empty"))
        else:
            primary.add(key)
    for index, fk, allowed in fks:
        key = tuple(values[i] for i in index)
        if key not in allowed and key.count(None) != len(key) and len(problems) < limit:
            problems.append(Problem(check.name, number, ", ".join(fk["fields"]), "foreign-key",
                                    f"{key} not found in {fk['reference']['resource']}"))


def _keyed(typed: dict[int, list], unique: dict, pk_index: list[int], primary: _Duplicates, fks: list) -> bool:
    """A run's keys (``typed``: its key columns) added as ``_row_checks`` adds them row by row, if no row of it
    has a problem there (an empty primary key, a foreign key not found, a key that cannot be hashed); False,
    with nothing added, otherwise."""
    adding: list[tuple[_Duplicates, list[int]]] = []
    try:
        for i, seen in unique.values():
            adding.append((seen, [hash((value,)) for value in typed[i] if value is not None]))
        if pk_index:
            keys = list(zip(*(typed[i] for i in pk_index), strict=True))
            if (None,) * len(pk_index) in keys:
                return False
            adding.append((primary, list(map(hash, keys))))
        for index, _, allowed in fks:
            missing = set(zip(*(typed[i] for i in index), strict=True)) - allowed
            if missing - {(None,) * len(index)}:
                return False
    except TypeError:  # a signalling NaN has no hash: row by row, as before
        return False
    for seen, hashes in adding:
        seen.hashes.extend(array("q", hashes))
    return True


def _hash(key: tuple) -> int | None:
    try:
        return hash(key)
    except TypeError:
        return None


def _confirmed_duplicates(check: ResourceCheck, unique: dict, pk_index: list[int], primary: _Duplicates,
                          limit: int) -> list:
    """Second pass, only over rows whose key hash was seen twice: exact duplicates become problems."""
    wanted = [(name, (i,), seen.suspects()) for name, (i, seen) in unique.items()]
    if pk_index:
        wanted.append((None, tuple(pk_index), primary.suspects()))
    wanted = [w for w in wanted if w[2]]
    if not wanted:
        return []
    first: dict = {}
    problems = []
    for number, values, _ in check.typed_rows():
        for name, index, suspects in wanted:
            key = tuple(values[i] for i in index) if values else (None,)
            if key.count(None) == len(key) or _hash(key) not in suspects:  # empty keys were not kept
                continue
            if (name, key) in first:
                if len(problems) >= limit:
                    return problems
                kind = "unique" if name else "primary-key"
                problems.append(Problem(check.name, number, name, kind, f"{key} already in row {first[name, key]}"))
            else:
                first[name, key] = number
    return problems


PARALLEL_BYTES = 16 * 2 ** 20  # below this much CSV, one process (starting another costs more than it saves)


def _compile(folder: Path) -> dict[str, ResourceCheck]:
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    return {r["name"]: ResourceCheck.compile(folder, r) for r in descriptor["resources"]}


def _check_resources(folder: Path, names: list[str], limit: int) -> dict[str, list[Problem]]:
    """The problems of the resources ``names`` (each with the foreign-key lookups it needs, built once)."""
    checks = _compile(Path(folder))
    lookups: dict = {}
    out = {}
    for name in names:
        check = checks[name]
        for fk in check.foreign_keys:
            ref = (fk["reference"]["resource"], tuple(fk["reference"]["fields"]))
            if ref not in lookups:
                lookups[ref] = _lookup(checks, ref[0], list(ref[1]))
        try:
            out[name] = _validate_resource(check, lookups, limit)
        except (OSError, UnicodeDecodeError, csv.Error) as error:
            out[name] = [Problem(check.name, None, None, "source", f"cannot read {check.path.name}: {error}")]
    return out


def _groups(checks: dict[str, ResourceCheck], count: int) -> list[list[str]]:
    """The resources in ``count`` groups of about equal CSV bytes (largest first, each to the lightest group)."""
    def size(check: ResourceCheck) -> int:
        return check.path.stat().st_size if check.path.is_file() else 0

    groups: list[tuple[int, list[str]]] = [(0, []) for _ in range(count)]
    for check in sorted(checks.values(), key=size, reverse=True):
        k = min(range(count), key=lambda i: groups[i][0])
        groups[k] = (groups[k][0] + size(check), groups[k][1] + [check.name])
    return [names for _, names in groups if names]


def validate_package(folder: Path, limit: int = 1000, workers: int = 2,
                     parallel_bytes: int = PARALLEL_BYTES) -> list[Problem]:
    """Every problem of the package in ``folder`` (at most ``limit`` per resource), in the descriptor's
    resource order; empty = valid. A package of more than ``parallel_bytes`` of CSV is checked in
    ``workers`` processes, its resources split between them by size (the same problems either way)."""
    folder = Path(folder)
    checks = _compile(folder)  # an unimplemented schema feature raises here, before any work
    total = sum(c.path.stat().st_size for c in checks.values() if c.path.is_file())
    groups = _groups(checks, workers if workers > 1 and total > parallel_bytes else 1)
    if len(groups) == 1:
        found = _check_resources(folder, groups[0], limit)
    else:
        found = {}
        spawn = multiprocessing.get_context("spawn")  # never fork a caller that may hold threads or locks
        try:
            with ProcessPoolExecutor(max_workers=len(groups), mp_context=spawn) as pool:
                for part in pool.map(_check_resources, [folder] * len(groups), groups, [limit] * len(groups)):
                    found.update(part)
        except BrokenProcessPool as error:  # a worker killed (out of memory…): the same checks, here
            print(terminal_text(f"xxgk: a validation worker died ({error}); validating in this process"),
                  file=sys.stderr)
            found = _check_resources(folder, list(checks), limit)
    return [problem for name in checks for problem in found[name]]
