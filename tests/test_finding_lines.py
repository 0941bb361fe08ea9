"""A finding's line is the line a reader must look at: the site links 第N行 to the source, so a count the
overview states over several lines (a PDF's text layer wraps a sentence anywhere) is found on the line that
prints the number, not on the line where its sentence began."""

from __future__ import annotations

from tests.test_layouts_hostile import _read, pdf_text_report
from xxgk.narrative import narrative_to_findings


def test_a_stated_count_wrapped_over_lines_is_located_on_the_numbers_line():
    text = "本年度，我局\n共收到政府信息公开\n申请\n30件，均已按时办结。"
    values = {"applications": {("new", "total"): 31}}
    [found] = narrative_to_findings(text, values, 48)
    assert found.line == 48 + 3  # 「30件」 is on the fourth line of the overview


def test_a_whole_reports_wrapped_claim_points_at_the_source_line_holding_the_number():
    source = pdf_text_report(overview="全年共收到政府信息公开\n申请30件。")
    [found] = [f for f in _read(source).findings if f.code == "narrative_mismatch"]
    assert "30" in source.splitlines()[found.line - 1]
