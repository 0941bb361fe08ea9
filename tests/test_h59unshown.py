"""The reader reads a page's table 三 exactly when Chromium shows it (session 59).

A section whose heading alone is missing now begins at its table's first line (``sections.by_table_start``), so what
libxml2 leaves outside a hidden element matters: it ended a ``<template>`` or a closed ``<dialog>`` opened inside the
heading's paragraph with that paragraph, and the table after it was read, where a browser keeps it inside, unseen
(``html_unshown``). A ``<datalist>`` or ruby's ``<rp>`` opened there does end with the paragraph in a browser too: its
table shows, and is read. Each page is opened in the headless browser and its text compared with the reader's."""

from __future__ import annotations

import pytest

from xxgk.html_unshown import unshown_cut
from xxgk.parser import parse
from xxgk.readers import read_bytes

from .conftest import needs_chromium
from .test_h36hostile import HIDING, hidden_page
from .test_splitting_bound import no_hang


@pytest.mark.browser
@needs_chromium
@pytest.mark.parametrize("inside_paragraph", [True, False], ids=["inside-the-paragraph", "around-the-section"])
@pytest.mark.parametrize(("opening", "closing"), HIDING)
def test_table_3_is_read_where_chromium_shows_it(chromium, tmp_path, opening, closing, inside_paragraph):
    page = tmp_path / "page.html"
    page.write_text(hidden_page(opening, closing, inside_paragraph), encoding="utf-8")
    chromium.get(page.as_uri())
    shown = "本年新收" in chromium.execute_script("return document.body.innerText")
    values = parse(read_bytes(page.read_bytes(), ".html").parse_text).values("applications")
    assert (values.get(("new", "natural_person")) == 5) == shown
    assert bool(values) == shown
    assert shown == (inside_paragraph and opening in ("<datalist>", "<ruby>告<rp>"))  # (what Chromium did, session 59)


@pytest.mark.parametrize(("markup", "left"), [
    ("<script" * 300_000, "<script" * 300_000),  # (a tag never closed: each search stops at the next <)
    ("<script " * 300_000, "<script " * 300_000),
    ("<template" * 300_000, "<template" * 300_000),
    ("<template " * 300_000, "<template " * 300_000),
    ("<!--" * 300_000 + "<template>x", "<!--" * 300_000 + "<template>x"),  # (all one comment: nothing opens)
    ("<dialog>" * 300_000 + "shown?", ""),  # (none closed: hidden to the page's end, as a browser hides it)
    ("a<template>" + "</p><table>" * 300_000, "a"),
    ("<p>" * 300_000 + "<dialog open>" + "x" * 300_000 + "</dialog>", None),  # (an open dialog is shown)
])
def test_the_cut_reads_hostile_markup_in_one_pass(markup, left):
    """Pages of 1–3 MB written against the cut's search (tags never closed, comments never ended, hidden elements
    never closed) are settled at once: what a browser would hide is cut, the rest kept as it was."""
    with no_hang(20):
        out = unshown_cut(markup)
    assert out == (markup if left is None else left)
