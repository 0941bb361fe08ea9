"""Agency renames with their dates (``rules/agency_renames.csv``): newest and oldest name of a chain.

>>> newest("环境保护部"), oldest("生态环境部")
('生态环境部', '环境保护部')
>>> oldest("湟中区人民政府")
'湟中区人民政府'
"""

from __future__ import annotations

from functools import cache

from ..catalog import table
from .names import division_renames


@cache
def _agency_renames() -> tuple[tuple[str, str], ...]:
    """``(old, new)`` whole-name renames (division renames are applied by ``parse_name``)."""
    return tuple((r["old_name"], r["new_name"]) for r in table("agency_renames")
                 if r["old_name"] not in division_renames())


def newest(name: str) -> str:
    seen = {name}
    for _ in range(len(_agency_renames())):
        step = next((new for old, new in _agency_renames() if old == name), None)
        if step is None or step in seen:
            break
        name = step
        seen.add(name)
    return name


def oldest(name: str) -> str:
    """The first name of the chain; where two old names merged into one, the first listed."""
    seen = {name}
    for _ in range(len(_agency_renames())):
        step = next((old for old, new in _agency_renames() if new == name), None)
        if step is None or step in seen:
            break
        name = step
        seen.add(name)
    return name


def former_names(name: str) -> tuple[str, ...]:
    """Every name that the rules rename (directly or not) into ``name``, sorted."""
    out, todo = set(), [name]
    while todo:
        current = todo.pop()
        for old, new in _agency_renames():
            if new == current and old not in out:
                out.add(old)
                todo.append(old)
    return tuple(sorted(out))
