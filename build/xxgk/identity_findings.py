"""The identities of tables 3 and 4 checked on a parsed record, as ``identity_broken`` findings."""

from __future__ import annotations

from .catalog import labels
from .findings import Finding, make
from .identities import broken_identities, exceeded_identities
from .record import Record

_TABLE_NO = {"applications": "3", "review_litigation": "4"}


def _axis_label(code: str) -> str:
    """The Chinese label of a row, column or proceeding code (table 三's rows and applicants, table 四's proceedings
    and outcomes)."""
    for code_list in ("applicants", "rows", "proceedings", "outcomes"):
        if code in labels()[code_list]:
            return labels()[code_list][code]
    return code


def identity_findings(record: Record) -> list[Finding]:
    """Each identity the record's tables 三 and 四 break: located at its left-hand cell (``row`` and ``column`` that
    cell's labels, ``line`` its line), the message naming the column or row the sums were taken along. (Before
    session 47 ``row`` held that column's or row's label: 自然人 in ``row`` for the cell （七）总计 × 自然人, a column's
    label where the package promises a row's, and no column.) An identity with blanks on one side is said where the
    other side's printed cells already sum past the whole side (``exceeded_identities``: no blank could mend it),
    the message saying which side's sum is of its printed cells only (session 54)."""
    out = []
    for table, number in _TABLE_NO.items():
        values = record.values(table)
        if not values:
            continue
        fmt = record.formats.get(table, "2021")
        lines = {f.keys: f.line for f in record.facts if f.table == table}
        for broken in broken_identities(table, fmt, values) + exceeded_identities(table, fmt, values):
            where = _axis_label(broken.where)
            line = lines.get(broken.cell)
            row, column = map(_axis_label, broken.cell)
            out.append(make("identity_broken", table=number, row=row, column=column, detail=f"{where}：{broken.zh}",
                            expected=broken.rhs, actual=broken.lhs, line=line,
                            case=f"{broken.blank}_blank" if broken.blank else ""))
    return out
