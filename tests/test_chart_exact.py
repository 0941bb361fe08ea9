"""Every chart of a built site, as the browser draws it, is the chart ``render.chart`` made: the spec a page
carries (compact, ``render.compact_spec``; framed, ``chart_frames.py``) put back together by xxgk.js's own
``unframe`` and ``expand`` (run in Node) equals the spec written whole, before either step. Checked on the
seeds, on a synthetic build of a few hundred reports (agencies with four years, every layout), and on the shared
corpus when ``../shared`` is present."""

from __future__ import annotations

import csv
import io
import json
import shutil
from contextlib import contextmanager

import pytest

from .conftest import (
    SEEDS,
    SHARED,
    chart_frames,
    expand_spec,
    needs_chromium,
    own_tab,
    read_page,
    report_page_files,
    wait_for,
)
from .test_chart_frames import SPEC, _node

SYNTHETIC_REPORTS = 240


def _specs(site_src) -> dict[str, list[dict]]:
    """``{page: [spec as written]}`` of every page of a ``site_src``: the spooled bulk pages and MkDocs' pages."""
    from xxgk.site.bulk import page_html, spooled

    pages = {e["src"]: page_html(e) for e in spooled(site_src)}
    pages |= {p.relative_to(site_src).as_posix(): p.read_text(encoding="utf-8") for p in site_src.rglob("*.md")
              if ".bulk" not in p.parts}
    return {src: [json.loads(m) for m in SPEC.findall(html)] for src, html in pages.items() if SPEC.search(html)}


def _site_src_twice(reports, work) -> tuple[dict[str, list[dict]], dict[str, dict], dict[str, list[dict]]]:
    """``(specs as pages carry them, frames published, specs written whole)``, ``{page: [spec]}``, from one
    package of ``reports`` written into a ``site_src`` twice: as a build writes it, and with every spec whole
    (neither compacted nor framed)."""
    import xxgk.site.build as build
    import xxgk.site.render as render
    from xxgk.package.build import build_package
    from xxgk.site.build import write_site_src

    build_package(reports, work / "pkg", workers=1)
    write_site_src(work / "pkg", work / "built")

    @contextmanager
    def no_frames():
        yield {}

    patch = pytest.MonkeyPatch()
    patch.setattr(render, "compact_spec", lambda spec, category_key: spec)
    patch.setattr(render, "framed", lambda spec, category_key: spec)
    patch.setattr(build.chart_frames, "collecting", no_frames)
    try:
        write_site_src(work / "pkg", work / "whole")
    finally:
        patch.undo()
    return _specs(work / "built"), chart_frames(work / "built"), _specs(work / "whole")


def _reports(kind: str, folder):
    if kind == "seeds":
        return SEEDS
    if kind == "synthetic":
        from benchmarks.synthetic import write_reports

        write_reports(SYNTHETIC_REPORTS, folder)
        return folder
    if not (SHARED / "corpus").exists():
        pytest.skip("../shared is absent")
    shutil.copytree(SEEDS, folder)
    for path in sorted((SHARED / "corpus" / "reports").iterdir()):
        shutil.copyfile(path, folder / path.name)
    return folder


@pytest.mark.parametrize("kind", ["seeds", "synthetic", "corpus"])
def test_xxgk_js_draws_every_chart_exactly_as_it_was_made(kind, tmp_path):
    built, frames, whole = _site_src_twice(_reports(kind, tmp_path / "reports"), tmp_path)
    assert sorted(built) == sorted(whole)
    pages = sorted(built)
    specs = [s for page in pages for s in built[page]]
    reference = [s for page in pages for s in whole[page]]
    assert len(specs) == len(reference) >= (10 if kind == "seeds" else 500 if kind == "synthetic" else 1)
    assert all("f" in s for s in specs), "every chart of a build is framed"
    assert not any("f" in s or "c" in s for s in reference), "the reference is the spec before either step"
    drawn = _node("process.stdout.write(JSON.stringify(data.specs.map(function (s) {"
                  " return expand(s.f ? unframe(data.frames[s.f], s) : s); })))",
                  {"specs": specs, "frames": frames})
    for expanded, made in zip(drawn, reference, strict=True):
        assert expanded == made, made.get("filename")
    assert drawn == [expand_spec(s, frames) for s in specs], "the tests' reading of a spec is the browser's"
    assert {s["f"] for s in specs} == set(frames), "every frame a page names is published, and no other"
    carried = sum(len(json.dumps(s, ensure_ascii=False, separators=(",", ":"))) for s in specs)
    written = sum(len(json.dumps(s, ensure_ascii=False, separators=(",", ":"))) for s in reference)
    assert carried < written / 2, "pages carry less than half of the charts' specs"


@needs_chromium
@pytest.mark.browser
def test_a_charts_csv_download_holds_the_whole_chart_drawn_from_its_frame(built_site, server, tmp_path, chromium):
    """The CSV button of a chart drawn from its frame writes every series (named only in the frame), category
    and value (only on the page): the download reads the spec put back together."""
    from selenium.webdriver.common.by import By

    frames = chart_frames(built_site)
    page = next(p for p in report_page_files(built_site) if "xxgk-spec" in read_page(p))
    spec = expand_spec(json.loads(SPEC.search(read_page(page)).group(1)), frames)
    assert all(t.get("name") for t in spec["data"]) or len(spec["data"]) == 1
    with own_tab(chromium, tmp_path) as driver:
        driver.set_window_size(1366, 1000)
        driver.get(f"{server}/{page.relative_to(built_site).as_posix()}")
        chart = driver.find_element(By.CSS_SELECTOR, "div.xxgk-chart")
        driver.execute_script("arguments[0].scrollIntoView()", chart)
        button = wait_for(lambda: driver.find_elements(
            By.XPATH, "(//figcaption)[1]//button[contains(., 'CSV') and not(@aria-disabled)]"))
        driver.execute_script("arguments[0].click()", button[0])
        written = wait_for(lambda: [p for p in tmp_path.glob("*.csv")])
    assert written[0].name == spec["filename"] + ".csv"
    rows = list(csv.reader(io.StringIO(written[0].read_text(encoding="utf-8-sig"))))
    sideways = spec["data"][0].get("orientation") == "h"
    expected = [[t.get("name", ""), c, "" if v is None else json.dumps(v)] for t in spec["data"]
                for c, v in zip(*((t["y"], t["x"]) if sideways else (t["x"], t["y"])), strict=True)]
    assert [r[:3] for r in rows[1:]] == expected and len(expected) >= 3
    # a 说明 for each blank value, none for a number (audit 25: a blank alone did not say 无报告 from 无数据)
    assert rows[0][-1] == "说明" and all((r[3] != "") == (r[2] == "") for r in rows[1:])
