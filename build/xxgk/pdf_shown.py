"""A digit whose text in a PDF's text layer is not the digit its font draws is no digit read.

A font says which character each code is twice: the glyph it draws (a simple font's encoding names it — ``/one``,
``/five`` —, a CID font of a registered collection such as Adobe-GB1 numbers it, an embedded TrueType font's own
``cmap`` table gives the character of each glyph) and its ``/ToUnicode`` map, which text extraction reads and the
reader never sees. The PDF library takes the map's word for it: a font drawing ``5`` whose map says ``7`` was
published as 7, its identities holding, with no finding. ``install`` compares the two for each code drawn; where
either is a digit and their digits differ, the character read is ``UNMAPPED_GLYPH`` (the cell is missing, as for a
glyph without a map; ``settled`` makes it so once the page is laid out, counting such characters where they are read)
and the pair is kept for the file's finding (``differing``). A font naming no glyph of its
own (a Type 3 font's procedure names, a TrueType font without ``/Encoding`` whose codes index its glyphs directly,
an embedded font without a ``cmap``) is read as before: what it draws cannot be told without drawing it, and a font
program that itself draws one digit for another is beyond any text reading.

>>> _disagree("7", "5"), _disagree("１", "1"), _disagree("A", "B"), _disagree("l", "1"), _disagree("fi", "ﬁ")
(True, False, False, True, False)
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from functools import cache
from io import BytesIO

from .cff import index_end, index_items, read_dict, top_dict_index
from .pdf_outlines import conflict

UNMAPPED_GLYPH = "\ufffd"  # (as the reader's: no character)
# what such a glyph is laid out as until ``settled``: a noncharacter, which no font's map is let give
_DIFFERS = "\ufdd0"
# what no glyph's text is: a control character (NUL, SOH, ESC, DEL; a tab or a line end too — a text layer's tabs and
# line ends are the layout's, never a glyph's). A map giving one was read as it (NUL and SOH reached the package and
# the site's source page), a line end even cutting a table's row
_NO_TEXT = re.compile("[\x00-\x1f\x7f]")

_pairs: set[tuple[str, str]] = set()  # (text layer, drawn), in the file being read
_read = [0]  # such characters in the file's text


def start_file() -> None:
    """Start counting for a new file."""
    _pairs.clear()
    _read[0] = 0


def settled(text: str) -> str:
    """``text`` (the file's, laid out) with each character read from a disagreeing glyph ``UNMAPPED_GLYPH``,
    counted for ``differing``."""
    _read[0] += text.count(_DIFFERS)
    return text.replace(_DIFFERS, UNMAPPED_GLYPH)


def differing() -> tuple[list[tuple[str, str]], int]:
    """The file's (text layer's character, character drawn) pairs that disagree, and the characters so read."""
    return sorted(_pairs), _read[0]


def _digits(text: str) -> list[int]:
    return [d for d in (unicodedata.decimal(ch, None) for ch in unicodedata.normalize("NFKC", text)) if d is not None]


def _disagree(mapped: str, shown: str) -> bool:
    """Whether a glyph mapped to ``mapped`` and drawn as ``shown`` reads as other digits (or digits as none)."""
    return mapped != shown and _digits(mapped) != _digits(shown)


def _simple_shown(font, cid: int) -> str | None:
    if not getattr(font, "_xxgk_named", False) or cid in font.__dict__.get("_xxgk_unnamed", ()):
        return None
    return font.cid2unicode.get(cid)


def _unnamed(spec) -> frozenset[int]:
    """The codes the font's /Differences give a glyph name the glyph list does not know (ZapfDingbats' ``/a105``): the
    library keeps the base encoding's character for such a code (``/zero``), not the glyph drawn, and Ghostscript's
    ZapfDingbats — its map ✐ for the glyph a105 at the code of 0 — was said to draw 0 and its text to differ."""
    from pdfminer.encodingdb import name2unicode
    from pdfminer.psparser import PSLiteral

    encoding = _resolved(spec.get("Encoding"))
    differences = _resolved(encoding.get("Differences")) if isinstance(encoding, dict) else None
    codes, code = set(), 0
    for item in differences if isinstance(differences, list) else ():
        if isinstance(item, int):
            code = item
            continue
        try:
            name2unicode(item.name if isinstance(item, PSLiteral) else str(item))
        except (KeyError, ValueError):
            codes.add(code)
        code += 1
    return frozenset(codes)


def _cid_shown(font, cid: int) -> str | None:
    shown = font.__dict__.get("_xxgk_shown")
    if shown is None:
        return None
    with contextlib.suppress(KeyError):
        return shown.get_unichr(cid)
    return None


def _checked(to_unichr, shown_of):
    def checked(self, cid: int) -> str:
        mapped = to_unichr(self, cid).replace(_DIFFERS, UNMAPPED_GLYPH)
        if _NO_TEXT.search(mapped):
            return UNMAPPED_GLYPH  # (a glyph without text, as one without a map: pdf_glyphs_unmapped)
        if not self.__dict__.get("_xxgk_tounicode"):
            return mapped
        if (shown := shown_of(self, cid)) is not None and _disagree(mapped, shown):
            _pairs.add((mapped, shown))
            return _DIFFERS
        if (written := conflict(self.__dict__.get("_xxgk_spec"), cid)) is not None:  # (its outline: pdf_outlines)
            _pairs.add((mapped, written))
            return _DIFFERS
        return mapped

    checked.__wrapped__ = to_unichr
    return checked


# the standard fonts whose own encoding is the standard one (Symbol and ZapfDingbats have their own: 4 is ✔)
_STANDARD = frozenset(f"{family}{style}" for family, styles in (
    ("Helvetica", ("", "-Bold", "-Oblique", "-BoldOblique")), ("Courier", ("", "-Bold", "-Oblique", "-BoldOblique")),
    ("Times", ("-Roman", "-Bold", "-Italic", "-BoldItalic"))) for style in styles)


def _simple_init(init):
    def recorded(self, descriptor, widths, spec) -> None:
        from pdfminer.psparser import literal_name

        init(self, descriptor, widths, spec)
        subtype = literal_name(spec.get("Subtype")) if spec.get("Subtype") is not None else "Type1"
        # the encoding names the glyph drawn: given in the font, or a Type 1 font's own — read from its program
        # (FontFile), the standard one of a standard font not embedded, or of a compact font (FontFile3) whose
        # program gives no other; another compact or a symbolic font's own encoding the library does not read, a
        # Type 3 font's names are its procedures', a bare TrueType font's codes index its glyphs
        # (the file's own descriptor: the library gives a font of a standard name its built-in metrics instead, so
        # an embedded font named Helvetica was taken for the standard one whatever its program's encoding)
        embedded = _resolved(spec.get("FontDescriptor"))
        programs = {"FontFile", "FontFile2", "FontFile3"} & set(embedded if isinstance(embedded, dict) else {})
        own = "FontFile" in descriptor or (not programs and getattr(self, "basefont", "") in _STANDARD) or (
            programs == {"FontFile3"} and _compact_standard(embedded["FontFile3"]))
        self._xxgk_spec = spec
        self._xxgk_named = subtype != "Type3" and ("Encoding" in spec or (subtype == "Type1" and own))
        self._xxgk_tounicode = "ToUnicode" in spec
        self._xxgk_unnamed = _unnamed(spec) if self._xxgk_named and self._xxgk_tounicode else frozenset()

    recorded.__wrapped__ = init
    return recorded


def _compact_standard(program) -> bool:
    """Whether a compact font program (FontFile3 /Type1C: CFF) draws each code as the standard encoding names it —
    the encoding the library reads for a Type 1 font without /Encoding: a font of glyph names (no ROS: not
    CID-keyed) whose Top DICT gives no encoding of its own (none, or 0: Standard). Its glyphs are then named as the
    encoding's ``/five``. Anything else, or a program not read, is no known glyph (read as before)."""
    from pdfminer.pdftypes import PDFStream
    from pdfminer.psparser import literal_name

    program = _resolved(program)
    if not isinstance(program, PDFStream) or literal_name(_resolved(program.attrs.get("Subtype"))) != "Type1C":
        return False
    with contextlib.suppress(Exception):
        tops = index_items(data := _head(program), top_dict_index(data))
        top = read_dict(tops[0]) if tops else {}
        return (12, 30) not in top and top.get(16, [0]) == [0]
    return False


def _head(program, size: int = 65_536) -> bytes:
    """The first ``size`` bytes of a font program's stream, no more inflated (its Top DICT is at its start: a program
    inflating to gigabytes, which the library never decodes, is not read whole for it); b"" when it is deciphered
    or filtered otherwise than by Flate."""
    import zlib

    from pdfminer.psparser import literal_name

    raw = program.get_rawdata()
    if program.decipher or raw is None:
        return b""
    filters = [(literal_name(name), params) for name, params in program.get_filters()]
    if not filters:
        return raw[:size]
    if len(filters) == 1 and filters[0][0] in ("FlateDecode", "Fl") and not filters[0][1]:
        return zlib.decompressobj().decompress(raw, size)
    return b""


def _resolved(value):
    from pdfminer.pdftypes import resolve1

    return resolve1(value)


def _identity_gids(spec) -> bool:
    from pdfminer.pdftypes import resolve1
    from pdfminer.psparser import literal_name

    to_gid = resolve1(spec.get("CIDToGIDMap"))
    return to_gid is None or (not hasattr(to_gid, "get_data") and literal_name(to_gid) == "Identity")


def _cid_init(init):
    def recorded(self, rsrcmgr, spec, *args, **kwargs) -> None:
        from pdfminer.cmapdb import CMapDB, IdentityUnicodeMap
        from pdfminer.pdffont import TrueTypeFont
        from pdfminer.pdftypes import PDFStream, dict_value, resolve1

        init(self, rsrcmgr, spec, *args, **kwargs)
        self._xxgk_spec = spec
        # a map, or a name the library reads as one (``/Identity-H``: each CID the character of its number), checked
        # alike where the font says what its glyph is
        self._xxgk_tounicode = isinstance(resolve1(spec.get("ToUnicode")), PDFStream) or (
            "ToUnicode" in spec and isinstance(self.unicode_map, IdentityUnicodeMap))
        # a compact CID-keyed program whose own collection (its ROS) is not the dictionary's: which one numbers the
        # CIDs drawn is not known (``_disagreeing``)
        disagreeing = _disagreeing(spec, self.cidcoding)
        if not self._xxgk_tounicode:
            if disagreeing and "ToUnicode" not in spec:
                self.unicode_map = None  # (each glyph no character: pdf_glyphs_unmapped)
            return
        shown = None
        with contextlib.suppress(Exception):  # (no character of its own known: read as before)
            if not disagreeing and self.cidcoding not in ("Adobe-Identity", "Adobe-UCS"):  # (a registered collection
                shown = CMapDB.get_unicode_map(self.cidcoding, self.vertical)  # numbers its glyphs)
            elif isinstance(program := getattr(self, "fontfile", None), PDFStream) and _identity_gids(spec) \
                    and "FontFile2" in dict_value(spec.get("FontDescriptor", {})):
                shown = TrueTypeFont(self.basefont, BytesIO(program.get_data())).create_unicode_map()
        self._xxgk_shown = shown

    recorded.__wrapped__ = init
    return recorded


def _disagreeing(spec, coding: str) -> bool:
    """Whether the CID font ``spec``'s compact program (CID-keyed CFF) names another collection (ROS) than the
    dictionary's ``coding``. The library reads each CID in the dictionary's collection: one saying Adobe-GB1 over a
    program saying Adobe-Identity (its CIDs the subset's glyph numbers) had, with no ToUnicode, each glyph number
    read as a GB1 character — glyphs 17 to 26 as 0 to 9, the rest as any Chinese character —, with no finding. A
    subsetter may renumber the glyphs and keep or drop either name: neither is trusted, and without a ToUnicode map
    the glyphs are read as no character; with one, the map is not checked against either collection. (A
    ``/ToUnicode`` that is a name, ``/Identity-H``, is read by the library as a map of each CID to the character of
    its number: TCPDF writes it over CIDs that are Unicode, and it is checked as a map is — against a registered
    collection, or an embedded TrueType font's own ``cmap`` where the CIDs are its glyphs; TCPDF's CIDs are not,
    its ``/CIDToGIDMap`` a table, so nothing in such a file says otherwise.)"""
    program = _compact_coding(spec)
    return program is not None and program != coding


def _compact_coding(spec) -> str | None:
    """``Registry-Ordering`` of a CID font's compact program (``FontFile3`` /CIDFontType0C: CID-keyed CFF) as its
    Top DICT's ROS names it, or None (no such program, no ROS, or not read). Only the program's first 64 KB are
    inflated (``_head``)."""
    from pdfminer.pdftypes import PDFStream
    from pdfminer.psparser import literal_name

    with contextlib.suppress(Exception):
        descriptor = _resolved(spec.get("FontDescriptor"))
        program = _resolved(descriptor.get("FontFile3")) if isinstance(descriptor, dict) else None
        if not isinstance(program, PDFStream) or literal_name(_resolved(program.attrs.get("Subtype"))) \
                != "CIDFontType0C":
            return None
        data = _head(program)
        at = top_dict_index(data)
        registry, ordering = read_dict(index_items(data, at)[0])[(12, 30)][:2]
        strings = index_items(data, index_end(data, at))
        if min(registry, ordering) >= 391:  # (custom strings: the String INDEX's, from SID 391)
            return f"{strings[registry - 391].decode('latin1')}-{strings[ordering - 391].decode('latin1')}"
    return None


@cache
def install() -> None:
    """Compare what the library's fonts draw with what their maps say (once a process)."""
    from pdfminer.pdffont import PDFCIDFont, PDFSimpleFont

    PDFSimpleFont.__init__ = _simple_init(PDFSimpleFont.__dict__["__init__"])
    PDFSimpleFont.to_unichr = _checked(PDFSimpleFont.__dict__["to_unichr"], _simple_shown)
    PDFCIDFont.__init__ = _cid_init(PDFCIDFont.__dict__["__init__"])
    PDFCIDFont.to_unichr = _checked(PDFCIDFont.__dict__["to_unichr"], _cid_shown)
