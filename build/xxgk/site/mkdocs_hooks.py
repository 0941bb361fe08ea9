"""MkDocs hooks (``hooks:`` in mkdocs.yml): report pages written as files (``on_files``), their HTML blocks put
back (see ``blocks.py``), and every page and the 404 page minified (``minify.py``, the same function the bulk
pages go through)."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from xxgk.site.blocks import blocks_file, inject_blocks
from xxgk.site.minify import minify_page
from xxgk.site.titles import flat_page


def on_page_content(html, page, config, files):
    source = PurePosixPath(page.file.src_uri)
    if source.parts[:1] not in (("r",), ("a",)):  # report pages: r/<id>.md or a/<agency>/<year>.md
        page.toc.items = toc_with_html_headings(html, page.toc.items)
        return for_search(html)
    return inject_blocks(html, Path(config["docs_dir"]) / source.parent / blocks_file(source.stem))


# what the header search's 页面 results quoted (Material's search plugin indexes page.content after this hook): the
# text of adjacent cells run together (the home page's latest reports read 平潭综合实验区20252026-03-10, a year and a
# date as one number) and every option of a menu (比较's 指标：本年新收申请（件）上年结转申请（件）… under a search for
# 行政复议). A space between cells (not rendered: a table ignores it; the minifier takes it off the served page) and
# data-search-exclude on each menu (Material's own way to keep a block out of its index).
_CELL_END = re.compile(r"(</t[dh]>)(?=<t[dh][\s>])")
_MENU = re.compile(r"<select(?=[\s>])")


def for_search(html: str) -> str:
    """``html`` with a space between adjacent table cells and ``data-search-exclude`` on each ``<select>``.

    >>> for_search('<tr><td>平潭</td><td>2025</td><th scope="row">x</th></tr><select id="m"><option>甲</option>')
    '<tr><td>平潭</td> <td>2025</td> <th scope="row">x</th></tr><select data-search-exclude id="m"><option>甲</option>'
    """
    return _MENU.sub("<select data-search-exclude", _CELL_END.sub(r"\1 ", html))


# a section heading the page builders write as HTML (<h2 id="identity_broken">…: an id of their own, which Markdown's
# heading ids would not give), h2 or h3 with an id
_HTML_HEADING = re.compile(r'<h([23])\b[^>]*?\sid="?([^"\s>]+)"?[^>]*>(.*?)</h\1>', re.S)
_TAG = re.compile(r"<[^>]*>")


def toc_with_html_headings(html: str, items: list) -> list:
    """The page's table of contents (MkDocs' ``AnchorLink`` items, from its Markdown headings) with the h2 and h3
    headings written as HTML added where they stand in the page: the quality page's finding codes, the checks'
    categories, the data page's 指标定义 were missing from it (MkDocs reads only Markdown headings). A Markdown
    heading keeps its entry (and its children); an HTML h3 goes under the h2 above it."""
    from mkdocs.structure.toc import AnchorLink

    root = items[0] if len(items) == 1 and items[0].level == 1 else None  # the page's title, its h2 below it
    if root is None and any(link.level < 2 for link in items):
        return items  # several h1: not a page of ours
    known: dict[str, object] = {}
    stack = list(items)
    while stack:
        link = stack.pop()
        known[link.id] = link
        stack.extend(link.children)
    top: list = []
    for level, anchor, inner in _HTML_HEADING.findall(html):
        if anchor in known and (level == "3" or known[anchor] in top):
            continue  # a Markdown h3 is already its h2's child
        link = known.get(anchor) or AnchorLink(_TAG.sub("", inner).strip(), anchor, int(level))
        if level == "3" and top:
            top[-1].children.append(link)
        else:
            top.append(link)
    if not top:
        return items
    if root is not None:
        root.children = top
        return items
    return top


def on_files(files, config):
    """Report pages are files, not folders (``titles.flat_page``; ``bulk.page_file`` gives the pages rendered
    outside MkDocs the same)."""
    from xxgk.site.bulk import page_file

    for file in list(files):
        if file.is_documentation_page() and flat_page(file.src_uri):
            flat = page_file(config, file.src_uri, file.inclusion)
            flat.src_dir, flat.abs_src_path = file.src_dir, file.abs_src_path
            files.remove(file)
            files.append(flat)
    return files


def on_config(config):
    """The footer's data version and last-updated date, from ``assets/site.json`` written with the pages; and the
    search plugin's Chinese word splitter (jieba) kept quiet: it logs its dictionary loading on every build."""
    import json
    import logging

    logging.getLogger("jieba").setLevel(logging.WARNING)

    meta = Path(config["docs_dir"]) / "assets" / "site.json"
    if meta.exists():
        config["extra"].update(json.loads(meta.read_text(encoding="utf-8")))
    return config


def on_post_build(config):
    """The search plugin's index (``search/search_index.json``, fetched by every page) with its Chinese as UTF-8,
    not ``\\uXXXX`` escapes: the same JSON, ≈ 40 % of the bytes (10 % gzipped). Runs after the plugin wrote it
    (hooks come after plugins)."""
    import json

    index = Path(config["site_dir"]) / "search" / "search_index.json"
    if index.is_file() and not index.is_symlink():
        data = json.loads(index.read_text(encoding="utf-8"))
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def on_post_page(output, page, config):
    return minify_page(output)


def on_post_template(output_content, template_name, config):
    """The theme's static templates: the 404 page is a page (minified); ``sitemap.xml`` is not HTML."""
    return minify_page(output_content) if template_name.endswith(".html") else output_content


def on_env(env, config, files):
    """The theme's ``tojson`` (``assets/xxgk-shell.js``'s ``__config``) writes Chinese as UTF-8, not ``\\uXXXX``:
    half the bytes, no spaces, the same JSON. Jinja's ``htmlsafe_json_dumps`` still escapes ``<``, ``>``, ``&``
    and ``'``. ``xxgk_minify``: a fragment minified as the pages are (``minify.py``); ``xxgk_csp``: the site's
    Content-Security-Policy ``<meta>`` (``csp.py``), which ``main.html`` puts in every page's head. The templates
    are compiled once a process (``template_cache.py``)."""
    from xxgk.site import template_cache
    from xxgk.site.csp import META

    template_cache.use(env)

    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":")}
    env.globals["xxgk_csp"] = META
    env.filters["xxgk_minify"] = minify_page  # the search dialog in assets/xxgk-shell.js, minified as a page is
    return env
