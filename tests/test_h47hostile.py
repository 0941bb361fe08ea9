"""Session 47's hostile round (helper H): CSV cells read by a spreadsheet whose list separator is ``;``, the file type
of an over-budget web page, the workers' memory cap under a large parent, and what a hostile publisher may send."""

from __future__ import annotations

import csv
import re
import sqlite3

import pytest

from .factory import tab_report

# a spreadsheet formula, each as a hostile publisher would put it after a ";" or at a line's start
LINK = '=HYPERLINK("http://e.example/x","点此")'
CMD = "-2+3+cmd|' /C calc'!A0"
NARRATIVE = f'概述;{LINK}\n@SUM(1+1)*cmd|x\n本年;  ""+cmd|y;-2;1.5\n{CMD}'
AGENCY = f"样例县;{LINK}局"
FILE = "年报;=HYPERLINK(1);@x.txt"
UNKNOWN_ROW = "某项;=cmd|z"  # a row of table 二 no rule knows: its finding quotes it


def semicolon_cells(text: str):
    """The cells a spreadsheet whose list separator is ``;`` reads in a comma-CSV's ``text``: each line split at
    ``;``, a double quote opening a cell only at the cell's start (closed by a quote not doubled; what follows it
    is the cell's too), every other quote a character; the comma no separator."""
    for line in re.split(r"\r\n|\n|\r", text):
        start = 0
        while True:
            cell = []
            if line.startswith('"', start):
                start += 1
                while start < len(line):
                    if line[start] == '"':
                        if line.startswith('"', start + 1):
                            cell.append('"')
                            start += 2
                            continue
                        start += 1
                        break
                    cell.append(line[start])
                    start += 1
            end = line.find(";", start)
            end = len(line) if end < 0 else end
            yield "".join(cell) + line[start:end]
            if end == len(line):
                break
            start = end + 1


# a cell such a spreadsheet runs: a formula start, unless what follows is a number (up to the comma-CSV's own
# separator or quote, which such a reader keeps in the cell: ``1;-2`` is left as it is, as ``-2`` is at a start)
_NUMBER_THEN = re.compile(r'[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?:[,"]|$)')


def runs_formula(cell: str) -> bool:
    return cell[:1] in ("=", "+", "-", "@", "\t", "\r") and not _NUMBER_THEN.match(cell)


def test_the_reader_model_sees_the_formula_a_semicolon_locale_runs():
    assert [c for c in semicolon_cells('a,"b;=x",c\n"q;=y";1;-2') if runs_formula(c)] == ['=x",c']


@pytest.fixture(scope="module")
def hostile_package(tmp_path_factory):
    """A package of one report whose agency (manifest), notes, file name, narrative and an unknown row (quoted by a
    finding) hold formulas after ``;`` and at a line's start."""
    from xxgk.package.build import build_package

    work = tmp_path_factory.mktemp("h47-semicolon")
    reports = work / "reports"
    reports.mkdir()
    text = tab_report(agency="样例县某局", narrative=NARRATIVE)
    text = text.replace("规章\t0\t0\t0\n", f"规章\t0\t0\t0\n{UNKNOWN_ROW}\t1\t2\t3\n")
    (reports / FILE).write_text(text, encoding="utf-8")
    with (reports / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["file", "agency", "year", "notes"], [FILE, AGENCY, "2024", f"备注;{LINK}"]])
    out = work / "datapackage"
    _, errors = build_package(reports, out, workers=1)
    assert errors == []
    return out


def test_no_cell_of_a_published_csv_runs_as_a_formula_in_a_semicolon_locale(hostile_package):
    """Excel in a locale whose list separator is ``;`` split each line of the comma-CSVs at ``;``: an agency, a file
    name, report text or a finding quoting it holding ``;=HYPERLINK(…)`` (or a line starting ``@SUM``) was a cell
    starting a formula there, whatever the quoting. The apostrophe a cell's start gets now goes there too."""
    csvs = sorted(hostile_package.rglob("*.csv"))
    assert {"reports.csv", "sections.csv", "findings.csv"} <= {p.name for p in csvs}
    text = {p.name: p.read_text(encoding="utf-8-sig") for p in csvs}
    assert LINK.replace('"', '""') in text["reports.csv"].replace("'", "") and "@SUM" in text["sections.csv"]
    assert "cmd|z" in text["findings.csv"]
    running = {name: [c for c in semicolon_cells(body) if runs_formula(c)] for name, body in text.items()}
    assert {name: cells for name, cells in running.items() if cells} == {}


def test_the_site_and_the_query_files_show_the_text_the_report_printed(hostile_package):
    """The apostrophes are the CSVs' alone: the site (``site.data.Package``, both ways it reads the CSVs), SQLite and
    Parquet give the agency, file name, notes, narrative and quoted label exactly as given."""
    import pyarrow.parquet as pq

    from xxgk.site.data import Package

    def printed(report, rows):
        finding = next(f for f in rows["findings"] if f["code"] == "label_unrecognised")
        overview = next(s for s in rows["sections"] if s["section"] == "overview")
        return report["agency"], report["source_file"], report["notes"], overview["text"], finding["actual"]

    given = (AGENCY, FILE, f"备注;{LINK}", NARRATIVE, UNKNOWN_ROW)
    loaded = Package.load(hostile_package).tables
    assert printed(loaded["reports"][0], loaded) == given
    streamed = Package.open(hostile_package)
    assert [printed(report, rows) for report, rows in streamed.stream()] == [given]
    with sqlite3.connect(hostile_package / "xxgk.db") as db:
        stored = db.execute("SELECT r.agency, r.source_file, r.notes, s.text, f.actual FROM reports r JOIN sections s "
                            "USING (report_id) JOIN findings f USING (report_id) WHERE s.section = 'overview' AND "
                            "f.code = 'label_unrecognised'").fetchall()
    assert stored == [given]
    table = {name: pq.read_table(hostile_package / "parquet" / f"{name}.parquet").to_pylist()
             for name in ("reports", "sections", "findings")}
    assert printed(table["reports"][0], table) == given


@pytest.mark.parametrize(("asset", "function"), [("xxgk.js", "q"), ("compare.js", "csvCell")])
def test_the_csvs_the_pages_build_guard_a_formula_after_a_semicolon_too(asset, function):
    """The CSVs a page builds in the browser (a report's or an agency's tables, a chart's data, the comparison) write
    each cell through the same rule as ``safe.sheet_cell``: an agency ``样例县;=HYPERLINK(…)局`` ran in a ``;``-locale
    spreadsheet. Run by node on the cells as the pages would give them."""
    import json
    import shutil
    import subprocess

    from xxgk.safe import cell_text

    from .conftest import ROOT

    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    source = (ROOT / "build" / "xxgk" / "site" / "assets" / asset).read_text(encoding="utf-8")
    code = re.search(rf"  function {function}\(v\) \{{.*?\n  \}}\n", source, re.S).group(0)
    cells = [AGENCY, FILE, NARRATIVE, UNKNOWN_ROW, "1;-2", "'=x", "-3", "样例县"]
    program = code + f"process.stdout.write(JSON.stringify({json.dumps(cells)}.map({function}).join(',')))"
    line = json.loads(subprocess.run([node, "-e", program], capture_output=True, text=True, check=True,
                                     timeout=60).stdout)
    assert [c for c in semicolon_cells(line) if runs_formula(c)] == []
    assert [cell_text(c) for c in next(csv.reader([line]))] == cells


def _many_attributes(tag_count: int = 600) -> str:
    return '<p ' + " ".join(f"a{i}=1" for i in range(tag_count)) + ">x</p>"


@pytest.mark.parametrize(("data", "suffix"), [
    (("<!-- saved from url=(0030)http://e.example/ -->\n<html><body>" + _many_attributes()).encode(), ".txt"),
    (("<html><body>" + _many_attributes()).encode("utf-16"), ".doc"),
    (("<HTML><body>" + "<div>" * 300_000).encode("gbk"), ".htm"),
])
def test_a_web_page_over_budget_is_published_as_html(data, suffix):
    """A page the budget stopped (501 attributes on a tag, nesting too deep) was ``file_type`` ``text``: the reader
    told a page from a text after decoding it, and the budget stopped it before. Its first KB's markup says."""
    from xxgk.readers import read_bytes

    source = read_bytes(data, suffix)
    assert ([f.code for f in source.findings], source.kind) == (["over_budget"], "html")


def test_a_text_over_budget_is_still_text():
    from xxgk.readers import read_bytes

    source = read_bytes(("一、总体情况 <html> " + _many_attributes()).encode("gbk"), ".txt")
    assert source.kind == "text"


def _allocate(size: int) -> int:
    """A pool job: ``size`` bytes allocated (zeroed by the kernel, never touched), then let go."""
    return len(bytes(size))  # (calloc: pages the kernel zeroes when first touched, never here)


def test_a_worker_forked_from_a_parent_that_reserved_much_memory_keeps_its_files_budget(tmp_path):
    """The workers' address-space cap was 3 GB absolute, while a worker is forked from the build's process, whose
    address space pyarrow and threads had already grown: forked from a parent of more than 3 GB a worker had no
    room for a file's first large buffer (``over_budget`` where the file needed a third of its budget). The cap is
    the worker's start plus the budget: under a parent holding 4 GB reserved (mapped, never touched), a file may
    still take 1 GB and a normal report is parsed, while a file that really allocates past its budget fails alone."""
    import mmap
    import operator

    from xxgk.package.collect import _parse_in_pool, parse_one
    from xxgk.readers import BUDGET

    (tmp_path / "report.txt").write_text(tab_report(), encoding="utf-8")
    reserved = mmap.mmap(-1, 4 * 2**30, prot=0)  # (PROT_NONE: address space, no memory)
    try:
        jobs = [("greedy", (_allocate, BUDGET.memory + 2**30)), ("third", (_allocate, 2**30)),
                ("report", (parse_one, str(tmp_path), "report.txt"))]
        outcomes = dict(_parse_in_pool(operator.call, jobs, workers=1))
    finally:
        reserved.close()
    assert (outcomes["greedy"].code, outcomes["greedy"].message) == ("over_budget", "超出处理上限：内存超过上限")
    assert outcomes["third"] == 2**30
    assert (outcomes["report"].status, outcomes["report"].record.values("applications")[("new", "total")]) == (
        "parsed", 5)


@pytest.mark.parametrize("label", ["zlib", "rot13", "hex", "uu", "undefined", "idna", "punycode"])
def test_a_page_declaring_a_charset_no_browser_knows_is_read(label):
    """A page whose ``<meta charset>`` named one of Python's codecs that is no text encoding (zlib, hex, rot13) or
    that decodes nothing (undefined, idna) was ``file_unreadable`` — ``LookupError: 'zlib' is not a text encoding``,
    in English — and its report lost: the check of the declaration decoded the page in it. A label no browser knows
    is no declaration; the page is read as the encoding its bytes are in."""
    from xxgk.readers import read_bytes

    from .factory import as_html

    source = read_bytes((f"<meta charset={label}>" + as_html(tab_report())).encode(), ".html")
    assert (source.kind, source.findings, "本年新收" in source.text) == ("html", [], True)


def test_a_single_file_page_whose_part_names_the_undefined_codec_is_read():
    """An MHT page whose HTML part said ``charset="undefined"`` (a Python codec that raises on any bytes) was
    ``file_unreadable`` (``UnicodeError``, in English): the part is now read as its bytes are."""
    from xxgk.readers import read_bytes

    from .factory import as_html

    mht = ('MIME-Version: 1.0\nContent-Type: multipart/related; boundary="B"\n\n--B\nContent-Type: text/html; '
           f'charset="undefined"\nContent-Transfer-Encoding: 8bit\n\n{as_html(tab_report())}\n--B--\n').encode()
    source = read_bytes(mht, ".mht")
    assert (source.kind, [f.code for f in source.findings], "本年新收" in source.text) == ("html", [], True)
