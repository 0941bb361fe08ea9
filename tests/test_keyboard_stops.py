"""Every Tab stop is something a keyboard user can see: Material's search dialog made its closed, empty results
box (0 px high, transparent) a Tab stop of its own between the search field and the navigation (the arrow keys take
the keyboard through the results, as Material intends)."""

from __future__ import annotations

import pytest

from .conftest import needs_chromium
from .conftest import wait_for as _wait
from .test_accessibility import _viewport

pytestmark = [pytest.mark.browser, needs_chromium]

# the focused element's size and how opaque it and its ancestors are, once a transition has had time to end
SEEN = """var e = document.activeElement, r = e.getBoundingClientRect(), op = 1;
for (var n = e; n && n.nodeType === 1; n = n.parentElement) op *= parseFloat(getComputedStyle(n).opacity);
return [e.tagName, e.className, r.width, r.height, op];"""
# done once the page's transitions have ended: two frames for a focus's style to start them (Material fades the skip
# link and the phone's search form in), then every finite animation finished. A fixed 0.4 s was a guess a loaded
# machine's renderer could outlast (the fade read half done) and a wait every time on an idle one
FADED = """var done = arguments[arguments.length - 1];
function running() {
  return document.getAnimations().some(function (a) {
    return a.playState === "running" && a.effect && a.effect.getComputedTiming().endTime !== Infinity; });
}
requestAnimationFrame(function () { requestAnimationFrame(function wait() {
  if (running()) return requestAnimationFrame(wait);
  done(true);
}); });"""


@pytest.mark.parametrize("width", ["desktop", "phone"])
def test_the_keyboard_meets_no_invisible_stop_around_the_search(server, chromium, width):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    _viewport(chromium, width)
    try:
        chromium.get(server + "/")
        _wait(lambda: chromium.execute_script("return document.readyState") == "complete")
        unseen = []
        for _ in range(6):  # the skip link, the logo or the menu, the search field, then the navigation
            ActionChains(chromium).send_keys(Keys.TAB).perform()
            chromium.execute_async_script(FADED)
            tag, name, w, h, opacity = chromium.execute_script(SEEN)
            if w < 1 or h < 1 or opacity < 0.5:
                unseen.append((tag, name, w, h, opacity))
        assert not unseen, unseen  # before: DIV md-search__scrollwrap, 688 × 0 px, opacity 0
    finally:
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
