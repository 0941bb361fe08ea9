"""PDF text layers and crawler text: labels that lost characters, headings with a stray, missing or wrong
character or glued to text, page footers between rows, rows split across pages, a blank cell in a row
whose cells were separated by bare carriage returns. Samples written here by hand."""

from __future__ import annotations

import pytest

from xxgk.catalog import applicant_codes, labels, row_codes
from xxgk.parser import parse
from xxgk.text import compact

ROWS = row_codes("2021")
# identity-consistent: 12 new + 2 carried over = 13 processed + 1 forward, outcome rows sum to 总计
VALUES = {code: [0] * 7 for code in ROWS}
VALUES.update({
    "new": [10, 2, 0, 0, 0, 0, 12], "carried_over": [2, 0, 0, 0, 0, 0, 2],
    "granted": [5, 1, 0, 0, 0, 0, 6], "denied_prohibited_by_law": [1, 0, 0, 0, 0, 0, 1],
    "denied_internal_affairs": [2, 0, 0, 0, 0, 0, 2], "unavailable_not_held": [1, 1, 0, 0, 0, 0, 2],
    "rejected_duplicate": [2, 0, 0, 0, 0, 0, 2], "total_processed": [11, 2, 0, 0, 0, 0, 13],
    "carried_forward": [1, 0, 0, 0, 0, 0, 1],
})
TABLE4 = "1 0 0 0 1 0 0 0 0 0 0 0 0 0 0"


def pdf_report(label_of=None, footer_after: set[str] = frozenset()) -> str:
    """A report as a PDF text layer prints it: labels, then the row's numbers separated by spaces."""
    label_of = label_of or {}
    lines = ["某某县自然资源局2024年政府信息公开工作年度报告", "", "一、总体情况", "", "本年度收到申请12件。",
             "", "三、收到和处理政府信息公开申请情况", "", "（本列数据的勾稽关系为：第一项加第二项之和，",
             "等于第三项加第四项之和）", "申请人情况", "自然人 法人或其他组织 总计",
             "商业企业 科研机构 社会公益组织 法律服务机构 其他"]
    for code in ROWS:
        label = label_of.get(code, labels()["rows"][code].replace(" ", ""))
        lines.append(label + " " + " ".join(map(str, VALUES[code])))
        if code in footer_after:
            lines += ["", "— 3 —", ""]
    lines += ["", "四、政府信息公开行政复议、行政诉讼情况", "", TABLE4, "", "五、存在的主要问题及改进情况", "无。"]
    return "\n".join(lines) + "\n"


def _rows(record) -> dict[str, list]:
    got = record.values("applications")
    return {code: [got[(code, a)] for a in applicant_codes()] for code in ROWS}


def _never_wrong(record) -> None:
    """Every cell is the printed value or missing: never another number."""
    for code, values in _rows(record).items():
        for got, truth in zip(values, VALUES[code], strict=True):
            assert got in (None, truth), (code, got, truth)


def test_the_clean_sample_reads_whole():
    record = parse(pdf_report())
    assert _rows(record) == VALUES


@pytest.mark.parametrize(("code", "garbled"), [
    ("denied_prohibited_by_law", "2.其他法律行政法规禁公"),  # two characters dropped by the text layer
    ("denied_internal_affairs", "5.属三类内事务信息"),
    ("rejected_duplicate", "2.重复请"),
    ("granted", "（一）予公"),
    ("carried_forward", "四、结转下继续办"),
])
def test_a_label_that_lost_characters_is_placed_by_the_template_and_proven(code, garbled):
    record = parse(pdf_report({code: garbled}))
    assert _rows(record)[code] == VALUES[code]
    placed = [f for f in record.facts if f.table == "applications" and f.keys[0] == code]
    assert {f.placed_by for f in placed} <= {"label_similarity", "position"}
    assert any(f.code == "row_placed" and f.actual == compact(garbled) for f in record.findings)


def test_a_placement_the_identities_refute_stays_missing():
    # the garbled row's numbers do not fit: 总计 then no longer equals the sum of the outcome rows
    text = pdf_report({"rejected_duplicate": "2.重复请"}).replace("2.重复请 2 0 0 0 0 0 2", "2.重复请 3 0 0 0 0 0 3")
    record = parse(text)
    assert _rows(record)["rejected_duplicate"] == [None] * 7
    assert any(f.code == "label_unrecognised" for f in record.findings)
    _never_wrong(record)


def test_two_garbled_rows_in_one_gap_are_placed_in_order():
    record = parse(pdf_report({"denied_prohibited_by_law": "2.其他法律行政法规禁公",
                               "denied_security_stability": "3.危及三安"}))
    assert _rows(record) == VALUES


def test_a_garbled_row_whose_neighbour_is_missing_stays_missing():
    # 总计 is unreadable, so nothing pins the garbled row's place: it must not be guessed
    text = pdf_report({"rejected_duplicate": "2.重复请"}).replace("（七）总计 11 2 0 0 0 0 13", "（七）总计 11 2 0 0")
    record = parse(text)
    assert _rows(record)["rejected_duplicate"] == [None] * 7
    _never_wrong(record)


@pytest.mark.parametrize(("heading", "garbled"), [
    ("三、收到和处理政府信息公开申请情况", "三、收到和处理政府信公开申请情况"),  # a missing character
    ("三、收到和处理政府信息公开申请情况", "三、收到和处理政府信息公开申情况"),
    ("三、收到和处理政府信息公开申请情况", "三收到和处理政府信息公开申请情况"),  # the 、 lost
    ("三、收到和处理政府信息公开申请情况", "三、收到和处里政府信息公开申请情况"),  # a wrong character
    ("三、收到和处理政府信息公开申请情况", "三、收到和处理政府信息公开申请请情况"),  # a stray one
    ("四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政复议、行政讼情况"),
    ("三、收到和处理政府信息公开申请情况", "三、收 到 和 处 理 政 府 信 息 公 开 申 请 情 况"),  # letter-spaced
])
def test_a_heading_one_character_off_is_found(heading, garbled):
    record = parse(pdf_report().replace(heading, garbled))
    assert _rows(record) == VALUES
    assert record.values("review_litigation")[("review", "total")] == 1
    assert not [f for f in record.findings if f.code == "section_absent" and "收到" in f.message]


def test_a_heading_glued_to_the_text_before_and_after_is_found():
    text = pdf_report().replace("本年度收到申请12件。\n\n三、收到和处理政府信息公开申请情况\n\n（本列",
                                "本年度收到申请12件。三、收到和处理政府信息公开申请情况（本列")
    assert _rows(parse(text)) == VALUES


def test_a_heading_two_characters_off_is_not_guessed():
    """Two characters off is not taken for the heading (a fuzzy match that far could be any sentence); the
    section begins at its table's own first line, （本列数据的勾稽关系…, and says its heading is missing (session 59:
    before, the table was lost with the heading)."""
    record = parse(pdf_report().replace("三、收到和处理政府信息公开申请情况", "三、收到和处政府信公开申请情况"))
    assert _rows(record) == VALUES
    (said,) = [f for f in record.findings if f.code == "section_heading_absent"]
    assert "收到和处理" in said.message and "本列数据的勾稽关系" in said.message
    assert not [f for f in record.findings if f.code == "section_absent" and "收到" in f.message]


def test_page_footers_between_rows_are_not_values():
    record = parse(pdf_report(footer_after={"partially_granted", "denied_enforcement_file", "other_other"}))
    assert _rows(record) == VALUES
    assert not [f for f in record.findings if f.code in ("stray_values", "row_lost_cells", "identity_broken")]


def test_a_row_split_across_pages_by_a_footer_is_joined():
    text = pdf_report().replace("2.重复申请 2 0 0 0 0 0 2", "2.重复申请 2 0 0\n\n— 4 —\n\n0 0 0 2")
    assert _rows(parse(text)) == VALUES


DETACHED = ["2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确", "（五）不予处理", "1.信访举报投诉类申请"]


def _detached(block: list[str]) -> str:
    """PDF-to-markdown: a page's labels printed as text lines, their numbers as a table fragment below."""
    text = pdf_report()
    old = "\n".join(f"{label} 0 0 0 0 0 0 0" for label in DETACHED[:2])
    old += "\n（五）不予处理1.信访举报投诉类申请 0 0 0 0 0 0 0"
    assert old in text
    numbers = ["| 0 | 0 | 0 | 0 | 0 | 0 | 0 |", "|---|---|---|---|---|---|---|"] * 3
    return text.replace(old, "\n".join(block) + "\n\n" + "\n".join(numbers))


def test_label_lines_apart_from_their_number_rows_in_markdown_fragments():
    record = parse(_detached(DETACHED))
    _never_wrong(record)
    assert _rows(record) == VALUES


@pytest.mark.parametrize("garbled", ["3.补正后申内容仍", "3.补正申请内容不明", "2.没有现信息需要另制作"])
def test_a_detached_label_that_lost_characters_is_placed_by_the_template(garbled):
    block = [garbled if label[:2] == garbled[:2] else label for label in DETACHED]
    record = parse(_detached(block))
    assert _rows(record) == VALUES
    assert any(f.code == "row_placed" for f in record.findings)


def test_a_detached_label_lost_entirely_is_placed_by_the_template_when_the_rows_fill_its_gap():
    """One label lost, its number row kept: as many number rows as template rows between the rows read by
    their labels, a single order-keeping reading, every identity holding (parse11: before, the rows were
    missing). The row without a printed label says so (row_placed)."""
    block = ["2.没有现成信息需要另行制作", "（五）不予处理", "1.信访举报投诉类申请"]  # one label lost entirely
    record = parse(_detached(block))
    _never_wrong(record)
    assert _rows(record)["unavailable_unclear"] == VALUES["unavailable_unclear"]
    assert any(f.code == "row_placed" and "补正后" in f.row for f in record.findings)


def test_a_blank_cell_in_a_row_of_carriage_return_separated_cells_is_null():
    # a crawler's text: one row per line, its cells separated by bare carriage returns, one cell empty
    cells = {code: "\r".join([labels()["rows"][code].replace(" ", "")] + [str(v) for v in VALUES[code]])
             for code in ROWS}
    printed = ["（四）无法提供1.本机关不掌握相关政府信息", "1", "", "0", "0", "0", "0", "2"]
    cells["unavailable_not_held"] = "\r".join(printed)
    text = pdf_report()
    start = text.index("一、本年新收")
    end = text.index("\n\n四、政府信息公开行政复议")
    record = parse(text[:start] + "\n".join(cells[c] for c in ROWS) + text[end:])
    row = _rows(record)["unavailable_not_held"]
    assert row == [1, None, 0, 0, 0, 0, 2]
    assert _rows(record)["granted"] == VALUES["granted"]


def test_how_a_row_was_placed_is_published_and_shown_by_xxgk_parse(tmp_path, capsys):
    from xxgk.cli import main
    from xxgk.package.collect import parse_one
    from xxgk.package.tables import reports_to_tables

    (tmp_path / "r.txt").write_text(pdf_report({"rejected_duplicate": "2.重复请"}), encoding="utf-8")
    rows = reports_to_tables([parse_one(str(tmp_path), "r.txt")])["applications"]
    placed = {r["row"]: r["placed_by"] for r in rows}
    assert placed["rejected_duplicate"] == "label_similarity"
    assert placed["granted"] == "label"
    assert main(["parse", str(tmp_path / "r.txt")]) == 0
    shown = [line for line in capsys.readouterr().out.splitlines() if "rejected_duplicate" in line]
    assert shown and shown[0].endswith("[label_similarity]")


def test_a_group_subtotal_row_beside_a_garbled_label_does_not_block_its_placement():
    # some reports print each group's subtotal on its header row; it is no template row
    text = pdf_report({"denied_state_secret": "（三）不予公开1.属于国秘"}).replace(
        "（三）不予公开1.属于国秘", "（三）不予公开 1 0 0 0 0 0 1\n1.属于国秘")
    record = parse(text)
    assert _rows(record) == VALUES
    assert any(f.code == "label_unrecognised" and f.actual == "(三)不予公开" for f in record.findings)


def test_a_garbled_row_among_labels_printed_apart_from_their_numbers():
    # PDF-to-markdown: two labels printed as text, then a table row whose own label lost characters,
    # then the two labels' numbers as rows of their own
    text = pdf_report()
    old = "\n".join(f"{labels()['rows'][c].replace(' ', '')} {' '.join(map(str, VALUES[c]))}"
                    for c in ("partially_granted", "denied_state_secret", "denied_prohibited_by_law"))
    assert old in text
    new = "\n".join(["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "2.其他法律行政法规禁止公开",
                     "| （三）不予公开1.属于国秘 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", "|---|---|---|---|---|---|---|---|",
                     "| 0 | 0 | 0 | 0 | 0 | 0 | 0 |", "|---|---|---|---|---|---|---|",
                     "| 1 | 0 | 0 | 0 | 0 | 0 | 1 |", "|---|---|---|---|---|---|---|"])
    record = parse(text.replace(old, new))
    _never_wrong(record)
    assert _rows(record) == VALUES
    assert any(f.code == "row_placed" and "国家秘密" in f.message for f in record.findings)
