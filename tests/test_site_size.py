"""The site's size on disk (issue 16): minified pages, no CSV file per report (the report page builds it in
the browser), no redirect folder per old ``/r/<report_id>/`` URL (the 404 page looks the URL up in a sharded
map), and large package files published gzip-compressed. Sizes themselves are measured in
``benchmarks/site_size.py``; these tests check what a reader would."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .conftest import needs_chromium, report_page_files, saving_downloads, serving, wait_for


def _report_pages(site: Path) -> list[Path]:
    return report_page_files(site)


def test_every_page_is_minified_and_keeps_its_shell(built_site):
    pages = _report_pages(built_site) + sorted((built_site / "a").glob("*/index.html")) + [
        built_site / "index.html", built_site / "data" / "index.html", built_site / "404.html"]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert html.startswith("<!doctype html><html"), page
        assert "\n    <" not in html and "<!--" not in html, page  # no indentation, no comments left
        assert "md-header" in html and "md-footer" in html, page
    source = next((built_site / "src").glob("*.html"))  # published as written: one line a source line
    assert source.read_text(encoding="utf-8").count("\n") > 10


def test_no_csv_file_per_report_and_no_redirect_folders(built_site):
    assert not (built_site / "downloads" / "reports").exists()
    redirects = [p for p in (built_site / "r").glob("*/index.html")] if (built_site / "r").exists() else []
    for page in redirects:  # only real pages stay under r/: reports with no agency or year
        assert "http-equiv=refresh" not in page.read_text(encoding="utf-8").replace('"', "")


def test_the_old_report_urls_map_to_the_pages_under_the_agencies(built_site, seed_package):
    from xxgk.site.redirects import shard_key

    out, _, _ = seed_package
    reports = list(csv.DictReader(io.StringIO((out / "data" / "reports.csv").read_text(encoding="utf-8-sig"))))
    digits = json.loads((built_site / "assets" / "site.json").read_text(encoding="utf-8"))["redirect_shard_digits"]
    moved = 0
    for r in reports:
        if not (r["agency_id"] and r["year"]):
            continue
        shard = built_site / "json" / "r" / f"{shard_key(r['report_id'])[:digits]}.json"
        target = json.loads(shard.read_text(encoding="utf-8"))[r["report_id"]]
        assert target.startswith(f"a/{r['agency_id']}/{r['year']}") and target.endswith(".html")
        assert (built_site / target).is_file()  # a file beside the agency page, no folder per report
        moved += 1
    assert moved >= 5


def test_a_missing_path_gets_the_404_page_with_its_status(built_site):
    with serving(built_site) as url:
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(url + "/no/such/page/")
        assert error.value.code == 404
        body = error.value.read().decode("utf-8")
        assert "页面不存在" in body and "/agencies/" in body
        assert urllib.request.urlopen(url + "/").status == 200


def _package_copy(seed_package, tmp_path: Path) -> Path:
    import shutil

    out, _, _ = seed_package
    package = tmp_path / "datapackage"
    shutil.copytree(out, package)
    return package


def test_large_package_files_are_published_gzip_compressed_only(seed_package, tmp_path, monkeypatch):
    from xxgk.site import downloads

    package = _package_copy(seed_package, tmp_path)
    monkeypatch.setattr(downloads, "GZIP_ABOVE", 20_000)  # the seeds' files are small: a low cutoff for the test
    downloads.copy_downloads(package, tmp_path / "one")
    downloads.copy_downloads(package, tmp_path / "two")
    big = [p for p in sorted(package.rglob("*")) if p.is_file() and p.suffix in (".csv", ".db", ".json")
           and p.stat().st_size > 20_000 and "sources" not in p.relative_to(package).parts
           and p.name != "datapackage.json"]  # the descriptor: never compressed (next test)
    assert big, "no seed file above the test cutoff"
    for path in big:
        rel = path.relative_to(package)
        published = tmp_path / "one" / rel.with_name(rel.name + ".gz")
        assert not (tmp_path / "one" / rel).exists()  # .gz only
        if rel.name not in ("xxgk.db", "metadata.json"):  # the site's own copies (test_site_database_copy.py)
            assert gzip.decompress(published.read_bytes()) == path.read_bytes()
        assert published.read_bytes() == (tmp_path / "two" / rel.with_name(rel.name + ".gz")).read_bytes()
        header = published.read_bytes()[:10]
        assert header[3] == 0 and header[4:8] == b"\0\0\0\0"  # no file name, modification time 0
    for name in ("xxgk.xlsx", "xxgk-datapackage.zip"):  # compressed already: as they are
        assert (tmp_path / "one" / name).read_bytes() == (package / name).read_bytes()
    small = package / "data" / "items.csv"
    assert (tmp_path / "one" / "data" / "items.csv").read_bytes() == small.read_bytes()


def test_the_published_descriptor_names_the_compressed_files_and_validates(seed_package, tmp_path,
                                                                           monkeypatch):
    """The data page suggests reading ``downloads/datapackage.json`` with Frictionless: once its CSVs are published
    as ``.gz`` only, the descriptor must name those, or every resource is missing."""
    import json

    from frictionless import validate

    from xxgk.site import downloads

    package = _package_copy(seed_package, tmp_path)
    monkeypatch.setattr(downloads, "GZIP_ABOVE", 20_000)
    downloads.copy_downloads(package, tmp_path / "site")
    descriptor = tmp_path / "site" / "datapackage.json"
    paths = {r["name"]: r["path"] for r in json.loads(descriptor.read_text(encoding="utf-8"))["resources"]}
    assert paths["applications"] == "data/applications.csv.gz" and paths["items"] == "data/items.csv"
    assert all((tmp_path / "site" / p).is_file() for p in paths.values())
    query = json.loads(descriptor.read_text(encoding="utf-8"))["x_xxgk_query_files"]
    assert {"path": "xxgk.db.gz", "compression": "gz"}.items() <= next(q for q in query if "db" in q["path"]).items()
    report = validate(str(descriptor))
    assert report.valid, report.flatten(["type", "note"])[:5]
    original = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert original["resources"][0]["path"].endswith(".csv")  # the package itself is unchanged


def test_the_data_page_links_the_compressed_files_with_their_size(seed_package, tmp_path, monkeypatch):
    from xxgk.site import downloads
    from xxgk.site.build import write_site_src

    package = _package_copy(seed_package, tmp_path)
    monkeypatch.setattr(downloads, "GZIP_ABOVE", 20_000)
    import xxgk.site.pages as pages

    monkeypatch.setattr(pages, "GZIP_ABOVE", 20_000)
    write_site_src(package, tmp_path / "site_src")
    data = (tmp_path / "site_src" / "data.md").read_text(encoding="utf-8")
    gz = tmp_path / "site_src" / "downloads" / "data" / "applications.csv.gz"
    assert gz.is_file() and 'href="../downloads/data/applications.csv.gz"' in data
    assert f"{gz.stat().st_size / 1024:.1f} KB" in data
    assert "gzip" in data and "read_csv" in data
    assert 'href="../downloads/data/items.csv"' in data  # small files stay plain


def test_the_seeds_site_keeps_plain_downloads(built_site):
    assert not list((built_site / "downloads").rglob("*.gz"))
    data = (built_site / "data" / "index.html").read_text(encoding="utf-8")
    assert "downloads/data/applications.csv" in data and ".gz" not in data


# -- in the browser ------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def downloading(chromium, tmp_path_factory):
    """The module's tab of the process's one Chromium (``chromium``: a fresh tab), 1366 px wide, saving its
    downloads in a folder of its own (a Chromium started for the module: ≈ 2–3 s)."""
    chromium.set_window_size(1366, 1000)
    with saving_downloads(chromium, tmp_path_factory.mktemp("downloads")):
        yield chromium


def _downloaded(folder: Path, pattern: str) -> bytes:
    """The downloaded file named like ``pattern`` (a glob), once written whole."""
    path = wait_for(lambda: next((p for p in folder.glob(pattern) if p.stat().st_size > 0), None)
                    if not list(folder.glob("*.crdownload")) else None)
    time.sleep(0.2)
    return path.read_bytes()


@pytest.mark.browser
@needs_chromium
def test_the_report_csv_is_built_in_the_browser_from_the_page_tables(built_site, downloading):
    from selenium.webdriver.common.by import By

    page = next(p for p in _report_pages(built_site) if "法人或其他组织" in p.read_text(encoding="utf-8"))
    with serving(built_site) as url:
        downloading.get(url + "/" + page.relative_to(built_site).as_posix())
        button = wait_for(lambda: [b for b in downloading.find_elements(By.CSS_SELECTOR, "button[data-xxgk-csv]")
                                   if b.is_displayed()])[0]
        report_id = button.get_attribute("data-xxgk-csv")
        shown = downloading.execute_script(  # what the page shows in table 3, row 一, column 总计
            "var t = document.querySelector('table[data-csv^=applications]'); var r = t.tBodies[0].rows[0];"
            "return [r.cells[0].textContent.trim(), r.cells[r.cells.length - 1].textContent.trim()];")
        button.click()
        data = _downloaded(downloading.downloads, f"*-{report_id}.csv")
    assert data.startswith("\ufeff".encode())
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig")))
    header = [c.split("（")[-1].rstrip("）") for c in next(reader)]  # 表（table）…: the code in brackets
    rows = [dict(zip(header, row, strict=True)) for row in reader]
    assert header == ["table", "table_zh", "key1_zh", "key2_zh", "value", "line", "identity", "report_id",
                      "source_file"]
    assert {r["table"] for r in rows} >= {"applications", "review_litigation"}
    new_total = [r for r in rows if r["table"] == "applications" and r["key1_zh"] == shown[0]
                 and r["key2_zh"] == "总计"]
    assert [r["value"] for r in new_total] == [shown[1] if shown[1] != "—" else ""]
    assert new_total[0]["line"].isdigit()
    grouped = [r["key1_zh"] for r in rows if r["table"] == "applications" and r["key1_zh"].startswith("（三）不予公开")]
    assert grouped and grouped[0] == "（三）不予公开 1.属于国家秘密"  # the code list's label of the group's first row
    assert all(r["value"] != "—" for r in rows)  # missing stays empty


@pytest.mark.browser
@needs_chromium
def test_the_report_csv_guards_against_formulas(built_site, downloading):
    from selenium.webdriver.common.by import By

    page = _report_pages(built_site)[0]
    with serving(built_site) as url:
        downloading.get(url + "/" + page.relative_to(built_site).as_posix())
        button = wait_for(lambda: [b for b in downloading.find_elements(By.CSS_SELECTOR, "button[data-xxgk-csv]")
                                   if b.is_displayed()])[0]
        report_id = button.get_attribute("data-xxgk-csv")
        for old in downloading.downloads.glob(f"*-{report_id}.csv"):
            old.unlink()
        downloading.execute_script(  # a hostile label and value, as a spreadsheet would run them
            "var t = document.querySelector('table[data-csv]'); var r = t.tBodies[0].rows[0];"
            "r.cells[0].textContent = '=HYPERLINK(\"x\")'; r.cells[r.cells.length - 1].textContent = '-3';")
        button.click()
        data = _downloaded(downloading.downloads, f"*-{report_id}.csv")
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert ["'=HYPERLINK(\"x\")", "-3"] == [rows[1][2], [r for r in rows if r[2] == rows[1][2]][-1][4]]


# the 404 page has read its map of old report URLs (``json/r/<shard>.json``) and acted on it: the fetch answered, then
# two frames for its promise to run (``location.replace`` once called, selenium's next command waits for the page
# it opens). Before, a second's sleep: on a loaded machine the map could still be on its way, and a page that
# followed a hostile entry passed the test
MAP_READ = """var done = arguments[arguments.length - 1];
(function wait() {
  var read = performance.getEntriesByType("resource").some(function (e) {
    return e.name.indexOf("/json/r/") >= 0 && e.responseEnd > 0; });
  if (!read) return setTimeout(wait, 50);
  requestAnimationFrame(function () { requestAnimationFrame(function () { done(true); }); });
})();"""


@pytest.mark.browser
@needs_chromium
def test_an_old_report_url_goes_to_the_page_and_an_unknown_one_says_so(built_site, downloading):
    from selenium.webdriver.common.by import By

    target = next(iter(json.loads(next((built_site / "json" / "r").glob("*.json")).read_text(encoding="utf-8"))
                       .items()))
    with serving(built_site) as url:
        downloading.get(f"{url}/r/{target[0]}/#L3")
        wait_for(lambda: downloading.current_url.endswith(f"/{target[1]}#L3"))
        assert downloading.find_element(By.CSS_SELECTOR, "button[data-xxgk-csv]")
        folder = target[1].removesuffix(".html")  # the URL a report page had as a folder: a/<agency>/<year>/
        for old in (f"{folder}/", f"{folder}/index.html"):
            downloading.get(f"{url}/{old}#L5")
            wait_for(lambda: downloading.current_url == f"{url}/{target[1]}#L5")
            assert downloading.find_element(By.CSS_SELECTOR, "button[data-xxgk-csv]")
        downloading.get(f"{url}/r/no-such-report-000000/")
        downloading.execute_async_script(MAP_READ)
        assert downloading.current_url.endswith("/r/no-such-report-000000/")
        assert "页面不存在" in downloading.find_element(By.TAG_NAME, "article").text


@pytest.mark.browser
@needs_chromium
def test_the_404_page_follows_only_a_page_path_from_its_map(built_site, downloading, tmp_path):
    """A map entry that is not a page path under the site (a script URL, another host) is never followed."""
    import shutil

    from xxgk.site.redirects import shard_key

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    digits = json.loads((site / "assets" / "site.json").read_text(encoding="utf-8"))["redirect_shard_digits"]
    hostile = {"evil-000001": "javascript:window.__xss=1//", "evil-000002": "//example.org/x/"}
    for report_id, target in hostile.items():
        shard = site / "json" / "r" / f"{shard_key(report_id)[:digits]}.json"
        entries = json.loads(shard.read_text(encoding="utf-8")) if shard.exists() else {}
        shard.write_text(json.dumps({**entries, report_id: target}), encoding="utf-8")
    with serving(site) as url:
        for report_id in hostile:
            downloading.get(f"{url}/r/{report_id}/")
            downloading.execute_async_script(MAP_READ)
            assert downloading.current_url == f"{url}/r/{report_id}/"
            assert downloading.execute_script("return window.__xss === undefined")


@pytest.mark.browser
@needs_chromium
def test_the_404_page_never_fetches_or_goes_to_another_host(built_site, downloading, tmp_path):
    """An old-URL path that starts with ``//host/`` (``https://site//evil.example/r/<id>/``) must not make the
    404 page fetch its map from that host, nor send the reader there: only this site's paths are used."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from selenium.webdriver.common.by import By

    from xxgk.site.redirects import shard_key

    evil = tmp_path / "evil"  # another host, willing (CORS) to send every old URL to one of its pages
    digits = json.loads((built_site / "assets" / "site.json").read_text(encoding="utf-8"))["redirect_shard_digits"]
    report_id = "evil-000003"
    (evil / "json" / "r").mkdir(parents=True)
    (evil / "json" / "r" / f"{shard_key(report_id)[:digits]}.json").write_text(
        json.dumps({report_id: "phish/"}), encoding="utf-8")
    asked: list[str] = []

    class Evil(SimpleHTTPRequestHandler):
        def end_headers(self):
            self.send_header("Access-Control-Allow-Origin", "*")
            super().end_headers()

        def log_message(self, *args):
            asked.append(self.path)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Evil, directory=str(evil)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with serving(built_site) as url:
            downloading.get(f"{url}//127.0.0.1:{httpd.server_address[1]}/r/{report_id}/")
            time.sleep(1.5)
            assert downloading.current_url.startswith(url + "/"), downloading.current_url
            assert "页面不存在" in downloading.find_element(By.TAG_NAME, "article").text
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert asked == []


CHANGJI_2025 = "004-2e32b371880ee2ff-a78fce"  # a seed whose table 三 prints one cell a line


def _one_cell_a_line_rows(site: Path) -> list[str]:
    """The rows of table 三 on the page of the seed that prints it one cell a line, as lxml writes them back."""
    from .conftest import read_page, report_page_url

    page = read_page(site / report_page_url(site, CHANGJI_2025).lstrip("/"))
    table = page[page.index('data-csv="applications'):]
    return [r for r in table[:table.index("</table>")].split("<tr")[1:] if "<td" in r]


def test_a_row_printed_one_cell_a_line_in_order_says_its_lines_once_on_its_label(built_site):
    rows = _one_cell_a_line_rows(built_site)
    # (its label: the row's header, <th data-s scope=row> as minified)
    stepped = [r for r in rows if re.match(r'>\s*<th(?=[^>]*\sscope="?row)[^>]*\sdata-s[ =>]', r)]
    # session 33: each of six cells a row carried data-l (≈ 1.5 KB of table 三, a page's fifth or sixth 4 KiB block)
    assert len(stepped) >= 20 and not any(" data-l=" in r for r in stepped)


@pytest.mark.browser
@needs_chromium
def test_the_report_csv_gives_each_cell_of_a_row_printed_one_cell_a_line_its_own_line(built_site, seed_package,
                                                                                      downloading):
    from selenium.webdriver.common.by import By

    from .conftest import report_page_url

    folder, _, _ = seed_package

    def rows_of(name: str) -> list[dict]:
        with (folder / "data" / name).open(encoding="utf-8-sig") as handle:
            return list(csv.DictReader(handle))

    applicants = {r["label_zh"]: r["code"] for r in rows_of("applicants.csv")}
    labels = {r["label_zh"]: r["code"] for r in rows_of("application_rows.csv")}
    lines = {(r["row"], r["applicant"]): r["line"] for r in rows_of("applications.csv")
             if r["report_id"] == CHANGJI_2025}
    with serving(built_site) as url:
        downloading.get(url + report_page_url(built_site, CHANGJI_2025))
        button = wait_for(lambda: [b for b in downloading.find_elements(By.CSS_SELECTOR, "button[data-xxgk-csv]")
                                   if b.is_displayed()])[0]
        button.click()
        data = _downloaded(downloading.downloads, f"*-{button.get_attribute('data-xxgk-csv')}.csv")
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig")))
    header = [c.split("（")[-1].rstrip("）") for c in next(reader)]
    got = {(labels[r["key1_zh"]], applicants.get(r["key2_zh"], "total")): r["line"]
           for r in (dict(zip(header, row, strict=True)) for row in reader) if r["table"] == "applications"}
    assert len(set(got.values())) > 100  # (one cell a line: every cell its own line)
    assert got == lines


@pytest.fixture(scope="module")
def peered_site(tmp_path_factory):
    """Twelve synthetic reports (three agencies of one province and system, four years each: a peer group of three
    a year): the package and the site."""
    from benchmarks.synthetic import write_reports

    from .conftest import site_of

    work = tmp_path_factory.mktemp("peered")
    write_reports(12, work / "reports")
    return work / "datapackage", site_of(work / "reports", work)


def _peer_medians(package: Path, metric: str) -> dict[tuple[str, str], tuple[float, int]]:
    """``{(agency_id, year): (median, reports)}`` of ``metric`` over each report's peer group, from the CSVs."""
    from statistics import median

    def rows_of(name: str) -> list[dict]:
        with (package / "data" / name).open(encoding="utf-8-sig") as handle:
            return list(csv.DictReader(handle))

    value = {r["report_id"]: float(r["value"]) for r in rows_of("metric_values.csv") if r["metric"] == metric}
    reports = rows_of("reports.csv")
    members: dict[str, list[float]] = {}
    for r in reports:
        members.setdefault(r["peer_group"], []).append(value[r["report_id"]])
    return {(r["agency_id"], r["year"]): (median(members[r["peer_group"]]), len(members[r["peer_group"]]))
            for r in reports}


def test_a_measures_file_gives_each_peer_groups_median_once(peered_site):
    package, site = peered_site
    groups = json.loads((site / "json" / "peer-groups.json").read_text(encoding="utf-8"))["a"]
    received = json.loads((site / "json" / "m" / "received.json").read_text(encoding="utf-8"))
    # session 33: the median was written for each agency and year (≈ 55 % of each of the 26 measure files)
    assert len(groups) == 3 and set(received["peer"]) == {str(n) for years in groups.values() for n in years.values()}
    assert len(received["peer"]) == 4  # a group a year
    expected = _peer_medians(package, "received")
    assert len(expected) == 12 and {n for _, n in expected.values()} == {3}
    for (agency, year), (median, n) in expected.items():
        assert received["peer"][str(groups[agency][year])] == [median, n]


@pytest.mark.browser
@needs_chromium
def test_the_compare_page_gives_an_agencys_peer_median_each_year(peered_site, downloading):
    from selenium.webdriver.common.by import By

    package, site = peered_site
    expected = _peer_medians(package, "received")
    agency = sorted(expected)[0][0]
    with serving(site) as url:
        downloading.get(f"{url}/compare/?agencies={agency}&metric=received&year=2021-2024")
        wait_for(lambda: "同类组中位数" in downloading.find_element(By.ID, "xxgk-compare-table").text)
        link = downloading.find_element(By.ID, "xxgk-compare-csv").get_attribute("href")
        text = downloading.execute_async_script("fetch(arguments[0]).then(r => r.text()).then(arguments[1])", link)
    rows = list(csv.DictReader(text.lstrip("\ufeff").splitlines()))
    shown = {r["年度"]: float(r["数值"]) for r in rows if r["机构"] == "同类组中位数"}
    assert shown == {year: median for (a, year), (median, _) in expected.items() if a == agency}
    assert len(shown) == 4
