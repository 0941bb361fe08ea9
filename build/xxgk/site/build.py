"""``build_site``: pages and assets into ``site_src/`` from the package, then ``mkdocs build``.

The site serves everything itself: plotly.js comes from the project's npm manifest
(``node_modules/plotly.js-basic-dist-min``, a partial bundle) or, failing that, from the plotly
Python wheel; no page loads anything from another host.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

from ..gcpause import gc_paused
from .browser_data import browser_files, search_aux
from .data import Package
from .fulltext import index_full_text
from .pages import Site

PLOTLY_NPM = Path("node_modules/plotly.js-basic-dist-min/plotly-basic.min.js")
ASSETS = files("xxgk.site") / "assets"


def plotly_bundle() -> bytes:
    if PLOTLY_NPM.exists():
        return PLOTLY_NPM.read_bytes()
    import plotly

    return (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_bytes()


def report_csvs(pkg: Package) -> dict[str, bytes]:
    """One CSV per report (all its values, tidy) for the agency page's download link."""
    out = {}
    tables = {"active_disclosure": ("item", "measure"), "applications": ("row", "applicant"),
              "review_litigation": ("proceeding", "outcome")}
    per = {name: pkg.by_report(name) for name in tables}
    for report in pkg.tables["reports"]:
        rid = report["report_id"]
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["table", "key1", "key2", "value", "line"])
        for name, (a, b) in tables.items():
            for row in per[name].get(rid, []):
                writer.writerow([name, row[a], row[b], row["value"] or "", row["line"] or ""])
        out[f"downloads/reports/{rid}.csv"] = ("\ufeff" + buffer.getvalue()).encode("utf-8")
    return out


def write_site_src(package_dir: Path, site_src: Path) -> None:
    with gc_paused():
        _write_site_src(package_dir, site_src)


def _write_site_src(package_dir: Path, site_src: Path) -> None:
    pkg = Package.load(package_dir)
    if site_src.exists():
        shutil.rmtree(site_src)
    site_src.mkdir(parents=True)
    site = Site(pkg, site_src)
    site.all_pages()
    assets = site_src / "assets"
    assets.mkdir(exist_ok=True)
    for name in ("xxgk.js", "xxgk.css", "search.js", "compare.js", "agencies.css",
                 "plotly-loader.js"):
        (assets / name).write_bytes((ASSETS / name).read_bytes())
    (assets / "plotly-basic.min.js").write_bytes(plotly_bundle())
    for rel, text in {**browser_files(pkg, site.report_urls), "json/search.json": search_aux(pkg)}.items():
        (site_src / rel).parent.mkdir(parents=True, exist_ok=True)
        (site_src / rel).write_text(text, encoding="utf-8")
    downloads = site_src / "downloads"
    for path in sorted(package_dir.rglob("*")):
        rel = path.relative_to(package_dir)
        if path.is_file() and rel.parts[0] != "sources":
            (downloads / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, downloads / rel)
    for rel, data in report_csvs(pkg).items():
        (site_src / rel).parent.mkdir(parents=True, exist_ok=True)
        (site_src / rel).write_bytes(data)


def config_for(docs_dir: Path, config_path: Path, project: Path = Path(".")) -> Path:
    """A copy of the project's mkdocs.yml that builds ``docs_dir`` (hooks made absolute), for
    building a site from pages generated elsewhere (tests, benchmarks)."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = (project / "build" / "xxgk" / "site" / "mkdocs_hooks.py").resolve()
    text = text.replace("docs_dir: site_src", f"docs_dir: {Path(docs_dir).resolve()}")
    text = text.replace("  - build/xxgk/site/mkdocs_hooks.py", f"  - {hooks}")
    config_path.write_text(text, encoding="utf-8")
    return config_path


def build_site(package_dir: Path, site_src: Path, site_dir: Path, strict: bool = False) -> int:
    write_site_src(package_dir, site_src)
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", "mkdocs.yml", "-d", str(site_dir)]
    if strict:
        command.append("--strict")
    code = subprocess.call(command)
    return code or index_full_text(Path(site_dir))
