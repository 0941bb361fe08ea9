"""Every chart of a built site, as the browser draws it, is the chart ``render.chart`` made: the spec a page
carries (compact, ``render.compact_spec``; framed, ``chart_frames.py``) put back together by xxgk.js's own
``unframe`` and ``expand`` (run in Node) equals the spec written whole, before either step. Checked on the
seeds, on a synthetic build of a few hundred reports (agencies with four years, every layout), and on the shared
corpus when ``../shared`` is present."""

from __future__ import annotations

import json
import shutil
from contextlib import contextmanager

import pytest

from .conftest import SEEDS, SHARED, chart_frames
from .test_chart_frames import _node, _specs

SYNTHETIC_REPORTS = 240


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
    carried = sum(len(json.dumps(s, ensure_ascii=False, separators=(",", ":"))) for s in specs)
    written = sum(len(json.dumps(s, ensure_ascii=False, separators=(",", ":"))) for s in reference)
    assert carried < written / 2, "pages carry less than half of the charts' specs"
