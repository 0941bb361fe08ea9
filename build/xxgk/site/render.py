"""HTML pieces for the pages. Everything taken from a report goes through ``esc`` first.

Pages are Markdown files made of raw HTML blocks without blank lines, so Python-Markdown
passes them through untouched: report text can never become Markdown links, code or macros.

Charts never mislead: a missing value is drawn as a labelled gap (无数据), never as a zero bar; a 0 is a
zero bar labelled 0; counts are integers and large numbers read in 万; every colour comes from
``rules/palette.yaml`` (one colour per outcome on every page).

>>> esc('<script>alert(1)</script>[x](javascript:y) {{ a }} |`')
'&lt;script&gt;alert(1)&lt;/script&gt;&#91;x&#93;(javascript:y) &#123;&#123; a &#125;&#125; &#124;&#96;'
>>> fmt_number(81.0), fmt_number(12.5), fmt_number(None), fmt_wan(123456.0), fmt_wan(9999)
('81', '12.5', '—', '12.3万', '9999')
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Collection
from decimal import Decimal
from functools import cache, lru_cache

from ..catalog import rule_yaml
from ..safe import BIDI_CONTROLS, html_attr, html_text, link_url, plot_label
from .chart_frames import framed
from .labels import missing_notes, missing_word

# (and the bidirectional controls, safe.BIDI_CONTROLS, removed: one U+202E in a report's text made the
# rest of its table cell or source line read backwards — "-3+4" shown as "4+3-", the page's own 全文 link as
# 文全 — while the parser read it in logical order; names and titles lose them in safe.strip_control already)
# (and the other controls written as their codes, ``\x1b``, as the package writes a report's text — safe.shown_controls:
# a NUL, ESC or DEL of a report's text reached its source page raw, a parse error to a browser and invisible)
_MARKDOWN = str.maketrans({"[": "&#91;", "]": "&#93;", "{": "&#123;", "}": "&#125;", "|": "&#124;",
                           "`": "&#96;", "*": "&#42;", "_": "&#95;", "\\": "&#92;", "\n": " ", "\r": " ",
                           **dict.fromkeys(BIDI_CONTROLS, ""),
                           **{chr(c): f"&#92;x{c:02x}" for c in (*range(0x09), *range(0x0B, 0x0D), *range(0x0E, 0x20),
                                                                  *range(0x7F, 0xA0))}})
MISSING_LABEL = "无数据"  # how a chart shows a value that is missing (never a zero bar)
WAN = 10_000
_MARKDOWN_LINES = [(chr(k), v) for k, v in _MARKDOWN.items() if k != ord("\n")]  # for a text escaped whole
_MARKDOWN_CHARS = re.compile("[" + re.escape("".join(chr(c) for c in _MARKDOWN)) + "]")  # what _MARKDOWN maps
# JSON inside <script>: no character can end the element or start markup (report text is in the specs)
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                              "\u2029": "\\u2029"})
_SCRIPT_CHARS = re.compile("[" + re.escape("".join(chr(c) for c in _SCRIPT_SAFE)) + "]")  # what it maps
_SPEC_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))  # what json.dumps makes with these, reused
BAR_ROOM = 80  # per cent of an HTML bar cell the longest bar takes
CHART_HEIGHT = 360  # px of a chart whose layout names no height: xxgk.js's layoutFor and xxgk.css's .xxgk-chart
SHORT_LABEL = 14  # characters of a category label shown on a chart axis (the full name is in the hover)


def esc(value) -> str:
    """Escape for HTML and neutralise Markdown/Jinja characters and bidirectional overrides; None shows as an
    empty string."""
    if value.__class__ is str:
        return _ESCAPED[value]
    return "" if value is None else _ESCAPED[str(value)]


def code_text(value) -> str:
    """An identifier (a finding code) as ``esc`` gives it, with a line-break opportunity (``<wbr>``) after each
    underscore: a phone's narrow column wraps ``identity_broken`` as ``identity_`` / ``broken``, not mid-word (copied
    text is unchanged).

    >>> code_text("identity_broken")
    'identity&#95;<wbr>broken'
    """
    return esc(value).replace("&#95;", "&#95;<wbr>")


def _escape(text: str) -> str:
    return _mapped(html_text(text), _MARKDOWN_CHARS, _MARKDOWN)


class _Memo(dict):
    """``memo[text]``: ``function(text)`` of a string, remembered — up to ``size`` strings, then forgotten all at
    once (bounded memory). A dict lookup: page writers escape the same values ("0", labels) many times over."""

    def __init__(self, function, size: int):
        super().__init__()
        self.function, self.size = function, size

    def __missing__(self, text: str) -> str:
        if len(self) >= self.size:
            self.clear()
        out = self[text] = self.function(text)
        return out


_ESCAPED = _Memo(_escape, 1 << 16)


# numbers set one space apart, as a finding quotes a row's cells or the ways a glued run splits (39 60 181；3 960 181)
_NUMBER_RUN = re.compile(r"[0-9]+(?: [0-9]+)+")
NUMBER_RUN_WHOLE = 40  # characters; a longer run may wrap (a phone's screen is ≈ 40 of them)


def said(message: str) -> str:
    """A finding's message as ``esc`` gives it, each run of numbers set one space apart kept on one line: on a phone
    the list of a glued run's splits wrapped inside one split (``39 60`` / ``181``), which then read as two (audit Q,
    session 48). A run longer than ``NUMBER_RUN_WHOLE`` may still wrap.

    >>> said("可拆为多种（39 60 181；3 960 181）")
    '可拆为多种（<span class="xxgk-nowrap">39 60 181</span>；<span class="xxgk-nowrap">3 960 181</span>）'
    >>> said("第 12 行<b>") == "第 12 行&lt;b&gt;"
    True
    """
    return _NUMBER_RUN.sub(lambda m: f'<span class="xxgk-nowrap">{m.group()}</span>'
                           if len(m.group()) <= NUMBER_RUN_WHOLE else m.group(), esc(message))


def esc_lines(text: str) -> list[str]:
    """``[esc(line) for line in text.split("\\n")]``, escaped in one pass over the whole text (each character is
    escaped on its own, so escaping before splitting is the same; for a report's source text, whose lines
    are seen once).

    >>> esc_lines("a*b\\nc<d\\r\\n") == [esc("a*b"), esc("c<d\\r"), esc("")]
    True
    """
    out = html_text(text)
    for char, entity in _MARKDOWN_LINES:  # str.replace per character present: as translate, but far faster
        if char in out:  # on a long text (no entity holds a character the table maps)
            out = out.replace(char, entity)
    return out.split("\n")


def _mapped(text: str, chars: re.Pattern, table: dict) -> str:
    """``text.translate(table)``, skipped when no character of ``text`` is one ``table`` maps (``chars``, a
    regular expression's character class, finds that far faster than ``translate`` walks a non-ASCII text)."""
    return text.translate(table) if chars.search(text) else text


_label = lru_cache(maxsize=1 << 14)(plot_label)  # for strings only (0.0 and -0.0 are one key, two JSON texts)


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
            out[key] = [_label(v) if isinstance(v, str) else v for v in out[key]]  # (plot_label: others as they are)
    if "name" in out:
        out["name"] = _label(out["name"]) if isinstance(out["name"], str) else out["name"]
    return out


@cache
def palette() -> dict:
    """The chart colours of ``rules/palette.yaml`` (defined once; every chart uses them)."""
    return rule_yaml("palette.yaml")


def colour(group: str, code: str | int) -> str:
    """The colour of ``code`` in palette ``group`` (a list group takes an index); the series colour if absent."""
    entries = palette().get(group) or {}
    if isinstance(entries, list):
        return entries[int(code) % len(entries)]
    return entries.get(code, palette()["series"])


def fmt_number(value) -> str:
    """A number as printed in the reports: integers without ``.0``, other values with every digit the package holds
    (the shortest decimal that reads back as the value, never in exponent form: ``1629.258`` is not ``1629.26``).

    >>> fmt_number(1629.258), fmt_number(24252.311082), fmt_number(1234567.5), fmt_number(12.0), fmt_number(None)
    ('1629.258', '24252.311082', '1234567.5', '12', '—')
    """
    if value is None:
        return "—"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return format(Decimal(repr(value)), "f") if isinstance(value, float) else str(value)



def edition_text(value) -> str:
    """A report's table template (``reports.format``: ``2019``, ``2021``) as a page shows it: the edition's name, not a
    bare year beside the report's own (an agency page's row read 2022年度报告 · 表格格式 2021, a 2021 report to a
    reader); ``—`` where no template was told.

    >>> edition_text("2021"), edition_text("2019"), edition_text(""), edition_text(None)
    ('2021年版', '2019年版', '—', '—')
    """
    return f"{value}年版" if value else "—"

# the published metrics drawn in the palette's colours: (palette group, key); a list group takes an index
OUTCOME_SHARES = ("granted_share", "partial_share", "denied_share", "unavailable_share", "rejected_share",
                  "other_share")  # the outcome mix, in template order
DENIAL_REASONS = ("denied_state_secret", "denied_prohibited_by_law", "denied_security_stability", "denied_third_party",
                  "denied_internal_affairs", "denied_process_information", "denied_enforcement_file",
                  "denied_administrative_query")
_METRIC_PALETTE = {**{c: ("outcome_groups", c.removesuffix("_share"))
                      for c in OUTCOME_SHARES},
                   **{c: ("denial_reasons", i) for i, c in enumerate(DENIAL_REASONS)},
                   "received": ("okabe_ito", "blue"), "carried_over": ("okabe_ito", "orange"),
                   "processed": ("okabe_ito", "black"), "carried_forward": ("okabe_ito", "green"),
                   "review_total": ("outcomes", "upheld"), "litigation_total": ("okabe_ito", "orange"),
                   "corrected_share": ("outcomes", "corrected"), "normative_issued": ("okabe_ito", "blue"),
                   "normative_repealed": ("okabe_ito", "vermillion"), "normative_in_force": ("okabe_ito", "green"),
                   "licensing": ("active", "licensing"), "penalty": ("active", "penalty")}


@cache
def metric_colour(code: str) -> str:
    """The colour of a published metric on every chart: an outcome share takes its outcome's colour
    (予以公开比例 is 予以公开's green on the report page, the agency page and the compare page)."""
    group, key = _METRIC_PALETTE.get(code, ("series", ""))
    return colour(group, key) if key != "" else palette()["series"]


@lru_cache(maxsize=1 << 12, typed=True)
def fmt_wan(value) -> str:
    """Large counts in 万 (one decimal), the way Chinese statistics print them."""
    if value is None:
        return "—"
    if abs(value) >= WAN:
        return f"{value / WAN:.1f}".rstrip("0").rstrip(".") + "万"
    return fmt_number(value)


def _display(value) -> str:
    return fmt_number(value) if isinstance(value, int | float) else str(value)


def crumbs(steps: list[tuple[str, str]], here: str) -> str:
    """A deep page's place in the site, a line under its heading: 首页 › 机构索引 › ``steps`` (href, text) › ``here``
    (the page itself, not linked), hrefs written two folders deep (the report and agency pages' ``../../``)."""
    links = [("../../", "首页"), ("../../agencies/", "机构索引")] + steps
    return ('<nav class="xxgk-crumbs" aria-label="位置">' + "".join(
        f'<a href="{esc(href)}">{esc(text)}</a> › ' for href, text in links)
        + f'<span aria-current="page">{esc(here)}</span></nav>')


@lru_cache(maxsize=1 << 12, typed=True)  # (typed: True, 1 and 1.0 print differently) the same cells, many times
def cell(value, missing: str = "—") -> str:
    if value is None:
        return f'<td class="xxgk-num xxgk-missing" title="缺失（不是0）">{missing}</td>'
    return f'<td class="xxgk-num">{esc(_display(value))}</td>'


@lru_cache(maxsize=1 << 12, typed=True)
def num_cell(value, missing: str = "—") -> str:
    """A value cell of a table styled ``nums`` (``xxgk.css`` right-aligns all its columns but the first, so the
    cell needs no class of its own); a missing value is :func:`cell`'s (its colour and title)."""
    return cell(value, missing) if value is None else f"<td>{esc(_display(value))}</td>"


def table(headers: list[str], rows: list[list[str]], table_id: str = "", sortable: bool = False,
          css: str = "", caption: str = "", head_rows: list[list[tuple[str, int, int]]] | None = None,
          extra: str = "", row_headers: bool = False) -> str:
    """``rows`` are lists of ready ``<td>`` strings; headers are escaped here. Tables carry data
    attributes, not classes, so that Material's table style (``table:not([class])``) still applies.

    ``row_headers``: each row's first cell is its label (a report page's 予以公开, 可读性), written as
    ``<th scope="row">`` (:func:`row_header`) so that a screen reader names the row with each of its values.

    ``head_rows`` replaces the single header row by grouped rows of ``(label, colspan, rowspan)`` (the
    official template's 法人或其他组织 over its five columns); sorting is then off. A sortable table's
    headers become buttons with ``aria-sort`` in ``assets/xxgk.js``. ``extra``: further ready attributes
    (``report_csv.csv_attr``)."""
    if row_headers:
        rows = [[row_header(row[0]), *row[1:]] if row else row for row in rows]
    attrs = (f' id="{table_id}"' if table_id else "") + (" data-sortable" if sortable and not head_rows else "") + (
        f' data-style="{css}"' if css else "") + extra
    wide = set() if head_rows or not rows else {i for i, c in enumerate(rows[0]) if _WIDE_CELL.search(c)}
    if wide and len(headers) == len(rows[0]):
        return _stacked_table(headers, rows, wide, attrs, caption)
    if head_rows:
        head = "\n".join("<tr>" + "".join(
            f'<th scope="{"colgroup" if c > 1 else "col"}"' + (f' colspan="{c}"' if c > 1 else "")
            + (f' rowspan="{r}"' if r > 1 else "") + f">{esc(label)}</th>" for label, c, r in row) + "</tr>"
            for row in head_rows)
    else:
        head = "<tr>" + "".join(f"<th>{esc(h)}</th>" for h in headers) + "</tr>"  # in <thead>: columns already
    body = "<tr>" + "</tr>\n<tr>".join(map("".join, rows)) + "</tr>" if rows else ""
    cap = f"<caption>{esc(caption)}</caption>\n" if caption else ""
    return f"<table{attrs}>\n{cap}<thead>{head}</thead>\n<tbody>\n{body}\n</tbody>\n</table>"


_DATA_CELL = re.compile(r"^<td\b(.*)</td>$", re.S)


def row_header(cell: str) -> str:
    """A ready ``<td>`` cell as its row's header, its attributes and content kept; any other cell (a group's
    ``<th scope="rowgroup">``) as it is.

    >>> row_header('<td data-s><a href="#L3">予以公开</a></td>'), row_header('<th scope="rowgroup">分组</th>')
    ('<th scope="row" data-s><a href="#L3">予以公开</a></th>', '<th scope="rowgroup">分组</th>')
    """
    return _DATA_CELL.sub(lambda m: f'<th scope="row"{m.group(1)}</th>', cell, count=1)


def carded(row: list[str], headers: list[str]) -> list[str]:
    """A row of ready ``<td>`` strings with the attributes a phone's card layout reads (xxgk.css ``data-cards``): the
    first cell (the row's link) ``data-title``, every other its column's name as ``data-label``. ``assets/xxgk.js``
    (cards) writes them after the page is shown; written in the page instead (with ``data-cards`` on the table), a
    table at the top of a page is a card list from its first paint: the agency page's years grew from 253 to 590 px
    on a 390 px phone once the script had run, and moved the page under the reader's finger (session 36).

    >>> carded(['<td><a href="x">2024年度报告</a></td>', '<td class="n">5</td>'], ["报告", "新收申请（件）"])
    ['<td data-title><a href="x">2024年度报告</a></td>', '<td data-label="新收申请（件）" class="n">5</td>']
    """
    return [c.replace("<td", "<td data-title" if i == 0 else f'<td data-label="{esc(headers[i])}"', 1)
            for i, c in enumerate(row)]


def grouped_table(headers: list[str], groups: list[tuple[str, list[list[str]]]], css: str = "") -> str:
    """A table whose rows come in groups (an agency's peer medians, year by year): each group a ``<tbody>`` headed
    by a row of its own (``th scope=rowgroup`` over the whole width, so a screen reader names the group with each
    cell), instead of a column repeating the group on every row: one column fewer, so the table fits a phone.
    ``groups`` are (label, rows of ready ``<td>`` strings); the label is escaped here; each row's first cell is its
    header (:func:`row_header`)."""
    attrs = f' data-style="{css}"' if css else ""
    head = "<tr>" + "".join(f"<th>{esc(h)}</th>" for h in headers) + "</tr>"
    bodies = "\n".join(
        f'<tbody>\n<tr><th scope="rowgroup" colspan="{len(headers)}">{esc(label)}</th></tr>\n<tr>'
        + "</tr>\n<tr>".join("".join([row_header(row[0]), *row[1:]]) for row in rows) + "</tr>\n</tbody>"
        for label, rows in groups if rows)
    return f"<table{attrs}>\n<thead>{head}</thead>\n{bodies}\n</table>"


# a cell of running text (xxgk-prose) or a file to download: a table with such cells stacks on a phone
_WIDE_CELL = re.compile(r'^<td class="xxgk-prose"|<a [^>]*\bdownload\b')
_CELL_START = re.compile(r"^<(td|th)\b")


def _stacked_table(headers: list[str], rows: list[list[str]], wide: set[int], attrs: str, caption: str) -> str:
    """:func:`table` for a table whose columns ``wide`` hold running text or a file to download (the checks, the
    data dictionary, an agency's findings year by year, the downloads). On a phone (``xxgk.css``,
    ``data-stack``) each row is a grid: the short columns share its first line under their headers, each wide
    cell takes a line of its own, labelled with its header (``data-label``), so nothing scrolls sideways at
    390 px; on a desktop it is the same table as before. The explicit ARIA roles keep it a table for screen
    readers whatever ``display`` the phone layout gives its rows (WebKit drops the semantics of a ``tr`` shown
    as a grid)."""
    def marked(index: int, text: str, role: str) -> str:
        label = f' data-label="{esc(headers[index])}"' if index in wide else ""
        return _CELL_START.sub(lambda m: f'<{m.group(1)} role="{role if m.group(1) == "td" else "rowheader"}"'
                               f"{label}", text, count=1)

    head = '<tr role="row">' + "".join(f'<th role="columnheader"{" data-wide" if i in wide else ""}>{esc(h)}</th>'
                                       for i, h in enumerate(headers)) + "</tr>"
    body = "\n".join('<tr role="row">' + "".join(marked(i, c, "cell") for i, c in enumerate(row)) + "</tr>"
                     for row in rows)
    cap = f"<caption>{esc(caption)}</caption>\n" if caption else ""
    return (f'<table{attrs} role="table" data-stack="{len(headers) - len(wide)}">\n{cap}<thead role="rowgroup">'
            f'{head}</thead>\n<tbody role="rowgroup">\n{body}\n</tbody>\n</table>')


def _short(label) -> str:
    text = str(label)
    return text if len(text) <= SHORT_LABEL else text[:SHORT_LABEL - 1] + "…"


def _nice_step(top: float, ticks: int = 5) -> float:
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def value_axis(values: list, stacked: bool = False, totals: list | None = None) -> dict:
    """Plotly axis settings for counts: integer ticks, and ticks in 万 when the largest value reaches 10,000."""
    present = [v for v in (totals if stacked and totals else values) if v is not None]
    top = max(present, default=0)
    integral = all(float(v).is_integer() for v in values if v is not None)
    axis = {"tickformat": ",d" if integral else ",.1~f"}
    if top == 0:
        return axis | {"range": [0, 1], "dtick": 1}  # all zero: zero bars on a visible axis
    step = _nice_step(top)
    if top >= WAN:
        ticks = [_plain(i * step) for i in range(int(top // step) + 2)]
        axis.update({"tickmode": "array", "tickvals": ticks, "ticktext": [fmt_wan(t) for t in ticks]})
    elif integral:
        axis["dtick"] = max(1, round(step))  # counts: never a tick at 0.5
    return axis


def _plain(value):
    """Integral floats as ints (81.0 → 81) for compact JSON; None and other values unchanged."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _bar_trace(trace: dict, horizontal: bool, labelled: bool, unit: str) -> dict:
    """A bar trace with missing values left as gaps (annotated separately) and values as text labels."""
    xs, ys = list(trace.get("x") or []), list(trace.get("y") or [])
    out = {k: v for k, v in trace.items() if k not in ("x", "y")}
    values = [_plain(v) for v in ys]
    out.update({"x": values, "y": xs, "orientation": "h"} if horizontal else {"x": xs, "y": values})
    if labelled:  # xxgk.js puts the labels outside the bars and writes the hover text
        out["text"] = [fmt_wan(v) if v is not None else "" for v in ys]
    return out


def _missing_annotations(data: list[dict], horizontal: bool, stacked: bool = False,
                         absent: Collection[str] = ()) -> list[dict]:
    """One label per category whose value is missing in every trace, saying why (``missing_word`` of the traces'
    ``xxgk_why``, the data's ``metric_values.missing``: 无数据（报告未印此数）, 无从计算 …; 无数据 alone where the
    traces' reasons differ; 部分无数据 when missing in some; 无报告 for a category in ``absent``: an agency page's year
    without a report), and a 0 where stacked series are all zero (nothing would be drawn, and stacked bars carry
    no value labels)."""
    all_bars = [t for t in data if t.get("type", "bar") == "bar"]
    if not all_bars:
        return []
    categories = list(all_bars[0].get("x") or [])
    if not stacked and all(len(ys := t.get("y") or []) >= len(categories) and None not in ys for t in all_bars):
        return []  # no gap anywhere (what the loop below would find)
    notes = []
    for i, category in enumerate(categories):
        # a series split by template edition (``xxgk_other``) does not apply in the other edition's years
        bars = [t for t in all_bars if not (t.get("xxgk_other") or [False] * (i + 1))[i]]
        if not bars:  # no series applies that year (a measure its report's template lacks): said, as the table says
            notes.append({"text": NOT_APPLICABLE} | ({"x": 0, "y": category} if horizontal else
                                                     {"x": category, "y": 0}))
            continue
        gaps = [t for t in bars if i >= len(t.get("y") or []) or t["y"][i] is None]
        if not gaps and (not stacked or any(t["y"][i] for t in bars)):
            continue  # drawn, or unstacked bars that carry their own value labels (a 0 reads 0)
        words = {_gap_word(category, absent, _why(t, i)) for t in gaps}
        text = ("0" if not gaps else (words.pop() if len(words) == 1 else MISSING_LABEL) if len(gaps) == len(bars)
                else "部分" + MISSING_LABEL)
        drawn = [t["y"][i] or 0 for t in bars if t not in gaps and i < len(t.get("y") or [])]
        at = sum(drawn) if stacked else max(drawn, default=0)  # beside the drawn parts
        # xxgk.js styles the notes (grey, beside the bar's end; the grey is palette.yaml's ``missing``); 部分无数据
        # over unstacked bars goes a label's height higher, above the tallest drawn bar's own value label (session
        # 53: centred on the year at that bar's end, it printed over the label: 部分11数据)
        raised = {"yshift": PARTIAL_NOTE_RAISED} if gaps and drawn and not stacked and not horizontal else {}
        notes.append({"text": text} | ({"x": _plain(at), "y": category} if horizontal else
                                       {"x": category, "y": _plain(at)}) | raised)
    return notes


MARKS = "①②③④⑤⑥⑦⑧⑨⑩"  # a missing value's reason on a chart of years, said under it (``_marked``)
PARTIAL_NOTE_RAISED = 20  # px: a value label's line (12 px type, ≈ 16 px high) and the 2 px xxgk.js puts under notes


def _marked(notes: list[dict], horizontal: bool) -> tuple[list[dict], str]:
    """``notes`` whose reasons (无数据（报告未印此数）…) are too long for a year's column (a phone's six years are
    ≈ 45 px each: two such words ran into each other) read 无数据① …, and the key under the chart that says each
    mark's reason in text (no hover, no script: ``<p class="xxgk-chart-key">``); sideways bars keep their words."""
    words = list(dict.fromkeys(n["text"] for n in notes if n["text"].startswith(MISSING_LABEL + "（")))
    if horizontal or not words or len(words) > len(MARKS):
        return notes, ""
    mark = {w: MISSING_LABEL + MARKS[i] for i, w in enumerate(words)}
    key = "；".join(f"{MARKS[i]} {w[len(MISSING_LABEL) + 1:-1]}" for i, w in enumerate(words))
    return ([n | {"text": mark[n["text"]]} if n["text"] in mark else n for n in notes],
            f'<p class="xxgk-chart-key"><small>图中无数据的原因：{esc(key)}（详见数据表下的说明）。</small></p>')


def _why(trace: dict, i: int) -> str | None:
    """The reason the value ``i`` of ``trace`` is missing (its ``xxgk_why``: ``metric_values.missing``), if given."""
    why = trace.get("xxgk_why") or []
    return why[i] if i < len(why) else None


def _gap_word(category: str, absent: Collection[str], why: str | None = None) -> str:
    """What a category with no value is: 无报告 (``absent``), else the word of its reason (``labels.missing_word``:
    无数据（报告未印此数）, 无从计算, 不适用 …; 无数据 without one)."""
    return NO_REPORT if category in absent else missing_word(why)


NOT_APPLICABLE = "不适用"  # a data table's cell of a year whose template edition has no such measure
NO_REPORT = "无报告"  # a chart's category (an agency page's year) of which the site has no report


def _data_table(data: list[dict], absent: Collection[str] = ()) -> str:
    """A chart's numbers as a table a reader can compare across: a row a series, a column a category (the
    agency page's years), in the order the traces give them; a value missing says why (its trace's ``xxgk_why``:
    无数据（报告未印此数）, 无从计算 …; never 0), each reason's sentence in a note under the table, a category a
    series does not give is 无数据, and a year of the other template edition (``xxgk_other``) 不适用. The
    chart's CSV download keeps one line a value (``assets/xxgk.js``), the form a program reads."""
    categories = list(dict.fromkeys(x for t in data for x in (t.get("x") or t.get("labels") or [])))
    rows, reasons = [], set()
    for trace in data:
        xs = trace.get("x") or trace.get("labels") or []
        ys = trace.get("y") or trace.get("values") or []
        other = trace.get("xxgk_other") or [False] * len(xs)
        why = trace.get("xxgk_why") or [None] * len(xs)
        given = {x: (y, skip, w) for x, y, skip, w in zip(xs, ys, other, why, strict=False)}
        cells = [f"<td>{esc(trace.get('name', ''))}</td>"]
        for category in categories:
            value, skip, w = given.get(category, (None, False, None))
            if value is None and not skip and category not in absent:
                reasons.add(w)
            cells.append(f"<td>{NOT_APPLICABLE}</td>" if skip else num_cell(value, _gap_word(category, absent, w)))
        rows.append(cells)
    notes = "".join(f"<p><small>{esc(note)}</small></p>" for note in missing_notes(reasons))
    return table(["系列", *map(str, categories)], rows, css="nums", row_headers=True) + notes  # (xxgk.css: numbers
    # right-aligned; a series' name heads its row, th scope=row, read with each year's value)


def chart(data: list[dict], title: str, x_title: str = "", y_title: str = "", filename: str = "xxgk",
          extra_layout: dict | None = None, horizontal: bool = False, data_table: bool = True,
          unit: str = "", absent: Collection[str] = ()) -> str:
    """A plotly chart drawn by ``assets/xxgk.js`` from inline JSON, with a table equivalent. The JSON is compact
    (``compact_spec``) and, while a build writes its pages, keeps only the chart's numbers and the name of its
    frame (``chart_frames.py``).

    Traces give categories as ``x`` and values as ``y`` (or pie ``labels``/``values``) and may give
    ``marker.color`` from :func:`colour`; a missing value (None) is drawn as a 无数据 label, never as 0.
    ``horizontal`` draws bars sideways, which keeps long agency names readable on a phone.
    ``data_table=False`` when the page already shows the chart's numbers in a table of its own. ``absent``: the
    categories with no report at all (an agency page's years), labelled 无报告 instead of 无数据. A trace's
    ``xxgk_why`` gives the reason of each missing value (``metric_values.missing``), said in its place (无从计算 for a
    share of 0, 无数据（报告未印此数） …) and in full under the data table.
    The chart element is ``role=img`` with a name and holds no focusable control (plotly's toolbar is
    off; the PNG and CSV download buttons sit beside it, outside the image).
    """
    unit = unit or y_title
    # the unit goes in the chart's title, not up the value axis (a single 件 turned on its side reads as 牛)
    if y_title and y_title not in title:
        title = f"{title}（{y_title}）"
    fallback = _data_table(data, absent) if data_table else ""
    zero = _all_zero(data, absent)
    data = [_plot_trace(t) for t in data]  # plotly reads HTML in labels: outside text goes in as text
    stacked = (extra_layout or {}).get("barmode") == "stack"
    bars = [t for t in data if t.get("type", "bar") == "bar"]
    values = [v for t in bars for v in (t.get("y") or [])]
    categories = list(bars[0].get("x") or []) if bars else []
    totals = [sum(t["y"][i] or 0 for t in bars if i < len(t.get("y") or [])) for i in range(len(categories))
              ] if stacked else None  # (the value axis reads them only for stacked bars)
    # xxgk.js adds the common settings (legend below, separators, margins)
    layout = {"title": {"text": plot_label(title)}}
    key = ""
    if notes := _missing_annotations(data, horizontal, stacked, absent):
        notes, key = _marked(notes, horizontal)
        layout["annotations"] = notes
    category_axis = {"type": "category"}
    if any(_short(c) != str(c) for c in categories):  # long names shortened on the axis (full name in the hover)
        category_axis |= {"tickmode": "array", "tickvals": categories, "ticktext": [_short(c) for c in categories]}
    number_axis = value_axis(values, stacked, totals)
    if horizontal:
        height = max(300, 140 + 28 * len(categories))
        layout.update({"xaxis": number_axis, "yaxis": category_axis | {"autorange": "reversed"}, "height": height})
        layout["legend"] = {"y": -round(70 / (height - 110), 3)}  # below the value axis and its title
    elif bars:
        layout.update({"xaxis": category_axis | ({"title": {"text": plot_label(x_title)}} if x_title else {}),
                       "yaxis": number_axis})
    labelled = not stacked  # value labels on every bar (a 0 reads 0); stacked bars are too thin for them
    drawn = [_bar_trace(t, horizontal, labelled, unit) if t.get("type", "bar") == "bar" else t for t in data]
    drawn = [{k: v for k, v in t.items() if k not in ("xxgk_other", "xxgk_why")} if "xxgk_other" in t
             or "xxgk_why" in t else t for t in drawn]
    layout.update(extra_layout or {})
    category_key = "y" if horizontal else "x"
    spec = _SPEC_JSON.encode(framed(compact_spec({"data": drawn, "layout": layout, "filename": filename, "unit": unit,
                                                  "note": palette()["missing"]}, category_key), category_key))
    spec = _mapped(spec, _SCRIPT_CHARS, _SCRIPT_SAFE)
    # the box is the drawn chart's height from the first paint (xxgk.css: CHART_HEIGHT px unless said here): it grew
    # 20 px when drawn, as the reader scrolled near it, and moved what was under the reader's finger
    height = layout.get("height", CHART_HEIGHT)
    tall = f' style="min-height:{int(height)}px"' if height != CHART_HEIGHT and not zero else ""
    # a chart of nothing but zeros is not drawn (xxgk.js, xxgk.css: data-zero, a box of no height): its caption names
    # it and says so, its data table and CSV give the zeros
    div = (f'<figure class="xxgk-figure"><div class="xxgk-chart"{tall}{" data-zero" if zero else ""} role="img" '
           f'aria-label="图表：{esc(title)}"></div>'
           f'<script type="application/json" class="xxgk-spec">{spec}</script>{key}')
    nothing = ZERO_CAPTION.format(title=esc(title)) if zero else ""
    if not data_table:  # the chart draws its title; the caption says where its numbers are
        return div + f"<figcaption>{nothing}数据见本页表格。</figcaption></figure>"
    return f"{div}<figcaption>{nothing}数据见下方数据表。</figcaption>\n" \
           f"<details><summary>{esc(title)}：数据表</summary>\n{fallback}\n</details></figure>"


# said in place of a chart whose every value is 0 (no bar, a stacked chart not even a 0): a citizen looking for why an
# agency that denied nothing denied requests saw a blank 540 px box on a phone (session 46), then the same box with
# this caption under it (session 47: the box is no longer drawn, so the caption names the chart plotly would have)
ZERO_CAPTION = "{title}：各项数值都是0，故不绘图。"


def _all_zero(data: list[dict], absent: Collection[str] = ()) -> bool:
    """Whether every value of the bar traces ``data`` is 0 (a category without a report aside): nothing to draw.
    A missing value (None) of a category with a report is no 0.

    >>> _all_zero([{"x": ["2024年", "2025年"], "y": [None, 0]}], ["2024年"])
    True
    >>> _all_zero([{"x": ["2025年"], "y": [None]}]), _all_zero([{"x": ["2024年", "2025年"], "y": [0, 1]}])
    (False, False)
    """
    seen = False
    for trace in data:
        if trace.get("type", "bar") != "bar":
            return False
        for category, value in zip(trace.get("x") or [], trace.get("y") or [], strict=False):
            if value is None and category in absent:
                continue
            if value != 0:
                return False
            seen = True
    return seen


def _as_js_text(value) -> str | None:
    """A value as JavaScript's ``String()`` writes a JSON number (shortest round trip, as ``json.dumps``), or None
    where the two may differ: a number Python writes with an exponent (``1e-05``; JavaScript: ``0.00001``)."""
    if value is None:
        return ""
    text = json.dumps(value)
    return None if "e" in text or "E" in text else text


def compact_spec(spec: dict, category_key: str) -> dict:
    """The same chart in fewer bytes, expanded back by ``assets/xxgk.js`` (``expand``) before anything reads
    it: the categories every bar trace shares are written once (``"c"``), and a trace's value labels that
    read exactly as its values (``fmt_wan`` below 10,000, and "" for a gap) become ``"text": 1``.

    >>> compact_spec({"data": [{"x": ["甲", "乙"], "y": [5, None], "text": ["5", ""]},
    ...                         {"x": ["甲", "乙"], "y": [20000, 1], "text": ["2万", "1"]}]}, "x")
    {'data': [{'y': [5, None], 'text': 1}, {'y': [20000, 1], 'text': ['2万', '1']}], 'c': ['甲', '乙']}
    """
    data = [dict(t) for t in spec["data"]]
    value_key = "x" if category_key == "y" else "y"
    for t in data:
        if t.get("type", "bar") == "bar" and isinstance(t.get("text"), list) \
                and t["text"] == [_as_js_text(v) for v in t.get(value_key) or []]:
            t["text"] = 1
    bars = [t for t in data if t.get("type", "bar") == "bar"]
    shared = bars[0].get(category_key) if bars else None
    if len(bars) > 1 and isinstance(shared, list) and all(t.get(category_key) == shared for t in bars):
        for t in bars:
            del t[category_key]
        return {**spec, "data": data, "c": shared}
    return {**spec, "data": data}


def html_bars(rows: list[tuple[str, str, float | None]], title: str, unit: str, colour_hex: str = "",
              head: str = "报告") -> str:
    """A bar chart in plain HTML (no plotly): a table whose value cells carry a bar, for pages that must
    stay light (the home page). ``rows`` are ``(label, href, value)``; a missing value reads 无数据; ``head``
    heads the label column."""
    colour_hex = colour_hex or palette()["series"]
    top = max((v for _, _, v in rows if v is not None), default=0) or 1
    body = []
    for label, href, value in rows:
        name = f'<a href="{esc(href)}">{esc(label)}</a>' if href else esc(label)
        if value is None:
            bar = f'<span class="xxgk-nodata">{MISSING_LABEL}</span>'
        else:
            width = f"{BAR_ROOM * value / top:.1f}"  # the longest bar leaves room for its value label
            bar = (f'<span class="xxgk-bar" style="width:{width}%;background:{colour_hex}"></span>'
                   f'<span class="xxgk-bar-value">{esc(fmt_wan(value))}</span>')
        body.append([f'<th scope="row">{name}</th>', f'<td class="xxgk-bar-cell">{bar}</td>'])
    return table([head, f"数量（{unit}）"], body, css="bars", caption=title)


def plain_cell(value) -> str:
    """A value cell without a link (right-aligned by the grid table style in xxgk.css)."""
    if value.__class__ is str:  # (the tables' cells, as read from the package)
        return _PLAIN_CELLS[value]
    return '<td class="m">—</td>' if value is None else f"<td>{esc(_display(value))}</td>"


_PLAIN_CELLS = _Memo(lambda text: f"<td>{esc(text)}</td>", 1 << 12)
