"""The ``metrics`` resource (``rules/metrics.yaml``) and the one evaluator of its formulas.

Every chart, comparison and league table of the site takes its values from :func:`report_values`, which
applies the published formulas to the tidy tables: one definition per measure. A formula is arithmetic
over cells written ``table:key1:key2``; a missing cell makes the value missing (never 0), and so does a
zero denominator or a report whose template edition the measure does not exist in; :func:`report_results` says which
(``metric_values.missing``, codes list ``missing_reasons``), decided here, where the value is computed, once.

>>> cells = {("applications", "new", "total"): 81.0, ("applications", "total_processed", "total"): 80.0,
...          ("applications", "granted", "total"): 20.0}
>>> evaluate("100 * applications:granted:total / applications:total_processed:total", cells)
25.0
>>> evaluate("applications:new:total + applications:carried_over:total", cells) is None
True
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

from ..catalog import cell_value, item_measures, labels, rule_yaml
from ..catalog import table as rule_table
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
    spec = rule_yaml("metrics.yaml")
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


ZERO = ("zero",)  # why a value is missing: its denominator is 0 (``_explained``)


def _explained(node, cells) -> tuple:
    """``(value, None)``, or ``(None, why)``: ``("cell", (table, key1, key2))`` naming the first missing cell in the
    formula's order (left to right), or ``ZERO`` for a division by 0 whose operands are all there."""
    if node[0] == "ref":
        value = cells.get(node[1:])
        return (value, None) if value is not None else (None, ("cell", node[1:]))
    if node[0] == "num":
        return node[1], None
    a, why = _explained(node[1], cells)
    if a is None:
        return None, why
    b, why = _explained(node[2], cells)
    if b is None:
        return None, why
    if node[0] == "/":
        return (None, ZERO) if b == 0 else (a / b, None)
    return (a + b if node[0] == "+" else a - b if node[0] == "-" else a * b), None


def evaluate(formula: str, cells: dict[tuple[str, str, str], float | None]) -> float | None:
    """The value of ``formula`` over ``{(table, key1, key2): value}``; None when any needed cell is missing."""
    return _explained(_parse(formula), cells)[0]


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
    the rules' order), computed by :func:`report_results`; a missing value is a row with an empty value and its
    reason in ``missing`` (codes list ``missing_reasons``), empty where the value is there.

    >>> tables = {"reports": [{"report_id": "r1", "format": "2021", "status": "parsed"}], "applications": [
    ...     {"report_id": "r1", "row": "new", "applicant": "total", "value": 81}]}
    >>> rows = metric_value_rows(tables)
    >>> next(r for r in rows if r["metric"] == "received")
    {'report_id': 'r1', 'metric': 'received', 'value': 81, 'missing': None}
    >>> next(r for r in rows if r["metric"] == "processed")["missing"]
    'cell_not_printed'
    """
    results = report_results(tables, metric_rows())
    return [{"report_id": r["report_id"], "metric": code, "value": value, "missing": why}
            for r in tables["reports"] for code, (value, why) in results[r["report_id"]].items()]


def report_values(tables: dict[str, list[dict]], metrics: list[dict] | tuple[dict, ...]) -> dict[str, dict]:
    """``{report_id: {metric code: value}}`` for every report of the package's ``tables`` (rows as read
    from the CSVs: values are strings or None). Counts come back as int, shares rounded to 0.1."""
    return {rid: {code: value for code, (value, _) in mine.items()}
            for rid, mine in report_results(tables, metrics).items()}


TABLE_NUMBERS = {"active_disclosure": "2", "applications": "3", "review_litigation": "4"}  # findings.table
# the findings that say a whole table's cells are missing, and the reason they give (rules/codes.yaml)
TABLE_REASONS = {"table_not_printed": "table_not_printed", "table_absent": "table_not_read"}


def report_results(tables: dict[str, list[dict]], metrics: list[dict] | tuple[dict, ...]) -> dict[str, dict]:
    """``{report_id: {metric code: (value, missing)}}``: each metric's value, or None and the reason it is missing
    (``missing_reasons``): ``not_read`` for a report whose file was not read (status failed); ``not_in_edition``
    where the report's template edition lacks the measure; ``identity_broken`` where the identity it ``holds`` is
    broken; ``zero_denominator`` for a share of 0; else the first missing cell's: ``table_not_printed`` or
    ``table_not_read`` when a finding says its table is (findings of ``tables``), ``cell_not_printed`` or
    ``cell_not_read`` when a finding names the cell (``cell_reason``, ``finding_cells``), else ``cell_not_printed`` in
    a report read in full (status parsed: each value as printed), ``cell_missing`` in one read in part (blank as
    printed or not read: not known)."""
    cells: dict[str, dict] = {}
    for table, (a, b) in TABLE_KEYS.items():
        for row in tables.get(table, []):
            value = cell_value(row)  # (table 二's amounts are in ``amount``)
            cells.setdefault(row["report_id"], {})[(table, row[a], row[b])] = (
                None if value in (None, "") else float(value))
    whole: dict[str, dict] = {}  # {report_id: {table number or (table, key1, key2): reason}}
    for f in tables.get("findings", []):
        if f["code"] in TABLE_REASONS and f.get("table"):
            whole.setdefault(f["report_id"], {}).setdefault(str(f["table"]), TABLE_REASONS[f["code"]])
        elif (reason := cell_reason(f["code"])) and f.get("row"):
            for key in finding_cells(f):
                whole.setdefault(f["report_id"], {}).setdefault(key, reason)
    out = {}
    for report in tables["reports"]:
        rid, mine, fmt = report["report_id"], cells.get(report["report_id"]), report.get("format")
        context = (report.get("status") or "", tuple(sorted(whole.get(rid, {}).items(), key=repr)))
        if not mine and metrics is metric_rows():
            out[rid] = dict(_without_cells(fmt, context))
        else:
            out[rid] = _values(metrics, mine or {}, fmt, context)
    return out


@cache
def cell_reason(code: str) -> str | None:
    """The reason a finding of ``code`` gives the cells it names: ``cell_not_printed`` for ``value_blank`` (printed
    blank, /, - or 无), ``cell_not_read`` for a limit of this site's reading (``finding_codes.responsibility``
    reading: a row's cells lost, a row not found, a cell unreadable …); None for any other (a finding that names a
    cell without saying it is missing: an identity, a value read).

    >>> cell_reason("value_blank"), cell_reason("row_lost_cells"), cell_reason("identity_broken")
    ('cell_not_printed', 'cell_not_read', None)
    """
    if code == "value_blank":
        return "cell_not_printed"
    row = next((r for r in rule_table("findings") if r["code"] == code), None)
    return "cell_not_read" if row and row["responsibility"] == "reading" and row["severity"] != "info" else None


@cache
def _label_codes() -> dict[str, tuple[dict[str, str], dict[str, str]]]:
    """``{table number: ({row label: code}, {column label: code})}``: the template's labels a finding names its row
    and column by (``labels()``), back to the tidy tables' keys."""
    names = labels()

    def inverse(name: str) -> dict[str, str]:
        return {label: code for code, label in names[name].items()}
    return {"2": (inverse("items"), inverse("measures")), "3": (inverse("rows"), inverse("applicants")),
            "4": (inverse("proceedings"), inverse("outcomes"))}


def finding_cells(f: dict) -> list[tuple[str, str, str]]:
    """The cells ``(table, key1, key2)`` a finding names: its ``row`` (a template's label) and its ``column`` (labels
    joined with 、; none: the whole row); none when a label is not the template's (never a guess).

    >>> finding_cells({"table": "3", "row": "2.重复申请", "column": None})[-1]
    ('applications', 'rejected_duplicate', 'total')
    >>> finding_cells({"table": "3", "row": "一、本年新收政府信息公开申请数量", "column": "自然人、总计"})
    [('applications', 'new', 'natural_person'), ('applications', 'new', 'total')]
    >>> finding_cells({"table": "3", "row": "重复申请", "column": None})
    []
    """
    number = str(f.get("table") or "")
    if number not in _label_codes():
        return []
    rows, columns = _label_codes()[number]
    table_name = next(t for t, n in TABLE_NUMBERS.items() if n == number)
    row = rows.get(f.get("row") or "")
    if row is None:
        return []
    if not f.get("column"):
        return [(table_name, row, column) for column in columns.values()]
    wanted = [columns.get(c) for c in str(f["column"]).split("、")]
    return [] if None in wanted else [(table_name, row, column) for column in wanted]


@cache
def _without_cells(fmt: str | None, context: tuple) -> tuple[tuple[str, tuple], ...]:
    """The metrics of a report without a cell (a failed file: an empty one, one over budget), its format and
    ``context`` alone deciding them: worked out once a process and format (each of 8,000 empty files evaluated every
    metric and its identities, 3.5 ms each)."""
    return tuple(_values(metric_rows(), {}, fmt, context).items())


def _values(metrics: list[dict] | tuple[dict, ...], mine: dict, fmt: str | None, context: tuple) -> dict:
    """``{metric code: (value, missing)}`` of one report's ``cells`` (``report_results``); ``context``: the report's
    ``(status, ((table number, reason), …))``."""
    status, whole = context[0], dict(context[1])
    if status == "failed":
        return {m["code"]: (None, "not_read") for m in metrics}
    measures = {measure for (table, _, measure) in mine if table == "active_disclosure"}  # (once a report)
    values, broken = {}, {}  # broken: the identities a table of this report breaks, per edition (``_broken_under``)
    for m in metrics:
        edition = table_edition(m["formula"], measures, fmt)
        formula = formula_for(m, edition)
        if formula is None:
            values[m["code"]] = (None, "not_in_edition")
        elif m.get("holds") and _broken_under(m["holds"], formula, mine, edition, broken):
            values[m["code"]] = (None, "identity_broken")
        else:
            value, why = _explained(_parse(formula), mine)
            if why is None:
                values[m["code"]] = (_rounded(value, m["unit"]), None)
            elif why is ZERO:
                values[m["code"]] = (None, "zero_denominator")
            else:  # the first missing cell's table, else the cell itself, as the findings say; else the status
                values[m["code"]] = (None, whole.get(TABLE_NUMBERS[why[1][0]]) or whole.get(why[1])
                                     or ("cell_not_printed" if status == "parsed" else "cell_missing"))
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
