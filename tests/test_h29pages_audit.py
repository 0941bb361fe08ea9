"""Session 29, the site stage's speed (issue 16): what the audit of the bulk pages and the scale benchmark found."""

from __future__ import annotations

from pathlib import Path


def _built_like_mkdocs(folder: Path, pages: dict[str, str]) -> Path:
    """A site folder as ``mkdocs build`` leaves it: it cleans the folder first, so no xxgk marker is left."""
    for rel, text in pages.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8")
    for marker in folder.glob(".xxgk-output"):
        marker.unlink()
    return folder


def test_the_scale_benchmarks_stages_apart_swap_in_a_second_site_over_the_first(tmp_path):
    """``benchmarks.scale --stages-apart`` builds the site step by step and swaps it in; its incremental rebuilds
    swap a second site over the first. Before, the first was swapped in without the marker listing what it held, so
    the second swap took the previous site's ``glossary/`` (a folder no older xxgk wrote) for a reader's and refused:
    ``stage_swap died before reporting``, and no rebuild figure was ever printed."""
    from benchmarks.scale import stage_swap

    site = tmp_path / "site"
    for build in ("first", "second"):
        new = _built_like_mkdocs(tmp_path / f".site.new-{build}", {"index.html": build, "glossary/index.html": "词语"})
        stage_swap(new, site)
        assert (site / "index.html").read_text(encoding="utf-8") == build
    assert not list(tmp_path.glob(".site.*"))  # the previous site removed


def test_a_bulk_page_rendered_works_out_its_file_once_and_is_the_page_built(built_site, tmp_path, monkeypatch):
    """Each rendered bulk page made its MkDocs ``File`` twice (once to render it, once more for where to write it:
    ≈ 4 % of a page's rendering CPU, measured on 2,000 synthetic reports); now once, and the pages written are the
    site's, byte for byte."""
    from xxgk.site import bulk

    work = built_site.parent  # conftest.site_of: site_src/ and mkdocs.yml beside the site
    lines = (work / "site_src" / bulk.BULK / bulk.PAGES).read_text(encoding="utf-8").splitlines(keepends=True)
    made = []
    page_file = bulk.page_file
    monkeypatch.setattr(bulk, "page_file", lambda *args, **kw: made.append(args[1]) or page_file(*args, **kw))
    for name in ("_RENDERER", "_CACHE", "_PREVIOUS"):  # this test's renderer is not left to later ones
        monkeypatch.setattr(bulk, name, getattr(bulk, name))
    bulk._setup(str(work / "mkdocs.yml"), str(tmp_path / "site"), None)
    made.clear()  # (setting MkDocs up makes none; counted from here all the same)
    rendered, reused, warnings, _ = bulk._render_chunk(lines)
    assert len(rendered) == len(lines) > 5 and reused == 0 and not warnings
    # one File a page (the shells' stand-ins, a few a page shape, have their own sentinel paths)
    assert sorted(src for src in made if src in set(rendered)) == sorted(rendered)
    written = {p.relative_to(tmp_path / "site").as_posix(): p.read_bytes()
               for p in (tmp_path / "site").rglob("*.html")}
    assert len(written) == len(lines)
    assert all(data == (built_site / rel).read_bytes() for rel, data in written.items())
