"""Small, hand-made reports for tests: a clean 2021-format report in tabs with knobs for the checks."""

from __future__ import annotations

from xxgk.catalog import labels, row_codes


def tab_report(cell: str | None = None, agency: str = "样例县数据局", extra: str = "", narrative: str = "概述。",
               column: int = 0, year: int = 2024, carried_over: int = 0, carried_forward: int = 0,
               in_force: int = 0, issued: int = 0, repealed: int = 0, fee: str = "0", other_matters: str = "无。",
               published: str = "") -> str:
    """A clean 2021-format report in tabs whose identities hold: 5 applications by natural persons,
    all granted, ``carried_over`` in and ``carried_forward`` out. ``cell`` replaces the printed value
    of row 一、本年新收 in column ``column`` (0 = 自然人); ``extra`` appends an eighth cell to that row."""
    new = 5 + carried_forward - carried_over
    printed = {"new": [new, 0, 0, 0, 0, 0, new], "carried_over": [carried_over, 0, 0, 0, 0, 0, carried_over],
               "granted": [5, 0, 0, 0, 0, 0, 5], "total_processed": [5, 0, 0, 0, 0, 0, 5],
               "carried_forward": [carried_forward, 0, 0, 0, 0, 0, carried_forward]}
    rows = []
    for code in row_codes("2021"):
        values = [str(v) for v in printed.get(code, [0] * 7)]
        if code == "new" and cell is not None:
            values[column] = cell
        rows.append("\t".join([labels()["rows"][code]] + values + ([extra] if code == "new" and extra else [])))
    date_line = f"\n{published}\n" if published else ""
    return (f"{agency}{year}年政府信息公开工作年度报告\n一、总体情况\n{narrative}\n二、主动公开政府信息情况\n"
            f"信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n"
            f"行政规范性文件\t{issued}\t{repealed}\t{in_force}\n"
            "信息内容\t本年处理决定数量\n行政许可\t1\n行政处罚\t0\n行政强制\t0\n信息内容\t本年收费金额(单位:万元)\n"
            f"行政事业性收费\t{fee}\n三、收到和处理政府信息公开申请情况\n" + "\n".join(rows) +
            "\n四、政府信息公开行政复议、行政诉讼情况\n" + "\t".join(["0"] * 15) +
            f"\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n{other_matters}\n{date_line}")


def as_pipes(text: str) -> str:
    """``text`` with every tab-separated line printed as a markdown row (``| a | b |``)."""
    return "\n".join("| " + line.replace("\t", " | ") + " |" if "\t" in line else line for line in text.split("\n"))


def _blocks(text: str) -> list[str | list[list[str]]]:
    """Paragraphs (str) and tables (runs of tab-separated lines, as lists of cells) of ``text``."""
    out: list[str | list[list[str]]] = []
    for line in text.split("\n"):
        if "\t" in line:
            if not out or isinstance(out[-1], str):
                out.append([])
            out[-1].append(line.split("\t"))
        elif line.strip():
            out.append(line)
    return out


def as_html(text: str) -> str:
    """``text`` as a web page: tab-separated lines as the rows of ``<table>``s, other lines as ``<p>``s."""
    from html import escape

    body = []
    for block in _blocks(text):
        if isinstance(block, str):
            body.append(f"<p>{escape(block)}</p>")
        else:
            body.append("<table border='1'>" + "".join(
                "<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in block) + "</table>")
    return "<html><body>" + "\n".join(body) + "</body></html>"


def add_docx_table(parent, block: list[list[str]]):
    """A table of ``block``'s rows added to ``parent`` (a python-docx document or table cell), as wide as its widest
    row, a shorter row's last cells empty."""
    table = parent.add_table(rows=len(block), cols=max(len(r) for r in block))
    for row, cells in zip(table.rows, block, strict=True):
        for cell, value in zip(row.cells, cells, strict=False):
            cell.text = value
    return table


def as_docx(text: str) -> bytes:
    """``text`` as a Word file: tab-separated lines as the rows of tables (as wide as their widest row,
    a shorter row's last cells empty), other lines as paragraphs."""
    import io

    import docx

    document = docx.Document()
    for block in _blocks(text):
        if isinstance(block, str):
            document.add_paragraph(block)
        else:
            add_docx_table(document, block)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
