"""Findings: bad or doubtful data as typed records, never prints or exceptions.

A finding has a stable ``code`` from ``rules/findings.csv`` (which also fixes its severity and
message template), a location (table, row, column, line) and expected/actual values.

>>> f = make("row_lost_cells", table="3", row="重复申请", expected=7, actual=6, line=200)
>>> f.severity, f.message
('error', '表3“重复申请”行有6个数，应为7个：无法确定缺的是哪一格，整行记为缺失')
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .catalog import findings_catalogue

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    message: str
    table: str | None = None
    row: str | None = None
    column: str | None = None
    expected: str | None = None
    actual: str | None = None
    line: int | None = None

    def to_dict(self) -> dict:
        return asdict(self)


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def make(code: str, *, table=None, row=None, column=None, expected=None, actual=None, line=None,
         detail: str = "") -> Finding:
    """Build a finding of catalogue type ``code``; an unknown code is a broken rule table (KeyError)."""
    entry = findings_catalogue()[code]
    fields = {"table": table, "row": row, "column": column, "expected": expected, "actual": actual}
    text = {k: "" if v is None else str(v) for k, v in fields.items()}
    message = entry["message"].format_map(_Blank(text, detail=detail))
    as_text = {k: None if v is None else str(v) for k, v in fields.items()}
    return Finding(code=code, severity=entry["severity"], message=message, line=line, **as_text)
