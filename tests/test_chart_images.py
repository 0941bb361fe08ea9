"""A chart's downloaded image says whose figures it shows and keeps its legend readable: the page's heading (the
agency) before the chart's title (the agency appeared nowhere in it), the legend above the plot (the source and
address lines under the plot were drawn over it)."""

from __future__ import annotations

import pytest

from .conftest import draw_charts, needs_chromium
from .conftest import wait_for as _wait

pytestmark = [pytest.mark.browser, needs_chromium]
AGENCY = "qinghai-xining-huangzhong-renminzhengfu"  # a seed's agency (湟中区人民政府)
# Plotly's downloadImage replaced by one that keeps the figure it was given (no file is written)
CAPTURE = """window.__images = [];
Plotly.downloadImage = function (gd) {
  window.__images.push({title: (gd.layout.title || {}).text || "", legend: gd.layout.legend || null,
                        notes: (gd.layout.annotations || []).map(function (a) { return a.text; }),
                        height: gd.layout.height});
  return Promise.resolve();
};"""


def test_an_agency_charts_image_is_titled_and_its_legend_is_clear_of_the_source(server, chromium):
    chromium.get(server + f"/a/{AGENCY}/")
    draw_charts(chromium)
    chromium.execute_script(CAPTURE)
    figure = next(f for f in chromium.find_elements("css selector", "figure.xxgk-figure")
                  if "申请数量" in f.get_attribute("innerHTML"))
    button = next(b for b in figure.find_elements("css selector", ".xxgk-chart-actions button") if "PNG" in b.text)
    chromium.execute_script("arguments[0].click()", button)
    (image,) = _wait(lambda: chromium.execute_script("return window.__images"))
    assert "湟中区人民政府" in image["title"] and "申请数量" in image["title"]  # before: no title
    assert image["legend"] and image["legend"]["y"] >= 1  # above the plot, clear of the source's lines below it
    assert any("CC BY 4.0" in note and AGENCY in note for note in image["notes"])
