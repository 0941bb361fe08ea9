"""The one HTML minifier of the site: every page MkDocs renders (``mkdocs_hooks.on_post_page`` and the 404
page, ``on_post_template``) and every bulk page rendered outside it (``bulk.Renderer.render``) goes through
:func:`minify_page`, so both ways give the same bytes (``tests/test_bulk_pages.py``).

``minify-html`` (Rust) with its spec-compliant defaults: whitespace between elements and inside text runs
collapsed where HTML renders it the same, optional closing tags and attribute quotes dropped, comments
removed. Inline scripts are left as they are (``minify_js`` off: Material's small inline scripts and the
pages' JSON chart specs keep working byte for byte), and so is text inside ``<pre>`` and ``<textarea>``.
Deterministic: the same HTML gives the same bytes. The source pages (``src/*.html``) are plain files
published as written, never minified.

>>> minify_page('<p class="a">  x  <b>y</b> </p>\\n<table>\\n<tr><td>1</td></tr>\\n</table>')
'<p class=a>x <b>y</b><table><tr><td>1</table>'
"""

from __future__ import annotations

import minify_html


def minify_page(html: str) -> str:
    """``html`` minified (see the module docstring); what the reader sees does not change."""
    return minify_html.minify(html, keep_html_and_head_opening_tags=True)
