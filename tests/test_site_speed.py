"""The site's stages overlapped (``build.pages_and_site``: pages spooled while MkDocs, the bulk workers and
Pagefind run) write the same site, byte for byte, as the stages run one after the other in one process."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    """The seeds plus twelve synthetic reports (several agencies and years), built once."""
    from benchmarks.synthetic import write_reports

    from xxgk.package.build import build_package

    work = tmp_path_factory.mktemp("speed")
    shutil.copytree(SEEDS, work / "reports")
    write_reports(12, work / "synthetic")
    for path in sorted((work / "synthetic").iterdir()):
        shutil.copyfile(path, work / "reports" / f"synthetic-{path.name}")
    build_package(work / "reports", work / "datapackage", workers=1)
    return work / "datapackage"


@pytest.fixture(scope="module")
def one_after_the_other(package, tmp_path_factory):
    """The reference: pages, then mkdocs and the bulk pages in one process, then Pagefind."""
    from xxgk.site.build import config_for, render_site, write_site_src
    from xxgk.site.fulltext import index_full_text

    work = tmp_path_factory.mktemp("serial")
    write_site_src(package, work / "site_src")
    config = config_for(work / "site_src", work / "mkdocs.yml", ROOT)
    code, stats = render_site(work / "site_src", config, work / "site", strict=True, workers=1)
    assert code == 0 and stats.rendered
    assert index_full_text(work / "site") == 0
    return _files(work / "site")


def _pipeline(package: Path, work: Path, out: str = "site", **options):
    from xxgk.site.build import config_for, pages_and_site

    work.mkdir(parents=True, exist_ok=True)
    config = config_for(work / "site_src", work / "mkdocs.yml", ROOT)  # (the page cache's context names it)
    code, stats = pages_and_site(package, work / "site_src", config, work / out, strict=True, **options)
    assert code == 0 and stats is not None
    return work / out, stats


def test_the_pipeline_writes_the_site_the_stages_write_one_after_the_other(package, one_after_the_other, tmp_path,
                                                                           monkeypatch):
    from xxgk.site import bulk

    monkeypatch.setattr(bulk, "CHUNK", 3)  # many runs of spooled lines, handed to two workers as they are written
    monkeypatch.setattr(bulk, "FILE_CHUNK", 4)
    site, stats = _pipeline(package, tmp_path, workers=2)
    ours = _files(site)
    assert sorted(ours) == sorted(one_after_the_other)
    assert [p for p in ours if ours[p] != one_after_the_other[p]] == []
    assert any(p.startswith("pagefind/") for p in ours) and "src" in {p.split("/")[0] for p in ours}
    assert len(stats.rendered) > 2 * 3 and not (site / ".xxgk-mkdocs").exists()


def test_a_cached_pipeline_reuses_every_page_and_writes_the_same_site(package, one_after_the_other, tmp_path,
                                                                      monkeypatch):
    from xxgk.site import bulk

    monkeypatch.setattr(bulk, "CHUNK", 3)
    cache = tmp_path / "cache"
    _, cold = _pipeline(package, tmp_path, "cold", workers=2, cache_dir=cache)
    site, warm = _pipeline(package, tmp_path, "warm", workers=2, cache_dir=cache)
    assert warm.rendered == () and warm.reused == len(cold.rendered)
    assert _files(site) == one_after_the_other


def test_a_worker_killed_in_the_pipeline_does_not_stop_it_nor_change_the_site(package, one_after_the_other,
                                                                              tmp_path, monkeypatch, capfd):
    import types

    from tests.test_bulk_pages import DyingCache
    from xxgk.site import build as site_build
    from xxgk.site import bulk

    monkeypatch.setattr(bulk, "CHUNK", 3)
    monkeypatch.setattr(site_build, "PageCache", types.SimpleNamespace(open=lambda cache_dir, config: DyingCache()))
    capfd.readouterr()
    site, _ = _pipeline(package, tmp_path, workers=2, cache_dir=tmp_path / "cache")
    assert _files(site) == one_after_the_other
    assert "rendered in this process" in capfd.readouterr().err


def test_a_failing_mkdocs_fails_the_pipeline_and_leaves_no_side_folder(package, tmp_path):
    """``mkdocs build`` fails (a hook raises at its end; the bulk pages, which never run that event, render):
    the build gets MkDocs' code, no statistics, and neither a side folder nor a home page is left."""
    from xxgk.site.build import config_for, pages_and_site

    hook = tmp_path / "failing_hook.py"
    hook.write_text("def on_post_build(config):\n    raise RuntimeError('post-build failure')\n", encoding="utf-8")
    config = config_for(tmp_path / "site_src", tmp_path / "mkdocs.yml", ROOT)
    config.write_text(config.read_text(encoding="utf-8").replace("\nhooks:\n", f"\nhooks:\n  - {hook}\n"),
                      encoding="utf-8")
    code, stats = pages_and_site(package, tmp_path / "site_src", config, tmp_path / "site", strict=True)
    assert code != 0 and stats is None
    assert not (tmp_path / "site" / ".xxgk-mkdocs").exists() and not (tmp_path / "site" / "index.html").exists()


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_shards_indexed_while_the_pages_are_written_are_the_shards_indexed_afterwards(package, tmp_path, monkeypatch):
    """Small shards (several of them), cut and indexed while the pipeline writes the source pages: the
    same ``pagefind/`` as ``index_full_text`` over the finished site with the same budget."""
    from xxgk.site import bulk, fulltext
    from xxgk.site.fulltext import index_full_text

    monkeypatch.setattr(bulk, "CHUNK", 3)
    monkeypatch.setattr(bulk, "FILE_CHUNK", 4)
    monkeypatch.setattr(fulltext, "SHARD_BYTES", 20_000)
    site, _ = _pipeline(package, tmp_path, workers=2)
    ours = _tree(site / "pagefind")
    reference = tmp_path / "reference"
    shutil.copytree(site, reference, ignore=shutil.ignore_patterns("pagefind"))
    assert index_full_text(reference, budget=20_000) == 0
    assert len(json.loads(ours["shards.json"])["shards"]) >= 3
    assert ours == _tree(reference / "pagefind")


def test_source_pages_told_out_of_name_order_still_give_the_same_index(tmp_path):
    """``ShardIndexer`` relies on the pages coming in name order; told otherwise it indexes afresh."""
    from xxgk.site.fulltext import ShardIndexer, index_full_text

    for site in (tmp_path / "a", tmp_path / "b"):
        (site / "src").mkdir(parents=True)
        for n in range(6):
            (site / "src" / f"r{n}.html").write_text(
                f'<html lang="zh-CN"><body><h1>报告{n}</h1><p>政府信息公开 第{n}行 {"文字" * 200}</p></body></html>',
                encoding="utf-8")
    index = ShardIndexer(tmp_path / "a", budget=3_000)
    index.written([f"src/r{n}.html" for n in (0, 1, 3, 2, 4, 5)])  # 2 after 3
    assert index.wait() == 0
    assert index_full_text(tmp_path / "b", budget=3_000) == 0
    assert _tree(tmp_path / "a" / "pagefind") == _tree(tmp_path / "b" / "pagefind")
    assert len(json.loads((tmp_path / "a" / "pagefind" / "shards.json").read_text())["shards"]) >= 2
