"""What the seventeenth hostile-input audit found (session 41, round 9): structure bombs measured reader by reader in
a budgeted worker (``benchmarks/hostile_memory.py``), the manifest and the caches as inputs, CID-keyed compact fonts.

A zip member whose entry declares fewer bytes than its data inflates to was inflated whole before its checksum was
found wrong (up to 1 GB at a time: a 1 MB .docx held 2.1 GB of a worker's 3); one packed by bzip2 or LZMA had no
bound at all. Memory is asserted from the allocations Python counts (``tracemalloc``: the same figure every run)."""

from __future__ import annotations

import io
import struct
import tracemalloc
import zipfile

from tests.factory import as_docx, tab_report
from xxgk.readers import read_bytes

AGENCY = "甲县民政局"
DOCUMENT = "word/document.xml"


def lying_zip(name: str, size: int, method: int, fill: bytes = b" ", said: int = 1024, others: bool = True) -> bytes:
    """The synthetic report's .docx (``others``) or a zip of one member: ``name`` of ``size`` bytes of ``fill``
    packed by ``method``, its local header and directory entry both saying ``said`` bytes (its checksum the real
    data's)."""
    original = zipfile.ZipFile(io.BytesIO(as_docx(tab_report(agency=AGENCY))))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in original.infolist() if others else []:
            if item.filename != name:
                archive.writestr(item.filename, original.read(item.filename))
        info = zipfile.ZipInfo(name)
        info.compress_type = method
        with archive.open(info, "w") as member:
            block = fill * 2**20
            for _ in range(size // 2**20):
                member.write(block)
    data = bytearray(buffer.getvalue())
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        at = 0
        while (at := data.find(signature, at)) >= 0:
            if data[at + name_at:at + name_at + len(name)] == name.encode():
                struct.pack_into("<I", data, at + size_at, said)
            at += 4
    return bytes(data)


def _read_counting(data: bytes, suffix: str):
    """``(read_bytes(data, suffix), the peak of Python's allocations while reading, in MB)``."""
    tracemalloc.start()
    try:
        source = read_bytes(data, suffix)
        return source, tracemalloc.get_traced_memory()[1] / 2**20
    finally:
        tracemalloc.stop()


def test_a_docx_part_inflating_past_its_declared_size_is_unreadable_before_it_is_held():
    """``document.xml`` of 64 MB of spaces whose local header and directory entry both say 1 KB: ``zipfile``
    inflated all 64 MB (up to 1 GB a read) to keep the first 1,024 bytes, then said ``BadZipFile: Bad CRC-32``
    in English. Now the part is inflated a step at a time and refused once it passes 1 KB."""
    source, peak = _read_counting(lying_zip(DOCUMENT, 64 * 2**20, zipfile.ZIP_DEFLATED), ".docx")
    assert [(f.code, f.message) for f in source.findings] == [
        ("file_unreadable", "无法读取文件：.docx 的压缩包中部件 word/document.xml 解压后超过其声明的 1024 字节")]
    assert source.text == ""
    assert peak < 16, peak  # (a step is 1 MB; before, 64 MB and more)


def test_a_docx_part_packed_by_bzip2_or_lzma_is_refused_unread():
    """The Open Packaging Conventions allow a part stored or packed by Flate, nothing else, and Word opens no other;
    ``zipfile`` inflates bzip2 and LZMA with no bound (bzip2 packs 100 MB of spaces into about 100 bytes). Such a
    part is refused, naming it and its method, even when its declared size is honest."""
    honest = zipfile.ZipFile(io.BytesIO(as_docx(tab_report(agency=AGENCY))))
    for method, said in ((zipfile.ZIP_BZIP2, "bzip2"), (zipfile.ZIP_LZMA, "LZMA")):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as docx:
            for item in honest.infolist():
                docx.writestr(item.filename, honest.read(item.filename),
                              compress_type=method if item.filename == DOCUMENT else None)
        source = read_bytes(out.getvalue(), ".docx")
        assert [f.code for f in source.findings] == ["file_unreadable"]
        assert f"部件 word/document.xml 用 {said} 压缩" in source.findings[0].message
        assert source.text == ""


def test_an_opendocument_kind_packed_by_bzip2_is_not_inflated_to_be_looked_up():
    """A zip whose only member, ``mimetype``, is 64 MB of spaces packed by bzip2 into a few hundred bytes: looking up
    the file's kind read its first 100 bytes, and ``zipfile`` inflated all 64 MB to give them (2 GB in a 1 KB file ran
    a worker out of memory). A ``mimetype`` so packed is no OpenDocument's (ODF stores it unpacked): not read."""
    source, peak = _read_counting(lying_zip("mimetype", 64 * 2**20, zipfile.ZIP_BZIP2, said=64 * 2**20,
                                            others=False), ".odt")
    assert [f.code for f in source.findings] == ["format_unsupported"]
    assert peak < 16, peak


MANIFEST_HEADER = "file,agency,year,url,retrieved_at,notes,province,city,county,level\n"


def _collected(tmp_path, manifest: bytes) -> dict:
    """The synthetic report (甲县民政局, 2024) as ``a.txt`` beside ``manifest`` as ``sources.csv``: ``{name: Report}``
    (parsed in this process)."""
    from xxgk.package.collect import collect

    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(tab_report(agency=AGENCY), encoding="utf-8")
    (reports / "sources.csv").write_bytes(manifest)
    return {r.source_file: r for r in collect(reports)}


def test_a_manifest_holding_nul_bytes_is_not_used_and_says_so(tmp_path):
    """A NUL in ``sources.csv`` was dropped as the file was decoded, with no word of it: ``a\\0.txt`` named a.txt and
    its row's year replaced the report's, and a name with a NUL inside was taken without it (a name that may miss a
    character: the rule a control character is held to). The manifest is not used, and its report says why."""
    manifest = ("\ufeff" + MANIFEST_HEADER + "a\0.txt,甲县\0民政局,2023,,,,,,,\n").encode()
    reports = _collected(tmp_path, manifest)
    assert reports["a.txt"].record.year == 2024
    assert not any(f.code == "manifest_override" for f in reports["a.txt"].findings)
    said = [f.message for f in reports["sources.csv"].findings if f.code == "manifest_row_unusable"]
    assert said == ["清单 sources.csv 中的一行无法使用：整个清单未使用：清单中夹杂空字符（NUL），文件已损坏或被改动，"
                    "无法判断哪些文件名和名称因此改变"]


def test_a_manifest_with_a_byte_order_mark_and_formula_cells_is_read_and_escaped(tmp_path):
    """A guard (it passes before): Excel's UTF-8 save starts with a byte order mark, and a cell may begin as a formula
    (``=HYPERLINK(…)``); the row is used, its notes kept as text, and the package's CSV writes them with the
    apostrophe a spreadsheet shows as text (``safe.sheet_cell``)."""
    from xxgk.safe import sheet_cell

    notes = '=HYPERLINK("http://evil.example","x")'
    manifest = ("\ufeff" + MANIFEST_HEADER + f'a.txt,,2023,,,"{notes.replace(chr(34), chr(34) * 2)}",,,,\n').encode()
    report = _collected(tmp_path, manifest)["a.txt"]
    assert report.record.year == 2023 and report.manifest["notes"] == notes
    assert sheet_cell(notes) == "'" + notes
