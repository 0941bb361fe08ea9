"""Table 二's columns are explained in the glossary beside its items (session 48's phone audit: a reader of a 2019
report met 上一年项目数量 and 本年增/减 — counts of kinds of matters, not of decisions — with no meaning to follow)."""

from __future__ import annotations

import html

from xxgk.catalog import codes
from xxgk.site.glossary import glossary_markdown, glossary_words


def test_every_measure_of_table_2_of_either_template_is_explained_in_its_section():
    explained = {c for w in glossary_words() if w["section"].startswith("表二") for c in w["codes"].split()}
    assert {m["code"] for m in codes()["measures"]} - explained == set()
    page = html.unescape(glossary_markdown())
    section = page[page.index("## 表二"):page.index("## 表三")]
    assert '<dt id="measure_change"><dfn>本年增/减</dfn></dt>' in section and "不是决定的件数" in section
