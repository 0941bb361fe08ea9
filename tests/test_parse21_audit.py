"""Layouts a parser audit of new real-world forms found read wrong (session 21): table 四's columns in another
order than the template's (read by position, every value under another proceeding or outcome, no finding), an
ASP.NET page wrapped in one ``<form>`` (the whole report lost), an article's own ``<header>``, text struck out in a
web page (``<del>58</del><ins>85</ins>`` read 5885) or hidden in Word (``w:vanish``: a hidden 0 in a blank cell),
and metadata: a 公开方式 value above the title taken for the agency, a joint report's title, 成文日期 before
发布日期, a date within the report's own year."""

from __future__ import annotations

import io

import pytest

from tests.factory import as_docx, as_html, tab_report
from xxgk.catalog import outcome_codes, proceeding_codes
from xxgk.parser import parse
from xxgk.readers import read_bytes

REVIEW, DIRECT, AFTER = [3, 1, 0, 1, 5], [2, 0, 1, 0, 3], [4, 1, 0, 2, 7]
OUTCOMES = "结果维持\t结果纠正\t其他结果\t尚未审结\t总计"
ZEROS = "\t".join(["0"] * 15)
TEMPLATE_HEADER = ["行政复议\t行政诉讼", "未经复议直接起诉\t复议后起诉", "\t".join([OUTCOMES] * 3)]


def _table4(text: str) -> list:
    got = parse(text).values("review_litigation")
    return [got.get((p, o)) for p in proceeding_codes() for o in outcome_codes()]


def _with_table4(header: list[str], values: list[int]) -> str:
    return tab_report().replace(ZEROS, "\n".join(header + ["\t".join(map(str, values))]))


def _codes(text: str) -> set[str]:
    return {f.code for f in parse(text).findings}


@pytest.mark.parametrize(("header", "printed"), [
    (["行政复议\t行政诉讼", OUTCOMES + "\t复议后起诉\t未经复议直接起诉", "\t".join([OUTCOMES] * 2)],
     REVIEW + AFTER + DIRECT),
    (["行政诉讼\t行政复议", "未经复议直接起诉\t复议后起诉\t" + OUTCOMES, "\t".join([OUTCOMES] * 3)],
     DIRECT + AFTER + REVIEW),
    (["行政复议\t行政诉讼", "总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t未经复议直接起诉\t复议后起诉"],
     [v for group in (REVIEW, DIRECT, AFTER) for v in group[-1:] + group[:-1]]),
], ids=["after-review-first", "litigation-first", "total-first"])
def test_table4_is_read_in_the_order_its_header_prints(header, printed):
    text = _with_table4(header, printed)
    assert _table4(text) == REVIEW + DIRECT + AFTER  # before: read by position, no finding
    assert "columns_reordered" in _codes(text)


def test_the_template_order_is_read_as_before_and_says_nothing():
    text = _with_table4(["行政复议\t行政诉讼", OUTCOMES + "\t未经复议直接起诉\t复议后起诉", "\t".join([OUTCOMES] * 3)],
                        REVIEW + DIRECT + AFTER)
    assert _table4(text) == REVIEW + DIRECT + AFTER
    assert not _codes(text) & {"columns_reordered", "columns_order_unsure", "columns_header_contradicted"}


def test_a_header_the_numbers_contradict_is_set_aside():
    # the header prints 总计 first, but each group's last number is the sum of the others: the header is not theirs
    text = _with_table4(["总计\t结果维持\t结果纠正\t其他结果\t尚未审结"], REVIEW + DIRECT + AFTER)
    assert _table4(text) == REVIEW + DIRECT + AFTER
    assert "columns_header_contradicted" in _codes(text)


def test_digits_run_together_under_a_reordered_header_are_missing_not_guessed():
    text = tab_report().replace(ZEROS, "\n".join(["行政复议\t行政诉讼", OUTCOMES + "\t复议后起诉\t未经复议直接起诉",
                                                  "3 1 0 1 5 41027 2 0 1 0 3"]))
    assert _table4(text) == [None] * 15
    assert "columns_order_unsure" in _codes(text)


def test_a_sentence_naming_the_proceedings_in_another_order_is_no_header():
    text = _with_table4(["本年度复议后起诉7件，未经复议直接起诉3件。"], REVIEW + DIRECT + AFTER)
    assert _table4(text) == REVIEW + DIRECT + AFTER
    assert "columns_reordered" not in _codes(text)


def _agency_and_cells(source) -> tuple:
    record = parse(source.parse_text)
    return record.agency, record.year, record.values("applications"), record.values("active")


def test_an_aspnet_page_wrapped_in_one_form_is_read_whole():
    plain = as_html(tab_report(agency="沈阳市和平区商务局"))
    wrapped = plain.replace("<body>", '<body><form name="form1" method="post" action="./ShowInfo.aspx?id=7" id="form1">'
                            '<input type="hidden" name="__VIEWSTATE" value="x"><button>打印</button>'
                            ).replace("</body>", "</form></body>")
    source = read_bytes(wrapped.encode(), ".html")
    assert source.ok and not source.findings  # before: no text, over_budget blaming the nesting
    assert _agency_and_cells(source) == _agency_and_cells(read_bytes(plain.encode(), ".html"))
    assert "打印" not in source.parse_text


def test_an_articles_own_header_and_footer_stay_and_the_pages_go():
    body = as_html(tab_report(agency="济南市历下区退役军人事务局")).split("<body>")[1].split("</body>")[0]
    title, rest = body.split("\n", 1)
    page = ("<html><head><title>门户网站</title></head><body><header>某市人民政府门户网站 首页</header><main>"
            f"<article><header>{title}<p>发布日期：2025-01-18</p></header>{rest}<footer>2025年1月20日</footer>"
            "</article></main><footer>版权所有 网站标识码</footer></body></html>")
    source = read_bytes(page.encode(), ".html")
    record = parse(source.parse_text)
    assert record.agency == "济南市历下区退役军人事务局" and record.published_date == "2025-01-18"
    assert "版权所有" not in source.parse_text and "首页" not in source.parse_text


def test_a_page_whose_text_is_all_in_its_navigation_is_not_said_too_deep():
    source = read_bytes("<html><body><nav>某局2024年政府信息公开工作年度报告</nav></body></html>".encode(), ".html")
    assert not source.ok
    assert "over_budget" not in {f.code for f in source.findings}


def test_struck_out_text_of_a_web_page_is_not_read():
    page = as_html(tab_report()).replace("<td>1</td>", "<td><del>58</del><ins>85</ins></td>", 1)
    assert "<del>58" in page  # (行政许可's cell)
    text = read_bytes(page.replace("<td>5</td>", "<td><s>7</s>5</td>", 1).encode(), ".html").parse_text
    record = parse(text)
    assert record.values("active")[("licensing", "decisions")] == 85  # before: 5885
    assert record.values("applications")[("new", "natural_person")] == 5  # before: 75


def test_hidden_word_runs_are_not_read():
    import docx

    document = docx.Document(io.BytesIO(as_docx(tab_report())))
    table3 = next(t for t in document.tables if t.rows[0].cells[0].text.startswith("一、本年新收"))
    first = table3.rows[0].cells
    for cell, hidden, shown in ((first[2], "0", ""), (first[1], "9", "5")):  # 商业企业 blank; 自然人 5
        cell.text = ""
        paragraph = cell.paragraphs[0]
        paragraph.add_run(hidden).font.hidden = True
        if shown:
            paragraph.add_run(shown)
        off = paragraph.add_run("")  # a run with vanish switched off stays
        off.font.hidden = False
    out = io.BytesIO()
    document.save(out)
    record = parse(read_bytes(out.getvalue(), ".docx").parse_text)
    new = record.values("applications")
    assert new[("new", "commercial")] is None  # before: the hidden placeholder 0
    assert new[("new", "natural_person")] == 5  # before: 95


def test_a_disclosure_field_above_the_title_is_not_the_agency():
    text = "发布机构：杭州市西湖区民政局\n公开方式：主动公开\n" + tab_report(agency="")
    record = parse(text)
    assert record.agency is None and record.year == 2024  # before: 主动公开


def test_a_disclosure_field_run_into_the_title_on_its_line_is_not_part_of_the_name():
    # (review: 公开方式：主动公开某县交通运输局2023年… named 主动公开某县交通运输局)
    record = parse("公开方式：主动公开" + tab_report(agency="某县交通运输局"))
    assert record.agency == "某县交通运输局"


def test_a_joint_reports_title_names_no_single_agency():
    text = tab_report(agency="某区人民政府办公室、某区政务服务管理办公室")
    record = parse(text)
    assert record.agency is None  # before: 某区政务服务管理办公室, the second alone
    joint = [f for f in record.findings if f.code == "agency_joint"]
    assert joint and joint[0].line == 1 and "某区人民政府办公室、" in joint[0].actual


@pytest.mark.parametrize("before", ["附件1、", "1、", "一、", "索引号：123，"])
def test_a_label_or_number_before_a_titles_name_is_no_second_agency(before):
    # (review: any 、 or comma before the name made the title a joint report, its agency lost)
    record = parse(before + tab_report(agency="某县交通运输局"))
    assert record.agency == "某县交通运输局" and "agency_joint" not in {f.code for f in record.findings}


def test_the_publication_date_is_not_the_signing_date_printed_before_it():
    text = "成文日期：2025-01-10\n文号：无\n发布日期：2025-02-16\n" + tab_report()
    assert parse(text).published_date == "2025-02-16"  # before: 2025-01-10, on time


def _finished(text: str, manifest: dict | None = None):
    from xxgk.package.collect import Report, apply_manifest

    report = Report("r", "r.txt", "", "utf-8", "text", text, parse(text))
    apply_manifest(report, manifest or {})
    return report.record


def test_a_date_within_the_reports_own_year_is_no_publication_date():
    record = _finished(tab_report(year=2022, published="2022年1月20日"))
    assert record.published_date is None
    early = [f for f in record.findings if f.code == "published_date_early"]
    assert early and early[0].actual == "2022-01-20"
    assert _finished(tab_report(year=2022, published="2023年1月20日")).published_date == "2023-01-20"
    # checked against the year as settled: the manifest's (review: the title's 2024 typo dropped a right date)
    assert _finished(tab_report(year=2024, published="2024年1月20日"), {"year": "2023"}).published_date == "2024-01-20"
    assert _finished(tab_report(year=2023, published="2023年1月20日"), {"year": "2023"}).published_date is None


def test_a_markdown_converters_nbsp_cell_is_blank_and_its_row_is_read():
    from tests.factory import as_pipes

    text = tab_report(cell="&nbsp;", column=1)
    # the label's second column empty, as a converter prints a merged label: | 一、本年新收… | &nbsp; | 5 | &nbsp; |
    text = text.replace("一、本年新收政府信息公开申请数量\t", "一、本年新收政府信息公开申请数量\t&nbsp;\t")
    record = parse(as_pipes(text))
    new = record.values("applications")
    assert new[("new", "commercial")] is None and new[("new", "natural_person")] == 5  # before: the row lost
    assert new[("new", "total")] == 5


def test_counts_in_a_spreadsheets_number_format_are_those_counts():
    import re

    plain = tab_report(carried_over=2, carried_forward=1)
    start, end = plain.index("三、收到和处理"), plain.index("五、存在的主要问题")
    # every count of tables 三 and 四 (table 四's first cell too: a table printing some counts 0 and others 0.0 is
    # no spreadsheet's format, audit 29 — its 0.0 cells are unreadable)
    decimal = plain[:start] + re.sub(r"(?<=[\t\n])(\d+)(?=\t|\n)", r"\1.0", plain[start:end]) + plain[end:]
    assert "\t5.0\t" in decimal and "\n0.0\t0.0" in decimal
    want = parse(plain)
    got = parse(decimal)  # before: every count value_invalid, missing
    assert got.values("applications") == want.values("applications")
    assert got.values("review_litigation") == want.values("review_litigation")
    assert parse(tab_report(cell="4.5")).values("applications")[("new", "natural_person")] is None  # no count


def test_a_row_printing_its_label_in_one_cell_keeps_its_first_blank_cell():
    from xxgk.catalog import labels

    text = tab_report(carried_forward=1, cell="", column=1)  # blanks for zeros: row 一's 商业企业 blank
    one_cell = {labels()["rows"][c] for c in ("new", "carried_over", "carried_forward")}
    lines = []
    for line in text.split("\n"):
        label = line.split("\t")[0]
        if "\t" in line and label in labels()["rows"].values() and label not in one_cell:
            # the label's three columns (merged cells print empty): | | （三）不予公开 | 1.属于国家秘密 | 0 | …,
            # | | （一）予以公开 | | 5 | …
            group, _, item = label.partition(" ")
            line = "\t".join(["", group, item] if item or group.startswith("（") else ["", "", group]) \
                + line[len(label):]
        if label == labels()["rows"]["carried_over"]:
            line = "\t".join([label, "0", "", "0", "0", "0", "0", "0"])  # blanks for zeros here too
        if label == labels()["rows"]["carried_forward"]:
            line = "\t".join([label, "", "1", "0", "0", "0", "0", "1"])  # 自然人 blank, 商业企业 1
        lines.append(line)
    got = parse("\n".join(lines)).values("applications")
    assert [got[("carried_forward", c)] for c in ("natural_person", "commercial", "total")] == [None, 1, 1]
    # a group's row printed so — its label's cell, an empty one, six numbers — may have lost a cell: missing
    # (review: the first version read every such row as a blank first cell, unsaid)
    granted = labels()["rows"]["granted"]
    lines = [("\t".join([granted, "", "5", "0", "0", "0", "0", "5"]) if line.split("\t")[1:2] == [granted] else line)
             for line in lines]
    record = parse("\n".join(lines))
    assert all(record.values("applications")[("granted", c)] is None for c in ("natural_person", "total"))
    assert "row_lost_cells" in {f.code for f in record.findings}


def test_a_page_nested_past_the_parsers_depth_says_so_even_with_a_title():
    # (hostile-input audit: every real page has a <title>, and its text made the nesting check pass: the report
    # was said to hold no text, report_text_absent)
    body = "".join(f"<p>{line}</p>" for line in tab_report().split("\n"))
    page = ("<html><head><title>某某县财政局2024年政府信息公开工作年度报告</title></head><body>" + "<div>" * 3000
            + body + "</div>" * 3000 + "</body></html>")
    source = read_bytes(page.encode(), ".html")
    assert [f.code for f in source.findings] == ["over_budget"] and "嵌套" in source.findings[0].message


@pytest.mark.parametrize("header", [
    # 行政复议's cell is two rows high: PDF text may print it on a line of its own, after 行政诉讼
    ["行政诉讼", "行政复议", "未经复议直接起诉\t复议后起诉", "\t".join([OUTCOMES] * 3)],
    # a lead-in line naming the proceedings the other way round
    ["本机关行政诉讼和行政复议情况如下：", *TEMPLATE_HEADER],
    ["本机关行政诉讼和行政复议情况", *TEMPLATE_HEADER],
], ids=["review-cell-on-its-own-line", "lead-in-with-colon", "lead-in-without-punctuation"])
def test_a_header_that_does_not_print_another_order_reorders_nothing(header):
    # (review of this change: each moved all fifteen values under another proceeding, saying only columns_reordered)
    text = _with_table4(header, REVIEW + DIRECT + AFTER)
    assert _table4(text) == REVIEW + DIRECT + AFTER
    assert not _codes(text) & {"columns_reordered", "columns_order_unsure", "columns_header_contradicted"}


def test_a_grand_total_column_on_the_proceedings_row_is_no_outcome():
    # (review: 合计 on the first header row made 总计 the first outcome; 1 0 0 0 1 still adds up that way)
    header = ["行政复议\t行政诉讼\t合计", "未经复议直接起诉\t复议后起诉", "\t".join([OUTCOMES] * 3)]
    values = [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2]
    text = _with_table4(header, values + [3])
    assert _table4(text) == values
    assert "columns_reordered" not in _codes(text)
