"""What the eighteenth hostile-input audit found (session 42, round 10): the site's scripts as a sink for the address a
reader is sent to and for the text they show, file and agency names as identities, the regular expressions added
since session 38, and the font cases round 9 left."""

from __future__ import annotations

import csv

import pytest

from tests.conftest import needs_chromium
from tests.factory import tab_report


def _package(tmp_path, files: dict[str, str], manifest: str) -> dict[str, dict]:
    """The package of ``files`` (name → text) beside ``manifest`` (``sources.csv``): ``{file: its reports.csv row}``."""
    from xxgk.package.build import build_package

    reports = tmp_path / "reports"
    reports.mkdir()
    for name, text in files.items():
        (reports / name).write_text(text, encoding="utf-8")
    (reports / "sources.csv").write_text(manifest, encoding="utf-8")
    _, errors = build_package(reports, tmp_path / "datapackage", workers=1)
    assert errors == []
    with open(tmp_path / "datapackage" / "data" / "reports.csv", encoding="utf-8-sig", newline="") as handle:
        return {row["source_file"]: row for row in csv.DictReader(handle)}


def test_a_manifest_name_written_with_compatibility_characters_is_the_agency_its_title_names(tmp_path):
    """A manifest's agency whose 林 is U+F9F4 (a CJK compatibility ideograph: it looks the same) or whose 1 is
    full-width was another agency than the one the titles name, with its own id and pages — two pages of one name
    for one agency, or, for a name some character of which has no reading, a page taking the other's id. The titles'
    names are folded (NFKC); the manifest's were not. Now the manifest's are folded as a title's: one agency each."""
    files = {"a.txt": tab_report(agency="样例县林业局", carried_over=1),
             "b.txt": tab_report(agency="样例县林业局", year=2023, carried_over=2),
             "c.txt": tab_report(agency="样例县第1中学", carried_over=3),
             "d.txt": tab_report(agency="样例县第1中学", year=2023, carried_over=4)}
    rows = _package(tmp_path, files, "file,agency\nb.txt,样例县\uf9f4业局\nd.txt,样例县第\uff11中学\n")
    assert rows["b.txt"]["agency_id"] == rows["a.txt"]["agency_id"]
    assert rows["d.txt"]["agency_id"] == rows["c.txt"]["agency_id"]
    assert [rows[f + ".txt"]["agency"] for f in "abcd"] == [rows["a.txt"]["agency"]] * 2 + [rows["c.txt"]["agency"]] * 2
    assert "\uf9f4" not in rows["b.txt"]["agency"] and rows["d.txt"]["agency"].endswith("第1中学")


# ---- the site's scripts as a sink: the address a reader is sent to (query string, fragment, path) and the report text
# and file names the scripts show (Pagefind's excerpts and titles, the agency list), in headless Chromium

PAYLOADS = ["<img src=x onerror=window.__pwned=1>", '"><svg onload=window.__pwned=2>', "javascript:window.__pwned=3",
            "</script><script>window.__pwned=4</script>", "\u2028'-window.__pwned=5-'"]
HOSTILE_TEXT = "概述甲乙丙丁" + "戊己".join(PAYLOADS) + "庚辛壬癸"
ARM = """window.__pwned = undefined;
['alert', 'confirm', 'prompt', 'print'].forEach(function (k) { window[k] = function () { window.__pwned = k; }; });"""
RAN = """return {ran: window.__pwned === undefined ? null : String(window.__pwned),
  elsewhere: performance.getEntriesByType('resource').map(function (e) { return e.name; })
    .filter(function (u) { return new URL(u).origin !== location.origin; }),
  made: Array.from(document.querySelectorAll('[onerror], [onload], script:not([src]):not([type]), iframe, '
    + 'a[href^="javascript" i], form[action^="javascript" i]'))
    .filter(function (e) { return /pwned/.test(e.outerHTML); })
    .map(function (e) { return e.outerHTML.slice(0, 120); })}"""


@pytest.fixture(scope="module")
def hostile_text_site(tmp_path_factory):
    """Four reports whose overview and file names hold ``PAYLOADS``, built with the full-text index."""
    from .conftest import indexed_copy, site_of

    work = tmp_path_factory.mktemp("h42-sinks")
    reports = work / "reports"
    reports.mkdir()
    names = ["a.txt", "b<img src=x onerror=window.__pwned=6>.txt", 'c"><svg onload=window.__pwned=7>.txt',
             "d\u2028e.txt"]
    for k, (name, agency) in enumerate(zip(names, ["样例县数据局", "样例县教育局", "样例县财政局", "样例县民政局"],
                                           strict=True)):
        (reports / name).write_text(tab_report(agency=agency, narrative=HOSTILE_TEXT, carried_over=k),
                                    encoding="utf-8")
    return indexed_copy(site_of(reports, work), work / "indexed")


def _quoted(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")


# (address, what the page's script has drawn once it has read the address: the test waits for it)
_FULLTEXT_DONE = "return document.getElementById('xxgk-fulltext').dataset.state === 'done'"
_COMPARE_SAID = "return document.getElementById('xxgk-compare-status').textContent.indexOf('网址中的') >= 0"
_FINDER_SAID = "return document.getElementById('xxgk-agency-finder-status').textContent.length > 0"
_PICK_SAID = "return /网址中的/.test((document.querySelector('.xxgk-province-pick [role=status]') || {}).textContent)"
_LINKED = "return !!document.querySelector('.xxgk-source.xxgk-linked')"
_MAP_ASKED = "return performance.getEntriesByType('resource').some(function (e) { return /json\\/r\\//.test(e.name); })"
_FOUND_NOTHING = "return /没有找到|没有与它相近|不存在/.test(document.getElementById('xxgk-404-status').textContent)"


def _addresses() -> list[tuple[str, str]]:
    img, svg, js = (_quoted(p) for p in PAYLOADS[:3])
    return [
        (f"agencies/?find={img}", _FINDER_SAID), (f"agencies/?find={svg}", _FINDER_SAID),
        (f"fulltext/?text={img}&year={img}&province={svg}", _FULLTEXT_DONE),
        (f"fulltext/?text={_quoted('甲乙丙丁')}", _FULLTEXT_DONE),
        (f"fulltext/?text={_quoted('庚辛壬癸')}", _FULLTEXT_DONE),
        ("fulltext/?text=onerror", _FULLTEXT_DONE), ("fulltext/?text=pwned", _FULLTEXT_DONE),
        (f"compare/?agencies={img},{js}&metric={img}&year={svg}&sort={img}-asc&lmetric={img}&lsort={svg}"
         f"&lprovince={svg}", _COMPARE_SAID),
        (f"compare/?ids={js}&metric={js}&year=2024-{img}", _COMPARE_SAID),
        (f"quality/?province={img}&city={svg}&year={img}", _PICK_SAID),
        (f"src/{{source}}#L1{svg}", _LINKED), (f"src/{{source}}#{img}", _LINKED),
        (f"r/{img}/", _MAP_ASKED), (f"a/xx{js}/2024", _FOUND_NOTHING),
    ]


@pytest.mark.browser
@needs_chromium
def test_no_address_nor_text_shown_by_the_sites_scripts_runs_anything(hostile_text_site):
    """A guard (nothing ran before either): addresses a reader may be sent to — every parameter the scripts read
    (?find=, the full-text page's ?text=&year=&province=, the comparison's and the league's, the quality page's
    menus, a source line's #L…, a report's /r/<id>/, an agency id of the 404 page) holding an ``<img onerror>``, a
    ``"><svg onload>``, a ``javascript:`` URL — and full-text results whose passages and titles hold the same, with a
    line separator and ``</script>``, in reports with such file names: on each page, once its script has read the
    address, nothing ran (no flag set, no dialog), no element was made from them and nothing was asked of another
    host."""
    from .conftest import new_chromium, serving, wait_for

    source = next((hostile_text_site / "src").glob("a-*.html")).name
    driver = new_chromium()
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": ARM})
    seen = {}
    try:
        with serving(hostile_text_site) as url:
            for address, drawn in _addresses():
                address = address.replace("{source}", source)
                driver.get(f"{url}/{address}")
                wait_for(lambda drawn=drawn: driver.execute_script(drawn), 30)
                driver.execute_script("window.scrollTo(0, document.body.scrollHeight)")
                seen[address] = driver.execute_script(RAN)
            driver.get(f"{url}/fulltext/?text={_quoted('甲乙丙丁')}")
            wait_for(lambda: driver.execute_script(_FULLTEXT_DONE), 30)
            passages = [p.text for p in driver.find_elements("css selector", ".xxgk-fulltext-excerpt")]
    finally:
        driver.quit()
    assert {a: r for a, r in seen.items() if r != {"ran": None, "elsewhere": [], "made": []}} == {}
    assert len(passages) == 4 and all(PAYLOADS[0] in p for p in passages), passages  # (shown, as text)


@pytest.mark.browser
@needs_chromium
def test_words_typed_in_the_header_and_the_hits_they_list_run_nothing(hostile_text_site):
    """A guard: the header's search box given an ``<img onerror>`` and then words of the hostile overview lists the
    agencies and the reports' passages (Pagefind's excerpts of the text) as text; nothing runs, nothing is made."""
    from .conftest import new_chromium, serving, wait_for

    driver = new_chromium()
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": ARM})
    try:
        with serving(hostile_text_site) as url:
            driver.get(f"{url}/?q={_quoted(PAYLOADS[0])}")
            answered = ("var q = arguments[0]; return Array.from(document.querySelectorAll("
                        "'.xxgk-agency-hits, .xxgk-fulltext-hits')).filter(function (p) { return p.dataset.q === q; })"
                        ".length === 2")
            wait_for(lambda: driver.execute_script(answered, PAYLOADS[0]), 30)
            first = driver.execute_script(RAN)
            box = driver.find_element("css selector", "input.md-search__input")
            box.clear()
            box.send_keys("甲乙丙丁")
            wait_for(lambda: driver.execute_script(answered, "甲乙丙丁"), 30)
            wait_for(lambda: driver.find_elements("css selector", ".xxgk-fulltext-hit"), 30)
            hits = [a.get_attribute("textContent") for a in driver.find_elements("css selector", ".xxgk-fulltext-hit")]
            second = driver.execute_script(RAN)
    finally:
        driver.quit()
    assert first == second == {"ran": None, "elsewhere": [], "made": []}
    assert hits and all(PAYLOADS[0] in h for h in hits), hits
