"""Table 四's columns in the order its header prints them.

The template prints 行政复议 | 行政诉讼（未经复议直接起诉 | 复议后起诉）, five outcomes each (结果维持 结果纠正 其他结果
尚未审结 总计). Layouts print 复议后起诉 before 未经复议直接起诉, 行政诉讼 before 行政复议, or 总计 first in each
group; read by position, every value landed under another proceeding or outcome with no finding. ``header_order``
reads the order from the header's words (``rules/proceeding_labels.csv``, ``rules/outcome_labels.csv``): only lines
above the numbers that hold no digit and no sentence, so a paragraph naming 复议后起诉 is not a header. A header that
names neither the three proceedings nor the five outcomes completely says nothing, and the template's order stands.
"""

from __future__ import annotations

import re

from .catalog import labels, outcome_codes, patterns, proceeding_codes

Order = tuple[int, ...]  # printed position → column in the template's order
_NOT_HEADER = re.compile(r"[0-9０-９，。；;]")
_LITIGATION = re.compile("行政诉讼")


def header_order(header: list[str]) -> Order | None:
    """The template column each printed column is, when the header names another order than the template's;
    None when it names the template's or cannot be read.

    >>> order = header_order(["行政复议 行政诉讼", "结果维持 结果纠正 其他结果 尚未审结 总计 复议后起诉 直接起诉"])
    >>> order[:6], order[5:10] == tuple(range(10, 15))
    ((0, 1, 2, 3, 4, 10), True)
    >>> header_order(["总计 结果维持 结果纠正 其他结果 尚未审结"])[:5]
    (4, 0, 1, 2, 3)
    >>> header_order(["行政复议 行政诉讼", "未经复议直接起诉 复议后起诉"]) is None
    True
    """
    text = "\n".join(line for line in header if not _NOT_HEADER.search(line))
    proceedings = _proceedings(text) or list(proceeding_codes())
    outcomes = _outcomes(text) or list(outcome_codes())
    template_p, template_o = list(proceeding_codes()), list(outcome_codes())
    if proceedings == template_p and outcomes == template_o:
        return None
    group = len(template_o)
    return tuple(template_p.index(p) * group + template_o.index(o) for p in proceedings for o in outcomes)


def order_names(order: Order) -> str:
    """The printed order in words: ``复议后起诉·结果维持、…``, each proceeding once with its outcomes."""
    columns = [(p, o) for p in proceeding_codes() for o in outcome_codes()]
    group = len(outcome_codes())
    parts = []
    for start in range(0, len(order), group):
        proceeding = columns[order[start]][0]
        outcomes = "、".join(labels()["outcomes"][columns[i][1]] for i in order[start:start + group])
        parts.append(f"{labels()['proceedings'][proceeding]}（{outcomes}）")
    return "；".join(parts)


def _proceedings(text: str) -> list[str] | None:
    """The three proceedings in printed order when the header names each: 行政复议 before or after the
    litigation group (行政诉讼 or its first column, whichever is printed first), the two litigation columns by
    where each is first named."""
    first: dict[str, int] = {}
    for code, pattern in patterns("proceeding_labels"):
        found = pattern.search(text)
        if found is None:
            return None
        first[code] = found.start()
    review, *litigation = proceeding_codes()
    litigation.sort(key=first.__getitem__)
    group = min([first[c] for c in litigation] + [m.start() for m in _LITIGATION.finditer(text)][:1])
    return [review, *litigation] if first[review] < group else [*litigation, review]


def _outcomes(text: str) -> list[str] | None:
    """The five outcomes in the order the header first names them, when its first five outcome words are the
    five (each outcome's first alias that matches at a place wins)."""
    alternatives = patterns("outcome_labels")
    combined = re.compile("|".join(f"(?P<{code}>{pattern.pattern})" for code, pattern in alternatives))
    named = [m.lastgroup for m in combined.finditer(text)][:len(alternatives)]
    return named if sorted(named) == sorted(outcome_codes()) else None
