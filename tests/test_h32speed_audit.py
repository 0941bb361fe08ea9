"""Session 32, the 1 % rebuild at national scale (issue 16): the pages helper only where a core is free, and
Pagefind shards whose membership does not move when pages are added or changed elsewhere."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from xxgk.site import pages_helper


class _Started(Exception):
    """Raised by a stand-in helper: ``begin`` would have started a process."""


class _NoProcess:
    def __init__(self, *args, **kwargs):
        raise _Started


@pytest.fixture
def no_process(monkeypatch):
    """``pages_helper.Helper`` replaced: starting the helper raises ``_Started`` instead of spawning."""
    monkeypatch.setattr(pages_helper, "Helper", _NoProcess)


def cores(monkeypatch, n: int | None, count: int | None = None) -> None:
    """This process allowed ``n`` cores (None: a platform without ``sched_getaffinity``), the machine ``count``."""
    if n is None:
        monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    else:
        monkeypatch.setattr(os, "sched_getaffinity", lambda pid: set(range(n)), raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: count if count is not None else n)


def test_two_cores_leave_the_pages_helper_off(monkeypatch, tmp_path, no_process):
    """Session 31: on 2 cores, in the overlapped build, the helper bought no wall time and cost ≈ 5 % CPU."""
    cores(monkeypatch, 2)
    assert pages_helper.PagesHelper.begin(tmp_path, tmp_path, 10**6, None) is None
    assert pages_helper.PagesHelper.begin(tmp_path, tmp_path, 10**6, None, workers=4) is None
    # a machine of 8 cores of which a container (or taskset) leaves this process 2: the affinity decides
    cores(monkeypatch, 2, count=8)
    assert pages_helper.PagesHelper.begin(tmp_path, tmp_path, 10**6, None) is None


def test_more_than_two_cores_start_the_pages_helper(monkeypatch, tmp_path, no_process):
    cores(monkeypatch, 4)
    with pytest.raises(_Started):
        pages_helper.PagesHelper.begin(tmp_path, tmp_path, 10**6, None)
    assert pages_helper.PagesHelper.begin(tmp_path, tmp_path, 10**6, None, workers=1) is None
    assert pages_helper.PagesHelper.begin(tmp_path, tmp_path, pages_helper.PARALLEL_PAGES - 1, None) is None


def test_without_affinity_the_cpu_count_decides(monkeypatch, tmp_path, no_process):
    cores(monkeypatch, None, count=2)
    assert pages_helper.usable_cores() == 2
    assert pages_helper.PagesHelper.begin(tmp_path, tmp_path, 10**6, None) is None
    cores(monkeypatch, None, count=4)
    with pytest.raises(_Started):
        pages_helper.PagesHelper.begin(tmp_path, tmp_path, 10**6, None)


# -- Pagefind's shards (site/fulltext.py): cut where the pages' names say, so a rebuild re-indexes only the shards
# holding a changed page. Before, a shard was cut by the sorted pages' sizes (16 MiB each): a report added, or one
# whose text grew, moved every later cut, and the 1 % rebuild at 10,000 reports re-indexed every shard (≈ 80 CPU s).

def _names(count: int) -> list[str]:
    """``count`` source-page names as reports give them (``collect.report_id``: slug, then 6 hex of a hash)."""
    import hashlib

    return [f"r{i:06d}-{hashlib.sha1(str(i).encode()).hexdigest()[:6]}.html" for i in range(count)]


def _write_pages(folder, sizes: dict[str, int]):
    from xxgk.site.fulltext import source_pages

    src = folder / "src"
    if src.exists():
        import shutil

        shutil.rmtree(src)
    src.mkdir(parents=True)
    for name, size in sizes.items():
        (src / name).write_bytes(b"x" * size)
    return source_pages(folder)


def _cuts(folder, sizes: dict[str, int]) -> list[tuple[str, ...]]:
    """The shards (as tuples of page names) of pages of those sizes, at the build's shard parameters, with the
    size cap scaled to the pages (pages of ≈ 1 KB, the cap 1 MiB: as 16 KB report pages and 16 MiB)."""
    from xxgk.site.fulltext import shards

    return [tuple(p.name for p in shard) for shard in shards(_write_pages(folder, sizes), budget=2**20)]


def _pages_reindexed(before: list[tuple[str, ...]], after: list[tuple[str, ...]]) -> int:
    """The pages of the shards of ``after`` that are not, with exactly the same pages, a shard of ``before``."""
    kept = set(before)
    return sum(len(shard) for shard in after if shard not in kept)


@pytest.fixture(scope="module")
def collection():
    """3,000 pages of 600–1,400 bytes (a deterministic draw)."""
    import random

    draw = random.Random(32)
    return {name: draw.randint(600, 1400) for name in _names(3000)}


def test_one_region_re_published_re_indexes_its_own_shards_only(tmp_path, collection):
    """The reports of one region (30 consecutive pages, as the synthetic agencies and real file names group them)
    re-published a little longer: every shard without one of them keeps exactly its pages (and its cached index)."""
    before = _cuts(tmp_path, collection)
    changed = set(list(collection)[600:630])
    after = _cuts(tmp_path, {n: size + (300 if n in changed else 0) for n, size in collection.items()})
    untouched = [shard for shard in before if not changed & set(shard)]
    assert len(before) >= 3 and untouched
    assert [shard for shard in untouched if shard not in after] == []
    assert _pages_reindexed(before, after) <= len(collection) // 3  # (by size alone: all 3,000)


def test_a_new_batch_inserted_among_the_names_re_indexes_only_the_shards_it_lands_in(tmp_path, collection):
    """A new year's reports of one region: 30 pages whose names sort among the others'."""
    before = _cuts(tmp_path, collection)
    names = list(collection)
    added = {names[i].replace("-", "b-", 1): 1000 for i in range(600, 630)}  # r000600b-…: after r000600-…
    after = _cuts(tmp_path, {**collection, **added})
    assert sorted(n for shard in after for n in shard) == sorted([*collection, *added])  # each page once
    holding = [shard for shard in after if set(added) & set(shard)]
    assert len(holding) <= 2
    assert _pages_reindexed(before, after) == sum(len(shard) for shard in holding)  # every other shard kept


def test_shards_stay_within_the_size_cap_and_a_small_site_is_one_shard(tmp_path, collection):
    from xxgk.site.fulltext import MIN_PAGES, SHARD_PAGES

    cuts = _cuts(tmp_path, collection)
    assert all(sum(collection[n] for n in shard) <= 2**20 for shard in cuts)  # peak memory bounded
    assert len(collection) / SHARD_PAGES / 2 <= len(cuts) <= len(collection) / MIN_PAGES
    small = dict(list(collection.items())[:MIN_PAGES])
    assert len(_cuts(tmp_path, small)) == 1  # a site of a few reports is one shard: one bundle a query loads


# -- the same on Pagefind's bundles: shards taken from the cache after an insertion, and search unchanged

def _sources(built_site, folder, copies: int, skip: set[int] = frozenset()):
    """``folder/src/`` holding ``copies`` source pages made from the seeds' (each with a word of its own,
    ``zq<n>``, so that every page is different), numbered as report ids are (``r<n>-<page>``)."""
    import shutil

    from xxgk.site.fulltext import source_pages

    real = source_pages(built_site)
    src = folder / "src"
    if src.exists():
        shutil.rmtree(src)
    src.mkdir(parents=True)
    for n in range(copies):
        if n in skip:
            continue
        page = real[n % len(real)].read_text(encoding="utf-8")
        page = page.replace('<div class="xxgk-source">', f'<div class="xxgk-source"><p>zq{n:04d}</p>', 1)
        (src / f"r{n:04d}-{real[n % len(real)].name}").write_text(page, encoding="utf-8")
    return source_pages(folder)


def _bundle(site) -> dict[str, bytes]:
    out = site / "pagefind"
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _word_pages(site) -> dict[str, set[str]]:
    """What a query finds: for every word the index holds, the addresses of the pages holding it, over all the
    shards (Pagefind 1.x's files: the metadata lists each page's fragment; an index chunk, ``[[[word, hits, …],
    …]]``, lists each word's pages,
    their numbers as differences from the one before; a fragment names its page's address)."""
    import gzip

    import cbor2

    def read(path):
        return cbor2.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd"):])

    found: dict[str, set[str]] = {}
    for name in json.loads((site / "pagefind" / "shards.json").read_text(encoding="utf-8"))["shards"]:
        bundle = site / "pagefind" / name
        (meta,) = bundle.glob("*.pf_meta")
        pages = [json.loads(gzip.decompress((bundle / "fragment" / f"{h}.pf_fragment").read_bytes())
                            [len(b"pagefind_dcd"):])["url"] for h, _ in read(meta)[1]]
        for chunk in (bundle / "index").iterdir():
            for word, hits, *_ in read(chunk)[0]:
                number = 0
                for hit in hits:
                    number += hit[0]
                    found.setdefault(word, set()).add(pages[number])
    return found


def test_a_page_inserted_re_indexes_its_shard_and_the_others_come_from_the_cache(built_site, tmp_path):
    """Shards of ≈ 4 pages (the build's are ≈ 500): a page inserted among the first ones numbers every later shard
    one further — each is still taken from the cache (its key is its pages, not its number), and the bundle is
    the bytes a cold index gives."""
    from xxgk.site.fulltext import index_full_text, shards
    from xxgk.site.fulltext_reuse import ShardReuse

    cut = {"every": 4, "least": 2}
    site, cold = tmp_path / "site", tmp_path / "cold"
    before = shards(_sources(built_site, site, 40, skip={5}), 10**9, **cut)
    assert index_full_text(site, reuse=ShardReuse(tmp_path / "cache"), **cut) == 0
    shutil.rmtree(site / "pagefind")
    after = shards(_sources(built_site, site, 40), 10**9, **cut)  # r0005 inserted
    reuse = ShardReuse(tmp_path / "cache")
    assert index_full_text(site, reuse=reuse, **cut) == 0
    holding = [s for s in after if any(p.name.startswith("r0005-") for p in s)]
    assert len(before) >= 6 and len(holding) == 1
    kept = {tuple(p.name for p in s) for s in before}
    assert reuse.reused == len(after) - 1 == sum(tuple(p.name for p in s) in kept for s in after)
    _sources(built_site, cold, 40)
    assert index_full_text(cold, **cut) == 0
    assert _bundle(site) == _bundle(cold)  # cache or not: the same bytes


def test_search_finds_the_same_pages_in_one_shard_or_in_many(built_site, tmp_path):
    from xxgk.site.fulltext import index_full_text

    one, many = tmp_path / "one", tmp_path / "many"
    _sources(built_site, one, 24)
    _sources(built_site, many, 24)
    assert index_full_text(one, every=10**6) == 0  # (24 pages: one shard at any cut)
    assert index_full_text(many, every=4, least=2) == 0
    assert len(json.loads((many / "pagefind" / "shards.json").read_text(encoding="utf-8"))["shards"]) >= 4
    words = _word_pages(one)
    assert words == _word_pages(many)
    assert words["zq0007"] == {"/src/r0007-" + sorted(p.name for p in (built_site / "src").glob("*.html"))[1]}
    assert len(words["政府"]) == 24  # every report says it


def test_the_build_s_indexer_fed_page_by_page_cuts_the_same_shards(built_site, tmp_path):
    """``ShardIndexer`` (the build's path: pages indexed as they are written) cuts where ``shards`` cuts."""
    from xxgk.site.fulltext import ShardIndexer, index_full_text

    fed, whole = tmp_path / "fed", tmp_path / "whole"
    pages = _sources(built_site, fed, 30)
    _sources(built_site, whole, 30)
    indexer = ShardIndexer(fed, budget=3 * max(p.stat().st_size for p in pages), every=4, least=2)
    indexer.written(["index.html", *(f"src/{p.name}" for p in pages)])
    assert indexer.wait() == 0
    assert index_full_text(whole, budget=3 * max(p.stat().st_size for p in pages), every=4, least=2) == 0
    assert len(indexer.groups) >= 5 and indexer.in_order
    assert _bundle(fed) == _bundle(whole)
