"""A PDF page's ruled tables, each found from its own rules: those of the other tables on the page do not move its
column borders, and a row left open at the page's top or foot is closed.

The table finder (pdfplumber's ``find_tables``) snaps the rules of the whole page at once: it clusters every vertical
rule whose x lies within ``snap_x_tolerance`` (3 pt) of the next one and moves the whole cluster to its mean. On a page
holding two tables whose columns differ (table 三's ten and table 四's fifteen, as every report prints them one below
the other), the borders of both chain into one cluster wherever they fall a few points apart, and a border of table
四 moved by up to six points, to the mean of table 三's many row segments: a number printed left-aligned just right
of it (as a browser prints a web page, and Word a cell's default) then fell in the cell before it, and the cell of
``6`` and ``5`` read ``6 5`` (unreadable, both lost) or, the cell before blank, ``5`` was published in the column
before its own. Each table found is found again from the drawing objects of its own rows' band of the page alone
(``_band``): its rules are then snapped among themselves only. A page of one table and no other rule is read as
before (nothing else to chain with); where finding a table again gives anything but one table overlapping it, the
first finding stays.

A browser printing a bordered table (``border-collapse``) over a page break draws no rule above the first row of the
next page (the rule between the two rows was drawn, once, at the foot of the page before): the row's column rules
start at the page's top with nothing joining them, and the finder, which needs a rule on every side of a cell,
began the table at the row below. The row's text was read as lines outside the table — its label wrapped around its
numbers, one cell of its numbers wrapped too — and its numbers placed by the text's reading: a total of ``34``
printed ``3`` over ``4`` made a row of seven numbers out of ``3`` and the six before it, each published in the column
before its own. Where a table's two outer column rules and at least one between them go on past its top (or foot)
by a row's height at least, and end there together, a rule is taken to close the row there (``_open_ends``).
"""

from __future__ import annotations

# points beyond a table's outline (above and below) a drawing object may reach and still be the table's: the width
# of a border drawn as a filled rectangle, and a little more (a table below, a rule under a heading, are further off)
BAND = 1.5
_DRAWN = frozenset({"line", "rect", "curve"})
OPEN_ROW = 6.0  # points column rules must go on past a table's top or foot to make a row there (a line of text)
EVEN = 1.0  # points within which the open ends of a row's column rules agree (they end on one line)
TOUCH = 1.5  # points within which a column rule reaches the table's top (or foot) rule
# tables on a page past which it is read as the finder first found it: each table found again costs a pass over the
# page's drawing objects and a finding in its band (a report's page holds a few tables; a page of 800 tiny ruled
# boxes took 7.3 CPU s instead of 2.6 found again, and the objects a page may draw allow thousands)
MAX_TABLES = 20


def find_tables(page) -> list:
    """The ruled tables of ``page`` (a pdfplumber page), in the finder's order, each found from its own rules, and
    a row left open above or below a table closed; as the finder finds them on a page of more than ``MAX_TABLES``."""
    tables = page.find_tables()
    if not tables or len(tables) > MAX_TABLES:
        return tables
    settings: dict = {}
    if closing := _open_ends(page, tables):
        settings = {"explicit_horizontal_lines": closing}
        tables = page.find_tables(settings)
    if len(tables) == 1 and not _other_rules(page, tables[0].bbox):
        return tables
    out = []
    for table in tables:
        top, bottom = table.bbox[1] - BAND, table.bbox[3] + BAND
        own = {"explicit_horizontal_lines": [e for e in closing if top <= e["top"] <= bottom]} if closing else {}
        again = [t for t in _band(page, table.bbox).find_tables(own) if _overlap(t.bbox, table.bbox)]
        out.append(again[0] if len(again) == 1 else table)
    return out


def _open_ends(page, tables) -> list[dict]:
    """Rules (pdfplumber edges) closing the rows left open above and below ``tables``: where the column rules
    going on past a table's top (foot) by ``OPEN_ROW`` points at least include both its outer ones and one between,
    and end within ``EVEN`` of each other, with no rule across there already."""
    verticals, horizontals = page.vertical_edges, page.horizontal_edges
    out = []
    for table in tables:
        x0, top, x1, bottom = table.bbox
        inside = [e for e in verticals if x0 - TOUCH <= e["x0"] <= x1 + TOUCH]
        for edge_y, beyond in ((top, lambda e, y=top: y - e["top"]), (bottom, lambda e, y=bottom: e["bottom"] - y)):
            reaching = [e for e in inside if e["top"] <= edge_y + TOUCH and e["bottom"] >= edge_y - TOUCH
                        and beyond(e) >= OPEN_ROW]
            if not reaching:
                continue
            ends = [edge_y - beyond(e) if edge_y == top else edge_y + beyond(e) for e in reaching]
            xs = sorted({round(e["x0"]) for e in reaching})
            if max(ends) - min(ends) > EVEN or len(xs) < 3 or xs[0] > x0 + TOUCH or xs[-1] < x1 - TOUCH:
                continue
            y = min(ends) if edge_y == top else max(ends)
            if any(abs(h["top"] - y) <= EVEN and h["x0"] <= x0 + TOUCH and h["x1"] >= x1 - TOUCH for h in horizontals):
                continue
            out.append({"x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0,
                        "orientation": "h", "object_type": "line"})
    return out


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _band(page, bbox):
    """``page`` with only its drawing objects that reach into the band of rows ``bbox`` spans (its text kept)."""
    top, bottom = bbox[1] - BAND, bbox[3] + BAND
    return page.filter(lambda obj: obj.get("object_type") not in _DRAWN or (
        obj["bottom"] >= top and obj["top"] <= bottom))


def _other_rules(page, bbox) -> bool:
    """Whether ``page`` draws a line or rectangle outside the band of rows ``bbox`` spans."""
    top, bottom = bbox[1] - BAND, bbox[3] + BAND
    return any(obj["bottom"] < top or obj["top"] > bottom for obj in page.lines + page.rects + page.curves)
