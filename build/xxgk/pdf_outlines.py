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
everywhere is beyond any text reading. A CID-keyed compact program's (CFF) glyph is its charstring with the
subroutines and matrices it is drawn with (``_compact``): equal, one outline.

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

from .cff import index_end, index_items, index_slice, read_dict, top_dict_index

# what one font program is inflated to at most for its outlines, and all of a file's: a report's subset is some tens
# of KB, a whole CJK font some MB; a program past this is not compared (as one this reader cannot inflate)
PROGRAM_BYTES = 16 * 2**20
FILE_BYTES = 64 * 2**20
_FONTS = 2_000  # fonts with a map read for their outlines in one file (a report has some tens)
MAP_ENTRIES = 2_000_000  # codes of a file's ToUnicode maps read for it (a CJK subset's has some thousands)

_conflicts: dict[object, dict[int, str]] = {}  # _font_key(font) → {code: the digits its outline is written as}
_held: list = []  # (the objects keyed by id, kept alive while the file is read)


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
            _conflicts.setdefault(_font_key(spec), {})[code] = "或".join(sorted("".join(map(str, d)) for d in digits))
            _held.append(spec)


def conflict(spec, code: int) -> str | None:
    """The digits the outline of ``spec``'s ``code`` is written as in this file, when more than one, or None."""
    if not _conflicts or spec is None:  # (a file without any: no font's key is made for each glyph drawn)
        return None
    found = _conflicts.get(_font_key(spec))
    return found.get(code) if found else None


def _font_key(spec) -> object:
    """What names one font both here and where the library draws it: a simple font's dictionary; a composite font's
    descriptor and map. The library draws a Type 0 font as a copy of its descendant holding the Type 0's map
    (``PDFResourceManager.get_font``): keyed by that dictionary, a CID font's conflicts were found and never read
    (session 42) — the copy shares the descendant's descriptor and the map, resolved, as objects."""
    from pdfminer.pdftypes import resolve1

    descendants = resolve1(spec.get("DescendantFonts"))
    font = resolve1(descendants[0]) if isinstance(descendants, list) and descendants else spec
    if font is spec and _name(resolve1(spec.get("Subtype"))) not in ("CIDFontType0", "CIDFontType2"):
        return id(spec)
    return ("cid", id(font.get("FontDescriptor")) if isinstance(font, dict) else 0, id(resolve1(spec.get("ToUnicode"))))


def _digits(text: str) -> tuple[int, ...]:
    return tuple(d for d in (unicodedata.decimal(ch, None) for ch in unicodedata.normalize("NFKC", text))
                 if d is not None)


def _font_dictionaries(document):
    """The font dictionaries of ``document`` that have a ToUnicode map, up to ``_FONTS``, each object its
    cross-references hold looked up (``_held_objids``)."""
    from pdfminer.pdftypes import resolve1

    seen = 0
    for xref in document.xrefs:
        for objid in _held_objids(xref):
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


def _held_objids(xref):
    """The object numbers ``xref`` (pdfminer's) gives as in use, without those a cross-reference stream claims past
    the entries its data holds: the library counts an entry past the data as one in use, and a 667-byte file whose
    stream claims ``/Size 1000000`` over its 8 entries had a million objects looked up here, each parsed at the
    file's start (21 CPU s a file; 10,000,000: past the worker's wall time). An honest stream holds what it claims.

    >>> class Stream:  # two 3-byte entries in use, a third claimed past the data
    ...     ranges, entlen, fl1, data = [(5, 3)], 3, 1, b"\\x01\\x00\\x00\\x01\\x00\\x00"
    >>> list(_held_objids(Stream()))
    [5, 6]
    """
    if not hasattr(xref, "entlen"):  # (a cross-reference table: each entry written in the file)
        yield from xref.get_objids()
        return
    data, size = xref.data or b"", xref.entlen or 0
    held = len(data) // size if size else 0
    for start, count in xref.ranges:  # (each range's entries from the data's start, as the library reads them)
        for i in range(min(count, held) if isinstance(count, int) else 0):
            entry = data[size * i:size * (i + 1)]
            if (int.from_bytes(entry[:xref.fl1], "big") if xref.fl1 else 1) in (1, 2):
                yield start + i


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
        if isinstance(cid_font, dict) and _name(resolve1(cid_font.get("Subtype"))) == "CIDFontType0":
            return _compact(resolve1(cid_font.get("FontDescriptor")), budget, wanted)
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


def _compact(descriptor, budget: list[int], wanted) -> dict[int, object]:
    """``{cid: outline}`` of a CID font's compact program (FontFile3 /CIDFontType0C: CID-keyed CFF). An outline is a
    glyph's charstring with what it may call and how it is scaled: the program's global subroutines, its font
    dictionary's local ones and matrices. Equal, they draw the same outline; a glyph drawn alike otherwise (its
    charstring written another way) is not found — never a false match. A charstring of under four bytes (``endchar``,
    a width and ``endchar``) draws nothing and is none."""
    from pdfminer.pdftypes import PDFStream, resolve1

    program = resolve1(descriptor.get("FontFile3")) if isinstance(descriptor, dict) else None
    if not isinstance(program, PDFStream) or _name(resolve1(program.attrs.get("Subtype"))) != "CIDFontType0C":
        return {}
    data = _bounded(program, budget)
    if data is None:
        return {}
    with contextlib.suppress(ValueError, IndexError, KeyError, struct.error):
        return _Compact(data).outlines(wanted)
    return {}


class _Compact:
    """A CFF program's glyphs by CID (its charset; a font without ROS: each glyph's number) and what draws each."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        tops = index_items(data, top_dict_index(data))
        strings = index_end(data, top_dict_index(data))
        self.globals = index_slice(data, index_end(data, strings))
        self.top = read_dict(tops[0])
        self.charstrings = index_items(data, self.top[17][0])
        self.cid_keyed = (12, 30) in self.top
        self.dicts = ([read_dict(d) for d in index_items(data, self.top[(12, 36)][0])] if self.cid_keyed
                      else [self.top])

    def outlines(self, wanted) -> dict[int, object]:
        gids = self._gids(len(self.charstrings)) if self.cid_keyed else {g: g for g in range(len(self.charstrings))}
        chosen = self._font_dicts(len(self.charstrings)) if self.cid_keyed else None
        drawers = {}
        found = {}
        for cid in wanted:
            gid = gids.get(cid)
            if gid is None or len(self.charstrings[gid]) < 4:
                continue
            fd = chosen[gid] if chosen is not None else 0
            if fd not in drawers:
                drawers[fd] = self._drawer(self.dicts[fd])
            found[cid] = hashlib.sha256(drawers[fd] + self.charstrings[gid]).digest()
        return found

    def _drawer(self, font_dict: dict) -> bytes:
        """What a glyph's charstring is drawn with: the global and this dictionary's local subroutines, the matrices."""
        local = b""
        if 18 in font_dict:
            size, offset = font_dict[18][:2]
            private = read_dict(self.data[offset:offset + size])
            if 19 in private:
                local = index_slice(self.data, offset + private[19][0])
        matrices = repr((self.top.get((12, 7)), font_dict.get((12, 7)))).encode()
        return hashlib.sha256(self.globals).digest() + hashlib.sha256(local).digest() + matrices

    def _gids(self, count: int) -> dict[int, int]:
        """``{cid: gid}`` from the charset (formats 0, 1, 2; glyph 0 is CID 0)."""
        data, at = self.data, self.top.get(15, [0])[0]
        out, gid = {0: 0}, 1
        if at <= 2:
            return {g: g for g in range(count)}
        kind, at = data[at], at + 1
        while gid < count:
            if kind == 0:
                out[struct.unpack_from(">H", data, at)[0]] = gid
                at, gid = at + 2, gid + 1
                continue
            first = struct.unpack_from(">H", data, at)[0]
            left = data[at + 2] if kind == 1 else struct.unpack_from(">H", data, at + 2)[0]
            at += 3 if kind == 1 else 4
            for k in range(min(left + 1, count - gid)):
                out[first + k] = gid + k
            gid += left + 1
        return out

    def _font_dicts(self, count: int) -> list[int]:
        """Each glyph's font dictionary (FDSelect formats 0 and 3)."""
        data, at = self.data, self.top[(12, 37)][0]
        if data[at] == 0:
            return list(data[at + 1:at + 1 + count])
        ranges = struct.unpack_from(">H", data, at + 1)[0]
        starts = [struct.unpack_from(">HB", data, at + 3 + 3 * k) for k in range(ranges)]
        end = struct.unpack_from(">H", data, at + 3 + 3 * ranges)[0]
        out = [0] * count
        for k, (first, fd) in enumerate(starts):
            last = starts[k + 1][0] if k + 1 < ranges else end
            out[first:last] = [fd] * max(0, min(last, count) - first)
        return out


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
