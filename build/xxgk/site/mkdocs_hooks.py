"""MkDocs hooks (``hooks:`` in mkdocs.yml): put the report pages' HTML blocks back (see ``blocks.py``), and
minify every page and the 404 page (``minify.py``, the same function the bulk pages go through)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from xxgk.site.blocks import blocks_file, inject_blocks
from xxgk.site.minify import minify_page


def on_page_content(html, page, config, files):
    source = PurePosixPath(page.file.src_uri)
    if source.parts[:1] not in (("r",), ("a",)):  # report pages: r/<id>.md or a/<agency>/<year>.md
        return html
    return inject_blocks(html, Path(config["docs_dir"]) / source.parent / blocks_file(source.stem))


def on_config(config):
    """The footer's data version and last-updated date, from ``assets/site.json`` written with the pages."""
    import json

    meta = Path(config["docs_dir"]) / "assets" / "site.json"
    if meta.exists():
        config["extra"].update(json.loads(meta.read_text(encoding="utf-8")))
    return config


def on_post_page(output, page, config):
    return minify_page(output)


def on_post_template(output_content, template_name, config):
    """The theme's static templates: the 404 page is a page (minified); ``sitemap.xml`` is not HTML."""
    return minify_page(output_content) if template_name.endswith(".html") else output_content


def on_env(env, config, files):
    """The theme's ``tojson`` (the page's ``__config`` script) writes Chinese as UTF-8, not ``\\uXXXX``: half the
    bytes, no spaces, the same JSON. Jinja's ``htmlsafe_json_dumps`` still escapes ``<``, ``>``, ``&`` and ``'``."""
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False, "separators": (",", ":")}
    return env
