"""Chart frames: what a chart spec shares with the same chart on other pages, published once.

A chart's spec (``render.chart``) is mostly the same on every page of a kind: the title, the trace names and
colours, the categories, the category axis, the height. Only the numbers differ: each trace's values and value
labels, the value axis (its ticks follow the numbers), the notes on missing values and the download's file name.
While a build writes its pages (inside :func:`collecting`), :func:`framed` splits a spec in two: the **frame**
(everything else) is published once as ``json/f/<name>.json``, named by the SHA-256 of its bytes, and the page
keeps only its numbers and the frame's name (``"f"``). ``assets/xxgk.js`` fetches the frame (once a frame, then
from the browser's cache) and puts the two back together (``unframe``: at each of the three levels — the spec,
its layout, each trace — the keys of the two parts are disjoint) before it draws: the chart is the same.

Naming a frame by its content keeps the page cache honest: a page whose Markdown did not change names the same
frame, and every build publishes every frame its pages name (tested: every ``"f"`` of a built site has its file,
and each page's spec put back together equals the spec before the split). Outside :func:`collecting` (a chart
drawn for a test, say) a spec is left whole.

>>> with collecting() as frames:
...     page = framed({"data": [{"type": "bar", "name": "甲", "y": [1, 2], "text": 1}],
...                    "layout": {"title": {"text": "标题"}, "yaxis": {"dtick": 1}}, "filename": "x", "c": ["a", "b"]},
...                   "x")
>>> {k: v for k, v in page.items() if k != "f"}
{'data': [{'y': [1, 2], 'text': 1}], 'layout': {'yaxis': {'dtick': 1}}, 'filename': 'x'}
>>> frames[page["f"]]
'{"data":[{"type":"bar","name":"甲"}],"layout":{"title":{"text":"标题"}},"c":["a","b"]}'
>>> unframe(json.loads(frames[page["f"]]), page)["layout"]
{'title': {'text': '标题'}, 'yaxis': {'dtick': 1}}
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

FOLDER = "json/f"  # under the site's root: <name>.json
NAME_DIGITS = 16  # hex digits of the SHA-256 naming a frame
PAGE_KEYS = ("filename",)  # the spec's own keys a page keeps
PAGE_LAYOUT_KEYS = ("annotations",)  # the layout's keys a page keeps, besides the value axis
PAGE_TRACE_KEYS = ("text", "values")  # a trace's keys a page keeps, besides its values (``x`` or ``y``)

_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_FRAMES: ContextVar[dict[str, str] | None] = ContextVar("xxgk_chart_frames", default=None)
_NAMED: ContextVar[list[str] | None] = ContextVar("xxgk_chart_frames_named", default=None)


@contextmanager
def collecting() -> Iterator[dict[str, str]]:
    """Within: :func:`framed` splits specs, and the frames the pages name gather in the dict yielded
    (``{name: JSON text}``), for the build to publish at ``FOLDER/<name>.json``."""
    frames: dict[str, str] = {}
    token = _FRAMES.set(frames)
    try:
        yield frames
    finally:
        _FRAMES.reset(token)


@contextmanager
def recording() -> Iterator[list[str]]:
    """Within (and within :func:`collecting`): the names of the frames :func:`framed` gives, in the list yielded
    — the frames one page names, for a page taken whole from the last build (``spool_reuse.py``)."""
    named: list[str] = []
    token = _NAMED.set(named)
    try:
        yield named
    finally:
        _NAMED.reset(token)


def gather(name: str, text: str) -> None:
    """Within :func:`collecting`: a frame that a page taken whole from the last build names (``spool_reuse``),
    published with the others."""
    frames = _FRAMES.get()
    if frames is not None:
        frames.setdefault(name, text)


def framed(spec: dict, category_key: str) -> dict:
    """``spec`` as a page keeps it: its numbers and its frame's name (the frame gathered by :func:`collecting`);
    ``spec`` itself outside :func:`collecting`. ``category_key``: the traces' category axis (``"x"``, or ``"y"``
    for sideways bars), so the values are the other one."""
    frames = _FRAMES.get()
    if frames is None:
        return spec
    frame, page = split(spec, category_key)
    text = _JSON.encode(frame)
    name = hashlib.sha256(text.encode("utf-8")).hexdigest()[:NAME_DIGITS]
    frames.setdefault(name, text)
    named = _NAMED.get()
    if named is not None:
        named.append(name)
    return {"f": name, **page}


def split(spec: dict, category_key: str) -> tuple[dict, dict]:
    """``(frame, page)``: at each level (the spec, its layout, each trace) ``spec``'s keys shared out between
    the two, none in both, so :func:`unframe` gives ``spec`` back."""
    value_key = "x" if category_key == "y" else "y"
    frame, page = _share({k: v for k, v in spec.items() if k not in ("data", "layout")}, PAGE_KEYS)
    layout_frame, layout_page = _share(spec.get("layout") or {}, (*PAGE_LAYOUT_KEYS, f"{value_key}axis"))
    traces = [_share(t, (value_key, *PAGE_TRACE_KEYS)) for t in spec.get("data") or []]
    frame = {"data": [t for t, _ in traces], "layout": layout_frame, **frame}
    page = {"data": [p for _, p in traces], **({"layout": layout_page} if layout_page else {}), **page}
    return frame, page


def _share(part: dict, page_keys: tuple[str, ...]) -> tuple[dict, dict]:
    frame = {k: v for k, v in part.items() if k not in page_keys}
    return frame, {k: v for k, v in part.items() if k in page_keys}


def unframe(frame: dict, page: dict) -> dict:
    """The spec :func:`framed` split (what ``assets/xxgk.js``'s ``unframe`` does in the browser)."""
    spec = {**frame, **{k: v for k, v in page.items() if k != "f"}}
    spec["layout"] = {**(frame.get("layout") or {}), **(page.get("layout") or {})}
    spec["data"] = [{**t, **p} for t, p in zip(frame.get("data") or [], page.get("data") or [], strict=True)]
    return spec
