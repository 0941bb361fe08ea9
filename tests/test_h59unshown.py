"""The reader reads a page's table 三 exactly when Chromium shows it (session 59).

A section whose heading alone is missing now begins at its table's first line (``sections.by_table_start``), so what
libxml2 leaves outside a hidden element matters: it ended a ``<template>`` or a closed ``<dialog>`` opened inside the
heading's paragraph with that paragraph, and the table after it was read, where a browser keeps it inside, unseen
(``html_unshown``). A ``<datalist>`` or ruby's ``<rp>`` opened there does end with the paragraph in a browser too: its
table shows, and is read. Each page is opened in the headless browser and its text compared with the reader's."""

from __future__ import annotations

import pytest

from xxgk.parser import parse
from xxgk.readers import read_bytes

from .conftest import needs_chromium
from .test_h36hostile import HIDING, hidden_page

pytestmark = [pytest.mark.browser, needs_chromium]


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
