"""What the twelfth hostile-input round added (session 44): defence in depth behind the escaping — a
Content-Security-Policy on every page the site writes, no inline script or handler left for it to allow — and the
404 page's reading of a mistyped agency address, which is anyone's to write."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from .conftest import draw_charts, needs_chromium, serving, wait_for

# the policy a reader's browser is given, written out by hand (site/csp.py says why each source is there)
POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "connect-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
_META = re.compile(r"<meta\b[^>]*http-equiv=\"?Content-Security-Policy\"?[^>]*>", re.I)
_CONTENT = re.compile(r"content=\"([^\"]*)\"")
GEERMU = "qinghai-haixi-geermu-shujuju"  # seed 000: 格尔木市数据局, its one report of 2025


def _policy(html: str) -> dict[str, list[str]]:
    """The page's one policy, read from its ``<meta http-equiv>`` as a browser reads it (``;``-separated directives)."""
    metas = _META.findall(html)
    assert len(metas) == 1, metas
    content = _CONTENT.search(metas[0]).group(1)
    return {part.split()[0]: part.split()[1:] for part in content.split(";") if part.strip()}


def _kinds(site: Path) -> dict[str, Path]:
    """One page of each kind the site writes: MkDocs' editorial pages, the 404 page, the bulk pages rendered outside
    MkDocs (a report page, an agency page, its list of reports by page when there is one) and a source page."""
    pages = {"home": site / "index.html", "compare": site / "compare" / "index.html",
             "agencies": site / "agencies" / "index.html", "404": site / "404.html",
             "agency": site / "a" / GEERMU / "index.html", "report": site / "a" / GEERMU / "2025.html"}
    pages["source"] = sorted((site / "src").glob("*.html"))[0]
    assert all(p.is_file() for p in pages.values()), pages
    return pages


def test_every_kind_of_page_carries_the_policy_before_anything_it_loads(built_site):
    """A ``<meta>`` policy governs only what comes after it: it is the head's first element after the charset, on
    every page of the site (every HTML file), whichever way the page was written."""
    pages = sorted(built_site.rglob("*.html"))
    kinds = _kinds(built_site)
    assert len(pages) >= 20 and set(kinds.values()) <= set(pages)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert _policy(html) == POLICY, page
        head = html.split("</head>", 1)[0]
        first = re.search(r"<(?:script|link|style)\b", head)
        assert first and _META.search(head).start() < first.start(), page
        assert re.match(r"<!doctype html>\s*<html[^>]*>\s*<head>\s*<meta charset=\"?utf-8\"?>\s*<meta\b[^>]*"
                        r"Content-Security-Policy", html, re.I), page


def test_no_page_holds_an_inline_script_or_handler(built_site):
    """Scripts only from the site's files: no page holds a script element without ``src`` other than JSON data, an
    inline event handler (``onclick=``, ``onsubmit=``) or a ``javascript:`` link — the 404 page's and the compare
    page's inline scripts and the compare forms' ``onsubmit`` were, and the policy refuses them."""
    for page in sorted(built_site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        scripts = re.findall(r"<script\b([^>]*)>", html, re.I)
        inline = [s for s in scripts if not re.search(r"\bsrc=", s) and not re.search(r"type=\"?application/json", s)]
        assert inline == [], page
        assert re.findall(r"<[a-z][^<>]*\son[a-z]+=", html, re.I) == [], page
        assert not re.search(r"(?:href|src|action)=\"?\s*javascript:", html, re.I), page


# ---- in Chromium: the policy refuses what escaping would have let through, and the reader's features work under it

LISTEN = """window.__refused = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__refused.push(e.effectiveDirective + " " + (e.blockedURI || ""));
}, true);"""
INJECTED = ('<script>window.__pwned = 1</script><img src="x.png" onerror="window.__pwned = 2">'
            '<a id="h44-link" href="javascript:window.__pwned = 3">x</a>')


@pytest.fixture(scope="module")
def site(built_site, tmp_path_factory):
    """A copy of the seeds' site with its full-text index, and one page of it with markup added to its content, as
    escaping that failed would add it: an inline script, an image's ``onerror``, a ``javascript:`` link."""
    from xxgk.site.fulltext import index_full_text

    copy = tmp_path_factory.mktemp("h44hostile") / "site"
    shutil.copytree(built_site, copy)
    assert index_full_text(copy) == 0
    page = copy / "a" / GEERMU / "2025.html"
    html = page.read_text(encoding="utf-8")
    assert html.count("<article") == 1
    page.with_name("injected.html").write_text(re.sub(r"(<article[^>]*>)", r"\1" + INJECTED, html), encoding="utf-8")
    return copy


@pytest.fixture(scope="module")
def browser(chromium, tmp_path_factory):
    """The module's Chromium, recording each refusal of the policy on every page it opens, saving what it downloads
    into ``browser.downloads``."""
    script = chromium.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": LISTEN})["identifier"]
    chromium.downloads = tmp_path_factory.mktemp("h44downloads")
    chromium.execute_cdp_cmd("Browser.setDownloadBehavior",
                             {"behavior": "allow", "downloadPath": str(chromium.downloads)})
    yield chromium
    chromium.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script})


@pytest.fixture(scope="module")
def base(site):
    with serving(site) as url:
        yield url


def _refused(browser) -> list[str]:
    return browser.execute_script("return window.__refused")


@needs_chromium
@pytest.mark.browser
def test_a_script_added_to_a_built_page_does_not_run(base, browser):
    """Markup in a page's content (a report's text that escaping let through) runs nothing: the inline script and
    the handler are refused and said (a ``securitypolicyviolation``), while the page's own scripts run (its chart is
    drawn); before the policy, ``window.__pwned`` was 1 then 2."""
    browser.get(base + f"/a/{GEERMU}/injected.html")
    assert draw_charts(browser)
    refused = wait_for(lambda: [r for r in _refused(browser) if r.startswith("script-src")], 15)
    browser.execute_script("arguments[0].click()", browser.find_element("id", "h44-link"))  # (under the header)
    wait_for(lambda: len([r for r in _refused(browser) if r.startswith("script-src")]) >= 3, 15)
    assert browser.execute_script("return window.__pwned") is None
    assert refused[0].split()[0] in ("script-src-elem", "script-src-attr", "script-src")


@needs_chromium
@pytest.mark.browser
def test_the_readers_features_work_and_nothing_is_refused(base, browser):
    """One page of each kind under the policy, each feature that could need more than it allows used: the header's
    search (agencies, then the reports' full text through Pagefind's WebAssembly), the compare page's chart and its
    PNG (plotly draws the chart's image from a ``blob:`` URL), a report page's charts, the 404 page's script.
    Nothing is refused on any of them."""
    from selenium.webdriver.common.by import By

    browser.get(base + "/")
    browser.find_element(By.CSS_SELECTOR, "label.md-search__icon, .md-search__input").click()
    box = browser.find_element(By.CSS_SELECTOR, "input.md-search__input")
    box.send_keys("格尔木")
    wait_for(lambda: [e for e in browser.find_elements(By.CSS_SELECTOR, ".md-search-result__item")
                      if "格尔木" in e.text])
    box.send_keys(" 政府信息公开")
    wait_for(lambda: [e.text for e in browser.find_elements(
        By.CSS_SELECTOR, ".xxgk-fulltext-hits .md-search-result__meta") if "份报告" in e.text], 30)
    assert _refused(browser) == []

    browser.get(base + "/compare/")  # (the default view: the agencies of the largest values)
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, "#xxgk-compare-chart .main-svg"), 30)
    png = wait_for(lambda: [b for b in browser.find_elements(By.ID, "xxgk-compare-png") if b.is_displayed()], 30)[0]
    png.click()
    wait_for(lambda: [p for p in browser.downloads.glob("*.png") if p.stat().st_size], 30)
    browser.find_element(By.ID, "xxgk-compare-add").send_keys("\n")  # the form is never sent (no reload)
    assert browser.find_elements(By.CSS_SELECTOR, "#xxgk-compare-chart .main-svg")
    assert _refused(browser) == []

    browser.get(base + f"/a/{GEERMU}/2025.html")
    assert draw_charts(browser)
    browser.get(base + f"/a/{GEERMU}/2099.html")
    wait_for(lambda: browser.find_elements(By.ID, "xxgk-404-agency"), 30)
    assert _refused(browser) == []


# ---- the 404 page: a mistyped agency address (the address is anyone's: never markup, never a link elsewhere)

@needs_chromium
@pytest.mark.browser
@pytest.mark.parametrize("tail", ["2025.htm", "2025/index.htm", "2025.html/"])
def test_a_mistyped_report_address_opens_the_report(base, browser, tail):
    """``…/2025.htm`` or ``…/2025/index.htm`` (typed, or cut from a longer link) got the plain 页面不存在; the report
    meant is there: the page opens it, as it does ``…/2025`` without its ``.html``."""
    browser.get(base + f"/a/{GEERMU}/{tail}")
    wait_for(lambda: browser.current_url == base + f"/a/{GEERMU}/2025.html", 30)


@needs_chromium
@pytest.mark.browser
@pytest.mark.parametrize("tail", ["index.htm", "%3Cimg%20src=x%20onerror=window.__pwned=1%3E",
                                  "javascript:window.__pwned=2/x", "%22%3E%3Csvg%20onload=window.__pwned=3%3E.html"])
def test_anything_under_an_agency_address_offers_the_agencys_years(base, browser, tail):
    """Any other address under an agency's names the agency and links its years, as a missing year does (before:
    the plain 页面不存在); what follows the id is neither shown, nor made markup, nor followed."""
    browser.get(base + f"/a/{GEERMU}/{tail}")
    status = browser.find_element("id", "xxgk-404-status")
    wait_for(lambda: browser.find_elements("id", "xxgk-404-agency"), 30)
    assert status.text == "本站没有这个页面。格尔木市数据局已收录的年度：2025年。 查看该机构已收录的全部报告"
    links = [(a.text, a.get_attribute("href")) for a in status.find_elements("css selector", "a")]
    assert links == [("2025年", base + f"/a/{GEERMU}/2025.html"),
                     ("查看该机构已收录的全部报告", base + f"/a/{GEERMU}/")]
    assert browser.find_elements("css selector", "article img, article svg:not(.md-icon svg)") == []
    assert browser.execute_script("return window.__pwned") is None
    assert _refused(browser) == []


# ---- names that differ only in case or in compatibility forms (a site copied to a case-insensitive disk)

def test_names_equal_but_for_case_or_compatibility_forms_keep_addresses_apart_on_any_disk():
    """``A.txt``, ``a.txt`` and the full-width ``Ａ.txt``, ``file.txt``, ``FILE.txt`` and ``ﬁle.txt`` (its ﬁ a ligature)
    are six files, each its own report: each keeps its own id, and no two of their addresses (``src/<id>.html``,
    ``sources/<id>.txt``) are one on a disk that folds case (macOS, Windows) or Unicode compatibility forms."""
    import unicodedata

    from xxgk.package.collect import report_ids

    names = ["A.txt", "a.txt", "\uff21.txt", "file.txt", "FILE.txt", "\ufb01le.txt"]
    ids = report_ids(names)
    folded = {unicodedata.normalize("NFKC", rid).casefold() for rid in ids.values()}
    assert len(ids) == len(folded) == 6
