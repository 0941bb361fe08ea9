"""Session 37 (helper C's journey 3): 湟中区人民政府's 2025 report prints every number of table 三, but its outcome
rows do not add up to its 办理总计 (all 0 against 11), so the site withholds its 予以公开比例 (metrics.yaml ``holds``:
a 0 % the report never states). The agency page showed 无数据 with the note 报告中没有这个数，或本站未能读出 — neither
true of this report. The note now names the third reason a share is missing."""

from __future__ import annotations

import lxml.html

HUANGZHONG = "qinghai-xining-huangzhong-renminzhengfu"


def test_a_withheld_share_is_explained_by_the_note_under_the_agency_pages_years(built_site):
    doc = lxml.html.document_fromstring((built_site / "a" / HUANGZHONG / "index.html").read_text(encoding="utf-8"))
    table = doc.get_element_by_id("xxgk-agency-years")
    heads = [th.text_content().strip() for th in table.xpath(".//thead//th")]
    column = next(i for i, h in enumerate(heads) if h.startswith("予以公开比例"))
    row = next(tr for tr in table.xpath(".//tbody/tr") if "2025" in tr.xpath("./td")[0].text_content())
    # withheld, not 0 % (session 38: its reason in its place, as metric_values.missing gives it)
    assert row.xpath("./td")[column].text_content().strip() == "无数据（分项与总计不符）"
    notes, node = [], table.getnext()
    while node is not None and node.tag == "p":
        notes.append(node.text_content())
        node = node.getnext()
    assert any("无数据" in n and "分项之和与总计不符" in n for n in notes), notes


def test_the_compare_pages_missing_value_note_names_a_withheld_share_too(built_site):
    import json

    script = (built_site / "assets" / "compare.js").read_text(encoding="utf-8")
    assert "报告中没有该数或未能读出（" not in script
    # (session 38: the notes' sentences are the data's, each missing value's own, from agencies.json's labels.missing
    # — compare.js spells no reason of its own; before, two notes naming every reason)
    labels = json.loads((built_site / "json" / "agencies.json").read_text(encoding="utf-8"))["labels"]["missing"]
    assert "分项之和与总计不符" in labels["identity_broken"][1]
    assert script.count("分项之和与总计不符") == 0
