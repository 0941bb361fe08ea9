"""The report page's "download this report's tables" button: a CSV the browser builds from the page's own tables.

No CSV file per report is published (at 100,000 reports they were ≈ 2.3 GB of the site); the package is the
full download. The page marks the tables the CSV is made of with :func:`csv_attr` and carries a hidden
button (:func:`csv_button`); ``assets/xxgk.js`` (``reportCsv``) shows it and, on a click, writes one line per
value cell of the marked tables: ``table, table_zh, key1_zh, key2_zh, value, line, identity, report_id,
source_file`` (:data:`HEADER`: one
header row, each column as its Chinese title with the code in full-width brackets, ``表名（table_zh）``, so a
spreadsheet user reads Chinese and a script still finds the code) — the table's code and Chinese name, the row
label (prefixed with its template group, such as ``（三）不予公开``, the way the package's code list labels it),
the column label (the header's last row), the value exactly as the page
shows it (missing, shown as —, stays empty), the source line the page links the value or its row to, and why the
value breaks an identity of the template where the page marks it ≠ (empty elsewhere: the mark's reason, not the mark),
and the report's id and source file on every line (``report_id, source_file``: the line number alone named no file,
and a reader who put several reports' CSVs in one sheet lost which report each line came from; audit 32).
UTF-8 with a BOM (Excel on Chinese Windows), named ``<agency><year>年度-<report_id>.csv`` (the page's heading, then
the id); every cell through the same formula-injection guard as ``safe.sheet_cell`` (a text a spreadsheet would run
as a formula gets a ``'``).
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
# the CSV's columns (code, Chinese title); its header row is ``title（code）`` (``assets/xxgk.js`` REPORT_CSV_HEADER)
HEADER = (("table", "表"), ("table_zh", "表名"), ("key1_zh", "行"), ("key2_zh", "列"), ("value", "数值"),
          ("line", "原文行号"), ("identity", "勾稽关系"), ("report_id", "报告编号"), ("source_file", "源文件"))
GROUP_ATTR = " data-g"  # a row-group header whose text prefixes its first row's label (（三）不予公开 1.…)


def csv_attr(table: str) -> str:
    """The attribute that marks a report table for the browser-built CSV."""
    zh, layout = REPORT_CSV_TABLES[table]
    return f' data-csv="{esc(table)}|{esc(zh)}|{layout}"'


def csv_button(report_id: str, source_file: str = "") -> str:
    """The hidden button ``assets/xxgk.js`` shows (it downloads ``<the page heading>-<report_id>.csv``); it carries
    the report's id and source file (the package's ``reports.source_file``), written on each line of the CSV.

    >>> csv_button("r1", '"=x".txt').split(" hidden")[0][-54:]
    'data-xxgk-csv="r1" data-xxgk-file="&quot;=x&quot;.txt"'
    """
    return (f'<button type="button" class="md-button xxgk-small-button" data-xxgk-csv="{esc(report_id)}" '
            f'data-xxgk-file="{esc(source_file)}" hidden>下载本报告的表格（CSV）</button>')


def csv_help() -> str:
    """The data page's paragraphs on the report pages' CSV (its columns and how a script gets the codes back) and
    on the agency pages' (xxgk.js agencyCsv: what it holds; audit 30)."""
    header = ",".join(f"{zh}（{code}）" for code, zh in HEADER)
    return ('<p id="report-csv">每个报告页都有“下载本报告的表格（CSV）”按钮：浏览器按页面上的表2至表4生成 CSV，'
            "每个数值一行（UTF-8 带 BOM，缺失留空，不是0；以 <code>= + - @</code> 开头的文字前加 <code>'</code>）；"
            "页面上标有 ≠ 的数，“勾稽关系”一列写明它与哪条勾稽关系不符。"
            "每行都带报告编号和源文件名（原文行号是这个文件的行号），"
            "几份报告的 CSV 合在一张表里也知道每个数出自哪份报告，报告编号可与数据包的报告清单（reports.csv）对应。"
            f"只有一行表头，每列写作“中文名（代码）”：<code>{esc(header)}</code>。"
            "Excel 里直接读中文列名；脚本取括号里的代码，例如 pandas："
            "<code>df.columns = [c.split(\"（\")[-1].rstrip(\"）\") for c in df.columns]</code>。"
            "需要全部报告时请下载上面的数据包。</p>"
            '<p id="agency-csv">每个机构页的“历年报告”下有“下载本机构历年数据（CSV）”按钮：本页各图表的全部数值，'
            "每个数值一行（机构编号、机构、图表、系列、年度、数值、单位、说明、报告页；空白的说明写明原因，"
            "如无报告、无数据、不适用）。</p>")
