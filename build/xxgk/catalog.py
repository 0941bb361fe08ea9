"""The rule tables in ``rules/``, loaded once.

Every code, label alias, heading variant and finding type is defined in a small CSV or YAML
file that a domain expert can review without reading Python; this module only loads them.

>>> [a["code"] for a in applicants()][:2]
['natural_person', 'commercial']
>>> row_codes("2019")[-3:]
('other', 'total_processed', 'carried_forward')
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib.resources import files

import yaml

RULES = files("xxgk") / "rules"


def rule_yaml(name: str):
    """The parsed YAML rule table ``rules/<name>``, read with libyaml's safe loader where PyYAML was built with it:
    the objects ``yaml.safe_load`` makes (``tests/test_h49slow_code``), in a tenth of its time (the pure-Python
    loader took 0.17 CPU s a process for the seven tables, every command and worker paying it again)."""
    return yaml.load((RULES / name).read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@cache
def codes() -> dict:
    """The parsed ``codes.yaml``: items, measures, applicants, rows, proceedings, outcomes, sections."""
    return rule_yaml("codes.yaml")


@cache
def table(name: str) -> tuple[dict, ...]:
    """The rows of ``rules/<name>.csv`` as dicts (empty cells are empty strings)."""
    with (RULES / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


@cache
def patterns(name: str, key: str = "code") -> tuple[tuple[str, re.Pattern], ...]:
    """``(code, compiled pattern)`` pairs of an alias table, in file order."""
    return tuple((row[key], re.compile(row["pattern"])) for row in table(name))


def applicants() -> list[dict]:
    return codes()["applicants"]


@cache
def applicant_codes() -> tuple[str, ...]:
    return tuple(a["code"] for a in applicants())


def rows() -> list[dict]:
    return codes()["rows"]


@cache
def row_codes(fmt: str) -> tuple[str, ...]:
    """Table-3 row codes of one format edition, in printed order."""
    return tuple(r["code"] for r in rows() if fmt in r["formats"])


@cache
def outcome_row_codes(fmt: str) -> tuple[str, ...]:
    """Rows whose sum is ``total_processed`` (rows 3–23, or 3–20 plus ``other`` in 2019)."""
    return tuple(r["code"] for r in rows() if fmt in r["formats"] and r.get("parent") == "total_processed")


def item_measures(fmt: str) -> dict[str, list[str]]:
    return codes()["item_measures"][fmt]


@cache
def proceeding_codes() -> tuple[str, ...]:
    return tuple(p["code"] for p in codes()["proceedings"])


@cache
def outcome_codes() -> tuple[str, ...]:
    return tuple(o["code"] for o in codes()["outcomes"])


@cache
def labels() -> dict[str, dict[str, str]]:
    """``{list name: {code: Chinese label}}`` for every code list, for display."""
    out = {}
    for name in ("items", "measures", "applicants", "rows", "proceedings", "outcomes", "sections",
                 "outcome_groups", "check_categories"):
        out[name] = {entry["code"]: entry["zh"] for entry in codes()[name]}
    out["findings"] = {row["code"]: row["title_zh"] for row in table("findings")}
    return out


@cache
def measure_label(item: str, measure: str) -> str:
    """A table 二 measure's label for ``item``: the template's own where ``codes.yaml``'s ``measure_labels`` gives
    one (政府集中采购's amount is 采购总金额（万元）, not the fees' 本年收费金额（万元）), else the measure's label.

    >>> measure_label("procurement", "amount_10k_yuan"), measure_label("fees", "amount_10k_yuan")
    ('采购总金额（万元）', '本年收费金额（万元）')
    """
    return own_measure_labels().get((item, measure), labels()["measures"][measure])


@cache
def amount_measures() -> frozenset[str]:
    """Table 二's measures that are amounts of money (``codes.yaml`` unit ``10k_yuan``), not counts: the package
    publishes them in ``active_disclosure.amount`` (a number), every count in ``value`` (an integer).

    >>> sorted(amount_measures())
    ['amount_10k_yuan']
    """
    return frozenset(m["code"] for m in codes()["measures"] if m["unit"] == "10k_yuan")


def cell_value(row: dict):
    """The number of one tidy-table row of the package, whichever column holds it: ``amount`` for a table 二 amount
    (本年收费金额（万元）), ``value`` for every count; None (or the CSV's empty text) when the cell is missing.

    >>> cell_value({"measure": "amount_10k_yuan", "value": None, "amount": "3883.3"}), cell_value({"value": "12"})
    ('3883.3', '12')
    """
    return row.get("amount") if row.get("measure") in amount_measures() else row.get("value")


@cache
def own_measure_labels() -> dict[tuple[str, str], str]:
    """``{(item, measure): label}`` of ``codes.yaml``'s ``measure_labels``: where an item's template prints its own."""
    return {(e["item"], e["measure"]): e["zh"] for e in codes().get("measure_labels", [])}


@cache
def findings_catalogue() -> dict[str, dict]:
    """``{code: {severity, title_zh, message, description_en}}`` from ``rules/findings.csv``."""
    return {row["code"]: row for row in table("findings")}


@cache
def agency_aliases() -> dict[str, str]:
    return {row["alias"]: row["canonical"] for row in table("agency_aliases")}
