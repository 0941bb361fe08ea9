"""The parsed form of one report: facts with their source lines, narrative sections, findings.

A :class:`Record` is plain data (``to_dict`` is JSON-ready) and is what ``parse`` returns.
Values are ``int`` for counts, ``Decimal`` for amounts, ``None`` for missing: never 0 for a blank.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from dataclasses import dataclass, field, fields, is_dataclass
from decimal import Decimal
from functools import cache
from operator import attrgetter
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
    placed_by: str | None = "label"  # how the row was placed: label, label_similarity, position, narrative …

    def __init__(self, table: str, keys: tuple[str, str], value: Value, line: int | None,
                 placed_by: str | None = "label") -> None:
        # (the dataclass's, with the fields set in place, in the fields' order: a report makes hundreds of facts,
        # and ``update(table=…)`` built a dict of keywords for each, twice the time; frozen all the same)
        fields_ = self.__dict__
        fields_["table"], fields_["keys"], fields_["value"] = table, keys, value
        fields_["line"], fields_["placed_by"] = line, placed_by


@dataclass
class Record:
    agency: str | None = None
    year: int | None = None
    published_date: str | None = None
    source_url: str | None = None  # the official original's address printed in the text (原文链接 …)
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
            "source_url": self.source_url,
            "period_start": self.period_start, "period_end": self.period_end, "formats": self.formats,
            "facts": [{"table": f.table, "keys": list(f.keys), "value": plain(f.value), "line": f.line,
                       "placed_by": f.placed_by}
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
    {'table': 'active', 'keys': ['rules', 'issued'], 'value': '2.0', 'line': None, 'placed_by': 'label'}
    """
    kind = type(value)
    if kind in _SCALARS:  # the common cases first, by exact type (a parse cache encodes millions of cells)
        return value
    if kind is Decimal:
        return str(value)
    # (scalars inline: a call per cell would be most of the cost)
    if kind is list or kind is tuple:
        return [v if type(v) in _SCALARS else plain(v) for v in value]
    if kind is dict:
        return {k: v if type(v) in _SCALARS else plain(v) for k, v in value.items()}
    fields_of = _fields_reader(kind)
    if fields_of is not None:
        names, read = fields_of
        return {n: v if type(v) in _SCALARS else plain(v) for n, v in zip(names, read(value), strict=True)}
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


_SCALARS = frozenset({str, int, float, bool, type(None)})


def plain_one(value):
    """What ``plain`` makes of ``value`` one level deep — a dataclass's fields as a dict in their order, a Decimal as
    its text — for ``json.dumps(…, default=plain_one)``, which writes lists, tuples, dicts and scalars itself as
    ``plain`` gives them and calls this for anything else: the bytes of ``json.dumps(plain(…))`` without building
    every list and dict twice. A value ``plain`` leaves as it is raises, as ``json.dumps`` did with it.

    >>> import json
    >>> json.dumps([Fact("active", ("rules", "issued"), Decimal("2.0"), None)], default=plain_one)
    '[{"table": "active", "keys": ["rules", "issued"], "value": "2.0", "line": null, "placed_by": "label"}]'
    """
    fields_of = _fields_reader(type(value))
    if fields_of is not None:
        names, read = fields_of
        return dict(zip(names, read(value), strict=True))
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


@cache
def _fields_reader(kind: type) -> tuple[tuple[str, ...], Callable] | None:
    """``(field names, a function giving a value's fields as a tuple)`` of a dataclass type (None for any other):
    ``operator.attrgetter`` reads them all in one call."""
    names = _field_names(kind)
    if names is None:
        return None
    if len(names) > 1:
        return names, attrgetter(*names)
    return names, (lambda value: (getattr(value, names[0]),)) if names else (lambda value: ())


@cache
def _field_names(kind: type) -> tuple[str, ...] | None:
    """The field names of a dataclass type (None for any other type), read once per type."""
    return tuple(f.name for f in fields(kind)) if is_dataclass(kind) else None


def from_plain(hint, data):
    """The inverse of ``plain``, guided by the type annotation ``hint`` (a dataclass, ``list[...]``,
    ``tuple[...]``, ``dict[...]``, a union such as ``int | Decimal | None``, or a plain type)."""
    return _decoder(hint)(data)


def _same(data):
    return data


@cache
def _decoder(hint) -> Callable:
    """One decoding function per annotation, built once (reading annotations is slow; parse caches decode
    millions of facts)."""
    if is_dataclass(hint):
        parts = [(f.name, _decoder(get_type_hints(hint)[f.name])) for f in fields(hint) if f.init]

        def dataclass_decoder(data):
            if data is None:
                return None
            try:  # positional when every field is there (the common case, and twice as fast)
                return hint(*[d(data[n]) for n, d in parts])
            except KeyError:
                return hint(**{n: d(data[n]) for n, d in parts if n in data})
        return dataclass_decoder
    origin, args = get_origin(hint), get_args(hint)
    if origin is tuple:
        if args[-1:] == (Ellipsis,):
            item = _decoder(args[0])
            return lambda data: None if data is None else tuple(item(v) for v in data)
        items = [_decoder(a) for a in args]
        if all(d is _same for d in items):
            return lambda data: None if data is None else tuple(data)
        return lambda data: None if data is None else tuple(d(v) for d, v in zip(items, data, strict=True))
    if origin is list:
        item = _decoder(args[0])
        return lambda data: None if data is None else list(data) if item is _same else [item(v) for v in data]
    if origin is dict:
        value = _decoder(args[1])
        return lambda data: None if data is None else dict(data) if value is _same else \
            {k: value(v) for k, v in data.items()}
    if origin in (Union, types.UnionType):
        kinds = [a for a in args if a is not type(None)]
        if Decimal in kinds and str not in kinds:
            return lambda data: Decimal(data) if isinstance(data, str) else data
        return _decoder(kinds[0]) if len(kinds) == 1 else _same
    if hint is Decimal:
        return lambda data: None if data is None else Decimal(data)
    return _same
