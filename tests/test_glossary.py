"""The glossary page (词语解释, ``site/glossary.py``, ``rules/glossary.csv``): every word a report page's tables 三
and 四 print is explained (a row or outcome added to ``codes.yaml`` without a meaning fails here), each word has one
anchor a link can name, and the page says where each meaning comes from."""

from __future__ import annotations

import html
import re

from xxgk.catalog import codes
from xxgk.site.glossary import glossary_markdown, glossary_words


def _explained(section: str) -> set[str]:
    return {code for w in glossary_words() if w["section"].startswith(section) for code in w["codes"].split()}


def test_every_row_of_table_3_of_either_template_is_explained():
    assert {r["code"] for r in codes()["rows"]} - _explained("表三") == set()


def test_every_proceeding_and_outcome_of_table_4_is_explained():
    named = {p["code"] for p in codes()["proceedings"]} | {o["code"] for o in codes()["outcomes"]}
    assert named - {"total"} - _explained("表四") == set()


def test_each_word_has_one_anchor_of_its_own():
    anchors = [w["anchor"] for w in glossary_words()]
    assert len(anchors) == len(set(anchors)) and all(re.fullmatch(r"[a-z_]+", a) for a in anchors), anchors
    page = html.unescape(glossary_markdown())
    assert all(page.count(f'<dt id="{a}">') == 1 for a in anchors)
    assert all(w["meaning"].endswith("。") for w in glossary_words())  # a sentence, not a stub


def test_a_meaning_resting_on_the_regulation_names_its_article():
    page = html.unescape(glossary_markdown())
    assert '<dt id="partially_granted"><dfn>部分公开</dfn></dt><dd>' in page
    assert "只计入本项" in page and "（条例第三十七条）" in page
