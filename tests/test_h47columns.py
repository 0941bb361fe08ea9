"""Session 47 (helper P2): numbers published under another column's name, with no finding, where table 三's header
prints the five organisation columns in another order than the template's and names them short (企业, 科研, 公益组织,
律师事务所, 其他组织), names only the five (自然人 and 总计 not named), or wraps them in a PDF's text. Written from the
2021 template with the values of ``tests/test_h46reports.py`` (every identity holds, neighbours told apart), so a
number read into another column shows; each case asserts what a reader checks: every number under its name, or the
five missing with a finding — never a guess.
"""

from __future__ import annotations

import pytest

from xxgk.parser import parse
from xxgk.readers import read_bytes

from .factory import as_docx, as_html
from .test_h46reports import ACTIVE, GROUPS, LABELS, ROWS, T4, TABLE2, _codes, _table3, _table4, table3_tabs
from .test_h47reports import report, report_with_table4

NAMES = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
CAPTION = "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和\t申请人情况"
SWAPPED = [0, 2, 1, 3, 4, 5, 6]  # 科研机构 printed before 商业企业
ORGS = range(1, 6)


def rows(order: list[int]) -> list[str]:
    """Table 三's rows in tabs, the seven columns printed in ``order`` (template indices)."""
    out = []
    for code, label in LABELS.items():
        head = "三、本年度办理结果\t" if code == "granted" else GROUPS.get(code, "") + ("\t" if code in GROUPS else "")
        out.append(head + label + "\t" + "\t".join(str(ROWS[code][i]) for i in order))
    return out


def template_header(order: list[int], names: dict[int, str]) -> list[str]:
    """The template's header (自然人 | 法人或其他组织 | 总计 over the five), the columns in ``order``."""
    n = [names.get(i, NAMES[i]) for i in range(7)]
    first = min(order.index(i) for i in ORGS)
    group = [n[i] if i in (0, 6) else "法人或其他组织" if p == first else "" for p, i in enumerate(order)]
    return [CAPTION, "\t".join(["", *group]), "\t".join(["", *(n[i] if i in ORGS else "" for i in order)])]


FORMS = {
    "text": lambda text: (text, ".txt"),
    "html": lambda text: (as_html(text), ".html"),
    "docx": lambda text: (as_docx(text), ".docx"),
}


def _parse(text: str, form: str):
    data, suffix = FORMS[form](text)
    return parse(read_bytes(data.encode("utf-8") if isinstance(data, str) else data, suffix).text)


SHORT = {  # the five named short, as some agencies print them
    "qiye": {1: "企业"},
    "short": {1: "企业", 2: "科研", 3: "公益组织", 4: "法律服务"},
    "other_words": {2: "科研单位", 3: "公益组织", 4: "律师事务所"},
    "qita_zuzhi": {5: "其他组织"},
}


@pytest.mark.parametrize("form", sorted(FORMS))
@pytest.mark.parametrize("names", sorted(SHORT))
def test_organisations_named_short_in_another_order_are_read_under_their_names(names, form):
    """The five named short in their cells (企业 for 商业企业 …) and 科研 printed before 企业 (or 其他组织 before
    法律服务机构). Before: the header named fewer than five, the five were read in the template's order, 科研机构's
    numbers published as 商业企业's and the other way round, no finding (every row total holds either way)."""
    order = SWAPPED if names != "qita_zuzhi" else [0, 1, 2, 3, 5, 4, 6]
    record = _parse(report("\n".join(template_header(order, SHORT[names]) + rows(order))), form)
    assert _table3(record) == ROWS


@pytest.mark.parametrize("form", ["text", "html"])
def test_a_header_naming_only_the_five_in_another_order_is_read_under_their_names(form):
    """自然人 and 总计 not named (printed down their narrow cells a character a line, or lost), the five named with
    科研机构 first: 自然人 and 总计 are read by position as before, the five under their names. Before: read in the
    template's order, no finding."""
    header = [CAPTION, "\t".join(["", *(NAMES[i] if i in ORGS else "" for i in SWAPPED)])]
    record = _parse(report("\n".join(header + rows(SWAPPED))), form)
    assert _table3(record) == ROWS
    assert "columns_reordered" in _codes(record)


def test_organisation_names_wrapped_in_a_pdf_text_in_another_order_are_missing_with_a_finding():
    """A PDF's text layer printing the five wrapped in their narrow cells, heads over tails (科研 商业 社会公益 法律服务
    其他 over 机构 企业 组织 机构), 科研机构 first: a text layer may print a wrapped cell's words out of their places,
    so
    the order is not known — the five columns are missing, said (columns_order_unsure); 自然人 and 总计 are published.
    Before: read in the template's order, 科研机构's numbers published as 商业企业's, no finding."""
    heads = {
        1: ("商业", "企业"),
        2: ("科研", "机构"),
        3: ("社会公益", "组织"),
        4: ("法律服务", "机构"),
        5: ("其他", ""),
    }
    header = [
        "申请人情况",
        "自然人 法人或其他组织 总计",
        " ".join(heads[i][0] for i in SWAPPED if i in ORGS),
        " ".join(heads[i][1] for i in SWAPPED if i in ORGS and heads[i][1]),
    ]
    text = report("\n".join(header + [line.replace("\t", " ") for line in rows(SWAPPED)]))
    got = _table3(_parse(text, "text"))
    assert all(values[1:6] == [None] * 5 for values in got.values())
    assert {code: [values[0], values[6]] for code, values in got.items()} == {
        code: [values[0], values[6]] for code, values in ROWS.items()
    }
    assert "columns_order_unsure" in _codes(_parse(text, "text"))


def test_organisation_words_in_a_pdf_text_out_of_place_beside_whole_names_null_nothing():
    """A text layer printing a wrapped cell's words before its neighbours' whole names (社会公益组 法律服务机 商业企业
    科研机构 其他 织 构) over a table in the template's order: the words' order says nothing, the table is read as
    before (as ``tests/test_h32readers_audit`` reads such a PDF)."""
    header = ["申请人情况", "自然人 法人或其他组织 总计", "社会公益组 法律服务机 商业企业 科研机构 其他 织 构"]
    template = list(range(7))
    text = report("\n".join(header + [line.replace("\t", " ") for line in rows(template)]))
    record = _parse(text, "text")
    assert _table3(record) == ROWS
    assert "columns_order_unsure" not in _codes(record)


# ---- table 四: the lawsuits named with a note (行政诉讼（复议后起诉）, 复议后起诉（件）) ----

T4_NAMES = {
    "bracketed": ("行政诉讼（未经复议直接起诉）", "行政诉讼（复议后起诉）"),
    "unit": ("未经复议直接起诉（件）", "复议后起诉（件）"),
}


@pytest.mark.parametrize("form", ["text", "html"])
@pytest.mark.parametrize("names", sorted(T4_NAMES))
def test_table_4_lawsuits_named_with_a_note_after_review_first_are_read_under_their_names(names, form):
    """Table 四's three proceedings each named over its five outcomes, 复议后起诉 printed first, its name with a note
    (行政诉讼（复议后起诉）) or a unit (复议后起诉（件）). Before: a cell longer than ten characters made the row no
    header, and the fifteen numbers were read in the template's order — each lawsuit's five published under the
    other's name, no finding (each group's total holds either way)."""
    direct, after = T4_NAMES[names]
    outcomes = "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])
    table4 = "\n".join(
        [
            "\t".join(["行政复议", "", "", "", "", after, "", "", "", "", direct, "", "", "", ""]),
            "\t".join([outcomes] * 3),
            "\t".join(map(str, T4[:5] + T4[10:] + T4[5:10])),
        ]
    )
    text = report_with_table4(table4)
    assert _table4(_parse(text, form)) == T4


# ---- table 二: the measures named short, in another order ----

T2_NAMES = {
    "short": ("制发件数", "废止件数", "现行有效件数"),
    "shorter": ("制发", "废止", "现行有效"),
    "new_word": ("本年新制发件数", "本年废止件数", "现行有效件数"),
}


@pytest.mark.parametrize("form", ["text", "html"])
@pytest.mark.parametrize("names", sorted(T2_NAMES))
def test_table_2_measures_named_short_with_in_force_first_are_read_under_their_names(names, form):
    """Table 二's documents with their three columns named short (制发 | 废止 | 现行有效, 制发件数 …) and 现行有效
    printed first. Before: the header named no measure, the row was read in the template's order — 行政规范性文件's 340
    documents in force published as 340 issued this year, WRONG, no finding (table 二 has no identity)."""
    issued, repealed, in_force = T2_NAMES[names]
    table2 = TABLE2.replace(
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数", f"信息内容\t{in_force}\t{issued}\t{repealed}"
    )
    table2 = table2.replace("规章\t0\t1\t4", "规章\t4\t0\t1").replace(
        "行政规范性文件\t12\t3\t340", "行政规范性文件\t340\t12\t3"
    )
    record = _parse(report(table3_tabs()).replace(TABLE2, table2), form)
    assert record.values("active") == ACTIVE


def test_table_4_names_wrapped_in_a_pipe_table_in_another_order_are_read_under_their_names():
    """A pipe table (a page converted to Markdown) printing table 四's outcomes wrapped in their narrow
    columns (尚未 / 审结, 结果 / 维持 …, 总计 one line high), 尚未审结 first, and 复议后起诉 (复议后 / 起诉)
    before 未经复议直接起诉. Before: the wrapped names were joined only in tab cells, the pipe table's were
    read in the template's order — 尚未审结's numbers published as 结果维持's, each lawsuit's under the
    other's name, no finding."""
    order = [3, 0, 1, 2, 4]
    outcomes = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    top = [outcomes[i][:2] for i in order]
    bottom = [outcomes[i][2:] for i in order]
    values = [T4[p * 5 + i] for p in (0, 2, 1) for i in order]
    lines = [
        ["行政复议", "", "", "", "", "行政诉讼", *[""] * 9],
        [*[""] * 5, "复议后", "", "", "", "", "未经复议", "", "", "", ""],
        [*[""] * 5, "起诉", "", "", "", "", "直接起诉", "", "", "", ""],
        top * 3,
        bottom * 3,
        [str(v) for v in values],
    ]
    table4 = "\n".join("| " + " | ".join(cells) + " |" for cells in lines)
    assert _table4(_parse(report_with_table4(table4), "text")) == T4
