"""Evaluating the declared identities of ``rules/identities.yaml`` on a table's values.

No ``eval``: an identity is two lists of codes whose sums must be equal, checked per column
(over rows) or per row (over columns). A sum with a missing cell is not checked.

>>> vals = {("new", "total"): 11, ("carried_over", "total"): 0,
...         ("total_processed", "total"): 11, ("carried_forward", "total"): 0}
>>> [b.identity for b in broken_identities("applications", "2021", vals)]
[]
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import yaml

from .catalog import RULES, applicant_codes, outcome_codes, outcome_row_codes, proceeding_codes, row_codes


@dataclass(frozen=True)
class Broken:
    identity: str
    zh: str
    where: str  # the column or row the sums were taken along
    lhs: int
    rhs: int
    cell: tuple[str, str]  # the (row, column) of the identity's left-hand side


@cache
def identities() -> tuple[dict, ...]:
    return tuple(yaml.safe_load((RULES / "identities.yaml").read_text(encoding="utf-8")))


def _expand(codes: list[str], fmt: str) -> list[str]:
    out: list[str] = []
    for code in codes:
        out.extend(outcome_row_codes(fmt) if code == "$outcomes" else [code])
    return out


def _axes(table: str, fmt: str) -> tuple[list[str], list[str]]:
    if table == "applications":
        return row_codes(fmt), applicant_codes()
    return proceeding_codes(), outcome_codes()


def _sum(values: dict, keys: list[tuple[str, str]]) -> int | None:
    total = 0
    for key in keys:
        value = values.get(key)
        if not isinstance(value, int):
            return None
        total += value
    return total


def broken_identities(table: str, fmt: str, values: dict) -> list[Broken]:
    """Every identity of ``table`` that the ``{(row, column): value}`` map breaks."""
    rows, columns = _axes(table, fmt)
    out = []
    for rule in identities():
        if rule["table"] != table:
            continue
        lhs_codes, rhs_codes = _expand(rule["lhs"], fmt), _expand(rule["rhs"], fmt)
        along = columns if rule["per"] == "column" else rows
        for axis in along:
            if rule["per"] == "column":
                lhs = _sum(values, [(r, axis) for r in lhs_codes])
                rhs = _sum(values, [(r, axis) for r in rhs_codes])
            else:
                lhs = _sum(values, [(axis, c) for c in lhs_codes])
                rhs = _sum(values, [(axis, c) for c in rhs_codes])
            if lhs is not None and rhs is not None and lhs != rhs:
                cell = (lhs_codes[0], axis) if rule["per"] == "column" else (axis, lhs_codes[0])
                out.append(Broken(rule["id"], rule["zh"], axis, lhs, rhs, cell))
    return out
