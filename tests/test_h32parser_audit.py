"""Audit 32 (parser, seventh round): real report shapes nobody here had tried — table 三's sub-rows numbered on
across its groups (``19.其他``), … — never publish a number the report does not print in that cell, nor lose one it
prints surely."""

from __future__ import annotations

import re

from tests.factory import as_pipes
from xxgk.parser import parse

from .test_h31parser_audit import distinct_report, wrong_cells


def _run_on(text: str) -> str:
    """``text`` with table 三's sub-rows numbered on across the groups, as Word's list numbering continued prints
    them: 1.–8. under （三）, 9.–11. under （四）, 12.–16. under （五）, 17.–19. under （六）."""
    out, n = [], 0
    for line in text.split("\n"):
        found = re.match(r"^(.*?)(\d)\.(?=[\u4e00-\u9fff“])", line)
        if found and "\t" in line:
            n += 1
            line = f"{found.group(1)}{n}.{line[found.end():]}"
        out.append(line)
    return "\n".join(out)


def test_table_3_sub_rows_numbered_on_across_the_groups_are_read_by_their_labels():
    """Table 三's sub-rows numbered on across its groups (``（四）无法提供 9.本机关不掌握…``, ``10.没有现成…``, …
    ``19.其他``) — Word's list numbering continued from one group to the next — in tab cells, pipe rows and PDF
    text. Before: a label opening on two digits lost its first as a stray cell (ten stray_values), and ``19.其他``
    read as ``9.其他``: 其他's seven cells missing with label_unrecognised and row_absent. Now the two digits are the
    label's number: every cell is the printed one, no finding on table 三. Numbers printed before such a label on
    its line still give it their last digit (``… 0 0 12.其他法律``: a cell 1 glued to item 2.), and a 其他 numbered
    otherwise (``20.其他``, an agency's own row) is no 3.其他."""
    text, counts = distinct_report()
    printed = _run_on(text)
    assert "（四）无法提供 9.本机关" in printed and "\n19.其他\t4\t" in printed
    for form in (printed, as_pipes(printed), printed.replace("\t", " ")):
        assert wrong_cells(form, counts) == {}
        assert not [f.code for f in parse(form).findings if f.table == "3"]
    from xxgk.cells import _loose_pieces

    assert _loose_pieces("0 0 0 0 0 0 12.其他法律")[-3:] == (("slot", "1"), ("text", "2"), ("text", ".其他法律"))
    extra = printed.replace("\n19.其他\t4\t", "\n20.其他\t4\t")
    values = parse(extra).values("applications")
    assert values[("other_other", "natural_person")] is None
    assert "label_unrecognised" in {f.code for f in parse(extra).findings if f.table == "3"}


def _with_subtotals(text: str, sums: dict[str, int]) -> str:
    """``text`` with table 三's groups printed as rows of their own carrying their subtotal (natural persons
    ``sums[heading]``, the other applicants 0) above their sub-rows."""
    lines = text.split("\n")
    for head, n in sums.items():
        i = next(k for k, line in enumerate(lines) if line.startswith(head + " "))
        lines[i:i + 1] = ["\t".join([head, str(n)] + ["0"] * 5 + [str(n)]), lines[i][len(head) + 1:]]
    return "\n".join(lines)


def test_table_3_group_subtotal_rows_are_checked_against_their_sub_rows_and_never_published():
    """2021's table 三 printed with each group's subtotal on a row of its own (``（三）不予公开 | 3 | 0 | … | 3`` above
    ``1.属于国家秘密 | 2 | …``), in tab cells, pipe rows and PDF text. Before: the sub-rows were read, but three
    label_unrecognised (and row_other_format for （六）其他处理, as if a 2019 row were printed) blamed a table that adds
    up. Now a subtotal that holds is quiet; one that does not keeps its finding (label_unrecognised) and the
    sub-rows stand as printed; a subtotal is never taken for a sub-row the table lacks."""
    text, counts = distinct_report()
    sums = {"（三）不予公开": 3, "（四）无法提供": 4, "（五）不予处理": 2, "（六）其他处理": 5}
    printed = _with_subtotals(text, sums)
    assert "\n（三）不予公开\t3\t0\t0\t0\t0\t0\t3\n1.属于国家秘密\t2\t" in printed
    for form in (printed, as_pipes(printed), printed.replace("\t", " ")):
        assert wrong_cells(form, counts) == {}
        assert not [f.code for f in parse(form).findings if f.table == "3"]
    wrong = _with_subtotals(text, dict(sums, **{"（四）无法提供": 6}))
    for form in (wrong, wrong.replace("\t", " ")):
        assert wrong_cells(form, counts) == {}
        said = [(f.code, f.actual) for f in parse(form).findings if f.table == "3"]
        assert said == [("label_unrecognised", "(四)无法提供")]
    lacking = "\n".join(line for line in printed.split("\n") if not line.startswith("2.没有现成"))
    values = parse(lacking).values("applications")
    assert {values[("unavailable_needs_creation", a)] for a in ("natural_person", "total")} == {None}
    said = {(f.code, f.row) for f in parse(lacking).findings if f.table == "3"}
    assert ("row_absent", "2.没有现成信息需要另行制作") in said


def test_a_row_whose_every_cell_printed_a_lost_glyph_is_said_printed_not_absent():
    """A row whose cells each print a converter's mark for a lost glyph (``□``, ``■``, ``○`` —
    rules/placeholder_characters.csv; a digit drawn in a font the text layer cannot map), in tab cells and pipe
    rows: ``2.没有现成信息需要另行制作 | □ | □ | … | □``, ``行政许可 | □``. Before: the marks were taken for the
    label's, and row_absent said the report does not print a row it prints. Now the marks are the row's cells:
    the row stays missing, with row_in_words quoting what was printed in place of its numbers; never a 0. (A ``?``
    is left as it was: the PDF cells' reader prints ``？`` where a value's row is unknown, to lose that row.)"""
    from tests.factory import tab_report

    text, counts = distinct_report()
    line = next(x for x in text.split("\n") if x.startswith("2.没有现成"))
    label = line.split("\t")[0]
    for mark in ("□", "■", "○"):
        printed = text.replace(line, label + ("\t" + mark) * 7)
        for form in (printed, as_pipes(printed)):
            record = parse(form)
            values = record.values("applications")
            assert {values[("unavailable_needs_creation", a)] for a in ("natural_person", "total")} == {None}
            said = [(f.code, f.row, f.actual) for f in record.findings if f.table == "3"]
            assert said == [("row_in_words", label, " | ".join([mark] * 7))], mark
        one = parse(tab_report().replace("行政许可\t1", f"行政许可\t{mark}"))
        assert one.values("active")[("licensing", "decisions")] is None
        assert [(f.code, f.actual) for f in one.findings if f.table == "2"] == [("row_in_words", mark)], mark
