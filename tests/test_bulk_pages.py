"""The bulk pages (report, agency, source, redirect) rendered outside MkDocs are the pages MkDocs built.

The reference is the way the site was built before: every page written into the docs folder (report and
agency pages as Markdown plus their HTML blocks, put back by the ``on_page_content`` hook; source pages,
redirects and CSV downloads as plain files) and one ``mkdocs build`` over all of them. The new way:
``mkdocs build`` of the editorial pages, then ``bulk.render_bulk``. The two sites must be the same files
with the same bytes — the report and agency pages, the editorial pages, the search index and the 404 page.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import HOSTILE, ROOT, SEEDS


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def site_src(tmp_path_factory):
    """The seeds plus the hostile report, package and pages (spooled bulk pages included)."""
    from xxgk.package.build import build_package
    from xxgk.site.build import write_site_src

    work = tmp_path_factory.mktemp("bulk")
    shutil.copytree(SEEDS, work / "reports")
    (work / "reports" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    build_package(work / "reports", work / "datapackage", workers=1)
    write_site_src(work / "datapackage", work / "site_src")
    return work / "site_src"


@pytest.fixture(scope="module")
def through_mkdocs(site_src, tmp_path_factory):
    """The site as MkDocs built it when it rendered every page itself."""
    from xxgk.site.build import config_for
    from xxgk.site.bulk import as_mkdocs_source, spooled

    work = tmp_path_factory.mktemp("reference")
    docs = work / "docs"
    shutil.copytree(site_src, docs, ignore=shutil.ignore_patterns(".bulk"))
    for entry in spooled(site_src):
        as_mkdocs_source(entry, docs)
    for entry in spooled(site_src, "files.jsonl"):
        (docs / entry["path"]).parent.mkdir(parents=True, exist_ok=True)
        (docs / entry["path"]).write_text(entry["text"], encoding="utf-8", newline="")
    config = config_for(docs, work / "mkdocs.yml", ROOT)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config),
                             "-d", str(work / "site")], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    return work / "site"


def _render(site_src: Path, work: Path, **options) -> Path:
    from xxgk.site.build import config_for, render_site

    work.mkdir(parents=True, exist_ok=True)
    config = config_for(site_src, work / "mkdocs.yml", ROOT)
    code, stats = render_site(site_src, config, work / "site", strict=True, **options)
    assert code == 0 and stats.rendered
    return work / "site"


def test_the_bulk_pages_rendered_outside_mkdocs_are_the_pages_mkdocs_built(site_src, through_mkdocs, tmp_path):
    site = _render(site_src, tmp_path, workers=1)
    reference, ours = _files(through_mkdocs), _files(site)
    pages = [p for p in reference if p.startswith(("a/", "r/")) and p.endswith("index.html")]
    assert len([p for p in pages if p.count("/") == 3]) >= 5, "report pages a/<agency>/<year>/ are compared"
    assert len([p for p in pages if p.count("/") == 2 and p.startswith("a/")]) >= 4, "and agency pages"
    assert sorted(ours) == sorted(reference)
    different = [p for p in reference if ours[p] != reference[p]]
    assert different == [], f"pages differ from MkDocs' own: {different[:5]}"


def test_a_report_page_keeps_the_theme_shell_its_toc_and_relative_links(site_src, tmp_path):
    site = _render(site_src, tmp_path, workers=1)
    page = next(p for p in sorted((site / "a").glob("*/*/index.html")))
    html = page.read_text(encoding="utf-8")
    assert '<html lang="zh-CN"' in html and 'class="md-header' in html and 'class="md-footer' in html
    assert 'href="../../../assets/xxgk.css"' in html  # three levels down: a/<agency>/<year>/
    assert 'href="../../../compare/"' in html  # the navigation, relative to the page
    assert 'data-md-component="search"' in html  # the search dialog
    assert re.search(r'<h2 id="[^"]+">报告评估', html)  # headings with anchors (the toc)
    assert "<!--xxgk:" not in html and "<table" in html  # every block put back


def test_many_workers_and_small_chunks_write_the_same_site(site_src, tmp_path, monkeypatch):
    from xxgk.site import bulk

    one = _files(_render(site_src, tmp_path / "one", workers=1))
    monkeypatch.setattr(bulk, "CHUNK", 2)  # several chunks, so the process pool is used
    pool = _render(site_src, tmp_path / "pool", workers=2)
    assert _files(pool) == one


def test_a_spooled_path_never_leaves_the_site(tmp_path):
    from xxgk.site.bulk import Spool, copy_files

    site_src = tmp_path / "src"
    with Spool(site_src) as spool:
        spool.file("../outside.html", "x")
    with pytest.raises(ValueError):
        copy_files(site_src, tmp_path / "site")
    assert not (tmp_path / "outside.html").exists()
