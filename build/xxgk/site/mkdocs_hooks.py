"""MkDocs hooks (``hooks:`` in mkdocs.yml): put the report pages' HTML blocks back (see ``blocks.py``)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from xxgk.site.blocks import blocks_file, inject_blocks


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
