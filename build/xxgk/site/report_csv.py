"""The report page's "download this report's tables" button: a CSV the browser builds from the page's own tables.

No CSV file per report is published (at 100,000 reports they were ≈ 2.3 GB of the site); the package is the
full download. The page marks the tables the CSV is made of with :func:`csv_attr` and carries a hidden
button (:func:`csv_button`); ``assets/xxgk.js`` (``reportCsv``) shows it and, on a click, writes one line per
value cell of the marked tables: ``table, table_zh, key1_zh, key2_zh, value, line`` — the table's code and
Chinese name, the row label (prefixed with its template group, such as ``（三）不予公开``, the way the
package's code list labels it), the column label (the header's last row), the value exactly as the page
shows it (missing, shown as —, stays empty) and the source line the page links the value or its row to.
UTF-8 with a BOM (Excel on Chinese Windows), named ``<report_id>.csv``; every cell through the same
formula-injection guard as ``safe.sheet_cell`` (a text a spreadsheet would run as a formula gets a ``'``).
Without JavaScript the button stays hidden.

>>> csv_attr("applications")
' data-csv="applications|表3 依申请公开|grid"'
"""

from __future__ import annotations

from .render import esc

# table code → (Chinese name, layout): "long" = label, label, value columns (table 2); "grid" = rows × columns
REPORT_CSV_TABLES = {"active_disclosure": ("表2 主动公开", "long"),
                     "applications": ("表3 依申请公开", "grid"),
                     "review_litigation": ("表4 复议诉讼", "grid")}
GROUP_ATTR = " data-g"  # a row-group header whose text prefixes its first row's label (（三）不予公开 1.…)


def csv_attr(table: str) -> str:
    """The attribute that marks a report table for the browser-built CSV."""
    zh, layout = REPORT_CSV_TABLES[table]
    return f' data-csv="{esc(table)}|{esc(zh)}|{layout}"'


def csv_button(report_id: str) -> str:
    """The hidden button ``assets/xxgk.js`` shows (it downloads ``<report_id>.csv``)."""
    return (f'<button type="button" class="md-button xxgk-small-button" data-xxgk-csv="{esc(report_id)}" hidden>'
            "下载本报告的表格（CSV）</button>")
