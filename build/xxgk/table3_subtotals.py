"""Table 三's group subtotal rows: ``（三）不予公开 | 3 | 0 | 0 | 0 | 0 | 0 | 3`` printed above its sub-rows
1.–8. with their sums, as some 2021 reports print each of （三）–（六）. A subtotal is no row of the template (its
sub-rows are): it is checked against their sums, column by column — quiet when each holds; when one does not, its
finding stays what it was (label_unrecognised; row_other_format for （六）其他处理, which may be 2019's row) — and
it is never published nor placed in a row the table lacks. (Before, a subtotal that holds was label_unrecognised,
and （六）其他处理's row_other_format said a 2019 row was printed in a 2021 table.) The group headings' names are
codes.yaml's ``outcome_groups``, their sub-rows the rows of that ``outcome``.
"""

from __future__ import annotations

import re
from functools import cache

from .catalog import labels, rows
from .text import compact


@cache
def _heading() -> re.Pattern:
    # （三）不予公开, 三、不予公开, 不予公开小计; 予以公开 and 部分公开 are rows of their own, no group
    names = [labels()["outcome_groups"][code] for code in ("denied", "unavailable", "rejected", "other")]
    return re.compile(r"(?:\([三四五六]\)|[三四五六][、.])?(" + "|".join(names) + r")(?:小计|合计)?")


def subtotal_group(label: str) -> str | None:
    """The outcome group whose subtotal a row labelled ``label`` prints (the label is that group's heading and
    nothing more), else ``None``.

    >>> subtotal_group("（三）不予公开"), subtotal_group("（五）不予处理小计")
    ('denied', 'rejected')
    >>> subtotal_group("（三）不予公开1.属于国家秘密") is None
    True
    """
    found = _heading().fullmatch(compact(label or ""))
    if not found:
        return None
    return next(code for code, name in labels()["outcome_groups"].items() if name == found.group(1))


def subtotal_holds(group: str, printed: tuple | None, values: dict[str, tuple | None], fmt: str) -> bool:
    """Whether the subtotal ``printed`` (its cells in the template's column order) equals, in every column, the sum
    of its group's sub-rows read (``values``: row code → cells). A sub-row missing or a cell not read leaves it
    unchecked (``False``): never trusted.

    >>> one, zero = (1,) + (0,) * 5 + (1,), (0,) * 7
    >>> values = {"other_no_correction": one, "other_unpaid_fee": zero, "other_other": one}
    >>> subtotal_holds("other", (2, 0, 0, 0, 0, 0, 2), values, "2021"), subtotal_holds("other", one, values, "2021")
    (True, False)
    """
    children = [r["code"] for r in rows() if r.get("outcome") == group and fmt in r["formats"]]
    cells = [values.get(code) for code in children]
    return bool(printed) and len(children) > 1 and all(c is not None for c in cells) and all(
        p is not None and all(isinstance(c[i], int) for c in cells) and p == sum(c[i] for c in cells)
        for i, p in enumerate(printed))
