"""HTML pieces for the pages. Everything taken from a report goes through ``esc`` first.

Pages are Markdown files made of raw HTML blocks without blank lines, so Python-Markdown
passes them through untouched: report text can never become Markdown links, code or macros.

>>> esc('<script>alert(1)</script>[x](javascript:y) {{ a }} |`')
'&lt;script&gt;alert(1)&lt;/script&gt;&#91;x&#93;(javascript:y) &#123;&#123; a &#125;&#125; &#124;&#96;'
"""

from __future__ import annotations

import html
import json
from functools import lru_cache

from ..safe import html_attr, html_text, link_url, plot_label

_MARKDOWN = str.maketrans({"[": "&#91;", "]": "&#93;", "{": "&#123;", "}": "&#125;", "|": "&#124;",
                           "`": "&#96;", "*": "&#42;", "_": "&#95;", "\\": "&#92;", "\n": " ", "\r": " "})


def esc(value) -> str:
    """Escape for HTML and neutralise Markdown/Jinja characters; None shows as an empty string."""
    return "" if value is None else _escape(str(value))


@lru_cache(maxsize=1 << 16)  # page writers escape the same values ("0", labels) many times over
def _escape(text: str) -> str:
    return html_text(text).translate(_MARKDOWN)


def link(url, text=None, rel: str = "nofollow noopener") -> str:
    """``<a href>`` to an outside URL when it is ``http``/``https``; otherwise the text alone, escaped.

    >>> link("javascript:alert(1)")
    'javascript:alert(1)'
    >>> link("https://a.gov.cn/?a=1&b=2", "来源")
    '<a href="https://a.gov.cn/?a=1&amp;b=2" rel="nofollow noopener">来源</a>'
    """
    shown = esc(url if text is None else text)
    safe = link_url(url)
    return shown if safe is None else f'<a href="{html_attr(safe)}" rel="{rel}">{shown}</a>'


def _plot_trace(trace: dict) -> dict:
    """A trace whose names and categories plotly will show as text, never as its label HTML."""
    out = dict(trace)
    for key in ("x", "y", "labels"):
        if isinstance(out.get(key), list):
            out[key] = [plot_label(v) for v in out[key]]
    if "name" in out:
        out["name"] = plot_label(out["name"])
    return out


def cell(value, missing: str = "—") -> str:
    if value is None:
        return f'<td class="xxgk-num xxgk-missing" title="缺失（不是0）">{missing}</td>'
    return f'<td class="xxgk-num">{esc(value)}</td>'


def table(headers: list[str], rows: list[list[str]], table_id: str = "", sortable: bool = False,
          css: str = "") -> str:
    """``rows`` are lists of ready ``<td>`` strings; headers are escaped here. Tables carry data
    attributes, not classes, so that Material's table style (``table:not([class])``) still applies."""
    attrs = (f' id="{table_id}"' if table_id else "") + (" data-sortable" if sortable else "") + (
        f' data-style="{css}"' if css else "")
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "\n".join("<tr>" + "".join(r) + "</tr>" for r in rows)
    return f"<table{attrs}>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def chart(data: list[dict], title: str, x_title: str = "", y_title: str = "", filename: str = "xxgk",
          extra_layout: dict | None = None, horizontal: bool = False, data_table: bool = True) -> str:
    """A plotly chart drawn by ``assets/xxgk.js`` from inline JSON, with a table equivalent.

    Traces give categories as ``x`` and values as ``y`` (or pie ``labels``/``values``);
    ``horizontal`` draws bars sideways, which keeps long agency names readable on a phone.
    ``data_table=False`` when the page already shows the chart's numbers in a table of its own.
    """
    rows = []
    for trace in data:
        xs = trace.get("x") or trace.get("labels") or []
        ys = trace.get("y") or trace.get("values") or []
        for x, y in zip(xs, ys, strict=False):
            rows.append([f"<td>{esc(trace.get('name', ''))}</td>", f"<td>{esc(x)}</td>", cell(y)])
    data = [_plot_trace(t) for t in data]
    layout = {"title": {"text": plot_label(title)},
              "xaxis": {"title": {"text": plot_label(x_title)}, "automargin": True},
              "yaxis": {"title": {"text": plot_label(y_title)}, "automargin": True},
              "legend": {"orientation": "h", "y": -0.15, "yanchor": "top"}}
    if horizontal:
        data = [{**t, "x": t.get("y"), "y": t.get("x"), "orientation": "h"} for t in data]
        categories = max((len(t.get("y") or []) for t in data), default=1)
        layout.update({"xaxis": layout["yaxis"] | {"title": {"text": plot_label(y_title)}},
                       "yaxis": {"automargin": True, "autorange": "reversed"},
                       "height": max(300, 120 + 28 * categories)})
    layout.update(extra_layout or {})
    spec = json.dumps({"data": data, "layout": layout, "filename": filename}, ensure_ascii=False,
                      separators=(",", ":"))
    div = f'<div class="xxgk-chart" role="img" aria-label="{esc(title)}" data-spec="{html.escape(spec)}"></div>'
    if not data_table:
        return div + f"\n<p><small>{esc(title)}：数据见本页表格。</small></p>"
    fallback = table(["系列", "类别", "数值"], rows)
    return f"{div}\n<details><summary>{esc(title)}：数据表</summary>\n{fallback}\n</details>"


def plain_cell(value) -> str:
    """A value cell without a link (right-aligned by the grid table style in xxgk.css)."""
    return '<td class="m">—</td>' if value is None else f"<td>{esc(value)}</td>"


def fmt_number(value) -> str:
    if value is None:
        return "—"
    return f"{value:g}" if isinstance(value, float) else str(value)
