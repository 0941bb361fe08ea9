"""Shared test fixtures. Tests that read ../shared skip cleanly when it is absent."""

from __future__ import annotations

import functools
import json
import os
import shutil
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import settings

from xxgk.site.serve import SiteHandler

# property tests are checks, not timings (speed is measured by benchmarks/): no per-example deadline, which a
# loaded machine misses (a 3,000-byte decode took 356 ms of a 200 ms deadline with the suite run beside builds).
# They draw the same examples on every run (derandomized: the suite's verdict on a commit does not depend on luck;
# session 48's CI failed on an example no run before had drawn). XXGK_HYPOTHESIS_SEARCH=1 draws new ones each run,
# to hunt (README, "Tests"): what it finds becomes a test of its own.
settings.register_profile("xxgk", deadline=None, derandomize=not os.environ.get("XXGK_HYPOTHESIS_SEARCH"))
settings.load_profile("xxgk")

# every build in the tests that copies a page from the last build's spool writes it again and compares
# (``site/spool_reuse.py``): a page input left out of a page's stated inputs fails the build
os.environ.setdefault("XXGK_CHECK_REUSE", "1")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "reports"

needs_shared = pytest.mark.skipif(not (SHARED / "corpus").exists(), reason="../shared is absent (clone elsewhere)")

# real headless Chromium for the browser tests: Debian's ``chromium-headless-shell`` where installed (.ci/run installs
# it), else ``chromium`` (Debian), else ``google-chrome`` (GitHub's Ubuntu runners); driven by ``chromium-driver``. The
# shell is the same Blink and V8 as the browser without its windowing layers and took less CPU for the same tests
# (session 56, one module alone: 95 → 57 CPU s; four: 201 → 162; the suite had grown past CI's 20 minutes).
# ``XXGK_CHROME``: another binary to use (``XXGK_CHROME=/usr/bin/chromium make test``: the full browser).
CHROME = (os.environ.get("XXGK_CHROME") or shutil.which("chromium-headless-shell") or shutil.which("chromium")
          or shutil.which("google-chrome"))
needs_chromium = pytest.mark.skipif(
    not (CHROME and shutil.which("chromedriver")),
    reason="Debian chromium and chromium-driver are not installed (.ci/run installs them)")
# Full Chromium's headless window keeps 143 px of its height for the toolbars it does not draw (a window of 390 × 844
# shows a page of 390 × 701, one of 1366 × 900 a page of 1366 × 757); the headless shell shows the whole window. The
# tests' window sizes are full Chromium's (their phone is 701 px high inside), so the shell is given windows that
# much lower (``new_chromium``): every test sees the page at the size it was written for, whichever browser runs it.
TOOLBARS = 143 if "headless-shell" in Path(CHROME or "").name else 0
SHOTS = ROOT / "tests" / "screenshots"  # gitignored
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic", "--window-size=1200,1600"]


class _Quiet(SiteHandler):  # as ``xxgk serve``: a missing path gets the site's 404.html (GitHub Pages does)
    def log_message(self, *args):
        pass


SERVED: set[str] = set()  # the origins served since the shared Chromium last cleared their storage (``_fresh_tab``)


@contextmanager
def serving(folder: Path, handler=None) -> Iterator[str]:
    """A built site served on 127.0.0.1 (a free port) while the block runs: yields its base URL. ``handler``: the
    request handler class (default: a quiet ``SimpleHTTPRequestHandler``)."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler or _Quiet, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}"
    SERVED.add(url)
    try:
        yield url
    finally:
        httpd.shutdown()
        httpd.server_close()


def read_page(path: Path) -> str:
    """A built HTML page as lxml writes it back: attributes quoted, optional end tags written. The site's pages
    are minified (``site/minify.py``: unquoted attributes, no ``</td>``), so tests that match markup read them
    through this; what a browser builds from the two is the same."""
    import lxml.html

    return lxml.html.tostring(lxml.html.document_fromstring(Path(path).read_text(encoding="utf-8")),
                              encoding="unicode")


def report_page_files(site: Path) -> list[Path]:
    """The built report pages, sorted: files beside their agency's page (``a/<agency_id>/<year>.html``), and
    ``r/<report_id>.html`` for a report with no agency or year: no folder per report."""
    return (sorted(p for p in (site / "a").glob("*/*.html") if p.name != "index.html"
                   and not p.name.startswith("reports-"))  # (an agency's list pages beyond its latest reports)
            + sorted((site / "r").glob("*.html")))


def report_page_texts(site: Path) -> dict[str, str]:
    """``{source file: the page's article text}`` of every built report page (its facts table's 源文件 row)."""
    from lxml import html as lxml_html

    pages = {}
    for page in report_page_files(site):
        doc = lxml_html.document_fromstring(page.read_text(encoding="utf-8"))
        source = [tr.xpath(".//td")[0].text_content().strip() for tr in doc.xpath("//article//table")[0].xpath(".//tr")
                  if tr.xpath(".//th")[0].text_content() == "源文件"]
        pages[source[0]] = doc.xpath("//article")[0].text_content()
    return pages


def report_page_url(site: Path, report_id: str) -> str:
    """The site path of a report's page, as the 404 page's map of old ``/r/<report_id>/`` URLs gives it
    (``site/redirects.py``: every report is in it)."""
    import json

    from xxgk.site.redirects import shard_key

    digits = json.loads((site / "assets" / "site.json").read_text(encoding="utf-8"))["redirect_shard_digits"]
    shard = site / "json" / "r" / f"{shard_key(report_id)[:digits]}.json"
    return "/" + json.loads(shard.read_text(encoding="utf-8"))[report_id]


def chart_frames(folder: Path) -> dict[str, dict]:
    """The chart frames (``chart_frames.py``) a build published: ``{name: frame}``, from a built site
    (``json/f/``) or from a ``site_src`` whose spool holds them."""
    from xxgk.site.bulk import FILES, spooled
    from xxgk.site.chart_frames import FOLDER

    if (folder / FOLDER).is_dir():
        return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in (folder / FOLDER).glob("*.json")}
    return {e["path"].rsplit("/", 1)[1][:-5]: json.loads(e["text"]) for e in spooled(folder, FILES)
            if e["path"].startswith(FOLDER + "/")}


def expand_spec(spec: dict, frames: dict[str, dict] | None = None) -> dict:
    """A chart spec as ``assets/xxgk.js`` expands it before drawing: its frame put back (``chart_frames.unframe``,
    from ``frames``: see :func:`chart_frames`), then ``render.compact_spec`` undone (the tests in
    ``test_charts.py`` run the JavaScript itself and compare)."""
    from xxgk.site.chart_frames import unframe

    spec = json.loads(json.dumps(spec))
    if "f" in spec:
        assert frames is not None and spec["f"] in frames, f"chart frame {spec['f']} is not published"
        spec = unframe(frames[spec["f"]], spec)
    for t in spec.get("data", []):
        if t.get("type", "bar") != "bar":
            continue
        cat, val = ("y", "x") if t.get("orientation") == "h" else ("x", "y")
        if spec.get("c") and not t.get(cat):
            t[cat] = list(spec["c"])
        if t.get("text") == 1:
            t["text"] = ["" if v is None else json.dumps(v) for v in t.get(val) or []]
    spec.pop("c", None)
    return spec


def wait_for(condition, seconds: float = 15.0):
    """The first truthy value of ``condition()`` within ``seconds``; fails the test otherwise. An element the page
    replaced while ``condition`` read it (search results redrawn as the query is typed: selenium's
    ``StaleElementReferenceException``), or one not there yet (``find_element`` before the page's script has drawn
    it: ``NoSuchElementException``, which raised at once and failed a test on a loaded machine), means "not yet":
    the condition is read again."""
    stale: tuple[type[BaseException], ...] = ()
    try:
        from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException

        stale = (StaleElementReferenceException, NoSuchElementException)
    except ImportError:
        pass
    end = time.monotonic() + seconds
    last = None
    while time.monotonic() < end:
        try:
            value = condition()
        except stale as error:
            value, last = None, error
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting{f' (last: {type(last).__name__})' if last else ''}")


def report_csv_rows(downloading, url: str) -> list[list[str]]:
    """The report CSV a reader downloads from the report page at ``url`` (its 下载 button, built in the browser),
    as rows: ``downloading`` is a Chromium saving into ``downloading.downloads`` (``test_site11_browser``'s
    fixture); an earlier download of the same name is removed first, so the file read is this click's."""
    import csv
    import io

    downloading.get(url)
    button = wait_for(lambda: [b for b in downloading.find_elements("css selector", "button[data-xxgk-csv]")
                               if b.is_displayed()])[0]
    name = "*-" + button.get_attribute("data-xxgk-csv") + ".csv"  # (the page's agency and year before the id)
    for old in downloading.downloads.glob(name):
        old.unlink()
    button.click()
    path = wait_for(lambda: next((p for p in downloading.downloads.glob(name) if p.stat().st_size), None))
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def draw_charts(driver, seconds: float = 30.0) -> list:
    """Every ``div.xxgk-chart`` on the page, each drawn: a chart is drawn when the reader scrolls to it (an
    ``IntersectionObserver``), so each is brought into view and awaited in turn. Scrolling past them all at once
    drew only the last few: the observer reports after the page has moved on. Drawn is ``data-drawn``, set once plotly
    has finished and the chart's buttons work (its svg is there before: a button clicked then did nothing)."""
    charts = driver.find_elements("css selector", "div.xxgk-chart")
    for chart in charts:
        driver.execute_script("arguments[0].scrollIntoView()", chart)
        wait_for(lambda c=chart: c.get_attribute("data-drawn") is not None, seconds)
    return charts


# (see :func:`click_still`) True when ``arguments[0]`` has not moved over three frames, after two frames that let an
# IntersectionObserver report what a scroll brought into view, and no chart is being drawn (``xxgk.js draw``: it has
# ``data-done`` from its start, ``data-drawn`` or ``xxgk-chart-failed`` at its end)
_STILL = """var el = arguments[0], done = arguments[arguments.length - 1];
function box() { var r = el.getBoundingClientRect(); return [r.left, r.top, r.width, r.height].join(); }
function frames(n, then) { if (!n) return then(); requestAnimationFrame(function () { frames(n - 1, then); }); }
frames(2, function () {
  var before = box();
  frames(3, function () {
    var drawing = document.querySelector("div.xxgk-chart[data-done]:not([data-drawn]):not(.xxgk-chart-failed)");
    done(el.isConnected && before === box() && !drawing && document.readyState === "complete");
  });
});"""


def click_still(driver, element, seconds: float = 15.0) -> None:
    """Click ``element`` as a reader does: once it has stopped moving. Selenium reads where an element is, then
    clicks that point; a chart drawn meanwhile (charts are drawn as they near the viewport: ``xxgk.js charts``), a
    page still loading or a smooth scroll moved a link between the two, and the click landed on something else
    (session 35: a finding's link ≈ 31 px down when a report's chart was drawn above it, the page never navigated).
    This waits until the element's box is the same over three frames, no chart is being drawn and the page has
    loaded, then clicks: a click that still misses fails the test's own next wait, as before."""
    wait_still(driver, element, seconds)
    element.click()


def wait_still(driver, element, seconds: float = 15.0) -> None:
    """Wait until ``element``'s box is the same over three frames, no chart is being drawn and the page has loaded
    (:func:`click_still`); ``element`` may be the page's ``body``: the page has stopped moving."""
    wait_for(lambda: driver.execute_async_script(_STILL, element), seconds)


# What a page has still to do, recorded from before its first script runs (``Page.addScriptToEvaluateOnNewDocument``:
# :func:`tracking_busy`), for :func:`wait_quiet`: its requests in flight (``fetch`` and the reading of its body, XHR),
# its timers not yet fired (``setTimeout`` until it fires or is cleared, ``setInterval`` until it is cleared), the
# scripts, style sheets and frames added after its HTML that have not loaded, its messages to a worker not yet answered,
# and a count of the changes to its document (a MutationObserver). ``__busy.wait`` is the page's own ``setTimeout``, for
# a test's script to pause with without being counted.
BUSY = r"""(function () {
  var busy = window.__busy = {fetches: 0, timers: {}, loads: 0, posted: 0, answered: 0, changes: 0,
                              wait: window.setTimeout.bind(window)};
  function tracked(p) {
    busy.fetches++;
    var left = function () { busy.fetches--; };
    p.then(left, left);
    return p;
  }
  var fetched = window.fetch;
  window.fetch = function () { return tracked(fetched.apply(this, arguments)); };
  ['json', 'text', 'arrayBuffer', 'blob', 'formData'].forEach(function (name) {
    var read = Response.prototype[name];
    Response.prototype[name] = function () { return tracked(read.apply(this, arguments)); };
  });
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.send = function () {
    busy.fetches++;
    this.addEventListener('loadend', function () { busy.fetches--; });
    return send.apply(this, arguments);
  };
  var setT = window.setTimeout, clearT = window.clearTimeout, setI = window.setInterval, clearI = window.clearInterval;
  var LATER = 600000;  // ms: ten minutes, longer than any wait of a test
  window.setTimeout = function (fn, ms) {
    if (typeof fn !== 'function') return setT.apply(window, arguments);
    var args = Array.prototype.slice.call(arguments, 2), id = setT.call(window, function () {
      delete busy.timers[id];
      return fn.apply(this, args);
    }, ms);
    // (a timer for later than any test waits is no page settling: ChromeDriver's own timeout of the script it runs
    // for execute_async_script, 30,000,000 ms, set in the page with its setTimeout, had every wait for quiet run
    // to its end — 10 s a reading, 213 s for one test of headings' ids; session 53)
    if (!(ms > LATER)) busy.timers[id] = ms || 0;
    return id;
  };
  window.clearTimeout = function (id) { delete busy.timers[id]; return clearT.call(window, id); };
  window.setInterval = function (fn, ms) {
    var id = setI.apply(window, arguments);
    busy.timers[id] = 'every ' + ms;
    return id;
  };
  window.clearInterval = function (id) { delete busy.timers[id]; return clearI.call(window, id); };
  if (window.Worker) {
    var post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function () {
      busy.posted++;
      if (!this.__counted) {
        this.__counted = true;
        this.addEventListener('message', function () { busy.answered++; });
      }
      return post.apply(this, arguments);
    };
  }
  function watch(node) {
    if (node.nodeType !== 1) return;
    var what = 'script[src], link[rel~=stylesheet], iframe';
    var loading = node.matches(what) ? [node] : [];
    loading.push.apply(loading, node.querySelectorAll(what));
    loading.forEach(function (el) {
      if (el.__watched) return;
      el.__watched = true;
      busy.loads++;
      var left = function () {
        busy.loads--;
        el.removeEventListener('load', left);
        el.removeEventListener('error', left);
      };
      el.addEventListener('load', left);
      el.addEventListener('error', left);
    });
  }
  new MutationObserver(function (records) {
    busy.changes += records.length;
    if (document.readyState !== 'loading') records.forEach(function (r) { r.addedNodes.forEach(watch); });
  }).observe(document, {childList: true, subtree: true, attributes: true, characterData: true});
})();"""
# ``__xxgkQuiet(then, ms)``: calls ``then(true)`` once the page is quiet (:data:`BUSY`: nothing in flight, no timer
# pending, no chart being drawn (``xxgk.js draw``), no animation running, its fonts and images loaded, the document
# loaded) and its document has not changed over three frames; ``then(<what was still busy>)`` after ``ms`` otherwise.
QUIET_FN = """function __xxgkQuiet(then, ms) {
  var b = window.__busy, until = Date.now() + ms;
  function idle() {
    return document.readyState === 'complete' && !b.fetches && !b.loads && !Object.keys(b.timers).length
      && b.posted <= b.answered && document.fonts.status === 'loaded'
      && !document.querySelector('div.xxgk-chart[data-done]:not([data-drawn]):not(.xxgk-chart-failed)')
      && document.getAnimations().every(function (a) { return a.playState !== 'running' && !a.pending; })
      && Array.from(document.images).every(function (i) { return i.complete || i.loading === 'lazy'; });
  }
  (function check(still, seen) {
    requestAnimationFrame(function () {
      still = idle() && b.changes === seen ? still + 1 : 0;
      if (still >= 3) return then(true);
      if (Date.now() > until) return then(JSON.stringify({fetches: b.fetches, loads: b.loads, timers: b.timers,
        posted: b.posted, answered: b.answered, fonts: document.fonts.status, readyState: document.readyState}));
      check(still, b.changes);
    });
  })(0, -1);
}"""


@contextmanager
def tracking_busy(driver) -> Iterator:
    """Every page ``driver`` opens inside the block records what it has still to do (:data:`BUSY`), for
    :func:`wait_quiet`."""
    script = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": BUSY})["identifier"]
    try:
        yield driver
    finally:
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script})


def wait_quiet(driver, seconds: float = 10.0):
    """Wait until the page has nothing left to do that could change it (``__xxgkQuiet``): what a fixed pause "for
    the page to settle" waited for, observed; at most ``seconds`` (then: what was still busy, as JSON). The page must
    have been opened under :func:`tracking_busy` (a page that was not fails the test: a wait that saw nothing would
    be no wait)."""
    assert driver.execute_script("return !!window.__busy"), "the page was not opened under tracking_busy"
    driver.set_script_timeout(max(30.0, seconds + 20))
    return driver.execute_async_script(QUIET_FN + "__xxgkQuiet(arguments[arguments.length - 1], arguments[0]);",
                                       seconds * 1000)


# What a document must have reached before ``get`` hands it over, by page load strategy (``none``: nothing waited for)
_LOADED = {"normal": "return !window.__xxgkLeft && document.readyState === 'complete'",
           "eager": "return !window.__xxgkLeft && document.readyState !== 'loading'"}


def _same_document(current: str, url: str) -> bool:
    """Whether going from ``current`` to ``url`` keeps the document (a fragment of the same address: the browser
    scrolls, it loads nothing)."""
    from urllib.parse import urldefrag

    return "#" in url and urldefrag(current).url == urldefrag(url).url


def _loaded_get(driver, get, page_load: str):
    """``driver.get`` that hands the page over only once a new document has loaded as ``page_load`` asks.
    chromedriver's own wait may return while the next document is still being parsed (selenium documents that
    ``get`` "may return control before the page has finished, or even started, loading"): seen 3 times in 150 loads
    of a report page, its tables not yet parsed behind a parser-blocking script, on a busy machine — and in CI, a
    test failing on it. The old document is marked first, so its own ``complete`` is not taken for the new one's."""
    def loaded_get(url: str) -> None:
        if page_load not in _LOADED:
            return get(url)
        try:
            same = _same_document(driver.current_url, url)
            driver.execute_script("window.__xxgkLeft = true")
        except Exception:  # an alert open, a page not scriptable: selenium's own wait alone
            return get(url)
        get(url)
        if not same:
            wait_for(lambda: driver.execute_script(_LOADED[page_load]), 60.0)
    return loaded_get


# Where a history step leads (``arguments[0]``: -1 back, 1 forward), from the Navigation API's entries: "same" (a
# fragment or ``pushState``: the document stays), "new", or null (unknown: an entry of another origin, or none)
_STEP_TARGET = """var nav = window.navigation;
var at = nav && nav.currentEntry ? nav.currentEntry.index + arguments[0] : -1, entry = at >= 0 && nav.entries()[at];
return entry ? (entry.sameDocument ? 'same' : 'new') : null;"""
_STEPPED = {"normal": "return window.__xxgkStep !== arguments[0] && document.readyState === 'complete'",
            "eager": "return window.__xxgkStep !== arguments[0] && document.readyState !== 'loading'"}
_STEPS = iter(range(1, 1 << 62))  # each history step's own mark of the document it leaves


def _loaded_step(driver, step, offset: int, page_load: str):
    """``driver.back`` (``offset`` -1) or ``driver.forward`` (1) that, like :func:`_loaded_get`, hands the page
    over only once the document it leads to has loaded as ``page_load`` asks; a step within the same document (a
    fragment, a ``pushState`` view of the compare page) waits for none. The document left is marked with this
    step's own number, not ``get``'s ``__xxgkLeft``: a page the browser restores from its back-forward cache is the
    same document ``get`` once left, marked, and would never have been taken for the new one."""
    def loaded_step() -> None:
        if page_load not in _LOADED:
            return step()
        mark = next(_STEPS)
        try:
            target = driver.execute_script(_STEP_TARGET, offset)
            if target == "new":
                driver.execute_script("window.__xxgkStep = arguments[0]", mark)
        except Exception:  # an alert open, a page not scriptable: selenium's own wait alone
            return step()
        step()
        if target == "new":
            wait_for(lambda: driver.execute_script(_STEPPED[page_load], mark), 60.0)
    return loaded_step


def new_chromium(downloads: Path | None = None, page_load: str = "normal"):
    """A headless Chromium driver (``FLAGS``); files it downloads go to ``downloads`` when given. ``page_load``:
    selenium's page load strategy: ``normal`` waits for a page's load event (every script the page added while it
    loaded has run), ``eager`` only for its HTML to be parsed (what a reader can tap first); its ``get`` waits for
    that on the new document (:func:`_loaded_get`), and so do its ``back`` and ``forward`` (:func:`_loaded_step`)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROME
    options.page_load_strategy = page_load
    for flag in FLAGS:
        options.add_argument(flag)
    if TOOLBARS:
        options.add_argument(f"--window-size=1200,{1600 - TOOLBARS}")  # (the last --window-size is the one taken)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    _sized_as_full_chromium(driver)
    driver.get = _loaded_get(driver, driver.get, page_load)
    driver.back = _loaded_step(driver, driver.back, -1, page_load)
    driver.forward = _loaded_step(driver, driver.forward, 1, page_load)
    if downloads is not None:
        driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
        driver.downloads = downloads
    SHOTS.mkdir(parents=True, exist_ok=True)
    return driver


def _sized_as_full_chromium(driver) -> None:
    """``driver``'s window sizes read and set as full Chromium's (``TOOLBARS``): the page inside is the same size."""
    if not TOOLBARS:
        return
    set_size, get_size = driver.set_window_size, driver.get_window_size

    def set_window_size(width, height, windowHandle: str = "current") -> None:
        set_size(int(width), int(height) - TOOLBARS, windowHandle)

    def get_window_size(windowHandle: str = "current") -> dict:
        size = get_size(windowHandle)
        return {"width": size["width"], "height": size["height"] + TOOLBARS}

    driver.set_window_size, driver.get_window_size = set_window_size, get_window_size


@pytest.fixture(scope="module")
def served_site(built_site):
    """The built site a module's browser tests walk: the seeds' by default; a module overrides this fixture
    to walk another (the corpus site, the hostile site)."""
    return built_site


@pytest.fixture(scope="module")
def server(served_site):
    """``served_site`` served on 127.0.0.1 for the module: its base URL."""
    with serving(served_site) as url:
        yield url


class SlowScripts(_Quiet):
    """The site's files, each script answered ``delay`` seconds late (0.4: a phone's network): the page is painted
    before its scripts run, so whatever a script inserts or reveals above the reader's view shows as a move."""

    delay = 0.4

    def send_head(self):
        if self.path.split("?", 1)[0].endswith(".js"):
            time.sleep(self.delay)
        return super().send_head()


@pytest.fixture(scope="module")
def slow_server(served_site):
    """``served_site`` served with its scripts held back (``SlowScripts``): its base URL."""
    with serving(served_site, SlowScripts) as url:
        yield url


class LateScripts(SlowScripts):
    """The site's files, each script answered 2 s late, or as soon as the test has said the page was painted without
    them (:func:`release_scripts`): the page is painted before any script runs."""

    delay = 2.0
    released = threading.Event()  # (set by ``release_scripts``; cleared for each test by ``late_server``)

    def send_head(self):
        if self.path.split("?", 1)[0].endswith(".js"):
            self.released.wait(self.delay)
        return _Quiet.send_head(self)


@pytest.fixture(scope="module")
def _late_site(served_site):
    with serving(served_site, LateScripts) as url:
        yield url


@pytest.fixture
def late_server(_late_site):
    """``served_site`` served with its scripts held back 2 s, or until the test calls :func:`release_scripts`
    (``LateScripts``): its base URL. Each test starts with the scripts held."""
    LateScripts.released.clear()
    yield _late_site
    LateScripts.released.set()


# true once the page has painted (its first paint in the Paint Timing entries) and two frames have passed since
_PAINTED = """var done = arguments[arguments.length - 1];
requestAnimationFrame(function () { requestAnimationFrame(function () {
  done(performance.getEntriesByType('paint').length > 0);
}); });"""


def release_scripts(driver) -> None:
    """Let ``late_server`` answer the scripts it holds back, once the page ``driver`` shows has been painted without
    them (what the 2 s hold waited for, observed: a test reads what the page is before its scripts, then releases
    them). A test that never calls it gets each script 2 s late, as before."""
    wait_for(lambda: driver.execute_async_script(_PAINTED), 20)
    LateScripts.released.set()


@pytest.fixture(scope="module")
def early():
    """A Chromium that hands the page over as soon as it is asked for (selenium's ``none``), 1366 px wide to start
    with: what a reader sees before the page's scripts have come."""
    driver = new_chromium(page_load="none")
    driver.set_window_size(1366, 900)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def _browser():
    """The test process's one headless Chromium, started when a module first asks for ``chromium``: a holder of
    its driver (``chromium`` starts another if it has died)."""
    holder: dict = {}
    yield holder
    if holder.get("driver") is not None:
        holder["driver"].quit()


def _alive(driver) -> bool:
    try:
        return bool(driver.window_handles)
    except Exception:  # the browser or its driver is gone
        return False


def _close_tab(driver, handle) -> None:
    """Close ``driver``'s tab ``handle``; an alert left open or a tab already gone is passed over (the tab the caller
    goes on with is what matters)."""
    try:
        driver.switch_to.window(handle)
        driver.close()
    except Exception:  # (an alert left open, a tab already gone)
        pass


def _as_new(driver) -> None:
    """``driver``'s current tab as a new Chromium's would be: at the front (the page has the focus, as a new
    browser's: else hasFocus() was false, and what a page does on focus and blur — the compare page's suggestions —
    was not a reader's), selenium's timeouts its defaults, the browser's cache and cookies cleared."""
    from selenium.webdriver.common.timeouts import Timeouts

    driver.execute_cdp_cmd("Page.bringToFront", {})
    driver.timeouts = Timeouts(implicit_wait=0, page_load=300, script=30)
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    driver.execute_cdp_cmd("Network.clearBrowserCookies", {})


def _fresh_tab(driver):
    """``driver`` in a new tab, brought to the front, every other tab closed, as a new Chromium would be for a
    module: what a tab holds starts afresh with it (its DevTools emulation, injected scripts, blocked addresses,
    disabled scripts and cache, its session storage), the browser's cache and cookies are cleared and so is what the
    sites served since are stored under (a later server may get the same port: the same origin), and selenium's
    timeouts are its defaults again."""
    old = driver.window_handles
    driver.switch_to.new_window("tab")
    tab = driver.current_window_handle
    for handle in old:
        _close_tab(driver, handle)
    driver.switch_to.window(tab)
    _as_new(driver)
    while SERVED:
        driver.execute_cdp_cmd("Storage.clearDataForOrigin", {"origin": SERVED.pop(), "storageTypes": "all"})
    return driver


@pytest.fixture(scope="module")
def chromium(_browser):
    """A headless Chromium for the test module, 1366 px wide to start with: a fresh tab of the process's one
    browser (``_fresh_tab``: starting a Chromium for each of 60 modules took ≈ 2–3 s each)."""
    driver = _browser.get("driver")
    if driver is not None and _alive(driver):
        _fresh_tab(driver)
    else:
        if driver is not None:
            try:
                driver.quit()
            except Exception:
                pass
        driver = _browser["driver"] = new_chromium()
    driver.set_window_size(1366, 1000)
    return driver


@contextmanager
def saving_downloads(driver, folder: Path) -> Iterator:
    """Files ``driver`` downloads go to ``folder`` (``driver.downloads``) inside the block; where they went before,
    after it (a browser-wide setting: the process's one Chromium's other tabs save nothing meanwhile)."""
    kept = getattr(driver, "downloads", None)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    driver.downloads = folder
    try:
        yield driver
    finally:
        driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(kept)}
                               if kept is not None else {"behavior": "default"})
        driver.downloads = kept


@contextmanager
def own_tab(driver, downloads: Path | None = None) -> Iterator:
    """``driver`` (the process's one Chromium: ``chromium``) in a tab of its own while the block runs, as a Chromium
    started for it (``new_chromium``: ≈ 2–3 s a start, ≈ 0.5 s a tab) would be: what a tab holds (its DevTools
    emulation, injected scripts, disabled scripts, session storage) starts afresh, brought to the front, at
    ``FLAGS``' window size; the browser's cache and cookies cleared and what the sites served since are stored under;
    selenium's timeouts its defaults, the browser log read so far dropped; files it downloads go to ``downloads``
    when given (``driver.downloads``). After the block the tab is closed and the one before is current again, its
    window size, timeouts and downloads as they were."""
    before, size, timeouts = driver.current_window_handle, driver.get_window_size(), driver.timeouts
    driver.switch_to.new_window("tab")
    tab = driver.current_window_handle
    try:
        _as_new(driver)
        driver.set_window_size(1200, 1600)  # (``FLAGS``' --window-size)
        for origin in sorted(SERVED):
            driver.execute_cdp_cmd("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
        try:
            driver.get_log("browser")
        except Exception:  # (no log kept)
            pass
        if downloads is None:
            yield driver
        else:
            with saving_downloads(driver, downloads):
                yield driver
    finally:
        _close_tab(driver, tab)
        driver.switch_to.window(before)
        driver.execute_cdp_cmd("Page.bringToFront", {})
        driver.set_window_size(size["width"], size["height"])
        driver.timeouts = timeouts


def open_from_a_list(driver, base: str, index: int) -> list[str]:
    """Open the ``index``-th report of the quality page's list of 青海省 (the seeds: 3 reports) by clicking it, as a
    reader works through a list (xxgk.js keeps the list for the tab); the names the list shows, in its order."""
    driver.get(base + "/quality/?province=青海省")
    wait_for(lambda: driver.find_element("id", "xxgk-province").is_displayed())
    listed = [a for a in driver.find_elements("css selector", "#xxgk-by-agency tbody a") if a.is_displayed()]
    names = [a.text for a in listed]
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", listed[index])
    listed[index].click()
    return names

PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}  # a 390 px phone (Emulation)


@pytest.fixture(params=["phone", "desktop"])
def watched(request, chromium):
    """``chromium`` at 1366 × 900 or as a 390 px phone, ``test_h36shift``'s layout-shift observer on every page."""
    from .test_h36shift import OBSERVE

    chromium.set_window_size(1366, 900)
    if request.param == "phone":
        chromium.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    script = chromium.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": OBSERVE})["identifier"]
    yield chromium
    chromium.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script})
    if request.param == "phone":
        chromium.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    chromium.execute_script("sessionStorage.clear()")


def made_once(tmp_path_factory, name: str, make) -> Path:
    """A folder made by ``make(folder)`` once for the whole test run, whichever test process asks first; the others
    wait for it and share it (each used to build the same sites again: ``-n auto`` runs three or four processes).
    ``make`` is run again by the next process to ask if it raised (and the folder is emptied first), so a failure
    is each asker's. Nothing may change what is in it: a test that needs to, works on a copy."""
    import fcntl

    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # (the run's folder, above each process's own)
    folder, made = root / f"once-{name}", root / f"once-{name}.made"
    with open(root / f"once-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not made.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            made.write_text(json.dumps(_listing(folder)), encoding="utf-8")
    SHARED_FOLDERS[folder] = made
    return folder


SHARED_FOLDERS: dict[Path, Path] = {}  # what ``made_once`` gave this process: each folder, the listing it was made with


def _listing(folder: Path) -> dict[str, list[int]]:
    """Each file under ``folder``: its size and modification time (what a test changing it would change)."""
    return {p.relative_to(folder).as_posix(): [p.stat().st_size, p.stat().st_mtime_ns]
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


@pytest.fixture(scope="session", autouse=True)
def _shared_folders_unchanged():
    """At the end of each test process: every folder ``made_once`` gave it is as it was made (another process's
    tests read it too; a test that changed it must work on a copy)."""
    yield
    changed = [folder.name for folder, made in SHARED_FOLDERS.items()
               if _listing(folder) != json.loads(made.read_text(encoding="utf-8"))]
    assert changed == [], f"a test changed the shared folders {changed}: it must work on a copy"


@pytest.fixture(scope="session")
def seed_package(tmp_path_factory):
    """The data package built from the seeds in reports/, once per run (``made_once``): its folder, the reports'
    heads and the validation errors."""
    import pickle

    def make(folder: Path) -> None:
        from xxgk.package.build import build_package

        (folder / "built.pickle").write_bytes(pickle.dumps(build_package(SEEDS, folder / "datapackage", workers=1)))

    folder = made_once(tmp_path_factory, "seed-package", make)
    reports, errors = pickle.loads((folder / "built.pickle").read_bytes())
    return folder / "datapackage", reports, errors


HOSTILE = """2025年<script>window.__xss=1</script>局政府信息公开工作年度报告
一、总体情况
<img src=x onerror="window.__xss=2"> [x](javascript:alert(3)) {{ config }} | `code`
二、主动公开政府信息情况
规章 0 0 0
三、收到和处理政府信息公开申请情况
一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1
"""


def indexed_copy(site: Path, folder: Path, **index) -> Path:
    """A copy of ``site`` in ``folder/site`` with its full-text index (the session's ``built_site`` has none);
    ``index``: ``index_full_text``'s options (its shards' ``budget``)."""
    import shutil

    from xxgk.site.fulltext import index_full_text

    copy = folder / "site"
    shutil.copytree(site, copy)
    assert index_full_text(copy, **index) == 0
    return copy


def site_of(reports: Path, work: Path) -> Path:
    """The package (``work/datapackage``) and the whole site of ``reports`` (``work/site``: ``mkdocs build --strict``
    and the bulk pages, no full-text index), as the tests' site fixtures build them; the site's folder. The package
    must validate (no errors: there would be no package to build a site from)."""
    from xxgk.package.build import build_package
    from xxgk.site.build import config_for, render_site, write_site_src

    _, errors = build_package(reports, work / "datapackage", workers=1)
    assert errors == []
    write_site_src(work / "datapackage", work / "site_src")
    config_for(work / "site_src", work / "mkdocs.yml", ROOT)
    code, _ = render_site(work / "site_src", work / "mkdocs.yml", work / "site", strict=True)  # mkdocs + bulk pages
    assert code == 0
    return work / "site"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The whole site built (mkdocs --strict) from the seeds plus one hostile report, once per run (``made_once``)."""

    def make(work: Path) -> None:
        reports = work / "reports"
        shutil.copytree(SEEDS, reports)
        (reports / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
        site_of(reports, work)

    return made_once(tmp_path_factory, "site", make) / "site"


def seeds_and_corpus(work: Path) -> Path:
    """``work/reports`` holding the seeds and the shared corpus's reports (the caller skips without ``SHARED``)."""
    shutil.copytree(SEEDS, work / "reports")
    for path in sorted((SHARED / "corpus" / "reports").iterdir()):
        shutil.copyfile(path, work / "reports" / path.name)
    return work / "reports"


@pytest.fixture(scope="session")
def seeds_corpus_site(tmp_path_factory):
    """The whole site of the seeds and the shared corpus's reports (``site_of``: no full-text index), built once a
    run (``made_once``) for the modules that walk it (skips without ``SHARED``). Nothing may change it: a module that
    indexes it, or changes a file, works on a copy (``indexed_copy``)."""
    if not (SHARED / "corpus").exists():
        pytest.skip("../shared is absent")
    return made_once(tmp_path_factory, "seeds-corpus", lambda work: site_of(seeds_and_corpus(work), work)) / "site"


@pytest.fixture(scope="session")
def indexed_site(built_site, tmp_path_factory):
    """``built_site`` with its full-text index (``indexed_copy``), made once a run (``made_once``) for the modules that
    search the reports' text (each indexed a copy of its own before: ≈ 2 s a module). Nothing may change it."""
    return made_once(tmp_path_factory, "site-indexed", lambda work: indexed_copy(built_site, work)) / "site"


@pytest.fixture(scope="session")
def indexed_seeds_corpus_site(seeds_corpus_site, tmp_path_factory):
    """``seeds_corpus_site`` with its full-text index, made once a run (as :func:`indexed_site`). Nothing may change
    it."""
    return made_once(tmp_path_factory, "seeds-corpus-indexed",
                     lambda work: indexed_copy(seeds_corpus_site, work)) / "site"


@pytest.fixture(scope="session")
def busier_site(tmp_path_factory):
    """The seeds, the corpus and 120 synthetic reports with prose as long as real reports', the full text indexed,
    made once a run (``made_once``): a short name's own reports compete with many others (40 were enough to show the
    header search's fault, ``test_h41site``; the 原文检索 page's needed 120, ``test_h42site``). Skips without
    ``SHARED``. Nothing may change it."""
    from benchmarks.synthetic import write_reports

    from xxgk.site.fulltext import index_full_text

    if not (SHARED / "corpus").exists():
        pytest.skip("../shared is absent")

    def make(work: Path) -> None:
        write_reports(120, seeds_and_corpus(work), prose=True)
        assert index_full_text(site_of(work / "reports", work)) == 0

    return made_once(tmp_path_factory, "busier", make) / "site"


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory):
    """(package folder, site_src folder) built from the seeds plus the shared corpus reports (skips without it)."""
    from xxgk.package.build import build_package
    from xxgk.site.build import write_site_src

    if not (SHARED / "corpus").exists():
        pytest.skip("../shared is absent")

    def make(work: Path) -> None:
        seeds_and_corpus(work)
        build_package(work / "reports", work / "datapackage", workers=1)
        write_site_src(work / "datapackage", work / "site_src")

    work = made_once(tmp_path_factory, "agency-pages", make)
    return work / "datapackage", work / "site_src"


def source_table_line(html: str) -> str:
    """The longest line holding a digit (a row's values) of a source page's first run of table lines (the lines
    Pagefind is told to ignore), as the page writes it (escaped)."""
    import re

    run = html.split('<span data-pagefind-ignore><span id="L', 1)[1].split("</span></span>", 1)[0]
    return max(re.findall(r'<span id="L[0-9]+" data-n="[0-9]+">([^<]*)</span>', '<span id="L' + run + "</span>"),
               key=lambda line: (any(c.isdigit() for c in line), len(line)))

