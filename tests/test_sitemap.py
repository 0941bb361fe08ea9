"""The sitemap a search engine reads (``site/sitemap.py``). What a user checks: with ``site_url`` set, the sitemap
names every page a reader lands on — the editorial pages, every agency page, every report page, the source texts
— by its absolute address, and nothing that is not a page of the site; ``robots.txt`` names it; a site past one
file's limits (50,000 addresses, 50 MB) is split; the files do not change with the day the site was built or
with the caches; without ``site_url`` there is no sitemap to mislead a crawler."""

from __future__ import annotations

import gzip
import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import pytest

from tests.conftest import ROOT, SEEDS

SITE_URL = "https://example.org/xxgk/"
NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
DAY_1, DAY_2 = "1767225600", "1798761600"  # 2026-01-01 and 2027-01-01: MkDocs dates its pages with this


def _build(work: Path, site_url: str | None, day: str, cache: Path | None = None) -> Path:
    """The package and site of the seeds as ``xxgk build`` makes them, published at ``site_url`` (None: unset)
    and built on ``day`` (``SOURCE_DATE_EPOCH``, the date MkDocs gives its pages); into ``work/site``, beside
    the site already there (its unchanged pages reused) and with the caches in ``cache``."""
    from xxgk.package.build import build_package
    from xxgk.site.build import build_site, config_for

    if not (work / "datapackage").exists():
        build_package(SEEDS, work / "datapackage", workers=1)
    config = config_for(work / "site_src", work / "mkdocs.yml", ROOT)
    with pytest.MonkeyPatch.context() as patch:
        if site_url is None:
            patch.delenv("XXGK_SITE_URL", raising=False)
        else:
            patch.setenv("XXGK_SITE_URL", site_url)
        patch.setenv("SOURCE_DATE_EPOCH", day)
        code, _ = build_site(work / "datapackage", work / "site_src", work / "site", cache_dir=cache,
                             config_file=config, workers=1)
    assert code == 0
    return work / "site"


def _sitemap_files(site: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(site.iterdir()) if p.name.startswith(("sitemap", "robots"))}


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The seeds' site published at ``SITE_URL``, built on one day with an empty cache, then rebuilt a year
    later in the same place (every page taken from the caches and the old site): (site, the first build's
    sitemap and robots files)."""
    work = tmp_path_factory.mktemp("sitemap")
    site = _build(work, SITE_URL, DAY_1, cache=work / "cache")
    first = _sitemap_files(site)
    return _build(work, SITE_URL, DAY_2, cache=work / "cache"), first


def _locs(site: Path, site_url: str = SITE_URL) -> list[str]:
    """Every address the sitemaps name, following ``sitemap.xml`` (an index) to each sitemap it names."""
    index = ET.parse(site / "sitemap.xml").getroot()
    assert index.tag == NS + "sitemapindex"
    locs: list[str] = []
    for entry in index.iter(NS + "sitemap"):
        loc = entry.findtext(NS + "loc")
        assert loc.startswith(site_url) and "/" not in loc[len(site_url):], loc  # beside sitemap.xml
        urlset = ET.parse(site / unquote(loc[len(site_url):])).getroot()
        assert urlset.tag == NS + "urlset"
        locs += [url.findtext(NS + "loc") for url in urlset.iter(NS + "url")]
    return locs


def _file_of(loc: str, site_url: str = SITE_URL) -> str:
    """The file a web server answers ``loc`` with: a folder's address is its ``index.html``."""
    assert loc.startswith(site_url), loc
    path = unquote(loc[len(site_url):])
    return path + "index.html" if path == "" or path.endswith("/") else path


def test_the_sitemap_names_the_editorial_agency_report_and_source_pages(published):
    site, _ = published
    locs = _locs(site)
    assert len(locs) == len(set(locs))
    for page in ("", "about/", "agencies/", "compare/", "data/", "report-card/", "quality/", "checks/"):
        assert SITE_URL + page in locs, page
    agency = sorted(site.glob("a/*/index.html"))[0].parent.name
    report = sorted(site.glob(f"a/{agency}/*.html"))[0].name
    source = sorted(site.glob("src/*.html"))[0].name
    assert report != "index.html"
    for page in (f"a/{agency}/", f"a/{agency}/{report}", f"src/{source}"):
        assert SITE_URL + page in locs, page
    assert SITE_URL + "404.html" not in locs
    text = "".join(p.read_text(encoding="utf-8") for p in site.glob("sitemap*.xml"))
    assert "<lastmod>" not in text  # no date that would be the build's clock


def test_every_listed_address_is_a_page_of_the_site_and_every_page_is_listed(published):
    site, _ = published
    listed = [_file_of(loc) for loc in _locs(site)]
    assert all((site / path).is_file() for path in listed), [p for p in listed if not (site / p).is_file()]
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")} - {"404.html"}
    assert pages == set(listed)
    assert {p for p in pages if p.startswith("a/")} and {p for p in pages if p.startswith("src/")}


def test_robots_txt_names_the_sitemap_by_its_address(published):
    site, _ = published
    lines = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {SITE_URL}sitemap.xml" in lines


def test_each_sitemap_file_has_its_gzip_twin(published):
    site, _ = published
    files = sorted(site.glob("sitemap*.xml"))
    assert len(files) >= 2  # the index and the sitemap it names
    for path in files:
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == path.read_bytes(), path.name


def test_the_sitemap_is_the_same_bytes_whatever_the_day_and_the_caches(published):
    site, first = published
    assert first == _sitemap_files(site)
    assert any(name.endswith(".gz") for name in first)


def test_a_site_over_the_limits_is_split_into_sitemaps_an_index_names(published, tmp_path, monkeypatch):
    from xxgk.site import sitemap

    site, first = published
    every = _locs(site)
    copy = tmp_path / "site"
    shutil.copytree(site, copy, copy_function=os.link)  # as a rebuild links the old site's files (previous.py)
    monkeypatch.setattr(sitemap, "MAX_URLS", 4)
    sitemap.write_sitemaps(copy, SITE_URL)
    index = ET.parse(copy / "sitemap.xml").getroot()
    names = [e.findtext(NS + "loc")[len(SITE_URL):] for e in index.iter(NS + "sitemap")]
    assert len(names) == -(-len(every) // 4) > 1
    assert all(len(ET.parse(copy / name).getroot()) <= 4 for name in names)
    assert _locs(copy) == every  # the same addresses, in the same order, none twice
    assert not [p.name for p in copy.glob("sitemap*.xml") if p.name not in (*names, "sitemap.xml")]  # none stale

    monkeypatch.setattr(sitemap, "MAX_URLS", 50_000)
    monkeypatch.setattr(sitemap, "MAX_BYTES", 700)  # bytes, the closing tag included
    sitemap.write_sitemaps(copy, SITE_URL)
    names = [e.findtext(NS + "loc")[len(SITE_URL):] for e in ET.parse(copy / "sitemap.xml").getroot()]
    assert len(names) > 1 and all((copy / name).stat().st_size <= 700 for name in names)
    assert _locs(copy) == every
    assert _sitemap_files(site) == first  # the files linked from it were replaced, never written through


def test_addresses_are_percent_encoded_and_escaped_whatever_the_file_names(tmp_path):
    from xxgk.site.sitemap import write_sitemaps

    site = tmp_path / "site"
    names = ["index.html", "a/x&y<z>/index.html", "a/中文 局/2024.html", "src/a\"'#?%.html", "r/r1.html"]
    for name in names:
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text("<html></html>", encoding="utf-8")
    (site / "404.html").write_text("x", encoding="utf-8")
    (site / "assets").mkdir()
    (site / "assets" / "x.html").write_text("x", encoding="utf-8")  # not a page: the theme's and ours
    url = "https://example.org/a&b/"
    write_sitemaps(site, url)
    locs = _locs(site, url)  # well-formed XML: the parser read it
    assert sorted(_file_of(loc, url) for loc in locs) == sorted(names)
    for loc in locs:
        assert all(c.isascii() and c not in " \"'<>#?" for c in loc[len(url):]), loc
    assert "https://example.org/a&amp;b/sitemap" in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "Sitemap: https://example.org/a&b/sitemap.xml" in (site / "robots.txt").read_text(encoding="utf-8")


def test_without_a_site_url_there_is_no_sitemap_and_robots_names_none(tmp_path):
    site = _build(tmp_path, None, DAY_1)
    assert not list(site.glob("sitemap*"))  # no addresses to give: an empty or relative sitemap misleads
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots.splitlines() and "Sitemap" not in robots


@pytest.mark.parametrize("url", ['https://x"><script>alert(1)</script>', "javascript:alert(1)//",
                                 "https://example.org/a b/", "https://例子.中国/", "ftp://example.org/",
                                 "https://example.org/x'y/", "https://example.org\\@evil/"])
def test_an_address_mkdocs_would_write_into_every_page_unescaped_is_refused_before_any_work(url, tmp_path,
                                                                                           monkeypatch, capsys):
    """MkDocs writes ``site_url`` into every page's canonical link as it is: ``xxgk build`` refuses an address
    that is not a plain http(s) one, before it reads a report or writes a file."""
    from xxgk.cli import main

    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (tmp_path / "reports").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XXGK_SITE_URL", url)
    assert main(["build", "--quiet"]) == 2
    assert "XXGK_SITE_URL: not a plain http(s) address" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mkdocs.yml", "reports"]  # nothing written


def test_the_workflows_kind_of_address_is_accepted():
    from xxgk.site.sitemap import check_site_url

    for url in (SITE_URL, "https://my-org.github.io/xxgk_data/", "http://localhost:8000/", "https://xn--fiqs8s.cn/"):
        assert check_site_url(url) == url
    assert check_site_url("") is None and check_site_url(None) is None
