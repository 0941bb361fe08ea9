"""Coverage-guided fuzzing of the reader and parser with atheris (libFuzzer).

Run for N minutes (here 10):

    .venv/bin/pip install atheris
    .venv/bin/python fuzz/fuzz_parse.py -max_total_time=600 fuzz/corpus

It feeds arbitrary bytes through ``read_bytes`` (as .txt, .html, .docx or .pdf, chosen by the
first byte) and ``parse``; any exception is a bug (bad input must become findings). Seed the
corpus folder with files from ``reports/`` for a head start.
"""

import sys

import atheris

with atheris.instrument_imports():
    from xxgk.parser import parse
    from xxgk.readers import read_bytes

SUFFIXES = (".txt", ".html", ".docx", ".pdf")


def test_one_input(data: bytes) -> None:
    if not data:
        return
    source = read_bytes(data[1:], SUFFIXES[data[0] % len(SUFFIXES)])
    record = parse(source.parse_text)
    for finding in record.findings:
        assert finding.code and finding.severity in ("error", "warning", "info")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
