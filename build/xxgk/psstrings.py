r"""The PDF library's tokens read in time linear in their length.

pdfminer's tokenizer (``pdfminer.psparser.PSBaseParser``, under every object, content stream and CMap it reads)
grows a token with ``bytes +=``, a copy of the whole token each time: a literal string once for every escape
(``\\``, ``\(``, ``\101``) and every nested parenthesis, a name once for every ``#41``, and every token once for
every 4,096 bytes the library reads at a time. A token's time grows with the square of its length, and a content
stream is Flate-compressed: ``(\\\\ … )`` of 800 KB took 2.3 CPU s, 400,000 nested ``(`` 7.7 s, a hex string
``<4141 … >`` of 20 MB 15 s and of 40 MB (a PDF of 40 KB) 124 s, the worker's whole budget. Honest tokens are short
(a CJK text's octal escapes are a line's), so nothing honest was slow; but one small hostile file should cost one
finding, not two minutes of a shared machine. ``install`` puts ``METHODS`` in the library's place: the same tokens,
each grown in a ``bytearray`` (which ``+=`` extends in place) and handed on as the library's types. ``LIBRARY``
keeps the library's own methods (a test proves the tokens the same). The methods follow pdfminer.six's
``psparser`` state machine line for line (pdfminer.six, MIT licence, copyright Yusuke Shinyama and contributors:
its licence travels with the installed library); only how a token grows is ours.

>>> import io
>>> install()
>>> from pdfminer.psparser import PSBaseParser
>>> parser = PSBaseParser(io.BytesIO(rb"(a\\b\101(c)) /A#41 "))
>>> parser.nexttoken(), parser.nexttoken()
((0, b'a\\bA(c)'), (14, /'AA'))
"""

from __future__ import annotations

import contextlib
from functools import cache

from pdfminer.psparser import (
    END_HEX_STRING,
    END_KEYWORD,
    END_LITERAL,
    END_NUMBER,
    END_STRING,
    EOL,
    ESC_STRING,
    HEX,
    KWD,
    LIT,
    OCT_STRING,
    SPC,
)


def _grown(parser) -> bytearray:
    """The token being read, as a ``bytearray`` (``_parse_main`` starts each token as ``bytes``)."""
    if type(parser._curtoken) is not bytearray:
        parser._curtoken = bytearray(parser._curtoken)
    return parser._curtoken


def _grow_to(parser, pattern, s: bytes, i: int) -> int | None:
    """Grow the token being read with ``s[i:]`` up to ``pattern``'s next match: the match's start, or None when ``s``
    ends first (all of it taken: the library reads the next 4 KB and calls again)."""
    token = _grown(parser)
    m = pattern.search(s, i)
    if not m:
        token += s[i:]
        return None
    token += s[i:m.start(0)]
    return m.start(0)


def _parse_string(self, s: bytes, i: int) -> int:
    if (j := _grow_to(self, END_STRING, s, i)) is None:
        return len(s)
    token = self._curtoken
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
    if (j := _grow_to(self, END_LITERAL, s, i)) is None:
        return len(s)
    token = self._curtoken
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


def _parse_hexstring(self, s: bytes, i: int) -> int:
    if (j := _grow_to(self, END_HEX_STRING, s, i)) is None:
        return len(s)
    token = self._curtoken
    # (the library: HEX_PAIR.sub, a call per pair of digits, 15 s for 20 MB; the token holds only hex digits and
    # white space, so fromhex gives the same bytes, a lone last digit d as the byte 0d as the library reads it)
    digits = SPC.sub(b"", bytes(token))
    even = len(digits) - len(digits) % 2
    self._add_token(bytes.fromhex(digits[:even].decode("ascii")) + bytes(int(d, 16) for d in digits[even:].decode()))
    self._parse1 = self._parse_main
    return j


def _parse_keyword(self, s: bytes, i: int) -> int:
    if (j := _grow_to(self, END_KEYWORD, s, i)) is None:
        return len(s)
    token = self._curtoken
    self._add_token(True if token == b"true" else False if token == b"false" else KWD(bytes(token)))
    self._parse1 = self._parse_main
    return j


def _parse_comment(self, s: bytes, i: int) -> int:
    if (j := _grow_to(self, EOL, s, i)) is None:  # (the library keeps a comment's text, though it never reads it)
        return len(s)
    self._parse1 = self._parse_main
    return j


def _parse_number(self, s: bytes, i: int) -> int:
    if (j := _grow_to(self, END_NUMBER, s, i)) is None:
        return len(s)
    token = self._curtoken
    if s[j:j + 1] == b".":
        token += b"."
        self._parse1 = self._parse_float
        return j + 1
    with contextlib.suppress(ValueError):  # (as the library: a sign alone, or over Python's 4,300 digits)
        self._add_token(int(token))
    self._parse1 = self._parse_main
    return j


def _parse_float(self, s: bytes, i: int) -> int:
    if (j := _grow_to(self, END_NUMBER, s, i)) is None:
        return len(s)
    token = self._curtoken
    with contextlib.suppress(ValueError):
        self._add_token(float(token))
    self._parse1 = self._parse_main
    return j


METHODS = (_parse_string, _parse_string_1, _parse_literal, _parse_literal_hex, _parse_hexstring, _parse_keyword,
           _parse_comment, _parse_number, _parse_float)
LIBRARY: dict[str, object] = {}  # the library's methods, as install found them


@cache
def install() -> None:
    """Put ``METHODS`` in ``PSBaseParser``'s place (once a process; every parser of the library inherits them)."""
    from pdfminer.psparser import PSBaseParser

    for method in METHODS:
        LIBRARY[method.__name__] = getattr(PSBaseParser, method.__name__)
        setattr(PSBaseParser, method.__name__, method)
