"""A section printed with no heading over its sub-headings (``（一）主要问题`` / ``（二）改进情况`` with no
``五、存在的主要问题及改进情况`` above them, as a real report does) is read as that section from its first
sub-heading: its text is published as the section's, table 四 above it no longer runs on into it, and the
finding says the heading is missing — not that the section is."""

from __future__ import annotations

import pytest

from .test_layouts_hostile import HEADINGS, T4, _codes, _read, _table4, pdf_text_report

BODY = "一是公开内容不够全面。下一步将加强培训。"


def _without_heading(first: str) -> str:
    return pdf_text_report().replace(f"{HEADINGS[4]}\n{BODY}\n", f"{first}\n人手不足。\n（二）改进情况\n{BODY}\n")


@pytest.mark.parametrize("first", ["（一）主要问题", "(一)问题与不足", "1.主要问题", "一是存在问题"])
def test_sub_headings_with_no_heading_are_the_section(first):
    record = _read(_without_heading(first))
    assert record.sections["problems"].startswith(first) and record.sections["problems"].endswith(BODY)
    assert _table4(record) == T4
    assert "section_absent" not in _codes(record)
    (finding,) = [f for f in record.findings if f.code == "section_heading_absent"]
    assert finding.severity == "info" and finding.actual == first
    assert finding.message == f"“存在的主要问题及改进情况”部分没有标题，从小标题“{first}”起读取"


def test_a_sub_heading_elsewhere_is_no_section():
    # no 五 heading and no sub-heading between 四 and 六: the section is missing, whatever the overview says
    text = pdf_text_report().replace(f"{HEADINGS[4]}\n{BODY}\n", "").replace(
        "一、总体情况\n", "一、总体情况\n（一）主要问题\n")
    record = _read(text)
    assert "problems" not in record.sections
    assert "section_absent" in _codes(record) and "section_heading_absent" not in _codes(record)


def test_a_printed_heading_is_still_the_section():
    record = _read(pdf_text_report())
    assert record.sections["problems"] == BODY and "section_heading_absent" not in _codes(record)
