"""One outline drawn in a PDF is one character: glyphs that draw the same outline yet whose text layer says other
digits are no digits read.

A font that names no glyph of its own — a TrueType subset without ``/Encoding`` (LibreOffice writes its fonts so: codes
0, 1, 2 … index the subset's glyphs, their names gone), a CID TrueType font without a Unicode ``cmap``, a Type 3 font
(its glyphs are drawing procedures) — says what each code is in its ``/ToUnicode`` map alone, and ``pdf_shown`` cannot
check the map against the glyph. What is knowable without drawing: two glyphs of one outline draw one character. When
the file's maps give one outline two different digits (a glyph 5 copied to a second code mapped 7, or a subset's 5
mapped 7 while another font of the file draws that very outline mapped 5), the map lies for at least one of them and
neither can be told: every such code is read as no character, as ``pdf_shown`` reads a digit whose map disagrees with
its glyph, and the file's finding (``pdf_text_differs``) says which digits one glyph was written as.

``start_file(document)`` reads every font of the file that has a map once, before any page is laid out (a conflict
found on page 9 holds for page 1 too); ``conflict(spec, code)`` answers for a font's code. An outline is a simple
TrueType glyph's points (its instructions, hinting, left out; an empty glyph or a composite — its components are
glyph numbers of its own font — is no outline compared) or a Type 3 procedure's bytes with the font's matrix (one
that draws nothing is none). What is not known stays as before: a font program that draws one digit as another
everywhere is beyond any text reading, and compact (CFF) programs' charstrings are not compared (their subroutines,
chosen per font dictionary, are part of the outline).

>>> _points(bytes.fromhex("0001 0000 0000 0064 0064 0002 0000 373737 006400 000064 00"))  # (a triangle, padded)
((2,), (0, 0, True), (100, 0, True), (100, 100, True))
"""

from __future__ import annotations

import contextlib
import hashlib
import struct
import unicodedata
import zlib
from io import BytesIO

# what one font program is inflated to at most for its outlines, and all of a file's: a report's subset is some tens
# of KB, a whole CJK font some MB; a program past this is not compared (as one this reader cannot inflate)
PROGRAM_BYTES = 16 * 2**20
FILE_BYTES = 64 * 2**20
_FONTS = 2_000  # fonts with a map read for their outlines in one file (a report has some tens)
MAP_ENTRIES = 2_000_000  # codes of a file's ToUnicode maps read for it (a CJK subset's has some thousands)

_conflicts: dict[int, dict[int, str]] = {}  # id(font dictionary) → {code: the digits its outline is written as}
_held: list = []  # (the dictionaries keyed by id, kept alive while the file is read)


def start_file(document) -> None:
    """Read the outlines of every font of ``document`` (pdfminer's) that has a ToUnicode map, and which of its codes
    draw an outline the file's maps give more than one digit."""
    _conflicts.clear()
    _held.clear()
    budget, maps = [FILE_BYTES], {}
    drawn: dict[object, set[tuple[int, ...]]] = {}
    codes: list[tuple[object, int, object]] = []
    for spec in _font_dictionaries(document):
        try:
            mapped = _mapped_digits(spec, maps)
        except _Enough:
            break
        except Exception:  # noqa: BLE001, S112 - a font this reading cannot follow is read as before
            continue
        if not mapped:
            continue
        with contextlib.suppress(Exception):  # (a font program this reading cannot follow: read as before)
            for code, outline in _outlines(spec, budget, mapped).items():
                drawn.setdefault(outline, set()).add(mapped[code])
                codes.append((spec, code, outline))
    for spec, code, outline in codes:
        if len(digits := drawn[outline]) > 1:
            _conflicts.setdefault(id(spec), {})[code] = "或".join(sorted("".join(map(str, d)) for d in digits))
            _held.append(spec)


def conflict(spec, code: int) -> str | None:
    """The digits the outline of ``spec``'s ``code`` is written as in this file, when more than one, or None."""
    found = _conflicts.get(id(spec))
    return found.get(code) if found else None


def _digits(text: str) -> tuple[int, ...]:
    return tuple(d for d in (unicodedata.decimal(ch, None) for ch in unicodedata.normalize("NFKC", text))
                 if d is not None)


def _font_dictionaries(document):
    from pdfminer.pdftypes import resolve1

    seen = 0
    for xref in document.xrefs:
        for objid in xref.get_objids():
            try:
                spec = resolve1(document.getobj(objid))
            except Exception:  # noqa: BLE001, S112 - an object the library cannot read is no font read here
                continue
            if isinstance(spec, dict) and "ToUnicode" in spec and (
                    "FontDescriptor" in spec or "DescendantFonts" in spec or "CharProcs" in spec):
                seen += 1
                if seen > _FONTS:
                    return
                yield spec


def _mapped_digits(spec, maps: dict) -> dict[int, tuple[int, ...]]:
    """``{code: digits}`` of the codes ``spec``'s ToUnicode map gives digits; each map read once a file (``maps``: a
    thousand fonts naming one large map were each read again), all of a file's within ``MAP_ENTRIES``."""
    from pdfminer.cmapdb import CMapParser, FileUnicodeMap
    from pdfminer.pdftypes import PDFStream, resolve1

    stream = resolve1(spec.get("ToUnicode"))
    if not isinstance(stream, PDFStream):
        return {}
    if id(stream) not in maps:
        unicode_map = FileUnicodeMap()
        CMapParser(unicode_map, BytesIO(stream.get_data())).run()
        maps[id(stream)] = (stream, {code: digits for code, text in unicode_map.cid2unichr.items()
                                     if (digits := _digits(text))})
        maps[None] = maps.get(None, 0) + len(unicode_map.cid2unichr)
        if maps[None] > MAP_ENTRIES:
            raise _Enough
    return maps[id(stream)][1]


class _Enough(Exception):
    """The file's maps are past what is read for outlines: the fonts read so far are compared."""


def _name(value) -> str:
    from pdfminer.psparser import literal_name

    return literal_name(value) if value is not None else ""


def _outlines(spec, budget: list[int], wanted) -> dict[int, object]:
    """``{code: outline}`` of the ``wanted`` codes of ``spec`` whose glyph is known without a name (module doc)."""
    from pdfminer.pdftypes import resolve1

    subtype = _name(resolve1(spec.get("Subtype")))
    if subtype == "Type3":
        return _type3(spec, budget, wanted)
    if subtype == "TrueType" and "Encoding" not in spec:  # (with one, its names say the glyph: pdf_shown)
        program = _program(resolve1(spec.get("FontDescriptor")), budget)
        if program is None:
            return {}
        font = _TrueType(program)
        to_gid = font.code_map()
        return {code: outline for code in wanted if (outline := font.outline(to_gid.get(code, -1))) is not None}
    if subtype == "Type0":
        descendants = resolve1(spec.get("DescendantFonts"))
        cid_font = resolve1(descendants[0]) if isinstance(descendants, list) and descendants else None
        if not isinstance(cid_font, dict) or _name(resolve1(cid_font.get("Subtype"))) != "CIDFontType2":
            return {}
        program = _program(resolve1(cid_font.get("FontDescriptor")), budget)
        if program is None:
            return {}
        font, to_gid = _TrueType(program), resolve1(cid_font.get("CIDToGIDMap"))
        if to_gid is None or _name(to_gid) == "Identity":
            return {cid: outline for cid in wanted if (outline := font.outline(cid)) is not None}
        table = _bounded(to_gid, budget) or b""
        return {cid: outline for cid in wanted if 0 <= cid < len(table) // 2
                and (outline := font.outline(struct.unpack_from(">H", table, 2 * cid)[0])) is not None}
    return {}


def _program(descriptor, budget: list[int]) -> bytes | None:
    """A descriptor's TrueType program (FontFile2), inflated within ``PROGRAM_BYTES`` and the file's ``budget``; None
    when it is encrypted, filtered otherwise than by Flate, or larger."""
    from pdfminer.pdftypes import PDFStream, resolve1

    program = resolve1(descriptor.get("FontFile2")) if isinstance(descriptor, dict) else None
    return _bounded(program, budget) if isinstance(program, PDFStream) else None


def _bounded(stream, budget: list[int]) -> bytes | None:
    """A stream's data inflated within ``PROGRAM_BYTES`` and the file's ``budget`` (the library inflates a stream whole,
    whatever it becomes); None when it is encrypted, filtered otherwise than by Flate, or larger."""
    if not hasattr(stream, "get_rawdata") or stream.decipher:
        return None
    raw, filters = stream.get_rawdata(), [_name(name) for name, params in stream.get_filters()]
    limit = min(PROGRAM_BYTES, budget[0])
    if raw is None:
        return None
    if not filters:
        data = raw
    elif filters in (["FlateDecode"], ["Fl"]):
        inflater = zlib.decompressobj()
        data = inflater.decompress(raw, limit + 1)
    else:
        return None
    if len(data) > limit:
        return None
    budget[0] -= len(data)
    return data


class _TrueType:
    """A TrueType program's glyph outlines and its symbol or Macintosh code map (``cmap`` (3,0) or (1,0))."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        count = struct.unpack_from(">H", data, 4)[0]
        self.tables = {data[12 + 16 * k:16 + 16 * k]: struct.unpack_from(">LL", data, 20 + 16 * k)
                       for k in range(count)}
        head, _ = self.tables[b"head"]
        self.long = struct.unpack_from(">h", data, head + 50)[0] == 1
        self.glyphs = min(struct.unpack_from(">H", data, self.tables[b"maxp"][0] + 4)[0], 65_535)
        self.glyf = self.tables[b"glyf"][0]

    def outline(self, gid: int):
        if not 0 <= gid < self.glyphs:
            return None
        loca = self.tables[b"loca"][0]
        if self.long:
            start, end = struct.unpack_from(">LL", self.data, loca + 4 * gid)
        else:
            start, end = (2 * v for v in struct.unpack_from(">HH", self.data, loca + 2 * gid))
        glyph = self.data[self.glyf + start:self.glyf + end]
        if len(glyph) < 10 or struct.unpack_from(">h", glyph, 0)[0] <= 0:  # (empty, or a composite)
            return None
        with contextlib.suppress(struct.error, IndexError):
            return hashlib.sha256(repr(_points(glyph)).encode()).digest()
        return None

    def code_map(self) -> dict[int, int]:
        """``{code: glyph}`` as a viewer draws a symbolic font without ``/Encoding`` (PDF 32000 9.6.6.4): its (3,0)
        subtable at 0xF000 + code (or code), else its (1,0) subtable; with neither, each code its own glyph."""
        from pdfminer.pdffont import TrueTypeFont

        if b"cmap" not in self.tables:
            return {code: code for code in range(min(256, self.glyphs))}
        base, _ = self.tables[b"cmap"]
        reader = TrueTypeFont("", BytesIO(self.data))
        subtables = {}
        for k in range(struct.unpack_from(">H", self.data, base + 2)[0]):
            platform, encoding, offset = struct.unpack_from(">HHL", self.data, base + 4 + 8 * k)
            subtables.setdefault((platform, encoding), offset)
        for key in ((3, 0), (1, 0)):
            if key not in subtables:
                continue
            reader.fp.seek(base + subtables[key])
            kind = struct.unpack(">H", reader.fp.read(2))[0]
            parse = {0: reader.parse_cmap_format_0, 4: reader.parse_cmap_format_4,
                     6: reader.parse_cmap_format_6}.get(kind)
            if parse is None:
                return {}
            char2gid: dict[int, int] = {}
            parse(reader.fp, char2gid)
            if key == (1, 0):
                return {code: gid for code, gid in char2gid.items() if code < 256}
            return {code: char2gid.get(0xF000 + code, char2gid.get(code)) for code in range(256)
                    if char2gid.get(0xF000 + code, char2gid.get(code)) is not None}
        return {}


def _points(glyph: bytes) -> tuple:
    """A simple glyph's points ``(x, y, on curve)`` (its contours' ends, instructions and padding left out)."""
    contours = struct.unpack_from(">h", glyph, 0)[0]
    ends = struct.unpack_from(f">{contours}H", glyph, 10)
    at = 10 + 2 * contours
    at += 2 + struct.unpack_from(">H", glyph, at)[0]  # (the instructions)
    count, flags = ends[-1] + 1, []
    while len(flags) < count:
        flag = glyph[at]
        at += 1
        repeat = 0
        if flag & 8:
            repeat = glyph[at]
            at += 1
        flags.extend([flag] * (repeat + 1))
    flags = flags[:count]
    coordinates = []
    for short, same in ((2, 16), (4, 32)):  # x, then y
        value, values = 0, []
        for flag in flags:
            if flag & short:
                delta = glyph[at]
                at += 1
                value += delta if flag & same else -delta
            elif not flag & same:
                value += struct.unpack_from(">h", glyph, at)[0]
                at += 2
            values.append(value)
        coordinates.append(values)
    return (ends, *zip(coordinates[0], coordinates[1], (bool(flag & 1) for flag in flags), strict=True))


_PAINTS = frozenset((b"f", b"F", b"f*", b"S", b"s", b"B", b"B*", b"b", b"b*", b"EI", b"Do", b"sh"))


def _type3(spec, budget: list[int], wanted) -> dict[int, object]:
    """``{code: outline}`` of a Type 3 font: its procedure's bytes, with the font's matrix — and the font itself when
    the procedure may draw from the font's resources (an image, a form: named alike in another font, another one)."""
    from pdfminer.pdftypes import PDFStream, resolve1

    encoding, procs = resolve1(spec.get("Encoding")), resolve1(spec.get("CharProcs"))
    differences = resolve1(encoding.get("Differences")) if isinstance(encoding, dict) else None
    if not isinstance(differences, list) or not isinstance(procs, dict):
        return {}
    matrix = repr(resolve1(spec.get("FontMatrix")))
    found, code = {}, 0
    for item in differences[:65_536]:
        if isinstance(item, int):
            code = item
            continue
        proc = resolve1(procs.get(_name(item))) if code in wanted else None
        if isinstance(proc, PDFStream) and (data := _bounded(proc, budget)) is not None:
            if _PAINTS & set(data.split()):
                own = id(spec) if b"Do" in data or "Resources" in spec else None
                found[code] = hashlib.sha256(data + matrix.encode()).digest() + repr(own).encode()
        code += 1
    return found
