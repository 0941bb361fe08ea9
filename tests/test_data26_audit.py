"""Audit 26 (data): the package as its users' tools read it — Excel opening the workbook and the CSVs, a data user
reading the code lists and the CHANGELOG."""

from __future__ import annotations

import csv
import re
import zipfile

import pytest

from xxgk.package.build import build_package

from .test_workbook_limits import sheets

DATA_SHEETS = {"reports": "data/reports.csv", "findings": "data/findings.csv",
               "表2_主动公开": "wide/表2_主动公开.csv", "表3_依申请公开": "wide/表3_依申请公开.csv",
               "表4_复议诉讼": "wide/表4_复议诉讼.csv"}


def _csv_rows(path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


@pytest.fixture(scope="module")
def empty_package(tmp_path_factory):
    """The package of a reports folder without a report yet (a new project's first build)."""
    root = tmp_path_factory.mktemp("data26-empty")
    (root / "reports").mkdir()
    _, errors = build_package(root / "reports", root / "out", workers=1)
    assert errors == []
    return root / "out"


def test_an_empty_packages_workbook_has_every_sheets_header(empty_package):
    """Every data sheet of an empty package's xxgk.xlsx starts with the header its CSV has (they were blank: not
    even the column names the codebook sheet describes)."""
    book = sheets((empty_package / "xxgk.xlsx").read_bytes())
    for sheet, path in DATA_SHEETS.items():
        header = _csv_rows(empty_package / path)[0]
        assert book[sheet] == [header], sheet


def test_the_workbooks_reports_sheet_has_the_codebooks_column_order(seed_package):
    """The reports sheet's columns are in the order the codebook sheet describes them and reports.csv has them
    (agency_id … peer_group stood after level, where the codebook describes published_date)."""
    seed_package = seed_package[0]
    book = sheets((seed_package / "xxgk.xlsx").read_bytes())
    described = [row[1] for row in book["codebook"][1:] if row[0] == "reports"]
    assert book["reports"][0] == described == _csv_rows(seed_package / "data" / "reports.csv")[0]


def test_every_sheet_keeps_its_header_in_view(seed_package, empty_package):
    """Scrolling any sheet keeps its header row in view (Excel's 冻结首行), with rows and without."""
    for package in (seed_package[0], empty_package):
        with zipfile.ZipFile(package / "xxgk.xlsx") as archive:
            names = [n for n in archive.namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)]
            assert len(names) == 6
            for name in names:
                assert re.search(r'<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>',
                                 archive.read(name).decode()), (package, name)

