"""From a folder of report files to one :class:`Report` per file: read, parse, apply the manifest.

Every entry under the folder (but the folder's own ``sources.csv``, ``CHANGELOG.md`` and
``VERSION``) gives a Report, failed ones too. Only regular files are read; symbolic links, hidden
files and folders, pipes, devices and unreadable folders are listed as failed with an
``input_refused`` finding, never followed. Parsing runs in a pool of worker processes that
enforces each file's CPU time, wall time and memory (``readers.BUDGET``): a file over budget, or whose worker
dies, is failed with a finding and the others go on. Any ``concurrent.futures.Executor`` (a Dask
client's) may be given instead. The result is sorted by ``source_file``, so output does not depend
on the order of parsing. Manifest rows that cannot be used are findings of a ``sources.csv`` row.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import stat
import unicodedata
from collections import Counter, deque
from collections.abc import Iterable, Iterator, Sized
from concurrent.futures import Executor
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from ..agency.registry import agency_key, attach_agency
from ..findings import Finding, make, quoted
from ..old_form import LAST_OLD_FORM_YEAR
from ..readers import (
    BUDGET,
    HARD_LINK,
    MAX_BYTES,
    allow_long_csv_cells,
    bounded_sha256,
    hard_linked,
    open_beneath,
    read_path,
    sniffed_kind,
)
from ..record import Record
from ..safe import MAX_URL, drop_invisible, file_name_text, link_url, strip_control, without_credentials
from ..text import NOT_TEXT_MARK, fold, mark_not_text, show_not_text, unify_radicals
from .pool_tasks import note_start, retire

MANIFEST = "sources.csv"
CHANGELOG = "CHANGELOG.md"
VERSION = "VERSION"
NOT_REPORTS = {MANIFEST, CHANGELOG, VERSION}  # the reports folder's own metadata, not reports
NO_REPORT_TEXT = {"report_text_absent", "report_explainer", "report_old_form",  # no template report: failed
                  "report_school_year"}
# findings below error that leave values of the tables missing because this tool could not read them (a row not
# found, digits run together that split more than one way, a merged cell, a column order unsure, subtotals in place
# of five columns, an amount no publisher of its tier could have, an amount under another unit than 万元 not
# converted): status partial, 部分数值未能读取 — before, such a report read parsed with cells missing
VALUES_NOT_READ = frozenset({"row_absent", "cells_ambiguous", "value_merged", "columns_order_unsure",
                             "columns_grouped", "value_implausible", "value_unit"})
# errors that leave no value missing: the report's own sums that do not hold (every value read as printed; said by
# the finding and the page's ≠ marks). Before, such a report's status said partial (部分数值缺失) with no cell missing
VALUES_AS_PRINTED = frozenset({"identity_broken"})
_FIELD_ZH = {"agency": "机构", "year": "年度"}
MANIFEST_FIELDS = ("file", "agency", "year", "url", "retrieved_at", "notes", "province", "city", "county", "level")
LEVELS = ("government", "department")
# what a manifest url must be (``safe.link_url``)
URL_RULE = ("应为 http 或 https 网址（主机名前不带用户名或密码；主机名只用英文字母、数字、点和连字符，"
            "中文域名写成 xn-- 形式）")
# characters: more than any agency or division name has. A longer manifest name is a pasted page or a broken export:
# one of 5,000,000 characters (inside the manifest's budgets) was romanised for the search in the build's own process,
# in time that grows faster than its length (more than ten minutes), and copied into every row of its report
MAX_NAME = 100
NAME_RULE = f"应为机构或地区名称（不超过 {MAX_NAME} 个字）"
NAME_FIELDS = ("agency", "province", "city", "county")  # the manifest's names: held to the rule a title's name is
# characters of a manifest's notes (a remark on the file: where it was found, what it replaces). A longer cell is a
# pasted page or a broken export: one of 200,000 characters was published whole in reports.csv, a cell past what a
# spreadsheet holds (Excel: 32,767) and what Python's csv module reads by default (131,072: "field larger than field
# limit"), so the data package's own table stopped a reader's script; the manifest keeps it (its source page)
MAX_NOTES = 2000
NOTES_RULE = f"应为对文件的简短说明（不超过 {MAX_NOTES} 个字）"
UNREADABLE_NAME_RULE = "名称中不应有控制字符、双向控制符、�、私用区字符、空白字母或代替丢失字形的 ？□ 等字符"


@dataclass
class Report:
    report_id: str
    source_file: str
    sha256: str
    encoding: str | None
    kind: str
    text: str
    record: Record
    file_findings: list[Finding] = field(default_factory=list)
    manifest: dict = field(default_factory=dict)
    identity: object = None  # the publisher as resolved (xxgk.agency.Agency), set by apply_manifest

    @property
    def findings(self) -> list[Finding]:
        return self.file_findings + self.record.findings

    @property
    def status(self) -> str:
        """``failed`` (no report text), ``partial`` (a table absent, an error that leaves values missing — every error
        but the report's own sums, ``VALUES_AS_PRINTED`` — or values of the tables this tool could not read:
        ``VALUES_NOT_READ``) or ``parsed`` (every table read, each value as printed; a cell the report leaves blank is
        read as printed, missing)."""
        if self.kind == "manifest":  # the manifest's own row: some of its rows could not be used
            return "partial"
        if not self.text.strip() or any(f.code in NO_REPORT_TEXT for f in self.record.findings):
            return "failed"
        tables_present = len({f.table for f in self.record.facts})
        errors = any((f.severity == "error" and f.code not in VALUES_AS_PRINTED) or f.code in VALUES_NOT_READ
                     for f in self.findings)
        return "parsed" if tables_present == 3 and not errors else "partial"


def report_id(source_file: str, digits: int = 6) -> str:
    """Stable, ASCII, URL-safe id from the file's relative path (pinyin for Chinese names), with
    ``digits`` hex digits of the path's SHA-1 (``report_ids`` lengthens them where ids collide)."""
    stem = Path(source_file).with_suffix("").as_posix()
    if stem.isascii():
        ascii_stem = stem
    else:
        from pypinyin import lazy_pinyin  # imported only when needed (≈ 0.4 s): ASCII names need none

        ascii_stem = "-".join(lazy_pinyin(stem))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_stem.lower()).strip("-")[:40].strip("-") or "report"
    digest = hashlib.sha1(source_file.encode("utf-8", "surrogatepass")).hexdigest()[:digits]
    return f"{slug}-{digest}"


def report_ids(names: Iterable[str]) -> dict[str, str]:
    """``{source_file: report_id}``, all different: where two names share a 6-digit id, both get
    16 digits, then the whole digest. Deterministic for the same set of names."""
    out: dict[str, str] = {}
    given: set[str] = set()  # the ids in ``out`` (``rid not in out.values()``: 40,000 files took 29 s, 100,000 ~3 min)
    pending = sorted(set(names))
    for digits in (6, 16, 40):
        ids = {name: report_id(name, digits) for name in pending}
        taken: dict[str, list[str]] = {}
        for name, rid in ids.items():
            taken.setdefault(rid, []).append(name)
        pending = []
        for rid, group in taken.items():
            if len(group) == 1 and rid not in given:
                out[group[0]] = rid
                given.add(rid)
            else:
                pending += group
        if not pending:
            break
    for name in pending:  # identical 40-digit SHA-1 of different names: not seen in practice
        out[name] = f"{report_id(name, 40)}-{len(out)}"
    return out


@dataclass(frozen=True)
class Input:
    """One entry of the reports folder: ``path`` opens it (the name as the file system has it),
    ``name`` is what is published (Unicode, NFC), ``refused`` says why it is not read."""

    path: str
    name: str
    refused: str | None = None
    name_note: str | None = None  # the file name was not UTF-8


def _published_name(path: str) -> tuple[str, str | None]:
    raw = os.fsencode(path)
    try:
        name, note = raw.decode("utf-8"), None
    except UnicodeDecodeError:
        try:
            name, note = raw.decode("gb18030"), "不是 UTF-8，按 GB18030（GBK）解码"
        except UnicodeDecodeError:
            name, note = raw.decode("utf-8", "backslashreplace"), "不是 UTF-8，无法解码的字节以 \\x 表示"
    return unicodedata.normalize("NFC", name), note


def list_inputs(folder: Path) -> list[Input]:
    """Every entry under ``folder``, sorted by published name; only regular files are to be read.

    Symbolic links are never followed (a link may point at /etc/passwd or ../.git/config), hidden
    entries are listed but not read or entered, and nothing outside ``folder`` is reached."""
    out: list[Input] = []

    def add(rel: str, refused: str | None = None) -> None:
        name, note = _published_name(rel)
        out.append(Input(rel, name, refused, note))

    pending = [""]
    while pending:
        prefix = pending.pop()
        try:
            with os.scandir(folder / prefix if prefix else folder) as entries:
                listing = sorted(entries, key=lambda e: e.name)
        except OSError as error:
            if not prefix:
                raise
            add(prefix, f"文件夹无法读取（{error.strerror}）")
            continue
        for entry in listing:
            rel = f"{prefix}/{entry.name}" if prefix else entry.name
            if not prefix and entry.name in NOT_REPORTS and not entry.is_dir(follow_symlinks=False):
                continue  # (a folder of that name is entered like any other: its files are reports)
            try:
                mode = entry.stat(follow_symlinks=False).st_mode
            except OSError as error:
                add(rel, f"无法读取（{error.strerror}）")
                continue
            if stat.S_ISLNK(mode):
                add(rel, "符号链接，不跟随：只读取 reports/ 中的普通文件")
            elif entry.name.startswith("."):
                add(rel, "隐藏" + ("文件夹" if stat.S_ISDIR(mode) else "文件") + "（名称以点开头），不读取")
            elif stat.S_ISDIR(mode):
                pending.append(rel)
            elif stat.S_ISREG(mode):
                add(rel, HARD_LINK if entry.stat(follow_symlinks=False).st_nlink > 1 else None)
            else:
                add(rel, "不是普通文件（管道、设备或套接字）")
    return _distinct_names(out)


def _distinct_names(inputs: list[Input]) -> list[Input]:
    """Sorted by name, each name once: two files whose names differ only in Unicode normalisation
    (or decode to the same text) keep their names as the file system spells them, with a note."""
    count: dict[str, int] = {}
    for item in inputs:
        count[item.name] = count.get(item.name, 0) + 1
    out, seen = [], set()
    for item in sorted(inputs, key=lambda i: (i.name, os.fsencode(i.path))):
        if count[item.name] > 1:
            name = os.fsencode(item.path).decode("utf-8", "backslashreplace")
            while name in seen or (name != item.name and name in count):
                name += "~"
            item = Input(item.path, name, item.refused, "与另一文件名只差 Unicode 规范化，按文件系统中的写法保留")
        seen.add(item.name)
        out.append(item)
    return sorted(out, key=lambda i: i.name)


def read_manifest(folder: Path) -> tuple[dict[str, dict], Said]:
    """``({file name (NFC): row}, its findings)`` of ``sources.csv``, decoded like a report (Excel
    saves it as GBK or UTF-16); a PDF, Word file or picture is refused unread. Rows that cannot be used are
    findings; values are checked when applied (``apply_manifest``)."""
    path = Path(folder) / MANIFEST
    if not path.exists() and not path.is_symlink():
        return {}, Said()
    # a link or a pipe is refused like any input; a PDF or Word file is refused unread (text_only: it is read in
    # this process, outside the budgets of a report's worker)
    source = read_path(path, nofollow=True, text_only=True)
    unreadable = [f for f in source.findings if f.severity == "error"]
    if unreadable:
        return {}, _said("manifest_row_unusable", detail=f"整个清单未使用：{unreadable[0].message}")
    if any(f.code == "text_repaired" for f in source.findings):  # (its NULs dropped: a.txt\0 named a.txt, silently)
        return {}, _said("manifest_row_unusable", detail="整个清单未使用：清单中夹杂空字符（NUL），文件已损坏或被改动，"
                                                         "无法判断哪些文件名和名称因此改变")
    # (a cell as long as the file may be: csv's 128 KiB default refused the whole manifest wherever no package reader
    # had raised the limit first — ``xxgk agencies`` ignored a manifest that ``xxgk package`` read, one long cell said)
    allow_long_csv_cells()
    reader = csv.reader(io.StringIO(source.text, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader, [])]
    except csv.Error as error:
        return {}, _said("manifest_row_unusable", detail=f"整个清单未使用：不是有效的 CSV（{error}）")
    # (counted once: ``header.count`` for each column took 27 CPU s for a header of 40,000 columns, 300 KB)
    repeated = sorted(h for h, n in Counter(h for h in header if h).items() if n > 1)
    if repeated:  # csv keeps the last of two same-named columns: which one was meant is unknowable
        return {}, _said("manifest_row_unusable", detail=f"第1行：列名重复（{'、'.join(repeated)}），整个清单未使用")
    if "file" not in header:
        separator = next((s for s in (";", "\t", "，") if s in "".join(header)), None)
        why = f"分隔符是“{separator!r}”，应为英文逗号" if separator else "表头没有 file 列"
        return {}, _said("manifest_row_unusable", detail=f"第1行：{why}，整个清单未使用")
    try:
        return _manifest_rows(reader, header)
    except csv.Error as error:
        return {}, _said("manifest_row_unusable", detail=f"整个清单未使用：不是有效的 CSV（{error}）")


def _said(code: str, **fields) -> Said:
    """A ``Said`` of one finding."""
    said = Said()
    said.add(code, **fields)
    return said


def _manifest_rows(reader: Iterator[list[str]], header: list[str]) -> tuple[dict[str, dict], Said]:
    """``read_manifest``'s rows (``reader``'s, under ``header``), read one at a time (a manifest of two million rows
    was held whole), each by its cells of ``MANIFEST_FIELDS`` alone. A row was made a dictionary of every column of
    the header (``csv.DictReader``), in the build's own process, outside every file's budget: 1,000 columns over
    100,000 rows of one letter (205 KB) took 7.9 CPU s, and the time grows with columns × rows. A blank line is no
    row, as ``DictReader`` has it; cells past the header's are no column's."""
    places = {key: header.index(key) for key in MANIFEST_FIELDS if key in header}
    width = len(header)
    entries: dict[str, dict] = {}
    findings = Said()
    for number, cells in enumerate((cells for cells in reader if cells), start=2):  # (quoted line breaks aside)
        row = {key: cells[at] if at < len(cells) else None for key, at in places.items()}
        file = unicodedata.normalize("NFC", (row.get("file") or "").strip())
        if not file:
            if any(cell.strip() for cell in cells[:width]):
                findings.add("manifest_row_unusable", detail=f"第{number}行：没有文件名")
            continue
        why = None
        if file.startswith(("/", "\\")) or ".." in file.split("/") or ":" in file[:3]:
            why = "路径在 reports/ 之外"
        elif file.startswith("./") or "\\" in file or "//" in file:
            why = "路径应写成相对于 reports/ 的形式，如 sub/a.txt（不带 ./ 或反斜杠）"
        elif file in entries:
            why = "重复的文件名，采用第一行"
        if why:
            findings.add("manifest_row_unusable", actual=file, detail=f"第{number}行“{file}”：{why}")
            continue
        entries[file] = {k: (row.get(k) or "").strip() if k in NAME_FIELDS else strip_control(row.get(k) or "").strip()
                         for k in MANIFEST_FIELDS} | {"_line": number}  # (a name is checked as it is: apply_manifest)
    return entries, findings


def parse_one(folder: str, path: str, name: str | None = None) -> Report:
    """Read and parse one file (``path`` relative to ``folder``, published as ``name``); never
    raises for bad input. Symbolic links and non-regular files are refused, not read."""
    from ..metadata import date_findings  # (here: the writer's helper process imports this module, never parses)
    from ..parser import parse

    name = name or unicodedata.normalize("NFC", path)
    source = read_path(path, nofollow=True, beneath=folder)
    record = parse(source.parse_text) if source.ok else Record()
    if source.ok:
        record.findings += date_findings(source.parse_text)
    return Report(report_id(name), name, source.sha256 or "", source.encoding, source.kind,
                  source.text, record, source.findings)


def _failed(folder: Path, item: Input, finding: Finding, hash_it: bool = True) -> Report:
    """A Report for an input that was not parsed: its SHA-256 and its file type only if it is a regular file
    (``_sha256_and_kind``)."""
    digest = kind = ""
    if hash_it:
        try:
            digest, kind = _sha256_and_kind(folder, item.path)
        except OSError:
            pass
    return Report(report_id(item.name), item.name, digest, None, kind, "", Record(), [finding])


def _sha256_and_kind(folder: Path, rel: str) -> tuple[str, str]:
    """``(SHA-256, file type)`` of a regular file (never through a link) whose worker did not finish it: the type its
    reader would have sniffed (``readers.sniffed_kind``: its first bytes, and a zip's listing, looked at; nothing
    decoded or parsed in this process), so a PDF, a page or a .docx that killed its worker or ran out of time is
    listed as one (before, its ``file_type`` was empty). The file is read once, up to the reader's ``MAX_BYTES``; a
    larger one is hashed in blocks (memory stays bounded), or not at all when too large to hash in bounded time
    (``readers.bounded_sha256``: this runs in the build's own process, often on just such a file), and has no type,
    as its reader gives none. Nor has a pipe or a device put in the file's place: it is not read. A file with other
    names is neither hashed nor sniffed (``readers.hard_linked``): the
    listing refused hard links, but one made after it (the report swapped for a link to a file outside reports/) must
    not have that file's checksum published."""
    fd = open_beneath(folder, rel)
    with os.fdopen(fd, "rb") as handle:
        if hard_linked(fd) or not stat.S_ISREG(os.fstat(fd).st_mode):  # (a pipe put in its place is read by no one)
            return "", ""
        data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            return bounded_sha256(handle), ""
        return hashlib.sha256(data).hexdigest(), sniffed_kind(data, Path(rel).suffix)


def apply_manifest(report: Report, entry: dict) -> None:
    """The manifest overrides agency and year read from the text, with a finding when they differ.
    An invalid value (year not a number in range, unknown level, URL not http/https or not an address,
    ``retrieved_at`` not an ISO date, an agency or division name longer than ``MAX_NAME``, notes longer than
    ``MAX_NOTES``) is a finding and is left missing. A publication date the settled year makes
    impossible is then dropped (``_early_date``)."""
    from ..metadata import YEARS, canonical_agency

    entry = dict(entry)
    entry.pop("_line", None)
    _readable_names(report, entry)
    for name, valid, rule in (("year", _valid_year, f"应为 {YEARS.start}–{YEARS.stop - 1} 之间的年份"),
                              ("level", lambda v: v in LEVELS, "应为 government 或 department"),
                              ("url", lambda v: link_url(v) is not None, URL_RULE),
                              ("retrieved_at", _valid_moment, "应为日期，如 2025-03-01 或 2025-03-01T09:30"),
                              ("notes", lambda v: len(v) <= MAX_NOTES, NOTES_RULE),
                              *((name, _short_name, NAME_RULE) for name in NAME_FIELDS)):
        if entry.get(name) and not valid(entry[name]):
            # (a password is not quoted; a name or address of millions of characters is quoted by its start: a
            # url cell of 3,000,000 was quoted whole, 6 MB of findings.csv and a 3 MB report page for one cell)
            actual = _quoted(without_credentials(entry[name]), MAX_URL) if name == "url" else _quoted(entry[name])
            report.file_findings.append(make("manifest_value_invalid", column=name, actual=actual, expected=rule))
            entry[name] = ""
    report.manifest = entry
    record = report.record
    title_agency = record.agency  # as printed in the title, before the manifest replaces it
    for name, cast in (("agency", canonical_agency), ("year", _year)):
        if not entry.get(name):
            continue
        wanted = cast(entry[name])
        current = getattr(record, name)
        if current is not None and current != wanted:
            report.file_findings.append(make("manifest_override", column=_FIELD_ZH[name], expected=wanted,
                                             actual=current))
        setattr(record, name, wanted)
    if record.agency is not None:
        record.findings = [f for f in record.findings if f.code != "agency_not_found"]
    if record.year is not None:
        record.findings = [f for f in record.findings if f.code != "year_not_found"]
    _early_date(record)
    attach_agency(report, title_agency, entry)


def _early_date(record: Record) -> None:
    """A publication date within or before the report's year, once the year is settled (title, overview,
    manifest), is no publication date: missing, with ``published_date_early`` (another text's date — an older
    report's signature on the same page — or a typo; the deadline check must not take it). Not a date on or after
    the end of the own period of a report on the old form's years, where that period, as printed, ends in the year's
    December before its last day (``_after_own_period``)."""
    if record.published_date and record.year and record.published_date[:4] <= str(record.year) \
            and not _after_own_period(record):
        record.findings.append(make("published_date_early", actual=record.published_date, expected=record.year))
        record.published_date = None


def _after_own_period(record: Record) -> bool:
    """Whether a report on 2018 or before (the old form's years, ``old_form.LAST_OLD_FORM_YEAR``) prints a period
    ending in its year's December before the 31st and is dated on or after that end: a real office's report on
    2018 counts 自2018年1月1日起至2018年12月14日止 and is signed 2018年12月14日 — its own date, published missing with
    ``published_date_early`` before. A period ending earlier in the year is no such report's (a typo's), a date
    before the period's end is another text's, and a template report covers the whole year (a period ending on 12月3日
    there is a lost digit, a December date another text's): all as before.

    >>> _after_own_period(Record(year=2018, period_end="2018-12-14", published_date="2018-12-14"))
    True
    >>> _after_own_period(Record(year=2018, period_end="2018-12-31", published_date="2018-12-31"))
    False
    >>> _after_own_period(Record(year=2018, period_end="2018-06-30", published_date="2018-07-05"))
    False
    >>> _after_own_period(Record(year=2024, period_end="2024-12-03", published_date="2024-12-20"))
    False
    """
    end = record.period_end or ""
    return record.year <= LAST_OLD_FORM_YEAR and end.startswith(f"{record.year}-12-") \
        and end != f"{record.year}-12-31" and record.published_date >= end


def _readable_names(report: Report, entry: dict) -> None:
    """A manifest name (``NAME_FIELDS``) holding a character that is no text (a control character, a bidirectional
    override, U+FFFD, a private-use character, a blank letter) or a placeholder printed for a lost glyph
    (``text.mark_not_text``) is ``manifest_value_invalid`` and left missing, each such character quoted by its code:
    the rule a title's name is held to. Before, the manifest's name was taken with controls and overrides dropped
    (乙县\x07民政局 published 乙县民政局, a name that may miss a character; 甲县\u202e局政民 published 甲县局政民) and
    the rest kept (戊县\u3164民政局, 丙县\ufffd民政局 published as they were, and romanised into agency ids).
    Other names lose only the controls and bidirectional marks, as before, and are folded as a title's name is
    (``text.fold``: NFKC, then each radical as its ideograph): ``\uf9d1盘水市数据局``, whose first character is the
    CJK compatibility twin of 六 and looks the same, was another agency than the 六盘水市数据局 of the title, with a
    page of its own, and 西宁市第１中学 another than 西宁市第1中学."""
    for name in NAME_FIELDS:
        value = entry.get(name) or ""
        if NOT_TEXT_MARK in mark_not_text(value):
            report.file_findings.append(make("manifest_value_invalid", column=name, expected=UNREADABLE_NAME_RULE,
                                             actual=_quoted(drop_invisible(show_not_text(value)))))
            # (zero-width characters dropped from the quote, as from every name a page shows; the rest by their code)
            entry[name] = ""
        else:
            cleaned = strip_control(value).strip()  # (a name past MAX_NAME is refused whole: not folded, memoised)
            entry[name] = unify_radicals(fold.__wrapped__(cleaned))[0] if len(cleaned) <= MAX_NAME else cleaned


def _short_name(value: str) -> bool:
    return len(value) <= MAX_NAME


def _quoted(value: str, longest: int = MAX_NAME) -> str:
    """A refused manifest value as a finding quotes it: whole, or its start and its length when longer than
    ``longest`` (a name's ``MAX_NAME``; an address's ``safe.MAX_URL``).

    >>> _quoted("局"), _quoted("数" * 500)[-13:], len(_quoted("x" * 5000, 2000))
    ('局', '数数…（共 500 个字）', 2012)
    """
    return quoted(value, longest)


def _valid_year(value: str) -> bool:
    """A year a report can carry, in ASCII digits; leading zeros allowed, as before. Its digits are counted before
    they are read: a year of more than 4,300 digits stopped the whole build (Python's ``int`` refuses to read one,
    ``ValueError``), before any report was written.

    >>> _valid_year("2024"), _valid_year("02024"), _valid_year("1" * 5000), _valid_year("0" * 5000 + "2024")
    (True, True, False, True)
    """
    from ..metadata import YEARS

    digits = len(value.lstrip("0"))
    return value.isascii() and value.isdigit() and digits <= len(str(YEARS.stop)) and _year(value) in YEARS


def _year(value: str) -> int:
    """A manifest year of ASCII digits as a number, its leading zeros not read (``int`` reads no more than 4,300
    digits)."""
    return int(value.lstrip("0") or "0")


def _valid_moment(value: str) -> bool:
    """An ISO date or date and time (when the file was fetched), in a year a report can have been fetched."""
    from datetime import datetime

    from ..metadata import YEARS

    if not value.isascii() or len(value) > 40:
        return False
    try:
        return datetime.fromisoformat(value).year in YEARS or datetime.fromisoformat(value).year == YEARS.stop
    except ValueError:
        return False


DUPLICATES_NAMED = 10  # a duplicate_report finding names at most this many of the other files, and counts them all


def mark_duplicates(reports: list[Report]) -> None:
    """``duplicate_report`` for reports of the same resolved agency (``agency_id``) and year, and for
    byte-identical files; a failed file (nothing read: no report text, a page explaining the report) is no second
    report of its agency's year. The printed name decides nothing: 青海省格尔木市数据局 and 格尔木市数据局 are
    one agency, and the 鼓楼区人民政府 of 福州 and of 南京 are two; a report whose agency was not
    identified is a duplicate only of its byte-identical copies. Each finding names the first
    ``DUPLICATES_NAMED`` other files of its groups, byte-identical ones first, and says how many there are:
    naming every one made a thousand copies of one report cost a million names (64 MB of findings.csv)."""
    memberships: dict[int, list[tuple[str, list[Report]]]] = {}
    for (rule, *_), group in _duplicate_groups(reports).items():
        group.sort(key=lambda r: r.source_file)
        for report in group:
            memberships.setdefault(id(report), []).append((rule, group))
    groups = _Members()
    for report in reports:
        if id(report) in memberships:
            mine = memberships[id(report)]
            detail, named = _duplicate_detail(report, mine, groups)
            if groups.others(mine) > named:
                detail += f"等，共{groups.others(mine)}份"
            report.file_findings.append(make("duplicate_report", detail=detail))


DUPLICATE_WHY = {"agency": "同一机构同一年度", "sha256": "文件字节相同"}  # (in the order a finding gives them)


def _duplicate_groups(reports: list[Report]) -> dict[tuple, list[Report]]:
    """``{(rule, key…): its reports}`` of two or more: one agency's reports of one year, and identical bytes."""
    groups: dict[tuple, list[Report]] = {}
    for report in reports:
        key = agency_key(report)
        if key is not None and report.record.year and report.status != "failed":
            groups.setdefault(("agency", key, report.record.year), []).append(report)
        if report.sha256 and report.status != "failed":
            groups.setdefault(("sha256", report.sha256), []).append(report)
    return {key: group for key, group in groups.items() if len(group) > 1}


class _Members:
    """Each duplicate group's members as a set (made once a group), and what two groups share (once a pair):
    linear however the groups overlap (one agency's year of many identical pairs was quadratic)."""

    def __init__(self) -> None:
        self._sets: dict[int, set[int]] = {}
        self._shared: dict[tuple[int, int], int] = {}

    def holds(self, group: list[Report], report: Report) -> bool:
        if id(group) not in self._sets:
            self._sets[id(group)] = {id(x) for x in group}
        return id(report) in self._sets[id(group)]

    def others(self, mine: list[tuple[str, list[Report]]]) -> int:
        """How many other files a report's one or two groups hold together (those both hold counted once)."""
        total = sum(len(group) - 1 for _, group in mine)
        if len(mine) != 2:
            return total
        smaller, larger = sorted((mine[0][1], mine[1][1]), key=len)
        pair = (id(smaller), id(larger))
        if pair not in self._shared:
            self._shared[pair] = sum(self.holds(larger, x) for x in smaller)
        return total - (self._shared[pair] - 1)  # (the report itself is in both)


def _duplicate_detail(report: Report, mine: list[tuple[str, list[Report]]], groups: _Members) -> tuple[str, int]:
    """``(the first DUPLICATES_NAMED other files of report's groups with why, how many)``: byte-identical first,
    then by name (``name（reason，reason）；…``); each group looked at only as far as its first names."""
    seen: dict[int, Report] = {}
    for _, group in mine:
        for other in [x for x in group[:DUPLICATES_NAMED + 1] if x is not report][:DUPLICATES_NAMED]:
            seen[id(other)] = other
    named = [(file_name_text(other.source_file), [DUPLICATE_WHY[rule] for rule in DUPLICATE_WHY
                                  for r, group in mine if r == rule and groups.holds(group, other)])
             for other in seen.values()]
    named.sort(key=lambda item: (DUPLICATE_WHY["sha256"] not in item[1], item[0]))
    shown = named[:DUPLICATES_NAMED]
    return "；".join(f"{name}（{'，'.join(reasons)}）" for name, reasons in shown), len(shown)


def _limit_memory() -> None:
    """Worker start: cap the address space at what the worker was forked with plus ``BUDGET.memory``
    (``_memory_cap``), so a file that needs more fails in its own process; the worker's stderr quiet (unless
    ``XXGK_DEBUG``): a worker dying out of memory had Python print its traceback in the middle of a build — its
    file's finding (``worker_died``) says what happened."""
    import resource
    import sys

    global _cap
    if not os.environ.get("XXGK_DEBUG"):
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - the worker's own, for its life

    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    _cap = _memory_cap(_address_space(), hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (_cap, _cap))
    except (ValueError, OSError):  # (a hard limit the process may not lower: none set, as before)
        _cap = None


def _memory_cap(start: int, hard: int) -> int:
    """The address-space cap of a worker whose address space is ``start`` bytes when it starts: ``start`` plus
    ``BUDGET.memory``, within the ``hard`` limit it inherited (``RLIM_INFINITY``, -1: none). A worker is forked from the
    build's process, whose address space already holds what pyarrow, threads' stacks and arenas reserved: with the
    cap at 3 GB absolute, a worker forked from a parent of 3 GB had no room, and every file failed — ``worker_died``
    (an ``OverflowError``), ``over_budget`` — in a test process that had run hundreds of tests (sessions 46, 47).
    Memory reserved and never touched costs nothing; a file's budget is what it may add.

    >>> _memory_cap(0, -1) == BUDGET.memory, _memory_cap(5 * 2**30, -1) == 5 * 2**30 + BUDGET.memory
    (True, True)
    >>> _memory_cap(2**30, 2 * 2**30) == 2 * 2**30
    True
    """
    cap = start + BUDGET.memory
    return cap if hard < 0 else min(cap, hard)


# A worker whose address space a file left near the cap (a PDF that drew 20,000 lines on each of 999 pages: the reader
# caught the MemoryError and said over_budget, but the address space stayed at 3 GB) failed every later file it was
# given — a 9 KB report could not get its read buffer — each "内存超过上限", until the build ended. Such a worker takes
# no other file and ends cleanly (``pool_tasks.retire``); pebble starts a fresh one. Where it cannot, it ends itself
# before its next file (exit code SPENT_EXIT), and that file is scheduled again
SPENT_EXIT = 75
SPENT_SHARE = 0.5  # of the room the cap leaves a worker: an address space grown past it by a file retires it
_spent = False  # in a worker: a file left it spent
_start_size: int | None = None  # in a worker: its address space before its first file (what it was forked with)
_cap: int | None = None  # in a worker: its address-space cap (``_limit_memory``); None where none was set


def _address_space() -> int:
    """This process's address space in bytes (Linux's /proc; 0 where there is none)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _in_worker(note: str | None, work, *args) -> object:
    """``work(*args)`` in a pool worker, within ``BUDGET.seconds`` of CPU time (``_arm_cpu_timer``), that is
    retired once a file left it spent (a MemoryError, or an address space above ``SPENT_SHARE`` of the cap
    afterwards): it takes no other file and ends cleanly once this file's result is sent (``pool_tasks.retire``);
    where that cannot be done it ends itself before its next file, never failing it (that file is scheduled again).
    ``note``: the parent's note of this task, written first (``pool_tasks.note_start``: whether the file runs here or
    is declined)."""
    global _spent, _start_size
    note_start(note, declines=_spent)
    if _spent:
        os._exit(SPENT_EXIT)
    if _start_size is None:
        _start_size = _address_space()
    _arm_cpu_timer(BUDGET.seconds)
    try:
        return work(*args)
    except MemoryError:
        _spent = True
        raise
    finally:
        _arm_cpu_timer(0)  # first: what follows is the worker's, and a returned file is never lost to the timer
        try:
            if not _spent and _address_space() > _spent_above():
                _spent = not _memory_returned()
        except BaseException:  # noqa: BLE001 - (a MemoryError while looking): spent, never this file's result
            _spent = True
        if _spent:
            retire()


def _arm_cpu_timer(seconds: float) -> None:
    """Arm this process's profiling timer for ``seconds`` of its CPU time (user + system, all its threads), or
    with 0 disarm it. When it runs out the kernel sends SIGPROF, whose default action (set here, whatever the process
    inherited) ends the process wherever it is, inside C code too, with no core dump; the parent lists its file as
    over its CPU budget (``_parse_in_pool``: exit code ``-SIGPROF``). A file's budget is then the CPU it spends,
    the same on a quiet machine and a loaded one."""
    import signal

    signal.signal(signal.SIGPROF, signal.SIG_DFL)
    signal.setitimer(signal.ITIMER_PROF, seconds)


def _spent_above() -> float:
    """The address space past which a worker is spent: its start size and ``SPENT_SHARE`` of the room the cap
    leaves it (a worker forked from a large parent starts large; the cap is above its start, ``_memory_cap``)."""
    start = _start_size or 0
    return start + SPENT_SHARE * max(0, (_cap or BUDGET.memory) - start)


def _memory_returned() -> bool:
    """Whether this process's address space is back under ``_spent_above`` once its garbage is collected and
    glibc's free heap is given back to the system (``malloc_trim``, where there is glibc)."""
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass
    return _address_space() <= _spent_above()


def _parse_in_pool(work, jobs: Iterable[tuple[Input, tuple]], workers: int | None,
                   initializer=None, most: int | None = None, shared=None) -> Iterator[tuple[Input, object]]:
    """Each job ``(input, args)`` in a worker process with its own CPU-time budget and, far above it, a wall-time
    backstop (``BUDGET.wall_seconds``, for a file that waits rather than works; pebble: a killed or timed-out
    worker is replaced, and only its file fails). Yields, in ``jobs``' order as they come, ``(input, what
    work(*args) returned)``, or ``(input, a Finding)`` saying why the file failed (over budget, worker died).
    ``jobs`` is read as the pool frees room (a bounded window: memory does not grow with N, and the first files
    are parsed while later ones are still being listed). ``initializer`` runs once in each worker before its
    first file (default ``_limit_memory``). A file a spent worker declined (``_in_worker``) is scheduled again, on
    the fresh worker that replaces it (each worker declines once: at most ``workers`` + 1 tries); a task the pool
    lost is found and tried again (``pool_tasks``: an honest file never fails because of the pool). ``most`` (or
    ``jobs``' length, when it has one) bounds how many jobs there are: no more workers are started than jobs (a
    worker started for no file forked, loaded the tables each parse uses and exited: 0.3–0.9 CPU s of nothing, for
    every build of fewer files than cores). ``shared``, when given, runs here once before the workers fork: what
    each would load before its first file, loaded once and shared by all (its pages copied only where a worker
    writes them)."""
    from .pool_tasks import Tasks

    if most is None and isinstance(jobs, Sized):
        most = len(jobs)
    size = min(workers or os.cpu_count() or 1, max(1, most if most is not None else 1 << 30))
    waiting = iter(jobs)
    first = next(waiting, None)
    if first is None:  # nothing to parse (every file from the cache): no pool, no worker started
        return
    from .. import metadata, parser  # noqa: F401 - loaded once here, before the workers fork (not in each)

    if shared is not None:
        shared()

    with Tasks(size, initializer or _limit_memory, _in_worker, BUDGET.wall_seconds, SPENT_EXIT) as tasks:
        window, waiting = deque(), chain([first], waiting)
        while True:
            while len(window) < 32 * size and (job := next(waiting, None)) is not None:
                item, args = job
                window.append((item, tasks.start((work, *args))))
            if not window:
                return
            item, task = window.popleft()  # a task let go once read: its report too
            yield item, _outcome(tasks, task)


def _outcome(tasks, task) -> object:
    """What the task's work returned, or a Finding saying why its file failed; one that failed after the pool lost
    its first try says it was tried again (``pool_tasks``)."""
    import signal
    from concurrent.futures import TimeoutError as Timeout

    from pebble import ProcessExpired

    from .pool_tasks import Lost, PoolBroken

    try:
        return tasks.result(task)
    except Timeout:
        code, detail = "over_budget", f"处理超过 {BUDGET.wall_seconds:g} 秒墙钟时间"
    except ProcessExpired as error:
        code, detail = (("over_budget", f"处理超过 {BUDGET.seconds:g} 秒 CPU 时间")
                        if error.exitcode == -signal.SIGPROF  # its CPU timer ended it (``_arm_cpu_timer``)
                        else ("worker_died", f"退出码 {error.exitcode}"))
    except Lost:
        code, detail = "worker_died", "工作进程在处理中退出，进程池未报告结果"
    except PoolBroken:
        code, detail = "worker_died", "进程池多次中断，文件未能处理"
    except MemoryError:
        code, detail = "over_budget", "内存超过上限"
    except Exception as error:  # noqa: BLE001 - one file's failure must not stop the others
        code, detail = "worker_died", f"{type(error).__name__}"[:200]
    return make(code, detail=detail + (RETRIED if task.retried else ""))


# said by the finding of a file whose first try the pool lost (its worker gone, no result) and whose second failed
RETRIED = "（第一次处理时工作进程退出而结果丢失，已在新的工作进程中重试一次）"


def in_budgeted_worker(work, *args) -> object:
    """``work(*args)`` in one budgeted worker process (``BUDGET``'s CPU time, wall time and memory, as every file of a
    build is parsed): what it returned, or a Finding saying why it did not finish (over budget, worker died).
    For one file read outside a build (``xxgk parse``)."""
    return next(_parse_in_pool(work, [(None, args)], 1))[1]


@dataclass
class Plan:
    """What is known of a reports folder before any file is parsed: its entries, every report's id, the
    manifest (its rows and the ``sources.csv`` report of its unusable rows) and the repaired file names."""

    folder: Path
    inputs: list[Input]
    ids: dict[str, str]
    manifest: dict[str, dict]
    manifest_report: Report | None
    notes: dict[str, str]

    @property
    def todo(self) -> list[Input]:
        return [i for i in self.inputs if i.refused is None]

    def refused(self) -> list[Report]:
        """The entries that are not read, as failed reports (not yet ``finish``-ed)."""
        return [_failed(self.folder, i, make("input_refused", detail=i.refused), hash_it=False)
                for i in self.inputs if i.refused is not None]

    def unparsed(self) -> list[Report]:
        """The reports no worker parses: the refused entries (``finish``-ed) and the manifest's own report."""
        out = [finish(report, *self.job(report.source_file)) for report in self.refused()]
        return out + ([self.manifest_report] if self.manifest_report else [])

    def job(self, name: str) -> tuple[str, dict, str | None]:
        """``(report_id, manifest row, name note)`` of the report published as ``name``: what ``finish`` needs."""
        return self.ids[name], self.manifest.get(name, {}), self.notes.get(name)


MANIFEST_ROWS_SAID = 100  # the manifest's unusable rows said one by one; the rest counted in one more finding


class Said:
    """The manifest's findings as they are found: the first ``MANIFEST_ROWS_SAID`` made, the rest only counted and
    then said in one more (a manifest of two million repeated rows made two million findings: 6.7 GB while
    building, a 330 MB findings.csv)."""

    def __init__(self) -> None:
        self.kept: list[Finding] = []
        self.more = 0

    def add(self, code: str, **fields) -> None:
        if len(self.kept) < MANIFEST_ROWS_SAID:
            self.kept.append(make(code, **fields))
        else:
            self.more += 1

    def findings(self) -> list[Finding]:
        if not self.more:
            return list(self.kept)
        return self.kept + [make("manifest_row_unusable", actual=self.more,
                                 detail=f"另有 {self.more} 行无法使用（只列出前 {MANIFEST_ROWS_SAID} 行）")]


def plan(folder: str | Path) -> Plan:
    """List ``folder`` and read its manifest (``list_inputs``, ``read_manifest``); ids for every name."""
    folder = Path(folder)
    inputs = list_inputs(folder)
    manifest, said = read_manifest(folder)
    names = {i.name for i in inputs}
    for name, entry in manifest.items():
        if name not in names:
            said.add("manifest_row_unusable", actual=name,
                     detail=f"第{entry['_line']}行“{name}”：reports/ 中没有这个文件")
    manifest = {name: entry for name, entry in manifest.items() if name in names}  # (the others name nothing here)
    manifest_findings = said.findings()
    manifest_report = Report("", MANIFEST, "", None, "manifest", "", Record(), manifest_findings) \
        if manifest_findings else None
    ids = report_ids([*names, *([MANIFEST] if manifest_report else [])])
    if manifest_report:
        manifest_report.report_id = ids[MANIFEST]
    return Plan(folder, inputs, ids, manifest, manifest_report, {i.name: i.name_note for i in inputs if i.name_note})


def finish(report: Report, report_id_: str, entry: dict, note: str | None) -> Report:
    """One report's steps that need the whole folder's listing but no other report: the repaired file
    name's finding, its final id, the manifest applied and the publisher resolved (``apply_manifest``)."""
    if note:
        report.file_findings.append(make("file_name_repaired", detail=note))
    report.report_id = report_id_
    if report.kind != "manifest":
        apply_manifest(report, entry)
    return report


def parsed(folder_plan: Plan, executor: Executor | None = None, progress: bool = False, workers: int | None = 1,
           budgeted: bool = False, cache_dir: str | Path | None = None) -> Iterator[Report]:
    """Every report of the plan, finished (``finish``), one at a time, in no particular order: the files the parse
    cache holds (decoded here), the others parsed in ``executor`` (a Dask client's), a budgeted pool or this
    process (see ``collect``), then the refused entries and the manifest's own report."""
    from .parse_cache import Finished, open_cache

    folder, cache = folder_plan.folder, open_cache(cache_dir)
    try:
        misses = []
        for item in folder_plan.todo:
            job = (str(folder), item.path, item.name, *folder_plan.job(item.name))
            sha256, row = cache.lookup(folder, job[1:]) if cache is not None else (None, None)
            report = None if row is None else _checked(row)
            if report is None:
                misses.append((item, (*job, sha256)))
            else:
                yield report
        work = Finished(parse_one, keep=cache is not None).report
        results: Iterable
        if executor is not None:
            columns = list(zip(*[args for _, args in misses], strict=True)) or [[]] * 7
            results = executor.map(work, *columns, chunksize=max(1, len(misses) // 64))
        elif workers == 1 and not budgeted:
            results = (work(*args) for _, args in misses)
        else:
            results = (outcome if isinstance(outcome, tuple) else
                       (finish(_failed(folder, item, outcome), *folder_plan.job(item.name)), None)
                       for item, outcome in _parse_in_pool(work, misses, workers))
        if progress:
            from tqdm import tqdm

            results = tqdm(results, total=len(misses), desc="parse", unit="report")
        for report, kept in results:
            if cache is not None:
                cache.keep(kept)
            yield report
    finally:
        if cache is not None:
            cache.close()
    yield from folder_plan.unparsed()


def _checked(row) -> Report | None:
    """The report a parse cache row holds, or None (parsed again, said on stderr) when it does not decode or holds
    more than a parse could give (``row_checks``), as the store does with a row of its ``hits`` shard."""
    import sys
    import zlib

    from ..safe import terminal_name
    from .row_checks import check_report, same_head
    from .store import decode

    try:
        report = decode(row.body, row.text)
        check_report(report)
        same_head(row.head, report)
        return report
    except (LookupError, ValueError, TypeError, ArithmeticError, RecursionError, AttributeError, zlib.error) as error:
        print(f"xxgk: parse cache entry for {terminal_name(row.head.source_file)} unreadable ({type(error).__name__}); "
              "re-parsed", file=sys.stderr)
        return None


def collect(folder: str | Path, executor: Executor | None = None, progress: bool = False,
            workers: int | None = 1, budgeted: bool = False, cache_dir: str | Path | None = None) -> list[Report]:
    """Every entry of ``folder`` as a Report, manifest applied, sorted by source file, in memory (the
    build streams them to a store instead: ``package.build``).

    ``executor`` parses there (a Dask client's); else ``workers`` > 1 (or ``None``: all cores) parses
    in a budgeted process pool, and ``workers=1`` in this process (no time or memory budget:
    for tests and trusted folders) unless ``budgeted`` (what the command line asks: one budgeted worker).
    ``cache_dir``: the parse cache's folder (``parse_cache``), None for none; it never changes the result."""
    reports = sorted(parsed(plan(folder), executor, progress, workers, budgeted, cache_dir),
                     key=lambda r: r.source_file)
    mark_duplicates(reports)
    return reports
