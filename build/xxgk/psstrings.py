r"""The PDF library's strings and names read in time linear in their length.

pdfminer's tokenizer (``pdfminer.psparser.PSBaseParser``, under every object, content stream and CMap it reads)
grows a string token with ``bytes +=``, a copy of the whole token each time; a literal string grows once for every
escape (``\\``, ``\(``, ``\101``) and every nested parenthesis, a name once for every ``#41``. A string of n escapes
costs time in n², and a content stream is Flate-compressed: ``(\\\\ … )`` of 800 KB took 2.3 CPU s, 400,000 nested
``(`` 7.7 s, and 8 MB, compressed into a PDF of 8 KB, would take minutes, the worker's whole 120 s. Honest strings are
short (a CJK text's octal escapes are a line's), so nothing honest was slow; but one small hostile file should cost
one finding, not two minutes of a shared machine. ``install`` puts these four methods in the library's place: the
same tokens, the string being grown in a ``bytearray`` (which ``+=`` extends in place) and handed on as ``bytes``.
``LIBRARY`` keeps the library's own four (a test proves the tokens the same).

>>> import io
>>> install()
>>> from pdfminer.psparser import PSBaseParser
>>> parser = PSBaseParser(io.BytesIO(rb"(a\\b\101(c)) /A#41 "))
>>> parser.nexttoken(), parser.nexttoken()
((0, b'a\\bA(c)'), (14, /'AA'))
"""

from __future__ import annotations

from functools import cache

from pdfminer.psparser import END_LITERAL, END_STRING, ESC_STRING, HEX, LIT, OCT_STRING


def _grown(parser) -> bytearray:
    """The token being read, as a ``bytearray`` (``_parse_main`` starts each token as ``bytes``)."""
    if type(parser._curtoken) is not bytearray:
        parser._curtoken = bytearray(parser._curtoken)
    return parser._curtoken


def _parse_string(self, s: bytes, i: int) -> int:
    token = _grown(self)
    m = END_STRING.search(s, i)
    if not m:
        token += s[i:]
        return len(s)
    j = m.start(0)
    token += s[i:j]
    c = s[j:j + 1]
    if c == b"\\":
        self.oct = b""
        self._parse1 = self._parse_string_1
        return j + 1
    if c == b"(":
        self.paren += 1
        token += c
        return j + 1
    if c == b")":
        self.paren -= 1
        if self.paren:
            token += c
            return j + 1
    self._add_token(bytes(token))
    self._parse1 = self._parse_main
    return j + 1


def _parse_string_1(self, s: bytes, i: int) -> int:
    c = s[i:i + 1]
    if OCT_STRING.match(c) and len(self.oct) < 3:
        self.oct += c
        return i + 1
    if self.oct:
        code = int(self.oct, 8)
        assert code < 256, f"Invalid octal {self.oct!r} ({code})"  # (as the library: \777 fails the same way)
        _grown(self).append(code)
        self._parse1 = self._parse_string
        return i
    if c in ESC_STRING:
        _grown(self).append(ESC_STRING[c])
    elif c == b"\r" and len(s) > i + 1 and s[i + 1:i + 2] == b"\n":
        i += 1  # (a backslash before CR LF: both are left out)
    self._parse1 = self._parse_string
    return i + 1


def _parse_literal(self, s: bytes, i: int) -> int:
    token = _grown(self)
    m = END_LITERAL.search(s, i)
    if not m:
        token += s[i:]
        return len(s)
    j = m.start(0)
    token += s[i:j]
    if s[j:j + 1] == b"#":
        self.hex = b""
        self._parse1 = self._parse_literal_hex
        return j + 1
    try:
        name: str | bytes = str(token, "utf-8")
    except UnicodeDecodeError:
        name = bytes(token)
    self._add_token(LIT(name))
    self._parse1 = self._parse_main
    return j


def _parse_literal_hex(self, s: bytes, i: int) -> int:
    c = s[i:i + 1]
    if HEX.match(c) and len(self.hex) < 2:
        self.hex += c
        return i + 1
    if self.hex:
        _grown(self).append(int(self.hex, 16))
    self._parse1 = self._parse_literal
    return i


METHODS = (_parse_string, _parse_string_1, _parse_literal, _parse_literal_hex)
LIBRARY: dict[str, object] = {}  # the library's methods, as install found them


@cache
def install() -> None:
    """Put the four methods in ``PSBaseParser``'s place (once a process; every parser of the library inherits them)."""
    from pdfminer.psparser import PSBaseParser

    for method in METHODS:
        LIBRARY[method.__name__] = getattr(PSBaseParser, method.__name__)
        setattr(PSBaseParser, method.__name__, method)
