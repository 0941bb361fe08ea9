"""Session 36: nothing moves under the reader's finger. Every page type is walked in headless Chromium at 390 px (a
phone) and 1366 px, loaded and scrolled to its end, with a ``layout-shift`` PerformanceObserver recording what moved
(each entry's nodes and their rectangles before and after). The site is served with its scripts held back a little
(``SlowScripts``), as a phone on a slow network gets them: the page is painted before they run, so whatever a script
inserts or reveals above the reader's view shows as a shift, every run (on a fast machine the first paint came after
them, or before them, by chance).

The report and agency pages' charts are drawn as they near the view: their shifts are counted too (their boxes keep
the drawn chart's height and their captions' buttons from the start: ``tests/test_h36charts.py``)."""

from __future__ import annotations

import pytest

from .conftest import BUSY, QUIET_FN, SHOTS, SlowScripts, needs_chromium, serving, wait_for, wait_quiet

pytestmark = [pytest.mark.browser, needs_chromium]

HUANGZHONG = "qinghai-xining-huangzhong-renminzhengfu"  # the seeds: 2025, table 三 of 11 new requests
GEERMU = "qinghai-haixi-geermu-shujuju"  # the seeds: its table 三 not read
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}
# what moved, from the page's first script on: each shift's value and its nodes (a short selector of each), their
# rectangles before and after; and the uncaught errors. ``__xxgkShifts()``: every shift so far, those the browser had
# not yet handed to the observer too (``takeRecords``). And what the page has still to do (``conftest.BUSY``).
OBSERVE = r"""window.__shifts = []; window.__errors = [];
window.addEventListener('error', function (e) { window.__errors.push(String(e.message)); });
function __name(n) {
  var parts = [];
  for (var e = n && n.nodeType === 1 ? n : n && n.parentElement; e && e.tagName && parts.length < 3;
       e = e.parentElement) {
    var c = typeof e.className === 'string' && e.className.trim();
    parts.unshift(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (c ? '.' + c.split(/\s+/).join('.') : ''));
    if (e.id) break;
  }
  return parts.join(' > ');
}
function __record(entries) {
  entries.forEach(function (e) {
    var r = function (q) { return [Math.round(q.x), Math.round(q.y), Math.round(q.width), Math.round(q.height)]; };
    window.__shifts.push({value: e.value, input: e.hadRecentInput,
                          sources: (e.sources || []).map(function (s) {
      var n = s.node, el = n && (n.nodeType === 1 ? n : n.parentElement);
      return {node: __name(n), result: !!(el && el.closest && el.closest('.md-search-result')),
              before: r(s.previousRect), after: r(s.currentRect)};
    })});
  });
}
var __observer = new PerformanceObserver(function (list) { __record(list.getEntries()); });
__observer.observe({type: 'layout-shift', buffered: true});
function __xxgkShifts() { __record(__observer.takeRecords()); return window.__shifts; }
""" + BUSY
# the page scrolled down in steps of most of a screen to its end, each step given time for what it brings in, then
# until the page is quiet (``conftest.QUIET_FN``: nothing in flight, no timer pending, no chart being drawn, its
# document unchanged over three frames: nothing is left that could move it; session 49: this was a last pause of
# 800 ms). What a scroll brings in is a chart (xxgk.js draws one as it nears the view: an IntersectionObserver,
# whose report comes within two frames of the scroll; ``data-done`` from the draw's start, ``data-drawn`` or
# ``xxgk-chart-failed`` at its end): each step waits two frames, then for every chart being drawn (at most 10 s a
# step), then two frames more. (Session 45: this was a fixed 400 ms a step, 70 steps on the data page at 390 px.)
SCROLL = QUIET_FN + """var done = arguments[arguments.length - 1];
function frames(n, then) { if (!n) return then(); requestAnimationFrame(function () { frames(n - 1, then); }); }
function drawing() {
  return document.querySelector("div.xxgk-chart[data-done]:not([data-drawn]):not(.xxgk-chart-failed)"); }
function settled(then, until) {
  frames(2, function () {
    if (drawing() && Date.now() < until) __busy.wait(function () { settled(then, until); }, 50);
    else frames(2, then);
  });
}
var step = function () {
  var before = scrollY; window.scrollBy(0, Math.round(innerHeight * 0.7));
  settled(function () { if (scrollY === before) __xxgkQuiet(done, 10000); else step(); }, Date.now() + 10000);
}; step();"""


@pytest.fixture(params=["phone", "desktop"])
def screen(request, chromium):
    """``chromium`` at 1366 × 900, or emulating a 390 px phone; the layout-shift observer on every page it opens."""
    chromium.set_window_size(1366, 900)
    chromium.set_script_timeout(120)
    if request.param == "phone":
        chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    script = chromium.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": OBSERVE})["identifier"]
    yield request.param
    chromium.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script})
    if request.param == "phone":
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def _source_page(site) -> str:
    return "/src/" + sorted((site / "src").glob("003*.html"))[0].name  # 湟中区's text


PAGES = {
    "home": "/",
    "agencies": "/agencies/",
    "agency": f"/a/{HUANGZHONG}/",
    "report": f"/a/{HUANGZHONG}/2025.html",
    "report-without-table-3": f"/a/{GEERMU}/2025.html",
    "source": None,  # (its name carries a digest: _source_page)
    "compare": "/compare/",
    "compare-shared": f"/compare/?agencies={HUANGZHONG},{GEERMU}&metric=received&year=2025",
    "compare-range": f"/compare/?agencies={HUANGZHONG}&metric=received&year=2024-2025",
    "quality": "/quality/",
    "report-card": "/report-card/",
    "checks": "/checks/",
    "data": "/data/",
    "404": "/a/no-such-agency/2025.html",
}


def _shifts(chromium) -> list[dict]:
    return chromium.execute_script("return __xxgkShifts()")


def _moved(shifts: list[dict]) -> str:
    """The shifts as a reader of a failed test wants them: each one's value, then what moved, from where to where."""
    return "\n".join(f"{s['value']:.4f}: " + "; ".join(f"{x['node']} {x['before']} -> {x['after']}"
                                                      for x in s["sources"]) for s in shifts)


def _counted(shifts: list[dict]) -> list[dict]:
    """The shifts this module answers for: every one the reader did not cause (a tap's own is not a surprise)."""
    return [s for s in shifts if not s["input"]]


def _walk(chromium, url: str) -> list[dict]:
    chromium.get(url)
    # (loaded, and Material's bundle has run where the page has it: a source page has none)
    wait_for(lambda: chromium.execute_script(
        "return document.readyState === 'complete' && !document.documentElement.classList.contains('no-js')"))
    wait_quiet(chromium)  # (what the scripts fetch: the compare page's data, the agency list. Session 49: was 1 s)
    chromium.execute_async_script(SCROLL)
    return _shifts(chromium)


@pytest.mark.parametrize("page", list(PAGES))
def test_nothing_moves_while_a_page_loads_and_is_scrolled_to_its_end(served_site, slow_server, chromium, screen, page):
    # (session 36: at 390 px the compare page's forms appeared once Material's bundle ran and moved 排行榜 276 px down
    # (0.147); a report page's citation, written under its links, moved the report card 127 px (0.045); the report
    # card's finder and province menus 82 px (0.040); an agency page's years became cards and grew 253 → 590 px; the
    # compare page's chart box grew from nothing to 300 px under the table and 排行榜 (0.028 at 1366 px))
    shifts = _walk(chromium, slow_server + (PAGES[page] or _source_page(served_site)))
    chromium.save_screenshot(str(SHOTS / f"h36-shift-{page}-{screen}.png"))
    counted = _counted(shifts)
    total = sum(s["value"] for s in counted)
    assert total < 0.005, f"{page} at {screen}: layout shift {total:.4f}\n{_moved(counted)}"
    assert chromium.execute_script("return window.__errors") == []


def test_a_comparison_grows_below_the_box_the_reader_types_in_not_above_it(slow_server, chromium, screen):
    # adding an agency: what the reader sees above the box stays put; the chart and its table are redrawn below
    chromium.get(slow_server + "/compare/")
    # (session 51: on a phone the controls fold under a line saying the view, which the reader taps first)
    steer = wait_for(lambda: chromium.find_element("css selector", "#xxgk-compare-steer > summary"))
    if screen == "phone":
        wait_for(lambda: steer.is_displayed())
        steer.click()
    box = wait_for(lambda: [e for e in chromium.find_elements("id", "xxgk-compare-add") if e.is_displayed()])[0]
    wait_for(lambda: chromium.find_elements("css selector", "#xxgk-compare-table table"))
    wait_quiet(chromium)  # (session 49: was 1 s)
    chromium.execute_script("arguments[0].scrollIntoView({block: 'start'})", box)
    top = chromium.execute_script("return arguments[0].getBoundingClientRect().top", box)
    chromium.execute_script("window.__shifts = []")
    box.send_keys("湟中")
    choice = wait_for(lambda: [e for e in chromium.find_elements("css selector", "#xxgk-compare-suggest li")
                               if e.is_displayed()])[0]
    choice.click()
    wait_for(lambda: "湟中区" in chromium.find_element("id", "xxgk-compare-chosen").text)
    wait_for(lambda: "湟中区" in chromium.find_element("id", "xxgk-compare-table").text)
    wait_quiet(chromium)  # (what comes late: nothing can once the page is quiet. Session 49: was 1.5 s)
    assert chromium.execute_script("return arguments[0].getBoundingClientRect().top", box) == top
    # (what moved in the half second after the tap is the reader's own doing: the browser does not count it)
    late = [s for s in _shifts(chromium) if not s.get("input")]
    total = sum(s["value"] for s in late)
    assert total < 0.005, f"adding an agency at {screen}: layout shift {total:.4f}\n{_moved(late)}"


@pytest.fixture(scope="module")
def indexed_server(indexed_site):
    """The seeds' site with its full-text index (the header search's reports part), scripts served late."""
    with serving(indexed_site, SlowScripts) as url:
        yield url


def test_the_header_searchs_results_come_in_from_the_top_and_never_move(indexed_server, chromium, screen):
    # (session 36: a search shared as /?q=申请 listed Material's page hits first; the reports' text hits, which come
    # last, were then written above them and pushed them 505 px down on a 390 px phone (0.565) as the reader reached
    # for one. Each part is now shown once every part above it has answered)
    chromium.get(indexed_server + "/?q=" + "申请")
    results = "[data-md-component=search-result]"
    wait_for(lambda: chromium.find_elements("css selector", results + " .xxgk-fulltext-hit"), 60)
    page_hit = wait_for(lambda: [e for e in chromium.find_elements("css selector", results + " > ol a")
                                 if e.is_displayed()], 30)[0]
    wait_quiet(chromium)  # (every part of the results answered, its worker's too. Session 49: was 1 s)
    chromium.save_screenshot(str(SHOTS / f"h36-header-search-{screen}.png"))
    order = chromium.execute_script(
        "return Array.from(arguments[0].querySelectorAll('.xxgk-agency-hits, .xxgk-fulltext-hit, :scope > ol a'))"
        ".map(function (e) { return e.classList.contains('xxgk-agency-hits') ? 'agencies' :"
        " e.classList.contains('xxgk-fulltext-hit') ? 'reports' : 'pages'; })",
        chromium.find_element("css selector", results))
    assert order.index("agencies") < order.index("reports") < order.index("pages"), order  # as before: the order kept
    assert page_hit.is_displayed()
    moved = [s for s in _shifts(chromium) if any(x["result"] for x in s["sources"])]
    total = sum(s["value"] for s in moved)
    assert total < 0.005, f"the header search's results at {screen}: layout shift {total:.4f}\n{_moved(moved)}"
