"""The ``metrics`` resource (``rules/metrics.yaml``) and the one evaluator of its formulas.

Every chart, comparison and league table of the site takes its values from :func:`report_values`, which
applies the published formulas to the tidy tables: one definition per measure. A formula is arithmetic
over cells written ``table:key1:key2``; a missing cell makes the value missing (never 0), and so does a
zero denominator or a report whose template edition the measure does not exist in.

>>> cells = {("applications", "new", "total"): 81.0, ("applications", "total_processed", "total"): 80.0,
...          ("applications", "granted", "total"): 20.0}
>>> evaluate("100 * applications:granted:total / applications:total_processed:total", cells)
25.0
>>> evaluate("applications:new:total + applications:carried_over:total", cells) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

import yaml

from ..catalog import RULES, cell_value, item_measures
from ..identities import broken_identities, identities

FIELDS = ("code", "label_zh", "unit", "group", "formula", "formula_2019", "editions", "comparable", "holds",
          "description_en")
TABLE_KEYS = {"applications": ("row", "applicant"), "review_litigation": ("proceeding", "outcome"),
              "active_disclosure": ("item", "measure")}
_TOKEN_REF = re.compile(r"[a-z_]+:[a-z0-9_]+:[a-z0-9_]+")
_TOKEN = re.compile(r"\s*(?:(?P<ref>[a-z_]+:[a-z0-9_]+:[a-z0-9_]+)|(?P<num>\d+(?:\.\d+)?)|(?P<op>[-+*/()]))")


@cache
def metric_rows() -> tuple[dict, ...]:
    """The rows of the ``metrics`` resource, in the rules file's order."""
    spec = yaml.safe_load((RULES / "metrics.yaml").read_text(encoding="utf-8"))
    return tuple({k: m.get(k, "") if k != "comparable" else ("true" if m.get("comparable", True) else "false")
                  for k in FIELDS} for m in spec["metrics"])


@cache
def _parse(formula: str) -> tuple:
    """Tokens of ``formula`` as an AST of nested tuples: ("ref", table, k1, k2), ("num", x), (op, a, b)."""
    tokens, pos = [], 0
    while pos < len(formula.rstrip()):
        m = _TOKEN.match(formula, pos)
        if not m:
            raise ValueError(f"bad formula at {pos}: {formula!r}")
        tokens.append(next((k, v) for k, v in m.groupdict().items() if v is not None))
        pos = m.end()
    ast, rest = _sum(tokens)
    if rest:
        raise ValueError(f"unexpected {rest[0][1]!r} in {formula!r}")
    return ast


def _sum(tokens):
    left, tokens = _product(tokens)
    while tokens and tokens[0] in (("op", "+"), ("op", "-")):
        op, (right, tokens) = tokens[0][1], _product(tokens[1:])
        left = (op, left, right)
    return left, tokens


def _product(tokens):
    left, tokens = _atom(tokens)
    while tokens and tokens[0] in (("op", "*"), ("op", "/")):
        op, (right, tokens) = tokens[0][1], _atom(tokens[1:])
        left = (op, left, right)
    return left, tokens


def _atom(tokens):
    kind, value = tokens[0]
    if (kind, value) == ("op", "("):
        inner, rest = _sum(tokens[1:])
        if not rest or rest[0] != ("op", ")"):
            raise ValueError("unbalanced parentheses")
        return inner, rest[1:]
    if kind == "ref":
        table, a, b = value.split(":")
        if table not in TABLE_KEYS:
            raise ValueError(f"unknown table {table}")
        return ("ref", table, a, b), tokens[1:]
    if kind == "num":
        return ("num", float(value)), tokens[1:]
    raise ValueError(f"unexpected {value!r}")


def _eval(node, cells):
    if node[0] == "ref":
        return cells.get(node[1:])
    if node[0] == "num":
        return node[1]
    a, b = _eval(node[1], cells), _eval(node[2], cells)
    if a is None or b is None:
        return None
    if node[0] == "/":
        return None if b == 0 else a / b
    return a + b if node[0] == "+" else a - b if node[0] == "-" else a * b


def evaluate(formula: str, cells: dict[tuple[str, str, str], float | None]) -> float | None:
    """The value of ``formula`` over ``{(table, key1, key2): value}``; None when any needed cell is missing."""
    return _eval(_parse(formula), cells)


def formula_for(metric: dict, edition: str | None) -> str | None:
    """The formula that applies to a report of ``edition`` (2021 when unknown); None when the measure does
    not exist in that edition."""
    edition = edition or "2021"
    if edition not in str(metric["editions"]).split():
        return None
    return (metric.get("formula_2019") or metric["formula"]) if edition == "2019" else metric["formula"]


def round_half_up(value: float, places: int) -> float:
    """``value`` to ``places`` decimals, a half away from zero, as printed (its shortest decimal that reads back as
    the same float): what Excel's ROUND, SQLite's round and 四舍五入 give. Python's ``round`` rounds the
    binary double half to even, so a share of exactly 6.25 % (1 of 16) was published 6.2 and 1.15 % (23 of 2,000,
    the double 1.1499…) 1.1, where a reader recomputing ``metrics.csv``'s formula finds 6.3 and 1.2.

    >>> round_half_up(100 * 1 / 16, 1), round_half_up(100 * 23 / 2000, 1), round_half_up(100 * 15 / 16, 1)
    (6.3, 1.2, 93.8)
    >>> round_half_up(100 / 3, 1), round_half_up(2.675, 2), round_half_up(-6.25, 1)
    (33.3, 2.68, -6.3)
    """
    return float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


@cache
def measures_only_in(edition: str) -> frozenset[str]:
    """Table 2's measures that only the template ``edition`` has (2019: 本年新制作数量 …; 2021: 本年制发件数 …)."""
    other = "2021" if edition == "2019" else "2019"
    return frozenset({m for ms in item_measures(edition).values() for m in ms}
                     - {m for ms in item_measures(other).values() for m in ms})


@cache
def _tables_read(formula: str) -> frozenset[str]:
    return frozenset(ref.split(":")[0] for ref in _TOKEN_REF.findall(formula))


def reads_table_2_only(formula: str) -> bool:
    """Whether ``formula`` reads table 2 (``active_disclosure``) alone: its template edition is table 2's own."""
    return _tables_read(formula) == {"active_disclosure"}


def table2_edition(measures: set[str]) -> str | None:
    """Table 2's template edition told by the ``measures`` its cells hold (one only a template has); None when
    they tell nothing (no table 2 read). ``wide/表2``'s 格式 is the same (``tables.wide_active``).

    >>> table2_edition({"issued", "decisions"}), table2_edition({"made", "decisions"}), table2_edition({"decisions"})
    ('2021', '2019', None)
    """
    return next((e for e in ("2019", "2021") if not measures.isdisjoint(measures_only_in(e))), None)


def table_edition(formula: str, measures: set[str], edition: str | None) -> str | None:
    """The template edition a metric of ``formula`` is evaluated in for a report whose table 2 holds the
    ``measures`` (its cells' measure codes) and whose ``reports.format`` is ``edition`` (table 3's): a formula
    reading table 2 alone takes table 2's own edition, told by its measures (REPORT_FORMAT.md: the format is
    detected per table). Before, table 3's was used for every metric, and a report of a 2021 table 2 and a 2019
    table 3 published its printed 行政规范性文件 numbers empty (and the site called them 不适用).

    >>> table_edition("active_disclosure:normative_documents:issued", {"issued", "decisions"}, "2019")
    '2021'
    >>> table_edition("applications:new:total", {"issued"}, "2019"), table_edition("active_disclosure:a:b", set(), "")
    ('2019', '')
    """
    if not reads_table_2_only(formula):
        return edition
    return table2_edition(measures) or edition


def _rounded(value: float | None, unit: str) -> float | int | None:
    if value is None:
        return None
    if unit == "%":
        return round_half_up(value, 1)
    return int(value) if float(value).is_integer() else round_half_up(value, 2)


def metric_value_rows(tables: dict[str, list[dict]]) -> list[dict]:
    """The ``metric_values`` resource: every metric of every report (reports in package order, metrics in
    the rules' order), computed by :func:`report_values`; a missing value is a row with an empty value.

    >>> tables = {"reports": [{"report_id": "r1", "format": "2021"}], "applications": [
    ...     {"report_id": "r1", "row": "new", "applicant": "total", "value": 81}]}
    >>> next(r for r in metric_value_rows(tables) if r["metric"] == "received")
    {'report_id': 'r1', 'metric': 'received', 'value': 81}
    """
    values = report_values(tables, metric_rows())
    return [{"report_id": r["report_id"], "metric": code, "value": value}
            for r in tables["reports"] for code, value in values[r["report_id"]].items()]


def report_values(tables: dict[str, list[dict]], metrics: list[dict] | tuple[dict, ...]) -> dict[str, dict]:
    """``{report_id: {metric code: value}}`` for every report of the package's ``tables`` (rows as read
    from the CSVs: values are strings or None). Counts come back as int, shares rounded to 0.1."""
    cells: dict[str, dict] = {}
    for table, (a, b) in TABLE_KEYS.items():
        for row in tables.get(table, []):
            value = cell_value(row)  # (table 二's amounts are in ``amount``)
            cells.setdefault(row["report_id"], {})[(table, row[a], row[b])] = (
                None if value in (None, "") else float(value))
    out = {}
    for report in tables["reports"]:
        rid, mine, fmt = report["report_id"], cells.get(report["report_id"]), report.get("format")
        if not mine and metrics is metric_rows():
            out[rid] = dict(_without_cells(fmt))
        else:
            out[rid] = _values(metrics, mine or {}, fmt)
    return out


@cache
def _without_cells(fmt: str | None) -> tuple[tuple[str, object], ...]:
    """The metrics of a report without a cell (a failed file: an empty one, one over budget), its format alone
    deciding them: worked out once a process and format (each of 8,000 empty files evaluated every metric and its
    identities, 3.5 ms each)."""
    return tuple(_values(metric_rows(), {}, fmt).items())


def _values(metrics: list[dict] | tuple[dict, ...], mine: dict, fmt: str | None) -> dict:
    """``{metric code: value}`` of one report's ``cells`` (``report_values``)."""
    measures = {measure for (table, _, measure) in mine if table == "active_disclosure"}  # (once a report)
    values, broken = {}, {}  # broken: the identities a table of this report breaks, per edition (``_broken_under``)
    for m in metrics:
        edition = table_edition(m["formula"], measures, fmt)
        formula = formula_for(m, edition)
        if formula is None or (m.get("holds") and _broken_under(m["holds"], formula, mine, edition, broken)):
            values[m["code"]] = None
        else:
            values[m["code"]] = _rounded(evaluate(formula, mine), m["unit"])
    return values


def _broken_under(identity: str, formula: str, cells: dict, edition: str | None, broken: dict | None = None) -> bool:
    """Whether the report's ``cells`` break ``identity`` along a column (or row) whose cells ``formula`` reads: a
    share of 办理总计 whose outcome rows do not add up to it (湟中区 2025: every outcome 0, 总计 11) would be
    published as 0 %, a figure the report never states. ``broken``: ``{(table, edition): the identities the cells
    break}`` of this report, filled here as tables are checked: a report's table is checked once, however many of
    its metrics hold an identity (seven of them held seven checks of every identity of table 三).

    >>> cells = {("applications", r, "total"): v for r, v in [("granted", 0.0), ("total_processed", 11.0)]}
    >>> formula = "100 * applications:granted:total / applications:total_processed:total"
    >>> _broken_under("applications_processed_sum", formula, cells, "2021")
    False
    >>> from xxgk.catalog import outcome_row_codes
    >>> cells.update({("applications", r, "total"): 0.0 for r in outcome_row_codes("2021")})
    >>> _broken_under("applications_processed_sum", formula, cells, "2021")
    True
    """
    table, read = _identity_reads(identity, formula)
    key = (table, edition or "2021")
    found = None if broken is None else broken.get(key)
    if found is None:
        values = {(a, b): int(v) for (t, a, b), v in cells.items() if t == table and v is not None and v.is_integer()}
        found = broken_identities(table, key[1], values)
        if broken is not None:
            broken[key] = found
    return any(b.identity == identity and b.where in read for b in found)


@cache
def _identity_reads(identity: str, formula: str) -> tuple[str, frozenset[str]]:
    """``(the table of identity, the columns or rows of it that formula reads along the identity's sums)``."""
    rule = next((r for r in identities() if r["id"] == identity), None)
    if rule is None:
        raise ValueError(f"rules/metrics.yaml: holds names no identity of rules/identities.yaml: {identity!r}")
    table, along = rule["table"], 2 if rule["per"] == "column" else 1
    return table, frozenset(ref.split(":")[along] for ref in _TOKEN_REF.findall(formula)
                            if ref.startswith(table + ":"))


def _summands(node) -> list[tuple] | None:
    """The cells a sum of cells adds (``a + b + c``), or None when ``node`` is anything else."""
    if node[0] == "ref":
        return [node[1:]]
    if node[0] == "+":
        left, right = _summands(node[1]), _summands(node[2])
        return None if left is None or right is None else left + right
    return None


def share_bases(metrics: list[dict] | tuple[dict, ...]) -> dict[str, tuple[str, ...]]:
    """``{share code: the measures whose sum is its denominator}``, read from the formulas: a value of such a share
    that is missing while those measures are all there and add up to 0 is no missing number but a share of nothing
    (an agency that handled no request has no 予以公开比例), which the pages say apart from 无数据. Only a formula
    ``… / (a sum of cells)`` whose cells the count measures (formulas that are sums of cells) cover exactly, each
    once, has bases.

    >>> bases = share_bases(metric_rows())
    >>> bases["granted_share"], bases["corrected_share"]
    (('processed',), ('review_total', 'litigation_total'))
    >>> "received" in bases
    False
    """
    counts = {m["code"]: _summands(_parse(m["formula"])) for m in metrics}
    out = {}
    for m in metrics:
        node = _parse(m["formula"])
        while node[0] == "*" and node[1][0] == "num":  # 100 * (…) / (…) parses as (100 * …) / …
            node = node[2]
        if node[0] != "/" or (wanted := _summands(node[2])) is None:
            continue
        rest, bases = list(wanted), []
        for code, cells in counts.items():
            if cells and code != m["code"] and all(c in rest for c in cells):
                bases.append(code)
                for c in cells:
                    rest.remove(c)
        if not rest and bases:
            out[m["code"]] = tuple(bases)
    return out


def share_of_nothing(values: Mapping, code: str, bases: dict[str, tuple[str, ...]]) -> bool:
    """Whether ``values[code]`` (one report's ``{metric: value}``) is missing as a share of nothing: its
    denominator's measures (``share_bases``) are all there and add up to 0."""
    if values[code] is not None or code not in bases:
        return False
    base = [values[b] for b in bases[code]]
    return all(v is not None for v in base) and sum(base) == 0
