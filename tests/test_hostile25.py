"""Hostile inputs found in session 25's own review: what an attacker who can write into reports/ while the build
runs must not get published."""

from __future__ import annotations

import hashlib
import os

from xxgk.findings import make
from xxgk.package.collect import Input, _failed


def test_a_report_swapped_for_a_hard_link_after_the_listing_gets_no_checksum(tmp_path):
    """The listing refuses hard links, but a report that a worker failed on is hashed again later by name: if it
    was replaced by a hard link to a file outside reports/ in between, that file's SHA-256 (a fingerprint of a key
    or a password file) was published as the report's checksum."""
    reports, outside = tmp_path / "reports", tmp_path / "secret.txt"
    reports.mkdir()
    outside.write_bytes(b"hunter2\n")
    os.link(outside, reports / "a.txt")  # the swap: made after the folder was listed
    report = _failed(reports, Input("a.txt", "a.txt"), make("worker_died", detail="TimeoutError"))
    assert report.sha256 == ""
    assert hashlib.sha256(b"hunter2\n").hexdigest() not in repr(report)


def test_a_report_the_worker_failed_on_keeps_its_checksum_when_it_is_an_ordinary_file(tmp_path):
    """The refusal above is for files with other names only: an ordinary report keeps its checksum, so a reader
    can still tell which file the build failed on."""
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_bytes(b"report\n")
    report = _failed(reports, Input("a.txt", "a.txt"), make("worker_died", detail="TimeoutError"))
    assert report.sha256 == hashlib.sha256(b"report\n").hexdigest()
