"""Finding messages read as Chinese sentences with the values put in their place."""

from __future__ import annotations

from .test_layouts_hostile import HEADINGS, _read, pdf_text_report


def test_a_missing_section_is_named_in_quotes_not_as_an_ordinal():
    text = pdf_text_report().replace(HEADINGS[4] + "\n", "")  # no 五、存在的主要问题及改进情况
    (finding,) = [f for f in _read(text).findings if f.code == "section_absent"]
    assert finding.message == "缺少“存在的主要问题及改进情况”部分"  # was 缺少第存在的主要问题及改进情况部分
