"""Parser round 17: a placeholder printed where a glyph was lost (?, □, 〓 …) inside or beside an agency's name
refuses the name as a control character does (never a cut name); the year of a title after a label (附件：2025年…);
a table row printed once with words where its numbers should be is said; ``agency_not_found`` says that the title's
name was refused when it was.

The reports are small synthetic texts in the seeds' layouts (``tests/test_parse16.report``), written here."""

from __future__ import annotations

import pytest

from tests.test_parse16 import AGENCY, report
from xxgk.agency.resolve import name_to_agency
from xxgk.parser import parse

# ---- 1. a placeholder for a lost glyph in an agency's name ----

PLACEHOLDERS = ["?", "？", "□", "■", "〓", "・", "○", "〇", "×"]


@pytest.mark.parametrize("mark", PLACEHOLDERS)
@pytest.mark.parametrize("at", [0, 3, 4, 6, len(AGENCY)])  # |格尔木…; 格尔木|市…; 格尔木市|交通…; …交通|运输局; …局|
def test_a_title_name_holding_a_placeholder_is_refused_never_cut(mark, at):
    """Before, ``格尔木市交通?运输局`` (a page in a code page without the character, a font without the glyph) was
    published as 运输局, and joined with the body's 市 to 格尔木市运输局, another agency. The title's year is read;
    the name is refused at the title's line, the placeholder shown as printed, and the agency read from the body."""
    title = f"{AGENCY[:at]}{mark}{AGENCY[at:]}2025年政府信息公开工作年度报告"
    text = report(title)
    record = parse(text)
    assert record.agency is None and record.year == 2025
    refused = [f for f in record.findings if f.code == "agency_unreadable"]
    assert [(f.line, f.actual) for f in refused] == [(1, title)]
    assert name_to_agency(record.agency, text, {}).name == AGENCY  # the body's 市交通运输局 in 格尔木市
    for away in (f"{AGENCY}2025年政府信息公开工作年度报告{mark}", f"{mark} {AGENCY}2025年政府信息公开工作年度报告"):
        record = parse(report(away))  # the same mark away from the name (a bullet a space apart): the name is read
        assert (record.agency, record.year) == (AGENCY, 2025)
        assert not [f for f in record.findings if f.code.startswith("agency_")]


@pytest.mark.parametrize("zero", ["〇", "○"])
def test_a_zero_is_a_years_or_refuses_the_name_it_touches(zero):
    """〇 is no Han character: 北京市一〇一中学 was cut to 一中学 at it. A zero of a year written in Chinese numerals
    (二〇二五年, letter-spaced 二 〇 二 五 年 too) is the year's; any other zero in a name refuses it."""
    record = parse(report(f"北京市一{zero}一中学2025年政府信息公开工作年度报告"))
    assert (record.agency, record.year) == (None, 2025)
    assert [f.code for f in record.findings if f.code == "agency_unreadable"] == ["agency_unreadable"]
    for title in (f"二{zero}二五年{AGENCY}政府信息公开工作年度报告",
                  f"{AGENCY}政府信息公开工作年度报告（二{zero}二五年度）",
                  " ".join(f"{AGENCY}二{zero}二五年政府信息公开工作年度报告")):
        record = parse(report(title))  # a year's zero is no placeholder
        assert (record.agency, record.year) == (AGENCY, 2025)
    refused = parse(report(f"{zero}{zero}县交通运输局2025年政府信息公开工作年度报告"))  # a name never filled in
    assert refused.agency is None and [f.code for f in refused.findings if f.code == "agency_unreadable"]


def test_a_cover_page_whose_agency_line_holds_a_placeholder_is_refused():
    title = f"政府信息公开工作年度报告\n\n（2025年度）\n\n{AGENCY[:6]}?{AGENCY[6:]}"
    record = parse(report(title))
    assert record.agency is None and record.year == 2025
    assert [(f.code, f.line) for f in record.findings if f.code == "agency_unreadable"] == [("agency_unreadable", 5)]


@pytest.mark.parametrize("mark", ["?", "？", "□", "〓"])
@pytest.mark.parametrize("line", ["发布机构：{a}{m}{b}", "编制单位：{m}{a}{b}", "本机关：{a}{b}{m}"])
def test_a_body_name_line_holding_a_placeholder_is_not_read(mark, line):
    """The body's labelled name (发布机构：…) was read up to the placeholder: 发布机构：格尔木市交通?运输局 published
    the agency 格尔木市交通. A name touching one is no evidence; the same line without it is."""
    unnamed = report("2025年政府信息公开工作年度报告").replace("市交通运输局坚持", "本机关坚持")

    def resolved(printed: str) -> str | None:
        text = unnamed.replace("一、总体情况\n", printed + "\n一、总体情况\n", 1)
        return name_to_agency(parse(text).agency, text, {}).name

    assert resolved(line.format(a=AGENCY[:6], b=AGENCY[6:], m=mark)) is None
    assert resolved(line.format(a=AGENCY[:6], b=AGENCY[6:], m="")) == AGENCY


# ---- 2. the year of a title after a label (附件：2025年…) ----

def _without_other_years(text: str) -> str:
    """``text`` without its statistics period and with an overview that opens on no year: the title's is the only
    year the report states."""
    return text.replace("本年报所列数据的统计期限为2025年1月1日至2025年12月31日", "").replace("2025年，", "本年，")


@pytest.mark.parametrize("title", [
    "附件：2025年政府信息公开工作年度报告", "附件1：2025年度政府信息公开工作年度报告",
    "附件一：二〇二五年政府信息公开工作年报", "附件 2025年政府信息公开工作年度报告",
    "附件2: 政府信息公开工作年度报告（2025年度）", "标题：2025年政府信息公开工作年度报告",
])
def test_the_year_of_a_title_after_a_label_is_read_and_the_label_is_no_agency(title):
    """Before, a title after a label gave no year (year_not_found where nothing else stated it), and
    ``附件 2025年…`` published the agency 附件. The label's line names no agency."""
    record = parse(_without_other_years(report(title)))
    assert (record.agency, record.year) == (None, 2025)
    assert "year_not_found" not in [f.code for f in record.findings]


def test_a_labelled_title_over_the_agencys_line_is_a_cover_page():
    record = parse(_without_other_years(report(f"附件：2025年政府信息公开工作年度报告\n\n{AGENCY}")))
    assert (record.agency, record.year) == (AGENCY, 2025)


@pytest.mark.parametrize("prose", [
    "附件：2024年政府信息公开工作年度报告",  # after the first section's heading: the report's prose
    "根据《2024年政府信息公开工作年度报告》，上年度工作如下。",
    "附件：2024年政府信息公开工作年度报告已于2024年1月公开。",  # the label, then more than a title
])
def test_another_years_report_named_in_the_prose_is_never_the_title(prose):
    text = _without_other_years(report("政府信息公开工作年度报告")).replace("本年，", prose + "\n本年，")
    record = parse(text)
    assert record.year is None and "year_not_found" in [f.code for f in record.findings]
    labelled = parse(text.replace("政府信息公开工作年度报告\n", "附件：2025年政府信息公开工作年度报告\n", 1))
    assert labelled.year == 2025


# ---- 3. a table row printed once, with words where its numbers should be ----

@pytest.mark.parametrize("pipes", [False, True])
@pytest.mark.parametrize("table, printed, words, expected", [
    ("2", "行政许可\t1075", "行政许可\t若干", "1"),
    ("2", "行政许可\t1075", "行政许可\t详见附件", "1"),
    ("3", "（一）予以公开\t4\t0\t0\t0\t0\t0\t4", "（一）予以公开\t详见附件", "7"),
    ("3", "（一）予以公开\t4\t0\t0\t0\t0\t0\t4", "（一）予以公开\t" + "\t".join(["若干"] * 7), "7"),
])
def test_a_row_printed_once_with_words_says_what_was_printed(table, printed, words, expected, pipes):
    """Before, ``行政许可 | 若干`` or ``（一）予以公开 | 详见附件`` printed in place of the row gave only row_absent
    (表中缺少这一行), as if nothing were printed. The row's values stay missing; one finding at the line says what
    was printed there and how many numbers were expected, in place of row_absent."""
    def laid_out(line: str) -> str:
        return line.replace("\t", " | ") if pipes else line

    text = report(pipes=pipes).replace(laid_out(printed), laid_out(words))
    row = words.split("\t")[0]
    record = parse(text)
    table_name = {"2": "active", "3": "applications"}[table]
    values = {key: value for key, value in record.values(table_name).items()
              if key[0] == {"2": "licensing", "3": "granted"}[table]}
    assert values and all(value is None for value in values.values())
    found = [f for f in record.findings if f.row == row and f.table == table]
    line = text.split("\n").index(f"| {laid_out(words)} |" if pipes else words) + 1
    assert [(f.code, f.severity, f.line, f.expected) for f in found] == [("row_in_words", "error", line, expected)]
    assert found[0].actual == " | ".join(words.split("\t")[1:])
    assert row in found[0].message and words.split("\t")[1] in found[0].message


@pytest.mark.parametrize("printed, words", [
    ("行政许可\t1075", "行政许可 详见附件"), ("行政许可\t1075", "行政许可 若干"),
    ("（一）予以公开\t4\t0\t0\t0\t0\t0\t4", "（一）予以公开 见附件"),
])
def test_a_row_printed_once_with_words_in_loose_text_says_what_was_printed(printed, words):
    """In loose text (a PDF's text layer: cells apart by spaces), Chinese words after a label are taken for the label
    wrapping; the words a report prints in place of numbers (rules/words_for_numbers.csv) are a cell's: the row is
    row_in_words too (before: row_absent). Other words after a label are still the label's."""
    text = report().replace(printed, words)
    row, said = words.split(" ")
    found = [(f.code, f.line, f.actual) for f in parse(text).findings if f.row == row]
    assert found == [("row_in_words", text.split("\n").index(words) + 1, said)]
    wrapped = report().replace(printed, f"{row} 许可事项")
    assert [f.code for f in parse(wrapped).findings if f.row == row] == ["row_absent"]


# ---- 4. agency_not_found when the title's name was refused ----

def _collected(folder, text: str):
    from xxgk.package.collect import collect

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "r.txt").write_text(text, encoding="utf-8")
    return next(iter(collect(folder)))


def test_a_refused_title_name_is_not_said_to_be_missing(tmp_path):
    """Before, a title whose name was refused (agency_unreadable) was followed by agency_not_found saying
    标题中找不到机构名称 (and, resolved from the body, agency_from_body saying 标题中没有机构名称): the title has a
    name, unreadable. Each message now says so; a title without a name is still said to have none."""
    title = f"{AGENCY[:6]}\x07{AGENCY[6:]}2025年政府信息公开工作年度报告"
    said = [f.message for f in parse(report(title)).findings if f.code == "agency_not_found"]
    assert said == ["标题中的机构名称无法读取（见“机构名称无法读取”），未采用"]
    named = _collected(tmp_path / "a", report(title))  # the body names 市交通运输局 in 格尔木市
    found = [f.message for f in named.findings if f.code.startswith("agency_") and f.code != "agency_unreadable"]
    assert found == [f"标题中的机构名称无法读取，未采用；识别为“{AGENCY}”（依据：" + found[0].split("（依据：", 1)[1]]
    unnamed = _collected(tmp_path / "b", report(title).replace("市交通运输局坚持", "本机关坚持"))
    found = [f.message for f in unnamed.findings if f.code.startswith("agency_") and f.code != "agency_unreadable"]
    assert found == ["标题中的机构名称无法读取（见“机构名称无法读取”），未采用，正文中也无法识别；"
                     "可在 sources.csv 清单中补充"]
    untitled = parse(report("2025年政府信息公开工作年度报告"))
    assert [f.message for f in untitled.findings if f.code == "agency_not_found"] == ["标题中找不到机构名称"]


def test_a_body_name_is_never_read_up_to_a_zero():
    """The body's name lines stop at a character that is no Han one: 发布机构：北京市一〇一中学 gave the name 北京市一
    (the title refuses a name holding such a zero; the body now reads none rather than a cut one). A year written with
    its zero beside a name (二〇二五年，某局…) still lets the name be read."""
    from xxgk.agency.evidence import body_names

    cut = body_names("2025年政府信息公开工作年度报告\n发布机构：北京市一〇一中学\n一、总体情况\n"
                     "北京市一○一中学坚持依法公开。")
    assert not [name for name, _ in cut if name.startswith("北京市一") or name.startswith("一中学")], cut
    read = body_names(f"二〇二五年政府信息公开工作年度报告\n发布机构：{AGENCY}\n一、总体情况\n"
                      f"二〇二五年，{AGENCY}坚持依法公开。")
    assert (AGENCY, "label") in read, read
