"""Agency renames with their dates: newest and oldest name of a chain.

Whole names (``rules/agency_renames.csv``: 环境保护部 → 生态环境部) and, for a rename made everywhere
at once in a 机构改革, the body of a name at the tiers it applied to (``rules/agency_body_renames.csv``:
any province's 环境保护厅 → 生态环境厅). The id of an agency follows the oldest name of its chain.

>>> newest("环境保护部"), oldest("生态环境部")
('生态环境部', '环境保护部')
>>> oldest("湟中区人民政府")
'湟中区人民政府'
>>> newest("江苏省环境保护厅", "province"), oldest("江苏省生态环境厅", "province")
('江苏省生态环境厅', '江苏省环境保护厅')
>>> newest("某县环境保护局", "county")  # a county bureau was not renamed so (it became a 分局)
'某县环境保护局'
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


@cache
def _body_renames() -> tuple[tuple[str, str, frozenset[str]], ...]:
    """``(old body, new body, tiers)`` renames of a body at every agency of those tiers."""
    return tuple((r["old_body"], r["new_body"], frozenset(r["tiers"].split("|")))
                 for r in table("agency_body_renames"))


def _body_step(name: str, tier: str | None, forward: bool) -> str | None:
    for old, new, tiers in _body_renames():
        before, after = (old, new) if forward else (new, old)
        if tier in tiers and name.endswith(before) and len(name) >= len(before):
            return name[:len(name) - len(before)] + after
    return None


def _walk(name: str, tier: str | None, forward: bool) -> str:
    """Follow the rename chain from ``name`` to its newest (``forward``) or oldest name; a cycle stops it."""
    seen = {name}
    for _ in range(len(_agency_renames()) + len(_body_renames())):
        step = next((b if forward else a for a, b in _agency_renames() if (a if forward else b) == name), None) \
            or _body_step(name, tier, forward)
        if step is None or step in seen:
            break
        name = step
        seen.add(name)
    return name


def newest(name: str, tier: str | None = None) -> str:
    """The last name of the chain."""
    return _walk(name, tier, True)


def oldest(name: str, tier: str | None = None) -> str:
    """The first name of the chain; where two old names merged into one, the first listed."""
    return _walk(name, tier, False)


def former_names(name: str, tier: str | None = None) -> tuple[str, ...]:
    """Every name that the rules rename (directly or not) into ``name``, sorted."""
    out, todo = set(), [name]
    while todo:
        current = todo.pop()
        olds = [old for old, new in _agency_renames() if new == current] + [
            b for b in [_body_step(current, tier, False)] if b]
        for old in olds:
            if old not in out:
                out.add(old)
                todo.append(old)
    return tuple(sorted(out))
