"""Session 36 (the red team's leftover): the list a report page says it is in (上一份/下一份, 返回列表) is read from the
tab's sessionStorage, which any page of the site's origin may write. A poisoned list (a null item, an item that is
not an address and a name, no address to go back to) threw on every report page of the tab, and linked 返回列表 to
…/undefined: only [address, name] items are read now, and a back link only to an address."""

from __future__ import annotations

import json

import pytest

from .conftest import needs_chromium
from .conftest import wait_for as _wait

pytestmark = [pytest.mark.browser, needs_chromium]

HUANGZHONG = "qinghai-xining-huangzhong-renminzhengfu"  # the seeds: 2025 and its agency page
ERRORS = """window.__errors = [];
window.addEventListener('error', function (e) { window.__errors.push(String(e.message)); });"""


def test_a_poisoned_work_list_shows_its_good_items_only_and_throws_nothing(server, chromium):
    chromium.set_window_size(1366, 900)
    here = f"{server}/a/{HUANGZHONG}/2025.html"
    agency = f"{server}/a/{HUANGZHONG}/"
    chromium.get(here)
    poisoned = {"name": "某列表", "items": [None, 5, ["x"], [here, "湟中区人民政府 2025年度"], [agency, "下一份"]]}
    chromium.execute_script("sessionStorage.setItem('xxgk-work-list', arguments[0])", json.dumps(poisoned))
    script = chromium.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": ERRORS})["identifier"]
    try:
        chromium.get(here)
        nav = _wait(lambda: chromium.find_element("id", "xxgk-work-list"))
        assert "第 1/2 份" in nav.text, nav.text  # None, 5 and ["x"] (no name) are no items
        assert not nav.find_elements("css selector", "a[rel=prev]")
        assert nav.find_element("css selector", "a[rel=next]").get_attribute("href") == agency
        assert "返回列表" not in nav.text  # no address to go back to: no link to …/undefined
        assert chromium.execute_script("return window.__errors") == []
    finally:
        chromium.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script})
        chromium.execute_script("sessionStorage.clear()")
