"""The identities of tables 3 and 4 checked on a parsed record, as ``identity_broken`` findings."""

from __future__ import annotations

from .catalog import labels
from .findings import Finding, make
from .identities import broken_identities
from .record import Record

_TABLE_NO = {"applications": "3", "review_litigation": "4"}


def _axis_label(code: str) -> str:
    """The Chinese label of the column, row or proceeding an identity was summed along."""
    for code_list in ("applicants", "rows", "proceedings"):
        if code in labels()[code_list]:
            return labels()[code_list][code]
    return code


def identity_findings(record: Record) -> list[Finding]:
    out = []
    for table, number in _TABLE_NO.items():
        values = record.values(table)
        if not values:
            continue
        fmt = record.formats.get(table, "2021")
        lines = {f.keys: f.line for f in record.facts if f.table == table}
        for broken in broken_identities(table, fmt, values):
            where = _axis_label(broken.where)
            line = lines.get(broken.cell)
            out.append(make("identity_broken", table=number, row=where, detail=f"{where}：{broken.zh}",
                            expected=broken.rhs, actual=broken.lhs, line=line))
    return out
