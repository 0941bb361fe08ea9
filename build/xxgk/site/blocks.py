"""Report pages keep only their headings in Markdown; their HTML is injected after Markdown ran.

Python-Markdown re-parses every raw HTML block with a pure-Python HTML parser, which made report
pages cost MkDocs six times a plain page. ``split_html_blocks`` leaves the headings (so the page's
table of contents still works) and puts each run of HTML in a side file, named with a leading dot
so that MkDocs neither renders nor publishes it; the ``on_page_content`` hook in
``mkdocs_hooks.py`` puts the HTML back. The HTML is already escaped by the page writers.

>>> split_html_blocks("# 标题\\n<table>x</table>\\n## 二\\n<p>y</p>")
('# 标题\\n<!--xxgk:0-->\\n## 二\\n<!--xxgk:1-->', ['<table>x</table>', '<p>y</p>'])
"""

from __future__ import annotations

import json
import re
from pathlib import Path

PLACEHOLDER = re.compile(r"<!--xxgk:(\d+)-->")


def blocks_file(report_id: str) -> str:
    return f".{report_id}.blocks.json"


def split_html_blocks(markdown: str) -> tuple[str, list[str]]:
    """``(the Markdown with each run of non-heading lines as a placeholder, those runs)``: a line starting with
    ``#`` is a heading and stays; a run of other lines holding anything but whitespace becomes one block
    (stripped), and a blank run is dropped. Cut at each line feed before a ``#``, not line by line."""
    chunks = markdown.split("\n#")  # each chunk but the first starts with a heading (its # cut off)
    lines, blocks = [], []
    for i, chunk in enumerate(chunks):
        if i or chunk.startswith("#"):
            heading, _, run = chunk.partition("\n")
            lines.append(heading if not i else "#" + heading)
        else:
            run = chunk
        if text := run.strip():
            lines.append(f"<!--xxgk:{len(blocks)}-->")
            blocks.append(text)
    return "\n".join(lines), blocks


def inject_blocks(html: str, blocks_path: Path) -> str:
    """Replace the placeholders in a rendered page with the saved HTML blocks."""
    if not blocks_path.exists():
        return html
    return inject(html, json.loads(blocks_path.read_text(encoding="utf-8")))


def inject(html: str, blocks: list[str]) -> str:
    """Replace the placeholders in ``html`` with ``blocks`` (the one definition: the hook and ``bulk.py``)."""
    return PLACEHOLDER.sub(lambda m: blocks[int(m.group(1))], html)
