"""Reading a Word 97-2003 binary document (.doc) — and a Kingsoft WPS document (.wps, since WPS 2005 the same
format) — into the text ``readers.docx_to_text`` gives for the same document: paragraphs one a line, a table's rows
one a line with cells apart by tabs, a merged cell once (``merged_rows``, the rules of ``readers._docx_table``).

The format is read as [MS-DOC] lays it out, nothing guessed: the OLE2 container (``olefile``) holds the
``WordDocument`` stream, which starts with the FIB; the FIB names the table stream (``0Table``/``1Table``) and where
in it the piece table (Clx) and the paragraph properties' index (PlcBtePapx) are. The main document's text is its
first ``ccpText`` characters, in pieces each 8-bit (cp1252) or UTF-16LE. Special characters: 0x0D ends a paragraph,
0x07 a table cell — or a row, when its paragraph's properties (a PAPX in an FKP page) say ``sprmPFTtp`` — and the
row's properties (``sprmTDefTable``: its cells' edges and merge flags) place its cells on the table's grid. Fields
(0x13 code 0x14 result 0x15) keep their result. A paragraph in a Word list has the number Word draws before it
(``word97_lists``: 3.其他, （一）, 一、), as the .docx reader writes it. The first page's header is read before the
text, as the .docx reader reads it (``_first_header``); footnotes and comments are other stories, not read (nor by
it). The text boxes of the main document's shapes (another story, ccpTxbx: ``word97_boxes``) are read before their
anchor's paragraph, as the .docx reader reads a box, those of the first page's header too; a box anchored in a
table's cell where a layout table is walked cell by cell (not in a table read as rows: nor by the .docx reader).

``doc_to_text(data)`` returns the text, or raises: ``NotWord97`` (format_unsupported: a workbook or another OLE2
file, Word 6/95), ``readers.BrokenFile`` (file_unreadable: encrypted, or a structure that points
outside its streams), ``readers.OverBudget`` (more characters, pieces or cells than ``readers.BUDGET`` allows).
Every loop is bounded by the file's own size or a budget: a hostile file ends in one of them, never hangs.
"""

from __future__ import annotations

import bisect
import io
import re
import struct
from collections import ChainMap
from collections.abc import Callable
from functools import partial

from .empty_columns import continues_a_table, empty_columns, printed_values
from .nested_rows import MAX_SUB_ROWS, expand, fits
from .readers import (
    BUDGET,
    MAX_DOCX_NESTING,
    MAX_SPACER_CELLS,
    BrokenFile,
    OverBudget,
    _cell_line,
    beside_blank,
    labels_alone,
    mark_spans,
)
from .values import MERGED_DOWN, MERGED_UP, read_cell
from .word97_boxes import box_ranges
from .word97_lists import Numbering

WORD_STREAM = "WordDocument"
MAX_PIECES = 100_000  # pieces of a piece table: a document saved fast hundreds of times has some thousands
PAGE = 512  # an FKP page's size in the WordDocument stream
# cell edges (twips) this close are one: a row's edges saved a twip off the row above's (LibreOffice rounds each row's
# widths apart) made a grid column of 1 twip, and a number over it was marked as spanning two columns
SNAP = 20
MAX_GRID = 64  # distinct cell edges of one table (a report's widest table, 四, has 16 columns: 17 edges)
MAX_DEPTH = 64  # tables nested in table cells (Word allows 63): a deeper sprmPItap is read at this depth

# the special characters of the main document's text (the rest are text)
_SPECIAL = re.compile("[\x01-\x08\x0b-\x0e\x13-\x15\x1e\x1f]")
_DROPPED = frozenset("\x01\x02\x03\x04\x05\x06\x08\x1f")  # object anchors, note references, optional hyphen
_LINE_BREAKS = frozenset("\x0b\x0c\x0e")  # line break, page or section break, column break

# sprms (single property modifiers) of a paragraph's and a table row's properties read here
_IN_TABLE, _TTP, _ITAP, _INNER_CELL, _INNER_TTP = 0x2416, 0x2417, 0x6649, 0x244B, 0x244C
_DELETED, _VANISH = 0x0800, 0x083C  # sprmCFRMarkDel, sprmCFVanish: characters Word does not show
_SYMBOL = 0x6A09  # sprmCSymbol: a symbol's font and character code
_CHAR_STYLE = 0x4A30  # sprmCIstd: a run's character style
_TITLE_PAGE = 0x300A  # sprmSFTitlePage: the section's first page has headers of its own
_STYLE = "istd"  # (a paragraph's style, kept with its sprms by _Papx.at)
_HUGE = 0x6646  # sprmPHugePapx: a paragraph's properties too large for its FKP page, in the Data stream
_DEF_TABLE, _VERT_MERGE, _MERGE, _SPLIT = 0xD608, 0xD62B, 0x5624, 0x5625
_RESHAPING = frozenset({0x7621, 0x5622, 0x7623})  # sprmTInsert, sprmTDelete, sprmTDxaCol: cells moved after the fact
_OPERAND_SIZES = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # by a sprm's spra (its top 3 bits); 6: sized


# wIdent of Word 6.0 and Word 95 (0xA5DC), and of their East Asian editions (0xA697, 0xA699: POI's Bug51944.doc)
_OLD_WORD = frozenset({0xA5DC, 0xA697, 0xA699})


class NotWord97(Exception):
    """A compound file this reader does not read (the message says what it is, in Chinese): format_unsupported."""


def doc_to_text(data: bytes) -> str:
    """The main document's paragraphs and tables, as ``readers.docx_to_text`` gives them for the same document."""
    word, table, data_stream = _streams(data)
    fib = _fib(word)
    clx = _slice(table, fib["fcClx"], fib["lcbClx"], "Clx")
    papx = _Papx(word, _slice(table, fib["fcPlcfBtePapx"], fib["lcbPlcfBtePapx"], "PlcBtePapx"), data_stream)
    sheet = _stylesheet(table[fib["fcStshf"]:fib["fcStshf"] + fib["lcbStshf"]])
    unseen = _unseen(word, _slice(table, fib["fcPlcfBteChpx"], fib["lcbPlcfBteChpx"], "PlcBteChpx"), papx,
                     _hidden(sheet))
    pieces = _pieces(clx, len(word))
    numbering = Numbering(table, (fib["fcPlfLst"], fib["lcbPlfLst"]), (fib["fcPlfLfo"], fib["lcbPlfLfo"]),
                          {istd: (base, props) for istd, (base, _, props) in sheet.items()})
    writer = _Writer(numbering if numbering.count else None)
    writer.boxes = _text_boxes(word, table, fib, pieces, unseen, papx, writer.numbering)
    for char, fc in _characters(word, pieces, fib["ccpText"], unseen):
        writer.add(char, fc, papx)
    header = _first_header(word, table, fib, pieces, unseen, papx)
    return "\n".join(part for part in (header, writer.finish()) if part is not None)


def _text_boxes(word: bytes, table: bytes, fib: dict, pieces: list, unseen: tuple, papx: _Papx,
                numbering: Numbering | None, header: bool = False) -> dict[int, Callable[[], str | None]]:
    """``{the anchor character's place in the WordDocument stream: what reads its text box}`` for the boxes of the
    main document's shapes (``word97_boxes``), or the headers' (``header``: PlcSpaHdr, its anchors' CPs the header
    stories', the boxes' text the story after the main document's boxes, ccpHdrTxbx): each read when its anchor's
    paragraph is written, as the .docx reader reads a box (after the paragraph is counted in its list, before it is
    written), in the same lists. A box's text ends with a paragraph mark of its own that is no text, as a header
    story's (an empty box's is that mark alone). A box whose characters the pieces do not hold is not read."""
    ccp = fib["ccpHdrTxbx" if header else "ccpTxbx"]
    if not 0 < ccp <= BUDGET.chars or not 0 <= fib["ccpTxbx"] <= BUDGET.chars:
        return {}
    base = fib["ccpText"] + fib["ccpFtn"] + fib["ccpHdd"] + fib["ccpAtn"] + fib["ccpEdn"] + header * fib["ccpTxbx"]
    story, story_end = (fib["ccpText"] + fib["ccpFtn"], fib["ccpText"] + fib["ccpFtn"] + fib["ccpHdd"]) if header \
        else (0, fib["ccpText"])  # (where the anchors are: the header stories, or the main text)
    spa, txbx = ("PlcSpaHdr", "PlcfHdrtxbxTxt") if header else ("PlcSpaMom", "PlcftxbxTxt")

    def read(start: int, end: int) -> str | None:
        return _story(word, pieces, unseen, papx, base + start, base + end, _Writer(numbering))

    boxes = {}
    for cp, start, end in box_ranges(table, (fib[f"fc{spa}"], fib[f"lcb{spa}"]), (fib[f"fc{txbx}"], fib[f"lcb{txbx}"]),
                                     ccp):
        cp += story
        k = bisect.bisect_right(pieces, (cp, float("inf"))) - 1  # (the piece holding the anchor's CP)
        if 0 <= k and pieces[k][0] <= cp < min(pieces[k][1], story_end):
            piece_start, _, fc, compressed = pieces[k]
            boxes.setdefault(fc + (cp - piece_start) * (1 if compressed else 2), partial(read, start, end))
    return boxes


def _first_header(word: bytes, table: bytes, fib: dict, pieces: list, unseen: tuple, papx: _Papx) -> str | None:
    """The text of the header the first page prints (the first section's own first-page header when the section
    has a different first page, ``sprmSFTitlePage``, else its odd-page header), as ``readers._docx_first_header``
    reads a .docx's: some agencies set the report's title only there. None when the section has none. The header
    stories follow the main text and the footnotes; PlcfHdd gives each story's first character (six separators,
    then six stories a section: even and odd header, even and odd footer, first-page header and footer), each
    story ending with a paragraph mark of its own that is no text. A header whose places do not fit the file is
    not read (the report's text is the main document's)."""
    plc = table[fib["fcPlcfHdd"]:fib["fcPlcfHdd"] + fib["lcbPlcfHdd"]]
    if len(plc) != fib["lcbPlcfHdd"] or len(plc) < 4 * 13:
        return None
    cps = struct.unpack_from(f"<{len(plc) // 4}i", plc)
    story = 10 if _title_page(word, table, fib) else 7
    start, end = cps[story], cps[story + 1]
    if not 0 <= start < end - 1 or end > fib["ccpHdd"] or end - start > BUDGET.chars:
        return None  # (pieces may overlap: a header's length is bounded here, as the main text's by ccpText's bound)
    base = fib["ccpText"] + fib["ccpFtn"]
    writer = _Writer()
    writer.boxes = _text_boxes(word, table, fib, pieces, unseen, papx, None, header=True)
    return _story(word, pieces, unseen, papx, base + start, base + end, writer)


def _story(word: bytes, pieces: list, unseen: tuple, papx: _Papx, start: int, end: int, writer: _Writer) -> str | None:
    """The text ``writer`` makes of the characters ``start`` to ``end`` (CPs) of a story after the main text (a
    header, a text box), whose last character is its own paragraph mark, no text; None when the pieces do not hold
    them."""
    try:
        for char, fc in _characters(word, pieces, end - 1, unseen, start):
            writer.add(char, fc, papx)
    except BrokenFile:
        return None
    return writer.finish()


def _title_page(word: bytes, table: bytes, fib: dict) -> bool:
    """Whether the first section has a different first page (``sprmSFTitlePage`` in its SEPX, found by the first
    Sed of PlcfSed)."""
    plc = table[fib["fcPlcfSed"]:fib["fcPlcfSed"] + fib["lcbPlcfSed"]]
    if len(plc) < 20:
        return False
    fc_sepx = struct.unpack_from("<I", plc, 8 + 2)[0]
    if fc_sepx == 0xFFFFFFFF or fc_sepx + 2 > len(word):
        return False
    size = struct.unpack_from("<h", word, fc_sepx)[0]
    return _sprms(word[fc_sepx + 2:fc_sepx + 2 + max(size, 0)]).get(_TITLE_PAGE, b"\0")[:1] not in (b"\0", b"")


def _streams(data: bytes) -> tuple[bytes, bytes, bytes]:
    import olefile

    shifts = struct.unpack_from("<HH", data, 30) if len(data) >= 34 else (0, 0)
    if shifts[0] not in (9, 12) or shifts[1] > shifts[0]:  # [MS-CFB]: sectors of 512 bytes (version 3) or 4,096
        # (4), mini sectors smaller (64). olefile warns only: a shift of 65,535 failed in its log as "Exceeds the limit
        # (4300 digits) for integer string conversion", 0 as "bytes length not a multiple of item size", said so to
        # the user
        raise BrokenFile(f"OLE2 复合文档结构损坏（扇区大小 2^{shifts[0]}、迷你扇区大小 2^{shifts[1]} 不合规范）")
    sector = 1 << shifts[0]
    fat_sectors, needed = struct.unpack_from("<I", data, 44)[0], -(-len(data) // sector) // (sector // 4) + 1
    if fat_sectors > 2 * needed:  # (olefile joins the FAT a sector at a time, its time the square of their count:
        # a 19 MB file of 38,000 FAT sectors took more than 300 s; one entry a sector of the file is all a FAT holds)
        raise BrokenFile(f"OLE2 复合文档结构损坏（FAT 有 {fat_sectors} 个扇区，文件只需要 {needed} 个）")
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except OSError as error:  # (olefile's checks on its header, sector chains and directory)
        raise BrokenFile(f"OLE2 复合文档结构损坏（{error}）") from error
    with ole:
        if not ole.exists(WORD_STREAM):
            raise NotWord97("Office 97-2003 或 WPS 文件，但不是 Word 文档（没有 WordDocument 流：表格、演示文稿等）")
        word = _read_stream(ole, WORD_STREAM)
        if len(word) < 0x20:
            raise BrokenFile("Word 文档的 WordDocument 流太短")
        (ident, n_fib), flags = struct.unpack_from("<HH", word), struct.unpack_from("<H", word, 0x0A)[0]
        if ident in _OLD_WORD and n_fib < 0xC0:  # (Word 6.0 and 95 write these identifiers; a Word 97 FIB's 0xA5EC)
            raise NotWord97(f"Word 6.0/95 或更早版本的文档（标识 0x{ident:04X}，nFib {n_fib}）")
        if ident != 0xA5EC:
            raise NotWord97(f"WordDocument 流不是 Word 97-2003 格式（标识 0x{ident:04X}）")
        if n_fib < 0xC0:  # Word 6.0 and Word 95 (nFib 101–105) lay the FIB out otherwise
            raise NotWord97(f"Word 6.0/95 或更早版本的文档（nFib {n_fib}）")
        if flags & 0x0100:  # fEncrypted (with fObfuscated: XOR obfuscation, else RC4): Word's and WPS's passwords
            raise BrokenFile("Word 97-2003 文档已加密，需要密码才能打开")
        name = "1Table" if flags & 0x0200 else "0Table"
        if not ole.exists(name):
            raise BrokenFile(f"Word 文档缺少表流 {name}")
        data_stream = _read_stream(ole, "Data") if ole.exists("Data") else b""
        return word, _read_stream(ole, name), data_stream


def _read_stream(ole, name: str) -> bytes:
    import olefile

    from .readers import MAX_BYTES

    if ole.get_type(name) != olefile.STGTY_STREAM:  # (a fuzzed directory may name a storage so: olefile's TypeError)
        raise BrokenFile(f"Word 文档的 {name} 不是数据流，而是存储（目录）")
    size = ole.get_size(name)
    if size > MAX_BYTES:  # (a directory entry may claim any size; olefile reads what the chain holds)
        raise OverBudget(f"Word 文档的 {name} 流超过 {MAX_BYTES // 2**20} MB 上限")
    entry = ole.direntries[ole._find(name)]  # noqa: SLF001 - the library's own lookup of a stream's entry
    mini = size < ole.minisectorcutoff
    if mini:  # (a small stream is read from the mini stream, itself a stream of the root's, by the MiniFAT)
        _chain(ole, ole.fat, ole.root.isectStart, ole.root.size, ole.sectorsize, "迷你流")
        _chain(ole, ole.fat, ole.minifatsect, ole.num_mini_fat_sectors * ole.sectorsize, ole.sectorsize, "MiniFAT 表")
    else:
        _chain(ole, ole.fat, entry.isectStart, size, ole.sectorsize, f"{name} 流")
    with ole.openstream(name) as stream:
        data = stream.read()
    if mini:  # (the MiniFAT is loaded by the first read of a small stream)
        _chain(ole, ole.minifat, entry.isectStart, size, ole.minisectorsize, f"{name} 流")
    return data


def _chain(ole, fat, start: int, size: int, sector: int, name: str) -> None:
    """Refuse a stream (``name``) whose sector chain in ``fat`` loops or that claims more bytes than the file has:
    olefile reads ``size`` bytes along the chain whatever it holds, a sector met again read again. A 40 KB file whose
    MiniFAT claimed 2^31 sectors in a chain back to its first took 29 s and 3 GB before its worker ran out of memory;
    a WordDocument stream whose chain came back to its first sector was read as that sector over and over, its text
    published as if sound. A chain ending early or past the FAT is olefile's (it reads what the chain holds)."""
    if size > ole._filesize:  # noqa: SLF001 - (a stream cannot hold more than the file holding it)
        raise BrokenFile(f"OLE2 复合文档结构损坏（{name}的长度 {size} 字节超过文件本身的 {ole._filesize} 字节）")  # noqa: SLF001
    seen: set[int] = set()
    at = start
    for _ in range(-(-size // sector)):
        if not 0 <= at < len(fat):
            return
        if at in seen:
            raise BrokenFile(f"OLE2 复合文档结构损坏（{name}的扇区链成环，回到第 {at} 扇区）")
        seen.add(at)
        at = fat[at]


# the FibRgFcLcb97 pairs read ([MS-DOC] 2.5.6): each structure's name and its pair's index (its fc and lcb)
FC_LCB = (("Stshf", 1), ("PlcfSed", 6), ("PlcfHdd", 11), ("PlcfBteChpx", 12), ("PlcfBtePapx", 13), ("Clx", 33),
          ("PlcSpaMom", 40), ("PlcSpaHdr", 41), ("PlcftxbxTxt", 56), ("PlcfHdrtxbxTxt", 58), ("PlfLst", 73),
          ("PlfLfo", 74))


def _fib(word: bytes) -> dict[str, int]:
    """The FIB's fields read here, at the offsets its counts of 16-bit, 32-bit and FC/LCB fields give (Word 97 and
    later: 14, 22 and at least 93)."""
    if len(word) < 0x22:
        raise BrokenFile("Word 文档的文件信息块（FIB）不完整")
    csw = struct.unpack_from("<H", word, 0x20)[0]
    lw = 0x22 + 2 * csw
    if len(word) < lw + 2:
        raise BrokenFile("Word 文档的文件信息块（FIB）不完整")
    cslw = struct.unpack_from("<H", word, lw)[0]
    blob = lw + 2 + 4 * cslw
    if csw != 14 or cslw != 22 or len(word) < blob + 2:
        raise BrokenFile(f"Word 文档的文件信息块（FIB）不合规范（csw {csw}、cslw {cslw}）")
    count = struct.unpack_from("<H", word, blob)[0]
    if count < 0x5D or len(word) < blob + 2 + 8 * 0x5D:
        raise BrokenFile(f"Word 文档的文件信息块（FIB）不完整（{count} 对 FC/LCB）")

    def pair(index: int) -> tuple[int, int]:
        return struct.unpack_from("<II", word, blob + 2 + 8 * index)

    fib = {name: struct.unpack_from("<i", word, lw + 2 + 4 * index)[0]
           for index, name in ((3, "ccpText"), (4, "ccpFtn"), (5, "ccpHdd"), (7, "ccpAtn"), (8, "ccpEdn"),
                               (9, "ccpTxbx"), (10, "ccpHdrTxbx"))}
    for name, index in FC_LCB:
        fib[f"fc{name}"], fib[f"lcb{name}"] = pair(index)
    if not 0 <= fib["ccpText"] <= BUDGET.chars:
        if fib["ccpText"] > 0:
            raise OverBudget(f"Word 文档正文有 {fib['ccpText']} 个字符，超过上限 {BUDGET.chars} 个")
        raise BrokenFile(f"Word 文档的正文长度不合规范（{fib['ccpText']}）")
    return fib


def _slice(stream: bytes, fc: int, lcb: int, name: str) -> bytes:
    if fc + lcb > len(stream):
        raise BrokenFile(f"Word 文档的 {name} 超出表流（{fc}+{lcb}，流长 {len(stream)}）")
    return stream[fc:fc + lcb]


def _pieces(clx: bytes, word_size: int) -> list[tuple[int, int, int, bool]]:
    """The piece table: ``(cp_start, cp_end, fc, compressed)`` for each piece, after the Clx's Prc entries, as far
    as the pieces follow one another from CP 0 (so a story after the main text is found by bisection)."""
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # a Prc: clxt, cbGrpprl (signed 16-bit), its grpprl
        size = struct.unpack_from("<h", clx, at + 1)[0] if at + 3 <= len(clx) else -1
        if size < 0:
            raise BrokenFile("Word 文档的分段表（Clx）中的属性条目损坏")
        at += 3 + size
    if at + 5 > len(clx) or clx[at] != 0x02:
        raise BrokenFile("Word 文档没有分段表（Clx 中没有 Pcdt）")
    lcb = struct.unpack_from("<I", clx, at + 1)[0]
    plc = clx[at + 5:at + 5 + lcb]
    if lcb != len(plc) or lcb < 16 or (lcb - 4) % 12:
        raise BrokenFile(f"Word 文档的分段表长度不合规范（{lcb}）")
    count = (lcb - 4) // 12
    if count > MAX_PIECES:
        raise OverBudget(f"Word 文档的分段表有 {count} 段，超过上限 {MAX_PIECES} 段")
    cps = struct.unpack_from(f"<{count + 1}i", plc)
    pieces = []
    for k in range(count):
        fc_field = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * k + 2)[0]
        compressed = bool(fc_field & 0x40000000)
        fc = (fc_field & 0x3FFFFFFF) // 2 if compressed else fc_field & 0x3FFFFFFF
        start, end = cps[k], cps[k + 1]
        if not 0 <= start <= end:
            raise BrokenFile(f"Word 文档的分段表中字符位置不递增（{start}→{end}）")
        if fc + (end - start) * (1 if compressed else 2) > word_size:
            raise BrokenFile(f"Word 文档的第 {k + 1} 段文字超出 WordDocument 流")
        if start != (pieces[-1][1] if pieces else 0):
            break  # (the pieces after a gap hold no character a story can reach: _characters says so at the gap)
        pieces.append((start, end, fc, compressed))
    return pieces


def _unseen(word: bytes, plc: bytes, papx: _Papx | None = None,
            styles: dict[int, bool] | None = None) -> tuple[list[int], list[int], list[tuple[int, int, str]]]:
    """The stretches of the WordDocument stream whose characters Word does not show: deleted with track changes on
    (``sprmCFRMarkDel``) or hidden (``sprmCFVanish``), as the .docx reader leaves out ``w:del`` and ``w:vanish``
    runs (before: a cell whose 8 was deleted and 5 inserted read 85, one holding a hidden 9 before its 0 read 90).
    ``(starts, ends)``, sorted, from the character properties: PlcBteChpx → CHPX FKP pages, each page read once.
    A character's own properties, a ToggleOperand (0x80, 0x81: as its style, the opposite of its style) against
    its paragraph's style and its character style (``styles``): Word writes hidden text 0x81, and a template's
    instructions in a hidden style shown again 0x81 too (POI's 53379.doc: 2,098 characters of text Word shows were
    lost). A style that hides text is not followed where the character's own properties do not name it.
    Third, the symbols: ``(start, end, character)`` of each run with ``sprmCSymbol`` (Insert > Symbol: Word writes
    the character "(" there, the symbol's code in the run's properties), the character the .docx reader writes for
    its ``w:sym`` (``readers._docx_symbol``: a symbol font's stays its private-use code point). Before, each read "(":
    "111 (g.h/mL" for 111 μg.h/mL, "100(C" for 100°C (POI's 61586.doc, 53379.doc)."""
    styles = styles or {}
    symbols: list[tuple[int, int, str]] = []
    count = (len(plc) - 4) // 8 if len(plc) >= 12 else 0
    pns = sorted({v & 0x3FFFFF for v in struct.unpack_from(f"<{count}I", plc, 4 * (count + 1))}) if count else []
    stretches: list[tuple[int, int]] = []
    for pn in pns:
        page = word[pn * PAGE:(pn + 1) * PAGE]
        if len(page) != PAGE:
            raise BrokenFile(f"Word 文档的字符属性页 {pn} 超出 WordDocument 流")
        crun = page[PAGE - 1]
        if 5 * crun + 4 > PAGE - 1:
            raise BrokenFile(f"Word 文档的字符属性页 {pn} 不合规范（{crun} 段）")
        fcs = struct.unpack_from(f"<{crun + 1}I", page)
        for j in range(crun):
            offset = 2 * page[4 * (crun + 1) + j]
            if not offset:
                continue
            props = _sprms(page[offset + 1:offset + 1 + page[offset]])
            if len(props.get(_SYMBOL, b"")) >= 4 and fcs[j] < fcs[j + 1]:
                code = struct.unpack_from("<H", props[_SYMBOL], 2)[0]
                symbols.append((fcs[j], fcs[j + 1], chr(code) if not 0xD800 <= code < 0xE000 else "\ufffd"))
            vanish = props.get(_VANISH, b"\0")[:1]
            if vanish in (b"\x80", b"\x81"):  # (a toggle: the style's value, kept or switched)
                base = bool(papx and styles.get(papx.style(fcs[j]), False))
                char_style = struct.unpack("<H", props.get(_CHAR_STYLE, b"\xff\xff").ljust(2, b"\0")[:2])[0]
                base ^= styles.get(char_style, False)
                hidden = base if vanish == b"\x80" else not base
            else:
                hidden = vanish == b"\1"
            if props.get(_DELETED, b"\0")[:1] not in (b"\0", b"") or hidden:
                stretches.append((fcs[j], fcs[j + 1]))
    merged: list[list[int]] = []  # (disjoint, not empty: a run's text is looked at once per stretch within it)
    for start, end in sorted(stretches):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    disjoint: list[tuple[int, int, str]] = []  # (runs of one place in many pages, overlapping, are read once: 4,000
    # pages' runs over one run of 40,000 "(" each looked at it, 13 CPU s, growing as their product)
    for start, end, symbol in sorted(symbols):
        start = max(start, disjoint[-1][1]) if disjoint else start
        if start < end:
            disjoint.append((start, end, symbol))
    return [a for a, _ in merged], [b for _, b in merged], disjoint


def _stylesheet(stsh: bytes) -> dict[int, tuple[int, bytes, dict]]:
    """``{istd: (istdBase, its sprmCFVanish operand or b"", the sprms of its paragraph properties if they hold a
    sprmPIlfo, else none)}`` from the stylesheet (STSH): each style's character properties (UpxChpx: a paragraph
    style's second UPX, a character style's first) and a paragraph style's paragraph properties (its first UPX,
    UpxPapx: after its istd). A stylesheet that does not fit its own sizes gives what was read before it."""
    if len(stsh) < 6:
        return {}
    cb_stshi = struct.unpack_from("<H", stsh)[0]
    if 2 + cb_stshi > len(stsh) or cb_stshi < 4:
        return {}
    count, cb_base = struct.unpack_from("<HH", stsh, 2)
    own: dict[int, tuple[int, bytes, dict]] = {}
    at = 2 + cb_stshi
    for istd in range(count):
        if at + 2 > len(stsh):
            break
        size = struct.unpack_from("<H", stsh, at)[0]
        std, at = stsh[at + 2:at + 2 + size], at + 2 + size
        if len(std) < max(cb_base, 10) + 2:
            continue
        kind_base, cupx = struct.unpack_from("<H", std, 2)[0], std[4] & 0x0F
        kind, base = kind_base & 0x0F, kind_base >> 4
        upx = cb_base + 2 + 2 * struct.unpack_from("<H", std, cb_base)[0] + 2  # after the name (an Xstz)
        chpx, papx = b"", b""
        for k in range(min(cupx, 3)):
            upx += upx % 2  # (each UPX starts at an even offset in the STD)
            if upx + 2 > len(std):
                break
            cb = struct.unpack_from("<H", std, upx)[0]
            if (kind, k) in ((1, 1), (2, 0)):  # a paragraph style's second UPX, a character style's first
                chpx = std[upx + 2:upx + 2 + cb]
            elif (kind, k) == (1, 0):
                papx = std[upx + 4:upx + 2 + cb]
            upx += 2 + cb
        # (a style's paragraph properties are read for its list, word97_lists: those naming none, most, are not)
        own[istd] = (base, _sprms(chpx).get(_VANISH, b"")[:1], _sprms(papx) if b"\x0b\x46" in papx else {})
    return own


def _hidden_styles(stsh: bytes) -> dict[int, bool]:
    """``{istd: whether the style hides its characters}`` from the stylesheet (STSH, ``_stylesheet``)."""
    return _hidden(_stylesheet(stsh))


def _hidden(own: dict[int, tuple[int, bytes, dict]]) -> dict[int, bool]:
    """``{istd: whether the style hides its characters}`` from the styles ``_stylesheet`` read: each style's
    ``sprmCFVanish`` in its character properties, over its base style's (``istdBase``), a toggle (0x80, 0x81)
    against the base's. A broken stylesheet hides nothing."""
    hidden: dict[int, bool] = {}
    for istd in own:
        chain, at = [], istd
        while at in own and at not in hidden and at not in chain and len(chain) < len(own):
            chain.append(at)
            at = own[at][0]
        value = hidden.get(at, False)
        for step in reversed(chain):
            operand = own[step][1]
            value = {b"\0": False, b"\1": True, b"\x81": not value}.get(operand, value)
            hidden[step] = value
    return hidden


def _shown(text: str, fc: int, width: int, unseen: tuple) -> str:
    """``text`` (a run starting at ``fc``, ``width`` bytes a character) without its characters in ``unseen``, its
    symbols' "(" the symbols they are."""
    text = _symbols(text, fc, width, unseen[2] if len(unseen) > 2 else [])
    starts, ends = unseen[:2]
    if not starts:
        return text
    end = fc + len(text) * width
    k = max(bisect.bisect_right(starts, fc) - 1, 0)
    keep = []
    at = fc
    while k < len(starts) and starts[k] < end:
        if ends[k] > at:
            if starts[k] > at:
                keep.append(text[(at - fc) // width:(starts[k] - fc) // width])
            at = max(at, ends[k])
        k += 1
    if at < end:
        keep.append(text[(at - fc) // width:])
    return "".join(keep)


def _symbols(text: str, fc: int, width: int, symbols: list[tuple[int, int, str]]) -> str:
    """``text`` (a run starting at ``fc``) with each "(" inside a symbol's run the symbol (``_unseen``)."""
    if not symbols or "(" not in text:
        return text
    end = fc + len(text) * width
    k = max(bisect.bisect_right(symbols, (fc, fc, "")) - 1, 0)
    chars = None
    while k < len(symbols) and symbols[k][0] < end:
        start, stop, symbol = symbols[k]
        first = max(start, fc)
        first += (first - fc) % width  # (the first character boundary in the run)
        for at in range(first, min(stop, end), width):
            if text[(at - fc) // width] == "(":
                chars = chars if chars is not None else list(text)
                chars[(at - fc) // width] = symbol
        k += 1
    return "".join(chars) if chars is not None else text


def _characters(word: bytes, pieces: list[tuple[int, int, int, bool]], ccp_text: int,
                unseen: tuple = ([], [], []), first: int = 0):
    """``(run, fc)`` for the main document's text (its first ``ccp_text`` characters; from character ``first`` for
    another story), in order: each special character alone with its position in the WordDocument stream (``fc``),
    the text between them as runs (``fc`` None), without the characters Word does not show (``unseen``: deleted or
    hidden text; a special character is kept, the paragraphs and cells it ends are the document's as the .docx
    reader's are). A story after the main text starts at the piece holding its first character, found by
    bisection: each text box read from the first piece took 48 CPU s for 4,000 boxes over 40,000 pieces (its square:
    10,000 over 100,000, some minutes)."""
    at_piece = max(bisect.bisect_right(pieces, (first, float("inf"))) - 1, 0) if first else 0
    cp = pieces[at_piece][0] if pieces else 0
    for k in range(at_piece, len(pieces)):
        start, end, fc, compressed = pieces[k]
        if start != cp:
            raise BrokenFile(f"Word 文档的分段表不连续（第 {cp} 个字符之后是第 {start} 个）")
        end = min(end, ccp_text)
        if first > start:  # (a story after the main text: the pieces before it skipped, the one it starts in cut)
            fc += (min(first, end) - start) * (1 if compressed else 2)
            cp, start = end, min(first, end)
            if end <= first:
                continue
        if end > start:
            width = 1 if compressed else 2
            raw = word[fc:fc + (end - start) * width]
            text = raw.decode("cp1252", errors="replace") if compressed else raw.decode("utf-16-le", "replace")
            at = 0
            for special in _SPECIAL.finditer(text):
                if special.start() > at:
                    yield _shown(text[at:special.start()], fc + at * width, width, unseen), None
                yield special.group(), fc + special.start() * width
                at = special.end()
            if at < len(text):
                yield _shown(text[at:], fc + at * width, width, unseen), None
        cp = end
        if cp >= ccp_text:
            return
    if cp < ccp_text:
        raise BrokenFile(f"Word 文档的分段表只有 {cp} 个字符，正文应有 {ccp_text} 个")


def _sprms(grpprl: bytes) -> dict[int, bytes]:
    """``{sprm: operand}`` of a grpprl (a later one of a sprm over an earlier); ``sprmTVertMerge``,
    ``sprmTMerge`` and ``sprmTSplit`` kept all, in order, under ``("all", sprm)``."""
    found: dict = {}
    at = 0
    while at + 2 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, at)[0]
        at += 2
        spra = sprm >> 13
        if spra != 6:
            size = _OPERAND_SIZES[spra]
        elif sprm == _DEF_TABLE:  # its size in 16 bits, counting itself less one byte
            if at + 2 > len(grpprl):
                break
            size = struct.unpack_from("<H", grpprl, at)[0] + 1
        elif sprm == 0xC615:  # sprmPChgTabs: a size of 255 is followed by counted deletions and additions
            if at >= len(grpprl):
                break
            size = 1 + grpprl[at]
            if grpprl[at] == 255 and at + 1 < len(grpprl):
                deleted = grpprl[at + 1]
                added_at = at + 2 + 4 * deleted
                size = 2 + 4 * deleted + 1 + 3 * (grpprl[added_at] if added_at < len(grpprl) else 0)
        else:
            if at >= len(grpprl):
                break
            size = 1 + grpprl[at]
        operand = grpprl[at:at + size]
        at += size
        if sprm in (_VERT_MERGE, _MERGE, _SPLIT) or sprm in _RESHAPING:
            found.setdefault(("all", sprm), []).append(operand)
        found[sprm] = operand
    return found


class _Papx:
    """Paragraph properties by a character's position in the WordDocument stream: PlcBtePapx → FKP page →
    PapxInFkp → grpprl, each page read once."""

    def __init__(self, word: bytes, plc: bytes, data_stream: bytes = b""):
        self.word, self.data_stream = word, data_stream
        count = (len(plc) - 4) // 8 if len(plc) >= 12 else 0
        self.fcs = list(struct.unpack_from(f"<{count + 1}I", plc)) if count else []
        self.pns = [v & 0x3FFFFF for v in struct.unpack_from(f"<{count}I", plc, 4 * (count + 1))] if count else []
        self.pages: dict[int, tuple[list[int], list[int]]] = {}
        self.props: dict[tuple[int, int], dict] = {}
        self.huge: dict[int, dict] = {}  # the sprms of the Data stream's PrcData by offset
        self.huge_bytes = 0  # the bytes of PrcData read so far (each byte once in a sound file)

    def at(self, fc: int) -> dict:
        """The sprms of the paragraph holding the character at ``fc`` (none: ``{}``)."""
        k = bisect.bisect_right(self.fcs, fc) - 1
        if k < 0 or k >= len(self.pns):
            return {}
        pn = self.pns[k]
        fcs, offsets = self._page(pn)
        j = bisect.bisect_right(fcs, fc) - 1
        if j < 0 or j >= len(offsets):
            return {}
        key = (pn, j)
        if key not in self.props:
            grpprl = self._grpprl(pn, offsets[j])
            props = _sprms(grpprl)
            if _HUGE in props:  # sprmPHugePapx: the paragraph's (a table row's) properties in the Data stream
                props = ChainMap({}, self._huge(props[_HUGE]), props)  # (its sprms over the page's; shared)
            if offsets[j]:  # (its style, read with them: asked for each paragraph in a document with lists)
                at = pn * PAGE + offsets[j] + (1 if self.word[pn * PAGE + offsets[j]] else 2)
                if at + 2 <= (pn + 1) * PAGE:
                    props[_STYLE] = struct.unpack_from("<H", self.word, at)[0]
            self.props[key] = props
        return self.props[key]

    def style(self, fc: int) -> int | None:
        """The style (istd) of the paragraph holding the character at ``fc`` (None: none found)."""
        return self.at(fc).get(_STYLE)

    def _huge(self, operand: bytes) -> dict:
        """The sprms of the PrcData at the Data stream offset ``sprmPHugePapx`` gives (a 16-bit size, then its
        grpprl), each read once: 11,600 paragraphs naming one PrcData of 64 KB took 69 CPU s, each parsing it again
        (200,000, the line budget: some 20 minutes). PrcData overlapping, which no sound file has, are refused once
        more of them is read than the Data stream holds."""
        at = struct.unpack_from("<I", operand.ljust(4, b"\0"))[0]
        if at not in self.huge:
            if at + 2 > len(self.data_stream):
                raise BrokenFile(f"Word 文档的段落属性（sprmPHugePapx {at}）超出 Data 流")
            size = struct.unpack_from("<H", self.data_stream, at)[0]
            if at + 2 + size > len(self.data_stream):
                raise BrokenFile(f"Word 文档的段落属性（sprmPHugePapx {at}+{size}）超出 Data 流")
            self.huge_bytes += 2 + size
            if self.huge_bytes > len(self.data_stream):
                raise BrokenFile("Word 文档 Data 流中的段落属性（sprmPHugePapx）相互重叠")
            self.huge[at] = _sprms(self.data_stream[at + 2:at + 2 + size])
        return self.huge[at]

    def _page(self, pn: int) -> tuple[list[int], list[int]]:
        if pn not in self.pages:
            page = self.word[pn * PAGE:(pn + 1) * PAGE]
            if len(page) != PAGE:
                raise BrokenFile(f"Word 文档的段落属性页 {pn} 超出 WordDocument 流")
            crun = page[PAGE - 1]
            if 4 * (crun + 1) + 13 * crun > PAGE - 1:
                raise BrokenFile(f"Word 文档的段落属性页 {pn} 不合规范（{crun} 段）")
            fcs = list(struct.unpack_from(f"<{crun + 1}I", page))
            offsets = [2 * page[4 * (crun + 1) + 13 * j] for j in range(crun)]
            self.pages[pn] = (fcs, offsets)
        return self.pages[pn]

    def _grpprl(self, pn: int, offset: int) -> bytes:
        if not offset:
            return b""
        page = self.word[pn * PAGE:(pn + 1) * PAGE]
        cb = page[offset]
        grp = page[offset + 1:offset + cb * 2] if cb else page[offset + 2:offset + 2 + 2 * page[offset + 1]]
        return grp[2:]  # (after the paragraph's style, istd)


class _Writer:
    """The document as blocks — paragraphs ``("p", text)``, a text box's lines ``("b", text)`` (no text of a table
    cell's, ``_paragraphs``) and tables ``("t", rows)``, a row ``(cells, properties)``, a cell its own blocks —
    built from the paragraph and cell marks as they come, a table nested in a cell (its paragraphs' ``sprmPItap``
    depth, its cells and rows ended by ``sprmPFInnerTableCell``/``sprmPFInnerTtp``) among that cell's blocks; then
    written as lines (``_write``). A paragraph in a Word list (``numbering``: the main document's; a header's are
    not numbered, nor by the .docx reader) has the number Word shows before its text, as
    ``docx_numbering.write_list_numbers`` writes it: counted for every paragraph of the list, written before text
    that does not begin with a digit (an empty 序号 cell, a value's ``0``, stay as they are)."""

    def __init__(self, numbering: Numbering | None = None):
        self.numbering = numbering
        self.boxes: dict[int, Callable[[], str | None]] = {}  # text boxes by their anchor's place (_text_boxes)
        self.anchored: list[int] = []  # the anchors of boxes in the paragraph so far
        self.blocks: list[tuple[str, object]] = []  # the document's
        self.levels: list[dict] = []  # the tables open, outermost first: their rows, current row and cell
        self.run: list[str] = []  # the paragraph's text so far
        self.fields: list[bool] = []  # for each open field: whether its code (not its result) is being read
        self.codes = 0  # how many of them are (a character inside any field's code is no text: O(1), at any depth)
        self.cells = 0
        self.paragraphs = 0

    def add(self, char: str, fc: int | None, papx: _Papx) -> None:
        if fc is None:
            if not self.codes:
                self.run.append(char)
            return
        if char == "\x13":
            self.fields.append(True)
            self.codes += 1
        elif char == "\x14":
            if self.fields and self.fields[-1]:
                self.fields[-1] = False
                self.codes -= 1
        elif char == "\x15":
            if self.fields:
                self.codes -= self.fields.pop()
        elif char == "\x08" and fc in self.boxes and not self.codes:
            self.anchored.append(fc)
        elif self.codes or char in _DROPPED:
            return
        elif char == "\x1e":
            self.run.append("-")  # (a non-breaking hyphen, as the .docx reader's w:noBreakHyphen)
        elif char in _LINE_BREAKS:
            self.run.append("\n")
        elif char in "\r\x07":
            self._mark(char, papx.at(fc))

    def _mark(self, char: str, props: dict) -> None:
        """A paragraph's end (0x0D) or a cell's or row's (0x07, or 0x0D in a nested table)."""
        text, self.run = "".join(self.run), []
        anchored, self.anchored = self.anchored, []
        self.paragraphs += 1
        if self.paragraphs > BUDGET.lines:  # (stopped here, not after 10,000,000 empty paragraphs: 25 s)
            raise OverBudget(f".doc 有超过 {BUDGET.lines} 个段落")
        depth = 0
        if props.get(_IN_TABLE) == b"\x01" or char == "\x07":
            depth = min(max(struct.unpack("<i", props.get(_ITAP, b"\x01\0\0\0").ljust(4, b"\0")[:4])[0], 1),
                        MAX_DEPTH)
        if char == "\x07":
            depth = 1  # (a cell mark ends a cell of the outermost table: a nested one's end with 0x0D)
        self._open(depth)
        row_end = depth and (props.get(_TTP) == b"\x01" if depth == 1 else props.get(_INNER_TTP) == b"\x01")
        if self.numbering and not row_end and (label := self.numbering.label(props, props.get(_STYLE))):
            shown = text.lstrip()
            if shown and not shown[0].isdigit():  # (as write_list_numbers: counted, not written)
                text = label + text
        boxes = []
        for fc in anchored if not row_end else ():
            read = self.boxes.pop(fc, None)  # (read once: pieces overlapping may show one anchor twice)
            box = read() if read else None
            if box is not None and box.strip():  # (an empty box adds no line: LibreOffice writes a DrawingML box
                # as a shape of an empty box and a frame of the text)
                boxes.append(("b", box))
        if not depth:
            self.blocks += [*boxes, ("p", text)]
            return
        level = self.levels[-1]
        cell_end = char == "\x07" or (depth > 1 and props.get(_INNER_CELL) == b"\x01")
        if row_end or cell_end:
            self.cells += 1  # (a row's end mark counted too: rows of no cell are no free lines)
            if self.cells > BUDGET.docx_cells:
                raise OverBudget(f".doc 有超过 {BUDGET.docx_cells} 个表格单元格")
        if row_end:  # the row's end mark: no cell of its own
            level["rows"].append((level["row"], props))
            level["row"], level["cell"] = [], []
            return
        level["cell"] += [*boxes, ("p", text)]  # (a box is no text of its cell's: written where a layout table's
        # cell is walked, as the .docx reader reads it there only)
        if cell_end:
            level["row"].append(level["cell"])
            level["cell"] = []

    def _open(self, depth: int) -> None:
        """Make ``depth`` tables open: the deeper ones closed (each a block of the cell it is in), new ones opened."""
        while len(self.levels) > depth:
            level = self.levels.pop()
            if level["cell"]:  # (a broken file: paragraphs after a table's last cell end: a cell of their own)
                level["row"].append(level["cell"])
            if level["row"]:  # (cells after its last row's end: a row of their own)
                level["rows"].append((level["row"], {}))
            if level["rows"]:
                (self.levels[-1]["cell"] if self.levels else self.blocks).append(("t", level["rows"]))
        while len(self.levels) < depth:
            self.cells += 1  # (a table opened holds a cell: paragraphs alternating between depth 64 and none, each
            # opening 64 tables whose cells no mark ends, took 3 GB for 99,000 pairs before it was stopped)
            if self.cells > BUDGET.docx_cells:
                raise OverBudget(f".doc 有超过 {BUDGET.docx_cells} 个表格单元格")
            self.levels.append({"rows": [], "row": [], "cell": []})

    def finish(self) -> str:
        if self.run:
            self.blocks.append(("p", "".join(self.run)))
        self._open(0)
        out: list[str] = []
        _write(self.blocks, out, 0)
        return "\n".join(out)


def _write(blocks: list, out: list[str], depth: int) -> None:
    """Append the lines of ``blocks`` to ``out``, as ``readers._docx_blocks`` writes a .docx's: a table's rows by
    ``merged_rows``, except a row whose cells hold tables (a layout table around the report), walked cell by cell,
    its tables' rows read as rows; deeper than ``MAX_DOCX_NESTING`` tables are read flat, each cell's text its
    paragraphs'; a row whose cells are split by small tables is read as the rows it shows (``_split_cells``)."""
    width = None  # the columns the table just before printed, while only what ``continues_a_table`` came after it
    for kind, content in blocks:
        if kind in ("p", "b"):
            out.append(content)
            width = width if continues_a_table(content) else None
            continue
        batch: list[tuple[list[str], dict, dict]] = []
        laid_out = False
        for cells, props in content:
            grids: dict[int, list[list[str]]] | None = {}
            if depth < MAX_DOCX_NESTING and any(kind == "t" for cell in cells for kind, _ in cell) and (
                    grids := _split_cells(cells, depth)) is None:
                out.extend("\t".join(row) for row in merged_rows(batch))
                batch, laid_out = [], True
                for cell in cells:
                    _write(cell, out, depth + 1)
                continue
            batch.append(([_cell_line("\n".join(_paragraphs(cell))) if k not in grids else ""
                           for k, cell in enumerate(cells)], props, grids))
        rows, printed = merged_table(batch, width)
        out.extend("\t".join(row) for row in rows)
        width = None if laid_out else printed


def _split_cells(cells: list[list], depth: int) -> dict[int, list[list[str]]] | None:
    """``{cell's index: its table's rows of cell texts}`` for a row's cells that hold a table, when the row is read as
    the row it shows (``nested_rows``), as ``readers._docx_split_cells`` decides for a .docx: each such cell holds
    one table, with no table inside, and besides it only empty paragraphs, and the row ``fits``; else None (a layout
    table's row, walked cell by cell). WPS splits table 三's 法人或其他组织 cell of each row so."""
    grids, texts = {}, []
    for k, cell in enumerate(cells):
        inner = [content for kind, content in cell if kind == "t"]
        if not inner:
            texts.append("\n".join(_paragraphs(cell)))
            continue
        if len(inner) != 1 or any(kind == "t" for row, _ in inner[0] for c in row for kind, _ in c) or any(
                kind == "p" and content.strip(" \t\u3000\xa0") for kind, content in cell):
            return None
        if len(inner[0]) > MAX_SUB_ROWS:
            return None
        lines: list[str] = []
        _write([("t", inner[0])], lines, depth + 1)
        grids[k] = [line.split("\t") for line in lines]
    return grids if fits(texts, list(grids.values())) else None


def _paragraphs(blocks: list) -> list[str]:
    """The paragraphs of a cell's blocks, those of the tables in it too, flat, in order (without recursion)."""
    found, stack = [], [iter(blocks)]
    while stack:
        for kind, content in stack[-1]:
            if kind == "p":
                found.append(content)
            elif kind == "t":  # (a text box's lines, "b", are no paragraph of the cell's)
                stack.append(iter(block for cells, _ in content for cell in cells for block in cell))
                break
        else:
            stack.pop()
    return found


def _row_cells(texts: list[str], props: dict) -> list[list] | None:
    """A row's cells ``[text, left, right, vertical]`` from its ``sprmTDefTable`` (cell edges, in twips) and merge
    flags: a cell merged with the one before it (``horzMerge``, Word 97's way) joined to it; ``vertical`` None,
    ``"restart"`` or ``"continue"``. None when the row's properties do not describe its cells (no definition, or as
    many edges as cells it has not, or more merges than cells): its cells cannot be placed on the grid."""
    operand = props.get(_DEF_TABLE)
    if not operand or len(operand) < 3:
        return None
    count = operand[2]
    if count != len(texts) or len(operand) < 3 + 2 * (count + 1) or ("all", 0x7621) in props \
            or ("all", 0x5622) in props or ("all", 0x7623) in props:
        return None
    if len(props.get(("all", _VERT_MERGE), ())) > count or \
            len(props.get(("all", _MERGE), ())) + len(props.get(("all", _SPLIT), ())) > count:
        return None  # (more merges than cells, as no Word writes: 16,000 sprmTMerge over 64 cells, each applied, took
        # 24 CPU s for 400 rows — the cell budget's 1,500 some minutes)
    edges = struct.unpack_from(f"<{count + 1}h", operand, 3)
    flags = []
    tc_at = 3 + 2 * (count + 1)
    for k in range(count):
        flags.append(struct.unpack_from("<H", operand, tc_at + 20 * k)[0] if tc_at + 20 * k + 2 <= len(operand)
                     else 0)
    for operand in props.get(("all", _VERT_MERGE), []):  # (itc, vertMerge): 1 continue, 3 restart, 0 none
        if len(operand) >= 3 and operand[1] < count:
            flags[operand[1]] = (flags[operand[1]] & ~0x60) | ((operand[2] & 3) << 5)
    for sprm in (_MERGE, _SPLIT):
        for operand in props.get(("all", sprm), []):  # (itcFirst, itcLim)
            if len(operand) >= 2:
                for itc in range(operand[0], min(operand[1], count)):
                    flags[itc] &= ~0x03
                    if sprm == _MERGE:
                        flags[itc] |= 0x01 if itc == operand[0] else 0x02
    cells: list[list] = []
    for k, text in enumerate(texts):
        left, right = sorted((edges[k], edges[k + 1]))
        vertical = {1: "continue", 3: "restart"}.get((flags[k] >> 5) & 3)
        if flags[k] & 0x02 and cells:  # merged with the cell before it: one cell over both
            cells[-1][2] = right
            if text:
                cells[-1][0] = _cell_line(cells[-1][0] + "\n" + text) if cells[-1][0] else text
            continue
        cells.append([text, left, right, vertical, k])
    return cells


def merged_rows(table: list[tuple]) -> list[list[str]]:
    """``merged_table``'s rows of ``table``, a table continuing none."""
    return merged_table(table)[0]


def merged_table(table: list[tuple], continues: int | None = None) -> tuple[list[list[str]], int | None]:
    """A table's rows of cell texts as ``readers._docx_table`` writes a .docx's: each cell once over the grid
    columns it covers (the table's distinct cell edges); a blank cell across several columns is a blank in each;
    a number across several is marked (``mark_spans``); a cell merged down repeats the text it continues, a
    number there marked ``MERGED_DOWN`` in its first row and ``MERGED_UP`` in the others (each missing, with a
    finding); a row shorter than the grid on the right has blank cells there. A row whose cells cannot be placed
    (``_row_cells``) is written as its cells are, no cell added, none continued: nothing put in a column not its.
    A row is ``(texts, properties)`` or ``(texts, properties, grids)``: ``grids`` its split cells' tables' rows by
    the cell's index (``_split_cells``), each in its cell's place (``nested_rows.expand``). As the .docx reader, a
    grid column that holds nothing (``_spacers``) is no column, two numbers apart by a space in a cell beside a blank
    one are unreadable (``readers.beside_blank``), and a row label merged down over the row of its numbers is printed
    alone above them (``readers.labels_alone``) — before, a .doc read 3 and 120 apart in one cell as 3120, a spacer
    column put every number after it a column right, and a merged label lost its row (``row_conflict``).
    ``continues``: the columns of values printed by the table this one continues, if it does (``empty_columns``).
    Returned with the rows: the columns of values the table prints (``empty_columns.printed_values``; None when
    its spacers are not looked for)."""
    table = [(entry[0], entry[1], entry[2] if len(entry) > 2 else {}) for entry in table]
    placed = [_row_cells(texts, props) for texts, props, _ in table]
    edges: list[int] = []
    for edge in sorted({edge for cells in placed if cells for cell in cells for edge in cell[1:3]}):
        if not edges or edge - edges[-1] > SNAP:  # (one edge a twip or two off another's is that edge)
            edges.append(edge)
    if len(edges) > MAX_GRID:
        placed = [None] * len(placed)

    def grid(edge: int) -> int:
        return bisect.bisect_right(edges, edge + SNAP) - 1
    rows: list[list[str]] = []
    above: dict[int, tuple[str, int, int]] = {}
    spacers, printed = _spacers(placed, grid, continues) if not any(grids for _, _, grids in table) else (
        frozenset(), None)
    labels: list[tuple[int, int, bool]] = []  # rows whose label is merged down: (row, its label's cell, begins it)

    def width(column: int, span: int) -> int:  # (grid columns a cell covers, spacers not counted)
        return span - sum(1 for at in range(column, column + span) if at in spacers)
    for (texts, _, grids), cells_at in zip(table, placed, strict=True):
        if cells_at is None:
            kept_texts = [text for k, text in enumerate(texts) if k not in grids]
            at = [(sum(1 for j in range(k) if j not in grids), rows_of) for k, rows_of in sorted(grids.items())]
            rows.extend(expand(kept_texts, at) if at else [kept_texts])
            above = {}
            continue
        cells, here, spanned, split = [], {}, [], []
        label_at = label_on = None  # (the row's label cell that begins a vertical merge, or continues one)
        for text, left, right, vertical, index in cells_at:
            column, span = grid(left), grid(right) - grid(left)
            origin = (len(rows), len(cells))
            if index in grids:  # (its table's cells go in its place; a merge down from it continues blank)
                split.append((len(cells), grids[index]))
                here.update(dict.fromkeys(range(column, column + span), ("", *origin)))
                continue
            if column in spacers:  # (a spacer column is no column: its cell is not printed, the report's it covers are)
                here.update(dict.fromkeys(range(column, column + span), ("", *origin)))
                cells += [""] * width(column, span)
                continue
            labels_so_far = all(read_cell(c)[1] == "unreadable" for c in cells)
            if vertical == "continue":
                kept, row, cell = above.get(column, ("", -1, -1))
                origin = (row, cell)
                text = kept
                if read_cell(kept)[1] == "unreadable" and labels_so_far:
                    label_on = len(cells)
                if kept and read_cell(kept)[1] is None:  # a number merged down
                    text = MERGED_UP if column else ""
                    if column and not rows[row][cell].endswith(MERGED_DOWN):
                        rows[row][cell] += MERGED_DOWN
            else:
                kept = text
                if vertical == "restart" and read_cell(text)[1] == "unreadable" and labels_so_far:  # (the last)
                    label_at = len(cells)
            cells.append(text)
            covers = width(column, span)
            if covers > 1 and vertical is None and read_cell(text)[1] == "blank":
                cells += [""] * (covers - 1)
            elif covers > 1 and vertical is None and column:
                spanned.append((len(cells) - 1, covers))
            for offset in range(column, column + span):
                here[offset] = (kept, *origin)
        above = here
        if cells_at:
            end = grid(cells_at[-1][2])
            cells += [""] * width(end, len(edges) - 1 - end)
        cells = beside_blank(cells)
        if label_at is not None and not split:
            labels.append((len(rows), label_at, True))
        elif label_on is not None and not split:
            labels.append((len(rows), label_on, False))
        rows.extend(expand(mark_spans(cells, spanned), split) if split else [mark_spans(cells, spanned)])
    return labels_alone(rows, labels), printed


def _spacers(placed: list[list[list] | None], grid: Callable[[int], int],
             continues: int | None = None) -> tuple[frozenset[int], int | None]:
    """The grid columns of a table's placed rows (``_row_cells``) that hold nothing (``empty_columns``), as
    ``readers._docx_spacers`` finds a .docx's (and the columns of values the table prints): looked for in a table of
    at most ``MAX_SPACER_CELLS`` cells; a cell continuing a vertical merge holds what the cell it continues holds."""
    if sum(len(cells) for cells in placed if cells) > MAX_SPACER_CELLS:
        return frozenset(), None
    rows: list[list[tuple[int, str]]] = []
    above: dict[int, str] = {}
    for cells in placed:
        if cells is None:
            above = {}
            continue
        row, here = [], {}
        for text, left, right, vertical, _ in cells:
            column = grid(left)
            text = above.get(column, "") if vertical == "continue" else text
            row.append((column, text))
            here.update(dict.fromkeys(range(column, grid(right)), text))
        rows.append(row)
        above = here
    spacers = empty_columns(rows, continues)
    return spacers, printed_values(rows, spacers)
