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
