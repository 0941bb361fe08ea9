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


def _package(root, out):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "xxgk.cli", "package", "--quiet", "--no-cache", "--reports",
                           str(root / "reports"), "--out", str(out)], capture_output=True, text=True, cwd=root)


def test_a_file_put_into_a_package_xxgk_made_is_never_deleted_by_the_next_build(tmp_path):
    """The marker made any folder holding it the tool's, whole: a ``.git`` a user made in the output to publish
    it, or their notes beside the data, went with the next build. The marker now lists what the build wrote; a
    folder holding anything else is refused, its files kept."""
    from .factory import tab_report

    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "good.txt").write_text(tab_report(agency="良好局"), encoding="utf-8")
    out = tmp_path / "datapackage"
    assert _package(tmp_path, out).returncode == 0
    assert _package(tmp_path, out).returncode == 0  # (its own files only: replaced, as ever)
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (out / "notes.md").write_text("mine", encoding="utf-8")
    result = _package(tmp_path, out)
    assert result.returncode == 2 and "'.git'" in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert (out / ".git" / "HEAD").is_file() and (out / "notes.md").read_text(encoding="utf-8") == "mine"
    assert (out / "datapackage.json").is_file()  # the package stays as it was


def test_a_folder_with_an_older_marker_that_lists_nothing_is_still_replaced(tmp_path):
    # (what an xxgk before the list wrote, or a build cut short: taken as the tool's, as before)
    from xxgk.folders import MARKER, MARKER_TEXT, check_output

    out = tmp_path / "site"
    out.mkdir()
    (out / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    (out / "index.html").write_text("<p>old</p>", encoding="utf-8")
    check_output(out, None, "--site")  # (no Refused)
