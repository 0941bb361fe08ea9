"""The parsed form of one report: facts with their source lines, narrative sections, findings.

A :class:`Record` is plain data (``to_dict`` is JSON-ready) and is what ``parse`` returns.
Values are ``int`` for counts, ``Decimal`` for amounts, ``None`` for missing: never 0 for a blank.
"""

from __future__ import annotations

import types
from dataclasses import dataclass, field, fields, is_dataclass
from decimal import Decimal
from typing import Union, get_args, get_origin, get_type_hints

from .findings import Finding

Value = int | Decimal | None


@dataclass(frozen=True)
class Fact:
    """One cell of a table: ``keys`` name it with the spec's codes (e.g. ``("new", "total")``)."""

    table: str  # "active" | "applications" | "review_litigation"
    keys: tuple[str, str]
    value: Value
    line: int | None


@dataclass
class Record:
    agency: str | None = None
    year: int | None = None
    published_date: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    formats: dict[str, str] = field(default_factory=dict)  # table -> "2021" | "2019"
    facts: list[Fact] = field(default_factory=list)
    sections: dict[str, str] = field(default_factory=dict)  # section code -> narrative text
    section_lines: dict[str, int] = field(default_factory=dict)  # section code -> heading line
    findings: list[Finding] = field(default_factory=list)

    def values(self, table: str) -> dict[tuple[str, str], Value]:
        """``{keys: value}`` of one table (empty when the table is absent)."""
        return {f.keys: f.value for f in self.facts if f.table == table}

    def to_dict(self) -> dict:
        def plain(v: Value):
            return str(v) if isinstance(v, Decimal) else v

        return {
            "agency": self.agency, "year": self.year, "published_date": self.published_date,
            "period_start": self.period_start, "period_end": self.period_end, "formats": self.formats,
            "facts": [{"table": f.table, "keys": list(f.keys), "value": plain(f.value), "line": f.line}
                      for f in self.facts],
            "sections": self.sections,
            "findings": [f.to_dict() for f in self.findings],
        }

    @classmethod
    def from_dict(cls, data: dict) -> Record:
        """The Record a ``to_dict`` (or ``plain``) came from: ``to_dict(from_dict(d)) == d``, and
        ``from_dict(plain(r)) == r``. Generic over the dataclass fields of Record, Fact and Finding (typed
        by their annotations), so a field added to one of them round-trips without a change here;
        a field absent from ``data`` takes its default.

        >>> r = Record(year=2024, facts=[Fact("active", ("rules", "issued"), Decimal("1.50"), 7)])
        >>> Record.from_dict(r.to_dict()) == r
        True
        """
        return from_plain(cls, data)


def plain(value):
    """JSON-ready form of any value made of dataclasses, Decimals (as text), tuples (as lists), dicts, lists.

    >>> plain(Fact("active", ("rules", "issued"), Decimal("2.0"), None))
    {'table': 'active', 'keys': ['rules', 'issued'], 'value': '2.0', 'line': None}
    """
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def from_plain(hint, data):
    """The inverse of ``plain``, guided by the type annotation ``hint`` (a dataclass, ``list[...]``,
    ``tuple[...]``, ``dict[...]``, a union such as ``int | Decimal | None``, or a plain type)."""
    if data is None:
        return None
    if is_dataclass(hint):
        hints = get_type_hints(hint)
        return hint(**{f.name: from_plain(hints[f.name], data[f.name]) for f in fields(hint) if f.name in data})
    origin, args = get_origin(hint), get_args(hint)
    if origin is tuple:
        items = args[:1] * len(data) if args[-1:] == (Ellipsis,) else args
        return tuple(from_plain(h, v) for h, v in zip(items, data, strict=True))
    if origin is list:
        return [from_plain(args[0], v) for v in data]
    if origin is dict:
        return {k: from_plain(args[1], v) for k, v in data.items()}
    if origin in (Union, types.UnionType):
        if isinstance(data, str) and Decimal in args and str not in args:
            return Decimal(data)
        kinds = [a for a in args if a is not type(None)]
        return from_plain(kinds[0], data) if len(kinds) == 1 else data
    if hint is Decimal:
        return Decimal(data)
    return data
