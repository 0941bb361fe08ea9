"""Hostile-input round 13 (session 55, helper H): the reader and parser code of sessions 45–54 under inputs whose
work grows faster than they do. Each test counts the work a hostile shape makes (never its time) and checks the
answer is the one read before: the speed figures are ``python -m benchmarks.hostile_tables``'."""

from __future__ import annotations

from xxgk import cells, table3, table3_columns
from xxgk.parser import parse

from .factory import tab_report


class _Counted:
    """A compiled pattern whose ``match``/``sub`` calls are counted."""

    def __init__(self, pattern):
        self.pattern, self.calls = pattern, 0

    def match(self, *args, **kwargs):
        self.calls += 1
        return self.pattern.match(*args, **kwargs)

    def sub(self, *args, **kwargs):
        self.calls += 1
        return self.pattern.sub(*args, **kwargs)


def _with_table3_lines(extra: str) -> str:
    text = tab_report(agency="甲县民政局")
    at = text.index("\n", text.index("三、收到和处理")) + 1
    return text[:at] + extra + text[at:]


def test_a_run_of_rule_lines_is_walked_once_not_once_a_line(monkeypatch):
    # (one cell a line: 行政许可 |, then its empty cells' rules; each line walked the rest of the run — and copied the
    # rest of the table — so 10,000 lines of ``|`` took 21 CPU s, 40,000 past the worker's budget)
    counted = _Counted(cells._RULES_ONLY)
    monkeypatch.setattr(cells, "_RULES_ONLY", counted)
    lines = [(1, "行政许可 |"), *((k, "|") for k in range(2, 3_002)), (3_002, "行政处罚 | 0 |")]
    assert cells.printed_blank(lines, "item_labels", {"licensing": "行政许可"}) == {"licensing": 1}
    assert counted.calls <= 2 * len(lines)


def test_a_run_of_blank_cell_lines_is_walked_once(monkeypatch):
    walked = []
    strip = str.strip

    class Line(str):  # (a line of spaces whose strip() is counted: each is read once from the end)
        def strip(self, *args):
            walked.append(1)
            return strip(self, *args)

    lines = [(1, "行政许可"), *((k, Line(" ")) for k in range(2, 3_002)), (3_002, "行政处罚")]
    assert cells.printed_blank(lines, "item_labels", {"licensing": "行政许可", "penalty": "行政处罚"}) == \
        {"licensing": 1}
    assert len(walked) <= 5 * len(lines)  # (each line stripped a few times: 4,500,000 before)


def test_a_header_naming_the_five_on_many_lines_is_not_read_line_against_line(monkeypatch):
    # (each line of the header that names the five organisations was checked against every other line's characters:
    # a header printed 10,000 times took 7 CPU s by the square of its lines)
    counted = _Counted(table3_columns._NOT_ORGS)
    monkeypatch.setattr(table3_columns, "_NOT_ORGS", counted)
    names = "法律服务 商业企业 科研机构 社会公益组织 其他"
    raw = tuple(f"{names}{' ' * (k % 3)}" for k in range(1_000))  # (lines each its own: none the other)
    assert table3_columns._orgs_printed([], raw) is None  # (a copy on another line: a wrapped name's half may be it)
    assert table3_columns._orgs_printed([], (names, "自然人 法人或其他组织 总计")) == [
        "legal_services", "commercial", "research", "social_welfare", "other_org"]
    assert counted.calls <= 4 * len(raw)


def test_table_3_rows_are_not_each_compared_with_every_other(monkeypatch):
    # (a row quoted by a sentence was found by testing each named row against every row kept: 26,000 rows of table 三
    # — a 1.3 MB text — took 15–21 CPU s by the square of its rows, 52,000 more than 30)
    iterated = []

    class Walked(list):
        def __iter__(self):
            iterated.append(1)
            return super().__iter__()

    without = table3._without_prose
    monkeypatch.setattr(table3, "_without_prose", lambda *args: Walked(without(*args)))
    text = tab_report(agency="甲县民政局")
    rows = text[text.index("\n", text.index("三、收到和处理")) + 1:text.index("四、")]
    record = parse(_with_table3_lines(rows * 40))
    assert len(iterated) <= 10
    once = {f.keys: f.value for f in parse(text).facts if f.table == "applications"}
    assert {f.keys: f.value for f in record.facts if f.table == "applications"} == once  # (the same values,
    assert {f.code for f in record.findings} == {"row_duplicate"}  # each repeat said)


def _stacked_header(words: int) -> list[tuple[str, list]]:
    """A header line of ``words`` words drawn over each other (each a little wider than the last), then a row of
    five values under it: no header of the report's."""
    from xxgk.pdf_cells import Word

    head = [Word("甲", 100.0, 110.0 + (k % 7) * 0.5) for k in range(words)]
    row = [Word("行", 10, 20), *(Word(str(d), 100 + 40 * d, 106 + 40 * d) for d in range(1, 6))]
    return [(" ".join(w.text for w in head), head), (" ".join(w.text for w in row), row)]


def test_a_pdf_header_of_thousands_of_words_is_no_header_of_stacks(monkeypatch):
    # (its stacks cost the square of its words, and words drawn over each other the cube: 1,000 took 30 CPU s for
    # the one row under it)
    from xxgk import pdf_cells, pdf_header_columns

    sizes = []
    spans = pdf_header_columns._spans
    monkeypatch.setattr(pdf_header_columns, "_spans", lambda words: sizes.append(len(words)) or spans(words))
    lines = _stacked_header(1_000)
    assert pdf_cells.mark_blank_cells(lines) == [text for text, _ in lines]  # (as printed: no header)
    assert max(sizes, default=0) <= pdf_header_columns.MAX_WORDS


def test_words_under_a_group_name_are_checked_once_not_pair_by_pair():
    from xxgk import pdf_cells, pdf_header_columns
    from xxgk.pdf_cells import Word

    read = []

    class Counted(Word):  # (a word whose left edge is counted each time it is read)
        def __getattribute__(self, name):
            if name == "x0":
                read.append(1)
            return super().__getattribute__(name)

    head = [Counted("甲", 100.0, 110.0 + (k % 7) * 0.5) for k in range(pdf_header_columns.MAX_WORDS)]
    assert pdf_header_columns._spans(head) == [(100.0, 113.0, len(head))]  # (one stack)
    assert len(read) <= 8 * len(head) ** 2  # (the pairs under each word compared: the cube, 7,000,000 before)
    assert pdf_cells.mark_blank_cells(_stacked_header(50))[1] == _stacked_header(50)[1][0]


def test_a_docx_paragraph_of_a_page_mark_and_blanks_is_read_at_once(tmp_path, monkeypatch):
    """Every paragraph of a .docx after a table is asked whether it continues the table (``empty_columns.CONTINUED``:
    a 续表 line, a page number): the page number's pattern read a run of blanks two ways (``\\s*[-—]?\\s*``), each
    place of the run reading the rest of it — 16,000 blanks 5 CPU s, these 120,000 some five minutes, so a 150 KB .docx
    was ``over_budget``. Read now, within a generous budget, its tables as printed."""
    from .factory import as_docx
    from .test_layouts_unseen import _table3

    reports = tmp_path / "reports"
    reports.mkdir()
    text = tab_report(agency="甲县民政局").replace("五、存在", "第" + " " * 120_000 + "x\n五、存在")
    (reports / "blanks.docx").write_bytes(as_docx(text))
    report = _budgeted(tmp_path, monkeypatch, "blanks.docx")
    assert "over_budget" not in {f.code for f in report.findings}, report.findings
    assert _table3(report.record)["new"] == [5, 0, 0, 0, 0, 0, 5]


def _budgeted(tmp_path, monkeypatch, name: str):
    """The file ``name`` of ``tmp_path/reports`` parsed in a budgeted worker of generous seconds: its Report."""
    import dataclasses

    from xxgk.package import collect as collect_module

    from .test_h42hostile import GENEROUS_SECONDS

    monkeypatch.setattr(collect_module, "BUDGET", dataclasses.replace(collect_module.BUDGET, seconds=GENEROUS_SECONDS))
    return {r.source_file: r for r in collect_module.collect(tmp_path / "reports", workers=1, budgeted=True)}[name]


def test_a_header_cell_of_open_brackets_is_read_at_once(tmp_path, monkeypatch):
    """Table 二's header cells are named without their notes in brackets (``(.*?)``, ``table2_columns``): from each
    ``(`` the pattern read to the line's end when no ``)`` closed it — a cell of 16,000 ``(`` took 31 CPU s, these
    40,000 some three minutes, so a 40 KB text was ``over_budget``. Read now, its tables as printed."""
    reports = tmp_path / "reports"
    reports.mkdir()
    text = tab_report(agency="甲县民政局")
    (reports / "brackets.txt").write_text(text.replace("\t本年制发件数\t", "\t" + "(" * 40_000 + "\t", 1))
    report = _budgeted(tmp_path, monkeypatch, "brackets.txt")
    assert "over_budget" not in {f.code for f in report.findings}, report.findings
    assert {f.keys: f.value for f in report.record.facts if f.table == "active"} == {
        f.keys: f.value for f in parse(text).facts if f.table == "active"}


def test_the_page_mark_pattern_answers_as_before():
    from xxgk.empty_columns import continues_a_table

    said = ["", "（续表）", "(续上表) 单位：件", "续表", "- 3 -", "第 3 页", "第3页/12", "— 12 —", "3/12", "7 页 / 9",
            "- 3 - 页", "第-3", "3 -"]
    not_said = ["说明：", "页", "3 /", "- - 3", "第 3 页 /", "12345", "第" + " " * 1_000 + "x"]
    assert [continues_a_table(line) for line in said] == [True] * len(said)
    assert [continues_a_table(line) for line in not_said] == [False] * len(not_said)


class _Index(int):
    """A line index whose comparisons are counted (``compared``)."""

    compared = 0

    def __lt__(self, other):
        _Index.compared += 1
        return int(self) < int(other)

    def __le__(self, other):
        _Index.compared += 1
        return int(self) <= int(other)


def test_column_names_between_numbers_are_parted_by_halving_not_by_reading_every_number():
    from xxgk.table3_by_columns import _names_apart

    _Index.compared = 0
    names = 3_000
    values = [(_Index(2 * k + 1), []) for k in range(names)]
    heads = [(_Index(2 * k), "natural_person") for k in range(names)]
    assert len(_names_apart(values, heads)) == names  # (a number under each: each name stands alone)
    assert _names_apart(values[-1:], heads[:2] + heads[-1:]) == []  # (two names with no number between: a header)
    assert _Index.compared <= 40 * names  # (4,500,000 before)


def test_short_rows_of_a_laid_out_table_find_their_nearest_full_rows_by_halving(monkeypatch):
    # (``pdftotext -layout``: each row printing fewer numbers than the table's walked the rows above and below it to
    # the nearest full ones; 8,000 short rows and none full, 8.5 CPU s by the square of the rows with the walk of
    # ``_names_apart`` above)
    from .test_h47reports import by_columns, columns, report

    looked = []

    class Rows(list):
        def __getitem__(self, index):
            looked.append(index)
            return super().__getitem__(index)

    place = cells._place_by_columns
    monkeypatch.setattr(cells, "_place_by_columns", lambda rows, k, lines: place(Rows(rows), k, lines))
    record = parse(report(by_columns(columns(), "named") + "\n" + "\n".join(["自然人", "1"] * 2_000)))
    assert len(looked) <= 10 * 4_100
    assert [f.value for f in record.facts if f.table == "applications" and f.value is not None] == []
    assert "row_extra_cells" in {f.code for f in record.findings}  # (no number published: the table is said lost)
