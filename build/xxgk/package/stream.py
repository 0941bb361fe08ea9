"""The package written file by file from the record store, in memory that does not grow with the reports.

``settle`` runs the cross-report steps on the heads and the store: ``mark_duplicates`` on the heads alone,
then, one agency series at a time (``registry.series_key``: the reports of one agency across years), the
table-二 history (``settle_with_previous_year``) and the report card (``add_report_card``) on that series'
reports loaded from the store. Both functions take one series exactly as they take the whole list (they look
only within a series), so the findings are the in-memory build's. Each settled report is rendered there and
then (``render``: its CSV rows as text, its wide rows, its workbook rows) into a scratch *blocks* file of the
build's own, and its ``sources/*.txt`` written, so its record is decoded once (not held: a series at a time).
A report alone in its series (or with no agency or year) is a series of one: the render cache keeps it too.

``write_package`` then takes the reports in ``source_file`` order, one at a time, and appends their rows (a
block) to each resource's CSV (the order ``write.package_files`` gives), their wide rows, ``metric_values``
and the workbook's rows (``write.Workbook``); the agencies, code lists and metrics
follow; ``xxgk.db`` and Parquet are made from the written CSVs row by row (``query_files.write_query_files``)
and the zip from the written files block by block. ``tests/test_stream.py`` proves every file equal to
``write.package_files``'s.

From ``PARALLEL_REPORTS`` reports on, a helper process (``side_process.Helper``) shares each step: half the
series settled and rendered, the later half of the reports' rows written as parts, then ``xxgk.db`` (while
this process writes the workbook from the spools and zips the CSVs), and Parquet files by claims; what it
cannot do is done here (``tests/test_write_parallel.py``).
"""

from __future__ import annotations

import json
import pickle
import shutil
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from ..agency.registry import agencies_rows, agency_ids, series_key
from ..previous import Previous
from ..safe import CsvWriter, csv_text, sheet_row
from . import parquet_reuse, render_cache, zip_reuse
from .collect import mark_duplicates
from .metrics import metric_rows, metric_value_rows
from .parquet import FOLDER
from .parse_cache import open_cache
from .query_files import METADATA_NAME, query_file_entries, stamp_sizes_and_hashes, write_database, write_parquet_files
from .report_card import add_report_card
from .schema import code_list_rows, code_lists, descriptor, resource_schema, wide_header
from .side_process import Helper
from .sqlite_db import DB_NAME
from .store import FINAL, FINAL_HELPER, Head, Store
from .table2_history import settle_with_previous_year
from .tables import PER_REPORT, report_rows, wide_active, wide_applications, wide_review_litigation
from .write import XLSX_NAME, ZIP_NAME, Workbook, codebook_rows, zip_into

WIDE = {"wide/表2_主动公开.csv": wide_active, "wide/表3_依申请公开.csv": wide_applications,
        "wide/表4_复议诉讼.csv": wide_review_litigation}
SHEETS = ("codebook", "reports", "表2_主动公开", "表3_依申请公开", "表4_复议诉讼", "findings")


def resources() -> list[str]:
    """Every resource in the package's order (``write.package_files``'s tables)."""
    return [*PER_REPORT, "agencies", *code_lists(), "metrics", "metric_values"]


def settle(store: Store, heads: list[Head], ids: dict, folder: Path, work: Path, helper: Helper | None = None,
           cache_path: Path | None = None, previous: Path | None = None) -> None:
    """The cross-report findings (see the module docstring); ``heads`` sorted by ``source_file``. Each report is
    settled with its series (a report with no agency or no year is a series of its own) and rendered there
    (``render``: its rows into ``work``'s blocks file of the series' final shard, its text into
    ``folder/sources``), so that its record is decoded once; its head is then ``carded`` (its rows wait in
    ``blocks-<final_shard>``). With a ``helper`` process, it settles the later half of the series (by reports)
    under ``FINAL_HELPER`` while this process settles the first half under ``FINAL``: each series is settled
    whole in one place. ``cache_path``: the render cache's file
    (``render_cache``; None: none), read by both processes, each writing what it used into ``work``. ``previous``:
    the package this build replaces, whose ``sources/*.txt`` holding the same bytes are linked, not written again
    (``xxgk.previous``, as the site's rebuild: the same bytes, without a new file's cost)."""
    mark_duplicates(heads)  # heads are enough: the agency as resolved, the year, the SHA-256, the status
    series: dict[str, list[Head]] = defaultdict(list)
    alone: list[list[Head]] = []  # no agency or no year: a series of one
    for head in heads:
        if series_key(head) is not None and head.record.year is not None:
            series[series_key(head)].append(head)
        else:
            alone.append([head])
    groups: list[list[list[Head]]] = [[], []]
    every = [*series.values(), *alone]
    half, done = sum(map(len, every)) / 2, 0
    for members in every:
        groups[helper is not None and helper.pool is not None and done + len(members) / 2 > half].append(members)
        done += len(members)
    pending = helper.submit(settle_series, store.folder, groups[1], FINAL_HELPER, ids, folder, work, cache_path,
                            previous) if groups[1] else None
    for group, name, task in ((groups[0], FINAL, None), (groups[1], FINAL_HELPER, pending)):
        if task is None:
            settle_series(store, group, name, ids, folder, work, cache_path, previous)
        else:
            task.result(_removing(*_sqlite_files(work / f"blocks-{name}.sqlite"),
                                  *_sqlite_files(work / f"rendered-{name}.sqlite")),
                        here=lambda group=group, name=name: settle_series(store, group, name, ids, folder, work,
                                                                          cache_path, previous))
        for head in (h for members in group for h in members):
            head.final_shard, head.carded, head.file_findings = name, True, []


def settle_series(store: Store | Path, group: list[list[Head]], name: str, ids: dict, folder: Path,
                  work: Path, cache_path: Path | None = None, previous: Path | None = None) -> None:
    """Settle each series (its members' heads) of ``group`` and render its reports (``render``) into the blocks
    file ``work/blocks-<name>.sqlite``, their texts into ``folder/sources`` (in the helper process: ``store``
    its folder). A series the render cache at ``cache_path`` holds is taken from it (``render_cache``); what this
    process used and made goes to ``work/rendered-<name>.sqlite``. ``previous``: see ``settle``."""
    own = not isinstance(store, Store)
    store = Store(store) if own else store
    blocks = Blocks(work / f"blocks-{name}.sqlite", write=True)
    kept = render_cache.Reader(cache_path) if cache_path is not None else None
    scratch = render_cache.Scratch(work / f"rendered-{name}.sqlite") if kept is not None else None
    texts_from = Previous(previous)
    try:
        for members in group:
            key, texts = _cached_key(store, members, ids) if kept is not None else (None, [])
            found = kept.get(key, members[0].source_file, [h.report_id for h in members]) if key is not None else None
            if found is not None and len(found) == len(members):
                for head, block, text in zip(members, found, texts, strict=True):
                    blocks.put(head.source_file, block)
                    _write_text(folder, head.report_id, text.decode("utf-8", "surrogatepass"), texts_from)
                scratch.used(key)
                continue
            reports = [_with_extras(store.get(head), head) for head in members]
            settle_with_previous_year(reports)
            add_report_card(reports)
            made = [render(report, ids) for report in reports]
            for report, block in zip(reports, made, strict=True):
                blocks.put(report.source_file, block)
                _write_text(folder, report.report_id, report.text, texts_from)
            if key is not None:
                scratch.made(key, made)
    finally:
        blocks.close()
        for opened in (kept, scratch):
            if opened is not None:
                opened.close()
        if own:
            store.close()


def _cached_key(store: Store, members: list[Head], ids: dict) -> tuple[str | None, list[bytes]]:
    """``(the series' render-cache key, its members' stored texts)``; ``(None, [])`` when a member's row cannot
    be read as stored (the store recovers it; the series is rendered and not kept)."""
    try:
        rows = [store.raw(head) for head in members]
    except Exception:  # noqa: BLE001 - a shard the store must recover: no cache for this series
        return None, []
    parts = [(head.source_file, body, text, head.file_findings,
              ids.get(head.identity.key) if head.identity.agency_id else None)
             for head, (body, text) in zip(members, rows, strict=True)]
    return render_cache.series_key(parts), [text for _, text in rows]


def _with_extras(report, head: Head):
    report.file_findings += head.file_findings
    return report


def _write_text(folder: Path, report_id: str, text: str, previous: Previous) -> None:
    """A report's text at ``sources/<id>.txt``: linked from the replaced package when it holds these bytes (a new
    file cost this machine's kernel ≈ 0.6 ms, a checked link ≈ 0.03 ms: 10,000 reports' texts ≈ 6 s of CPU in
    every rebuild), written otherwise."""
    previous.put(folder / "sources" / f"{report_id}.txt", f"sources/{report_id}.txt", text.encode("utf-8"))


def _sqlite_files(path: Path) -> list[Path]:
    return [path, path.with_name(path.name + "-journal")]


class Blocks:
    """Rendered reports (``render``'s blocks) by source file: a scratch SQLite file of the build's own in its
    work folder (pickle: only this build writes and reads it), written by the process that settled them."""

    def __init__(self, path: Path, write: bool = False):
        if not write and not path.is_file():
            raise LookupError(f"no rendered reports at {path.name}")
        self.conn = sqlite3.connect(path, isolation_level=None)
        if write:
            self.conn.execute("PRAGMA journal_mode = OFF")
            self.conn.execute("PRAGMA synchronous = OFF")
            self.conn.execute("CREATE TABLE blocks (source_file TEXT PRIMARY KEY, block BLOB NOT NULL)")
            self.conn.execute("BEGIN")

    def put(self, source_file: str, block: tuple) -> None:
        self.conn.execute("INSERT INTO blocks VALUES (?, ?)",
                          (source_file, pickle.dumps(block, protocol=pickle.HIGHEST_PROTOCOL)))

    def get(self, source_file: str) -> tuple:
        row = self.conn.execute("SELECT block FROM blocks WHERE source_file = ?", (source_file,)).fetchone()
        if row is None:
            raise LookupError(f"{source_file}: settled but not rendered")
        return pickle.loads(row[0])

    def close(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")
        self.conn.close()


PARALLEL_REPORTS = 1_000  # fewer reports: the helper process's start costs more than it saves


class CsvFile:
    """One CSV of the package written row by row as ``write.csv_bytes`` writes it whole (BOM, ``\\n``,
    ``safe.sheet_row``); ``fields`` None takes the first row's keys (the wide tables), ``empty`` if none.
    ``header`` False: a *part* (rows only, no BOM nor header) that ``append`` copies into the whole file."""

    def __init__(self, path: Path, fields: list[str] | None, header: bool = True, empty: list[str] | None = None):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path, self.fields, self.header, self.empty = path, fields, header, empty or ["报告编号"]
        self.handle = open(path, "w", encoding="utf-8", newline="")
        if header:
            self.handle.write("\ufeff")
        self.writer = CsvWriter(self.handle)
        if fields is not None and header:
            self.writer.writerow(fields)

    def add(self, row: dict) -> None:
        if self.fields is None:
            self.fields = list(row)
            if self.header:
                self.writer.writerow(self.fields)
        self.writer.writerow(sheet_row(row, self.fields))

    def add_text(self, keys: tuple | None, text: str) -> None:
        """Rows ``render`` wrote as CSV text with the columns ``keys`` (None: no rows)."""
        if keys is None:
            return
        if self.fields is None:
            self.fields = list(keys)
            if self.header:
                self.writer.writerow(self.fields)
        elif list(keys) != self.fields:  # the wide tables' keys are fixed by their functions: never seen
            raise ValueError(f"{self.path.name}: a report's columns differ from the first rows'")
        self.handle.write(text)

    def append(self, part: Path, fields: list[str] | None) -> None:
        """The rows of a part (``header`` False) written with ``fields`` (None: it has no rows), after these."""
        if fields is None:
            return
        if self.fields is None:
            self.fields = list(fields)
            self.writer.writerow(self.fields)
        elif list(fields) != self.fields:  # the wide tables' keys are fixed by their functions: never seen
            raise ValueError(f"{self.path.name}: a part's columns differ from the first rows'")
        self.handle.flush()
        with open(part, "rb") as source:
            shutil.copyfileobj(source, self.handle.buffer, 1 << 20)

    def close(self) -> None:
        if self.fields is None and self.header:
            self.writer.writerow(self.empty)
        self.handle.close()


class Spool:
    """The workbook's rows of a run of reports, in order, for ``build_workbook`` (a scratch file of the build's
    own, read back only by it): per report one pickled list of ``(sheet, keys, values)``, ``keys`` given on a
    sheet's first row in this spool (the sheet's header, if it is the workbook's first row of that sheet)."""

    def __init__(self, path: Path):
        self.path, self.handle, self.seen, self.batch = path, open(path, "wb"), set(), []

    def add(self, title: str, row: dict) -> None:
        keys = None if title in self.seen else tuple(row)
        self.seen.add(title)
        self.batch.append((title, keys, tuple(row.values())))

    def add_items(self, items: list[tuple]) -> None:
        """``render``'s workbook rows of one report: ``(sheet, keys, values)``, keys on each sheet's first row."""
        for title, keys, values in items:
            if title in self.seen:
                keys = None
            self.seen.add(title)
            self.batch.append((title, keys, values))

    def flush(self) -> None:
        if self.batch:
            pickle.dump(self.batch, self.handle, protocol=pickle.HIGHEST_PROTOCOL)
            self.batch = []

    def close(self) -> None:
        self.flush()
        self.handle.close()


def spooled(path: Path) -> Iterator[tuple]:
    """The ``(sheet, keys, values)`` a ``Spool`` wrote, in order."""
    with open(path, "rb") as handle:
        while True:
            try:
                batch = pickle.load(handle)
            except EOFError:
                return
            yield from batch


class Sinks:
    """Where the rows of a run of reports go: every per-report CSV (``PER_REPORT``, ``metric_values``), the wide
    CSVs, the workbook's spool and ``sources/``. Part 0 writes the package's own CSVs (with their headers, left
    open for the rows that follow); part k > 0 writes rows only into ``work/part-k/`` for ``CsvFile.append``."""

    def __init__(self, folder: Path, work: Path, part: int):
        first = part == 0
        root = folder if first else work / f"part-{part}"
        self.csvs = {name: CsvFile(root / "data" / f"{name}.csv", _fields(name), header=first)
                     for name in (*PER_REPORT, "metric_values")}
        self.wide = {path: CsvFile(root / path, None, header=first, empty=wide_header(path)) for path in WIDE}
        self.spool = Spool(work / f"spool-{part}")
        self.sources = folder / "sources"

    def add(self, block: tuple) -> None:
        """One report's rows (``render``)."""
        texts, wide, sheet = block
        for name, text in texts.items():
            self.csvs[name].handle.write(text)
        for sink, (keys, text) in zip(self.wide.values(), wide, strict=True):
            sink.add_text(keys, text)
        self.spool.add_items(sheet)
        self.spool.flush()

    def close(self) -> dict[str, list[str] | None]:
        """Close the parts (part 0's CSVs stay open); returns ``{wide path: columns}`` (None: no rows)."""
        for sink in (*self.csvs.values(), *self.wide.values()):
            if not sink.header:
                sink.close()
        self.spool.close()
        return {path: sink.fields for path, sink in self.wide.items()}


@cache
def _fields(name: str) -> list[str]:
    return [f["name"] for f in resource_schema(name)["fields"]]


def _csv_text(rows, fields) -> str:
    return csv_text(sheet_row(row, fields) for row in rows)


def render(report, ids: dict) -> tuple:
    """One report's rows as the package writes them: ``(CSV text per resource of PER_REPORT and
    metric_values, (columns or None, CSV text) per wide table, the workbook's rows)`` — the workbook's rows
    as ``(sheet, keys, values)`` in the workbook's order for this report, keys on each sheet's first row."""
    rows = report_rows(report, ids)
    texts = {name: _csv_text(table, _fields(name)) for name, table in rows.items()}
    texts["metric_values"] = _csv_text(metric_value_rows(rows), _fields("metric_values"))
    by_id = {row["report_id"]: row for row in rows["reports"]}
    wide, sheet = [], []
    for make, title in zip(WIDE.values(), SHEETS[2:5], strict=True):
        table = make(rows, by_id)
        keys = tuple(table[0]) if table else None
        wide.append((keys, _csv_text(table, keys) if table else ""))
        sheet += _sheet_rows(title, table)
    sheet += _sheet_rows("reports", rows["reports"]) + _sheet_rows("findings", rows["findings"])
    return texts, tuple(wide), sheet


def _sheet_rows(title: str, table: list[dict]) -> list[tuple]:
    return [(title, tuple(row) if i == 0 else None, tuple(row.values())) for i, row in enumerate(table)]


def write_rows(heads: list[Head], sinks: Sinks, work: Path) -> None:
    """The rows of the reports of ``heads`` (in that order) into ``sinks`` (see ``write_package``), each from
    the block its series left (``settle``, which settles every report first: a head it did not is a bug,
    raised as ``LookupError``)."""
    blocks: dict[str, Blocks] = {}
    try:
        for head in heads:
            if not head.carded:
                raise LookupError(f"{head.source_file}: its rows were asked for before it was settled")
            if head.final_shard not in blocks:
                blocks[head.final_shard] = Blocks(work / f"blocks-{head.final_shard}.sqlite")
            sinks.add(blocks[head.final_shard].get(head.source_file))
    finally:
        for opened in blocks.values():
            opened.close()


def write_part(heads: list[Head], folder: Path, work: Path, part: int) -> dict:
    """``write_rows`` of one part k > 0 (in the helper process) into ``work/part-k/``; returns ``Sinks.close``'s
    columns."""
    sinks = Sinks(folder, work, part)
    write_rows(heads, sinks, work)
    return sinks.close()


def build_workbook(target: Path, work: Path, names: list[str], spools: list[Path], reuse=None) -> None:
    """``xxgk.xlsx`` at ``target``: the codebook of the resources ``names``, then the spooled rows (XlsxWriter's
    row files in ``work``, a new folder, removed after). ``reuse``: ``write.zip_into``'s."""
    work.mkdir()
    book = Workbook(list(SHEETS), work)
    for row in codebook_rows(names):
        book.add("codebook", row)
    for spool in spools:
        for title, keys, values in spooled(spool):
            book.add_values(title, keys, values)
    book.close(target, reuse)
    shutil.rmtree(work)


def _parts(heads: list[Head], count: int) -> list[list[Head]]:
    """``heads`` cut into ``count`` runs of consecutive reports, as even as the count allows."""
    size = -(-len(heads) // count)
    return [heads[i * size:(i + 1) * size] for i in range(count)]


def _removing(*paths: Path):
    def cleanup() -> None:
        for path in paths:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            elif path.exists() or path.is_symlink():
                path.unlink()
    return cleanup


def write_package(store: Store, heads: list[Head], folder: Path, version: str,
                  changelog: bytes | None = None, workers: int = 2, cache_dir: Path | None = None,
                  previous: Path | None = None) -> None:
    """Write the whole package into ``folder`` (the staging folder) from the store, settled first (``settle``).

    With ``workers`` 2 and at least ``PARALLEL_REPORTS`` reports a helper process (``side_process``) settles
    and renders half the agency series, then takes the second half of the reports' rows (a part, appended after
    the first half's rows) and then ``xxgk.db``, while this process settles the other series, writes the first
    half, then the workbook, the zip of the CSVs, Parquet (both processes, by claims) and ``datapackage.json``.
    A helper that dies or fails has its work done again here: the same bytes either way (tested). ``cache_dir``:
    the parse cache's folder, whose file also keeps the rendered series (``render_cache``); the same bytes with
    or without it. ``previous``: the package this one replaces (its unchanged ``sources/`` are linked, ``settle``)."""
    folder = Path(folder)
    names = resources()
    work = Path(tempfile.mkdtemp(prefix=".write-work-", dir=folder))  # blocks, parts, spools, XlsxWriter's rows
    helper = Helper(enabled=workers > 1 and len(heads) >= PARALLEL_REPORTS)
    memo, olds = None, {}
    try:
        ids = agency_ids(heads)
        (folder / "sources").mkdir()
        cache = open_cache(cache_dir)
        try:
            cache_path = _render_cache_file(cache)
            settle(store, heads, ids, folder, work, helper, cache_path, previous)
            if cache_path is not None:
                render_cache.merge(cache.conn, [work / f"rendered-{name}.sqlite" for name in (FINAL, FINAL_HELPER)])
        finally:
            if cache is not None:
                cache.close()
        memo = zip_reuse.Memo(cache_path)  # files and zip members made before of the same bytes: taken again
        parts = _parts(heads, 2 if helper.pool is not None else 1)
        pending = {k: helper.submit(write_part, part, folder, work, k) for k, part in enumerate(parts) if k}
        sinks = Sinks(folder, work, 0)
        write_rows(parts[0], sinks, work)
        for k, task in pending.items():
            columns = task.result(_removing(work / f"part-{k}", work / f"spool-{k}"))
            for name, sink in sinks.csvs.items():
                sink.append(work / f"part-{k}" / "data" / f"{name}.csv", sink.fields)
            for path, sink in sinks.wide.items():
                sink.append(work / f"part-{k}" / path, columns[path])
        sinks.spool.close()
        csvs = dict(sinks.csvs)
        for name in ("agencies", *code_lists(), "metrics"):
            csvs[name] = CsvFile(folder / "data" / f"{name}.csv", _fields(name))
        for row in agencies_rows(heads, ids):
            csvs["agencies"].add(row)
        for name in code_lists():
            for row in code_list_rows(name):
                csvs[name].add(row)
        for row in metric_rows():
            csvs["metrics"].add(row)
        for sink in (*csvs.values(), *sinks.wide.values()):
            sink.close()
        csvs = {name: csvs[name] for name in names}  # the package's order
        spools = [work / f"spool-{k}" for k in range(len(parts))]
        paths = {name: sink.path for name, sink in csvs.items()}
        package = descriptor(version)
        database = helper.submit(write_database, folder, paths, package)
        hashes = parquet_reuse.csv_hashes(paths) if memo.conn is not None else {}
        kept = parquet_reuse.expected(memo, hashes, package)  # the Parquet files of CSVs that did not change
        (work / "claims").mkdir()  # the Parquet files: the helper takes them from the start, this process from the end
        parquet = helper.submit(write_parquet_files, folder, paths, descriptor(version), work / "claims", kept,
                                previous)
        if changelog:
            (folder / "CHANGELOG.md").write_bytes(changelog)
        olds = {name: zip_reuse.Reuse.of(memo, previous, name) for name in (XLSX_NAME, ZIP_NAME)}
        build_workbook(folder / XLSX_NAME, work / "xlsx", names, spools, olds[XLSX_NAME])

        def described() -> Path:  # datapackage.json, once the database and the Parquet files are there (hashes)
            mine = write_parquet_files(folder, dict(reversed(paths.items())), package, work / "claims", kept, previous)
            rest = {name: path for name, path in paths.items() if f"{FOLDER}/{name}.parquet" not in mine}
            query = dict(database.result(_removing(folder / DB_NAME, folder / METADATA_NAME),
                                         here=lambda: write_database(folder, paths, package)))
            query.update(mine)
            query.update(parquet.result(_removing(*(folder / FOLDER / f"{name}.parquet" for name in rest)),
                                        here=lambda: write_parquet_files(folder, rest, package, None, kept,
                                                                         previous)))
            package["x_xxgk_query_files"] = query_file_entries(query)
            parquet_reuse.record(memo, hashes, package, package["x_xxgk_query_files"])
            stamp_sizes_and_hashes(package, {rel: folder / rel for rel in [*(f"data/{n}.csv" for n in names), *WIDE]})
            target = folder / "datapackage.json"
            target.write_bytes((json.dumps(package, ensure_ascii=False, indent=2, sort_keys=True)
                                + "\n").encode("utf-8"))
            return target

        zipped = [f"data/{name}.csv" for name in names] + list(WIDE) + ["datapackage.json"] + \
            (["CHANGELOG.md"] if changelog else [])
        zip_into(folder / ZIP_NAME, ((rel, described() if rel == "datapackage.json" else folder / rel)
                                     for rel in sorted(zipped)),  # the CSVs zipped while the helper works
                 olds[ZIP_NAME])
    finally:
        helper.close()
        for reuse in olds.values():
            if reuse is not None:
                reuse.close()
        if memo is not None:
            memo.close()
    shutil.rmtree(work)


def _render_cache_file(cache) -> Path | None:
    """The parse cache's file with its ``rendered`` table made, or None (no cache, or one that cannot take it)."""
    if cache is None or cache.conn is None:
        return None
    try:
        render_cache.prepare(cache.conn)
    except Exception:  # noqa: BLE001 - a cache that cannot take the table: no render cache this build
        return None
    return cache.path
