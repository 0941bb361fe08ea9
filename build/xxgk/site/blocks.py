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
    lines, blocks, run = [], [], []

    def flush() -> None:
        if any(line.strip() for line in run):
            lines.append(f"<!--xxgk:{len(blocks)}-->")
            blocks.append("\n".join(run).strip())
        run.clear()

    for line in markdown.split("\n"):
        if line.startswith("#"):
            flush()
            lines.append(line)
        else:
            run.append(line)
    flush()
    return "\n".join(lines), blocks


def inject_blocks(html: str, blocks_path: Path) -> str:
    """Replace the placeholders in a rendered page with the saved HTML blocks."""
    if not blocks_path.exists():
        return html
    return inject(html, json.loads(blocks_path.read_text(encoding="utf-8")))


def inject(html: str, blocks: list[str]) -> str:
    """Replace the placeholders in ``html`` with ``blocks`` (the one definition: the hook and ``bulk.py``)."""
    return PLACEHOLDER.sub(lambda m: blocks[int(m.group(1))], html)
