"""Session 60, the site audit's reader journeys (seeds, corpus and synthetic reports at 1366 × 900 and 390 × 844).

What misled a journalist: a comparison of more agencies than plotly has colours (ten) drew the eleventh agency in the
first one's colour, the twelfth in the second's, lines and points alike, and the legend gave both the same key — of 18
agencies over 2021–2024, the eleventh's 43.5 read as the first agency's value. Each further ten series now draw their
lines dashed another way and their points another shape.
"""

from __future__ import annotations

import json

import pytest

from .conftest import needs_chromium, serving, wait_for
from .test_h53journeys import _node


def test_series_past_the_palettes_ten_are_dashed_and_marked_apart():
    """Traces 0–9 keep plotly's solid lines and round points; 10–19 and 20–29 each another dash and point shape; a
    series that had its own point shape (a 2019-template series' diamond) keeps it, in a variant of its own."""
    traces = [{"marker": {"size": 9}} for _ in range(25)] + [{"marker": {"size": 9, "symbol": "diamond"}}] * 2
    looks = _node("compare.js", "  var PALETTE_SIZE", f"lookApart({json.dumps(traces)})")
    styles = [((t.get("line") or {}).get("dash", "solid"), t["marker"].get("symbol", "circle")) for t in looks]
    assert styles[:10] == [("solid", "circle")] * 10
    assert len({styles[0], styles[10], styles[20]}) == 3  # the same colour (i mod 10): told apart by dash and shape
    assert styles[25][1].startswith("diamond") and styles[25][1] != "diamond", styles[25]
    assert all(t["marker"]["size"] == 9 for t in looks)


@pytest.mark.browser
@needs_chromium
def test_a_comparison_of_more_agencies_than_colours_draws_no_two_alike(busier_site, chromium):
    """Twelve agencies over four years: every series of the chart is drawn in a colour, dash and point shape no other
    series has (before: the eleventh and twelfth took the first two's colours, solid lines and round points)."""
    agencies = json.loads((busier_site / "json" / "agencies.json").read_text(encoding="utf-8"))
    rows = agencies["agencies"] if isinstance(agencies, dict) else agencies
    ids = sorted(a["id"] for a in rows if {"2021", "2022", "2023", "2024"} <= set(a["y"]))[:12]
    assert len(ids) == 12
    chromium.set_window_size(1366, 900)
    with serving(busier_site) as url:
        chromium.get(f"{url}/compare/?agencies={','.join(ids)}&metric=received&year=2021-2024")
        looks = wait_for(lambda: chromium.execute_script(
            "var d = document.getElementById('xxgk-compare-chart');"
            "return d && d._fullData && d._fullData.length === 12 ? d._fullData.map(function (t) {"
            "  return [t.line.color, t.line.dash, t.marker.symbol]; }) : null;"), 30)
    assert len({tuple(look) for look in looks}) == 12, looks
