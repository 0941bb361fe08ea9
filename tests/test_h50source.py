"""A source page's line numbers, reached by the arrow keys, say their line's words to a screen reader.

Session 48 made the numbers one stop of the Tab order and the arrow keys go from number to number; a screen reader
then heard 第 3 行, link — the number alone, never what the line says, so a blind reader had to leave the numbers to
read each line. Each number is now described by its line (``aria-describedby``), read after its name.
"""

from __future__ import annotations

import pytest

from .conftest import needs_chromium, wait_for
from .test_h48site import _longest_source

pytestmark = [pytest.mark.browser, needs_chromium]


def _description(chromium, selector: str) -> tuple[str, str]:
    """``(accessible name, accessible description)`` of the element at ``selector``, as Chromium computes them."""
    root = chromium.execute_cdp_cmd("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
    node = chromium.execute_cdp_cmd("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    (ax, *_) = chromium.execute_cdp_cmd("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})[
        "nodes"]
    return ax.get("name", {}).get("value", ""), ax.get("description", {}).get("value", "")


def test_a_line_number_is_described_by_its_lines_words(built_site, server, chromium):
    chromium.get(f"{server}/src/{_longest_source(built_site)}")
    wait_for(lambda: chromium.find_elements("css selector", ".xxgk-source a.xxgk-ln"))
    line = chromium.execute_script(
        "return Array.from(document.querySelectorAll('.xxgk-source [data-n]')).find(function (l) {"
        "  return l.textContent.trim().length > 8; }).dataset.n")
    words = chromium.execute_script(f"return document.getElementById('L{line}').textContent.trim()")
    name, description = _description(chromium, f"#L{line} a.xxgk-ln")
    assert name == f"第 {line} 行"
    assert words[:8] in description, (words, description)
