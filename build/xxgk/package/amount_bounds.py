"""Amounts of money a publisher of its tier cannot have: null plus ``value_implausible``, never the number.

Table 二's amounts are in 万元 (``amount_10k_yuan``). A report that prints a sum in 元 under the template's 万元 —
or under 2019's 采购总金额, whose header prints no unit at all — publishes a number 10,000 times too large, and
nothing in the text says so: a township's procurement of 1,500 万元 printed ``15000000`` reads 1,500 亿元, and
every sum and chart over the tier is then wrong by that much. The parser cannot tell (it does not know who
published the report); the package stage can: ``rules/amount_bounds.csv`` gives, per item, tier and kind, the
most a publisher could spend or charge in a year, far above any real figure of the tier. A value above it is
published missing (Rule 1: when unsure, null plus a finding), the printed number kept in the finding's
``actual``, with its line.

A publisher of unknown tier gets the widest bound (the ``*`` row: the whole country's), so only what no
agency can have is voided.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from functools import cache

from ..agency.registry import identity_of
from ..catalog import amount_measures, labels, measure_label, table
from ..findings import Finding, make


@cache
def _bounds() -> tuple[dict, ...]:
    return tuple(row | {"most": Decimal(row["most_10k_yuan"])} for row in table("amount_bounds"))


def bound(item: str, tier: str | None, kind: str | None) -> dict | None:
    """The first row of ``rules/amount_bounds.csv`` for ``item`` whose tier and kind match (``*`` matches any,
    an unknown one included); None for an item without bounds.

    >>> bound("procurement", "township", "government")["bound_zh"], bound("procurement", "county", "department")["most"]
    ('30亿元', Decimal('500000'))
    >>> bound("procurement", None, None)["bound_zh"], bound("rules", "county", "government")
    ('5万亿元', None)
    """
    for row in _bounds():
        if row["item"] == item and row["tier"] in ("*", tier) and row["kind"] in ("*", kind):
            return row
    return None


def void_implausible_amounts(report) -> list[Finding]:
    """Void (in place) each table-二 amount of ``report`` above its publisher's bound (``bound``, the publisher as
    resolved: ``registry.identity_of``) and return one ``value_implausible`` finding per voided cell: the printed
    amount as ``actual``, the bound (万元) as ``expected``, the fact's line.

    >>> from xxgk.record import Fact, Record
    >>> from xxgk.agency.resolve import Agency
    >>> class R: pass
    >>> r = R(); r.identity = Agency(name="样例乡人民政府", tier="township", kind="government")
    >>> r.record = Record(facts=[Fact("active", ("procurement", "amount_10k_yuan"), Decimal("15000000"), 40),
    ...                          Fact("active", ("procurement", "projects"), 12, 40)])
    >>> [(f.code, f.actual, f.expected, f.line) for f in void_implausible_amounts(r)]
    [('value_implausible', '15000000', '300000', 40)]
    >>> [f.value for f in r.record.facts]
    [None, 12]
    """
    agency = identity_of(report)
    found: list[Finding] = []
    facts = report.record.facts
    for index, fact in enumerate(facts):
        item, measure = fact.keys
        if fact.table != "active" or measure not in amount_measures() or not isinstance(fact.value, Decimal):
            continue
        row = bound(item, agency.tier, agency.kind)
        if row is None or fact.value <= row["most"]:
            continue
        facts[index] = replace(fact, value=None)
        found.append(make("value_implausible", table="2", row=labels()["items"][item],
                          column=measure_label(item, measure), actual=str(fact.value), expected=row["most_10k_yuan"],
                          line=fact.line, detail=f"{row['whose_zh']}的合理上限{row['bound_zh']}"))
    return found
