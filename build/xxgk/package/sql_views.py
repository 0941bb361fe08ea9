"""The SQL views of ``xxgk.db``: the official wide shapes (表2, 表3, 表4) and the metric views.

Generated from the code lists (``rules/codes.yaml`` through ``catalog``), the same definitions
that shape the wide CSVs in ``tables.py``: a view and its wide CSV have the same columns and rows
(tested). Nothing here is hand-written per row or column. Pure: ``{view name: SELECT …}``.

>>> quote("自然人"), literal("it's")
('"自然人"', "'it''s'")
>>> sorted(wide_views())
['表2_主动公开', '表3_依申请公开', '表4_复议诉讼']
"""

from __future__ import annotations

from ..catalog import (
    applicant_codes,
    codes,
    item_measures,
    labels,
    measure_label,
    outcome_codes,
    proceeding_codes,
    row_codes,
)
from .metrics import measures_only_in

HEAD = 'r.report_id AS "报告编号", r.agency AS "机构", r.agency_name AS "机构全称", r.year AS "年度"'


def quote(name: str) -> str:
    """An SQL identifier, quoted."""
    return '"' + name.replace('"', '""') + '"'


def literal(text: str) -> str:
    """An SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def _values(rows: list[tuple]) -> str:
    return "VALUES " + ", ".join("(" + ", ".join(literal(v) if isinstance(v, str) else str(v) for v in row) + ")"
                                 for row in rows)


def wide_active_sql() -> str:
    """表2: one row per report and item, up to three (measure label, value) pairs; the edition is 2019
    when any 2019-only measure appears (as in ``tables.wide_active``)."""
    template = [(fmt, pos, item, *(list(ms) + [None] * 3)[:3],
                 *([measure_label(item, m) for m in ms] + [None] * 3)[:3])  # (采购总金额, not 本年收费金额)
                for fmt in ("2021", "2019") for pos, (item, ms) in enumerate(item_measures(fmt).items())]
    template = [tuple("" if v is None else v for v in row) for row in template]
    only_2019 = ", ".join(literal(m) for m in sorted(measures_only_in("2019")))
    slots = ", ".join(
        f'NULLIF(t.l{i}, \'\') AS "指标{i}", '
        f'(SELECT COALESCE(a.value, a.amount) FROM active_disclosure a '  # (a count, or an amount in 万元)
        f'WHERE a.report_id = r.report_id AND a.item = t.item '
        f'AND a.measure = t.m{i}) AS "数值{i}"' for i in (1, 2, 3))
    return (f"WITH template(fmt, pos, item, m1, m2, m3, l1, l2, l3) AS ({_values(template)}),\n"
            f"edition AS (SELECT report_id, CASE WHEN SUM(measure IN ({only_2019})) > 0 THEN '2019' "
            f"ELSE '2021' END AS fmt FROM active_disclosure GROUP BY report_id)\n"
            f'SELECT {HEAD}, e.fmt AS "格式", (SELECT label_zh FROM items WHERE code = t.item) AS "信息内容", {slots}\n'
            f"FROM reports r JOIN edition e ON e.report_id = r.report_id JOIN template t ON t.fmt = e.fmt\n"
            f"ORDER BY r.rowid, t.pos")


def wide_applications_sql() -> str:
    """表3: one row per report and template row of its edition, one column per applicant."""
    template = [(fmt, pos, code) for fmt in ("2021", "2019") for pos, code in enumerate(row_codes(fmt))]
    columns = ", ".join(
        f"(SELECT a.value FROM applications a WHERE a.report_id = r.report_id AND a.row = t.code "
        f"AND a.applicant = {literal(code)}) AS {quote(labels()['applicants'][code])}" for code in applicant_codes())
    return (f"WITH template(fmt, pos, code) AS ({_values(template)})\n"
            f'SELECT {HEAD}, (SELECT label_zh FROM application_rows WHERE code = t.code) AS "行", {columns}\n'
            f"FROM reports r JOIN template t ON t.fmt = COALESCE(r.format, '2021')\n"
            f"WHERE r.report_id IN (SELECT report_id FROM applications)\nORDER BY r.rowid, t.pos")


def wide_review_litigation_sql() -> str:
    """表4: one row per report, the fifteen numbers in template order."""
    columns = ", ".join(
        f"(SELECT v.value FROM review_litigation v WHERE v.report_id = r.report_id AND v.proceeding = {literal(p)} "
        f"AND v.outcome = {literal(o)}) AS {quote(labels()['proceedings'][p] + '·' + labels()['outcomes'][o])}"
        for p in proceeding_codes() for o in outcome_codes())
    return (f"SELECT {HEAD}, {columns}\nFROM reports r\n"
            f"WHERE r.report_id IN (SELECT report_id FROM review_litigation)\nORDER BY r.rowid")


def wide_views() -> dict[str, str]:
    return {"表2_主动公开": wide_active_sql(), "表3_依申请公开": wide_applications_sql(),
            "表4_复议诉讼": wide_review_litigation_sql()}


def outcome_groups_sql() -> str:
    """Applications processed per outcome group: the sum of the ``total`` column over the group's rows,
    missing (NULL) when any of those cells is missing — a missing cell never counts as 0."""
    rows = [(r["code"], r["outcome"]) for r in codes()["rows"] if r.get("outcome")]
    columns = ", ".join(
        f"CASE WHEN COUNT(CASE WHEN g.outcome = {literal(group)} THEN 1 END) > 0 AND "
        f"COUNT(CASE WHEN g.outcome = {literal(group)} AND a.value IS NULL THEN 1 END) = 0 "
        f"THEN SUM(CASE WHEN g.outcome = {literal(group)} THEN a.value END) END AS {quote(label)}"
        for group, label in labels()["outcome_groups"].items())
    return (f"WITH grouping(code, outcome) AS ({_values(rows)})\n"
            f"SELECT {HEAD}, {columns}\nFROM reports r JOIN applications a ON a.report_id = r.report_id "
            f"AND a.applicant = 'total' JOIN grouping g ON g.code = a.row\nGROUP BY r.report_id ORDER BY r.rowid")


METRIC_VALUES = "metric_values"  # the resource holding every metric per report


def metric_views(db) -> dict[str, str]:
    """THE place where metric views are generated, given the database (``sqlite_utils.Database``) whose
    tables are already filled.

    The outcome mix of table 3 (``申请办理结果``), and, when the ``metric_values`` resource (every metric of
    ``rules/metrics.yaml`` per report: primary key ``(report_id, <metric code field>)`` and a ``value``
    field) is in the database, the wide view ``指标宽表``: one row per report, one column per metric code
    found in the data (sorted).
    """
    views = {"申请办理结果": outcome_groups_sql()}
    if METRIC_VALUES in db.table_names():
        pks, columns = db[METRIC_VALUES].pks, db[METRIC_VALUES].columns_dict
        if len(pks) == 2 and pks[0] == "report_id" and "value" in columns:
            key = pks[1]
            found = [row[0] for row in db.execute(f"SELECT DISTINCT {quote(key)} FROM {METRIC_VALUES} ORDER BY 1")]
            views["指标宽表"] = metric_pivot_sql(key, found)
    return views


def metric_pivot_sql(key: str, metric_codes: list[str]) -> str:
    """One row per report, one column per metric code (``metric_values``: report_id, ``key``, value)."""
    columns = ", ".join(f"(SELECT m.value FROM {METRIC_VALUES} m WHERE m.report_id = r.report_id AND m.{quote(key)} = "
                        f"{literal(code)}) AS {quote(code)}" for code in metric_codes)
    return (f"SELECT {HEAD}{', ' if columns else ''}{columns}\nFROM reports r "
            f"WHERE r.report_id IN (SELECT report_id FROM {METRIC_VALUES})\nORDER BY r.rowid")
