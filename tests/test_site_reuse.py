"""A rebuild takes the old site's unchanged files (``site/previous.py``) and unchanged full-text shards
(``site/fulltext_reuse.py``) by hard link instead of writing or indexing them again. The new site is the same
bytes as one built from nothing, the old site is never written, and nothing outside it is ever linked in."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, report_page_files


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _inode(path: Path) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_dev, info.st_ino


def _site(reports: Path, work: Path) -> tuple[Path, Path]:
    """Package and pages of ``reports`` in ``work``: (site_src, its mkdocs.yml)."""
    from xxgk.package.build import build_package
    from xxgk.site.build import config_for, write_site_src

    build_package(reports, work / "datapackage", workers=1)
    write_site_src(work / "datapackage", work / "site_src")
    return work / "site_src", config_for(work / "site_src", work / "mkdocs.yml", ROOT)


def _render(site_src: Path, config: Path, out: Path, cache=None, previous=None):
    from xxgk.site.build import render_site

    code, stats = render_site(site_src, config, out, cache_dir=cache, workers=1, full_text=True, previous=previous)
    assert code == 0
    return stats


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """Eight synthetic reports built into ``old`` (with a cache); then one report's text changed and the site
    built again, once beside ``old`` (reusing it) and once from nothing."""
    from benchmarks.synthetic import write_reports

    work = tmp_path_factory.mktemp("reuse")
    write_reports(8, work / "reports")
    site_src, config = _site(work / "reports", work / "first")
    _render(site_src, config, work / "old", cache=work / "cache")
    before = _tree(work / "old")
    changed = sorted((work / "reports").iterdir())[3]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n附注：本报告已更正。\n", encoding="utf-8")
    site_src, config = _site(work / "reports", work / "second")
    _render(site_src, config, work / "new", cache=work / "cache", previous=work / "old")
    _render(site_src, config, work / "fresh")
    return work, before


def test_a_rebuild_beside_the_old_site_is_the_site_built_from_nothing(two_builds):
    work, before = two_builds
    assert _tree(work / "new") == _tree(work / "fresh")
    assert _tree(work / "old") == before  # the old site was read, never written


def test_the_unchanged_pages_are_the_old_files_and_the_changed_ones_new(two_builds):
    work, _ = two_builds
    old, new = work / "old", work / "new"
    pages = [p.relative_to(new) for p in report_page_files(new)]
    kept = [p for p in pages if (old / p).read_bytes() == (new / p).read_bytes()]
    changed = [p for p in pages if (old / p).read_bytes() != (new / p).read_bytes()]
    assert kept and changed  # the changed report's page at least, and most others unchanged
    assert all(_inode(old / p) == _inode(new / p) for p in kept)
    assert all(_inode(old / p) != _inode(new / p) for p in changed)
    sources = sorted((new / "src").glob("*.html"))
    same = [p.name for p in sources if (old / "src" / p.name).read_bytes() == p.read_bytes()]
    assert 0 < len(same) < len(sources)
    assert all(_inode(old / "src" / n) == _inode(new / "src" / n) for n in same)


def test_a_shard_whose_pages_did_not_change_is_the_old_index(tmp_path, built_site):
    """The seeds' source pages in shards of one page each: after one page changed, every other shard is the old
    one's files and the changed one is indexed again; the index is the one built from nothing."""
    from xxgk.site.fulltext import index_full_text
    from xxgk.site.fulltext_reuse import ShardReuse

    budget = 1  # one page a shard
    old, new, fresh = tmp_path / "old", tmp_path / "new", tmp_path / "fresh"
    for folder in (old, new, fresh):
        shutil.copytree(built_site / "src", folder / "src")
    assert index_full_text(old, budget=budget, reuse=ShardReuse(None, tmp_path / "cache")) == 0
    last = sorted((new / "src").glob("*.html"))[-1]
    for folder in (new, fresh):
        page = folder / "src" / last.name
        page.write_text(page.read_text(encoding="utf-8").replace("</body>", "<p>更正</p></body>"), encoding="utf-8")
    reuse = ShardReuse(old, tmp_path / "cache")
    assert index_full_text(new, budget=budget, reuse=reuse) == 0
    assert index_full_text(fresh, budget=budget) == 0
    assert _tree(new / "pagefind") == _tree(fresh / "pagefind")
    shards = json.loads((new / "pagefind" / "shards.json").read_text(encoding="utf-8"))["shards"]
    assert len(shards) >= 3 and reuse.reused == len(shards) - 1
    for name in shards:
        files = [p.relative_to(new) for p in (new / "pagefind" / name).rglob("*") if p.is_file()]
        linked = {(old / p).exists() and _inode(old / p) == _inode(new / p) for p in files}
        assert linked == ({False} if name == shards[-1] else {True})  # the last page's shard is new


def _damage(cache: Path, how: str) -> None:
    (record,) = (cache / "fulltext").glob("*.json")
    data = json.loads(record.read_text(encoding="utf-8"))
    if how == "not json":
        record.write_text("{", encoding="utf-8")
    elif how == "path out":
        data["files"][0][0] = "../../outside.txt"
        record.write_text(json.dumps(data), encoding="utf-8")
    elif how == "wrong hash":
        data["files"][0][2] = "0" * 64
        record.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("how", ["not json", "path out", "wrong hash", "old index edited", "old index a link"])
def test_a_damaged_record_or_old_index_is_indexed_again(tmp_path, built_site, how):
    from xxgk.site.fulltext import index_full_text
    from xxgk.site.fulltext_reuse import ShardReuse

    old, new, fresh = tmp_path / "old", tmp_path / "new", tmp_path / "fresh"
    for folder in (old, new, fresh):
        shutil.copytree(built_site / "src", folder / "src")
    assert index_full_text(old, reuse=ShardReuse(None, tmp_path / "cache")) == 0
    (tmp_path / "outside.txt").write_text("secret", encoding="utf-8")
    _damage(tmp_path / "cache", how)
    entry = old / "pagefind" / "0" / "pagefind-entry.json"
    if how == "old index edited":
        entry.write_text(entry.read_text(encoding="utf-8").replace("zh", "en"), encoding="utf-8")
    if how == "old index a link":  # same bytes, but a link to a file outside the old site
        outside = tmp_path / "outside-entry.json"
        shutil.copyfile(entry, outside)
        entry.unlink()
        entry.symlink_to(outside)
    reuse = ShardReuse(old, tmp_path / "cache")
    assert index_full_text(new, reuse=reuse) == 0
    assert index_full_text(fresh) == 0
    assert reuse.reused == 0
    assert _tree(new / "pagefind") == _tree(fresh / "pagefind")
    assert not any(p.is_symlink() for p in (new / "pagefind").rglob("*"))


@pytest.mark.parametrize("how", ["changed", "symlink", "symlinked folder", "two links", "folder"])
def test_an_old_file_is_linked_only_if_it_is_a_plain_file_of_the_old_site_with_the_same_bytes(tmp_path, how):
    from xxgk.site.previous import Previous

    old, new, outside = tmp_path / "old", tmp_path / "new", tmp_path / "outside"
    for folder in (old / "a", new / "a", outside):
        folder.mkdir(parents=True)
    data = b"<html>same</html>"
    (outside / "1.html").write_bytes(data)
    if how == "changed":
        (old / "a" / "1.html").write_bytes(b"<html>other</html>")
    elif how == "symlink":
        (old / "a" / "1.html").symlink_to(outside / "1.html")
    elif how == "symlinked folder":
        shutil.rmtree(old / "a")
        (old / "a").symlink_to(outside)
    elif how == "two links":  # a hard link to a file outside the old site
        os.link(outside / "1.html", old / "a" / "1.html")
    elif how == "folder":
        (old / "a" / "1.html").mkdir()
    Previous(old).put(new / "a" / "1.html", "a/1.html", data)
    assert (new / "a" / "1.html").read_bytes() == data
    assert not (new / "a" / "1.html").is_symlink()
    assert _inode(new / "a" / "1.html") != _inode(outside / "1.html")
    assert (outside / "1.html").read_bytes() == data  # nothing outside written


def test_the_same_plain_file_is_linked(tmp_path):
    from xxgk.site.previous import Previous

    (tmp_path / "old" / "a").mkdir(parents=True)
    (tmp_path / "new" / "a").mkdir(parents=True)
    (tmp_path / "old" / "a" / "1.html").write_bytes(b"<html>same</html>")
    previous = Previous(tmp_path / "old")
    previous.put(tmp_path / "new" / "a" / "1.html", "a/1.html", b"<html>same</html>")
    assert _inode(tmp_path / "new" / "a" / "1.html") == _inode(tmp_path / "old" / "a" / "1.html")
    assert previous.linked == 1
