"""Tables 二, 三 and 四 of both templates printed the way converters lay them out, from a values dict
written here: ``pdftotext -layout`` (table 三's header wrapped over four lines, labels wrapped inside the
narrow label column, table 四's two-level header, a page break with a footer and a repeated header inside
a table), pandoc grid tables (a cell's text over several lines), Excel exports (TSV, CSV), 2019's table 二
as a four-column grid. Every cell is read as printed, or missing with a finding — never another number."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xxgk.catalog import applicant_codes, item_measures, outcome_codes, proceeding_codes, row_codes
from xxgk.parser import parse

# ---- the values (identity-consistent; distinct enough that a shifted cell shows) -------------------------

OUTCOMES_2021 = {
    "granted": [14, 3, 1, 0, 2, 0], "partially_granted": [4, 1, 0, 0, 0, 0],
    "denied_state_secret": [1, 0, 0, 0, 0, 0], "denied_third_party": [2, 0, 0, 0, 0, 1],
    "denied_internal_affairs": [3, 0, 0, 0, 0, 0], "denied_process_information": [5, 1, 0, 0, 0, 0],
    "unavailable_not_held": [11, 2, 0, 1, 0, 0], "unavailable_needs_creation": [6, 0, 0, 0, 0, 0],
    "unavailable_unclear": [2, 0, 0, 0, 0, 0], "rejected_petition": [7, 0, 0, 0, 0, 0],
    "rejected_duplicate": [3, 1, 0, 0, 0, 0], "other_no_correction": [8, 2, 0, 0, 0, 0],
    "other_other": [4, 0, 0, 0, 0, 0],
}
OUTCOMES_2019 = {k: v for k, v in OUTCOMES_2021.items() if not k.startswith("other_")} | {
    "other": [12, 2, 0, 0, 0, 0]}


def _table3(fmt: str) -> dict[str, list[int]]:
    outcomes = OUTCOMES_2021 if fmt == "2021" else OUTCOMES_2019
    rows = {code: [0] * 6 for code in row_codes(fmt)}
    rows.update({code: list(v) for code, v in outcomes.items()})
    processed = [sum(rows[c][i] for c in outcomes) for i in range(6)]
    forward = [3, 1, 0, 0, 0, 0]
    carried = [5, 0, 1, 0, 0, 0]
    rows["total_processed"] = processed
    rows["carried_forward"] = forward
    rows["carried_over"] = carried
    rows["new"] = [p + f - c for p, f, c in zip(processed, forward, carried, strict=True)]
    return {code: v + [sum(v)] for code, v in rows.items()}


T4 = [3, 1, 0, 1, 5, 2, 1, 0, 0, 3, 1, 0, 1, 0, 2]
ACTIVE = {
    "2021": {("rules", "issued"): 2, ("rules", "repealed"): 1, ("rules", "in_force"): 17,
             ("normative_documents", "issued"): 13, ("normative_documents", "repealed"): 4,
             ("normative_documents", "in_force"): 55, ("licensing", "decisions"): 1297,
             ("penalty", "decisions"): 86, ("coercion", "decisions"): 9, ("fees", "amount_10k_yuan"): 0},
    "2019": {("rules", "made"): 1, ("rules", "published"): 1, ("rules", "total_public"): 12,
             ("normative_documents", "made"): 7, ("normative_documents", "published"): 6,
             ("normative_documents", "total_public"): 48,
             ("licensing", "previous_year"): 310, ("licensing", "change"): 25, ("licensing", "decisions"): 335,
             ("other_management_services", "previous_year"): 40, ("other_management_services", "change"): -3,
             ("other_management_services", "decisions"): 37,
             ("penalty", "previous_year"): 52, ("penalty", "change"): 4, ("penalty", "decisions"): 56,
             ("coercion", "previous_year"): 6, ("coercion", "change"): 0, ("coercion", "decisions"): 6,
             ("fees", "previous_year"): 2, ("fees", "change"): 0,
             ("procurement", "projects"): 14, ("procurement", "amount_10k_yuan"): 236},
}

# ---- the template's labels as a printed table splits them ----------------------------------------------

GROUPS_2021 = [  # (first-column text, second-column text or None, row code)
    ("一、本年新收政府信息公开申请数量", None, "new"),
    ("二、上年结转政府信息公开申请数量", None, "carried_over"),
    ("三、本年度办理结果", "（一）予以公开", "granted"),
    ("", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partially_granted"),
    ("", "（三）不予公开|1.属于国家秘密", "denied_state_secret"),
    ("", "|2.其他法律行政法规禁止公开", "denied_prohibited_by_law"),
    ("", "|3.危及“三安全一稳定”", "denied_security_stability"),
    ("", "|4.保护第三方合法权益", "denied_third_party"),
    ("", "|5.属于三类内部事务信息", "denied_internal_affairs"),
    ("", "|6.属于四类过程性信息", "denied_process_information"),
    ("", "|7.属于行政执法案卷", "denied_enforcement_file"),
    ("", "|8.属于行政查询事项", "denied_administrative_query"),
    ("", "（四）无法提供|1.本机关不掌握相关政府信息", "unavailable_not_held"),
    ("", "|2.没有现成信息需要另行制作", "unavailable_needs_creation"),
    ("", "|3.补正后申请内容仍不明确", "unavailable_unclear"),
    ("", "（五）不予处理|1.信访举报投诉类申请", "rejected_petition"),
    ("", "|2.重复申请", "rejected_duplicate"),
    ("", "|3.要求提供公开出版物", "rejected_publication"),
    ("", "|4.无正当理由大量反复申请", "rejected_excessive"),
    ("", "|5.要求行政机关确认或重新出具已获取信息", "rejected_confirmation"),
    ("", "（六）其他处理|1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other_no_correction"),
    ("", "|2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "other_unpaid_fee"),
    ("", "|3.其他", "other_other"),
    ("", "（七）总计", "total_processed"),
    ("四、结转下年度继续办理", None, "carried_forward"),
]
GROUPS_2019 = [g for g in GROUPS_2021 if g[2] not in ("other_no_correction", "other_unpaid_fee", "other_other")]
GROUPS_2019.insert(-2, ("", "（六）其他处理", "other"))


def _label(first: str, second: str | None) -> str:
    return first + (second or "").replace("|", "")


def _wrap(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)] or [""]


def _pad(text: str, width: int) -> str:
    return text + " " * max(1, width - len(text))


def _fullwidth(value) -> str:
    return str(value).translate(str.maketrans("0123456789", "０１２３４５６７８９"))


def _numbers(values, width=7) -> str:
    return "".join(str(v).rjust(width) for v in values)


# ---- report skeleton --------------------------------------------------------------------------------------

def report(fmt: str, t2: str, t3: str, t4: str) -> str:
    return "\n".join([
        "某某市某某局2024年政府信息公开工作年度报告" if fmt == "2021" else "某某市某某局2019年政府信息公开工作年度报告",
        "", "一、总体情况", "", "本机关依法做好政府信息公开工作。", "",
        "二、主动公开政府信息情况", "", t2, "", "三、收到和处理政府信息公开申请情况", "", t3, "",
        "四、政府信息公开行政复议、行政诉讼情况", "", t4, "",
        "五、存在的主要问题及改进情况", "", "无。", "", "六、其他需要报告的事项", "", "无。", ""])


# ---- pdftotext -layout ------------------------------------------------------------------------------------

T3_LAYOUT_HEADER = [
    "                                                              申请人情况",
    "                                                        法人或其他组织",
    "          （本列数据的勾稽关系为：第一项加第二项之",
    "          和，等于第三项加第四项之和）      自然人   商业   科研   社会公   法律服              总计",
    "                                                   企业   机构   益组织   务机构    其他",
]


def layout_table3(fmt: str, width: int = 12, page_break_after: str | None = None, at: str = "middle",
                  cell=str) -> str:
    """``pdftotext -layout``: a four-line header, the two label columns wrapped at ``width`` characters,
    the numbers on the middle line of each row's wrapped label."""
    rows = _table3(fmt)
    lines = list(T3_LAYOUT_HEADER)
    for first, second, code in GROUPS_2021 if fmt == "2021" else GROUPS_2019:
        left = _wrap(first, 6) if first else [""]
        right = _wrap((second or "").replace("|", ""), width) if second else [""]
        if second is None:
            left, right = _wrap(first, width + 8), [""]
        height = max(len(left), len(right))
        line = {"middle": (height - 1) // 2, "first": 0, "last": height - 1}[at]
        for i in range(height):
            text = _pad(left[i] if i < len(left) else "", 8) + (right[i] if i < len(right) else "")
            if second is None:
                text = left[i] if i < len(left) else ""
            numbers = "".join(cell(v).rjust(7) for v in rows[code]) if i == line else ""
            lines.append((_pad(text, width + 16) + numbers).rstrip())  # the numbers' columns line up
        if code == page_break_after:
            lines += ["", "                                  — 5 —", "\f", *T3_LAYOUT_HEADER]
    return "\n".join(line.rstrip() for line in lines)


def layout_table3_centered(fmt: str, between: bool = False) -> str:
    """``pdftotext -layout`` of merged label cells: a group's label (三、本年度办理结果, （三）不予公开) is printed
    vertically centred on its rows, wrapped, on the lines of rows in the middle of the group (``between``: on
    lines of their own between those rows)."""
    rows = _table3(fmt)
    groups = GROUPS_2021 if fmt == "2021" else GROUPS_2019
    entries = []  # (group, item text, code)
    group = None
    for first, second, code in groups:
        if second is None:
            entries.append((None, first, code))
            continue
        head, _, item = (second or "").partition("|")
        if item:
            group = head or group
        else:
            group, item = None, head
        entries.append((group, item, code))
    outer = [i for i, (_, _, code) in enumerate(entries) if code not in ("new", "carried_over", "carried_forward")]
    side: dict[int, list[str]] = {}  # row index: texts printed left of its item label

    def centre(text: str, members: list[int], width: int, column: int) -> None:
        pieces = _wrap(text, width)
        start = members[0] + max(0, (len(members) - len(pieces)) // 2)
        for j, piece in enumerate(pieces):
            side.setdefault(min(start + j, members[-1]), ["", ""])[column] = piece

    centre("三、本年度办理结果", outer, 3, 0)
    for name in dict.fromkeys(g for g, _, _ in entries if g):
        centre(name, [i for i, e in enumerate(entries) if e[0] == name], 4, 1)
    lines = list(T3_LAYOUT_HEADER)
    for i, (_group, item, code) in enumerate(entries):
        left = side.get(i, ["", ""])
        text = _pad(left[0], 6) + _pad(left[1], 6)
        if between and any(left):
            lines.append(text.rstrip())
            text = " " * 12
        lines.append(_pad(text + item, 48) + _numbers(rows[code]))
    return "\n".join(line.rstrip() for line in lines)


def numbers_before_labels(fmt: str) -> str:
    """A PDF text layer whose numbers sit a little higher than their label: each row's numbers first on its line."""
    rows = _table3(fmt)
    lines = ["申请人情况", "自然人 法人或其他组织 总计", "商业企业 科研机构 社会公益组织 法律服务机构 其他"]
    for first, second, code in GROUPS_2021 if fmt == "2021" else GROUPS_2019:
        lines.append(" ".join(map(str, rows[code])) + " " + _label(first, second))
    return "\n".join(lines)


def layout_table4(page_break: bool = False) -> str:
    lines = [
        "                   行政复议                                            行政诉讼",
        "",
        "                                                     未经复议直接起诉                       复议后起诉",
        "    ".join(["  结果    结果    其他    尚未         "] * 3),
        "".join(" " * 34 + "总计" for _ in range(3)),
        "    ".join(["  维持    纠正    结果    审结         "] * 3),
    ]
    if page_break:
        lines += ["", "                                  — 6 —", "\f"]
    lines.append(_numbers(T4, 8))
    return "\n".join(lines)


def layout_table2(fmt: str) -> str:
    a = ACTIVE[fmt]
    if fmt == "2021":
        return "\n".join([
            "                                   第二十条第（一）项",
            "      信息内容          本年制发件数       本年废止件数       现行有效件数",
            f"        规章               {a['rules', 'issued']}                  {a['rules', 'repealed']}"
            f"                  {a['rules', 'in_force']}",
            f"   行政规范性文件          {a['normative_documents', 'issued']}                  "
            f"{a['normative_documents', 'repealed']}                  {a['normative_documents', 'in_force']}",
            "                                   第二十条第（五）项",
            "      信息内容                          本年处理决定数量",
            f"      行政许可                               {a['licensing', 'decisions']}",
            "                                   第二十条第（六）项",
            "      信息内容                          本年处理决定数量",
            f"      行政处罚                               {a['penalty', 'decisions']}",
            f"      行政强制                               {a['coercion', 'decisions']}",
            "                                   第二十条第（八）项",
            "      信息内容                          本年收费金额（万元）",
            f"   行政事业性收费                            {a['fees', 'amount_10k_yuan']}",
        ])
    return "\n".join([
        "                                   第二十条第（一）项",
        "      信息内容       本年新制作数量    本年新公开数量    对外公开总数量",
        f"        规章              {a['rules', 'made']}                 {a['rules', 'published']}"
        f"                 {a['rules', 'total_public']}",
        f"     规范性文件           {a['normative_documents', 'made']}                 "
        f"{a['normative_documents', 'published']}                 {a['normative_documents', 'total_public']}",
        "                                   第二十条第（五）项",
        "      信息内容       上一年项目数量      本年增/减       处理决定数量",
        f"      行政许可            {a['licensing', 'previous_year']}               {a['licensing', 'change']}"
        f"               {a['licensing', 'decisions']}",
        "    其他对外管理",
        f"                         {a['other_management_services', 'previous_year']}               "
        f"{a['other_management_services', 'change']}               {a['other_management_services', 'decisions']}",
        "      服务事项",
        "                                   第二十条第（六）项",
        "      信息内容       上一年项目数量      本年增/减       处理决定数量",
        f"      行政处罚            {a['penalty', 'previous_year']}               {a['penalty', 'change']}"
        f"                {a['penalty', 'decisions']}",
        f"      行政强制            {a['coercion', 'previous_year']}                {a['coercion', 'change']}"
        f"                 {a['coercion', 'decisions']}",
        "                                   第二十条第（八）项",
        "      信息内容       上一年项目数量      本年增/减",
        f"   行政事业性收费          {a['fees', 'previous_year']}                {a['fees', 'change']}",
        "                                   第二十条第（九）项",
        "      信息内容        采购项目数量       采购总金额",
        f"    政府集中采购           {a['procurement', 'projects']}"
        f"                {a['procurement', 'amount_10k_yuan']}",
    ])


# ---- grids: pandoc grid tables, TSV/CSV exports ------------------------------------------------------------

def table2_rows(fmt: str) -> list[list[str]]:
    a, rows = ACTIVE[fmt], []
    names = {"rules": "规章", "normative_documents": "行政规范性文件" if fmt == "2021" else "规范性文件",
             "licensing": "行政许可", "other_management_services": "其他对外管理服务事项",
             "penalty": "行政处罚", "coercion": "行政强制", "fees": "行政事业性收费", "procurement": "政府集中采购"}
    heads = {"2021": {("rules",): ["本年制发件数", "本年废止件数", "现行有效件数"],
                      ("licensing",): ["本年处理决定数量"], ("penalty", "coercion"): ["本年处理决定数量"],
                      ("fees",): ["本年收费金额（万元）"]},
             "2019": {("rules",): ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
                      ("licensing",): ["上一年项目数量", "本年增/减", "处理决定数量"],
                      ("penalty", "coercion"): ["上一年项目数量", "本年增/减", "处理决定数量"],
                      ("fees",): ["上一年项目数量", "本年增/减"],
                      ("procurement",): ["采购项目数量", "采购总金额"]}}[fmt]
    article = {"rules": "（一）", "licensing": "（五）", "penalty": "（六）", "fees": "（八）", "procurement": "（九）"}
    groups = {"rules": ["rules", "normative_documents"],
              "licensing": ["licensing"] + (["other_management_services"] if fmt == "2019" else []),
              "penalty": ["penalty", "coercion"], "fees": ["fees"], "procurement": ["procurement"]}
    for key, head in heads.items():
        rows.append([f"第二十条第{article[key[0]]}项", "", "", ""])
        rows.append(["信息内容", *head] + [""] * (3 - len(head)))
        for item in groups[key[0]]:
            cells = [str(a[item, m]) for m in item_measures(fmt)[item]]
            rows.append([names[item], *cells] + [""] * (3 - len(cells)))
    return rows


def table3_rows(fmt: str) -> list[list[str]]:
    rows = _table3(fmt)
    out = [["", "", "申请人情况", "", "", "", "", "", ""],
           ["", "", "自然人", "法人或其他组织", "", "", "", "", "总计"],
           ["", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]]
    for first, second, code in GROUPS_2021 if fmt == "2021" else GROUPS_2019:
        out.append([first, (second or "").replace("|", ""), *map(str, rows[code])])
    return out


def docling(rows, labels: int) -> str:
    """docling/markitdown Markdown: a merged cell's text repeated in every cell it spans."""
    out, above = [], [""] * 20
    for row in rows:
        cells = list(row)
        for i in range(len(cells)):  # a spanned cell repeats the text before it (label columns, header)
            if not cells[i] and i and (i < labels or out == [] or len(out) < 4):
                cells[i] = cells[i - 1]
            if not cells[i] and i < labels and above[i]:
                cells[i] = above[i]
        above = cells
        out.append("| " + " | ".join(cells) + " |")
        if len(out) == 1:
            out.append("|" + "---|" * len(cells))
    return "\n".join(out)


def table4_rows() -> list[list[str]]:
    head = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    return [["行政复议", "", "", "", "", "行政诉讼", *[""] * 9],
            ["", "", "", "", "", "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
            head * 3, [str(v) for v in T4]]


def tsv(rows, sep="\t") -> str:
    return "\n".join(sep.join(c if sep == "\t" or "," not in c else f'"{c}"' for c in r) for r in rows)


def grid(rows, widths=None) -> str:
    """A pandoc grid table: cells wrapped into several lines inside their borders."""
    ncols = max(map(len, rows))
    widths = widths or [10] * ncols
    border = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    lines = [border]
    for row in rows:
        cells = [_wrap(c, w) for c, w in zip(row + [""] * (ncols - len(row)), widths, strict=True)]
        for i in range(max(map(len, cells))):
            lines.append("| " + " | ".join((c[i] if i < len(c) else "").ljust(w) for c, w in
                                            zip(cells, widths, strict=True)) + " |")
        lines.append(border)
    return "\n".join(lines)


# ---- layouts ----------------------------------------------------------------------------------------------

def layouts(fmt: str) -> dict[str, str]:
    return {
        "layout": report(fmt, layout_table2(fmt), layout_table3(fmt), layout_table4()),
        "layout_wide": report(fmt, layout_table2(fmt), layout_table3(fmt, width=30), layout_table4()),
        "layout_page_break": report(fmt, layout_table2(fmt), layout_table3(fmt, page_break_after="denied_third_party"),
                                    layout_table4(page_break=True)),
        "tsv": report(fmt, tsv(table2_rows(fmt)), tsv(table3_rows(fmt)), tsv(table4_rows())),
        "csv": report(fmt, tsv(table2_rows(fmt), ","), tsv(table3_rows(fmt), ","), tsv(table4_rows(), ",")),
        "docling": report(fmt, docling(table2_rows(fmt), 1), docling(table3_rows(fmt), 2), docling(table4_rows(), 0)),
        "layout_centred": report(fmt, layout_table2(fmt), layout_table3_centered(fmt), layout_table4()),
        "layout_centred_between": report(fmt, layout_table2(fmt), layout_table3_centered(fmt, True), layout_table4()),
        "numbers_before_labels": report(fmt, layout_table2(fmt), numbers_before_labels(fmt), layout_table4()),
        "layout_numbers_first": report(fmt, layout_table2(fmt), layout_table3(fmt, at="first"), layout_table4()),
        "layout_numbers_last": report(fmt, layout_table2(fmt), layout_table3(fmt, at="last"), layout_table4()),
        "layout_fullwidth": report(fmt, layout_table2(fmt), layout_table3(fmt, cell=_fullwidth), layout_table4()),
        "layout_dash_zero": report(fmt, layout_table2(fmt), layout_table3(fmt, 30, cell=lambda v: str(v) if v else "—"),
                                   layout_table4()),
        "grid": report(fmt, grid(table2_rows(fmt), [12, 8, 8, 8]), grid(table3_rows(fmt), [8, 12] + [4] * 7),
                       grid(table4_rows(), [4] * 15)),
    }


def truth(fmt: str) -> dict[str, dict]:
    t3 = _table3(fmt)
    return {
        "active": dict(ACTIVE[fmt]),
        "applications": {(code, a): t3[code][i] for code in row_codes(fmt) for i, a in enumerate(applicant_codes())},
        "review_litigation": {(p, o): T4[i * 5 + j] for i, p in enumerate(proceeding_codes())
                              for j, o in enumerate(outcome_codes())},
    }


def score(record, fmt: str) -> dict[str, tuple[int, int, list]]:
    """Per table: (right, lost, wrong cells)."""
    out = {}
    for table, cells in truth(fmt).items():
        got = record.values(table)
        right = sum(got.get(k) == v for k, v in cells.items())
        wrong = [(k, got[k], v) for k, v in cells.items() if got.get(k) is not None and got[k] != v]
        out[table] = (right, len(cells) - right - len(wrong), wrong)
    return out


CASES = [(fmt, name) for fmt in ("2021", "2019") for name in layouts(fmt)]


@pytest.mark.parametrize(("fmt", "name"), CASES)
def test_no_layout_yields_a_wrong_number(fmt, name):
    record = parse(layouts(fmt)[name])
    number = {"active": "2", "applications": "3", "review_litigation": "4"}
    for table, (_right, lost, wrong) in score(record, fmt).items():
        assert not wrong, (table, wrong[:5])
        if lost:  # a cell not read is said about its table
            assert any(f.table == number[table] for f in record.findings), table


# layouts that print every cell: read whole (``layout_dash_zero`` prints 0 as —: those cells are missing)
WHOLE = [(fmt, name) for fmt, name in CASES if name != "layout_dash_zero"]


@pytest.mark.parametrize(("fmt", "name"), WHOLE)
def test_a_layout_that_prints_every_cell_is_read_whole(fmt, name):
    record = parse(layouts(fmt)[name])
    assert {table: (right, lost) for table, (right, lost, _) in score(record, fmt).items()} == {
        table: (len(cells), 0) for table, cells in truth(fmt).items()}


def test_a_dash_for_zero_is_missing_never_zero():
    for fmt in ("2021", "2019"):
        record = parse(layouts(fmt)["layout_dash_zero"])
        got = record.values("applications")
        for key, value in truth(fmt)["applications"].items():
            assert got[key] == (value or None), key
        assert any(f.code == "value_blank" and f.table == "3" for f in record.findings)


def test_a_grid_cell_whose_number_wrapped_is_unreadable_never_joined():
    """pandoc grid table, 自然人 of 一、本年新收 printed 6 over 8 in its narrow cell: not 68."""
    printed = ("| 一、本年新收政府 |              | 68   |", "| 信息公开申请数量 |              |      |")
    wrapped = ("| 一、本年新收政府 |              | 6    |", "| 信息公开申请数量 |              | 8    |")
    text = layouts("2021")["grid"]
    assert all(line in text for line in printed)
    for old, new in zip(printed, wrapped, strict=True):
        text = text.replace(old, new)
    record = parse(text)
    assert record.values("applications")[("new", "natural_person")] is None
    assert record.values("applications")[("new", "total")] == 83
    assert any(f.code == "value_unreadable" and f.table == "3" for f in record.findings)


def test_grid_borders_are_no_labels():
    record = parse(layouts("2021")["grid"])
    assert not [f for f in record.findings if f.code == "label_unrecognised"]


def test_csv_quoted_thousands_and_empty_cells():
    """Excel's CSV: ``"1,297"`` quoted is one number; an empty field is an empty cell (missing, never 0)."""
    text = layouts("2021")["csv"].replace("行政许可,1297,,", '行政许可,"1,297",,').replace(
        "二、上年结转政府信息公开申请数量,,5,0,1,0,0,0,6", "二、上年结转政府信息公开申请数量,,5,,1,0,0,0,6")
    assert '"1,297"' in text and ",,5,,1," in text
    record = parse(text)
    assert record.values("active")[("licensing", "decisions")] == 1297
    got = record.values("applications")
    assert got[("carried_over", "commercial")] is None
    assert [got[("carried_over", a)] for a in ("natural_person", "research", "total")] == [5, 1, 6]
    assert any(f.code == "value_blank" and f.table == "3" for f in record.findings)


def test_sentences_with_commas_beside_a_csv_table_stay_text():
    text = layouts("2021")["csv"].replace(
        "二、主动公开政府信息情况\n", "二、主动公开政府信息情况\n本年共制发规章2件,废止1件,现行有效17件,详见下表。\n")
    record = parse(text)
    assert score(record, "2021")["active"][:2] == (10, 0)


@pytest.mark.parametrize("ocr", ["8З", "8S", "8s", "8Ε"])  # Cyrillic Ze, Latin S, Greek Epsilon for 3
def test_an_ocr_letter_glued_to_a_row_s_last_number_makes_it_unreadable_never_the_number_alone(ocr):
    """Tesseract read 83 as 8З at the end of a row of a ``pdftotext -layout``-like text: not 8."""
    text = layouts("2021")["layout"]
    row = next(line for line in text.split("\n") if line.startswith("一、本年新收"))
    assert row.endswith(" 83")
    record = parse(text.replace(row, row[:-2] + ocr))
    got = record.values("applications")
    assert got[("new", "total")] is None
    assert [got[("new", a)] for a in applicant_codes()[:6]] == [68, 11, 0, 1, 2, 1]
    assert got[("carried_over", "total")] == 6
    assert any(f.code == "value_unreadable" and f.table == "3" for f in record.findings)


def _new_row(text: str) -> str:
    return next(line for line in text.split("\n") if line.startswith("一、本年新收"))


@pytest.mark.parametrize("stray", [("68     11", "68  |  11"), ("68     11      0", "68 |   11  |   0")])
def test_a_table_rule_read_as_a_stray_pipe_is_no_cell(stray):
    """OCR/PDF text printing a vertical rule as ``|`` between some of a row's numbers: the row reads whole."""
    text = layouts("2021")["layout"]
    row = _new_row(text)
    assert stray[0] in row
    record = parse(text.replace(row, row.replace(*stray)))
    assert [record.values("applications")[("new", a)] for a in applicant_codes()] == [68, 11, 0, 1, 2, 1, 83]


@pytest.mark.parametrize(("printed", "ocr"), [
    ("     83", "    3B5"),  # letters between digits: not 3, not 5
    ("     11", "     1|"),  # a | glued to a digit
    ("     11", "    1|1"),
    ("     11", "     l1"),  # l for 1 before the digit
    ("      0 ", "      O "),  # a lone O for 0 among the numbers
])
def test_an_ocr_cell_of_digits_and_letters_is_unreadable(printed, ocr):
    text = layouts("2021")["layout"]
    row = _new_row(text)
    assert printed in row
    record = parse(text.replace(row, row.replace(printed, ocr, 1)))
    got = [record.values("applications")[("new", a)] for a in applicant_codes()]
    truth = [68, 11, 0, 1, 2, 1, 83]
    assert got.count(None) == 1 and all(g in (None, t) for g, t in zip(got, truth, strict=True)), got
    assert any(f.code == "value_unreadable" and f.table == "3" for f in record.findings)


def test_a_cell_of_letters_and_digits_after_a_count_is_no_item_number():
    """TSV ``政府集中采购 | 14 | Z36`` (OCR for 236): 14 is the count, Z36 unreadable — not 14 an item number and
    36 the count."""
    text = layouts("2019")["tsv"]
    assert "政府集中采购\t14\t236\t" in text
    record = parse(text.replace("政府集中采购\t14\t236\t", "政府集中采购\t14\tZ36\t"))
    got = record.values("active")
    assert (got[("procurement", "projects")], got[("procurement", "amount_10k_yuan")]) == (14, None)


def test_a_pipe_glued_to_a_number_in_loose_text_is_unreadable():
    """``行政许可      |297`` (OCR: | for 1 of 1297, or a rule glued to it): not 297."""
    text = layouts("2021")["layout"]
    assert "      1297" in text
    record = parse(text.replace("      1297", "      |297"))
    assert record.values("active")[("licensing", "decisions")] is None
    assert any(f.code == "value_unreadable" and f.table == "2" for f in record.findings)


def test_a_pipe_inside_a_tab_separated_cell_does_not_split_the_line():
    """TSV ``行政许可\\t|297`` (OCR's | for 1): the line's cells are its tab cells; |297 is unreadable, not 297."""
    text = layouts("2021")["tsv"]
    assert "行政许可\t1297" in text
    record = parse(text.replace("行政许可\t1297", "行政许可\t|297"))
    assert record.values("active")[("licensing", "decisions")] is None
    assert any(f.code == "value_unreadable" and f.table == "2" for f in record.findings)


def _blank_in_row(fmt: str, start: str, shift: int = 0) -> tuple[str, str]:
    """The ``layout`` text with the first 0 of the row beginning ``start`` printed as nothing (shifted by
    ``shift`` characters: a number between two columns)."""
    text = layouts(fmt)["layout_wide"]
    row = next(line for line in text.split("\n") if line.lstrip().startswith(start))
    cut = row.index("      0", 40)
    blanked = row[:cut] + " " * 7 + row[cut + 7:]
    if shift:
        numbers = blanked[cut + 7:]
        blanked = blanked[:cut + 7 - shift] + numbers + " " * shift
    return text.replace(row, blanked), row


@pytest.mark.parametrize("start", ["一、本年新收", "2.重复申请", "（二）部分公开", "四、结转下年度"])
def test_pdftotext_layout_blank_cell_is_placed_by_its_column_and_missing(start):
    """A cell printed blank in ``pdftotext -layout`` text: the row's other numbers stand in their columns (as the
    rows around it show), the blank is missing (never 0), and the row is not lost."""
    fmt = "2021"
    text, row = _blank_in_row(fmt, start)
    code = next(c for f, s, c in GROUPS_2021 if _label(f, s).startswith(start) or (s or "").replace("|", "")
                .startswith(start))
    record = parse(text)
    got = [record.values("applications")[(code, a)] for a in applicant_codes()]
    truth = _table3(fmt)[code]
    blank = truth.index(0)
    assert got == [None if i == blank else v for i, v in enumerate(truth)]
    assert any(f.code == "value_blank" and f.table == "3" for f in record.findings)


def test_pdftotext_layout_number_between_columns_leaves_the_row_missing():
    text, _ = _blank_in_row("2021", "2.重复申请", shift=3)
    record = parse(text)
    assert [record.values("applications")[("rejected_duplicate", a)] for a in applicant_codes()] == [None] * 7
    assert any(f.code == "row_lost_cells" and f.table == "3" for f in record.findings)


@pytest.mark.parametrize("name", ["tsv", "csv", "docling"])
def test_a_blank_last_cell_of_a_row_whose_label_spans_two_columns_does_not_shift_its_numbers(name):
    """``一、本年新收… | (empty: the label's second column) | 68 | 11 | 0 | 1 | 2 | 1 | (blank)``: 68 is 自然人's, the
    total is missing — not every number moved one column on."""
    rows = table3_rows("2021")
    new = next(r for r in rows if r[0].startswith("一、本年新收"))
    new[-1] = ""
    table3 = {"tsv": tsv(rows), "csv": tsv(rows, ","), "docling": docling(rows, 2)}[name]
    text = report("2021", tsv(table2_rows("2021")), table3, tsv(table4_rows()))
    record = parse(text)
    got = [record.values("applications")[("new", a)] for a in applicant_codes()]
    assert got == [68, 11, 0, 1, 2, 1, None]


def test_a_pipe_glued_to_a_number_inside_a_grid_cell_is_unreadable():
    """pandoc grid table ``| |297 |`` (OCR's | for 1 of 1297): a grid's rules have spaces on both sides; the
    cell is unreadable, not 297."""
    text = layouts("2021")["grid"]
    assert "| 1297     |" in text
    record = parse(text.replace("| 1297     |", "| |297     |"))
    assert record.values("active")[("licensing", "decisions")] is None
    assert any(f.code == "value_unreadable" and f.table == "2" for f in record.findings)


def test_a_pipe_glued_to_a_number_in_a_markdown_row_is_in_its_cell():
    """docling/markitdown ``| … | |1 | 2 | …`` (OCR's | for 1 of 11): the cell is unreadable and the row's other
    cells stay in their columns — not 11 lost and every later number one column on."""
    text = layouts("2021")["docling"]
    old = "| （四）无法提供1.本机关不掌握相关政府信息 | 11 | 2 |"
    assert old in text
    record = parse(text.replace(old, old.replace("| 11 |", "| |1 |")))
    got = [record.values("applications")[("unavailable_not_held", a)] for a in applicant_codes()]
    assert got == [None, 2, 0, 1, 0, 0, 14]
    assert any(f.code == "value_unreadable" and f.table == "3" for f in record.findings)


def test_numbers_before_labels_with_a_row_short_of_a_cell_never_take_the_next_row_s_numbers():
    """Every row's numbers before its label, one row with a cell printed as nothing: no identity is broken when
    read label-first (the lost row, the last label without numbers), yet each row would hold the next row's
    numbers. Read numbers-first, or not at all."""
    for fmt in ("2021", "2019"):
        text = layouts(fmt)["numbers_before_labels"]
        old = "0 0 0 0 0 0 0 7.属于行政执法案卷"
        assert old in text
        record = parse(text.replace(old, "0 0 0 0   0 0 7.属于行政执法案卷"))
        _right, lost, wrong = score(record, fmt)["applications"]
        assert not wrong and lost == 7


def test_two_cells_run_together_in_a_row_whose_label_spans_two_columns_never_shift_it():
    """``| 一、本年新收… |  | 68 | 11 | 0 | 1 | 2 |1 | 83 |`` (a rule glued to the next number: 2 and 1 run into one
    unreadable cell): the row is a cell short, not the label's empty column read as 自然人 and 68 as 商业企业."""
    text = layouts("2021")["docling"].replace("| 一、本年新收政府信息公开申请数量 | 一、本年新收政府信息公开申请数量 |",
                                              "| 一、本年新收政府信息公开申请数量 |  |")
    old = "| 68 | 11 | 0 | 1 | 2 | 1 | 83 |"
    assert old in text
    record = parse(text.replace(old, "| 68 | 11 | 0 | 1 | 2 |1 | 83 |"))
    got = [record.values("applications")[("new", a)] for a in applicant_codes()]
    assert all(g in (None, t) for g, t in zip(got, [68, 11, 0, 1, 2, 1, 83], strict=True)), got


def test_run_together_cells_in_a_grid_never_shift_a_row_even_beside_another_damaged_row():
    """pandoc grid, two rules glued to the numbers after them (``| 0    |0    |`` in 二、上年结转's row, ``案卷   |0``
    in another): the damaged rows are short (missing), never read one column on."""
    text = layouts("2021")["grid"]
    carried = "| 二、上年结转政府 |              | 5    | 0    | 1    | 0    | 0    | 0    | 6    |"
    enforcement = "| 7.属于行政执法案卷   | 0    |"
    assert carried in text and enforcement in text
    text = text.replace(carried, carried.replace("| 0    | 0    | 0    | 6", "| 0    |0    | 0    | 6")).replace(
        enforcement, "| 7.属于行政执法案卷   |0    |")
    record = parse(text)
    _right, _lost, wrong = score(record, "2021")["applications"]
    assert not wrong
    assert [record.values("applications")[("carried_over", a)] for a in applicant_codes()] == [None] * 7


# OCR's letters for digits; | read for a 1 or a rule glued to a number; a page footer; a number printed as nothing
LOOKALIKE = {"0": "OoD", "1": "lI|", "2": "Z", "3": "ЗB", "5": "S", "6": "b", "8": "B", "9": "g"}


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(fmt=st.sampled_from(["2021", "2019"]), name=st.sampled_from(sorted(layouts("2021"))), data=st.data())
def test_ocr_damage_to_any_layout_never_yields_a_wrong_number(fmt, name, data):
    """(Left out: a number blanked in ``numbers_before_labels``, whose cells are one space apart: ``2 0 1 0 0 14``
    is then cut 1|4 when that alone makes the row total hold — the digit-cut rule of PDF text, kept as it is.)"""
    lines = layouts(fmt)[name].split("\n")
    with_digits = [i for i, line in enumerate(lines) if any(c.isdigit() for c in line)]
    for _ in range(data.draw(st.integers(1, 3))):
        i = data.draw(st.sampled_from(with_digits))
        digits = [j for j, c in enumerate(lines[i]) if c.isdigit()]
        if not digits:
            continue
        j, line = data.draw(st.sampled_from(digits)), lines[i]
        kind = data.draw(st.sampled_from(["letter", "pipe", "footer"] + ["blank"] * (name != "numbers_before_labels")))
        if kind == "letter" and line[j] in LOOKALIKE:
            line = line[:j] + data.draw(st.sampled_from(LOOKALIKE[line[j]])) + line[j + 1:]
        elif kind == "pipe":
            line = line[:j] + "|" + line[j:]
        elif kind == "footer":
            lines.insert(i + 1, "— 7 —")
        elif kind == "blank":  # the whole number, its place kept
            a, b = j, j
            while a and line[a - 1].isdigit():
                a -= 1
            while b < len(line) and line[b].isdigit():
                b += 1
            line = line[:a] + " " * (b - a) + line[b:]
        lines[i] = line
    record = parse("\n".join(lines))
    for table, (_right, _lost, wrong) in score(record, fmt).items():
        assert not wrong, (table, wrong[:3])
