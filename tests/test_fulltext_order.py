"""Pagefind's filter indexes rewritten in one order (``site/fulltext_order.py``): two Pagefind runs over the same
pages give the same bytes; every filter value still names the same pages; a bundle not laid out as expected is
left exactly as it was."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import cbor2
import pytest

PAGE = """<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head><body><main>
<h1 data-pagefind-filter="year:{year}">报告 {n}</h1><p data-pagefind-filter="province:{province}">行政复议情况 {n}</p>
</main></body></html>"""


def _run(site: Path, output: Path) -> Path:
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(output), "--quiet"],
                   check=True, capture_output=True)
    return output


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _filters(bundle: Path) -> dict[str, dict[str, list[int]]]:
    out = {}
    for path in (bundle / "filter").glob("*.pf_filter"):
        name, values = cbor2.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd"):])
        out[name] = {value: sorted(pages) for value, pages in values}
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("filters")
    for n in range(12):
        (folder / f"p{n:02d}.html").write_text(PAGE.format(year=2019 + n % 7, province=f"省{n % 5}", n=n),
                                               encoding="utf-8")
    return folder


def test_two_runs_over_the_same_pages_are_the_same_bytes_and_filter_the_same_pages(site, tmp_path):
    from xxgk.site.fulltext_order import normalise_filters

    first, second = _run(site, tmp_path / "a"), _run(site, tmp_path / "b")
    as_written = _filters(first)
    assert set(as_written) == {"year", "province"} and len(as_written["year"]) == 7
    assert normalise_filters(first) and normalise_filters(second)
    assert _files(first) == _files(second)
    assert _filters(first) == as_written  # the same values, each naming the same pages
    entry = (first / "pagefind-entry.json").read_text(encoding="utf-8")
    (meta,) = first.glob("pagefind.*.pf_meta")
    assert meta.name.removeprefix("pagefind.").removesuffix(".pf_meta") in entry


@pytest.mark.parametrize("damage", ["filter not gzip", "meta missing", "entry not json"])
def test_a_bundle_not_laid_out_as_expected_is_left_as_it_was(site, tmp_path, damage):
    from xxgk.site.fulltext_order import normalise_filters

    bundle = _run(site, tmp_path / "a")
    if damage == "filter not gzip":
        sorted((bundle / "filter").iterdir())[-1].write_bytes(b"not gzip")
    elif damage == "meta missing":
        next(bundle.glob("pagefind.*.pf_meta")).unlink()
    else:
        (bundle / "pagefind-entry.json").write_text("{", encoding="utf-8")
    before = _files(bundle)
    assert normalise_filters(bundle) is False
    assert _files(bundle) == before
