"""The pages stage's faster paths give what the plain definitions give: escaping, cached cells, the metric values
read back from ``metric_values``, the per-report CSV runs, the span search skipped on short lines, and the
downloads compressed beside the first pass. (Speed itself is measured in ``benchmarks/pages_stage.py``.)"""

from __future__ import annotations

import csv
import gzip
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

# report text as it comes: Markdown, HTML and JSON-breaking characters, CJK, line ends of every kind
TEXT = st.text(alphabet=st.sampled_from(list("ab 中文<>&\"'[]{}|`*_\\\n\r\t0123456789.\u2028\u2029")) | st.characters(),
               max_size=200)


@given(TEXT)
def test_escaping_skips_only_what_changes_nothing(text):
    from xxgk.safe import html_text
    from xxgk.site.render import _MARKDOWN, _SCRIPT_CHARS, _SCRIPT_SAFE, _mapped, esc, esc_lines

    assert esc(text) == html_text(text).translate(_MARKDOWN)
    assert esc_lines(text) == [html_text(line).translate(_MARKDOWN) for line in text.split("\n")]
    assert _mapped(text, _SCRIPT_CHARS, _SCRIPT_SAFE) == text.translate(_SCRIPT_SAFE)


@pytest.mark.parametrize("value", [True, False, 1, 1.0, 0, 0.0, -0.0, 2.5, "1", "1.0", None, "<b>", 10000, 10000.0])
def test_cached_cells_are_the_cells_of_that_value_and_type(value):
    """``True``, ``1`` and ``1.0`` are equal keys to a plain cache; the cells' caches keep them apart."""
    from xxgk.site.render import _display, _label, cell, esc, fmt_wan, num_cell, plain_cell

    for function in (cell, num_cell):
        for _ in range(2):  # the second answer comes from the cache
            for other in (True, 1, 1.0):
                function(other)
            assert function(value) == function.__wrapped__(value), (function.__name__, value)
    for _ in range(2):
        assert plain_cell(value) == ('<td class="m">—</td>' if value is None else f"<td>{esc(_display(value))}</td>")
    if isinstance(value, int | float) and not isinstance(value, bool):
        assert fmt_wan(value) == fmt_wan.__wrapped__(value)

    from xxgk.site.render import _plot_trace

    for other in ("1", 0.0, 1, True):
        _plot_trace({"x": [other], "name": other})
    trace = _plot_trace({"x": [value, "<b>"], "y": [value], "name": value})
    assert repr(trace) == repr({"x": [_label.__wrapped__(value), "&lt;b&gt;"], "y": [_label.__wrapped__(value)],
                                "name": _label.__wrapped__(value)})  # (json: 1, 1.0 and -0.0 print differently)


@settings(max_examples=300)
@given(st.one_of(st.integers(-10**12, 10**12), st.floats(allow_nan=False, allow_infinity=False)))
def test_a_metric_value_reads_back_as_computed(value):
    """The package's CSV writer writes an int as digits and a float by repr: read back, value and type are the same."""
    import io

    from xxgk.site.data import metric_value

    buffer = io.StringIO()
    csv.writer(buffer).writerow([value])
    back = metric_value(next(csv.reader(io.StringIO(buffer.getvalue())))[0])
    assert back == value and type(back) is type(value)


@pytest.fixture(scope="module")
def synthetic_package(tmp_path_factory):
    """A package of 20 synthetic reports (all five layouts, random values: shares that round, 万-sized counts)."""
    from benchmarks.synthetic import write_reports

    from xxgk.package.build import build_package

    work = tmp_path_factory.mktemp("synthetic")
    write_reports(20, work / "reports")
    build_package(work / "reports", work / "datapackage", workers=1)
    return work / "datapackage"


def test_the_metric_values_read_from_the_package_are_report_values_of_its_tables(synthetic_package):
    """The first pass reads ``metric_values`` instead of evaluating the formulas again: the same values, types
    included (the seeds and the shared corpus: ``test_site_stream.py``)."""
    from xxgk.package.metrics import report_values
    from xxgk.site.data import Package
    from xxgk.site.summaries import summarise

    whole = Package.load(synthetic_package)
    summary = summarise(Package.open(synthetic_package), keep_per_code=2)
    expected = report_values(whole.tables, whole.tables["metrics"])
    assert len(expected) == 20
    for rid, values in expected.items():
        got = dict(summary.values[rid])
        assert got == values and [type(v) for v in got.values()] == [type(v) for v in values.values()], rid
    assert any(isinstance(v, float) for values in expected.values() for v in values.values())


def _rewrite(path, edit) -> None:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    rows = edit(rows)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def test_a_report_lacking_a_metric_value_is_an_error(seed_package, tmp_path):
    from xxgk.site.data import Package
    from xxgk.site.summaries import summarise

    package = tmp_path / "pkg"
    shutil.copytree(seed_package[0], package)
    _rewrite(package / "data" / "metric_values.csv", lambda rows: rows[:1] + rows[2:])  # the first report's first
    with pytest.raises(ValueError, match="metric_values"):
        summarise(Package.open(package), keep_per_code=2)


def test_a_row_of_the_wrong_width_is_an_error_naming_it(seed_package, tmp_path):
    from xxgk.site.data import Package

    package = tmp_path / "pkg"
    shutil.copytree(seed_package[0], package)
    _rewrite(package / "data" / "applications.csv", lambda rows: rows[:5] + [rows[5] + ["x"]] + rows[6:])
    with pytest.raises(ValueError, match="applications.csv row 6: 7 cells"):
        for _ in Package.open(package).stream():
            pass
    _rewrite(package / "data" / "applications.csv", lambda rows: rows[:5] + [[]] + rows[6:])  # a blank line
    with pytest.raises(ValueError, match=r"applications.csv row \d+ or after: fewer cells"):
        for _ in Package.open(package).stream():
            pass


def test_cells_with_the_formula_apostrophe_or_empty_read_as_loading_reads_them(seed_package, tmp_path):
    """A run of rows where one cell is empty and one starts with the apostrophe ``safe.sheet_cell`` adds."""
    from xxgk.site.data import Package

    package = tmp_path / "pkg"
    shutil.copytree(seed_package[0], package)

    def edit(rows):
        header = rows[0]
        rows[1][header.index("message")] = "'=HYPERLINK(1)"
        rows[2][header.index("message")] = ""
        return rows

    _rewrite(package / "data" / "findings.csv", edit)
    whole = Package.load(package)
    streamed = [row for _, rows in Package.open(package).stream() for row in rows["findings"]]
    assert streamed == whole.tables["findings"]
    assert streamed[0]["message"] == "=HYPERLINK(1)" and streamed[1]["message"] is None


@given(st.lists(st.integers(0, 420), min_size=1, max_size=8))
def test_the_span_search_is_skipped_only_where_it_finds_nothing(lengths):
    """``report_page._source`` skips ``row_spans`` when no line has ``LONG_LINE`` characters; ``row_spans`` then
    has no long line to search (its own test, on the document's line offsets, line feeds included)."""
    from xxgk.sections import Document
    from xxgk.site.spans import LONG_LINE

    text = "\n".join("字" * n for n in lengths)
    skipped = max(map(len, text.split("\n"))) < LONG_LINE
    doc = Document.from_text(text)
    ends = list(doc.line_starts[1:]) + [len(text)]
    has_long = any(e - s > LONG_LINE for s, e in zip(doc.line_starts, ends, strict=True))
    assert not (skipped and has_long)


def test_the_downloads_are_compressed_deterministically_and_unpack_to_the_file(tmp_path):
    from xxgk.site.downloads import gzip_file

    source = tmp_path / "a.csv"
    source.write_bytes(("report_id,value\n" + "".join(f"r{i},{i * 7 % 1000}\n" for i in range(200_000))).encode())
    gzip_file(source, tmp_path / "one.gz")
    gzip_file(source, tmp_path / "two.gz")
    one = (tmp_path / "one.gz").read_bytes()
    assert one == (tmp_path / "two.gz").read_bytes() and gzip.decompress(one) == source.read_bytes()
    assert one[:10] == b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # no name, mtime 0: as gzip.GzipFile wrote it


def test_a_failure_in_the_downloads_thread_fails_the_pages(seed_package, tmp_path, monkeypatch):
    from xxgk.site import build

    def broken(package_dir, downloads):
        raise OSError("disk full")

    monkeypatch.setattr(build, "copy_downloads", broken)
    with pytest.raises(OSError, match="disk full"):
        build.write_site_src(seed_package[0], tmp_path / "site_src")
    assert not (tmp_path / "site_src" / "index.md").exists()  # no page written


def _split_by_lines(markdown: str) -> tuple[str, list[str]]:
    """``blocks.split_html_blocks`` as it was written, a line at a time: the definition the faster cut must equal."""
    lines, blocks, run = [], [], []

    def flush() -> None:
        if any(line.strip() for line in run):
            lines.append(f"<!--xxgk:{len(blocks)}-->")
            blocks.append("\n".join(run).strip())
        run.clear()

    for line in markdown.split("\n"):
        if line.startswith("#"):
            flush()
            lines.append(line)
        else:
            run.append(line)
    flush()
    return "\n".join(lines), blocks


@settings(max_examples=500)
@given(st.lists(st.sampled_from(["#", "# 标题", "## 二", " #x", "x#", "<p>y</p>", "", " ", "\t", "\r", "\u2028",
                                 "\u3000", "\x85", "<table>", "#\n#"]), max_size=10),
       st.sampled_from(["", "\n", "#", "\r\n"]), st.sampled_from(["", "\n", "\n#", "\r"]))
def test_html_blocks_are_cut_as_line_by_line(lines, before, after):
    from xxgk.site.blocks import split_html_blocks

    markdown = before + "\n".join(lines) + after
    assert split_html_blocks(markdown) == _split_by_lines(markdown)


@given(st.lists(st.lists(st.sampled_from(["<td>1</td>", "<td></td>", "", "<td>中</td>"]), max_size=4), max_size=5))
def test_a_table_body_is_its_rows_in_tr(rows):
    from xxgk.site.render import table

    body = "\n".join("<tr>" + "".join(r) + "</tr>" for r in rows)
    assert f"<tbody>\n{body}\n</tbody>" in table(["a"], rows)
