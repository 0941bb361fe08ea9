"""A rebuild takes the old site's unchanged files (``previous.py``) and the full-text shards kept in the cache
for unchanged pages (``site/fulltext_reuse.py``) by hard link instead of writing or indexing them again. The new
site is the same bytes as one built from nothing, the old site is never written, and nothing outside the old site
or the cache is ever linked in."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, report_page_files, source_table_line


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
    assert index_full_text(old, budget=budget, reuse=ShardReuse(tmp_path / "cache")) == 0
    last = sorted((new / "src").glob("*.html"))[-1]
    for folder in (new, fresh):
        page = folder / "src" / last.name
        page.write_text(page.read_text(encoding="utf-8").replace("</body>", "<p>更正</p></body>"), encoding="utf-8")
    shutil.rmtree(old / "src")  # the cache alone holds what is taken again
    reuse = ShardReuse(tmp_path / "cache")
    assert index_full_text(new, budget=budget, reuse=reuse) == 0
    assert index_full_text(fresh, budget=budget) == 0
    assert _tree(new / "pagefind") == _tree(fresh / "pagefind")
    shards = json.loads((new / "pagefind" / "shards.json").read_text(encoding="utf-8"))["shards"]
    assert len(shards) >= 3 and reuse.reused == len(shards) - 1
    for name in shards:
        files = [p.relative_to(new) for p in (new / "pagefind" / name).rglob("*") if p.is_file()]
        linked = {(old / p).exists() and _inode(old / p) == _inode(new / p) for p in files}
        assert linked == ({False} if name == shards[-1] else {True})  # the last page's shard is new
    kept = sorted(p.name for p in (tmp_path / "cache" / "fulltext").iterdir())
    assert len(kept) == len(shards)  # the replaced shard's entry is gone, the new one kept


def _damage(cache: Path, how: str) -> None:
    (record,) = (cache / "fulltext").glob("*/files.json")
    data = json.loads(record.read_text(encoding="utf-8"))
    if how == "not json":
        record.write_text("{", encoding="utf-8")
    elif how == "path out":
        data["files"][0][0] = "../../outside.txt"
        record.write_text(json.dumps(data), encoding="utf-8")
    elif how == "wrong hash":
        data["files"][0][2] = "0" * 64
        record.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("how", ["not json", "path out", "wrong hash", "kept file edited", "kept file a link",
                                 "kept folder a link"])
def test_a_damaged_kept_shard_is_indexed_again(tmp_path, built_site, how):
    from xxgk.site.fulltext import index_full_text
    from xxgk.site.fulltext_reuse import ShardReuse

    old, new, fresh = tmp_path / "old", tmp_path / "new", tmp_path / "fresh"
    for folder in (old, new, fresh):
        shutil.copytree(built_site / "src", folder / "src")
    assert index_full_text(old, reuse=ShardReuse(tmp_path / "cache")) == 0
    shutil.rmtree(old)
    (tmp_path / "outside.txt").write_text("secret", encoding="utf-8")
    _damage(tmp_path / "cache", how)
    (kept,) = (tmp_path / "cache" / "fulltext").iterdir()
    entry = kept / "pagefind-entry.json"
    if how == "kept file edited":  # (a site linked to the cache, edited in place, edits the cache too)
        entry.write_text(entry.read_text(encoding="utf-8").replace("zh", "en"), encoding="utf-8")
    if how == "kept file a link":  # same bytes, but a link to a file outside the cache
        outside = tmp_path / "outside-entry.json"
        shutil.copyfile(entry, outside)
        entry.unlink()
        entry.symlink_to(outside)
    if how == "kept folder a link":
        moved = tmp_path / "elsewhere"
        shutil.move(kept / "fragment", moved)
        (kept / "fragment").symlink_to(moved)
    reuse = ShardReuse(tmp_path / "cache")
    assert index_full_text(new, reuse=reuse) == 0
    assert index_full_text(fresh) == 0
    assert reuse.reused == 0
    assert _tree(new / "pagefind") == _tree(fresh / "pagefind")
    assert not any(p.is_symlink() for p in (new / "pagefind").rglob("*"))


@pytest.mark.parametrize("how", ["changed", "symlink", "symlinked folder", "two links", "folder"])
def test_an_old_file_is_linked_only_if_it_is_a_plain_file_of_the_old_site_with_the_same_bytes(tmp_path, how):
    from xxgk.previous import Previous

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
    from xxgk.previous import Previous

    (tmp_path / "old" / "a").mkdir(parents=True)
    (tmp_path / "new" / "a").mkdir(parents=True)
    (tmp_path / "old" / "a" / "1.html").write_bytes(b"<html>same</html>")
    previous = Previous(tmp_path / "old")
    previous.put(tmp_path / "new" / "a" / "1.html", "a/1.html", b"<html>same</html>")
    assert _inode(tmp_path / "new" / "a" / "1.html") == _inode(tmp_path / "old" / "a" / "1.html")
    assert previous.linked == 1


@pytest.mark.parametrize("linked", ["cache", "fulltext"])
def test_a_cache_folder_that_is_a_link_is_neither_read_nor_written_through(tmp_path, built_site, linked):
    from xxgk.site.fulltext import index_full_text
    from xxgk.site.fulltext_reuse import ShardReuse

    user = tmp_path / "user"
    user.mkdir()
    (user / "notes.txt").write_text("mine", encoding="utf-8")
    cache = tmp_path / "cache"
    if linked == "cache":
        cache.symlink_to(user, target_is_directory=True)
    else:
        cache.mkdir()
        (cache / "fulltext").symlink_to(user, target_is_directory=True)
    shutil.copytree(built_site / "src", tmp_path / "site" / "src")
    shutil.copytree(built_site / "src", tmp_path / "fresh" / "src")
    assert index_full_text(tmp_path / "site", reuse=ShardReuse(cache)) == 0
    assert index_full_text(tmp_path / "fresh") == 0
    assert sorted(p.name for p in user.iterdir()) == ["notes.txt"]
    assert _tree(tmp_path / "site" / "pagefind") == _tree(tmp_path / "fresh" / "pagefind")


def test_a_rebuild_with_the_texts_unchanged_takes_the_index_from_the_cache(two_builds):
    """The second site built again with nothing changed (say, the workflow run again): its full-text index is the
    kept one, linked, and the site is the one built from nothing."""
    work, _ = two_builds
    _render(work / "second" / "site_src", work / "second" / "mkdocs.yml", work / "again", cache=work / "cache")
    assert _tree(work / "again") == _tree(work / "fresh")
    (kept,) = (work / "cache" / "fulltext").iterdir()
    cache_only = ("files.json", ".xxgk-cache")
    files = [p.relative_to(kept) for p in kept.rglob("*") if p.is_file() and p.name not in cache_only]
    assert files and all(_inode(kept / p) == _inode(work / "again" / "pagefind" / "0" / p) for p in files)


def test_where_files_cannot_be_linked_the_kept_shard_is_copied(tmp_path, built_site, monkeypatch):
    """Cache and site on two file systems (no hard links between them): the kept shard's checked bytes are copied
    instead of indexed again, and the index is the one built from nothing."""
    import errno

    from xxgk import previous
    from xxgk.site.fulltext import index_full_text
    from xxgk.site.fulltext_reuse import ShardReuse

    for name in ("old", "new", "fresh"):
        shutil.copytree(built_site / "src", tmp_path / name / "src")
    assert index_full_text(tmp_path / "old", reuse=ShardReuse(tmp_path / "cache")) == 0

    def no_link(*args, **kwargs):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(previous.os, "link", no_link)
    reuse = ShardReuse(tmp_path / "cache")
    assert index_full_text(tmp_path / "new", reuse=reuse) == 0
    assert index_full_text(tmp_path / "fresh") == 0
    assert reuse.reused == 1
    assert _tree(tmp_path / "new" / "pagefind") == _tree(tmp_path / "fresh" / "pagefind")


def test_a_shard_whose_pages_changed_only_where_pagefind_does_not_read_is_the_old_index(tmp_path, built_site):
    """A report whose tables alone changed (a corrected number) and whose citation changed keeps its shard: the
    shard's key is what Pagefind is given (``fulltext_form.indexed_form``), so nothing is indexed again, and the
    index is the one built from nothing. Before, every shard holding such a page was indexed again."""
    from xxgk.site.fulltext import index_full_text
    from xxgk.site.fulltext_reuse import ShardReuse

    old, new, fresh = tmp_path / "old", tmp_path / "new", tmp_path / "fresh"
    for folder in (old, new, fresh):
        shutil.copytree(built_site / "src", folder / "src")
    assert index_full_text(old, budget=1, reuse=ShardReuse(tmp_path / "cache")) == 0  # a page a shard
    changed = 0
    for page in sorted((new / "src").glob("*.html")):
        html = page.read_text(encoding="utf-8")
        if '<span data-pagefind-ignore><span id="L' not in html:
            continue
        line = source_table_line(html)
        corrected = "".join(str((int(c) + 1) % 10) if c.isdigit() else c for c in line)
        html = html.replace(line, corrected, 1).replace("引用（GB/T 7714）", "引用格式（GB/T 7714）")
        for folder in (new, fresh):
            (folder / "src" / page.name).write_text(html, encoding="utf-8")
        changed += 1
    assert changed >= 5
    shutil.rmtree(old / "src")
    reuse = ShardReuse(tmp_path / "cache")
    assert index_full_text(new, budget=1, reuse=reuse) == 0
    assert index_full_text(fresh, budget=1) == 0
    assert _tree(new / "pagefind") == _tree(fresh / "pagefind")
    shards = json.loads((new / "pagefind" / "shards.json").read_text(encoding="utf-8"))["shards"]
    assert reuse.reused == len(shards) == len(list((new / "src").glob("*.html")))  # no shard indexed again
