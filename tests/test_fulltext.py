"""The full-text index (``site/fulltext.py``): Pagefind over the source pages only, in shards of bounded size
(each its own bundle ``pagefind/<k>/``, listed in ``pagefind/shards.json``), byte-identical for the same
site, every source page in exactly one shard. The header search's use of it in a browser is in
``test_fulltext_browser.py`` and ``test_agencies_browser.py``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path


def _index(site: Path, **budget) -> dict[Path, bytes]:
    from xxgk.site.fulltext import index_full_text

    assert index_full_text(site, **budget) == 0
    out = site / "pagefind"
    return {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def _page_counts(tree: dict[Path, bytes]) -> list[int]:
    """Pages per shard, in the manifest's order, from each shard's own entry file."""
    names = json.loads(tree[Path("shards.json")])["shards"]
    counts = []
    for name in names:
        entry = json.loads(tree[Path(name) / "pagefind-entry.json"])
        (language,) = entry["languages"]  # the site's lang, zh-CN
        assert language.startswith("zh")
        counts.append(entry["languages"][language]["page_count"])
    return counts


def test_the_full_text_index_is_byte_identical_and_covers_only_report_texts(built_site, tmp_path):
    trees = []
    for name in ("one", "two"):
        shutil.copytree(built_site, tmp_path / name)
        trees.append(_index(tmp_path / name))
    assert trees[0] == trees[1]
    sources = list((built_site / "src").glob("*.html"))
    assert _page_counts(trees[0]) == [len(sources)]  # a small site is one shard
    assert json.loads(trees[0][Path("shards.json")]) == {"shards": ["0/"]}
    assert not (tmp_path / "one" / ".xxgk-pagefind-shard").exists()  # the work folder is gone


def test_a_large_site_is_indexed_in_shards_each_page_once_and_identically_in_parallel_too(built_site, tmp_path):
    sources = sorted((built_site / "src").glob("*.html"))
    largest = max(p.stat().st_size for p in sources)
    trees = []
    for name, workers in (("one", 1), ("two", 2)):  # shards one at a time, or two Pagefind runs at once
        shutil.copytree(built_site, tmp_path / name)
        trees.append(_index(tmp_path / name, budget=largest, workers=workers))  # shards ≤ the largest page
    assert trees[0] == trees[1]
    counts = _page_counts(trees[0])
    assert len(counts) >= 3 and sum(counts) == len(sources) and all(c >= 1 for c in counts)
    names = json.loads(trees[0][Path("shards.json")])["shards"]
    assert names == [f"{k}/" for k in range(len(counts))]
    for name in names:  # every shard is a Pagefind bundle: its entry, metadata, index and fragments
        assert Path(name) / "pagefind-entry.json" in trees[0]
        assert any(p.parent == Path(name) / "fragment" for p in trees[0])
        assert any(p.parent == Path(name) / "index" for p in trees[0])
        # without the search interfaces Pagefind writes and the site never loads (≈ 430 KB a shard before), nor its
        # web worker (the header searches on the page's thread, noWorker)
        assert not [p for p in trees[0] if p.parent == Path(name) and "-ui" in p.name or "highlight" in p.name]
        assert Path(name) / "pagefind-worker.js" not in trees[0]
    # the code and WebAssembly in the first shard only: mergeIndex runs the others in the first one's (114 KB a
    # shard before, never downloaded; the browser test test_fulltext_browser searches every shard without them)
    code = [[p.name for p in trees[0] if p.parent == Path(name) and (p.suffix == ".js" or p.name.startswith("wasm."))]
            for name in names]
    assert sorted(code[0]) == ["pagefind.js", "wasm.unknown.pagefind"] and code[1:] == [[]] * (len(names) - 1)


def test_shards_are_consecutive_runs_within_the_budget(tmp_path):
    from xxgk.site.fulltext import shards, source_pages

    (tmp_path / "src").mkdir()
    for name, size in (("a", 5), ("b", 5), ("c", 12), ("d", 3), ("e", 8)):
        (tmp_path / "src" / f"{name}.html").write_bytes(b"x" * size)
    (tmp_path / "src" / "notes.txt").write_bytes(b"x")  # not a page
    (tmp_path / "src" / "link.html").symlink_to(tmp_path / "src" / "a.html")  # never followed
    pages = source_pages(tmp_path)
    assert [p.name for p in pages] == ["a.html", "b.html", "c.html", "d.html", "e.html"]
    assert [[p.name[0] for p in s] for s in shards(pages, budget=10)] == [["a", "b"], ["c"], ["d"], ["e"]]
    assert [[p.name[0] for p in s] for s in shards(pages, budget=100)] == [["a", "b", "c", "d", "e"]]


def test_a_site_without_source_pages_gets_an_empty_manifest(tmp_path):
    from xxgk.site.fulltext import index_full_text

    (tmp_path / "index.html").write_text("<html></html>", encoding="utf-8")
    assert index_full_text(tmp_path) == 0
    assert json.loads((tmp_path / "pagefind" / "shards.json").read_text(encoding="utf-8")) == {"shards": []}


def _fragments(bundle: Path) -> dict[str, dict]:
    import gzip

    out = {}
    for path in (bundle / "fragment").iterdir():
        data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        out[data["url"]] = data
    return out


def test_pagefind_finds_the_same_words_in_the_same_pages_without_the_line_targets(built_site, tmp_path):
    """The index is built from the source pages without their lines' ids (``fulltext_form.indexed_form``): Pagefind's
    own run over the pages as published gives the same word index (byte for byte), the same text, title and word
    count a result shows; only the per-line anchors, which the search never shows, are gone from the fragments."""
    import subprocess
    import sys

    shutil.copytree(built_site, tmp_path / "site")
    _index(tmp_path / "site")
    ours = tmp_path / "site" / "pagefind" / "0"
    theirs = tmp_path / "theirs"
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(built_site), "--glob", "src/*.html",
                    "--output-path", str(theirs), "--quiet"], check=True, capture_output=True)
    index = {p.relative_to(ours / "index"): p.read_bytes() for p in (ours / "index").iterdir()}
    assert index and index == {p.relative_to(theirs / "index"): p.read_bytes() for p in (theirs / "index").iterdir()}
    mine, published = _fragments(ours), _fragments(theirs)
    assert set(mine) == set(published) and len(mine) == len(list((built_site / "src").glob("*.html")))
    for url, fragment in mine.items():
        assert {k: fragment[k] for k in ("content", "meta", "word_count")} == \
            {k: published[url][k] for k in ("content", "meta", "word_count")}, url
        assert fragment["anchors"] == [] and len(published[url]["anchors"]) > 1  # one a line, never shown


def test_a_shard_of_pages_with_nothing_to_index_is_left_out_and_the_build_goes_on(built_site, tmp_path):
    # (hostile-input audit: an empty report's source page alone in a shard made Pagefind refuse, and the whole site
    # build failed with exit code 1 and no word of why)
    from xxgk.site.fulltext import ShardIndexer

    site = tmp_path / "site"
    (site / "src").mkdir(parents=True)
    real = sorted((built_site / "src").glob("*.html"))[0]
    empty = ('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>空</title></head><body><main>'
             '<p data-pagefind-ignore>← 返回报告页</p><div class="xxgk-source"><span data-pagefind-ignore>'
             '<span id="L1">&nbsp;</span></span></div></main></body></html>')
    (site / "src" / "a-empty.html").write_text(empty, encoding="utf-8")
    shutil.copy(real, site / "src" / ("b-" + real.name))
    tree = _index(site, budget=1)  # a page a shard: the empty page's shard alone
    assert json.loads(tree[Path("shards.json")])["shards"] == ["1/"]
    assert _page_counts(tree) == [1]
    shutil.rmtree(site / "pagefind")
    indexer = ShardIndexer(site, budget=1)  # the build's own path, fed the pages as they are written
    indexer.written(["src/a-empty.html", "src/b-" + real.name])
    assert indexer.wait() == 0
    assert json.loads((site / "pagefind" / "shards.json").read_text(encoding="utf-8")) == {"shards": ["1/"]}


def test_pagefind_is_given_the_prose_without_the_tables_or_the_citation(built_site):
    """What Pagefind reads of a source page (``fulltext_form.indexed_form``): the prose, the title and the filters,
    not tables 二–四 nor the citation, which the page marks as ignored (Pagefind's run over the page as published
    gives the same index: test_pagefind_finds_the_same_words_in_the_same_pages_without_the_line_targets)."""
    from xxgk.site.fulltext import indexed_form

    from .conftest import source_table_line as _table_line

    pages = [p for p in sorted((built_site / "src").glob("*.html"))
             if '<span data-pagefind-ignore><span id="L' in p.read_text(encoding="utf-8")]
    assert len(pages) >= 5  # the seeds' pages all have tables
    filtered = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        form = indexed_form(page.read_bytes()).decode("utf-8")
        line = _table_line(html)
        assert any(c.isdigit() for c in line) and line in html and line not in form, page.name  # a table row
        assert "引用（GB/T 7714）" in html and "引用（GB/T 7714）" not in form  # the citation
        title = html.split('data-pagefind-meta="title"', 1)[1].split(">", 1)[1].split("<", 1)[0]
        assert title and f">{title}</h1>" in form  # the title and the year and province filters Pagefind reads
        assert html.count("data-pagefind-filter=") == form.count("data-pagefind-filter=")
        filtered += form.count("data-pagefind-filter=")
        prose = html.split('<span id="L2" data-n="2">', 1)[1].split("</span>", 1)[0]  # the text's second line
        assert prose and prose in form
        assert len(form) < 0.8 * len(html)
    assert filtered >= 2 * (len(pages) - 1)  # a year and a province a report (the hostile one has neither)


def test_pagefind_s_binary_is_run_directly_and_indexes_as_python_m_pagefind_does(built_site, tmp_path, monkeypatch):
    import subprocess
    import sys

    from xxgk.site import fulltext

    run = subprocess.run
    commands = []

    def recorded(command, *args, **kwargs):
        commands.append(command)
        return run(command, *args, **kwargs)

    monkeypatch.setattr(fulltext.subprocess, "run", recorded)
    shutil.copytree(built_site, tmp_path / "direct")
    direct = _index(tmp_path / "direct")
    # each shard's run is Pagefind's own executable, no Python started to find it (≈ 0.5 CPU s a run before)
    assert commands and all(Path(c[0]).name.startswith("pagefind") and c[0] != sys.executable for c in commands)
    monkeypatch.setattr(fulltext, "_pagefind_command", lambda: (sys.executable, "-m", "pagefind"))  # as before
    shutil.copytree(built_site, tmp_path / "module")
    assert _index(tmp_path / "module") == direct
