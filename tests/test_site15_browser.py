"""Round 8 of a reader's journeys, in Chromium, at 1366 and 390 px: the compare page's agency box after a choice,
the tables of contents of the pages whose headings are written as HTML (the quality page's finding codes), and the
agency page's peer table and the report's table 四 on a phone."""

from __future__ import annotations

import pytest
from selenium.webdriver.common.keys import Keys

from .conftest import SHOTS, needs_chromium
from .conftest import wait_for as _wait
from .test_accessibility import AXE, _axe, _viewport

pytestmark = [pytest.mark.browser, needs_chromium]


@pytest.mark.skipif(not AXE.exists(), reason="npm axe-core is not installed (make install)")
def test_after_choosing_an_agency_the_compare_box_names_no_option_that_is_gone(server, chromium):
    _viewport(chromium, "desktop")
    try:
        chromium.get(server + "/compare/")
        box = _wait(lambda: chromium.find_element("id", "xxgk-compare-add"))
        for typed in ("湟中", "haicheng"):  # a Chinese name, then pinyin; each chosen with Enter
            box.send_keys(typed)
            _wait(lambda: chromium.find_elements("css selector", "#xxgk-compare-suggest [role=option][id]"))
            box.send_keys(Keys.ENTER)
            _wait(lambda: not chromium.find_elements("css selector", "#xxgk-compare-suggest li"))
        assert len(chromium.find_elements("css selector", "#xxgk-compare-chosen li")) == 2
        chromium.save_screenshot(str(SHOTS / "site15-compare-1366.png"))
        named = box.get_attribute("aria-activedescendant")
        # before: the box still named xxgk-compare-opt-0, an option of the list just emptied (axe: critical)
        assert not named or chromium.find_elements("id", named), named
        violations = [v["id"] for v in _axe(chromium) if v["impact"] in {"serious", "critical"}]
        assert violations == []
        box.send_keys(Keys.ARROW_DOWN)  # nothing listed: nothing highlighted
        assert not box.get_attribute("aria-activedescendant")
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
