"""Facts about the whole site for its footer: the data version and the last-updated date.

The date comes from the data, never from the clock, so the same inputs build the same site: the
newest date written in the data changelog (its newest entry comes first), else the newest publication
date among the reports.
"""

from __future__ import annotations

import re

from .data import Package

DATE = re.compile(r"\b(20\d\d-\d\d-\d\d)\b")


CHANGELOG_SHOWN = 10_000  # characters of the changelog the data page shows (its newest entries come first)


def changelog_text(pkg: Package) -> tuple[str, bool]:
    """``(the package's CHANGELOG.md as text, whether it was cut)``: decoded as a report is (GBK, UTF-16 …: a
    Windows editor's save stopped the build with a UnicodeDecodeError), at most ``CHANGELOG_SHOWN`` characters cut
    at a line's end (a 900 KB changelog of one line kept MkDocs' search segmenting it for minutes); empty when the
    package has none."""
    from ..readers import decode

    path = pkg.root / "CHANGELOG.md"
    if not path.is_file() or path.is_symlink():  # (the package's own file, written by the build)
        return "", False
    text = (decode(path.read_bytes())[0] or "").lstrip("\ufeff")
    if len(text) <= CHANGELOG_SHOWN:
        return text, False
    cut = text.rfind("\n", 0, CHANGELOG_SHOWN)
    return text[:cut if cut > 0 else CHANGELOG_SHOWN], True


def data_updated(pkg: Package) -> str:
    found = DATE.search(changelog_text(pkg)[0])
    if found:
        return found.group(1)
    return max((r["published_date"] for r in pkg.tables["reports"] if r["published_date"]), default="")


def site_meta(pkg: Package) -> dict:
    """``extra`` values for mkdocs (read by ``mkdocs_hooks.on_config``)."""
    return {"xxgk_version": pkg.descriptor.get("version", ""), "xxgk_updated": data_updated(pkg)}


RESOURCE_ZH = {"reports": "报告清单", "active_disclosure": "表2 主动公开", "applications": "表3 依申请公开",
               "review_litigation": "表4 复议诉讼", "sections": "报告正文章节", "findings": "问题清单",
               "items": "代码表：表2信息内容", "measures": "代码表：表2指标", "applicants": "代码表：申请人",
               "application_rows": "代码表：表3行", "proceedings": "代码表：复议诉讼类别",
               "outcomes": "代码表：复议诉讼结果", "section_codes": "代码表：章节", "finding_codes": "代码表：问题代码",
               "check_categories": "代码表：检查类别", "agencies": "机构清单", "metrics": "指标定义",
               "metric_values": "指标数值", "identities": "代码表：勾稽关系",
               "missing_reasons": "代码表：缺失原因"}


EXCEL_OPENS = "Excel 双击打开"  # whom a wide table serves, as its plain CSV


def download_files(descriptor: dict) -> list[tuple[str, str, str]]:
    """``(path in the package, Chinese label, whom it serves)`` for every file on the download page. The workbook's
    line names the tables it lacks (``schema.WORKBOOK_RESOURCES``): it said 全部表格 and 一个文件包含所有表, and an
    Excel user found no agencies, metric values or sections in it."""
    from ..package.schema import WORKBOOK_RESOURCES

    elsewhere = [RESOURCE_ZH.get(r["name"], r["name"]) for r in descriptor["resources"]
                 if r["name"] not in WORKBOOK_RESOURCES and not RESOURCE_ZH.get(r["name"], "").startswith("代码表")]
    out = [("xxgk.xlsx", "Excel 工作簿（报告清单、表2至表4宽表、问题清单及字段说明）",
            "Excel、WPS 用户：这几张表在一个文件里；" + "、".join(elsewhere) + "和代码表不在其中，请下载下面的 CSV"),
           ("wide/表2_主动公开.csv", "表2 主动公开（宽表）",
            EXCEL_OPENS + "：每份报告的每类信息内容一行，列与年报模板一致"),
           ("wide/表3_依申请公开.csv", "表3 依申请公开（宽表）",
            EXCEL_OPENS + "：每份报告的每个办理项一行，申请人各列与年报模板一致"),
           ("wide/表4_复议诉讼.csv", "表4 复议诉讼（宽表）", EXCEL_OPENS + "：每份报告一行"),
           ("xxgk-datapackage.zip", "整个数据包（zip）", "存档与复现：全部 CSV、datapackage.json 和更新记录"),
           ("datapackage.json", "数据包描述 datapackage.json", "frictionless 和程序：字段类型、主键、外键")]
    for r in descriptor["resources"]:
        name = r["name"]
        out.append((r["path"], f"{RESOURCE_ZH.get(name, name)}（{name}.csv）", _whom(r)))
    return out


def whom_as_published(whom: str, published_path: str) -> str:
    """Whom a file serves as the site publishes it: a wide table published gzip-compressed (``downloads.py``, above
    1 MiB) is no file Excel opens with a double click, so its reader is told to unpack it first or to take the
    workbook, which holds the table (session 43: the data page said Excel 双击打开 of 表3_依申请公开.csv.gz).

    >>> whom_as_published(EXCEL_OPENS + "：每份报告一行", "wide/表4_复议诉讼.csv.gz")
    '先解压（7-Zip、WinRAR）再用 Excel 打开，或用上面的 Excel 工作簿（含此表）：每份报告一行'
    >>> whom_as_published(EXCEL_OPENS + "：每份报告一行", "wide/表4_复议诉讼.csv")
    'Excel 双击打开：每份报告一行'
    """
    if published_path.endswith(".gz") and whom.startswith(EXCEL_OPENS):
        return "先解压（7-Zip、WinRAR）再用 Excel 打开，或用上面的 Excel 工作簿（含此表）" + whom[len(EXCEL_OPENS):]
    return whom


def _whom(resource: dict) -> str:
    """Whom a CSV serves, from what its schema holds: only a table with a ``line`` column traces each row to
    its source line (``reports``, ``agencies``, ``metrics`` and ``metric_values`` do not)."""
    if RESOURCE_ZH.get(resource["name"], "").startswith("代码表"):
        return "代码与中文名称对照"
    fields = {f["name"] for f in resource.get("schema", {}).get("fields", [])}
    if {"value", "line"} <= fields:
        return "pandas、R、数据库（整洁表：每个数值一行，带行号可追溯）"
    return "pandas、R、数据库（带原文行号）" if "line" in fields else "pandas、R、数据库"


def query_whom(entry: dict, resources: list[dict], indexed: bool = True) -> str:
    """Whom a query file of the package serves (``x_xxgk_query_files``: the database, Datasette's metadata, a
    resource as Parquet), each with the tool that opens it and what it holds (session 44: every row said
    SQL 查询、全文检索、pandas / R / DuckDB, of a code list's Parquet and of a metadata file that holds no data).
    ``indexed``: whether the database as published keeps its full-text index (the site's copy has none).

    >>> query_whom({"format": "json"}, [])
    'Datasette 用户：放在 xxgk.db 旁边，给表和字段加上中文标题、说明、单位和许可；本身不含数据'
    >>> query_whom({"format": "parquet", "resource": "outcomes"}, [{"name": "outcomes"}])
    'pandas、R（arrow）、DuckDB：代码与中文名称对照，列类型已定'
    """
    kind = entry.get("format")
    if kind == "sqlite":
        searched = "和检索叙述章节" if indexed else "（检索叙述章节先运行下一行的脚本）"
        return (f"会写 SQL 的人：所有表在一个文件里，可以连表查询；Datasette 在浏览器中浏览{searched}，"
                "sqlite3、DuckDB 也能打开")
    if kind == "json":
        return "Datasette 用户：放在 xxgk.db 旁边，给表和字段加上中文标题、说明、单位和许可；本身不含数据"
    if kind == "parquet":
        resource = next((r for r in resources if r.get("name") == entry.get("resource")), {})
        if RESOURCE_ZH.get(resource.get("name", ""), "").startswith("代码表"):
            return "pandas、R（arrow）、DuckDB：代码与中文名称对照，列类型已定"
        fields = {f["name"] for f in resource.get("schema", {}).get("fields", [])}
        traced = ("，每个数值一行，带行号可追溯" if {"value", "line"} <= fields
                  else "，带原文行号" if "line" in fields else "")
        return "pandas、R（arrow）、DuckDB：列类型已定（整数、日期），不用像 CSV 那样指定，缺失为空" + traced
    return "程序读取"


SCRIPT_WHOM = ("要在 xxgk.db 中检索叙述章节的人：用 sqlite3 运行一次（SQLite 3.34 或更新）；"
               "在本站查找原文用页眉的搜索，不需要它")


def changelog_html(pkg: Package) -> str:
    """The data changelog (``CHANGELOG.md`` of the package) as escaped HTML: headings, list items, paragraphs."""
    from .render import esc

    changelog, cut = changelog_text(pkg)
    if not changelog.strip():
        return "<p>暂无更新记录。</p>"
    out, items, previous = [], [], ""
    for line in changelog.splitlines():
        text = line.strip()
        if items and not text.startswith("- ") and not (line.startswith("  ") and text):
            out.append("<ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>")
            items = []
        if text.startswith("# "):
            previous = ""
            continue  # the file's own title
        if text.startswith("#"):
            out.append(f"<p><b>{esc(text.lstrip('#').strip())}</b></p>")
        elif text.startswith("- "):
            items.append(text[2:])
        elif line.startswith("  ") and text and items:
            items[-1] += text
        elif text and out and out[-1].startswith("<p>") and not out[-1].startswith("<p><b>") and previous:
            gap = " " if previous[-1:].isascii() and text[:1].isascii() else ""
            out[-1] = out[-1][:-4] + f"{gap}{esc(text)}</p>"  # a paragraph wrapped over lines
        elif text:
            out.append(f"<p>{esc(text)}</p>")
        previous = text
    if items:
        out.append("<ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>")
    if cut:
        out.append(f"<p>（更新记录较长，这里只显示前 {CHANGELOG_SHOWN} 个字符；全文见数据包中的 CHANGELOG.md。）</p>")
    return "\n".join(out)
