"""A section heading numbered otherwise among headings numbered 一、…六、 still opens its section.

A report numbered 一、 to 六、 that prints one heading as a part would be numbered —
（三）收到和处理政府信息公开申请情况, 3.政府信息公开行政复议…, 第二部分 主动公开… — lost that section's whole
table (``section_absent``): under headings numbered 一、, a line numbered （三） was always taken for a part of the
section above. Such a line opens the section
its number names when the sections found before and after enclose it; the overview's own parts, named as the sections
are, stay the overview's (their prose is never read as a table).
"""

from __future__ import annotations

import pytest

from xxgk.parser import parse

from .factory import tab_report

HEADINGS = {"overview": "一、总体情况", "active": "二、主动公开政府信息情况",
            "applications": "三、收到和处理政府信息公开申请情况",
            "review_litigation": "四、政府信息公开行政复议、行政诉讼情况"}
HEADINGS_ALL = {**HEADINGS, "problems": "五、存在的主要问题及改进情况", "other_matters": "六、其他需要报告的事项"}
HEADINGS_ALL_IN_ORDER = (*HEADINGS.values(), HEADINGS_ALL["problems"], HEADINGS_ALL["other_matters"])
ABSENT = ("section_absent", "table_absent")


def _values(record, table: str) -> dict:
    return {key: value for key, value in record.values(table).items() if value is not None}


@pytest.mark.parametrize("code, heading", [
    ("applications", "（三）收到和处理政府信息公开申请情况"),
    ("applications", "3.收到和处理政府信息公开申请情况"),
    ("applications", "(三)收到和处理政府信息公开申请情况"),
    ("review_litigation", "4、政府信息公开行政复议、行政诉讼情况"),
    ("active", "第二部分 主动公开政府信息情况"),
    ("active", "（二）主动公开政府信息情况"),
    ("overview", "（一）总体情况"),
    ("overview", "1.总体情况"),
])
def test_a_heading_numbered_as_a_part_still_opens_its_section_and_its_table_is_read(code, heading):
    clean = parse(tab_report(agency="样例县测试局", issued=3, in_force=7))
    record = parse(tab_report(agency="样例县测试局", issued=3, in_force=7).replace(HEADINGS[code], heading))
    assert record.section_lines[code] == clean.section_lines[code]
    for table in ("active", "applications", "review_litigation"):
        assert _values(record, table) == _values(clean, table) != {}
    assert not [f for f in record.findings if f.code in ABSENT]
    assert record.sections == clean.sections


def test_the_overviews_part_named_as_section_two_is_not_read_as_table_two():
    """The overview's （一）… （二）主动公开政府信息情况 with its prose, and no heading 二、 nor table 二:
    section 二 is absent, not the overview's prose read as a table (行政处罚30条 is no count of decisions)."""
    report = tab_report(agency="样例县测试局")
    start, end = report.index(HEADINGS["active"]), report.index(HEADINGS["applications"])
    text = report[:start].replace("一、总体情况\n", "一、总体情况\n（一）总体情况\n好。\n（二）主动公开政府信息情况\n"
                                  "本年主动公开行政处罚30条，行政许可12条。\n") + report[end:]
    record = parse(text)
    assert "active" not in record.section_lines
    assert "行政处罚30条" in record.sections["overview"]
    assert _values(record, "active") == {}
    assert any(f.code == "section_absent" for f in record.findings)
    assert _values(record, "applications")  # the sections around it still read


def test_a_part_numbered_as_a_heading_that_goes_on_the_overviews_parts_is_not_taken():
    """Two lines named as section 二 numbered （二）: the overview's second part and the heading, where the overview's
    parts run on to （二）. Only the heading apart from the run opens section 二."""
    report = tab_report(agency="样例县测试局", issued=3)
    parts = "（一）总体\n好。\n（二）主动公开政府信息情况\n本年主动公开行政处罚30条。\n（三）监督保障\n好。\n"
    text = report.replace("一、总体情况\n", "一、总体情况\n" + parts)
    text = text.replace(HEADINGS["active"], "（二）主动公开政府信息情况")
    record = parse(text)
    assert "行政处罚30条" in record.sections["overview"] and "监督保障" in record.sections["overview"]
    assert text.split("\n")[record.section_lines["active"] - 1] == "（二）主动公开政府信息情况"
    assert record.section_lines["active"] > text.split("\n").index("（三）监督保障")
    assert _values(record, "active")[("normative_documents", "issued")] == 3
    assert _values(record, "active")[("penalty", "decisions")] == 0


def test_lines_tried_as_a_heading_read_the_parts_before_them_once(monkeypatch):
    """A hostile text of alternating （一）… and （二）主动公开政府信息情况 lines where section 二's heading should be:
    each line tried read every numbered line before it (time in the square of the text's length; 40,000 lines
    took minutes). The numbered lines are read a bounded number of times each."""
    from xxgk import sections

    calls = []
    monkeypatch.setattr(sections, "_ordinal", lambda text, at, real=sections._ordinal: calls.append(1)
                        or real(text, at))
    report = tab_report(agency="样例县测试局")
    lines = "（一）总体\n（二）主动公开政府信息情况\n" * 500
    record = parse(report[:report.index(HEADINGS["active"])] + lines + report[report.index(HEADINGS["applications"]):])
    assert "active" not in record.section_lines
    assert 0 < len(calls) <= 4 * lines.count("\n")


@pytest.mark.parametrize("code, printed", [
    ("active", "二、主动公开信息情况"),
    ("applications", "三、政府信息公开申请办理情况"),
    ("applications", "三、受理政府信息公开申请情况"),
    ("applications", "三、政府信息依申请公开情况"),
    ("review_litigation", "四、政府信息公开复议、诉讼情况"),
    ("review_litigation", "四、政府信息公开行政复议、诉讼情况"),
    ("problems", "五、工作中存在的不足及改进措施"),
    ("problems", "五、存在的困难和问题"),
    ("problems", "五、问题及改进措施"),
    ("other_matters", "六、需要报告的其他事项"),
    ("active", "二、本年度主动公开政府信息情况"),
    ("applications", "三、本年度收到和处理政府信息公开申请情况"),
    ("applications", "三、受理和办理政府信息公开申请情况"),
    ("review_litigation", "四、本年度政府信息公开行政复议、行政诉讼情况"),
    ("review_litigation", "四、因政府信息公开引起的行政复议、行政诉讼情况"),
    ("other_matters", "六、其他"),
    ("other_matters", "六、其他说明事项"),
])
def test_section_headings_worded_otherwise_still_open_their_sections(code, printed):
    """Headings as agencies word them: each was not found, its section absent and, for 二 to 四, its table lost."""
    clean = parse(tab_report(agency="样例县测试局", issued=3))
    record = parse(tab_report(agency="样例县测试局", issued=3).replace(HEADINGS_ALL[code], printed))
    assert record.section_lines == clean.section_lines
    for table in ("active", "applications", "review_litigation"):
        assert _values(record, table) == _values(clean, table) != {}
    assert record.sections == clean.sections
    assert not [f for f in record.findings if f.severity in ("error", "warning")]


@pytest.mark.parametrize("lead", ["二、主动公开方面", "三、依申请公开方面"])
def test_an_overviews_points_led_by_what_they_are_about_open_no_section(lead):
    """An overview numbering its points 一、…二、 by what they are about (二、主动公开方面，…) is no section heading:
    a section opened there would run over the real heading and read the overview's prose with its table."""
    clean = parse(tab_report(agency="样例县测试局", issued=3))
    record = parse(tab_report(agency="样例县测试局", issued=3, narrative=f"概述。\n{lead}，全年公开行政处罚30条。"))
    assert record.section_lines == {**clean.section_lines, **{c: n + 1 for c, n in clean.section_lines.items()
                                                             if c != "overview"}}
    assert lead in record.sections["overview"]



def test_an_overviews_own_part_on_applications_is_not_the_applications_section():
    """A report whose overview has numbered parts of its own (四、政府信息公开申请情况 among them, as a real one
    heads them) and its tables' sections after: section 三 opens at 收到和处理…, not at the overview's part."""
    parts = "二、工作机制保障\n好。\n三、主动公开工作情况\n好。\n四、政府信息公开申请情况\n全年收到申请5件。\n"
    report = tab_report(agency="样例县测试局").replace("一、总体情况\n", "一、总体情况\n" + parts)
    record = parse(report)
    lines = report.split("\n")
    assert lines[record.section_lines["applications"] - 1] == HEADINGS["applications"]


@pytest.mark.parametrize("numbered", [lambda i, words: f"({i + 1}){words}", lambda i, words: f"{'①②③④⑤⑥'[i]}{words}",
                                      lambda i, words: f"{'ⅠⅡⅢⅣⅤⅥ'[i]}、{words}",
                                      lambda i, words: f"{'壹贰叁肆伍陆'[i]}、{words}",
                                      lambda i, words: f"第{'一二三四五六'[i]}、{words}"])
def test_a_report_numbering_its_headings_in_brackets_circles_or_roman_numerals_reads_every_section(numbered):
    """Every heading numbered (2), ② or Ⅱ、: sections 二 to 六 and their tables were absent; and (session 60) 贰、,
    the financial numerals, or 第二、: sections 二 to 五 absent, table 二 lost."""
    report = tab_report(agency="样例县测试局", issued=3)
    clean = parse(report)
    for i, heading in enumerate(HEADINGS_ALL_IN_ORDER):
        report = report.replace(heading, numbered(i, heading[2:]))
    record = parse(report)
    assert list(record.section_lines) == list(clean.section_lines)
    for table in ("active", "applications", "review_litigation"):
        assert _values(record, table) == _values(clean, table) != {}
    assert not [f for f in record.findings if f.severity in ("error", "warning")]


@pytest.mark.parametrize("numerals", ["十十", "二二十", "十一十"])
def test_a_part_numbered_with_a_run_of_numerals_no_number_is_written_so_is_read_not_a_crash(numerals):
    """（十十）… in the overview of a report whose section 二 is printed numbered otherwise: the parser read the run as
    a number and failed on it (ValueError, the report lost). It says no number: the line is text."""
    report = tab_report(agency="样例县测试局", issued=3)
    text = report.replace("一、总体情况\n", f"一、总体情况\n（{numerals}）工作\n好。\n").replace(
        HEADINGS["active"], "（二）主动公开政府信息情况")
    record = parse(text)
    assert f"（{numerals}）工作" in record.sections["overview"]
    assert record.values("active")[("normative_documents", "issued")] == 3
