"""Loading the written data package for the site: the only input the pages have.

Two ways: :meth:`Package.load` reads every resource into memory (small packages, tools, tests);
:meth:`Package.open` reads only the small resources (code lists, metrics, agencies, reports) and
:meth:`Package.stream` walks the per-report resources one report at a time, in ``reports.csv`` order, with a
merge-join on ``report_id`` — the package writer emits every per-report resource's rows in that order
(``package/tables.py`` builds them report by report), and a row out of that order is an error, never dropped.
Memory then holds the small resources and one report's rows, whatever the number of reports.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator, Mapping
from contextlib import ExitStack
from dataclasses import dataclass, field
from itertools import chain, groupby, repeat
from operator import itemgetter
from pathlib import Path
from types import MappingProxyType

from ..readers import allow_long_csv_cells
from ..safe import cell_text

allow_long_csv_cells()

STREAMED = ("active_disclosure", "applications", "review_litigation", "sections", "findings")  # per report
METRIC_VALUES = "metric_values"  # per report: every published metric's value (``summaries`` reads it)
NOT_READ = (METRIC_VALUES,)  # per report, not held by ``Package.open``; streamed when asked for


def _clean(row: dict) -> dict:
    """A CSV row as the report printed it: empty cells are None, and the apostrophe the CSVs put before a
    formula-looking text (``safe.sheet_cell``) is removed (``safe.cell_text``)."""
    out = {k: (v if v != "" else None) for k, v in row.items()}
    for key, value in out.items():
        if value and "'" in value:  # (the only cells sheet_cell changed; the rest stay as read)
            out[key] = cell_text(value)
    return out


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:  # the package's CSVs carry a BOM (Excel)
        return [{k: (v if v != "" else None) for k, v in row.items()} for row in csv.DictReader(handle)]


def _runs(stack: ExitStack, path: Path) -> Iterator[tuple[str, list[list[str]]]]:
    """``(report_id, cells)`` for each run of consecutive rows of one report in one CSV, the rows as the CSV
    holds them (lists of strings; :func:`_rows` makes them rows, :func:`cells_digest` digests them): the hot
    loop of the site, so a run is cut by ``csv.reader`` and ``itertools.groupby`` without a Python step per
    cell. Raises ``ValueError`` on a row whose width is not the header's."""
    handle = stack.enter_context(path.open(encoding="utf-8-sig", newline=""))
    reader = csv.reader(handle)
    header = next(reader, [])
    width, number = len(header), 1
    try:
        runs = groupby(reader, itemgetter(header.index("report_id")))
        for rid, run in runs:
            values = list(run)
            if set(map(len, values)) != {width}:
                bad = next(i for i, v in enumerate(values) if len(v) != width)
                raise ValueError(f"{path.name} row {number + 1 + bad}: {len(values[bad])} cells, "
                                 f"the header has {width}")
            number += len(values)
            yield rid, values
    except IndexError:  # a row too short to hold a report_id
        raise ValueError(f"{path.name} row {number + 1} or after: fewer cells than the header ({width})") from None


def _rows(header: list[str], values: list[list[str]], quoted: bool) -> list[dict]:
    """A run's cells (``_runs``) as :func:`_clean` gives rows, by ``map`` without a Python step per cell; the
    apostrophe test runs only for a file that holds an apostrophe at all (``quoted``, ``_may_quote``)."""
    if "" in chain.from_iterable(values):  # (one test over the run's cells, in C) empty cells are None
        values = list(map(list, map(map, repeat(_NONE_IF_EMPTY), values, values)))
    rows = list(map(dict, map(zip, repeat(header), values)))
    if quoted:
        for i, cells in enumerate(values):
            if "'" in "".join(filter(None, cells)):  # a cell may hold an apostrophe sheet_cell added
                rows[i] = {k: cell_text(v) if v and "'" in v else v for k, v in rows[i].items()}
    return rows


class ReportRows(Mapping):
    """``{resource: rows}`` of one report (``Package.stream``), each resource's rows made from its cells when
    first asked for: a page copied from the last build (``spool_reuse``) never asks."""

    __slots__ = ("_runs", "_made")

    def __init__(self, runs: dict[str, tuple[list[str], list[list[str]], bool]]):
        self._runs, self._made = runs, {}  # resource → (header, cells, quoted); resource → rows

    def __getitem__(self, name: str) -> list[dict]:
        if name not in self._made:
            header, cells, quoted = self._runs[name]
            self._made[name] = _rows(header, cells, quoted) if cells else []
        return self._made[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._runs)

    def __len__(self) -> int:
        return len(self._runs)


_NONE_IF_EMPTY = {"": None}.get  # _NONE_IF_EMPTY(cell, cell): None for an empty cell, else the cell (in C)
_CELL, _ROW = "\x1f", "\x1e"  # joined between cells and between rows by cells_digest


def cells_digest(digest, cells: list[list[str]]) -> None:
    """Feed one run's ``cells`` (``_runs``) to ``digest`` (a ``hashlib`` object) unambiguously: joined by two
    separator characters in C, or by ``repr`` when a cell itself holds one of them (two different runs never
    feed the same bytes).

    >>> import hashlib
    >>> a, b = hashlib.sha256(), hashlib.sha256()
    >>> cells_digest(a, [["x\x1fy"]]); cells_digest(b, [["x", "y"]])
    >>> a.hexdigest() == b.hexdigest()
    False
    """
    text = _ROW.join(map(_CELL.join, cells))
    if text.count(_CELL) + text.count(_ROW) != sum(map(len, cells)) - 1:
        text = repr(cells)
    digest.update(f"{len(cells)}:".encode() + text.encode("utf-8", "surrogatepass"))


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return next(csv.reader(handle), [])


def _may_quote(path: Path, block: int = 1 << 20) -> bool:
    """Whether ``path`` holds an apostrophe anywhere (read a block at a time, never whole): a file without
    one has no cell that ``safe.sheet_cell`` prefixed."""
    with path.open("rb") as handle:
        while chunk := handle.read(block):
            if b"'" in chunk:
                return True
    return False


@dataclass
class Package:
    root: Path
    descriptor: dict
    tables: dict[str, list[dict]]
    _by_report: dict[str, dict] = field(default_factory=dict)
    _labels: dict[str, Mapping[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path) -> Package:
        """The package at ``root``, every cell as the report printed it: the apostrophe the CSVs put
        before a formula-looking text (``safe.sheet_cell``) is removed (``safe.cell_text``); pages
        still escape every value for their sink."""
        from ..safe import cell_text

        descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
        tables = {r["name"]: read_csv(root / r["path"]) for r in descriptor["resources"]}
        for rows in tables.values():
            for row in rows:
                for key, value in row.items():
                    if value and "'" in value:  # (the only cells sheet_cell changed; the rest stay as read)
                        row[key] = cell_text(value)
        names = {a["agency_id"]: a["name"] for a in tables.get("agencies", [])}
        for report in tables.get("reports", []):  # pages name a report by its agency's canonical name
            report["agency_name"] = names.get(report.get("agency_id") or "")
        return cls(root, descriptor, tables)

    @classmethod
    def open(cls, root: Path) -> Package:
        """The package at ``root`` with its small resources in memory; the per-report ones (``STREAMED``)
        are read by :meth:`stream`. Cells as in :meth:`load`."""
        descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
        tables = {r["name"]: [_clean(row) for row in read_csv_raw(root / r["path"])]
                  for r in descriptor["resources"] if r["name"] not in STREAMED + NOT_READ}
        names = {a["agency_id"]: a["name"] for a in tables.get("agencies", [])}
        for report in tables.get("reports", []):
            report["agency_name"] = names.get(report.get("agency_id") or "")
        return cls(root, descriptor, tables)

    def stream(self, names: tuple[str, ...] = STREAMED, digests: list | None = None
               ) -> Iterator[tuple[dict, Mapping[str, list[dict]]]]:
        """``(report row, {resource: that report's rows})`` for every report, in ``reports.csv`` order,
        reading each per-report CSV of ``names`` (default all of ``STREAMED``; ``metric_values`` too when
        named) once, a row at a time. Raises ``ValueError`` at the end if any row was left over (out of
        order, or of no report): nothing is silently lost. With ``digests`` (a list), its only item is set,
        before each report is yielded, to the SHA-256 (hex) of that report's rows in every resource streamed,
        as the CSVs hold them: equal digests, equal rows."""
        unknown = set(names) - set(STREAMED + NOT_READ)
        if unknown:
            raise ValueError(f"not streamed per report: {sorted(unknown)}")
        paths = {r["name"]: self.root / r["path"] for r in self.descriptor["resources"] if r["name"] in names}
        with ExitStack() as stack:
            headers = {name: _header(path) for name, path in paths.items()}
            quoted = {name: _may_quote(path) for name, path in paths.items()}
            runs = {name: _runs(stack, path) for name, path in paths.items()}
            heads = {name: next(run, None) for name, run in runs.items()}  # (report_id, cells) of the next run
            for report in self.tables["reports"]:
                rid, mine = report["report_id"], {}
                digest = hashlib.sha256() if digests is not None else None
                for name, run in runs.items():
                    head = heads[name]
                    if head is not None and head[0] == rid:
                        mine[name] = (headers[name], head[1], quoted[name])
                        if digest is not None:
                            digest.update(f"\n{name}\n".encode())
                            cells_digest(digest, head[1])
                        heads[name] = next(run, None)
                    else:
                        mine[name] = (headers[name], [], False)
                if digest is not None:
                    digests[:] = [digest.hexdigest()]
                yield report, ReportRows(mine)
            left = sorted(name for name, head in heads.items() if head is not None)
            if left:
                raise ValueError(f"rows of {', '.join(left)} out of reports.csv order or of no report")

    def labels(self, code_list: str) -> Mapping[str, str]:
        """``{code: label_zh}`` of a code list, built once (every report page asks), read-only."""
        if code_list not in self._labels:
            self._labels[code_list] = MappingProxyType({r["code"]: r["label_zh"] for r in self.tables[code_list]})
        return self._labels[code_list]

    def by_report(self, name: str) -> dict[str, list[dict]]:
        """``{report_id: rows}`` of one resource, built once (pages ask for it per report)."""
        if name not in self._by_report:
            out: dict[str, list[dict]] = {}
            for row in self.tables[name]:
                out.setdefault(row["report_id"], []).append(row)
            self._by_report[name] = out
        return self._by_report[name]

    def source_text(self, report_id: str) -> str:
        path = self.root / "sources" / f"{report_id}.txt"
        return path.read_text(encoding="utf-8") if path.exists() else ""

    def source_bytes(self, report_id: str) -> bytes:
        """The bytes of the report's source text file (empty when there is none), which ``text_of`` decodes as
        :meth:`source_text` reads it: a page taken from the last build needs the text's digest, not its text."""
        path = self.root / "sources" / f"{report_id}.txt"
        return path.read_bytes() if path.exists() else b""


def text_of(data: bytes) -> str:
    """``data`` (:meth:`Package.source_bytes`) as :meth:`Package.source_text` reads the file: UTF-8, strict, with
    universal newlines (``\\r\\n`` and ``\\r`` read as ``\\n``), as ``Path.read_text`` does.

    >>> text_of("年报\\r\\n第二行\\r第三行".encode())
    '年报\\n第二行\\n第三行'
    """
    with io.TextIOWrapper(io.BytesIO(data), encoding="utf-8") as handle:
        return handle.read()


def read_csv_raw(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        yield from csv.DictReader(handle)


def number(value: str | None) -> float | None:
    return None if value is None else float(value)


def metric_value(text: str | None) -> int | float | None:
    """A ``metric_values`` cell read back as ``report_values`` computed it: empty is None, an integer's digits
    an int, anything else a float (the package's CSV writer writes ints as digits and floats by ``repr``,
    which reads back exactly, ``.0`` included).

    >>> metric_value("688"), metric_value("50.0"), metric_value("-2.5"), metric_value(None)
    (688, 50.0, -2.5, None)
    """
    if text is None:
        return None
    try:
        return int(text)
    except ValueError:
        return float(text)
