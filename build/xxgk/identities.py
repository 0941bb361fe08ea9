"""Evaluating the declared identities of ``rules/identities.yaml`` on a table's values.

No ``eval``: an identity is two lists of codes whose sums must be equal, checked per column
(over rows) or per row (over columns). A sum with a missing cell is not checked for equality; but where one side is
whole and the other side's printed cells alone already sum to more (counts are never negative: its blanks could only
add), the identity is broken whatever the blanks hold (:func:`exceeded_identities`).

>>> vals = {("new", "total"): 11, ("carried_over", "total"): 0,
...         ("total_processed", "total"): 11, ("carried_forward", "total"): 0}
>>> [b.identity for b in broken_identities("applications", "2021", vals)]
[]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .catalog import applicant_codes, outcome_codes, outcome_row_codes, proceeding_codes, row_codes, rule_yaml


@dataclass(frozen=True)
class Broken:
    identity: str
    zh: str
    where: str  # the column or row the sums were taken along
    lhs: int
    rhs: int
    cell: tuple[str, str]  # the (row, column) of the identity's left-hand side
    blank: str = ""  # the side with missing cells ("lhs" or "rhs": its sum is of its printed cells), else ""


@cache
def identities() -> tuple[dict, ...]:
    return tuple(rule_yaml("identities.yaml"))


def _expand(codes: list[str], fmt: str) -> list[str]:
    out: list[str] = []
    for code in codes:
        out.extend(outcome_row_codes(fmt) if code == "$outcomes" else [code])
    return out


def _axes(table: str, fmt: str) -> tuple[list[str], list[str]]:
    if table == "applications":
        return row_codes(fmt), applicant_codes()
    return proceeding_codes(), outcome_codes()


@cache
def _checks(table: str, fmt: str) -> tuple[tuple[str, str, tuple], ...]:
    """``(id, zh, ((axis, lhs cells, rhs cells, the lhs's first cell), …))`` of each identity of ``table`` in
    ``fmt``, in the rules' order: the cells each sum takes, worked out once (a table is checked many times)."""
    rows, columns = _axes(table, fmt)
    out = []
    for rule in identities():
        if rule["table"] != table:
            continue
        lhs_codes, rhs_codes = _expand(rule["lhs"], fmt), _expand(rule["rhs"], fmt)
        per_column = rule["per"] == "column"
        checks = []
        for axis in columns if per_column else rows:
            if per_column:
                lhs, rhs = tuple((r, axis) for r in lhs_codes), tuple((r, axis) for r in rhs_codes)
            else:
                lhs, rhs = tuple((axis, c) for c in lhs_codes), tuple((axis, c) for c in rhs_codes)
            checks.append((axis, lhs, rhs, lhs[0] if lhs else None))
        out.append((rule["id"], rule["zh"], tuple(checks)))
    return tuple(out)


def broken_identities(table: str, fmt: str, values: dict) -> list[Broken]:
    """Every identity of ``table`` that the ``{(row, column): value}`` map breaks."""
    out = []
    get = values.get
    for identity, zh, checks in _checks(table, fmt):
        for axis, lhs_cells, rhs_cells, cell in checks:
            lhs = rhs = 0  # a sum with a missing cell (not an int) is not checked
            for key in lhs_cells:
                value = get(key)
                if not isinstance(value, int):
                    break
                lhs += value
            else:
                for key in rhs_cells:
                    value = get(key)
                    if not isinstance(value, int):
                        break
                    rhs += value
                else:
                    if lhs != rhs:
                        out.append(Broken(identity, zh, axis, lhs, rhs, cell))
    return out


def printed_sum(values) -> tuple[int, bool] | None:
    """The sum of ``values`` printed (None: a blank) and whether one is blank; None where a value is negative or not
    a count (no bound holds). The bound both a row's parse (``row_windows.possible_total``) and the identities'
    check (:func:`exceeded_identities`) read: counts are never negative, so printed parts never sum past a whole.

    >>> printed_sum([3, None, 4]), printed_sum([3, 4]), printed_sum([3, -1]), printed_sum([1.5])
    ((7, True), (7, False), None, None)
    """
    total, blank = 0, False
    for value in values:
        if value is None:
            blank = True
        elif not isinstance(value, int) or isinstance(value, bool) or value < 0:
            return None
        else:
            total += value
    return total, blank


def _side(values: dict, cells: tuple) -> tuple[int, bool] | None:
    """:func:`printed_sum` of ``cells``' values."""
    return printed_sum(values.get(key) for key in cells)


def exceeded_identities(table: str, fmt: str, values: dict) -> list[Broken]:
    """Every identity of ``table`` whose one side is whole and whose other side, missing a cell, sums over its
    printed cells to more than the whole side: no value of its blanks makes the sums equal (session 54: table 四's
    总计 1 beside 7 and 8 and two blank cells, a column read off, went unsaid — a sum with a blank was not checked).
    A ``Broken`` with ``blank`` naming the side with the blanks; identities with both sides whole are
    :func:`broken_identities`'.

    >>> cells = {("review", c): v for c, v in (("total", 1), ("upheld", 7), ("corrected", 8))}
    >>> [(b.identity, b.lhs, b.rhs, b.blank) for b in exceeded_identities("review_litigation", "2021", cells)]
    [('review_litigation_total', 1, 15, 'rhs')]
    >>> exceeded_identities("review_litigation", "2021", {**cells, ("review", "total"): 15})
    []
    """
    out = []
    for identity, zh, checks in _checks(table, fmt):
        for axis, lhs_cells, rhs_cells, cell in checks:
            lhs, rhs = _side(values, lhs_cells), _side(values, rhs_cells)
            if lhs is None or rhs is None or lhs[1] == rhs[1]:
                continue  # (a negative or odd value; both sides whole — broken_identities' —, or both blank)
            (left, left_blank), (right, _) = lhs, rhs
            if (left > right) if left_blank else (right > left):
                out.append(Broken(identity, zh, axis, left, right, cell, "lhs" if left_blank else "rhs"))
    return out
