"""The parsed form of one report: facts with their source lines, narrative sections, findings.

A :class:`Record` is plain data (``to_dict`` is JSON-ready) and is what ``parse`` returns.
Values are ``int`` for counts, ``Decimal`` for amounts, ``None`` for missing: never 0 for a blank.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

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
            "facts": [{"table": f.table, "keys": list(f.keys), "value": plain(f.value), "line": f.line,
                       "placed_by": f.placed_by}
                      for f in self.facts],
            "sections": self.sections,
            "findings": [f.to_dict() for f in self.findings],
        }
