"""What the sixteenth hostile-input audit found (session 40): regular expressions whose time grew with the square of
a crafted line (found by ``benchmarks.regex_sweep``), so that one small file held a worker for its whole time budget.

The tests parse such a file in the build's budgeted worker with a generous time budget: the old patterns needed many
times that budget for the input (and the file was ``over_budget``, its report lost), the new ones read it at once."""

from __future__ import annotations

import dataclasses

import pytest

from tests.conftest import needs_chromium, own_tab, serving, site_of, wait_for
from tests.test_h32breaders_audit import WITH_BLANK, _boxes
from tests.test_layouts_unseen import _table3, html_report
from xxgk.package import collect as collect_module
from xxgk.package.collect import collect

# far more than a worker's start and any of these files' parse need, far less than the old patterns took
GENEROUS_SECONDS = 40


def _collected(tmp_path, monkeypatch, files: dict[str, bytes]) -> dict:
    """Each file parsed in a budgeted worker (``GENEROUS_SECONDS`` a file): ``{name: Report}``."""
    reports = tmp_path / "reports"
    reports.mkdir()
    for name, data in files.items():
        (reports / name).write_bytes(data)
    monkeypatch.setattr(collect_module, "BUDGET", dataclasses.replace(collect_module.BUDGET, seconds=GENEROUS_SECONDS))
    return {r.source_file: r for r in collect(reports, workers=1, budgeted=True)}


GRID_TABLE = _boxes(".tr{display:grid;grid-template-columns:24em repeat(7,4em)}")


@pytest.mark.parametrize("template", [
    "a" + " " * 300_000 + "(",  # a word, a run of blanks, then no track: each blank was a new start, tried to the end
    "[" * 600_000,  # line names never closed: each [ was scanned to the end for its ]
])
def test_a_grid_template_of_a_long_run_of_blanks_or_brackets_is_read_at_once(tmp_path, monkeypatch, template):
    """A box of two words in the overview styled as a grid whose ``grid-template-columns`` is 300,000 blanks after a
    word (or 600,000 ``[``): counting its tracks took time growing with the square of the list (64,000 blanks took
    100 CPU s, 300,000 ``[`` 29 s; these, some 37 minutes and two), so the page, table 三 laid out in a grid and all,
    was ``over_budget`` after the worker's 120 s. A template no browser can read counts no columns, and the page is
    read as a browser shows it."""
    hostile = f'<div style="display:grid;grid-template-columns:{template}"><span>本机关</span><span>网站</span></div>'
    overview = "<p>本年度收到政府信息公开申请8件。</p>"
    page = html_report(t3=GRID_TABLE).replace(overview, overview + hostile)
    report = _collected(tmp_path, monkeypatch, {"grid.html": page.encode("utf-8")})["grid.html"]
    assert "over_budget" not in {f.code for f in report.findings}, report.findings
    assert _table3(report.record) == WITH_BLANK
    assert "本机关网站" in report.text  # (no columns: its words one line, as before)


def test_a_page_list_holding_a_long_run_of_digits_is_counted_at_once(tmp_path, monkeypatch):
    """A PDF (400 KB) whose page list names its page, then 400,000 digits: its references were counted trying a
    reference from each digit, the run's rest taken and given back a digit at a time — time growing with the square
    of the run (32,000 digits took 4.7 CPU s; these, some 12 minutes), so the file was ``over_budget`` after the
    worker's 120 s. The run is no reference; the page is read."""
    from tests.test_h29hostile_audit import one_page, plain_pdf

    objects = one_page(b"[3 0 R " + b"1" * 400_000 + b"]")
    report = _collected(tmp_path, monkeypatch, {"kids.pdf": plain_pdf(objects)})["kids.pdf"]
    assert "over_budget" not in {f.code for f in report.findings}, report.findings
    assert report.text.strip() == "Hello"


@pytest.mark.parametrize("blanks", [" ", "\u3000", "\t"])
def test_a_line_of_a_hundred_thousand_blanks_is_parsed_at_once(tmp_path, monkeypatch, blanks):
    """A text report (100 KB) with one line of 100,000 blanks before its first heading, and section 五 printed
    without its heading: each section's heading is then looked for as a line of its own, whose pattern split the
    blanks between the line's start and the run after its (absent) number every way — time growing with the square
    of the line (4,000 blanks took 2.4 CPU s, 8,000 9.2 s; these, some 25 minutes), so the report was
    ``over_budget`` after the worker's 120 s. Read now, its tables as printed."""
    from tests.factory import tab_report

    text = (tab_report(carried_over=2).replace("\n一、总体情况", "\n" + blanks * 100_000 + "\n一、总体情况")
            .replace("五、存在的主要问题及改进情况\n", ""))
    report = _collected(tmp_path, monkeypatch, {"blank.txt": text.encode("utf-8")})["blank.txt"]
    assert "over_budget" not in {f.code for f in report.findings}, report.findings
    table3 = _table3(report.record)
    assert table3["new"] == [3, 0, 0, 0, 0, 0, 3] and table3["carried_over"] == [2, 0, 0, 0, 0, 0, 2]
    assert table3["granted"] == [5, 0, 0, 0, 0, 0, 5]


# ---- the sinks added since round 7, from hostile names in Chromium: the report page's location line, the pages' meta
# and og descriptions, the compare page's live region and status, the agency index and the league's unranked list

HOSTILE_AGENCIES = ['甲县</script><script>window.__x=1</script>局', '乙县"><img src=x onerror="window.__x=2">局',
                    "丙县{{ config.site_name }}局", "丁县{% include 'x' %}局", "戊县[x](javascript:window.__x=3)局",
                    "己县<!--局", "庚县|表|格|局", "辛县" + "长" * 90 + "局", "壬县&lt;b&gt;局",
                    "癸县'onmouseover='window.__x=4'局"]
HOSTILE_FILES = ['a"><img src=x onerror="window.__x=5">.txt', "b<svg onload=window.__x=6>.txt", "c{{ 7*7 }}.txt",
                 "d[x](javascript:window.__x=7).txt", "e<!--.txt", "f|g.txt", "h{% raw %}.txt", "i\u202egpj.txt",
                 "j\nk.txt", "l&amp;.txt"]
INJECTED = """return {ran: window.__x === undefined ? null : window.__x,
  added: [...document.querySelectorAll('img[onerror], svg[onload], [onmouseover], script:not([src])')]
    .filter(e => e.outerHTML.includes('__x')).map(e => e.outerHTML.slice(0, 200))}"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    import csv

    from tests.factory import tab_report

    work = tmp_path_factory.mktemp("hostile-names")
    reports = work / "reports"
    reports.mkdir()
    rows = []
    for k, (agency, name) in enumerate(zip(HOSTILE_AGENCIES, HOSTILE_FILES, strict=True)):
        (reports / name).write_text(tab_report(agency="某某局", year=2024 - k % 2, carried_over=k), encoding="utf-8")
        rows.append({"file": name, "agency": agency, "year": 2024 - k % 2, "level": "department",
                     "province": "广东省"})
    # agencies named by their titles alone, no manifest row
    (reports / "t1.txt").write_text(tab_report(agency='子县"><img src=x onerror=window.__x=8>局'), encoding="utf-8")
    (reports / "t2.txt").write_text(tab_report(agency="丑县{{ 7*7 }}局"), encoding="utf-8")
    with open(reports / "sources.csv", "w", newline="", encoding="utf-8") as manifest:
        writer = csv.DictWriter(manifest, ["file", "agency", "year", "level", "province"])
        writer.writeheader()
        writer.writerows(rows)
    return site_of(reports, work)


@pytest.mark.browser
@needs_chromium
def test_hostile_agency_and_file_names_run_nothing_on_any_page(hostile_site, chromium):
    """Agencies (from the manifest and from titles) and file names holding </script>, an <img onerror>, Jinja's
    {{ }} and {% %}, a Markdown link to javascript:, <!--, | of a table, an entity, a bidi override, a line break and
    a 100-character name: every page of the site (the report pages' location line and meta, the agency index, the
    league, the quality page, the sources) and the compare page of six and of all of them, opened in Chromium, runs
    none of their script and gains no element; each name is shown as its text (guard: no sink of these let one
    through in session 40)."""
    pages = sorted(p.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("*.html"))
    agencies = sorted(p.split("/")[1] for p in pages if p.startswith("a/") and p.endswith("/index.html"))
    pages += [f"compare/?agencies={','.join(agencies[:6])}&metric=carried_over&year=2023-2024",
              f"compare/?agencies={','.join(agencies)}&metric=new&year=2024"]
    with own_tab(chromium) as driver:
        with serving(hostile_site) as url:
            for page in pages:
                driver.get(f"{url}/{page}")
                driver.execute_script("window.scrollTo(0, document.body.scrollHeight)")
                assert driver.execute_script(INJECTED) == {"ran": None, "added": []}, page
            driver.get(f"{url}/{pages[-2]}")
            status = wait_for(lambda: driver.execute_script(
                "return [...document.querySelectorAll('[role=status], [aria-live]')].map(e => e.textContent)"
                ".find(t => t.includes('甲县')) || null"))
            driver.get(f"{url}/a/{next(a for a in agencies if a.startswith('guangdong-jiaxian'))}/2024.html")
            crumbs = driver.find_element("css selector", "nav.xxgk-crumbs").text
            description = driver.find_element("css selector", "meta[name=description]").get_attribute("content")
    assert "甲县</script><script>window.__x=1</script>局" in crumbs
    assert description.startswith("甲县＜/script＞＜script＞window.__x=1＜/script＞局 2024年度")  # (as titles are)
    assert "甲县</script><script>window.__x=1</script>局" in status and "庚县|表|格|局" in status


def test_a_line_of_blanks_under_table_3_is_read_at_once(tmp_path, monkeypatch):
    """One line of 400,000 ideographic blanks between table 三 and heading 四 (a 1.2 MB text): the check for a
    numbered note's mark (注 1：) split the line's blanks between the two runs around an optional | every way — time
    growing with the square of the line (24,000 blanks took 2.2 CPU s; these, about ten minutes), so the report was
    ``over_budget`` after the worker's 120 s. Read now, table 三 as printed."""
    from tests.factory import tab_report

    text = tab_report(carried_over=2).replace("\n四、政府信息公开行政复议", "\n" + "\u3000" * 400_000
                                              + "\n四、政府信息公开行政复议")
    report = _collected(tmp_path, monkeypatch, {"note.txt": text.encode("utf-8")})["note.txt"]
    assert "over_budget" not in {f.code for f in report.findings}, report.findings
    table3 = _table3(report.record)
    assert table3["new"] == [3, 0, 0, 0, 0, 0, 3] and table3["carried_forward"] == [0] * 7
