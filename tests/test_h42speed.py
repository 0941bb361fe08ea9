"""Session 42: the pages stage's idle core and what its 1 % rebuild redoes (issue 16, ``benchmarks/SCALE.md``, "The
pages stage at 2,000, session 42"). Counted or ordered, never timed: the work moves or is skipped, and the site is the
bytes a build without the change gives.

1. The downloads (``copy_downloads``: the package's files gzipped, ``xxgk.db`` without its full-text index) are
   compressed in a thread while the parent writes the editorial pages and what MkDocs reads besides them; only the
   data page (the published files' sizes) waits for them. Before, the parent waited for the downloads before any
   editorial page, the gzip of ``xxgk.db`` outlasting the first pass: one core idle.
2. The pages stage does not import the parser (``site/table_lines.py`` took a three-word constant from it: ≈ 0.2 s
   of CPU in every pages stage, and again in the pages helper where one runs).
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from xxgk.site import build as site_build
from xxgk.site import pages as pages_module


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    """Twelve synthetic reports (three agencies of four years each) packaged once, without a cache."""
    from benchmarks.synthetic import write_reports

    from xxgk.package.build import build_package

    work = tmp_path_factory.mktemp("h42")
    write_reports(12, work / "reports", prose=True)
    _, errors = build_package(work / "reports", work / "datapackage", workers=1)
    assert errors == []
    return work / "datapackage"


def test_the_editorial_pages_are_written_while_the_downloads_compress(package, tmp_path, monkeypatch):
    """The downloads' thread is held until the home page, the agency index and the browser's data are written (at
    most a minute: before, the parent waited for the downloads first, and nothing was written until the minute
    passed); the data page is written once they are all there; and the pages are the bytes of a build whose
    downloads were done at once."""
    site_build.write_site_src(package, tmp_path / "at_once")
    copy_downloads, data_page = site_build.copy_downloads, pages_module.Site.data_page
    editorial_written, seen = threading.Event(), {}
    site_src = tmp_path / "held"

    def held_downloads(package_dir, downloads):
        seen["pages before the downloads"] = editorial_written.wait(60)
        copy_downloads(package_dir, downloads)
        seen["downloads done"] = True

    def data_page_after(self):
        seen["downloads done before the data page"] = seen.get("downloads done", False)
        return data_page(self)

    def support_written(*args):
        written = write_support(*args)
        editorial_written.set()  # (the editorial pages but the data page are written before the support files)
        return written

    write_support = site_build._write_support
    monkeypatch.setattr(site_build, "copy_downloads", held_downloads)
    monkeypatch.setattr(site_build, "_write_support", support_written)
    monkeypatch.setattr(pages_module.Site, "data_page", data_page_after)
    site_build.write_site_src(package, site_src)
    assert seen == {"pages before the downloads": True, "downloads done": True,
                    "downloads done before the data page": True}
    for page in ("index.md", "agencies.md", "quality.md", "json/search.json", "data.md"):
        assert (site_src / page).is_file(), page
    assert _tree(site_src) == _tree(tmp_path / "at_once")


def test_the_pages_stage_does_not_import_the_parser(package, tmp_path):
    """A whole pages stage in a fresh process, then the modules it loaded: none of the parser's (the site reads the
    package, never a report)."""
    code = ("import sys; from pathlib import Path; from xxgk.site.build import write_site_src; "
            f"write_site_src(Path({str(package)!r}), Path({str(tmp_path / 'site_src')!r})); "
            "print(sorted(m for m in ('xxgk.parser', 'xxgk.cells', 'xxgk.metadata', 'xxgk.table2', 'xxgk.table3') "
            "if m in sys.modules))")
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root,
                          env={"PYTHONPATH": f"{root / 'build'}:{root}", "PATH": "/usr/bin:/bin"})
    assert done.stdout.strip() == "[]"
    assert (tmp_path / "site_src" / "index.md").is_file()
