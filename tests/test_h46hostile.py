"""What the hostile-input round of session 46 found: sinks and inputs the earlier rounds had not tried.

Each test fails on the code before its fix: a report's file name that makes its own line in what the command prints
(a CI log runs a line ``::error::…`` as a workflow command)."""

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
