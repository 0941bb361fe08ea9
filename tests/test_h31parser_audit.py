"""Audit 31 (parser, sixth round): real report shapes nobody here had tried — table 三's sub-rows numbered
``（1）``, … — never publish a number the report does not print in that cell, nor lose one it prints surely."""

from __future__ import annotations

import re

from tests.factory import as_pipes, tab_report
from xxgk.catalog import labels, row_codes
from xxgk.parser import parse

APPLICANTS = ("natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total")
# a natural person's applications, each outcome row its own count (so that a row read one row off shows)
PERSON = {"granted": 5, "partially_granted": 1, "denied_state_secret": 2, "denied_third_party": 1,
          "unavailable_not_held": 3, "unavailable_unclear": 1, "rejected_duplicate": 2, "other_no_correction": 1,
          "other_other": 4}


def distinct_report() -> tuple[str, dict[str, int]]:
    """A 2021-format report in tabs whose table 三 rows print their own counts (natural persons; the other
    applicants 0), its identities holding; and those counts by row."""
    processed = sum(PERSON.values())
    counts = dict(PERSON, new=processed + 1, carried_over=2, total_processed=processed, carried_forward=3)
    names = {labels()["rows"][c]: c for c in row_codes("2021")}
    out = []
    for line in tab_report(carried_over=2, carried_forward=3).split("\n"):
        cells = line.split("\t")
        if len(cells) == 8 and cells[0] in names:
            n = str(counts.get(names[cells[0]], 0))
            cells = [cells[0], n, "0", "0", "0", "0", "0", n]
        out.append("\t".join(cells))
    return "\n".join(out), counts


def wrong_cells(text: str, counts: dict[str, int]) -> dict:
    """Table 三's cells ``text`` publishes other than ``counts`` prints (a missing one included)."""
    values = parse(text).values("applications")
    return {key: value for key, value in values.items()
            if value != (counts.get(key[0], 0) if key[1] in ("natural_person", "total") else 0)}


def test_table_3_sub_rows_numbered_in_brackets_are_read_by_their_labels():
    """Table 三's sub-rows numbered ``（1）`` … ``（8）`` (or ``(1)``, ``⑴``) instead of ``1.``, as many county
    reports print them — in tab cells, pipe rows and PDF text. Before: in cells, the bracketed digit was read as a
    count, ``（3）其他``'s seven cells were lost with label_unrecognised ``)其他``, and the row ``（六）其他处理
    （1）…`` said row_other_format (a 2019 row in a 2021 table). Now the bracketed number is the label's: every cell
    is the printed one, and no finding blames the table."""
    text, counts = distinct_report()
    for name, number in (("（n）", "（{}）"), ("(n)", "({})"), ("⑴", None)):
        printed = text
        for n in range(1, 9):
            mark = number.format(n) if number else chr(0x2474 + n - 1)
            printed = re.sub(rf"(?m)(^|\s){n}\.(?=[\u4e00-\u9fff“])", lambda m, mark=mark: m.group(1) + mark, printed)
        assert "（3）其他" in printed or "(3)其他" in printed or "⑶其他" in printed, name
        for form in (printed, as_pipes(printed), printed.replace("\t", " ")):
            assert wrong_cells(form, counts) == {}, name
            record = parse(form)
            codes = {f.code for f in record.findings if f.table == "3"}
            assert not codes & {"label_unrecognised", "row_other_format", "row_absent", "prose_numbers_unused"}, \
                (name, codes)


def test_a_year_printed_only_in_the_overviews_opening_brackets_or_span_is_read_from_it():
    """A title naming no year, the year printed only as the overview opens: ``本年度（2023年），我局…`` or
    ``2023年1月1日至12月31日，我局…`` (no 统计期限 word before it). Before: year_not_found, the report filed under no
    year though its first words print it. Now it is read with year_from_overview, as ``2023年，我局…`` is; an
    opening on a date that is no whole year (``2023年1月1日起施行的…``) still names none."""
    body = tab_report().split("\n", 1)[1]
    for opening in ("本年度（2023年），我局坚持…", "本年度(2023年度)我局…", "2023年1月1日至12月31日，我局…",
                    "2023年1月1日至2023年12月31日，我局…"):
        record = parse("样例县数据局政府信息公开工作年度报告\n" + body.replace("概述。", opening))
        assert record.year == 2023, opening
        assert [f.code for f in record.findings if f.code.startswith("year_")] == ["year_from_overview"], opening
    record = parse("样例县数据局政府信息公开工作年度报告\n" + body.replace("概述。", "2023年1月1日起施行的办法…"))
    assert record.year is None and "year_not_found" in {f.code for f in record.findings}


def test_a_title_naming_two_years_reads_its_agency_and_no_year():
    """A title naming two years: ``样例县数据局2022-2023年度政府信息公开工作年度报告`` (or ``2022年—2023年``,
    ``2022至2023年度``, ``二〇二二—二〇二三年度``, ``2022/2023年度``). Before: neither the agency nor the year was
    read (agency_not_found, year_not_found; in Chinese numerals the year was taken from the overview's opening).
    Now the agency is read, and the year stays missing with year_not_found quoting the two years — even where the
    overview opens on one of them (which year the tables count is not printed); a statistics period of one whole
    calendar year names it."""
    body = tab_report().split("\n", 1)[1].replace("概述。", "2023年，我局…")
    for span in ("2022-2023年度", "2022年—2023年", "2022至2023年度", "二〇二二—二〇二三年度",
                 "2022/2023年度"):
        record = parse(f"样例县数据局{span}政府信息公开工作年度报告\n" + body)
        assert (record.agency, record.year) == ("样例县数据局", None), span
        found = [f for f in record.findings if f.code.startswith(("year_", "agency_"))]
        assert [(f.code, f.line) for f in found] == [("year_not_found", 1)], span
        assert "2022" in found[0].message and "2023" in found[0].message, span
    period = "本报告统计期限为2023年1月1日至2023年12月31日。\n"
    record = parse("样例县数据局2022-2023年度政府信息公开工作年度报告\n" + period + body)
    assert (record.agency, record.year) == ("样例县数据局", 2023)
    half = "本报告统计期限为2022年7月1日至2023年6月30日。\n"
    record = parse("样例县数据局2022-2023年度政府信息公开工作年度报告\n" + half + body)
    assert record.year is None and "year_not_found" in {f.code for f in record.findings}


def test_a_lawsuits_subtotal_row_inside_a_labelled_table_4_is_no_proceeding():
    """Table 四 printed a row a proceeding with a 行政诉讼 row summing the two lawsuits' rows, above them (or
    below, as 行政诉讼合计), with or without the outcomes' header — tab cells, PDF text and a web page. Before, above
    them: all fifteen cells were missing with row_lost_cells. Now each proceeding's row is read under its label, the
    subtotal checked against the two; a subtotal that does not add up is quoted (stray_values), and one printed
    instead of the two lawsuits' rows reads neither (row_absent), never guessing which lawsuit it counts."""
    from .test_h28parser_audit import HEADING_4, ZEROS_4, _table_4, _with_table_4

    outcomes = "\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
    review, direct = "行政复议\t2\t1\t0\t0\t3\n", "未经复议直接起诉\t1\t0\t0\t0\t1\n"
    after = "复议后起诉\t0\t0\t1\t0\t1"
    read = [[2, 1, 0, 0, 3], [1, 0, 0, 0, 1], [0, 0, 1, 0, 1]]
    for header in (outcomes, ""):
        for subtotal in ("行政诉讼\t1\t0\t1\t0\t2\n", "（二）行政诉讼\t1\t0\t1\t0\t2\n"):
            for form in _with_table_4(header + review + subtotal + direct + after):
                record = parse(form)
                assert _table_4(record) == read, (header, subtotal)
                assert not {f.code for f in record.findings if f.table == "4"}, (header, subtotal)
    for form in _with_table_4(outcomes + review + "行政诉讼\t1\t0\t1\t0\t9\n" + direct + after):
        record = parse(form)
        assert _table_4(record) == read
        assert [f.actual for f in record.findings if f.table == "4"] == ["1 0 1 0 9"]
    record = parse(tab_report().replace(HEADING_4 + ZEROS_4, HEADING_4 + outcomes + review + "行政诉讼\t1\t0\t1\t0\t2"))
    assert _table_4(record) == [[2, 1, 0, 0, 3], [None] * 5, [None] * 5]
    assert [f.code for f in record.findings if f.table == "4"] == ["stray_values", "row_absent", "row_absent"]


def _stacked(text: str, row: str) -> str:
    """``text`` with table 三 printed as its labels' column, then its numbers' rows (``row`` formats one row's
    cells), as converters print a column of labels above a run of numbers."""
    lines = text.split("\n")
    start = lines.index("三、收到和处理政府信息公开申请情况") + 1
    end = next(i for i, line in enumerate(lines) if line.startswith(("四、政府信息公开", "五、")))
    rows = [line.split("\t") for line in lines[start:end]]
    return "\n".join(lines[:start] + [row.format(r[0]) for r in rows]
                     + [row.format(" | ".join(r[1:])) for r in rows] + lines[end:])


def test_a_report_without_section_4_whose_table_3_numbers_run_on_is_not_said_unread():
    """A report going from section 三 to 五 (no section 四, no table 四 printed), its table 三 printed as a column of
    labels above its numbers' rows (``| （一）予以公开 |`` … then ``| | 5 | 0 | … |``): table 三 is read whole. Before:
    its 175 numbers in a run were taken for table 四's fifteen, printed and unread — table_absent (an error of our
    reading), leaving the honest report unranked. Now numbers read as another table's cells are no table 四:
    table_not_printed, as without the run; fifteen numbers printed in a run of their own still say table_absent."""
    from .test_h28parser_audit import HEADING_4, ZEROS_4

    text, counts = distinct_report()
    without_4 = text.replace(HEADING_4 + ZEROS_4 + "\n", "")
    printed = _stacked(without_4, "| {} |")
    assert wrong_cells(printed, counts) == {}
    assert [f.code for f in parse(printed).findings if f.table == "4"] == ["table_not_printed"]
    run = without_4.replace("五、存在", "1 0 0 0 1 0 0 0 0 0 0 0 0 0 0\n五、存在")
    assert [f.code for f in parse(_stacked(run, "| {} |")).findings if f.table == "4"] == ["table_absent"]


def test_a_2019_change_printed_as_no_change_in_words_is_missing_and_keeps_its_row():
    """2019 table 二's 本年增/减 printed ``持平`` (level with last year), ``不变`` or ``无变化`` instead of a number.
    Decided by the spec (Values: only a printed 0 is zero): a word is no printed 0, so the cell is missing with
    value_unreadable quoting it — never 0. Before: so in tab cells, but in PDF text the word began a label and the
    row's printed 12 and 340 were lost with row_lost_cells and label_unrecognised. Now the word is the change's cell
    in PDF text too: 12 and 340 read, the change missing with value_unreadable; a printed 0 is still 0."""
    from tests.test_parse10_unseen import report_2019

    from .test_h30parser_audit import _licensing

    text = report_2019()
    assert "行政许可\t12\t减2\t340" in text
    for cell, change in (("持平", None), ("不变", None), ("无变化", None), ("0", 0)):
        printed = text.replace("行政许可\t12\t减2\t340", f"行政许可\t12\t{cell}\t340")
        for form in (printed, printed.replace("\t", " ")):
            record = parse(form)
            assert _licensing(record) == [12, change, 340], cell
            said = {(f.code, f.actual) for f in record.findings if f.table == "2"}
            assert said == (set() if change == 0 else {("value_unreadable", cell)}), cell


def test_a_table_2_label_whose_tail_is_printed_under_its_numbers_in_cells_is_joined():
    """Table 二's label wrapped past its row's numbers in a table's cells: ``行政规范性 | 3 | 1 | 12`` then ``文件``
    alone on the next line (or in the first cell of a row otherwise empty, ``文件 | | |``), ``行政 | 1`` over
    ``许可`` — a PDF table exported to cells, a web page. Before: in cells the row named no item, its three numbers
    were lost with label_unrecognised and row_absent (PDF text was read). Now the tail is the label's, as in PDF
    text: every number read under its item, no finding."""
    from tests.factory import as_html
    from xxgk.readers import read_bytes

    text = tab_report(in_force=12, issued=3, repealed=1)
    for printed, wrapped in (("行政规范性文件\t3\t1\t12", "行政规范性\t3\t1\t12\n文件"),
                             ("行政规范性文件\t3\t1\t12", "行政规范性\t3\t1\t12\n文件\t\t\t"),
                             ("行政规范性文件\t3\t1\t12", "行政规范\t3\t1\t12\n性文件\t\t\t"),
                             ("行政许可\t1", "行政\t1\n许可\t")):
        assert printed in text
        tabbed = text.replace(printed, wrapped)
        forms = [tabbed] + ([read_bytes(as_html(tabbed).encode(), ".html").text] if "\n文件\t" in wrapped else [])
        for form in forms:
            record = parse(form)
            active = record.values("active")
            assert [active[("normative_documents", m)] for m in ("issued", "repealed", "in_force")] == [3, 1, 12]
            assert active[("licensing", "decisions")] == 1, wrapped
            assert not {f.code for f in record.findings if f.table == "2"}, wrapped


def test_a_section_2_told_in_sentences_counting_information_or_another_year_publishes_no_decisions():
    """Section 二 printing no table 二, only sentences (the table an image): ``全年主动公开政府信息1200条，其中
    行政许可信息300条、行政处罚信息20条。`` counts the information published, not decisions; ``行政许可：2023年办理3件，
    2024年办理5件。`` names last year's first. Before: 300 and 20 were published as the licensing and penalty
    decisions, and 3 as the 2024 report's. Now those numbers are the sentences' (prose_numbers_unused), the table
    missing (table_absent); a sentence naming the item's count itself (``行政许可处理决定1件``) is still read."""
    text = tab_report()
    start = text.index("二、主动公开政府信息情况\n") + len("二、主动公开政府信息情况\n")
    end = text.index("三、收到和处理")
    for prose in ("全年主动公开政府信息1200条，其中行政许可信息300条、行政处罚信息20条。",
                  "行政许可：2023年办理3件，2024年办理5件。", "公开行政许可相关信息300条，行政处罚类信息20条。"):
        record = parse(text[:start] + prose + "\n" + text[end:])
        active = record.values("active")
        assert (active.get(("licensing", "decisions")), active.get(("penalty", "decisions"))) == (None, None), prose
        said = {f.code for f in record.findings if f.table == "2"}
        assert {"prose_numbers_unused", "table_absent"} <= said, prose
    record = parse(text[:start] + "本年度行政许可处理决定1件，行政处罚0件。\n" + text[end:])
    active = record.values("active")
    assert (active[("licensing", "decisions")], active[("penalty", "decisions")]) == (1, 0)


def test_a_table_3_label_whose_tail_is_printed_in_a_row_of_blank_cells_is_joined():
    """Table 三's label wrapped past its numbers in a table's cells, the tail in a row of blank cells of its own
    (``5.要求行政机关 | 1 | 0 | …`` then ``确认或重新出具已获取信息 | | | | | | |``; ``4.保护 | 1 | …`` over
    ``第三方合法权益 | | …``), as a PDF table exported to cells prints it. Before: the tail was read as the row — its
    seven cells blank (value_blank, as if the report had printed none) — and the numbers were lost with
    label_unrecognised. Now the tail is the head's: the numbers are the row's. An unnumbered 其中 row above a row
    printed blank is no head: that row stays blank, the 其中 row's numbers unused."""
    text, counts = distinct_report()
    for head, tail in (("5.要求行政机关", "确认或重新出具已获取信息"), ("4.保护", "第三方合法权益")):
        line = next(x for x in text.split("\n") if x.startswith(head + tail))
        printed = text.replace(line, line.replace(head + tail, head) + "\n" + tail + "\t" * 7)
        assert wrong_cells(printed, counts) == {}, head
        assert not {f.code for f in parse(printed).findings if f.table == "3"}, head
    line = next(x for x in text.split("\n") if x.startswith("（二）部分公开"))
    record = parse(text.replace(line, "其中：依申请公开\t1\t0\t0\t0\t0\t0\t1\n（二）部分公开" + "\t" * 7))
    assert {record.values("applications")[("partially_granted", a)] for a in APPLICANTS} == {None}


def test_a_transition_years_table_2_mixing_the_templates_headers_publishes_no_column_under_anothers_name():
    """A transition year's table 二 printing 2019's header over its documents (``本年新制作数量 | 本年新公开数量 |
    对外公开总数量``, 规范性文件 3 3 45) and 2021's over the rest (本年处理决定数量, 本年收费金额), in tab cells and
    PDF text. Before: format_unknown, read as 2021, and 3 3 45 were published as 3 issued, 3 repealed, 45 in force
    — 本年新公开数量 is no 本年废止件数, 对外公开总数量 no 现行有效件数. Now the rows under the other template's header
    are not read (row_other_format); the rows under 2021's are (行政许可 1, 收费 3.5)."""
    from decimal import Decimal

    text = tab_report(in_force=12, issued=3, repealed=1, fee="3.5")
    documents = "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t3\t1\t12"
    printed = text.replace(documents, "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n"
                                      "规范性文件\t3\t3\t45")
    assert printed != text
    for form in (printed, printed.replace("\t", " ")):
        record = parse(form)
        active = record.values("active")
        assert {active[(i, m)] for i in ("rules", "normative_documents") for m in ("issued", "repealed", "in_force")} \
            == {None}
        assert (active[("licensing", "decisions")], active[("fees", "amount_10k_yuan")]) == (1, Decimal("3.5"))
        said = [(f.code, f.row) for f in record.findings if f.table == "2" and f.code != "format_unknown"]
        assert said == [("row_other_format", "规章"), ("row_other_format", "行政规范性文件")]


def test_a_2019_table_2_with_2021s_documents_header_reads_each_row_by_its_own_header():
    """The other way round: a 2019 table 二 (上一年项目数量 | 本年增/减 | 处理决定数量 …) whose documents' block prints
    2021's header (本年制发件数 | 本年废止件数 | 现行有效件数). Read as 2021 (format_unknown): each decisions row is
    read by its header's 处理决定数量 (columns_selected: 行政处罚 88, not its 20 previous-year items), and the fees row
    under 上一年项目数量 | 本年增/减 prints no amount: row_other_format, never its 2 items as 2 万元."""
    from tests.test_parse10_unseen import report_2019

    text = report_2019()
    documents = "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t3\t3\t45"
    assert documents in text and "行政事业性收费\t2\t0" in text
    printed = text.replace(documents, "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n"
                                      "行政规范性文件\t3\t1\t45")
    for form in (printed, printed.replace("\t", " ")):
        record = parse(form)
        active = record.values("active")
        assert [active[(i, "decisions")] for i in ("licensing", "penalty", "coercion")] == [340, 88, 6]
        assert active[("fees", "amount_10k_yuan")] is None
        assert ("row_other_format", "行政事业性收费") in {(f.code, f.row) for f in record.findings}


def test_a_table_4_printing_each_total_first_under_no_header_is_not_read_in_the_templates_order():
    """Table 四's numbers printed with each proceeding's 总计 first and no header saying so: one row of fifteen
    (``2 1 1 0 0 0 0 0 0 0 1 1 0 0 0``) or rows of five labelled by proceeding — tab cells and PDF text. Before: read in
    the template's order, 2 published as 行政复议·结果维持 and 0 as its 总计, and identity_broken (an error, the
    agency's) blamed the report; the three labelled rows lost all fifteen with row_lost_cells. Now, as in table 三,
    totals that hold only with 总计 first leave the cells missing with columns_order_unsure; a header naming the
    order still places them (columns_reordered), and totals holding as printed are read."""
    from .test_h28parser_audit import HEADING_4, ZEROS_4, _table_4

    rows = "行政复议\t2\t1\t1\t0\t0\n未经复议直接起诉\t0\t0\t0\t0\t0\n复议后起诉\t1\t1\t0\t0\t0"
    two = "行政复议\t2\t1\t1\t0\t0\n复议后起诉\t1\t1\t0\t0\t0"
    for body in ("\t".join("2 1 1 0 0 0 0 0 0 0 1 1 0 0 0".split()), rows, two):
        for apart in ("\t", " "):
            record = parse(tab_report().replace(HEADING_4 + ZEROS_4, HEADING_4 + body).replace("\t", apart))
            assert _table_4(record) == [[None] * 5] * 3, (body, apart)
            assert [f.code for f in record.findings if f.table == "4"] == ["columns_order_unsure"], (body, apart)
    header = "\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\n"
    record = parse(tab_report().replace(HEADING_4 + ZEROS_4, HEADING_4 + header + rows))
    assert _table_4(record) == [[1, 1, 0, 0, 2], [0] * 5, [1, 0, 0, 0, 1]]
