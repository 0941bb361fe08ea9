"""Session 34's hostile inputs: what a red team found past the earlier audits' tests."""

from __future__ import annotations

import random

import pytest

from xxgk.readers import read_bytes

from .factory import as_docx, as_html, tab_report


def _prose(chars: int) -> str:
    """``chars`` characters of Han prose no two runs of which repeat (a full-text index's worst case: every
    three-character run a term of its own)."""
    draw = random.Random(34)
    return "".join(chr(0x4E00 + draw.randrange(500)) for _ in range(chars))


@pytest.mark.parametrize("suffix", [".txt", ".html", ".docx"])
def test_a_report_of_millions_of_characters_no_report_prints_is_over_budget(suffix):
    """A report is some tens of KB of text (the corpus's longest, 36 KB; a PDF may draw 1,000,000 glyphs); a
    text, web page or Word file of 1,200,000 characters of prose (3.6 MB, within the 20 MB a file may weigh
    and the 200,000 lines it may have) was read whole, and the build's own process then spent what no worker's
    budget bounds on it: 6,500,000 such characters in one file (19.5 MB) made ``xxgk build`` take 133 s and
    1.1 GB with every cache warm (the seeds alone: 4 s), 107 s of it SQLite's trigram index of the one
    section. It is over budget, in its worker, and says why."""
    text = tab_report(agency="长县数据局", narrative=_prose(1_200_000))
    data = {".txt": lambda: text.encode("utf-8"), ".html": lambda: as_html(text).encode("utf-8"),
            ".docx": lambda: as_docx(text)}[suffix]()
    source = read_bytes(data, suffix)
    assert [f.code for f in source.findings] == ["over_budget"], source.findings
    assert "字符" in source.findings[0].message and source.text == ""


def test_a_long_report_is_still_read():
    """The bound leaves room: a report with 400,000 characters of prose (a 600-page book's) is read whole."""
    text = tab_report(agency="长县数据局", narrative=_prose(400_000))
    source = read_bytes(text.encode("utf-8"), ".txt")
    assert source.findings == [] and source.text == text
