"""Layouts no other test covers, written here by hand the way agencies' CMS pages and Word templates
print them: HTML with rowspan/colspan in the headers and the row labels, every cell a <p><span>, DOCX
tables with merged cells, thousands separators, full-width digits, missing markers, a table printed
twice (draft and final), two reports in one file, table 四 as three rows, a 2019 row in a 2021 table.
Each case states what a reader of the report sees; the parser publishes exactly that, or the cell as
missing with a finding — never a fabricated, shifted or zero-for-blank value."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest

from xxgk.catalog import applicant_codes, outcome_codes, proceeding_codes, row_codes
from xxgk.parser import parse
from xxgk.readers import read_bytes

# the report as printed (identity-consistent: 8 new + 1 carried over = 7 processed + 2 carried forward)
ROWS = {
    "new": [6, 1, 0, 0, 1, 0, 8],
    "carried_over": [1, 0, 0, 0, 0, 0, 1],
    "granted": [3, 1, 0, 0, 0, 0, 4],
    "partially_granted": [1, 0, 0, 0, 0, 0, 1],
    "unavailable_not_held": [2, 0, 0, 0, 0, 0, 2],
    "total_processed": [6, 1, 0, 0, 0, 0, 7],
    "carried_forward": [1, 0, 0, 0, 1, 0, 2],
}
ZERO = [0] * 7
T4 = [2, 1, 0, 0, 3, 1, 0, 0, 1, 2, 0, 0, 0, 1, 1]
OUTCOMES = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
GROUPS = [  # (group label or None for a row of its own, [(code, item label)])
    (
        None,
        [
            ("granted", "（一）予以公开"),
            ("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        ],
    ),
    (
        "（三）不予公开",
        [
            ("denied_state_secret", "1.属于国家秘密"),
            ("denied_prohibited_by_law", "2.其他法律行政法规禁止公开"),
            ("denied_security_stability", "3.危及“三安全一稳定”"),
            ("denied_third_party", "4.保护第三方合法权益"),
            ("denied_internal_affairs", "5.属于三类内部事务信息"),
            ("denied_process_information", "6.属于四类过程性信息"),
            ("denied_enforcement_file", "7.属于行政执法案卷"),
            ("denied_administrative_query", "8.属于行政查询事项"),
        ],
    ),
    (
        "（四）无法提供",
        [
            ("unavailable_not_held", "1.本机关不掌握相关政府信息"),
            ("unavailable_needs_creation", "2.没有现成信息需要另行制作"),
            ("unavailable_unclear", "3.补正后申请内容仍不明确"),
        ],
    ),
    (
        "（五）不予处理",
        [
            ("rejected_petition", "1.信访举报投诉类申请"),
            ("rejected_duplicate", "2.重复申请"),
            ("rejected_publication", "3.要求提供公开出版物"),
            ("rejected_excessive", "4.无正当理由大量反复申请"),
            ("rejected_confirmation", "5.要求行政机关确认或重新出具已获取信息"),
        ],
    ),
    (
        "（六）其他处理",
        [
            ("other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
            ("other_unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
            ("other_other", "3.其他"),
        ],
    ),
]


def td(text, p=False, **span) -> str:
    attrs = "".join(f' {k}="{v}"' for k, v in span.items())
    body = f"<p style='text-align:center'><span>{text}</span></p>" if p else str(text)
    return f"<td{attrs}>{body}</td>"


def html_table3(rows=None, p=False, cell=str) -> str:
    """Table 三 as CMS pages print it: a three-row header (申请人情况 over 自然人 | 法人或其他组织 over
    five columns | 总计) and 三、本年度办理结果 / （三）不予公开 … spanning their rows."""
    rows = ROWS if rows is None else rows

    def values(code):
        return "".join(td(cell(v), p) for v in rows.get(code, ZERO))

    out = [
        "<table border='1'>",
        "<tr>"
        + td("本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和", p, colspan=3, rowspan=3)
        + td("申请人情况", p, colspan=7)
        + "</tr>",
        "<tr>" + td("自然人", p, rowspan=2) + td("法人或其他组织", p, colspan=5) + td("总计", p, rowspan=2) + "</tr>",
        "<tr>" + "".join(td(x, p) for x in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]) + "</tr>",
        "<tr>" + td("一、本年新收政府信息公开申请数量", p, colspan=3) + values("new") + "</tr>",
        "<tr>" + td("二、上年结转政府信息公开申请数量", p, colspan=3) + values("carried_over") + "</tr>",
    ]
    first = True
    for group, items in GROUPS:
        for i, (code, label) in enumerate(items):
            head = td("三、本年度办理结果", p, rowspan=22) if first else ""
            first = False
            if group is None:
                out.append("<tr>" + head + td(label, p, colspan=2) + values(code) + "</tr>")
            else:
                lead = td(group, p, rowspan=len(items)) if i == 0 else ""
                out.append("<tr>" + head + lead + td(label, p) + values(code) + "</tr>")
    out += [
        "<tr>" + td("（七）总计", p, colspan=2) + values("total_processed") + "</tr>",
        "<tr>" + td("四、结转下年度继续办理", p, colspan=3) + values("carried_forward") + "</tr>",
        "</table>",
    ]
    return "\n".join(out)


def html_table2(p=False, normative=("12", "3", "340"), permit="2293", fee="1.25") -> str:
    """Table 二 with each 第二十条 heading spanning the table and single values spanning three columns."""

    def heading(text):
        return "<tr>" + td(text, p, colspan=4) + "</tr>"

    def single(label, value):
        return "<tr>" + td(label, p) + td(value, p, colspan=3) + "</tr>"

    return "\n".join(
        [
            "<table border='1'>",
            heading("第二十条第（一）项"),
            "<tr>" + "".join(td(x, p) for x in ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]) + "</tr>",
            "<tr>" + "".join(td(x, p) for x in ["规章", "0", "0", "0"]) + "</tr>",
            "<tr>" + "".join(td(x, p) for x in ["行政规范性文件", *normative]) + "</tr>",
            heading("第二十条第（五）项"),
            single("信息内容", "本年处理决定数量"),
            single("行政许可", permit),
            heading("第二十条第（六）项"),
            single("信息内容", "本年处理决定数量"),
            single("行政处罚", "15"),
            single("行政强制", "0"),
            heading("第二十条第（八）项"),
            single("信息内容", "本年收费金额（单位：万元）"),
            single("行政事业性收费", fee),
            "</table>",
        ]
    )


def html_table4(p=False, cell=str, values=T4) -> str:
    """Table 四 with 行政复议 | 行政诉讼 over 未经复议直接起诉 | 复议后起诉 (rowspan and colspan)."""
    return "\n".join(
        [
            "<table border='1'>",
            "<tr>" + td("行政复议", p, colspan=5) + td("行政诉讼", p, colspan=10) + "</tr>",
            "<tr>"
            + "".join(td(x, p, rowspan=2) for x in OUTCOMES)
            + td("未经复议直接起诉", p, colspan=5)
            + td("复议后起诉", p, colspan=5)
            + "</tr>",
            "<tr>" + "".join(td(x, p) for x in OUTCOMES * 2) + "</tr>",
            "<tr>" + "".join(td(cell(v), p) for v in values) + "</tr>",
            "</table>",
        ]
    )


def html_report(t2=None, t3=None, t4=None, agency="某某市自然资源局", p=False) -> str:
    t2 = html_table2(p) if t2 is None else t2
    t3 = html_table3(p=p) if t3 is None else t3
    t4 = html_table4(p) if t4 is None else t4
    return (
        f"<html><head><title>{agency}2024年政府信息公开工作年度报告</title></head><body>"
        f"<div class='article'><h1>{agency}2024年政府信息公开工作年度报告</h1>"
        "<p><strong>一、总体情况</strong></p><p>本年度收到政府信息公开申请8件。</p>"
        f"<p><strong>二、主动公开政府信息情况</strong></p>{t2}"
        f"<p><strong>三、收到和处理政府信息公开申请情况</strong></p>{t3}"
        f"<p><strong>四、政府信息公开行政复议、行政诉讼情况</strong></p>{t4}"
        "<p><strong>五、存在的主要问题及改进情况</strong></p><p>无。</p>"
        "<p><strong>六、其他需要报告的事项</strong></p><p>无。</p></div></body></html>"
    )


def docx_report() -> bytes:
    """The same report as a Word file whose tables merge cells horizontally and vertically."""
    import docx

    document = docx.Document()
    for text in (
        "某某县卫生健康局2024年政府信息公开工作年度报告",
        "一、总体情况",
        "本年度收到政府信息公开申请8件。",
        "二、主动公开政府信息情况",
    ):
        document.add_paragraph(text)
    spec = [
        ("第二十条第（一）项",),
        ("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
        ("规章", "0", "0", "0"),
        ("行政规范性文件", "12", "3", "340"),
        ("第二十条第（五）项",),
        ("信息内容", "本年处理决定数量"),
        ("行政许可", "2293"),
        ("第二十条第（六）项",),
        ("信息内容", "本年处理决定数量"),
        ("行政处罚", "15"),
        ("行政强制", "0"),
        ("第二十条第（八）项",),
        ("信息内容", "本年收费金额（单位：万元）"),
        ("行政事业性收费", "1.25"),
    ]
    table = document.add_table(rows=len(spec), cols=4)
    for row, cells in zip(table.rows, spec, strict=True):
        if len(cells) == 1:
            row.cells[0].merge(row.cells[3]).text = cells[0]
        elif len(cells) == 2:
            row.cells[0].text = cells[0]
            row.cells[1].merge(row.cells[3]).text = cells[1]
        else:
            for c, text in zip(row.cells, cells, strict=True):
                c.text = text
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    body = [
        ("new", "一、本年新收政府信息公开申请数量", None),
        ("carried_over", "二、上年结转政府信息公开申请数量", None),
    ]
    body += [(code, label, group or "") for group, items in GROUPS for code, label in items]
    body += [("total_processed", "（七）总计", ""), ("carried_forward", "四、结转下年度继续办理", None)]
    table = document.add_table(rows=3 + len(body), cols=10)
    head = table.rows
    head[0].cells[0].merge(head[2].cells[2]).text = "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和"
    head[0].cells[3].merge(head[0].cells[9]).text = "申请人情况"
    head[1].cells[3].merge(head[2].cells[3]).text = "自然人"
    head[1].cells[4].merge(head[1].cells[8]).text = "法人或其他组织"
    head[1].cells[9].merge(head[2].cells[9]).text = "总计"
    for j, name in enumerate(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]):
        head[2].cells[4 + j].text = name
    group_start: dict[str, int] = {}
    for i, (code, label, group) in enumerate(body):
        row = table.rows[3 + i]
        if group is None:
            row.cells[0].merge(row.cells[2]).text = label
        elif group == "":
            row.cells[1].merge(row.cells[2]).text = label
        else:
            if group in group_start:
                table.rows[group_start[group]].cells[1].merge(row.cells[1])
            else:
                group_start[group] = 3 + i
                row.cells[1].text = group
            row.cells[2].text = label
        for j, value in enumerate(ROWS.get(code, ZERO)):
            row.cells[3 + j].text = str(value)
    table.rows[5].cells[0].merge(table.rows[3 + len(body) - 2].cells[0]).text = "三、本年度办理结果"
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    table = document.add_table(rows=4, cols=15)
    table.rows[0].cells[0].merge(table.rows[0].cells[4]).text = "行政复议"
    table.rows[0].cells[5].merge(table.rows[0].cells[14]).text = "行政诉讼"
    for j, name in enumerate(OUTCOMES):
        table.rows[1].cells[j].merge(table.rows[2].cells[j]).text = name
    table.rows[1].cells[5].merge(table.rows[1].cells[9]).text = "未经复议直接起诉"
    table.rows[1].cells[10].merge(table.rows[1].cells[14]).text = "复议后起诉"
    for j, name in enumerate(OUTCOMES * 2):
        table.rows[2].cells[5 + j].text = name
    for j, value in enumerate(T4):
        table.rows[3].cells[j].text = str(value)
    for text in ("五、存在的主要问题及改进情况", "无。", "六、其他需要报告的事项", "无。"):
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _parse(data, suffix=".html"):
    source = read_bytes(data.encode("utf-8") if isinstance(data, str) else data, suffix)
    assert source.text, source
    return parse(source.text)


def _table3(record):
    got = record.values("applications")
    return {code: [got.get((code, a)) for a in applicant_codes()] for code in row_codes("2021")}


def _table4(record):
    got = record.values("review_litigation")
    return [got[(p, o)] for p in proceeding_codes() for o in outcome_codes()]


def _active(record):
    got = record.values("active")
    return (
        tuple(got[("normative_documents", m)] for m in ("issued", "repealed", "in_force")),
        got[("licensing", "decisions")],
        got[("fees", "amount_10k_yuan")],
    )


def _codes(record) -> set[str]:
    return {f.code for f in record.findings}


FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
T4_AS_ROWS = "\n".join(
    ["<table border='1'>", "<tr>" + td("") + "".join(td(x) for x in OUTCOMES) + "</tr>"]
    + [
        "<tr>" + td(label) + "".join(td(v) for v in T4[5 * i : 5 * i + 5]) + "</tr>"
        for i, label in enumerate(["行政复议", "行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"])
    ]
    + ["</table>"]
)

READ_WHOLE = {  # layouts whose every printed value is published as printed
    "html_rowspan_colspan": (html_report(), ".html"),
    "html_p_span_in_every_td": (html_report(p=True), ".html"),
    "html_full_width_digits": (
        html_report(
            t3=html_table3(cell=lambda v: str(v).translate(FULL_WIDTH)),
            t4=html_table4(cell=lambda v: str(v).translate(FULL_WIDTH)),
        ),
        ".html",
    ),
    "html_table4_groups_as_rows": (html_report(t4=T4_AS_ROWS), ".html"),
    "docx_merged_cells": (docx_report(), ".docx"),
}


@pytest.mark.parametrize("name", sorted(READ_WHOLE))
def test_layout_is_read_as_printed(name):
    data, suffix = READ_WHOLE[name]
    record = _parse(data, suffix)
    assert _table3(record) == {code: ROWS.get(code, ZERO) for code in row_codes("2021")}
    assert _table4(record) == T4
    assert _active(record) == ((12, 3, 340), 2293, Decimal("1.25"))
    assert not _codes(record) & {"identity_broken", "row_absent", "value_blank", "row_conflict", "report_repeated"}


@pytest.mark.parametrize(
    "printed, expected",
    [
        (("1,234", "3", "1,340"), ((1234, 3, 1340), 2293, Decimal("1.25"))),  # thousands separators
        (("１２", "３", "３４０"), ((12, 3, 340), 2293, Decimal("1.25"))),  # full-width digits
    ],
)
def test_table_2_numbers_as_printed(printed, expected):
    assert _active(_parse(html_report(t2=html_table2(normative=printed)))) == expected


@pytest.mark.parametrize(
    "fee, expected",
    [
        ("12,345.67", Decimal("12345.67")),
        ("0.5万元", Decimal("0.5")),
        ("１．２５", Decimal("1.25")),
        ("—", None),
        ("／", None),
        ("无", None),
        ("", None),
        ("12,34", None),  # a comma that is no thousands separator: unreadable, never 1234
    ],
)
def test_fee_in_10k_yuan(fee, expected):
    record = _parse(html_report(t2=html_table2(fee=fee)))
    assert _active(record)[2] == expected
    if expected is None:
        assert _codes(record) & {"value_blank", "value_unreadable", "row_absent"}


@pytest.mark.parametrize("mark", ["", "&nbsp;", "/", "／", "-", "－", "—", "——", "无", "\u3000"])
def test_a_missing_marker_in_a_count_cell_is_missing_never_zero(mark):
    rows = dict(ROWS, rejected_duplicate=["@", 0, 0, 0, 0, 0, 0])
    record = _parse(html_report(t3=html_table3(rows).replace("<td>@</td>", f"<td>{mark}</td>")))
    assert _table3(record)["rejected_duplicate"] == [None, 0, 0, 0, 0, 0, 0]
    assert _table3(record)["new"] == ROWS["new"]
    assert "value_blank" in _codes(record)


@pytest.mark.parametrize(
    "printed, code",
    [
        ("0.50", "value_invalid"),  # a count printed with a fraction (0.00 is 0: a spreadsheet's number format)
        ("1.000", "value_invalid"),  # a thousands' group typed with a point, or three decimals: not told apart
        ("3①", "value_unreadable"),
        ("3¹", "value_unreadable"),
        ("3⑴", "value_unreadable"),  # footnote marks, not 31
    ],
)
def test_a_count_cell_that_is_no_count_is_missing_with_a_finding(printed, code):
    rows = dict(ROWS, granted=["@", 1, 0, 0, 0, 0, 4])
    record = _parse(html_report(t3=html_table3(rows).replace("<td>@</td>", f"<td>{printed}</td>")))
    assert _table3(record)["granted"] == [None, 1, 0, 0, 0, 0, 4]
    assert code in _codes(record)


@pytest.mark.parametrize(
    "inner",
    [
        "3<sup>1</sup>",  # a footnote mark: 3, not 31
        "3<sub>1</sub>",
        "<p>3</p><p>1</p>",  # two lines in one cell: which is the value is unknown, never 31
        "3<br>1",
    ],
)
def test_html_markup_inside_a_count_cell_never_makes_a_new_number(inner):
    rows = dict(ROWS, granted=["@", 1, 0, 0, 0, 0, 4])
    record = _parse(html_report(t3=html_table3(rows).replace("<td>@</td>", f"<td>{inner}</td>")))
    assert _table3(record)["granted"] == [None, 1, 0, 0, 0, 0, 4]
    assert "value_unreadable" in _codes(record)


@pytest.mark.parametrize(
    "inner, value",
    [
        ("<span>3</span><span>1</span>", 31),  # one number split into runs by the editor
        ("3<span style='display:none'>9</span>", 3),  # what the page hides is not printed
        ("<p><span style='font-size:14px'>3</span></p>", 3),
        ("3&#8203;", 3),  # a zero-width space copied from the web is not seen: 3 (before: unreadable)
        ("&#8203;", None),  # and alone it is an empty cell
    ],
)
def test_html_markup_inside_a_count_cell_read_as_shown(inner, value):
    rows = dict(ROWS, granted=["@", 1, 0, 0, 0, 0, 4])
    record = _parse(html_report(t3=html_table3(rows).replace("<td>@</td>", f"<td>{inner}</td>")))
    assert _table3(record)["granted"] == [value, 1, 0, 0, 0, 0, 4]


def test_table_4_transposed_is_missing_with_a_finding():
    transposed = "\n".join(
        [
            "<table border='1'>",
            "<tr>"
            + td("")
            + td("行政复议")
            + td("行政诉讼（未经复议直接起诉）")
            + td("行政诉讼（复议后起诉）")
            + "</tr>",
        ]
        + ["<tr>" + td(name) + td(T4[j]) + td(T4[5 + j]) + td(T4[10 + j]) + "</tr>" for j, name in enumerate(OUTCOMES)]
        + ["</table>"]
    )
    record = _parse(html_report(t4=transposed))
    assert _table4(record) == [None] * 15
    assert "row_lost_cells" in _codes(record)


def _plus_one(value) -> str:
    return str(int(value) + 1)


def test_table_3_printed_twice_with_other_numbers_publishes_the_differing_cells_as_missing():
    draft = html_table3(cell=_plus_one)
    record = _parse(html_report(t3=draft + "<p>（更正后）</p>" + html_table3()))
    assert all(v is None for values in _table3(record).values() for v in values)
    assert "row_conflict" in _codes(record)
    assert "row_duplicate" not in _codes(record)  # its message says the first copy is kept: it is not


def test_table_2_and_4_printed_twice_with_other_numbers_are_missing():
    record = _parse(
        html_report(
            t2=html_table2(normative=("5", "3", "100"), permit="77") + html_table2(),
            t4=html_table4(cell=_plus_one) + html_table4(),
        )
    )
    assert _active(record) == ((None, 3, None), None, Decimal("1.25"))  # 3 and 1.25 agree in both copies
    assert _table4(record) == [None] * 15
    assert "row_conflict" in _codes(record)


def test_a_table_printed_twice_alike_keeps_its_values():
    record = _parse(
        html_report(
            t2=html_table2() + html_table2(), t3=html_table3() + html_table3(), t4=html_table4() + html_table4()
        )
    )
    assert _table3(record) == {code: ROWS.get(code, ZERO) for code in row_codes("2021")}
    assert _table4(record) == T4
    assert _active(record) == ((12, 3, 340), 2293, Decimal("1.25"))
    assert "row_conflict" not in _codes(record)
    assert "row_duplicate" in _codes(record)


@pytest.mark.parametrize("joined", ["one_body", "two_documents"])
def test_two_reports_in_one_file_parse_the_first_and_say_so(joined):
    first = html_report()
    second = html_report(agency="某某市交通运输局", t3=html_table3(cell=_plus_one))
    if joined == "one_body":  # a page listing two reports
        text = first.replace("</div></body>", "</div>" + second.split("<body>")[1].split("</body>")[0] + "</body>")
    else:  # two saved pages in one file: libxml2 alone drops all after the first </html>
        text = first + second
    record = _parse(text)
    assert record.agency == "某某市自然资源局"
    assert _table3(record) == {code: ROWS.get(code, ZERO) for code in row_codes("2021")}
    assert "report_repeated" in _codes(record)


def _table3_2019(rows, other, with_items=False) -> str:
    """Table 三 with 2019's single （六）其他处理 row; ``with_items`` also prints 2021's three items."""
    lines = []
    for line in html_table3(rows).split("\n"):
        if "（六）其他处理" in line:
            lines.append("<tr>" + td("（六）其他处理", colspan=2) + "".join(td(v) for v in other) + "</tr>")
            if with_items:
                lines.append(line.replace('<td rowspan="3">（六）其他处理</td>', ""))
        elif "2.申请人逾期未按收费" in line or "<td>3.其他</td>" in line:
            if with_items:
                lines.append(line)
        else:
            lines.append(line.replace('rowspan="22"', 'rowspan="20"'))
    return "\n".join(lines)


def test_a_2019_table_3_reads_its_other_row():
    rows = dict(ROWS, granted=[2, 1, 0, 0, 0, 0, 3])  # 3 + 1 + 2 + 1 other = 7 processed
    record = _parse(html_report(t3=_table3_2019(rows, [1, 0, 0, 0, 0, 0, 1])))
    got = record.values("applications")
    assert record.formats["applications"] == "2019"
    assert [got[("other", a)] for a in applicant_codes()] == [1, 0, 0, 0, 0, 0, 1]
    assert [got[("total_processed", a)] for a in applicant_codes()] == [6, 1, 0, 0, 0, 0, 7]
    assert "identity_broken" not in _codes(record)


def test_a_2019_other_row_inside_a_2021_table_is_not_dropped_silently():
    rows = dict(ROWS, granted=[2, 1, 0, 0, 0, 0, 3])
    record = _parse(html_report(t3=_table3_2019(rows, [1, 0, 0, 0, 0, 0, 1], with_items=True)))
    assert record.formats["applications"] == "2021"
    assert _table3(record)["other_other"] == ZERO  # the items as printed
    assert {"row_other_format", "identity_broken"} <= _codes(record)


def test_docx_superscript_digit_and_two_paragraphs_in_a_cell_never_make_a_new_number():
    import docx

    document = docx.Document(io.BytesIO(docx_report()))
    table = document.tables[1]
    footnoted = table.rows[3].cells[3]  # 一、本年新收 · 自然人: 6 with a superscript footnote mark 1
    footnoted.text = ""
    footnoted.paragraphs[0].add_run("6")
    footnoted.paragraphs[0].add_run("1").font.superscript = True
    two_lines = table.rows[4].cells[3]  # 二、上年结转 · 自然人: "1" and "0" on two lines of one cell
    two_lines.text = "1"
    two_lines.add_paragraph("0")
    out = io.BytesIO()
    document.save(out)
    record = _parse(out.getvalue(), ".docx")
    assert _table3(record)["new"] == [None, 1, 0, 0, 1, 0, 8]
    assert _table3(record)["carried_over"] == [None, 0, 0, 0, 0, 0, 1]
    assert "value_unreadable" in _codes(record)


def test_docx_number_merged_down_over_rows_is_not_repeated_into_them():
    import docx

    document = docx.Document(io.BytesIO(docx_report()))
    table = document.tables[1]
    # the 商业企业 cell of （三）不予公开's eight rows merged into one cell reading 3: a reader cannot
    # tell which row it counts; the rows below the first are no copies of it (before: 3 on all eight), and
    # the first row is not its owner either (parse10: before, 3 on the first row alone): missing on all eight
    table.rows[7].cells[4].merge(table.rows[14].cells[4]).text = "3"
    out = io.BytesIO()
    document.save(out)
    record = _parse(out.getvalue(), ".docx")
    got = _table3(record)
    for code in ("denied_state_secret", "denied_prohibited_by_law", "denied_third_party",
                 "denied_administrative_query"):
        assert got[code] == [0, None, 0, 0, 0, 0, 0]
    assert "value_merged" in _codes(record)
    assert got["new"] == ROWS["new"]  # the labels merged down (三、本年度办理结果, （三）不予公开) still name rows


def test_a_layout_table_around_the_article_is_read_block_by_block():
    page = html_report()
    body = page.split("<body>")[1].split("</body>")[0]
    wrapped = page.replace(  # old CMS pages: the article inside one cell of a page-layout table
        body, "<table width='100%'><tr><td>首页 &gt; 信息公开</td><td>" + body + "</td></tr></table>"
    )
    record = _parse(wrapped)
    assert _table3(record) == {code: ROWS.get(code, ZERO) for code in row_codes("2021")}
    assert _table4(record) == T4
    assert _active(record) == ((12, 3, 340), 2293, Decimal("1.25"))  # before: 行政规范性文件123340, ambiguous
    assert not _codes(record) & {"cells_ambiguous", "cells_recovered", "identity_broken"}


def test_docx_report_inside_a_layout_table_is_read():
    import copy

    import docx
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(docx_report()))
    body = document.element.body
    content = [c for c in body.iterchildren() if c.tag != qn("w:sectPr")]
    cell = document.add_table(rows=1, cols=1).rows[0].cells[0]._tc  # a one-cell frame around the report
    for child in content:
        body.remove(child)
        cell.append(child)
    cell.append(copy.deepcopy(cell.find(qn("w:p"))))  # Word ends a cell with a paragraph
    out = io.BytesIO()
    document.save(out)
    record = _parse(out.getvalue(), ".docx")  # before: only the cell's own paragraphs, every table lost
    assert _table3(record) == {code: ROWS.get(code, ZERO) for code in row_codes("2021")}
    assert _table4(record) == T4
    assert _active(record) == ((12, 3, 340), 2293, Decimal("1.25"))


def test_docx_tables_inside_content_controls_are_read():
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(docx_report()))
    body = document.element.body
    for table in body.findall(qn("w:tbl")):  # each table in a content control, as form templates have it
        sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
        table.addprevious(sdt)
        content.append(table)
        sdt.append(content)
    out = io.BytesIO()
    document.save(out)
    record = _parse(out.getvalue(), ".docx")  # before: skipped, every table absent
    assert _table3(record) == {code: ROWS.get(code, ZERO) for code in row_codes("2021")}
    assert _table4(record) == T4
    assert _active(record) == ((12, 3, 340), 2293, Decimal("1.25"))
