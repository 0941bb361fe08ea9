"""The numbers Word draws before the paragraphs of its lists in a Word 97-2003 (.doc, .wps) document, counted as
``docx_numbering`` counts a .docx's, so that ``word97`` writes ``3.其他``, ``（一）予以公开``, ``一、总体情况`` where
the .docx reader writes them (before, ``其他``: table 三's row not placed, a numbered heading not found).

Read as [MS-DOC] lays the lists out in the table stream: PlfLst (``cLst`` LSTFs of 28 bytes: a list's ``lsid`` and
whether it has one level or nine) followed by each list's LVLs (LVLF: ``iStartAt``, ``nfc``, the placeholders'
places ``rgbxchNums``, ``ixchFollow``, the sizes of its two grpprls; then those grpprls; then its number text
``xst``, a placeholder being the level's index as a character); PlfLfo (``lfoMac`` LFOs of 16 bytes: the ``lsid``
of the list each instance draws on, ``clfolvl`` overrides) followed by each LFO's LFOData (a ``cp``, then its
LFOLVLs: ``iStartAt``, the level, ``fStartAt``, ``fFormatting`` — an LVL of its own follows then). A paragraph is
in a list by ``sprmPIlfo`` (an LFO's 1-based index) and ``sprmPIlvl`` (its level) in its properties or its style's.

Counted as the .docx reader counts (``docx_numbering._label``): an LSTF is an ``abstractNum`` (one counter a
level), an LFO a ``num`` (an ``fStartAt`` override restarts its level once, as ``w:startOverride``; a level of its
own, ``fFormatting``, is not used, as the .docx reader uses no ``w:lvl`` of a ``w:lvlOverride``). Formats are
named by ``NFC`` as the .docx reader names them; a bullet, none, or a format not known there writes nothing.
Every loop is bounded by the table stream's size; a list table that does not fit its stream is read as far as it
fits (a list cut short, or an LFO naming no list read, numbers nothing): a hostile file reads without numbers,
never raises.
"""

from __future__ import annotations

import struct

from .docx_numbering import MAX_LEVELS, MAX_STYLE_DEPTH, _label, _Level, _Lists

ILFO, ILVL = 0x460B, 0x260A  # sprmPIlfo, sprmPIlvl: a paragraph's list instance (LFO, 1-based) and level
MAX_LISTS = 2046  # Word's LFOs (an ilfo past 0x07FE is no list: 0xF801 says "no numbering" in a style's paragraph),
# and the lists (LSTFs) read: each is drawn on by an LFO
LSTF, LVLF, LFO, LFOLVL = 28, 28, 16, 8  # the sizes of the fixed structures
MAX_START = 0x7FFF  # [MS-DOC]: a level's iStartAt is at most 0x7FFF; one beyond is no list's (a level of it draws
# no number, an override of it restarts nothing), as the .docx reader takes no w:start of more than five digits

NFC = {  # [MS-OSHARED] MSONFC: the number format's name as a .docx's w:numFmt says it (docx_numbering.FORMATS)
    0x00: "decimal", 0x01: "upperRoman", 0x02: "lowerRoman", 0x03: "upperLetter", 0x04: "lowerLetter",
    0x0B: "japaneseCounting", 0x0E: "decimalFullWidth", 0x12: "decimalEnclosedCircle", 0x13: "decimalFullWidth2",
    0x16: "decimalZero", 0x1C: "decimalEnclosedCircleChinese", 0x1E: "ideographTraditional",
    0x25: "chineseCounting", 0x26: "chineseLegalSimplified", 0x27: "chineseCountingThousand",
    # taiwaneseCounting and taiwaneseCountingThousand: LibreOffice writes its Chinese counting (一, 十一, 一百零五)
    # so unless the text's Asian language is Simplified Chinese; their characters are the same below 10,000
    0x21: "chineseCounting", 0x23: "chineseCountingThousand",
}


class Numbering:
    """The lists of a document and their counters: ``label(props, style)`` is the number a paragraph shows."""

    def __init__(self, table: bytes, plf_lst: tuple[int, int], plf_lfo: tuple[int, int],
                 styles: dict[int, tuple[int, dict]] | None = None):
        """``plf_lst``/``plf_lfo``: the FIB's (fc, lcb) of PlfLst and PlfLfo in ``table``; ``styles``: ``{istd:
        (istdBase, the sprms of its paragraph properties)}`` (``word97._stylesheet``)."""
        self.lists = _Lists()
        self.count = 0  # LFOs
        lsids = _lists(table, *plf_lst, self.lists)
        self._instances(table, *plf_lfo, lsids)
        self.styles = _style_lists(styles or {})

    def label(self, props: dict, style: int | None) -> str | None:
        """The number a paragraph of ``props`` (its sprms) and ``style`` (its istd) shows, counting it; None when it
        is in no list, or its list writes no number."""
        ilfo, level = self.styles.get(style, (None, None)) if style is not None else (None, None)
        if ILFO in props:
            ilfo = _int(props[ILFO], 2)
        if ILVL in props:
            level = props[ILVL][:1][0] if props[ILVL][:1] else level
        if ilfo is None or not 0 < ilfo <= self.count:
            return None
        return _label(self.lists, str(ilfo), min(level or 0, MAX_LEVELS - 1))

    def _instances(self, table: bytes, fc: int, lcb: int, lsids: dict[int, str]) -> None:
        """The LFOs of PlfLfo (each a ``num`` of the list its ``lsid`` names), then their LFOData's restarts."""
        plf = table[fc:fc + lcb] if lcb else b""
        if len(plf) != lcb or lcb < 4:
            return
        count = _int(plf[:4], 4)
        if not 0 < count <= min(MAX_LISTS, (lcb - 4) // LFO):
            return
        overrides = []
        for k in range(count):
            lsid, = struct.unpack_from("<i", plf, 4 + LFO * k)
            overrides.append(plf[4 + LFO * k + 12])  # clfolvl
            self.lists.nums[str(k + 1)] = (lsids.get(lsid), {})  # (an lsid of no list read: a num of no levels)
        self.count = count
        at = 4 + LFO * count
        for k in range(count):  # LFOData: cp, then clfolvl LFOLVLs, each followed by an LVL when fFormatting
            if overrides[k] > MAX_LEVELS or at + 4 > lcb:
                return  # (a count no list has, or data past its structure: the rest are read without restarts)
            at += 4
            for _ in range(overrides[k]):
                if at + LFOLVL > lcb:
                    return
                start, flags = struct.unpack_from("<iI", plf, at)
                at += LFOLVL
                if flags & 0x10 and (flags & 0x0F) < MAX_LEVELS and 0 <= start <= MAX_START:
                    self.lists.nums[str(k + 1)][1][flags & 0x0F] = start  # fStartAt: its level starts there, once
                if flags & 0x20:  # fFormatting: a level of its own follows (its size read, its content not used)
                    at = _skip_level(plf, at)
                    if at is None:
                        return


def _lists(table: bytes, fc: int, lcb: int, lists: _Lists) -> dict[int, str]:
    """Read PlfLst's LSTFs and the LVLs after them into ``lists.levels`` (a list's key its index); ``{lsid: key}``."""
    plf = table[fc:fc + lcb] if lcb else b""
    if len(plf) != lcb or lcb < 2:
        return {}
    count, = struct.unpack_from("<h", plf)
    if not 0 < count <= min(MAX_LISTS, (lcb - 2) // LSTF):
        return {}  # (no document has more lists than list instances: 32,767 lists of nine levels took a second)
    lsids: dict[int, str] = {}
    at = fc + 2 + LSTF * count  # (the LVLs follow PlfLst in the table stream, each list's in its order)
    for k in range(count):
        lsid, = struct.unpack_from("<i", plf, 2 + LSTF * k)
        simple = plf[2 + LSTF * k + 26] & 0x01  # fSimpleList: one level, not nine
        levels: dict[int, _Level] = {}
        for level in range(1 if simple else MAX_LEVELS):
            read = _level(table, at)
            if read is None:
                return lsids  # (a level past the stream: this list and those after it are not read)
            levels[level], at = read
        lists.levels[str(k)] = levels
        lsids.setdefault(lsid, str(k))
    return lsids


def _level(table: bytes, at: int) -> tuple[_Level, int] | None:
    """The LVL at ``at``: its level as ``docx_numbering`` has them (its text's placeholders ``%1``…), and where the
    next one starts; None when it does not fit in ``table``."""
    end = _skip_level(table, at)
    if end is None:
        return None
    start, nfc = struct.unpack_from("<iB", table, at)
    places, follow = table[at + 6:at + 15], table[at + 15]
    xst_at = at + LVLF + table[at + 24] + table[at + 25]
    xst = table[xst_at + 2:end].decode("utf-16-le", "replace")
    kind = NFC.get(nfc, "none")
    text = list(xst)
    for place in places:  # (1-based places of the placeholders, ascending, 0 after the last)
        if not place:
            break
        if place > len(text) or ord(text[place - 1]) >= MAX_LEVELS:
            kind = "none"  # (a placeholder past its text, or naming no level: no number is drawn)
            break
        text[place - 1] = f"%{ord(text[place - 1]) + 1}"
    if "%" in xst or not 0 <= start <= MAX_START:
        kind = "none"  # (a % of the text itself would be read as a placeholder by docx_numbering._label)
    return _Level(start, kind, "".join(text), follow == 1), end


def _skip_level(table: bytes, at: int) -> int | None:
    """Where the LVL at ``at`` ends (after its LVLF, grpprlPapx, grpprlChpx and xst), or None past ``table``."""
    if at + LVLF + 2 > len(table):
        return None
    xst_at = at + LVLF + table[at + 24] + table[at + 25]  # (cbGrpprlChpx, cbGrpprlPapx)
    if xst_at + 2 > len(table):
        return None
    end = xst_at + 2 + 2 * struct.unpack_from("<H", table, xst_at)[0]
    return end if end <= len(table) else None


def _style_lists(styles: dict[int, tuple[int, dict]]) -> dict[int, tuple[int, int | None]]:
    """Each paragraph style's list ``(ilfo, level)``: its own ``sprmPIlfo``, or that of the style it is based on
    (``MAX_STYLE_DEPTH`` bases followed at most: a loop of bases ends), as ``docx_numbering._style_numbering``."""
    out = {}
    for istd in styles:
        at, depth = istd, 0
        while at in styles and ILFO not in styles[at][1] and depth < MAX_STYLE_DEPTH:
            at, depth = styles[at][0], depth + 1
        if at in styles and ILFO in styles[at][1]:
            props = styles[at][1]
            out[istd] = (_int(props[ILFO], 2), props[ILVL][0] if props.get(ILVL) else None)
    return out


def _int(operand: bytes, size: int) -> int:
    """A signed little-endian integer of ``size`` bytes (an operand cut short is read as if zero-padded)."""
    return int.from_bytes(operand[:size].ljust(size, b"\0"), "little", signed=True)
