"""Coverage-guided fuzzing of the outside-string sinks (``xxgk.safe``) and the text decoder.

    .venv/bin/pip install atheris
    .venv/bin/python fuzz/fuzz_safe.py -max_total_time=600

Any string: a page title keeps no markup or control character, a spreadsheet cell never starts
like a formula unless it is a number, a link is http(s) or nothing; any bytes: ``decode`` returns
text or ``None``, never raises.
"""

import sys

import atheris

with atheris.instrument_imports():
    from xxgk.readers import decode
    from xxgk.safe import link_url, page_title, sheet_cell

FORMULA = ("=", "+", "-", "@", "\t", "\r")


def test_one_input(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))
    title = page_title(text)
    assert not any(c in title for c in "<>&\"'\n\r\x00\x7f")
    cell = sheet_cell(text)
    assert not cell.startswith(FORMULA) or cell.lstrip("+-").replace(".", "", 1).isdigit()
    url = link_url(text)
    assert url is None or url.lower().startswith(("http://", "https://"))
    decoded, encoding = decode(data)
    assert (decoded is None) == (encoding is None)


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
