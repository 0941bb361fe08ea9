"""Table 四's header printed without section 四's heading (session 60): read, and the missing heading said.

Its header's first line, 行政复议 | 行政诉讼, is in the words of section 四's heading (…行政复议、行政诉讼情况): a
report printing the table without 四、政府信息公开行政复议… above it had that line taken for the heading — the table
was read, but the heading's absence was never said (session 59's note). A heading that is its table's own first line
(``rules/table_starts.csv``) is none: the section begins at that line, as one whose heading is missing."""

from __future__ import annotations

import pytest

from xxgk.parser import parse
from xxgk.readers import read_bytes

from .factory import as_html, as_pipes, tab_report

HEADING_4 = "四、政府信息公开行政复议、行政诉讼情况\n"
HEADER = ("行政复议\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉\n"
          "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n")
NUMBERS = "\t".join(["0"] * 15) + "\n"
PRINTED = "\t".join(["2", "1", "0", "0", "3", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"]) + "\n"


def _with_header(heading: str = HEADING_4) -> str:
    return tab_report().replace(HEADING_4 + NUMBERS, heading + HEADER + PRINTED)


def _read(text: str, form: str):
    if form == "html":
        return parse(read_bytes(as_html(text).encode(), ".html").parse_text)
    return parse(as_pipes(text) if form == "pipes" else text)


def _absent_headings(record) -> list:
    return [f for f in record.findings if f.code == "section_heading_absent"]


@pytest.mark.parametrize("form", ["text", "pipes", "html"])
def test_table_4_printed_under_its_header_without_its_heading_is_read_and_said(form):
    whole = _read(_with_header(), form)
    record = _read(_with_header(heading=""), form)
    assert whole.values("review_litigation")[("review", "upheld")] == 2
    assert record.values("review_litigation") == whole.values("review_litigation")
    assert record.values("applications") == whole.values("applications")  # (table 三 ends where table 四 begins)
    (said,) = _absent_headings(record)
    assert "行政复议、行政诉讼情况" in said.message and "行政复议" in said.actual
    assert said.line == record.section_lines["review_litigation"]
    assert not {f.code for f in record.findings} & {"section_absent", "table_absent", "label_unrecognised"}


@pytest.mark.parametrize("form", ["text", "pipes", "html"])
def test_table_4_under_its_heading_says_no_heading_missing(form):
    record = _read(_with_header(), form)
    assert not _absent_headings(record)
    assert record.values("review_litigation")[("litigation_direct", "upheld")] == 1


@pytest.mark.parametrize("heading", ["政府信息公开行政复议、行政诉讼情况", "行政复议 行政诉讼情况"])
def test_a_heading_in_words_only_is_still_a_heading(heading):
    """The heading printed alone on its line, unnumbered — even as 行政复议 行政诉讼情况, the header's words and a
    heading's tail — is the section's heading: it is no table's first line."""
    record = _read(_with_header(heading=heading + "\n"), "text")
    assert not _absent_headings(record)
    assert record.values("review_litigation")[("review", "upheld")] == 2
