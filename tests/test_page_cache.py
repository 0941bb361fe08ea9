"""The page cache never changes the site, and after a change renders only the pages whose inputs changed."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, report_page_files


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _packs(cache: Path) -> list[Path]:
    return sorted((cache / "pages").glob("*/*.pack"))


def _keys(cache: Path) -> list[str]:
    """Every key the cache's packs hold (one per cached page), read from their headers."""
    from xxgk.site.page_cache import _read_header

    return [key for pack in _packs(cache) for key, _, _ in _read_header(pack)[0]]


def _rewrite(pack: Path, blobs: dict[int, bytes]) -> None:
    """The pack with the entries at these positions replaced by other bytes (its header rewritten to match)."""
    from xxgk.site.page_cache import FORMAT, _read_header

    entries, start = _read_header(pack)
    data = pack.read_bytes()
    parts = [blobs.get(i, data[start + offset:start + offset + length])
             for i, (_, offset, length) in enumerate(entries)]
    lines, at = [], 0
    for (key, _, _), part in zip(entries, parts, strict=True):
        lines.append(f"{key} {at} {len(part)}\n")
        at += len(part)
    pack.write_bytes(f"{FORMAT}\n{len(entries)}\n{''.join(lines)}".encode() + b"".join(parts))


def _package_and_pages(reports: Path, work: Path) -> Path:
    from xxgk.package.build import build_package
    from xxgk.site.build import write_site_src

    build_package(reports, work / "datapackage", workers=1)
    write_site_src(work / "datapackage", work / "site_src")
    return work / "site_src"


def _render(site_src: Path, out: Path, cache_dir):
    from xxgk.site.build import config_for, render_site

    config = config_for(site_src, site_src.parent / "mkdocs.yml", ROOT)
    code, stats = render_site(site_src, config, out, cache_dir=cache_dir, workers=1)
    assert code == 0
    return stats


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """Eight synthetic reports (two agencies, four years each): package and pages."""
    from benchmarks.synthetic import write_reports

    work = tmp_path_factory.mktemp("page-cache")
    write_reports(8, work / "reports")
    return work, _package_and_pages(work / "reports", work)


def test_with_without_and_with_a_corrupted_cache_the_site_is_the_same(synthetic, tmp_path, capfd):
    _, site_src = synthetic
    cache = tmp_path / "cache"
    plain = _render(site_src, tmp_path / "plain", None)
    cold = _render(site_src, tmp_path / "cold", cache)
    warm = _render(site_src, tmp_path / "warm", cache)
    assert plain.rendered and cold.rendered == plain.rendered and cold.reused == 0
    assert warm.rendered == () and warm.reused == len(plain.rendered)  # nothing rendered again
    assert len(_packs(cache)) == 1  # one pack for the one rendering task, not one file a page
    assert sorted(_keys(cache)) == sorted(set(_keys(cache))) and len(_keys(cache)) == len(plain.rendered)
    pack = _packs(cache)[0]
    _rewrite(pack, {0: b"not gzip at all",
                    1: gzip.compress(b"xxgk-page-cache-2\n" + b"0" * 64 + b"\n<p>another page</p>")})
    capfd.readouterr()
    damaged = _render(site_src, tmp_path / "damaged", cache)
    err = capfd.readouterr().err
    assert len(damaged.rendered) == 2 and err.count("re-rendered") == 2 and pack.name in err
    for other in _packs(cache):  # a pack whose header is unreadable: all its pages rendered again, said once
        other.write_bytes(b"xxgk-page-cache-2\nnot a count\n" + other.read_bytes())
    capfd.readouterr()
    headless = _render(site_src, tmp_path / "headless", cache)
    err = capfd.readouterr().err
    assert headless.rendered == plain.rendered and "its pages are re-rendered" in err
    assert len(_keys(cache)) == len(plain.rendered)  # the unreadable packs pruned, the pages cached again
    reference = _files(tmp_path / "plain")
    for name in ("cold", "warm", "damaged", "headless"):
        assert _files(tmp_path / name) == reference, name


def test_a_changed_report_renders_its_pages_again_and_no_other(synthetic, tmp_path):
    import shutil

    from xxgk.site.bulk import spooled

    work, _ = synthetic
    cache, reports, build = tmp_path / "cache", tmp_path / "reports", tmp_path / "build"
    shutil.copytree(work / "reports", reports)
    site_src = _package_and_pages(reports, build)
    before = _render(site_src, tmp_path / "before", cache)
    changed = sorted(reports.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n附注：本报告已更正。\n", encoding="utf-8")
    shutil.rmtree(build / "datapackage")
    _package_and_pages(reports, build)  # the rebuild, in the same folders
    after = _render(site_src, tmp_path / "after", cache)
    rows = {r["source_file"]: r for r in _reports(build / "datapackage")}
    mine = rows[changed.name]
    assert after.rendered == (f"a/{mine['agency_id']}/{mine['year']}.md",)  # its SHA-256 and text changed
    assert after.reused == len(before.rendered) - 1 > 0
    keys = _keys(cache)  # the new page cached; a pack keeps a stale entry only while most of its entries are used
    assert {_key(line) for line in _spool_lines(site_src)} <= set(keys) and len(keys) <= 2 * len(before.rendered)
    assert _files(tmp_path / "after") == _files(_fresh(site_src, tmp_path / "fresh"))  # the cache changed no byte
    assert {e["src"] for e in spooled(site_src)} == set(before.rendered)


def _spool_lines(site_src: Path) -> list[str]:
    with (site_src / ".bulk" / "pages.jsonl").open(encoding="utf-8") as handle:
        return list(handle)


def _key(line: str) -> str:
    from xxgk.site.page_cache import PageCache

    return PageCache.key(line)


def test_a_pack_mostly_stale_is_rewritten_with_its_used_entries_and_one_all_stale_removed(tmp_path):
    from xxgk.site.page_cache import PageCache

    cache = PageCache(str(tmp_path), "c" * 64)
    cache.put_all([(f"line {i}", f"<p>{i}</p>".encode()) for i in range(4)])
    cache.put_all([("other", b"<p>other</p>")])
    (cache.folder / ".tmp-left").write_bytes(b"x")  # a write cut short
    assert cache.prune({PageCache.key("line 0")}) == 2  # 1 of 4 used: rewritten; 0 of 1: removed
    assert _keys(tmp_path) == [PageCache.key("line 0")] and not (cache.folder / ".tmp-left").exists()
    fresh = PageCache(str(tmp_path), "c" * 64, "next build")
    assert fresh.get("line 0") == (b"<p>0</p>", None) and fresh.get("line 1") == (None, None)


def _fresh(site_src: Path, out: Path) -> Path:
    _render(site_src, out, None)
    return out


def _reports(package: Path) -> list[dict]:
    import csv

    with (package / "data" / "reports.csv").open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_a_changed_template_or_config_starts_an_empty_cache(synthetic, tmp_path):
    from xxgk.site.build import config_for
    from xxgk.site.page_cache import PageCache

    _, site_src = synthetic
    config = config_for(site_src, tmp_path / "mkdocs.yml", ROOT)
    first = PageCache.open(tmp_path / "cache", config)
    first.put("line", b"<p>page</p>")
    assert first.get("line") == (b"<p>page</p>", None)
    config.write_text(config.read_text(encoding="utf-8").replace("search.suggest", "search.highlight"),
                      encoding="utf-8")
    second = PageCache.open(tmp_path / "cache", config)
    assert second.context != first.context and second.get("line") == (None, None)
    assert not (tmp_path / "cache" / "pages" / first.context).exists()  # the stale context removed


def test_the_published_address_from_the_environment_is_part_of_the_cache_context(synthetic, tmp_path, monkeypatch):
    """``site_url`` comes from ``XXGK_SITE_URL`` (``!ENV`` in mkdocs.yml), not from the config file's bytes: a
    build for another address must not reuse pages whose canonical links name the old one."""
    from xxgk.site.build import config_for
    from xxgk.site.page_cache import PageCache

    _, site_src = synthetic
    config = config_for(site_src, tmp_path / "mkdocs.yml", ROOT)
    monkeypatch.delenv("XXGK_SITE_URL", raising=False)
    unset = PageCache.open(tmp_path / "cache", config)
    unset.put("line", b"<p>page</p>")
    monkeypatch.setenv("XXGK_SITE_URL", "https://example.org/xxgk/")
    published = PageCache.open(tmp_path / "cache", config)
    assert published.context != unset.context and published.get("line") == (None, None)


def test_the_404_page_links_its_assets_under_the_published_path(synthetic, tmp_path, monkeypatch):
    """GitHub Pages serves 404.html at any depth of a project site: its links must be absolute and carry the
    project's path, or the page comes out unstyled and its links lead nowhere."""
    _, site_src = synthetic
    monkeypatch.setenv("XXGK_SITE_URL", "https://example.org/xxgk/")
    _render(site_src, tmp_path / "site", None)
    page = (tmp_path / "site" / "404.html").read_text(encoding="utf-8")
    assert "/xxgk/assets/stylesheets/" in page and "/xxgk/agencies/" in page
    report = report_page_files(tmp_path / "site")[0].read_text(encoding="utf-8")
    assert "https://example.org/xxgk/a/" in report  # the canonical link of a bulk page, as MkDocs makes it


def test_folders_where_cache_entries_belong_neither_crash_the_build_nor_change_the_site(synthetic, tmp_path):
    _, site_src = synthetic
    cache = tmp_path / "cache"
    plain = _render(site_src, tmp_path / "plain", None)
    _render(site_src, tmp_path / "cold", cache)
    used = _packs(cache)[0]
    used.unlink()
    used.mkdir()  # where this build's pack is: a folder (a corrupt cache)
    (used / "x").write_text("x", encoding="utf-8")
    (used.parent / f"{'f' * 64}.pack").mkdir()  # another, a folder too
    (used.parent / ".tmp-left").mkdir()
    got = _render(site_src, tmp_path / "odd", cache)
    assert got.rendered == plain.rendered and _files(tmp_path / "odd") == _files(tmp_path / "plain")
    assert (used / "x").exists() and (used.parent / ".tmp-left").is_dir()  # folders are not the tool's: left


@pytest.mark.parametrize("linked", ["pages", "context", "pack"])
def test_a_cache_folder_that_is_a_link_is_never_written_through(synthetic, tmp_path, capfd, linked):
    """A restored cache whose ``pages/`` folder (or its context folder, or a pack) is a link to a user's folder or
    file: the build neither reads, writes nor prunes there, and the site is the same as without a cache."""
    _, site_src = synthetic
    plain = tmp_path / "plain"
    _render(site_src, plain, None)
    user = tmp_path / "user"
    user.mkdir()
    (user / "notes.txt").write_text("mine", encoding="utf-8")
    cache = tmp_path / "cache"
    if linked == "pages":
        cache.mkdir()
        (cache / "pages").symlink_to(user, target_is_directory=True)
    else:
        _render(site_src, tmp_path / "first", cache)  # a real cache, then its folder or its pack replaced by a link
        pack = _packs(cache)[0]
        if linked == "context":
            shutil.rmtree(pack.parent)  # (its pack and the cache's marker)
            pack.parent.symlink_to(user, target_is_directory=True)
        else:
            (user / "pack").write_bytes(pack.read_bytes())
            pack.unlink()
            pack.symlink_to(user / "pack")
    capfd.readouterr()
    site = _render(site_src, tmp_path / "site", cache)
    assert sorted(p.name for p in user.iterdir()) == (["notes.txt", "pack"] if linked == "pack" else ["notes.txt"])
    assert _files(tmp_path / "site") == _files(plain)
    if linked == "pack":
        assert site.rendered  # the linked pack was not read
    else:
        assert "not a folder of its own; not used" in capfd.readouterr().err


def test_a_cache_folder_turned_into_a_link_during_the_build_gets_nothing_made_through_it(tmp_path):
    """``pages/`` replaced by a link after the cache was opened (a race with another program): storing pages
    makes no folder and writes no file in the folder the link points to."""
    from xxgk.site.build import config_for
    from xxgk.site.page_cache import PageCache

    cache_dir, user, docs = tmp_path / "cache", tmp_path / "user", tmp_path / "docs"
    user.mkdir()
    docs.mkdir()
    cache = PageCache.open(cache_dir, config_for(docs, tmp_path / "mkdocs.yml", ROOT))
    assert cache is not None
    cache.put_all([("a spool line", b"<html>page</html>")])
    shutil.rmtree(cache_dir / "pages")
    (cache_dir / "pages").symlink_to(user, target_is_directory=True)
    cache.put_all([("another spool line", b"<html>page</html>")])
    assert list(user.iterdir()) == []
