"""Session 31's review of the session's merged changes: inputs the changes were not written for, each checked
against what a reader would see published (the fixtures are built here)."""

from __future__ import annotations

import io
import random

import pytest

from tests.test_h30pdf_audit import _expected
from tests.test_layouts_unseen import _table3
from xxgk.parser import parse
from xxgk.readers import read_bytes


def _chars(rng: random.Random, count: int) -> list[dict]:
    """Characters as pdfplumber gives them: lines of digits, some drawn twice 0.2–0.6 points apart (a simulated bold),
    some twice at the very same place, a few in another font or size."""
    out = []
    for at in range(count):
        char = {"upright": rng.random() > 0.05, "text": rng.choice("0123456789年度"), "fontname": rng.choice("FFFG"),
                "size": rng.choice((9.0, 9.0, 12.0)), "doctop": (at // 40) * 12.0 + rng.choice((0, 0, 0.4)),
                "x0": (at % 40) * 6.0, "index": at}
        out.append(char)
        if rng.random() < 0.3:
            out.append(dict(char, x0=char["x0"] + rng.uniform(0.2, 0.6), index=-at))
        if rng.random() < 0.05:
            out.append(dict(char))  # (the same dict again: drawn twice at the very same place)
    rng.shuffle(out)
    return out


@pytest.mark.parametrize("seed", range(5))
def test_overprinted_characters_are_kept_as_the_library_keeps_them(seed):
    """A page's characters drawn over themselves are read once: the same characters, in the same order, as
    pdfplumber's own dedupe_chars keeps (which the reader used in session 31, but whose ordering is quadratic)."""
    from pdfplumber.utils import dedupe_chars

    from xxgk.pdf_overprint import dedupe

    chars = _chars(random.Random(seed), 600)
    expected = dedupe_chars(chars, tolerance=1.0)
    assert [c["index"] for c in dedupe(chars, 1.0)] == [c["index"] for c in expected]
    assert len(expected) < len(chars)  # (the fixture draws characters twice: some are left out)


def test_a_pdf_drawn_in_simulated_bold_is_read_without_the_librarys_quadratic_dedupe(monkeypatch):
    """Session 31 read a character drawn over itself once by pdfplumber's dedupe_chars, which puts the kept
    characters back in order by ``list.index`` (quadratic: a page of 20,000 characters took 17 CPU s, of 40,000 103 s;
    a file's time is 120 s). The reader no longer calls it, and table 三's numbers are still read once each."""
    import pdfplumber.utils

    from tests.test_h31readers_audit import draw_each_glyph_twice
    from tests.test_parse9_pdf import build

    def refused(*args, **kwargs):
        raise AssertionError("pdfplumber's dedupe_chars: quadratic in a page's characters")

    monkeypatch.setattr(pdfplumber.utils, "dedupe_chars", refused)
    draw_each_glyph_twice(monkeypatch)
    source = read_bytes(build(ruled=True), ".pdf")
    assert not [f.code for f in source.findings if f.code == "file_unreadable"]
    assert _table3(parse(source.parse_text)) == _expected()


@pytest.mark.parametrize("layout", ["html", "tabs", "column"])
def test_table_4_under_the_templates_header_is_read_as_printed_when_a_total_does_not_add_up(layout):
    """Table 四 under the template's own header (结果维持 结果纠正 其他结果 尚未审结 总计) whose 行政复议 total does not
    add up (1 upheld, 1 corrected, total printed 0): session 31's check for numbers under no header (each total
    first, 2 1 1 0 0) took the template's header for no header — the header reader says nothing for the template's
    order — and, the printed numbers holding with 总计 first, all fifteen were published missing with
    columns_order_unsure. The header says the order: the numbers are published as printed, the broken total told
    by identity_broken (as before the session)."""
    from tests.factory import tab_report
    from tests.test_h28parser_audit import HEADING_4, ZEROS_4, _table_4
    from tests.test_layouts_unseen import OUTCOMES, html_report, html_table4

    printed = [1, 1, 0, 0, 0] + [0] * 10
    if layout == "html":
        record = parse(read_bytes(html_report(t4=html_table4(values=printed)).encode(), ".html").parse_text)
    else:
        header = ("行政复议\t行政诉讼\n" + "\t".join(OUTCOMES) + "\t未经复议直接起诉\t复议后起诉\n"
                  + "\t".join(OUTCOMES * 2) + "\n") if layout == "tabs" else \
            "".join(f"{name} |\n" for name in ["结果维持", "结果 纠正", "其他 结果", "尚未 审结", "总计"])
        body = HEADING_4 + header + "\t".join(str(v) for v in printed)
        record = parse(tab_report().replace(HEADING_4 + ZEROS_4, body))
    assert _table_4(record) == [[1, 1, 0, 0, 0], [0] * 5, [0] * 5]
    codes = [f.code for f in record.findings if f.table == "4"]
    assert "identity_broken" in codes and "columns_order_unsure" not in codes


def _report_with_a_turned_last_page(lines: list[str]) -> bytes:
    """A short report whose last page is printed turned a quarter (a landscape page on a portrait one, as a report
    set in landscape for its tables prints every page) and holds only ``lines``: its signature and date, or the
    last rows of a table that ran over."""
    from tests.test_h31readers_audit import first_page_of_a_short_report

    out = io.BytesIO()
    pdf = first_page_of_a_short_report(out)
    pdf.saveState()
    pdf.translate(500, 100)
    pdf.rotate(90)
    pdf.setFont("STSong-Light", 12)
    for k, line in enumerate(lines):
        pdf.drawString(400, -24 * k, line)
    pdf.restoreState()
    pdf.showPage()
    pdf.save()
    return out.getvalue()


def test_a_turned_last_page_of_two_lines_is_read_turned():
    """A report set in landscape whose last page holds only its signature and date, printed turned like every
    page: session 31 turned a page only when its sideways text stood on three lines or more (so that a note up the
    margin of an upright page would not turn it), and this page's two lines were read a character a line — the
    date lost (no published date). A page whose sideways lines outnumber its upright ones is turned, as before."""
    source = read_bytes(_report_with_a_turned_last_page(["某某县卫生健康局", "2025年1月20日"]), ".pdf")
    assert "某某县卫生健康局\n2025年1月20日" in source.text
    assert parse(source.parse_text).published_date == "2025-01-20"
