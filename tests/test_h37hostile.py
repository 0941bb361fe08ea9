"""What the thirteenth hostile-input audit found (session 37): Word 97-2003 files (``xxgk.word97``, our own reader
of untrusted bytes) whose compound file or text tables make the reader read one thing many times — a sector chain
that loops, a MiniFAT claiming a terabyte, text boxes each read from the first of 100,000 pieces, symbol runs of
thousands of pages over one run. Each is now a finding or read once."""

from __future__ import annotations

import io
import re
import struct
import zlib

import pytest

from tests.factory import tab_report
from tests.test_splitting_bound import no_hang
from tests.test_word97 import _codes, _doc
from xxgk.readers import read_bytes
from xxgk.word97 import FC_LCB

FREE, END, FAT_SECTOR = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def compound(streams: dict[str, bytes], fat_edit=None, root=(END, 0), minifat=(END, 0), small=None) -> bytes:
    """An OLE2 compound file (version 3, 512-byte sectors) holding ``streams`` in the FAT, one after another, its
    directory a chain of siblings; ``fat_edit(fat, starts)`` may change the FAT (``starts``: each stream's first
    sector); ``root``: the root entry's (first sector, size), its mini stream; ``minifat``: the header's (first
    MiniFAT sector, count); ``small``: ``{name: (first mini sector, size)}`` for streams read from the mini stream."""
    sectors, fat, starts = [], [], {}
    for name, data in streams.items():
        starts[name] = len(sectors)
        count = max(1, -(-len(data) // 512))
        for k in range(count):
            sectors.append(data[512 * k:512 * (k + 1)].ljust(512, b"\0"))
            fat.append(len(sectors) if k < count - 1 else END)
    small = small or {}

    def entry(name: str, kind: int, right: int, child: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (encoded.ljust(64, b"\0") + struct.pack("<HBBIII", len(encoded), kind, 1, FREE, right, child)
                + bytes(36) + struct.pack("<III", start, size, 0))

    names = list(streams)
    directory = entry("Root Entry", 5, FREE, 1, *(root if root[0] != "first" else (starts[root[1]], root[2])))
    for k, name in enumerate(names):
        start, size = small.get(name, (starts[name], len(streams[name])))
        directory += entry(name, 2, k + 2 if k + 1 < len(names) else FREE, FREE, start, size)
    directory = directory.ljust(-(-len(directory) // 512) * 512, b"\0")
    first_directory = len(sectors)
    for k in range(len(directory) // 512):
        sectors.append(directory[512 * k:512 * (k + 1)])
        fat.append(len(sectors) if k < len(directory) // 512 - 1 else END)
    fat_sectors = -(-(len(fat) + 1) // 127)
    first_fat = len(sectors)
    fat += [FAT_SECTOR] * fat_sectors
    fat += [FREE] * (128 * fat_sectors - len(fat))
    if fat_edit:
        fat_edit(fat, starts)
    table = struct.pack(f"<{len(fat)}I", *fat)
    sectors += [table[512 * k:512 * (k + 1)] for k in range(fat_sectors)]
    first_minifat, minifat_count = (starts[minifat[1]], minifat[2]) if minifat[0] == "first" else minifat
    header = (bytes.fromhex("d0cf11e0a1b11ae1") + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
              + struct.pack("<9I", 0, fat_sectors, first_directory, 0, 4096, first_minifat, minifat_count, END, 0)
              + struct.pack("<109I", *range(first_fat, first_fat + fat_sectors), *[FREE] * (109 - fat_sectors)))
    return header + b"".join(sectors)


def _streams(name: str = "report_2019_fields") -> dict[str, bytes]:
    """The fixture's WordDocument, table and Data streams."""
    import olefile

    with olefile.OleFileIO(io.BytesIO(_doc(name))) as ole:
        return {stream: ole.openstream(stream).read() for stream in ("WordDocument", "1Table", "Data")
                if ole.exists(stream)}


_NO_DATA = "report_split_organisations"  # (a fixture with no Data stream: one of 100 bytes read from the mini stream)


def test_the_compound_file_written_here_reads_as_the_fixture():
    assert read_bytes(compound(_streams()), ".doc").text == read_bytes(_doc("report_2019_fields"), ".doc").text


def test_a_stream_whose_sector_chain_loops_is_unreadable_not_one_sector_read_again():
    """The WordDocument stream's chain coming back to its first sector: olefile reads the stream's size along the
    chain, that sector again and again, and the reader published the text it found there, no finding."""
    def loop(fat, starts):
        fat[starts["WordDocument"] + 3] = starts["WordDocument"] + 1

    source = read_bytes(compound(_streams(), fat_edit=loop), ".doc")
    assert _codes(source) == ["file_unreadable"] and "扇区链成环" in source.findings[0].message
    assert not source.text


def _small_data(**parts) -> bytes:
    """The fixture with a Data stream of 100 bytes, read from the mini stream; its mini stream and MiniFAT as
    ``parts`` say (``compound``'s ``root``, ``minifat``, ``fat_edit``)."""
    minifat = struct.pack("<2I", 1, END).ljust(512, b"\xff")  # (the Data stream in mini sectors 0 and 1)
    streams = {**_streams(_NO_DATA), "Data": b"\0" * 100, "MiniFAT": minifat, "Mini": bytes(512)}
    parts = {"root": ("first", "Mini", 512), "minifat": ("first", "MiniFAT", 1), **parts}
    return compound(streams, small={"Data": (0, 100)}, **parts)


def test_a_small_stream_read_from_a_sound_mini_stream_is_read():
    source = read_bytes(_small_data(), ".doc")
    assert not source.findings and source.text == read_bytes(_doc(_NO_DATA), ".doc").text


def test_a_mini_stream_or_minifat_claiming_more_than_the_file_holds_is_unreadable_at_once():
    """A 40 KB file whose MiniFAT claimed 2^31 sectors, its chain back to its first sector, took 29 s and 3 GB before
    its worker ran out of memory (here 2^17 sectors: 64 MB read of one sector); its root's mini stream claiming
    4 GB over such a chain, 10 s. A stream cannot hold more than the file holding it: refused before it is read."""
    def loop(name):
        def edit(fat, starts):
            fat[starts[name]] = starts[name]
        return edit

    big_minifat = _small_data(minifat=("first", "MiniFAT", 2**17), fat_edit=loop("MiniFAT"))
    big_mini = _small_data(root=("first", "Mini", 2**26), fat_edit=loop("Mini"))
    for data, what in ((big_minifat, "MiniFAT 表"), (big_mini, "迷你流")):
        source = read_bytes(data, ".doc")
        assert _codes(source) == ["file_unreadable"], source.findings
        assert f"{what}的长度" in source.findings[0].message and "超过文件本身" in source.findings[0].message


def test_a_small_stream_whose_mini_chain_loops_is_unreadable():
    minifat = struct.pack("<2I", 0, END).ljust(512, b"\xff")  # (mini sector 0 names itself as the next)
    streams = {**_streams(_NO_DATA), "Data": b"\0" * 100, "MiniFAT": minifat, "Mini": bytes(512)}
    data = compound(streams, small={"Data": (0, 100)}, root=("first", "Mini", 512), minifat=("first", "MiniFAT", 1))
    source = read_bytes(data, ".doc")
    assert _codes(source) == ["file_unreadable"] and "Data 流的扇区链成环" in source.findings[0].message


# --- a minimal document: the fixture's FIB, every FC/LCB pair zeroed but those given -------------------------------

_PAIRS = 0x9A  # where the FIB's FC/LCB pairs start (after its 14 16-bit and 22 32-bit fields)
_TEXT_AT = 0x600  # where the text starts in the WordDocument stream made here


def minimal_doc(text: str, pieces: list[tuple[int, int]], ccp_text: int, table: dict[str, bytes] | None = None,
                pages: bytes = b"", ccp_txbx: int = 0) -> tuple[bytes, int]:
    """A .doc whose WordDocument stream is the fixture's FIB then ``text`` (UTF-16) then ``pages`` (from a page
    boundary: its first page's number is returned); ``pieces`` ``(cp_start, cp_end)`` each reading the text from
    its start; ``table``: structures of the table stream by their FIB name (``word97.FC_LCB``)."""
    word = bytearray(_streams(_NO_DATA)["WordDocument"][:_TEXT_AT])
    for k in range(struct.unpack_from("<H", word, 0x98)[0]):
        struct.pack_into("<II", word, _PAIRS + 8 * k, 0, 0)
    for at, value in ((0x4C, ccp_text), (0x50, 0), (0x54, 0), (0x5C, 0), (0x60, 0), (0x64, ccp_txbx), (0x68, 0)):
        struct.pack_into("<i", word, at, value)  # (ccpText, ccpFtn, ccpHdd, ccpAtn, ccpEdn, ccpTxbx, ccpHdrTxbx)
    word += text.encode("utf-16-le")
    word += bytes(-len(word) % 512)
    first_page = len(word) // 512
    word += pages
    cps = [start for start, _ in pieces] + [pieces[-1][1]]
    plc = struct.pack(f"<{len(cps)}i", *cps) + struct.pack("<HIH", 0, _TEXT_AT, 0) * len(pieces)
    structures = {"Clx": b"\x02" + struct.pack("<I", len(plc)) + plc, **(table or {})}
    stream = bytearray(16)
    for name, blob in structures.items():
        struct.pack_into("<II", word, _PAIRS + 8 * dict(FC_LCB)[name], len(stream), len(blob))
        stream += blob
    return compound({"WordDocument": bytes(word).ljust(4096, b"\0"), "1Table": bytes(stream).ljust(4096, b"\0")}), \
        first_page


def text_boxes_doc(boxes: int, empty_pieces: int) -> bytes:
    """A .doc of ``boxes`` text boxes 甲, each anchored at a character of the main text, after ``empty_pieces``
    empty pieces of the piece table (then one piece for all the text)."""
    main = "\x08" * boxes + "\r"
    story = "甲\r" * boxes
    anchors = struct.pack(f"<{boxes + 1}i", *range(boxes + 1)) + b"".join(
        struct.pack("<i", lid) + bytes(22) for lid in range(boxes))  # (PlcSpaMom: each anchor's CP, its shape's lid)
    texts = struct.pack(f"<{boxes + 1}i", *range(0, 2 * boxes + 1, 2)) + b"".join(
        bytes(14) + struct.pack("<i", lid) + bytes(4) for lid in range(boxes))  # (PlcftxbxTxt: each box's CPs, lid)
    pieces = [(0, 0)] * empty_pieces + [(0, len(main) + len(story))]
    return minimal_doc(main + story, pieces, len(main), {"PlcSpaMom": anchors, "PlcftxbxTxt": texts},
                       ccp_txbx=len(story))[0]


def test_text_boxes_after_a_hundred_thousand_pieces_are_each_read_from_their_own_piece():
    """10,000 text boxes anchored in a main text of 99,990 empty pieces: each box's text was read by walking the
    pieces from the first (4,000 boxes over 40,000 pieces took 48 CPU s, 10,000 over 100,000 some minutes, as their
    product); the piece holding a box's first character is now found by bisection."""
    boxes = 10_000
    data = text_boxes_doc(boxes, 99_990)
    with no_hang(60):
        source = read_bytes(data, ".doc")
    lines = source.text.split("\n")
    assert not source.findings and (len(lines), set(lines)) == (boxes + 1, {"甲", ""})


def test_symbol_runs_of_thousands_of_pages_over_one_run_are_read_once():
    """8,000 character-property pages each giving the same run of 100,000 "(" a symbol (sprmCSymbol, α): each run's
    symbol looked at every character of the run (4,000 over 40,000 took 13 CPU s, growing as their product). Runs
    overlapping, as no Word writes them, are read once: the first page's symbol."""
    count, pages = 100_000, 8_000
    text = "(" * count + "\r"
    page = bytearray(512)
    struct.pack_into("<2I", page, 0, _TEXT_AT, _TEXT_AT + 2 * len(text))  # (one run over the text)
    page[8], page[511] = 480 // 2, 1  # (its CHPX at byte 480; crun 1)
    page[480:487] = b"\x06" + struct.pack("<HHH", 0x6A09, 0, ord("α"))  # (sprmCSymbol: font 0, α)
    _, first = minimal_doc(text, [(0, len(text))], len(text))
    index = struct.pack(f"<{pages + 1}I", *[_TEXT_AT] * pages, _TEXT_AT + 2 * len(text)) + struct.pack(
        f"<{pages}I", *range(first, first + pages))
    data, _ = minimal_doc(text, [(0, len(text))], len(text), {"PlcfBteChpx": index}, pages=bytes(page) * pages)
    with no_hang(60):
        source = read_bytes(data, ".doc")
    assert not source.findings and (len(source.text), set(source.text)) == (count, {"α"})


def huge_papx_doc(pages: int, data_stream: bytes, offset=lambda paragraph: 0) -> bytes:
    """A .doc of ``pages`` × 20 paragraphs 甲, each of its own run of a paragraph-property page (PAPX FKP) whose
    properties are ``sprmPHugePapx`` naming the Data stream's PrcData at ``offset(paragraph)`` (below 2^24)."""
    runs = 20  # (20 runs' offsets and PHEs, then 20 PapxInFkp of 8 bytes, fill a page)
    count = pages * runs
    text = "甲\r" * count
    made = []
    for page in range(pages):
        fkp = bytearray(512)
        struct.pack_into(f"<{runs + 1}I", fkp, 0, *[_TEXT_AT + 4 * (page * runs + j) for j in range(runs + 1)])
        for j in range(runs):
            at = 496 - 8 * j  # (a PapxInFkp each: cb 4, istd 0, sprmPHugePapx, a 3-byte offset)
            fkp[at:at + 8] = bytes([4]) + struct.pack("<HHI", 0, 0x6646, offset(page * runs + j))[:7]
            fkp[4 * (runs + 1) + 13 * j] = at // 2
        fkp[511] = runs
        made.append(bytes(fkp))
    _, first = minimal_doc(text, [(0, len(text))], len(text))
    index = struct.pack(f"<{pages + 1}I", *[_TEXT_AT + 4 * runs * page for page in range(pages + 1)]) + struct.pack(
        f"<{pages}I", *range(first, first + pages))
    data, _ = minimal_doc(text, [(0, len(text))], len(text), {"PlcfBtePapx": index}, pages=b"".join(made))
    import olefile

    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        streams = {name: ole.openstream(name).read() for name in ("WordDocument", "1Table")}
    return compound({**streams, "Data": data_stream.ljust(4096, b"\0")})


def test_paragraphs_naming_one_large_prcdata_in_the_data_stream_parse_it_once():
    """30,000 paragraphs whose properties (``sprmPHugePapx``) name one PrcData of 64 KB: each parsed it again
    (11,600 took 69 CPU s; 200,000, the line budget, some 20 minutes)."""
    grpprl = struct.pack("<HB", 0x2416, 0) * 21_844  # (sprmPFInTable 0, 21,844 times)
    data = huge_papx_doc(1_500, struct.pack("<H", len(grpprl)) + grpprl)
    with no_hang(60):
        source = read_bytes(data, ".doc")
    lines = source.text.split("\n")
    assert not source.findings and (len(lines), set(lines)) == (30_000, {"甲"})


def test_prcdata_overlapping_in_the_data_stream_are_unreadable():
    """Paragraphs naming PrcData at each byte of the Data stream, one over the next: no sound file has them (each
    paragraph's or row's properties of its own place); more of them than the stream holds is a broken file."""
    source = read_bytes(huge_papx_doc(2, b"\x01" * 400, offset=lambda paragraph: paragraph), ".doc")
    assert _codes(source) == ["file_unreadable"] and "相互重叠" in source.findings[0].message


def test_a_row_of_more_merges_than_cells_is_written_as_its_cells_at_once():
    """1,500 table rows of 64 cells whose properties (one PrcData, ``sprmPHugePapx``) hold 16,000 ``sprmTMerge`` of
    all their cells: each merge was applied to each cell of each row (400 rows took 24 CPU s; the cell budget's
    1,500, minutes). No Word writes more merges than a row has cells: such a row's properties do not describe its
    cells, and it is written as its cells are (as a row without a definition)."""
    cells, rows = 64, 1_500
    row = "1\x07" * cells + "\x07"
    definition = struct.pack(f"<B{cells + 1}h", cells, *range(0, 100 * (cells + 1), 100)) + bytes(20 * cells)
    grpprl = (struct.pack("<HBHB", 0x2416, 1, 0x2417, 1) + struct.pack("<HH", 0xD608, len(definition) + 1)
              + definition + struct.pack("<HBB", 0x5624, 0, cells) * 16_000)[:65_535]
    per_page = 10  # (rows a paragraph-property page gives: a run of cells, no properties; a run of the row's end)
    pages = []
    for page in range(rows // per_page):
        fkp = bytearray(512)
        fcs = [_TEXT_AT + 2 * (len(row) * r + offset) for r in range(page * per_page, (page + 1) * per_page)
               for offset in (0, len(row) - 1)] + [_TEXT_AT + 2 * len(row) * (page + 1) * per_page]
        struct.pack_into(f"<{len(fcs)}I", fkp, 0, *fcs)
        fkp[496:504] = bytes([4]) + struct.pack("<HHI", 0, 0x6646, 0)[:7]  # (sprmPHugePapx 0)
        for j in range(1, len(fcs) - 1, 2):
            fkp[4 * len(fcs) + 13 * j] = 496 // 2
        fkp[511] = len(fcs) - 1
        pages.append(bytes(fkp))
    text = row * rows
    _, first = minimal_doc(text, [(0, len(text))], len(text))
    index = struct.pack(f"<{len(pages) + 1}I", *[_TEXT_AT + 2 * len(row) * per_page * p for p in range(len(pages) + 1)]
                        ) + struct.pack(f"<{len(pages)}I", *range(first, first + len(pages)))
    data, _ = minimal_doc(text, [(0, len(text))], len(text), {"PlcfBtePapx": index}, pages=b"".join(pages))
    import olefile

    with olefile.OleFileIO(io.BytesIO(data)) as ole:
        streams = {name: ole.openstream(name).read() for name in ("WordDocument", "1Table")}
    data = compound({**streams, "Data": (struct.pack("<H", len(grpprl)) + grpprl).ljust(4096, b"\0")})
    with no_hang(60):
        source = read_bytes(data, ".doc")
    lines = source.text.split("\n")
    assert not source.findings and (len(lines), set(lines)) == (rows, {"\t".join("1" * cells)})


def test_paragraphs_alternating_between_a_table_64_deep_and_none_are_over_budget_not_gigabytes():
    """Paragraphs alternating between table depth 64 (``sprmPFInTable``, ``sprmPItap``) and none: each opened 64
    tables whose cells no mark ends, none counted against the cell budget (10,000 pairs took 333 MB; 99,000, a 6 MB
    file, 3 GB before the worker was stopped). A table opened holds a cell, and counts as one."""
    pairs, per_page = 20_000, 20
    text = "甲\r乙\r" * pairs
    papx = struct.pack("<HHBHi", 0, 0x2416, 1, 0x6649, 64)  # (istd 0, sprmPFInTable 1, sprmPItap 64)
    pages = []
    for page in range(2 * pairs // per_page):
        fkp = bytearray(512)
        struct.pack_into(f"<{per_page + 1}I", fkp, 0,
                         *[_TEXT_AT + 4 * (page * per_page + j) for j in range(per_page + 1)])
        fkp[480:481 + len(papx) + 1] = bytes([(len(papx) + 1) // 2]) + papx + b"\0"
        for j in range(0, per_page, 2):  # (甲 in the tables, 乙 in none)
            fkp[4 * (per_page + 1) + 13 * j] = 480 // 2
        fkp[511] = per_page
        pages.append(bytes(fkp))
    _, first = minimal_doc(text, [(0, len(text))], len(text))
    index = struct.pack(f"<{len(pages) + 1}I", *[_TEXT_AT + 4 * per_page * p for p in range(len(pages) + 1)]
                        ) + struct.pack(f"<{len(pages)}I", *range(first, first + len(pages)))
    data, _ = minimal_doc(text, [(0, len(text))], len(text), {"PlcfBtePapx": index}, pages=b"".join(pages))
    source = read_bytes(data, ".doc")
    assert _codes(source) == ["over_budget"] and "表格单元格" in source.findings[0].message
    # (a few such paragraphs are read)
    _, first = minimal_doc("甲\r乙\r" * 10, [(0, 40)], 40)
    index = struct.pack("<3I", _TEXT_AT, _TEXT_AT + 80, first)
    few = minimal_doc("甲\r乙\r" * 10, [(0, 40)], 40, {"PlcfBtePapx": index}, pages=pages[0])[0]
    assert read_bytes(few, ".doc").text.split("\n") == ["甲", "乙"] * 10


@pytest.mark.parametrize("offset,shift", [(30, 0), (30, 65_535), (32, 65_535)])
def test_a_sector_size_no_compound_file_has_is_said_to_be_one(offset, shift):
    """A header whose sector shift is 0 or 65,535 (the mini sector's too): olefile only warns, and failed later,
    told the user as "ValueError: bytes length not a multiple of item size" or "Exceeds the limit (4300 digits) for
    integer string conversion" (its log of 2^65535). [MS-CFB] has sectors of 512 or 4,096 bytes, mini sectors of 64
    (olefile reads other mini sectors smaller than a sector, as ``test_h30hostile_audit.compound_file`` has them)."""
    data = bytearray(_doc("report_2019_fields"))
    struct.pack_into("<H", data, offset, shift)
    source = read_bytes(bytes(data), ".doc")
    assert _codes(source) == ["file_unreadable"] and "扇区大小" in source.findings[0].message


def _fat_of(sectors: int) -> bytes:
    """A compound file of ``sectors`` FAT sectors (109 named in its header, the rest in DIFAT sectors), its
    directory one sector whose chain comes back to itself, no stream."""
    difat_sectors = max(0, -(-(sectors - 109) // 127))
    fat = [0] + [FAT_SECTOR] * sectors + [0xFFFFFFFC] * difat_sectors  # (the directory's chain: itself again)
    fat += [FREE] * (128 * sectors - len(fat))
    root = "Root Entry\0".encode("utf-16-le").ljust(64, b"\0") + struct.pack("<HBBIII", 22, 5, 1, FREE, FREE, FREE)
    body = (root + bytes(36) + struct.pack("<III", END, 0, 0)).ljust(512, b"\0") + struct.pack(f"<{len(fat)}I", *fat)
    listed = list(range(1, sectors + 1))[109:]
    for k in range(difat_sectors):
        chunk = listed[127 * k:127 * (k + 1)]
        following = sectors + 2 + k if k + 1 < difat_sectors else END
        body += struct.pack(f"<{len(chunk)}I", *chunk).ljust(508, b"\xff") + struct.pack("<I", following)
    header = (bytes.fromhex("d0cf11e0a1b11ae1") + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
              + struct.pack("<9I", 0, sectors, 0, 0, 4096, END, 0, sectors + 1 if difat_sectors else END,
                            difat_sectors)
              + struct.pack("<109I", *range(1, min(sectors, 109) + 1), *[FREE] * (109 - min(sectors, 109))))
    return header + body + "WordDocument".encode("utf-16-le")


def test_a_fat_of_more_sectors_than_the_file_needs_is_unreadable_at_once():
    """A compound file of 4,000 FAT sectors (2 MB; one FAT sector describes 128 of the file's): olefile joins its FAT
    a sector at a time, its time growing as the square of their count (20,000 took 31 CPU s; 38,000, a 19 MB file,
    more than 300 s), then said it was no Word document. A FAT past twice what the file needs is refused first."""
    source = read_bytes(_fat_of(4_000), ".doc")
    assert _codes(source) == ["file_unreadable"] and "FAT 有 4000 个扇区" in source.findings[0].message
    assert _codes(read_bytes(_fat_of(2), ".doc")) == ["format_unsupported"]  # (as many as it needs: read as before)


# --- PDF: a compact (CFF) font whose text layer lies ------------------------------------------------------------------


def _cff(encoding: int | None = None) -> bytes:
    """A compact font program (CFF) of one name and a Top DICT giving ``encoding`` (operator 16) or none."""
    def index(*items: bytes) -> bytes:
        if not items:
            return b"\0\0"
        offsets, at = [1], 1
        for item in items:
            at += len(item)
            offsets.append(at)
        return struct.pack(">HB", len(items), 4) + b"".join(struct.pack(">I", o) for o in offsets) + b"".join(items)

    top = b"" if encoding is None else b"\x1d" + struct.pack(">i", encoding) + b"\x10"
    return b"\x01\x00\x04\x04" + index(b"ABCDEF+Helvetica") + index(top) + index() + index()


def _compact_font(text: str, encoding: int | None = None, flate: bool = False) -> tuple[bytes, bytes, dict[int, str],
                                                                                    int]:
    """The report drawn in Helvetica made an embedded compact font (FontFile3 /Type1C) without /Encoding: its codes
    drawn as its own encoding says, the standard one when its Top DICT gives none."""
    from tests.test_h36hostile import _canvas_pdf

    data = _canvas_pdf(text, "Helvetica")
    assert data.count(b"/BaseFont /Helvetica /Encoding /WinAnsiEncoding") == 1
    data = data.replace(b"/Encoding /WinAnsiEncoding", b"/FontDescriptor 99 0 R".ljust(26)).replace(
        b"/BaseFont /Helvetica", b"/BaseFont /XYZABC+Hv")  # (a subset's name; every offset kept)
    program = zlib.compress(_cff(encoding) + bytes(10**6)) if flate else _cff(encoding)  # (a program's own length)
    size, previous = int(re.findall(rb"/Size (\d+)", data)[-1]), int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    out = bytearray(data.rstrip(b"\n") + b"\n")
    at_descriptor = len(out)
    out += (b"99 0 obj\n<< /Type /FontDescriptor /FontName /Helvetica /Flags 32 /FontBBox [0 0 1000 1000] "
            b"/ItalicAngle 0 /Ascent 718 /Descent -207 /CapHeight 718 /StemV 88 /FontFile3 100 0 R >>\nendobj\n")
    at_program = len(out)
    out += b"100 0 obj\n<< /Subtype /Type1C /Length %d%s >>\nstream\n%s\nendstream\nendobj\n" % (
        len(program), b" /Filter /FlateDecode" if flate else b"", program)
    xref = len(out)
    out += b"xref\n99 2\n%010d 00000 n \n%010d 00000 n \n" % (at_descriptor, at_program)
    root = re.findall(rb"/Root (\d+ \d+ R)", data)[-1]
    out += b"trailer\n<< /Size %d /Root %s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (max(size, 101), root, previous,
                                                                                   xref)
    return bytes(out), rb"XYZABC\+Hv", {code: chr(code) for code in range(0x20, 0x7F)}, 1


@pytest.mark.parametrize("flate", [False, True])
def test_a_digit_of_a_compact_font_whose_text_layer_says_another_digit_is_missing(flate):
    """The report's digits in an embedded compact font (CFF, FontFile3 /Type1C, as Ghostscript and dvipdfmx write
    Type 1 fonts) without /Encoding, whose ToUnicode map says 7 for the glyph 5: such a font draws each code as its
    own encoding names it — the standard one where its Top DICT gives none (/five) — but only fonts of a Type 1
    program (FontFile) were checked, and 7 was published with no finding."""
    from tests.test_h36hostile import _new_applications, _retold

    text = tab_report()
    honest, font, mapping, width = _compact_font(text, flate=flate)
    assert _new_applications(_retold(honest, font, mapping, width)) == (5, [])
    lying = {code: "7" if ch == "5" else ch for code, ch in mapping.items()}
    value, findings = _new_applications(_retold(honest, font, lying, width))
    assert value is None and [code for code, _ in findings] == ["pdf_text_differs"]
    assert "字形“5”写作“7”" in findings[0][1]


def test_a_compact_font_of_its_own_encoding_is_read_as_its_map_says():
    """A compact font whose Top DICT gives an encoding of its own (not the standard one the library assumes): the
    glyph its code draws is not known without reading that encoding, and its map is read as before, no finding."""
    from tests.test_h36hostile import _new_applications, _retold

    honest, font, mapping, width = _compact_font(tab_report(), encoding=40)
    assert _new_applications(_retold(honest, font, mapping, width)) == (5, [])
    lying = {code: "7" if ch == "5" else ch for code, ch in mapping.items()}
    assert _new_applications(_retold(honest, font, lying, width))[1] == []


def test_a_code_whose_differences_name_a_glyph_the_glyph_list_does_not_know_is_read_as_its_map_says():
    """Ghostscript writes ZapfDingbats with /Differences naming its glyphs a105, a17 … at the codes of 0–9 and a map
    giving ✐, ✑ …: the library does not know those names and keeps the base encoding's /zero for the code, so the
    check said the glyph 0 was written ✐ — pdf_text_differs on an honest file. Such a code's glyph is no digit
    known: read as its map says, no finding."""
    from tests.test_h36hostile import _canvas_pdf, _new_applications, _retold

    data = _canvas_pdf(tab_report(), "Helvetica")
    data = data.replace(b"/Encoding /WinAnsiEncoding", b"/Encoding 98 0 R".ljust(26))  # (every offset kept)
    size, previous = int(re.findall(rb"/Size (\d+)", data)[-1]), int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    out = bytearray(data.rstrip(b"\n") + b"\n")
    at = len(out)
    out += b"98 0 obj\n<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [53 /a21] >>\nendobj\n"
    xref = len(out)
    out += b"xref\n98 1\n%010d 00000 n \ntrailer\n<< /Size %d /Root %s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (
        at, max(size, 99), re.findall(rb"/Root (\d+ \d+ R)", data)[-1], previous, xref)
    mapping = {code: chr(code) for code in range(0x20, 0x7F)}
    dingbat = {**mapping, 0x35: "\u2715"}  # (the code of 5 draws a21, ✕)
    assert _new_applications(_retold(bytes(out), b"Helvetica", dingbat, 1))[1] == []
    # (a code the glyph list names is still checked: that of 5 named /six, mapped 5)
    named = bytes(out).replace(b"[53 /a21]", b"[53 /six]")  # (as long: every offset kept)
    assert [code for code, _ in _new_applications(_retold(named, b"Helvetica", mapping, 1))[1]] == ["pdf_text_differs"]
