"""``site/page_markdown.Markdown`` sets a page's fields exactly as ``mkdocs.structure.pages.Page.render`` does."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def config(tmp_path_factory):
    from mkdocs.config import load_config

    from xxgk.site.build import config_for

    work = tmp_path_factory.mktemp("markdown")
    (work / "docs").mkdir()
    (work / "docs" / "index.md").write_text("# 首页\n", encoding="utf-8")
    (work / "docs" / "data.md").write_text("# 数据\n", encoding="utf-8")
    config = load_config(str(config_for(work / "docs", work / "mkdocs.yml", ROOT)))
    config.plugins.on_startup(command="build", dirty=False)
    return config.plugins.on_config(config)


def _page(config, src: str, markdown: str):
    from mkdocs.structure.files import File, InclusionLevel
    from mkdocs.structure.pages import Page

    page = Page(None, File.generated(config, src, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV), config)
    page.read_source(config)
    return page


def _fields(page) -> tuple:
    return (page.content, str(page.toc), [(a.title, a.id, a.level, getattr(a, "active", None)) for a in page.toc],
            page.title, page._title_from_render, page.present_anchor_ids, page.links_to_anchors)


REST = "\n<!--xxgk:0-->\n## 报告评估\n<!--xxgk:1-->\n## 二、主动公开政府信息情况\n<!--xxgk:2-->"
TITLES = [
    "东城区数据局 2021年度", "西城区数据局 2021年度", "丰台区数据局 2022年度", "昌平区数据局", "海淀区数据局",
    "A区数据局 2021年度", "报告评估", "_1", "1", "*强调*局", "`代码`局", "[链接](data.md)局", "A &amp; B", "A & B",
    "<b>粗</b>局", "局 #", "\\*转义", "冒号:局", "x" * 600, "龘局", "长  空格",
]


def test_every_page_has_the_fields_mkdocs_gives_it_and_plain_titles_share_a_conversion(config):
    from mkdocs.structure.files import Files

    from xxgk.site.page_markdown import Markdown

    files = Files([])
    ours = Markdown(config)
    bodies = [f"# {t}{REST}" for t in TITLES]
    bodies += [f"\n\n# {t}{REST}" for t in TITLES[:3]]  # blank lines before the heading
    bodies += [f"# {t}\n<!--xxgk:0-->\n## 报告评估\n[链接](data.md)" for t in TITLES[:3]]  # a link in the rest
    bodies += [f"# {t}\n## {t}\n<!--xxgk:0-->\n## 2021" for t in TITLES[:3]]  # anchors that collide
    bodies += ["## 没有标题\n<!--xxgk:0-->", "", "正文"]
    for n, body in enumerate(bodies * 2):  # twice: the second time every kept conversion is reused
        src = f"a/agency-{n % 7}/{2019 + n % 5}.md"
        reference = _page(config, src, body)
        reference.render(config, files)
        page = _page(config, src, body)
        ours.render(page, files)
        assert _fields(page) == _fields(reference), body
    assert ours.reused >= len(bodies) // 2
    plain = {key for key, kept in ours.known.items() if kept is not None}
    assert {key[2] for key in plain} >= {"2021", "2022", ""}  # keyed on the anchor's slug
    assert not any("[链接]" in key[1] for key in ours.known)  # a rest with a link is never kept
