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
    text, web page or Word file of 3,100,000 characters of prose (9.3 MB, within the 20 MB a file may weigh
    and the 200,000 lines it may have) was read whole, and the build's own process then spent what no worker's
    budget bounds on it: 6,500,000 such characters in one file (19.5 MB) made ``xxgk build`` take 133 s and
    1.1 GB with every cache warm (the seeds alone: 4 s), 107 s of it SQLite's trigram index of the one
    section. It is over budget, in its worker, and says why."""
    text = tab_report(agency="长县数据局", narrative=_prose(3_100_000))
    data = {".txt": lambda: text.encode("utf-8"), ".html": lambda: as_html(text).encode("utf-8"),
            ".docx": lambda: as_docx(text)}[suffix]()
    source = read_bytes(data, suffix)
    assert [f.code for f in source.findings] == ["over_budget"], source.findings
    assert "字符，超过上限" in source.findings[0].message and source.text == ""


def test_a_long_report_is_still_read():
    """The bound leaves room: a report with 400,000 characters of prose (a 600-page book's) is read whole."""
    text = tab_report(agency="长县数据局", narrative=_prose(400_000))
    source = read_bytes(text.encode("utf-8"), ".txt")
    assert source.findings == [] and source.text == text


def _nested_page(levels: int) -> bytes:
    """A report as a web page whose tables and the text after its first lines sit in ``levels`` nested layout
    tables."""
    body = as_html(tab_report(agency="深县数据局")).removeprefix("<html><body>").removesuffix("</body></html>")
    first, rest = body.split("\n", 3)[:3], body.split("\n", 3)[3]
    return ("<html><body>" + "".join(first) + "<table><tr><td>" * levels + rest + "</td></tr></table>" * levels
            + "<p>附：联系电话</p></body></html>").encode("utf-8")


def test_a_page_nested_past_the_parsers_depth_after_some_text_says_so():
    """libxml2 stops at 2,048 elements deep and keeps what it read up to there: a page whose report sits in 1,000
    nested layout tables (4,000 elements: table, tbody, tr, td) after a few lines of text was read as those lines
    alone, with no finding — its tables and the rest of its text silently gone (only a page with no text before
    the nesting was said to be over budget). Now it is over budget, saying why."""
    source = read_bytes(_nested_page(1_000), ".html")
    assert [f.code for f in source.findings] == ["over_budget"] and "嵌套" in source.findings[0].message


def test_a_page_nested_within_the_parsers_depth_is_read_whole():
    source = read_bytes(_nested_page(300), ".html")
    assert source.findings == [] and "附：联系电话" in source.text and "行政许可\t1" in source.text


def test_a_docx_whose_text_holds_an_undefined_or_external_entity_is_not_read_in_part():
    """Word writes no DTD and refuses a file that has one. A .docx whose document.xml declares an entity and uses
    it in a sentence (an external one naming a file of this machine, ``SYSTEM "file:///…"``, or an internal one) is
    read without resolving it — nothing is fetched or read from the machine — but the rest of that sentence after
    the entity, and every run after it in the paragraph, was dropped without a finding: 概述&x;结束。 was read as
    概述. It is unreadable, saying why."""
    import io
    import zipfile

    original = zipfile.ZipFile(io.BytesIO(as_docx(tab_report(agency="实体县数据局", narrative="概述ABC结束。"))))
    for declared in ('<!ENTITY x SYSTEM "file:///etc/hostname">', '<!ENTITY x "内部">'):
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as crafted:
            for item in original.infolist():
                data = original.read(item.filename)
                if item.filename == "word/document.xml":
                    head, _, rest = data.decode("utf-8").partition("?>")
                    data = f"{head}?><!DOCTYPE w:document [{declared}]>{rest.replace('ABC', '&x;')}".encode()
                crafted.writestr(item.filename, data)
        source = read_bytes(out.getvalue(), ".docx")
        assert [f.code for f in source.findings] == ["file_unreadable"], (declared, source.findings)
        assert "实体" in source.findings[0].message and source.text == ""
