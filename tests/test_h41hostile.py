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


def compact_cid_program(registry: bytes = b"Adobe", ordering: bytes = b"Identity") -> bytes:
    """The head of a CID-keyed CFF program (FontFile3 /CIDFontType0C): its header, Name INDEX, a Top DICT naming its
    ROS (``registry``-``ordering``-0, both strings of its String INDEX: SIDs 391 and 392) and no glyphs."""
    top = b"\x1c\x01\x87\x1c\x01\x88\x8b\x0c\x1e"  # (391 392 0 ROS)
    strings = registry + ordering
    return (b"\x01\x00\x04\x01" + b"\x00\x01\x01\x01\x02F" + b"\x00\x01\x01\x01" + bytes([1 + len(top)]) + top
            + b"\x00\x02\x01\x01" + bytes([1 + len(registry), 1 + len(strings)]) + strings + b"\x00\x00")


def compact_cid_pdf(cids: list[int], system: bytes, program: bytes) -> bytes:
    """A one-page PDF drawing ``cids`` (Identity-H: each code its CID) in a CID font of CIDSystemInfo ``system``
    (``(Registry) (Ordering) supplement``) whose embedded compact program is ``program``; no ToUnicode."""
    from tests.test_h29hostile_audit import plain_pdf

    content = b"BT /F1 12 Tf 72 720 Td <" + b"".join(b"%04x" % cid for cid in cids) + b"> Tj ET"
    return plain_pdf({
        1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
           b" /Resources << /Font << /F1 5 0 R >> >> >>",
        4: b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        5: b"<< /Type /Font /Subtype /Type0 /BaseFont /F /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        6: b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /F /CIDSystemInfo << /Registry (%s) /Ordering (%s)"
           b" /Supplement %d >> /FontDescriptor 7 0 R >>" % system,
        7: b"<< /Type /FontDescriptor /FontName /F /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800"
           b" /Descent -200 /CapHeight 700 /StemV 80 /FontFile3 8 0 R >>",
        8: b"<< /Length %d /Subtype /CIDFontType0C >>\nstream\n%s\nendstream" % (len(program), program)})


GLYPHS = [*range(17, 27), *range(1000, 1010)]  # (in Adobe-GB1: 0 to 9, then 拜稗斑班搬扳般颁板版)


def test_glyph_numbers_of_an_identity_compact_font_are_never_read_as_another_collections_characters():
    """A CID font whose dictionary says Adobe-GB1 over a compact program whose own ROS says Adobe-Identity (its CIDs
    the subset's glyph numbers) and no ToUnicode: the library read each glyph number as a GB1 CID — 0123456789拜稗斑…,
    digits where the page draws whatever glyphs 17 to 26 are — with no finding. The program's collection is the one
    its glyphs are numbered in: Identity says no character, so each is no character read, with its finding."""
    source = read_bytes(compact_cid_pdf(GLYPHS, (b"Adobe", b"GB1", 5), compact_cid_program()), ".pdf")
    assert not any(ch.isdigit() or "\u4e00" <= ch <= "\u9fff" for ch in source.text), source.text
    assert [f.code for f in source.findings] == ["pdf_glyphs_unmapped"]
    assert "有20个字符的字体没有对应的文字" in source.findings[0].message


def test_a_compact_font_whose_program_and_dictionary_name_one_collection_is_read_in_it():
    """A guard (it passes before): a dictionary and a program both saying Adobe-GB1, no ToUnicode, are read as GB1
    names the glyphs; a dictionary saying Adobe-Identity over a program saying Adobe-GB1 stays unread, as before (a
    subsetter may have renumbered the glyphs and kept the name)."""
    gb1 = compact_cid_program(ordering=b"GB1")
    source = read_bytes(compact_cid_pdf(GLYPHS * 3, (b"Adobe", b"GB1", 5), gb1), ".pdf")
    assert "0123456789拜稗斑班搬扳般颁板版" in source.text
    assert not any(f.code == "pdf_glyphs_unmapped" for f in source.findings)
    source = read_bytes(compact_cid_pdf(GLYPHS, (b"Adobe", b"Identity", 0), gb1), ".pdf")
    assert [f.code for f in source.findings] == ["pdf_glyphs_unmapped"]
