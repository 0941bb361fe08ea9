"""What the review of session 32's second-round readers and PDF guards found (session 33): work the guards did not
bound, …"""

from __future__ import annotations

from .test_h32bhostile_audit import _hello, _pdf, _said


def test_operands_no_operator_takes_make_no_later_operator_slow():
    """240,000 zeros no operator takes, then 240,000 ``w`` (480,000 objects a page, under the page's bound of
    500,000; 1.3 KB of Flate): the library's interpreter copied the rest of its stack for each operator, 33 CPU s a
    page, and three such pages held the worker past a minute with no finding. Each operator now costs what it takes:
    the file is read."""
    findings, text = _said(_pdf([_hello(b"Hello") + b"0 " * 240_000 + b"w " * 240_000] * 3))
    assert findings == [] and text.startswith("Hello")
