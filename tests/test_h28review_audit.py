"""Audit 28 (review of the session's merged parser changes): real report shapes the session's fixes were not tried
on — a row's note after its numbers, … — read as the code before them read them when that was right."""

from __future__ import annotations

from tests.factory import tab_report
from xxgk.parser import parse


def _documents(record) -> list:
    values = record.values("active")
    return [values.get(("normative_documents", k)) for k in ("issued", "repealed", "in_force")]


def test_a_table_2_row_with_a_note_after_its_numbers_is_no_spaced_split():
    """PDF text of table 二 whose row ends in a note with a number (行政规范性文件 2 1 7 （注：第3项）, … 7    附件2).
    value_split (session 28) took the line's last three numbers, the note's among them, and the note's wide gap
    made 2 1 look like one number cut by OCR: the row printed 2 | 1 | 7 was published missing with a false
    value_split. The numbers a gap of other characters stands between are no run of cells: read as printed."""
    text = tab_report(in_force=7, issued=2, repealed=1).replace("\t", " ")
    assert "行政规范性文件 2 1 7" in text
    for printed in ("行政规范性文件 2 1 7 （注：第3项）", "行政规范性文件 2 1 7    附件2"):
        record = parse(text.replace("行政规范性文件 2 1 7", printed))
        assert _documents(record) == [2, 1, 7], printed
        assert "value_split" not in {f.code for f in record.findings}, printed
    # the split the session fixed still makes the row missing
    record = parse(text.replace("行政规范性文件 2 1 7", "行政规范性文件    1 2         7"))
    assert _documents(record) == [None, None, None]
    assert [f.actual for f in record.findings if f.code == "value_split"] == ["1 2"]


class _Scanned:
    """A compiled pattern that adds to ``bytes`` how many bytes each search or scan of it may read."""

    def __init__(self, pattern, scanned: list[int]):
        self.pattern, self.scanned = pattern, scanned

    def search(self, data, pos=0, endpos=None):
        self.scanned.append((len(data) if endpos is None else min(endpos, len(data))) - pos)
        return self.pattern.search(data, pos, len(data) if endpos is None else endpos)

    def finditer(self, data, pos=0, endpos=None):
        self.scanned.append((len(data) if endpos is None else endpos) - pos)
        return self.pattern.finditer(data, pos, len(data) if endpos is None else endpos)


def test_the_object_stream_check_reads_a_file_of_stream_types_a_bounded_number_of_times(monkeypatch):
    """The PDF object-stream check (session 28) looked for each ``/Type /ObjStm``'s data in the 600 bytes after it,
    so a file of nothing but ``/Type /ObjStm`` (14 bytes each) was read ≈ 43 times over: 20 MB, the largest file
    read, took ≈ 14 CPU s before the PDF library even opened it. The stream starts are found in one pass; a real
    PDF with object streams is still read and counted (test_h28hostile_audit)."""
    from xxgk import readers

    scanned: list[int] = []
    monkeypatch.setattr(readers, "_STREAM_START", _Scanned(readers._STREAM_START, scanned))
    data = b"1 0 obj << " + b"/Type /ObjStm " * 20_000 + b">>\nendobj\n"
    readers._check_page_lists(data)
    assert sum(scanned) <= 2 * len(data)
    # an object stream among them still has its page list counted
    import zlib

    import pytest

    listed = b"1 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>\nstream\n" + zlib.compress(
        b"2 0 << /Type /Pages /Kids [" + b"3 0 R " * 1001 + b"] >>") + b"\nendstream\nendobj\n"
    with pytest.raises(readers.OverBudget):
        readers._check_page_lists(b"/Type /ObjStm " * 50 + listed)


class _CountedLines(list):
    """A section's lines that count how often they are read through."""

    reads = 0

    def __iter__(self):
        self.reads += 1
        return super().__iter__()


def test_table_2s_lines_are_read_a_bounded_number_of_times_however_many_rows():
    """value_split (session 28) built a map of all of section 二's lines for each row it checked: a section of n
    rows took n² steps (3,000 rows of PDF text: 0.97 CPU s against 0.18 before; a 1 MB section, minutes, past a
    file's time budget). The map is built once a table."""
    from xxgk import table2

    rows = [(1, "二、主动公开政府信息情况"), (2, "信息内容 本年制发件数 本年废止件数 现行有效件数")]
    rows += [(3 + i, "行政规范性文件 2 1 7") for i in range(400)]
    lines = _CountedLines(rows)
    table2._lines_to_active(lines, "")
    assert lines.reads < 50
