"""Finding the six sections of a report by their headings, in any layout.

A heading is a Chinese numeral with ``、`` followed by one of the heading variants of
``rules/section_headings.csv`` (``六、他需要报告的事项`` included). Headings are matched inside
lines too, because flattened web pages put a whole report on one line. Numbering is not
trusted (some reports restart it for the tables), only the heading text.

>>> doc = Document.from_text("一、总体情况\\n好\\n二、主动公开政府信息情况\\n规章 0 0 0")
>>> [(s.code, s.heading_line) for s in text_to_sections(doc)]
[('overview', 1), ('active', 3)]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from .catalog import codes, table

_NUMERAL = r"(?<!第)[一二三四五六七八九十]{1,2}\s*[、.．]\s*(?:政府信息公开(?:工作)?)?"


@dataclass(frozen=True)
class Document:
    """The text of a report with the offsets where its lines start (1-based line numbers)."""

    text: str
    line_starts: tuple[int, ...]

    @classmethod
    def from_text(cls, text: str) -> Document:
        starts = [0] + [m.end() for m in re.finditer("\n", text)]
        return cls(text, tuple(starts))

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset)

    def lines_between(self, start: int, end: int) -> list[tuple[int, str]]:
        """``(line number, text)`` of the span ``[start, end)``, the first and last possibly partial."""
        out = []
        first = self.line_of(start)
        for number, piece in enumerate(self.text[start:end].split("\n"), start=first):
            out.append((number, piece))
        return out


@dataclass(frozen=True)
class Section:
    code: str
    heading_line: int
    start: int  # offset after the heading
    end: int  # offset of the next heading (or the end of the text)

    def text(self, doc: Document) -> str:
        return doc.text[self.start:self.end].strip()


@cache
def _heading_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((row["code"], re.compile(_NUMERAL + "(?:" + row["pattern"] + ")"))
                 for row in table("section_headings"))


def section_order() -> list[str]:
    return [s["code"] for s in codes()["sections"]]


def text_to_sections(doc: Document) -> list[Section]:
    """The sections found, in the order they appear; an absent section is simply not listed."""
    matches = {code: list(p.finditer(doc.text)) for code, p in _heading_patterns()}
    chosen: dict[str, re.Match] = {}
    position = 0
    for code in section_order():
        after = [m for m in matches.get(code, []) if m.start() >= position]
        pick = after[0] if after else (matches[code][0] if matches.get(code) else None)
        if pick is None or any(pick.start() == m.start() for m in chosen.values()):
            continue
        chosen[code] = pick
        position = max(position, pick.end())
    ordered = sorted(chosen.items(), key=lambda item: item[1].start())
    sections = []
    for i, (code, match) in enumerate(ordered):
        end = ordered[i + 1][1].start() if i + 1 < len(ordered) else len(doc.text)
        sections.append(Section(code, doc.line_of(match.start()), match.end(), end))
    return sections
