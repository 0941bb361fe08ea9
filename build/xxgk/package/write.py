"""Writing the package to disk: CSVs, ``datapackage.json``, wide CSVs, XLSX, zip, source texts, and the
query formats (``xxgk.db``, ``parquet/``; see ``query_files``).

Byte-identical for the same input: rows in a fixed order, ``\\n`` line ends, JSON with sorted
keys, and zip/XLSX entries with a fixed timestamp, deflated by zlib-ng (``ZIP_LEVEL``, its version pinned as
for the site's gzip downloads). The package is written into a temporary
folder beside ``out`` and swapped in at the end, so a build killed midway leaves the previous
package whole, and a package that fails validation is never swapped in.

Every text cell of a CSV or the XLSX goes through ``safe.sheet_cell`` (a leading ``= + - @``, TAB
or CR gets an apostrophe, so no spreadsheet runs it as a formula), and XlsxWriter is told not to
turn strings into formulas, numbers or links.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import threading
import zipfile
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from zlib_ng import zlib_ng

from ..folders import locked, recover, remove_made, seal, staging_for, swap_in
from ..safe import csv_text, sheet_cell, sheet_row, xlsx_cell
from .collect import Report
from .database_file import ZIP_NAME
from .metrics import metric_rows, metric_value_rows
from .query_files import query_file_entries, query_files, stamp_sizes_and_hashes
from .schema import descriptor, resource_schema, wide_header, wide_tables
from .tables import reports_to_tables, wide_active, wide_applications, wide_review_litigation

ZIP_DATE = (2020, 1, 1, 0, 0, 0)
XLSX_NAME = "xxgk.xlsx"


def csv_bytes(rows: list[dict], fields: list[str], bom: bool = True) -> bytes:
    """CSV as UTF-8 with a BOM (by default): Excel on Chinese Windows then opens it as UTF-8 instead of GBK
    (no mojibake); pandas (``encoding="utf-8-sig"``), readr and frictionless (``encoding: utf-8-sig`` in the
    descriptor) read it cleanly."""
    text = csv_text([fields, *(sheet_row(row, fields) for row in rows)])
    return (("\ufeff" if bom else "") + text).encode("utf-8")


# zlib-ng's level 5 for the zip's and the workbook's entries: on the 10,000-report package's CSVs (132 MB) 2.6 × less
# CPU than zlib's level 6 (2.85 → 1.11 s) and 0.5 % smaller; any unzip reads it (plain deflate)
ZIP_LEVEL = 5
ZIP_BLOCK = 1 << 20  # bytes given to the deflater at a time (``zip_into``); ``downloads.GZIP_BLOCK`` is the same
_DEFLATER = threading.Lock()
_STDLIB_COMPRESSOR = zipfile._get_compressor  # the standard library's factory, put back after each zip


_NEXT_COMPRESSOR: list = []  # the compressor ``zip_into`` hands ``zipfile`` for the member it opens next


def _zlib_ng_compressor(compress_type, compresslevel=None):
    if compress_type == zipfile.ZIP_DEFLATED:
        if _NEXT_COMPRESSOR:
            return _NEXT_COMPRESSOR.pop()
        return zlib_ng.compressobj(ZIP_LEVEL, zlib_ng.DEFLATED, -15)
    return _STDLIB_COMPRESSOR(compress_type, compresslevel)


@contextmanager
def _deflating_with_zlib_ng() -> Iterator[None]:
    """``zipfile`` deflating with zlib-ng while this runs: the standard library has no parameter for the
    deflater, so its one factory (``zipfile._get_compressor``) is swapped, under a lock (one zip at a time
    in a process is written this way; nothing else of this project writes a deflated zip)."""
    with _DEFLATER:
        zipfile._get_compressor = _zlib_ng_compressor
        try:
            yield
        finally:
            zipfile._get_compressor = _STDLIB_COMPRESSOR


def zip_into(target, entries: Iterable[tuple[str, bytes | Path]], reuse=None) -> None:
    """A zip of ``entries`` (name, bytes or a file to copy) at ``target`` (a path or a binary file), every entry
    deflated (zlib-ng, ``ZIP_LEVEL``) with the fixed timestamp ``ZIP_DATE``; files are copied in blocks, never
    read whole. Every entry is given to the deflater ``ZIP_BLOCK`` bytes at a time, bytes and files alike: zlib-ng's
    output depends on how its input is cut, and the site's ``.gz`` downloads are these members' streams
    (``site/zip_members.py``), which ``downloads.gzip_file`` writes in blocks of the same size.
    ``entries`` is consumed inside: an entry made on demand must not write a zip itself.
    ``reuse`` (``zip_reuse.Reuse``, or None): a member whose bytes this deflater compressed before takes its stream
    from the zip being replaced, checked against the memo (``zip_reuse``); every other member's stream is recorded
    there. The same bytes either way."""
    with _deflating_with_zlib_ng(), zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            # as writestr sets or knows it: the same zip64 decision
            info.file_size = len(data) if isinstance(data, bytes) else Path(data).stat().st_size
            recording = _member_compressor(reuse, name, data)
            try:
                if isinstance(data, bytes):
                    with archive.open(info, "w") as sink:  # (writestr gives the deflater the whole entry at once)
                        for start in range(0, len(data), ZIP_BLOCK):
                            sink.write(data[start:start + ZIP_BLOCK])
                else:
                    with open(data, "rb") as source, archive.open(info, "w") as sink:
                        shutil.copyfileobj(source, sink, ZIP_BLOCK)
            finally:
                _NEXT_COMPRESSOR.clear()
            if recording is not None:
                content, hashing = recording
                reuse.memo.record(content, hashing.digest.hexdigest(), hashing.size)
                reuse.memo.deflated += 1


def _member_compressor(reuse, name: str, data: bytes | Path):
    """With ``reuse``: the compressor of the member ``name`` to be opened next (``_NEXT_COMPRESSOR``) — the old
    stream replayed (``zip_reuse.Replay``) or a deflater whose output is hashed — and, for the latter, ``(the
    bytes' SHA-256, the hashing deflater)`` to record once the member is written; None otherwise."""
    if reuse is None:
        return None
    from .zip_reuse import Hashing, Replay

    if isinstance(data, bytes):
        content = hashlib.sha256(data).hexdigest()
    else:
        with open(data, "rb") as handle:
            content = hashlib.file_digest(handle, "sha256").hexdigest()
    stream = reuse.stream(name, content)
    if stream is not None:
        _NEXT_COMPRESSOR.append(Replay(stream))
        return None
    hashing = Hashing(zlib_ng.compressobj(ZIP_LEVEL, zlib_ng.DEFLATED, -15))
    _NEXT_COMPRESSOR.append(hashing)
    return content, hashing


def _fixed_zip(entries: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    zip_into(buffer, entries)
    return buffer.getvalue()


SHEET_ROWS = 1_048_576  # rows an Excel sheet holds, its header included (XlsxWriter drops any beyond, silently)


def continuation(title: str, part: int) -> str:
    """The name of the ``part``-th sheet (2, 3, …) of a table longer than one sheet holds (Excel: ≤ 31 characters).

    >>> continuation("表3_依申请公开", 2)
    '表3_依申请公开 (2)'
    """
    suffix = f" ({part})"
    return title[:31 - len(suffix)] + suffix


class Workbook:
    """The XLSX workbook written row by row (XlsxWriter's ``constant_memory``: each sheet's rows go to a
    temporary file as they come, strings inline), one sheet per title in ``titles``' order, each with its header
    row frozen; a sheet's header is its first row's keys, and a sheet without rows gets the header ``sheet_header``
    gives (``close``). A table with more rows than a sheet holds
    (``SHEET_ROWS``, header included: ≈ 42,000 reports' table 3) goes on in sheets ``<title> (2)``, ``(3)`` …
    added after the others, each with the header again: no row is lost. ``close`` re-zips it into ``target``
    with fixed timestamps (``zip_into``) entry by entry."""

    def __init__(self, titles: list[str], work: Path):
        from datetime import datetime

        import xlsxwriter

        from . import xlsx_rows

        self.rows = xlsx_rows
        self.renderer = xlsx_rows.Rows(xlsx_cell, lambda value: xlsx_cell(sheet_number(value)))
        self.work = Path(work)
        self.path = self.work / "unzipped.xlsx"
        self.book = xlsxwriter.Workbook(str(self.path), {"constant_memory": True, "tmpdir": str(self.work),
                                                         "strings_to_numbers": False, "strings_to_urls": False,
                                                         "strings_to_formulas": False})
        self.book.set_properties({"created": datetime(2020, 1, 1)})
        self.sheets = {title: [self._sheet(title[:31]), 0] for title in titles}
        self.headers: dict[str, list] = {}  # a table's header, for its continuation sheets
        self.numbers: dict[str, frozenset[int]] = {}  # a table's columns of Table Schema type number
        self.parts: dict[str, int] = {}  # a table's sheets so far, once it needed more than one

    def _sheet(self, name: str):
        """A new sheet whose header row stays in view as the user scrolls (Excel's 冻结首行)."""
        worksheet = self.book.add_worksheet(name)
        worksheet.freeze_panes(1, 0)
        return worksheet

    def add(self, title: str, row: dict) -> None:
        self.add_values(title, row, row.values())

    def add_values(self, title: str, keys: Iterable[str] | None, values: Iterable) -> None:
        """One row of sheet ``title``: its cells ``values``; ``keys`` (the row's keys) make the sheet's header
        when this is its first row (``None`` only for a row that cannot be the sheet's first).

        A row of text and ordinary numbers is rendered here as XlsxWriter renders it (``xlsx_rows.row_xml``) and
        written into the sheet's row file; any other row (a bool, a NaN, a text past half a cell's limit)
        goes through XlsxWriter's own cell writers. Either way the file is XlsxWriter's, byte for byte
        (``tests/test_stream.py`` compares both paths on every kind of cell)."""
        sheet = self.sheets[title]
        if sheet[1] == SHEET_ROWS:  # this sheet is full: the table goes on in the next
            self.parts[title] = self.parts.get(title, 1) + 1
            sheet[:] = [self._sheet(continuation(title, self.parts[title])), 0]
            keys = self.headers[title]
        if sheet[1] == 0:
            self.headers.setdefault(title, list(keys))
            self.numbers.setdefault(title, frozenset(i for i, key in enumerate(self.headers[title])
                                                     if key in number_fields(title)))
            sheet[0].write_row(0, 0, [sheet_cell(h) for h in keys])
            sheet[0]._write_single_row(1)  # written now: the sheet's row file holds whole rows only
            sheet[1] = 1
        worksheet, number = sheet
        numbers = self.numbers[title]
        values = values if isinstance(values, (list, tuple)) else list(values)
        rendered = self.renderer.render(number, values, numbers)
        if rendered is None:
            cells = [xlsx_cell(sheet_number(value) if i in numbers else value) for i, value in enumerate(values)]
            self.rows.write_cells(worksheet, number, cells)
        elif rendered:
            xml, first, last = rendered
            worksheet.row_data_fh.write(xml)
            if worksheet.dim_rowmin is None:
                worksheet.dim_rowmin = number
            worksheet.dim_rowmax = number
            if worksheet.dim_colmin is None or first < worksheet.dim_colmin:
                worksheet.dim_colmin = first
            if worksheet.dim_colmax is None or last > worksheet.dim_colmax:
                worksheet.dim_colmax = last
            worksheet.previous_row = number + 1
        sheet[1] += 1

    def close(self, target, reuse=None) -> None:
        """Write the workbook and re-zip it into ``target``. A sheet without rows gets its header row
        (``sheet_header``), as its CSV has one: an empty package's sheets were blank. XlsxWriter's own zip is only
        read back here, so it is stored, not deflated (its module's ``ZIP_DEFLATED`` name set to ``ZIP_STORED``
        while it writes): the entries are the same, and only the final zip compresses them. ``reuse``: ``zip_into``'s
        (a sheet whose XML did not change takes its stream from the workbook being replaced)."""
        import xlsxwriter.workbook

        for title, (worksheet, rows) in self.sheets.items():
            if rows == 0 and (header := sheet_header(title)):
                worksheet.write_row(0, 0, [sheet_cell(h) for h in header])

        deflated, xlsxwriter.workbook.ZIP_DEFLATED = xlsxwriter.workbook.ZIP_DEFLATED, zipfile.ZIP_STORED
        try:
            self.book.close()
        finally:
            xlsxwriter.workbook.ZIP_DEFLATED = deflated
        parts = self.work / "parts"
        parts.mkdir(exist_ok=True)
        with zipfile.ZipFile(self.path) as archive:
            names = [info.filename for info in archive.infolist()]
            for number, name in enumerate(names):
                with archive.open(name) as source, open(parts / f"{number}", "wb") as sink:
                    shutil.copyfileobj(source, sink, 1 << 20)
        zip_into(target, [(name, parts / f"{number}") for number, name in enumerate(names)], reuse)
        shutil.rmtree(parts)
        self.path.unlink()


def number_fields(title: str) -> frozenset[str]:
    """The columns of workbook sheet ``title`` whose Table Schema type is ``number`` (a decimal: table 二's
    amounts in 万元, the wide table's 数值1–3), which ``sheet_number`` writes as numbers.

    >>> sorted(number_fields("表2_主动公开")), number_fields("findings")
    (['数值1', '数值2', '数值3'], frozenset())
    """
    if title in ("reports", "findings"):
        fields = resource_schema(title)["fields"]
    else:
        fields = next((w["fields"] for w in wide_tables() if w["name"] == title), [])
    return frozenset(f["name"] for f in fields if f["type"] == "number")


_DECIMAL = re.compile(r"-?\d{1,15}(?:\.\d+)?")


def sheet_number(value):
    """A number column's cell for the workbook: a decimal as the package's rows carry it, in plain text (``3883.3``,
    ``tables.plain``), as a number, so that Excel sums it (audit 27: table 二's 行政事业性收费 amounts were text
    cells in a 数值 column of whole numbers, left out of every SUM, flagged 以文本形式存储的数字). A text of more
    than 15 significant digits, which a double would change, stays text, as in the CSV.

    >>> sheet_number("3883.3"), sheet_number("24252.311082"), sheet_number(7), sheet_number(None)
    (3883.3, 24252.311082, 7, None)
    >>> sheet_number("1234567890.1234567"), sheet_number("未填")
    ('1234567890.1234567', '未填')
    """
    if isinstance(value, str) and _DECIMAL.fullmatch(value) and len(value.lstrip("-0").replace(".", "")) <= 15:
        return float(value) if "." in value else int(value)
    return value


def sheet_header(title: str) -> list[str] | None:
    """The columns of workbook sheet ``title``: a resource's fields (``reports``, ``findings``) or a wide table's
    (``表2_主动公开`` is ``wide/表2_主动公开.csv``), as the codebook lists them; None for any other sheet.

    >>> sheet_header("findings")[:3], sheet_header("表4_复议诉讼")[:2], sheet_header("codebook")
    (['report_id', 'code', 'severity'], ['报告编号', '机构'], None)
    """
    if title in ("reports", "findings"):
        return [f["name"] for f in resource_schema(title)["fields"]]
    path = f"wide/{title}.csv"
    return wide_header(path) if any(w["path"] == path for w in wide_tables()) else None


def xlsx_bytes(sheets: dict[str, list[dict]]) -> bytes:
    """A workbook with one sheet per table (``Workbook``), with fixed dates for reproducibility."""
    import tempfile

    raw = io.BytesIO()
    with tempfile.TemporaryDirectory(prefix="xxgk-xlsx-") as work:
        book = Workbook(list(sheets), Path(work))
        for title, rows in sheets.items():
            for row in rows:
                book.add(title, row)
        book.close(raw)
    return raw.getvalue()


CONTINUED_SHEETS = {"resource": "（工作簿）", "field": "", "title": "续表",
                    "type": "", "description": f"A table longer than an Excel sheet holds ({SHEET_ROWS:,} rows, its "
                                                "header included) goes on in sheets named '<sheet> (2)', '(3)' …, "
                                                "each with the header again: read them one after the other. "
                                                "表格超过一个工作表的行数上限时，接续在“表名 (2)”“(3)”……工作表中。"}


def codebook_rows(names: Iterable[str]) -> list[dict]:
    """The workbook's ``codebook`` sheet: every field of the resources ``names``, in order, then every column of the
    wide sheets 表2/表3/表4 (``schema.wide_tables``), then how a table too long for one sheet goes on
    (``CONTINUED_SHEETS``)."""
    return [{"resource": name, "field": f["name"], "title": f.get("title", ""),
             "type": f["type"], "description": f.get("description", "")}
            for name in names for f in resource_schema(name)["fields"]] + [
        {"resource": wide["name"], "field": f["name"], "title": f["name"], "type": f["type"],
         "description": f["description"]} for wide in wide_tables() for f in wide["fields"]] + [CONTINUED_SHEETS]


def package_files(reports: list[Report], data_version: str, changelog: bytes | None = None) -> dict[str, bytes]:
    """``{relative path: bytes}`` of the whole package. Pure."""
    tables = reports_to_tables(reports)
    tables["metrics"] = list(metric_rows())
    tables["metric_values"] = metric_value_rows(tables)  # the values every chart shows, for the data's users
    files: dict[str, bytes] = {"CHANGELOG.md": changelog} if changelog else {}
    for name, rows in tables.items():
        fields = [f["name"] for f in resource_schema(name)["fields"]]
        files[f"data/{name}.csv"] = csv_bytes(rows, fields)
    package = descriptor(data_version)
    query = query_files({name: files[f"data/{name}.csv"] for name in tables}, package)  # xxgk.db, parquet/
    files |= query
    package["x_xxgk_query_files"] = query_file_entries(query)
    by_id = {r["report_id"]: r for r in tables["reports"]}
    wide = {"wide/表2_主动公开.csv": wide_active(tables, by_id),
            "wide/表3_依申请公开.csv": wide_applications(tables, by_id),
            "wide/表4_复议诉讼.csv": wide_review_litigation(tables, by_id)}
    for path, rows in wide.items():
        files[path] = csv_bytes(rows, list(rows[0]) if rows else wide_header(path), bom=True)
    stamp_sizes_and_hashes(package, files)
    files["datapackage.json"] = (json.dumps(package, ensure_ascii=False, indent=2,
                                            sort_keys=True) + "\n").encode("utf-8")
    files[XLSX_NAME] = xlsx_bytes({"codebook": codebook_rows(tables), "reports": tables["reports"],
                                   "表2_主动公开": wide["wide/表2_主动公开.csv"],
                                   "表3_依申请公开": wide["wide/表3_依申请公开.csv"],
                                   "表4_复议诉讼": wide["wide/表4_复议诉讼.csv"],
                                   "findings": tables["findings"]})
    for report in reports:
        files[f"sources/{report.report_id}.txt"] = report.text.encode("utf-8")
    files[ZIP_NAME] = _fixed_zip(sorted((k, v) for k, v in files.items()
                                        if k.startswith(("data/", "wide/")) or k in ("datapackage.json",
                                                                                      "CHANGELOG.md")))
    return files


def write_atomically(files: dict[str, bytes], out: Path, check=None) -> list[str]:
    """Write ``files`` into a sibling folder, run ``check`` on it (a list of errors), and swap it
    in for ``out`` only if there are none: an invalid package never replaces the last good one.
    Takes the lock and mends a swap cut short first (``folders``). Returns ``check``'s errors."""
    def fill(staging: Path) -> None:
        for rel, data in sorted(files.items()):
            target = staging / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)

    return write_streamed(fill, out, check)


def write_streamed(fill, out: Path, check=None, alongside=None) -> list[str]:
    """``write_atomically`` for a package written by ``fill(staging folder)`` file by file.

    ``alongside(staging, verdict)``, if given, runs while ``check`` validates the written package (in a thread:
    the validator's work is in processes of its own above ``fast_validate.PARALLEL_BYTES``): it may read the
    package in ``staging``, and must call ``verdict()`` — which waits for the check and returns its errors — before
    it makes public anything it derived from the package (``xxgk build``: the site, built from the package while
    it is validated, is swapped in only if it is valid). The package is swapped in after ``alongside`` returned,
    and only if it is valid; if ``alongside`` raises, the check is waited for and the package is not swapped in."""
    out = Path(out)
    with locked(out):
        recover(out)
        staging = staging_for(out)
        try:
            fill(staging)
            errors = _checked_alongside(staging, check, alongside) if alongside else \
                (check(staging) if check else [])
            if errors:
                remove_made(staging)
                return errors
            seal(staging)
            swap_in(staging, out)
        except BaseException:
            remove_made(staging)
            raise
    return []


def _checked_alongside(staging: Path, check, alongside) -> list[str]:
    """``check(staging)`` in a thread while ``alongside(staging, verdict)`` runs here; the check's errors."""
    with ThreadPoolExecutor(1, thread_name_prefix="xxgk-validate") as pool:
        checked = pool.submit(check, staging) if check else None

        def verdict() -> list[str]:
            return checked.result() if checked else []

        try:
            alongside(staging, verdict)
        finally:
            if checked is not None:
                checked.exception()  # waited for, whatever happened beside it
    return verdict()


def validate(out: Path) -> list[str]:
    """Validation of the written package: the list of errors (empty = valid). The build uses the streaming
    checks compiled from the schema (``fast_validate``, linear in rows); Frictionless itself still runs in
    ``make check`` (its CLI), and ``tests/test_fast_validate.py`` proves both flag the same broken rows."""
    from .fast_validate import validate_package

    return [str(problem) for problem in validate_package(Path(out), limit=50)][:100]


def validate_frictionless(out: Path) -> list[str]:
    """Frictionless validation of the written package: the list of errors (empty = valid). For comparison
    (``benchmarks/scale.py``); the build calls ``validate``."""
    from frictionless import Package

    # resources are validated in parallel processes; foreign keys are still checked (tested)
    report = Package(str(Path(out) / "datapackage.json")).validate(parallel=True)
    return [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors][:50] + \
        [e.message for e in report.errors][:50]
