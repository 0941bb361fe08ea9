"""Audit 26 (data): the package as its users' tools read it — Excel opening the workbook and the CSVs, a data user
reading the code lists and the CHANGELOG."""

from __future__ import annotations

import csv
import io
import re
import shutil
import zipfile

import pytest

from xxgk.package.build import build_package
from xxgk.package.write import csv_bytes
from xxgk.safe import cell_text

from .conftest import SHARED, needs_shared
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


def _as_excel_shows(cell: str) -> str:
    """A CSV cell as Excel (or LibreOffice) opening the CSV keeps it: a number kept to 15 significant digits (a
    leading 0 dropped), any other text as it is."""
    if re.fullmatch(r"[+-]?\d+(?:\.\d+)?", cell):
        kept = float(f"{float(cell):.15g}")
        return str(int(kept)) if kept.is_integer() and "." not in cell else repr(kept)
    return cell


@needs_shared
def test_a_long_digit_run_shows_every_digit_when_excel_opens_findings_csv(tmp_path):
    """平潭 2025's table 四 printed as one run 25380363300630003 (cells_recovered): opened in Excel, findings.csv's
    actual showed 2.53804E+16 and kept …30000; it is written '25380363300630003 now, every digit in view, and the
    site's reader (safe.cell_text) gets the run as printed, the one the message quotes."""
    (tmp_path / "reports").mkdir()
    shutil.copy(SHARED / "corpus" / "reports" / "h010.txt", tmp_path / "reports")
    _, errors = build_package(tmp_path / "reports", tmp_path / "out", workers=1)
    assert errors == []
    rows = _csv_rows(tmp_path / "out" / "data" / "findings.csv")
    header = rows[0]
    recovered = [dict(zip(header, row, strict=True)) for row in rows[1:] if row[1] == "cells_recovered"]
    assert recovered and any(len(cell_text(r["actual"])) > 15 for r in recovered)
    for row in recovered:
        assert cell_text(row["actual"]) in row["message"]
        shown = _as_excel_shows(row["actual"])
        assert shown.lstrip("'") == cell_text(row["actual"]), (row["actual"], shown)


def test_every_csv_cell_excel_would_read_as_another_number_is_written_as_text():
    """A text of digits Excel would change (16 or more digits, a leading 0) gets the apostrophe, in any column;
    numbers written as numbers, and digit texts Excel keeps (2021, 0), are left as they are."""
    rows = [{"actual": "25380363300630003", "expected": "007", "row": "2021", "column": "0", "line": 12,
             "table": "12345678901234.5"}, {"actual": "-10203120001200000", "expected": "1 0 2", "row": "'007",
                                             "column": "1234567890123456.7", "line": 25380363300630003}]
    fields = list(rows[0])
    text = csv_bytes(rows, fields).decode("utf-8-sig")
    for written, row in zip(list(csv.reader(io.StringIO(text)))[1:], rows, strict=True):
        for cell, field in zip(written, fields, strict=True):
            if isinstance(value := row.get(field), str):
                assert cell_text(cell) == value
                assert _as_excel_shows(cell).lstrip("'") == value or cell == "'" + value, (field, cell)
    assert text.splitlines()[1:] == ["'25380363300630003,'007,2021,0,12,12345678901234.5",
                                     "'-10203120001200000,1 0 2,''007,'1234567890123456.7,25380363300630003,"]


def test_every_code_a_data_table_uses_has_a_chinese_and_an_english_name(seed_package):
    """A user of metric_values looks up denied_administrative_query in metrics.csv, as she looks up an item in
    items.csv: each has label_zh and description_en (metrics had its Chinese name only)."""
    out = seed_package[0]
    descriptor = __import__("json").loads((out / "datapackage.json").read_text(encoding="utf-8"))
    targets = {fk["reference"]["resource"] for r in descriptor["resources"]
               for fk in r["schema"].get("foreignKeys", [])} - {"reports", "agencies"}  # the code lists and metrics
    assert "metrics" in targets and "items" in targets
    for name in sorted(targets):
        rows = _csv_rows(out / "data" / f"{name}.csv")
        named = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
        assert named, name
        for row in named:
            assert row["label_zh"] and re.search(r"[\u4e00-\u9fff]", row["label_zh"]), (name, row["code"])
            assert row["description_en"] and re.search(r"[A-Za-z]", row["description_en"]), (name, row["code"])


def test_the_changelog_says_what_changed_since_0_2_0_under_a_major_version():
    """A user who filtered findings on fees_not_mentioned, or reads metric_values, learns from the CHANGELOG what
    changed since 0.2.0 — under a new version, major as its own rule asks for a removed code (the package said
    0.2.0 and its entry 'no column was removed or renamed' while fees_not_mentioned was gone, and metric_values,
    identities, reports.agency_name, finding_codes.responsibility and metrics.holds were said nowhere)."""
    from .conftest import SEEDS

    version = (SEEDS / "VERSION").read_text(encoding="utf-8").strip()
    changelog = (SEEDS / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "列或代码改名、删除是主版本" in changelog  # the rule a user reads first
    headings = re.findall(r"^## (\S+)", changelog, flags=re.M)
    assert headings[:2] == [version, "0.2.0"] and int(version.split(".")[0]) > 0
    entry = changelog.split(f"## {version}\n", 1)[1].split("\n## ", 1)[0]
    for words in ("fees_not_mentioned", "processing_fee_unstated", "metric_values", "identities", "agency_name",
                  "responsibility", "holds", "description_en", "25380363300630003"):
        assert words in entry, words
    codes = {row[0] for row in _csv_rows(SEEDS.parent / "datapackage" / "data" / "finding_codes.csv")[1:]}
    named = set(re.findall(r"`([a-z_]+)`", changelog))
    first_release = {"file_unreadable", "text_repaired", "no_text_layer", "agency_not_found", "year_not_found",
                     "manifest_override", "duplicate_report", "section_absent", "table_absent", "row_absent",
                     "row_lost_cells", "row_extra_cells", "row_duplicate", "cells_ambiguous", "cells_recovered",
                     "rows_realigned", "rows_unaligned", "stray_values", "label_unrecognised", "value_unreadable",
                     "value_invalid", "value_blank", "format_unknown", "identity_broken", "narrative_mismatch"}
    assert sorted(codes - first_release - named) == []  # every code added since 0.1.0 is named in an entry


@needs_shared
def test_the_code_lists_say_which_template_edition_each_code_belongs_to(tmp_path):
    """A researcher joining 平潭 2019 (2019 template) and 2021 to the code lists learns from items, measures and
    application_rows which codes an edition has: 2019's single （六）其他处理 (other) against 2021's three other_*
    rows, procurement and other_management_services 2019's alone, issued/repealed/in_force 2021's alone (the code
    lists did not say; only the English of a few said "(2019 format)"). Every cell of the package is of a code its
    report's edition has."""
    (tmp_path / "reports").mkdir()
    for name in ("h004.txt", "h006.txt", "h011.html"):
        shutil.copy(SHARED / "corpus" / "reports" / name, tmp_path / "reports")
    _, errors = build_package(tmp_path / "reports", tmp_path / "out", workers=1)
    assert errors == []
    data = tmp_path / "out" / "data"

    def table(name):
        rows = _csv_rows(data / f"{name}.csv")
        return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]

    editions = {name: {r["code"]: set(r["editions"].split()) for r in table(name)}
                for name in ("items", "measures", "application_rows")}
    assert editions["application_rows"]["other"] == {"2019"}
    assert editions["application_rows"]["other_other"] == {"2021"} and editions["items"]["procurement"] == {"2019"}
    assert editions["measures"]["in_force"] == {"2021"} and editions["measures"]["decisions"] == {"2019", "2021"}
    wide = _csv_rows(tmp_path / "out" / "wide" / "表2_主动公开.csv")
    t2_edition = {row[0]: row[wide[0].index("格式")] for row in wide[1:]}  # table 二's own edition
    t3_edition = {r["report_id"]: r["format"] for r in table("reports")}
    assert set(t3_edition.values()) == {"2019", "2021"}
    for cell in table("applications"):
        assert t3_edition[cell["report_id"]] in editions["application_rows"][cell["row"]], cell
    for cell in table("active_disclosure"):
        assert t2_edition[cell["report_id"]] in editions["items"][cell["item"]], cell
        assert t2_edition[cell["report_id"]] in editions["measures"][cell["measure"]], cell


def test_the_download_page_says_which_tables_the_workbook_holds(seed_package):
    """The download page's line for xxgk.xlsx names what an Excel user finds in it and what not: it said 全部表格
    and 一个文件包含所有表, and the workbook has no agencies, metric values, sections or code lists."""
    import json

    from xxgk.site.meta import RESOURCE_ZH, download_files

    out = seed_package[0]
    descriptor = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    (_, label, whom), = [line for line in download_files(descriptor) if line[0] == "xxgk.xlsx"]
    assert "全部" not in label and "所有" not in whom
    book = sheets((out / "xxgk.xlsx").read_bytes())
    wide = {"active_disclosure": "表2_主动公开", "applications": "表3_依申请公开", "review_litigation": "表4_复议诉讼"}
    for resource in descriptor["resources"]:
        name = resource["name"]
        in_book = name in book or wide.get(name) in book
        said_absent = RESOURCE_ZH[name] in whom or RESOURCE_ZH[name].startswith("代码表")
        assert in_book != said_absent, name


def test_a_code_lists_chinese_name_is_said_to_be_printed_in_the_template_only_where_it_is():
    """finding_codes, check_categories and identities name checks of this dataset: no template prints 数字粘连已按
    勾稽关系拆分 or 可读性, and their label_zh no longer says "Label as printed in the template"."""
    from xxgk.package.schema import code_lists, resource_schema

    def label_description(name):
        return next(f["description"] for f in resource_schema(name)["fields"] if f["name"] == "label_zh")

    for name in code_lists():
        printed = "Label as printed in the template" in label_description(name)
        assert printed == (name not in ("finding_codes", "check_categories", "identities", "missing_reasons")), name
