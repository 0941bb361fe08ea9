"""Every CSV on the download page opens right: UTF-8 with a BOM (what Excel on Chinese Windows needs to show
格尔木市数据局 instead of mojibake), and pandas, the csv module and frictionless read it cleanly."""

from __future__ import annotations

import csv
import html
import io
import re
from urllib.parse import unquote

import pandas as pd

from .conftest import read_page

BOM = b"\xef\xbb\xbf"


def _download_csvs(site):
    page = read_page(site / "data" / "index.html")  # attributes quoted (the pages are minified)
    links = re.findall(r'<a\s(?=(?:[^>]*\s)?download[\s>])[^>]*href="\.\./downloads/([^"]+\.csv)"', page)
    links = [unquote(html.unescape(link)) for link in links]  # (lxml writes a non-ASCII href %-encoded)
    return [(link, site / "downloads" / link) for link in links]


def test_the_download_page_lists_every_csv_of_the_package_with_size_and_use(built_site):
    listed = {link for link, _ in _download_csvs(built_site)}
    shipped = {str(p.relative_to(built_site / "downloads")) for p in (built_site / "downloads").rglob("*.csv")}
    assert listed == shipped and len(listed) >= 15
    page = (built_site / "data" / "index.html").read_text(encoding="utf-8")
    assert "适合谁" in page and " KB" in page and "pandas" in page


def test_each_csv_reads_back_excel_style_and_with_pandas(built_site):
    for link, path in _download_csvs(built_site):
        data = path.read_bytes()
        assert data.startswith(BOM), f"{link}: no BOM, Excel on Chinese Windows would read it as GBK"
        assert BOM not in data[3:], link
        text = data.decode("utf-8")  # strict: valid UTF-8 throughout
        excel = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))  # what Excel shows: BOM consumed
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)  # pandas' defaults
        assert list(frame.columns) == excel[0], link
        assert not frame.columns[0].startswith("\ufeff"), link
        assert frame.shape == (len(excel) - 1, len(excel[0])), link
        assert frame.values.tolist() == excel[1:], link
    reports = pd.read_csv(built_site / "downloads" / "data" / "reports.csv", encoding="utf-8-sig")
    assert "格尔木市数据局" in set(reports["agency"])


def test_frictionless_reads_the_bom_csvs_as_the_descriptor_says(seed_package):
    from frictionless import Resource

    out, _, _ = seed_package
    resource = Resource(str(out / "data" / "reports.csv"), encoding="utf-8-sig")
    rows = resource.read_rows()
    assert resource.header[0] == "report_id" and any(r["agency"] == "格尔木市数据局" for r in rows)
