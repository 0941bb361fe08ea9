"""Session 31's review of the session's merged changes: inputs the changes were not written for, each checked
against what a reader would see published (the fixtures are built here)."""

from __future__ import annotations

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
    from reportlab.pdfgen.canvas import Canvas

    from tests.test_parse9_pdf import build

    def refused(*args, **kwargs):
        raise AssertionError("pdfplumber's dedupe_chars: quadratic in a page's characters")

    monkeypatch.setattr(pdfplumber.utils, "dedupe_chars", refused)
    for name in ("drawString", "drawRightString", "drawCentredString"):
        draw = getattr(Canvas, name)

        def twice(self, x, y, text, *args, draw=draw, **kwargs):
            draw(self, x, y, text, *args, **kwargs)
            return draw(self, x + 0.3, y, text, *args, **kwargs)

        monkeypatch.setattr(Canvas, name, twice)
    source = read_bytes(build(ruled=True), ".pdf")
    assert not [f.code for f in source.findings if f.code == "file_unreadable"]
    assert _table3(parse(source.parse_text)) == _expected()
