"""Bulk pages filled from a shell (``site/shell.py``) are the pages MkDocs' own objects render, hostile ones included.

The reference is each page rendered the way ``mkdocs build`` renders it (``mkdocs.structure.pages.Page.render``
with the config's extensions, the HTML blocks put back, ``get_context`` and the theme's ``main.html``, minified),
the way ``tests/test_bulk_pages.py`` proves equal to a real ``mkdocs build``; the renderer under test is
``bulk.Renderer`` (one Markdown object, conversions kept per body, the theme filled from shells)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT

NAV = ("index", "agencies", "compare", "data", "report-card", "quality", "checks", "about")
NAMES = "东城 西城 丰台 石景山 海淀 门头沟 房山 顺义 昌平 大兴 怀柔 平谷".split()


@pytest.fixture(scope="module")
def config(tmp_path_factory) -> Path:
    """A small site: the editorial pages of the navigation as one-line pages, the project's mkdocs.yml."""
    from xxgk.site.build import config_for

    work = tmp_path_factory.mktemp("shell")
    docs = work / "docs"
    docs.mkdir()
    for name in NAV:
        (docs / f"{name}.md").write_text(f"# {name}\n", encoding="utf-8")
    return config_for(docs, work / "mkdocs.yml", ROOT)


def _entry(src: str, title: str, heading: str | None = None, sections=("历年报告", "申请数量"), hide_toc=True) -> dict:
    """A spooled page as ``pages.py`` writes one: front matter, the title heading, headings and placeholders."""
    front = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\nsearch:\n  exclude: true\n"
    front += "hide:\n  - toc\n---\n\n" if hide_toc else "---\n\n"
    lines = [f"# {title if heading is None else heading}", "<!--xxgk:0-->"]
    for n, section in enumerate(sections, start=1):
        lines += [f"## {section}", f"<!--xxgk:{n}-->"]
    blocks = ["<p>概况 &amp; 说明</p>"] + [f"<table><tr><td>{n}</td></tr></table>\n<p>注</p>" for n in
                                           range(len(sections))]
    return {"src": src, "markdown": front + "\n".join(lines), "blocks": blocks}


def _mkdocs(renderer, entry: dict) -> bytes:
    """The page as MkDocs' own objects render it (what ``bulk.Renderer.render`` did before shells)."""
    return theme_output(renderer, entry, None).encode("utf-8", errors="xmlcharrefreplace")


HOSTILE = [
    "<script>alert(1)</script>局 2021年度", "A &amp; B 2021年度", "A & B 2021年度", 'say "hi" 2022年度',
    "it's 2022年度", "line\nbreak 2023年度", "double  space 2023年度", " leading 2023年度", "tab\there 2024年度",
    "全角\u3000空格 2024年度", "长" * 300 + " 2024年度", "{{ config.site_name }} 2021年度", "*强调* 2021年度",
    "[链接](../x.md) 2021年度", "back\\slash 2021年度", "`代码` 2021年度", "emoji 😀 2022年度", "冒号: 2022年度",
    "x" * 158 + " 1",  # the longest plain title filled in (160 characters)
]


def test_hostile_titles_render_as_mkdocs_renders_them_and_plain_ones_are_filled(config, tmp_path):
    from xxgk.site.bulk import Renderer

    renderer = Renderer(config, tmp_path / "site")
    plain = [_entry(f"a/agency-{n}/{2019 + n % 4}.md", f"{NAMES[n]}区数据局 {2019 + n % 4}年度") for n in range(12)]
    plain += [_entry(f"a/agency-{n}/index.md", f"{NAMES[n]}区数据局", sections=("历年报告", "跨年度核对"),
                     hide_toc=False) for n in range(4)]
    for entry in plain:
        assert renderer.render(entry)[1] == _mkdocs(renderer, entry), entry["src"]
    assert renderer.shells.filled >= len(plain) - 8 and renderer.markdown.reused >= len(plain) - 8
    filled = set()
    for n, title in enumerate(HOSTILE):
        heading = title.replace("\n", " ")
        for entry in (_entry(f"a/hostile-{n}/2021.md", title, heading),
                      _entry(f"a/hostile-{n}/index.md", title, heading, hide_toc=False)):
            before = renderer.shells.filled
            assert renderer.render(entry)[1] == _mkdocs(renderer, entry), repr(title)
            if renderer.shells.filled > before:
                filled.add(title)
    changed_by_filters = {t for t in HOSTILE if any(c in t for c in "<>&\"'\\\n\t\u3000") or "  " in t
                          or t != t.strip() or len(t) > 160}
    assert not filled & changed_by_filters  # those are rendered by the template, never filled in
    assert "x" * 158 + " 1" in filled and "emoji 😀 2022年度" in filled


def test_a_path_that_begins_like_a_file_of_the_site_keeps_its_links(config, tmp_path):
    """``report-card/<x>/`` pages link to ``report-card/`` by a shorter path than pages elsewhere: their shape keeps
    the part of the path a file of the site begins with, and every page is the page MkDocs renders."""
    from xxgk.site.bulk import Renderer

    renderer = Renderer(config, tmp_path / "site")
    entries = [_entry(f"report-card/2024-county/p{n}.md", f"报告评估排名：2024年度 · 县级 · 省{n}", sections=())
               for n in range(3)]
    entries += [_entry(f"a/report-card/{2021 + n}.md", f"报告评估机构 {2021 + n}年度") for n in range(3)]
    entries += [_entry(f"report-card/r{n}.md", f"报告 {n}", sections=()) for n in range(3)]
    for entry in entries:
        assert renderer.render(entry)[1] == _mkdocs(renderer, entry), entry["src"]
    assert renderer.shells.filled >= 4


def test_a_template_that_changes_a_value_refuses_its_shape_and_renders_every_page(config, tmp_path):
    """A theme that re-cases the title (the two stand-ins cut differently) or replaces a character the sentinels
    lack (the first page filled from the shell differs from it rendered): no shell is used, every page is the
    template's own output."""
    from xxgk.site.bulk import Renderer
    from xxgk.site.shell import REFUSED

    for source in ("<title>{{ page.meta.title | upper }}</title>{{ page.content }}",
                   "<title>{{ page.meta.title | replace('局', 'J') }}</title>{{ page.content }}",
                   "<p>{{ page.meta.title | length }}</p><p>{{ page.markdown }}</p>{{ page.content }}"):
        renderer = Renderer(config, tmp_path / "site")
        template = renderer.env.from_string(source)

        def theme(page, renderer=renderer, template=template):
            page.active = True
            try:
                return template.render(renderer.get_context(renderer.nav, renderer.doc_files, renderer.config, page))
            finally:
                page.active = False

        renderer.theme = theme
        for n in range(4):
            entry = _entry(f"a/agency-{n}/2021.md", f"{NAMES[n]}局 2021年度")
            _, html = renderer.render(entry)
            assert html.decode() == theme_output(renderer, entry, template), source
        assert renderer.shells.filled == 0 and set(renderer.shells.known.values()) == {REFUSED}, source


def theme_output(renderer, entry: dict, template) -> str:
    """``template`` (None: the page's own, as ``mkdocs build`` picks it) rendered for the page MkDocs makes of
    ``entry`` (Page.render), minified."""
    from mkdocs.structure.files import InclusionLevel
    from mkdocs.structure.pages import Page

    from xxgk.site.blocks import inject
    from xxgk.site.bulk import page_file
    from xxgk.site.minify import minify_page

    config = renderer.config
    file = page_file(config, entry["src"], InclusionLevel.NOT_IN_NAV)  # a report page is a file (on_files hook)
    file.generated_by, file.abs_src_path, file._content = "test", None, entry["markdown"]  # File.generated's
    page = Page(None, file, config)
    config._current_page = page
    try:
        page.read_source(config)
        page.render(config, renderer.files)
        page.content = inject(page.content, entry["blocks"])
        page.active = True
        if template is None:
            template = renderer.env.get_template(page.meta.get("template", "main.html"))
        output = template.render(renderer.get_context(renderer.nav, renderer.doc_files, config, page))
    finally:
        page.active = False
        config._current_page = None
    return minify_page(output)


def test_shapes_that_never_repeat_stop_being_tried_and_change_nothing(config, tmp_path):
    """Each new shape costs two extra renders: when shapes do not repeat, only the first few are tried."""
    from xxgk.site.bulk import Renderer
    from xxgk.site.shell import TRIED_FREELY

    renderer = Renderer(config, tmp_path / "site")
    for n in range(TRIED_FREELY + 8):
        entry = _entry(f"a/agency-{n}/2021.md", "东城区数据局 2021年度", sections=(f"第{'一' * (n + 1)}节",))
        assert renderer.render(entry)[1] == _mkdocs(renderer, entry)
    assert len(renderer.shells.known) == TRIED_FREELY and renderer.shells.filled == 0
