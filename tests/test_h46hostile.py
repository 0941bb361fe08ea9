"""What the hostile-input round of session 46 found: sinks and inputs the earlier rounds had not tried.

Each test fails on the code before its fix: a report's file name that makes its own line in what the command prints
(a CI log runs a line ``::error::…`` as a workflow command); a manifest whose reading grew with the square of its
width, in the build's own process; a manifest year too long for Python's ``int``, which stopped the build; a manifest
cell past ``csv``'s default limit, which dropped the whole manifest in ``xxgk agencies``."""

from __future__ import annotations

from .factory import tab_report

# a report's file name holding line breaks: what follows each would be a line of the name's making
EVIL_NAME = "样例\n::error title=x::伪造的提示\r\n::add-mask::样例县\n.txt"


def test_a_file_name_holding_line_breaks_is_one_piece_of_one_printed_line(tmp_path, capsys):
    """``xxgk agencies`` prints each report's file name above what was found of its publisher: a name holding a line
    break printed lines of its own making (``::error …::`` begins a line that GitHub Actions shows as an error
    annotation; ``::add-mask::`` hides a word from the rest of the log). The name is now printed with each line
    break as its code, as the site shows it, and the report is still listed."""
    from xxgk.cli import main

    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / EVIL_NAME).write_text(tab_report(agency="样例县民政局"), encoding="utf-8")
    assert main(["agencies", "--reports", str(reports)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert not [line for line in lines if line.lstrip().startswith("::")], out
    assert lines[0] == "样例\\x0a::error title=x::伪造的提示\\x0d\\x0a::add-mask::样例县\\x0a.txt"
    assert "样例县民政局" in lines[1]


def test_a_printed_file_name_never_breaks_its_line_whatever_it_is_given_as():
    """The names an error or a cache's warning prints (``OSError.filename`` is bytes or text; a name the file
    system gave undecodable bytes holds lone surrogates) are one line each, the bytes written as codes."""
    from xxgk.safe import terminal_name

    assert terminal_name(b"reports/\xff\n::error::x.txt") == "reports/\\xff\\x0a::error::x.txt"
    assert terminal_name("a\udcff\r\n::warning::b.txt") == "a\\xff\\x0d\\x0a::warning::b.txt"
    assert terminal_name("a\ud800\n.txt") == "a\\ud800\\x0a.txt"
    assert terminal_name("sub/年报\u2028::notice::.txt") == "sub/年报\\u2028::notice::.txt"
    assert terminal_name("\x1b]0;title\x07年报.txt") == "\\x1b]0;title\\x07年报.txt"


def test_a_manifest_of_a_million_columns_over_many_rows_is_read_within_a_files_budget(tmp_path):
    """``sources.csv`` is read in the build's own process, outside every file's budget. Its header's repeated names
    were counted column by column (a header of 40,000 columns, 300 KB, took 27 CPU s) and each row was made a
    dictionary of every column (1,000 columns over 100,000 rows, 205 KB: 7.9 s), so a manifest of 8 MB — inside the
    20 MB any input may have — was not read after a report's whole budget (hours, by the square of its width). Read
    here in a worker held to a report's budget (120 CPU s), it is read, its row for the report applied and its
    repeated rows said. (In a fresh interpreter, as a build starts its workers: the memory cap is on the address
    space, and a worker forked from a test process that has run hundreds of tests inherits far more than a build's.)"""
    import json
    import subprocess
    import sys

    header = "file,agency,year," + ",".join(f"c{i}" for i in range(1_000_000))
    (tmp_path / "sources.csv").write_text(header + "\nr.txt,样例县民政局,2024\n" + "a\n" * 150_000, encoding="utf-8")
    reading = (
        "import json, sys\n"
        "from xxgk.package.collect import in_budgeted_worker, read_manifest\n"
        "outcome = in_budgeted_worker(read_manifest, sys.argv[1])\n"
        "if not isinstance(outcome, tuple):\n"
        "    print(json.dumps({'finding': str(outcome)}))\n"
        "else:\n"
        "    rows, said = outcome\n"
        "    print(json.dumps({'rows': rows, 'messages': [f.message for f in said.findings()]}, ensure_ascii=False))\n"
    )
    done = subprocess.run([sys.executable, "-c", reading, str(tmp_path)], capture_output=True, text=True,
                          encoding="utf-8", check=True)
    outcome = json.loads(done.stdout)
    assert "rows" in outcome, outcome  # (not a Finding: over_budget)
    rows, messages = outcome["rows"], outcome["messages"]
    assert rows["r.txt"]["agency"] == "样例县民政局" and rows["r.txt"]["year"] == "2024"
    assert set(rows) == {"r.txt", "a"}
    assert "第4行“a”：重复的文件名" in messages[0] and "另有" in messages[-1]


def test_a_manifest_year_of_thousands_of_digits_is_a_finding_and_the_package_is_written(tmp_path):
    """A manifest year of more than 4,300 digits stopped the whole build with a ValueError in English (Python's
    ``int`` reads no more) before any report was written. It is now ``manifest_value_invalid``, quoted by its start
    and length, the report's year read from its text; a year written with that many leading zeros is the year."""
    import csv

    from xxgk.package.build import build_package

    reports = tmp_path / "reports"
    reports.mkdir()
    for name, agency in (("long.txt", "样例甲县民政局"), ("zeros.txt", "样例乙县民政局")):
        (reports / name).write_text(tab_report(agency=agency, year=2024), encoding="utf-8")
    (reports / "sources.csv").write_text(
        f"file,year\nlong.txt,{'9' * 5000}\nzeros.txt,{'0' * 5000}2023\n", encoding="utf-8"
    )
    _, errors = build_package(reports, tmp_path / "out", workers=1)
    assert errors == []
    with open(tmp_path / "out" / "data" / "reports.csv", encoding="utf-8-sig") as handle:
        years = {r["source_file"]: r["year"] for r in csv.DictReader(handle)}
    assert years == {"long.txt": "2024", "zeros.txt": "2023"}
    with open(tmp_path / "out" / "data" / "findings.csv", encoding="utf-8-sig") as handle:
        said = [r for r in csv.DictReader(handle) if r["code"] == "manifest_value_invalid"]
    assert len(said) == 1 and said[0]["report_id"].startswith("long-")
    assert "（共 5000 个字）" in said[0]["message"] and len(said[0]["message"]) < 300


def test_a_manifest_cell_longer_than_csvs_default_is_read_by_every_verb_alike(tmp_path):
    """A manifest cell of more than 128 KiB (csv's default limit) is a value to refuse, not a reason to drop the
    whole manifest; and every verb reads the manifest alike. ``xxgk package`` read it (a package reader imported
    before had raised the limit), but ``xxgk agencies`` refused it whole (``field larger than field limit``) and
    listed the publishers the text alone gives: 样例甲县民政局, where the manifest names 样例乙县民政局."""
    import subprocess
    import sys

    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(tab_report(agency="样例甲县民政局"), encoding="utf-8")
    (reports / "b.txt").write_text(tab_report(agency="样例丙县民政局"), encoding="utf-8")
    (reports / "sources.csv").write_text(
        f"file,agency,notes\na.txt,样例乙县民政局,\nb.txt,,{'注' * 200_000}\n", encoding="utf-8"
    )
    ran = subprocess.run(
        [sys.executable, "-m", "xxgk.cli", "agencies", "--reports", str(reports)],
        capture_output=True,
        text=True,
        check=True,
    )
    listed: dict[str, str] = {}  # each file's name (a line of its own) and the lines below it
    name = ""
    for line in ran.stdout.splitlines():
        if line.startswith(" "):
            listed[name] += line + "\n"
        else:
            name = line
            listed[name] = ""
    assert "样例乙县民政局" in listed["a.txt"], ran.stdout
    assert "样例丙县民政局" in listed["b.txt"], ran.stdout
