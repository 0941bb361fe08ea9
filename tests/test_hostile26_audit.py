"""What a hostile-input audit found (session 26): a file put into ``--out`` while a build ran was deleted when the new
package was swapped in (the folder was checked only when the build started); a user's copy of the package kept
beside it as ``.out.old-backup`` was taken for a swap cut short and deleted; a cell printed in another script's digits
(``৪``, Bengali four, drawn like an 8) was published as that number; a failed MkDocs left the build saying only that the
package was written, under MkDocs' traceback; a blank "letter" (U+3164) inside a title's agency name cut the name
there; a ``VERSION`` of full-width digits was published as the version."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from xxgk.folders import MARKER, Refused, seal, staging_for, swap_in
from xxgk.package.write import write_streamed

from .factory import tab_report


def _fill(text: str):
    def fill(staging: Path) -> None:
        (staging / "data").mkdir()
        (staging / "data" / "reports.csv").write_text(text, encoding="utf-8")
    return fill


def test_a_file_put_into_the_output_during_the_build_is_kept_and_the_swap_refused(tmp_path):
    """The user writes notes into ``out/`` while the build writes the new package beside it."""
    out = tmp_path / "out"
    assert write_streamed(_fill("old\n"), out) == []

    def fill_while_the_user_writes(staging: Path) -> None:
        _fill("new\n")(staging)
        (out / "notes.txt").write_text("mine", encoding="utf-8")  # after the build's checks, before its swap

    with pytest.raises(Refused, match="notes.txt"):
        write_streamed(fill_while_the_user_writes, out)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "data" / "reports.csv").read_text(encoding="utf-8") == "old\n"  # the old output, whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no staging or old folder left


def test_a_site_given_a_git_folder_during_the_build_keeps_it(tmp_path):
    """``swap_in`` serves the site too: a ``.git`` made in it while MkDocs ran stays, with the old site."""
    site = tmp_path / "site"
    staging = staging_for(site)
    (staging / "index.html").write_text("old", encoding="utf-8")
    seal(staging)  # (as build_site does before its swap)
    swap_in(staging, site)
    new = staging_for(site)
    (new / "index.html").write_text("new", encoding="utf-8")
    seal(new)
    (site / ".git").mkdir()
    with pytest.raises(Refused, match="'.git'"):
        swap_in(new, site)
    assert (site / ".git").is_dir() and (site / "index.html").read_text(encoding="utf-8") == "old"
    shutil.rmtree(site / ".git")
    swap_in(new, site)  # nothing added: swapped as before
    assert (site / "index.html").read_text(encoding="utf-8") == "new"


def test_a_users_backup_named_like_an_old_output_is_kept(tmp_path):
    out = tmp_path / "out"
    assert write_streamed(_fill("old\n"), out) == []
    backup = tmp_path / ".out.old-backup-20261201"
    shutil.copytree(out, backup)  # a copy of the package: it carries the marker
    assert (backup / MARKER).is_file()
    assert write_streamed(_fill("new\n"), out) == []
    assert (backup / "data" / "reports.csv").read_text(encoding="utf-8") == "old\n"
    shutil.rmtree(out)  # with no output, the backup is not taken for a swap cut short either
    assert write_streamed(_fill("newer\n"), out) == []
    assert backup.is_dir() and (out / "data" / "reports.csv").read_text(encoding="utf-8") == "newer\n"


def test_a_build_cut_between_its_two_renames_is_still_mended(tmp_path):
    """The build's own ``.out.old-<pid>`` (a swap killed half-way) is still restored when ``out`` is missing."""
    out = tmp_path / "out"
    assert write_streamed(_fill("old\n"), out) == []
    out.rename(tmp_path / ".out.old-4242")
    assert write_streamed(_fill("new\n"), out) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def _package(root: Path) -> Path:
    out = root / "out"
    result = subprocess.run([sys.executable, "-m", "xxgk.cli", "package", "--quiet", "--no-cache", "--reports",
                             str(root / "reports"), "--out", str(out)], capture_output=True, text=True, cwd=root)
    assert result.returncode == 0, result.stderr
    return out


def _rows(out: Path, name: str) -> list[dict]:
    with open(out / "data" / f"{name}.csv", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


OTHER_DIGITS = ["৪", "١٢", "๕", "१२"]
WIDE_DIGITS = [("１２", "12"), ("𝟓", "5")]
BLANKS = ["\u3164", "\uffa0", "\u115f", "\u2800", "\u034f", "\ufe00", "\U000e0100"]
_AGENCIES = ["数据局", "民政局", "财政局", "教育局", "水利局", "商务局"]


@pytest.fixture(scope="module")
def packaged(tmp_path_factory) -> Path:
    """One ``xxgk package`` of every case of this module's parametrized tests, each its own report file (a case
    per run cost a process and a package each): ``digits-<i>.txt`` prints ``OTHER_DIGITS[i]``, then
    ``WIDE_DIGITS``' cases, in 自然人's cell of 本年新收 (each its own agency: no case is another's twin);
    ``blank-<i>.txt`` prints ``BLANKS[i]`` inside its title's agency name. The package's folder."""
    root = tmp_path_factory.mktemp("hostile26")
    (root / "reports").mkdir()
    for i, printed in enumerate(OTHER_DIGITS + [printed for printed, _ in WIDE_DIGITS]):
        (root / "reports" / f"digits-{i}.txt").write_text(
            tab_report(cell=printed, agency=f"样例县{_AGENCIES[i]}"), encoding="utf-8")
    for i, blank in enumerate(BLANKS):
        (root / "reports" / f"blank-{i}.txt").write_text(tab_report(agency=f"样例县{blank}数据局"), encoding="utf-8")
    return _package(root)


def _of(out: Path, name: str, source_file: str) -> list[dict]:
    """The rows of ``data/<name>.csv`` of the report read from ``source_file``."""
    (report_id,) = [r["report_id"] for r in _rows(out, "reports") if r["source_file"] == source_file]
    return [r for r in _rows(out, name) if r["report_id"] == report_id]


@pytest.mark.parametrize("case", range(len(OTHER_DIGITS)), ids=OTHER_DIGITS)
def test_a_count_printed_in_another_scripts_digits_is_missing_with_a_finding(packaged, case):
    """``৪`` is Bengali four drawn like an 8: a reader sees one number, ``int()`` reads another."""
    new = {r["applicant"]: r["value"] for r in _of(packaged, "applications", f"digits-{case}.txt") if r["row"] == "new"}
    assert new["natural_person"] == ""  # missing, never 4 or 12
    assert new["total"] == "5"  # the rest of the row as printed
    unreadable = [f for f in _of(packaged, "findings", f"digits-{case}.txt") if f["code"] == "value_unreadable"]
    assert [f["actual"] for f in unreadable] == [OTHER_DIGITS[case]]


@pytest.mark.parametrize("case", range(len(WIDE_DIGITS)), ids=[printed for printed, _ in WIDE_DIGITS])
def test_full_width_and_mathematical_digits_are_still_numbers(packaged, case):
    source_file = f"digits-{len(OTHER_DIGITS) + case}.txt"
    new = {r["applicant"]: r["value"] for r in _of(packaged, "applications", source_file) if r["row"] == "new"}
    assert new["natural_person"] == WIDE_DIGITS[case][1]


def build_with_a_full_disk_for_mkdocs(folder):
    """``xxgk build`` of one report in a project ``folder`` whose MkDocs raises as on a full disk (its mkdocs.yml's
    hook raises ``OSError(28)``): the finished process."""
    (folder / "mkdocs.yml").write_text("site_name: x\ndocs_dir: site_src\nhooks:\n  - full.py\n", encoding="utf-8")
    (folder / "full.py").write_text("def on_config(config):\n    raise OSError(28, 'No space left on device')\n",
                                    encoding="utf-8")
    (folder / "reports").mkdir()
    (folder / "reports" / "r.txt").write_text(tab_report(), encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "xxgk.cli", "build", "--quiet", "--no-cache", "--reports",
                           "reports", "--out", "out", "--site", "site"], capture_output=True, text=True, cwd=folder)


def test_a_site_mkdocs_failed_to_build_is_said_in_one_line_under_its_error_without_its_traceback(tmp_path):
    """A full disk made MkDocs raise: its thirty-line traceback, then ``N reports → out``, exit 1, and nothing said
    the site was not updated. (Any mkdocs.yml makes a project folder; its hook raises as a full disk did.)"""
    result = build_with_a_full_disk_for_mkdocs(tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "  File " not in result.stderr, result.stderr
    assert "OSError: [Errno 28] No space left on device" in result.stderr  # MkDocs' reason, one line
    assert result.stderr.rstrip().splitlines()[-1].startswith("xxgk: error: the site was not built")
    assert not (tmp_path / "site").exists()  # (no previous site: none made)


@pytest.mark.parametrize("case", range(len(BLANKS)), ids=[f"U+{ord(blank):04X}" for blank in BLANKS])
def test_a_blank_letter_inside_a_titles_agency_name_refuses_the_name_never_cuts_it(packaged, case):
    """A Hangul filler, the braille blank, a variation selector: nothing shows, yet the name was cut there."""
    blank = BLANKS[case]
    (report,) = _of(packaged, "reports", f"blank-{case}.txt")
    assert report["agency"] != "数据局"  # the cut name, which the report never prints alone
    (refused,) = [f for f in _of(packaged, "findings", f"blank-{case}.txt") if f["code"] == "agency_unreadable"]
    code = f"\\U{ord(blank):08x}" if ord(blank) > 0xFFFF else f"\\u{ord(blank):04x}"
    assert code in refused["actual"]  # the line quoted with the character written as its code


@pytest.mark.parametrize("version", ["１.２.３", "١.٢.٣"])
def test_a_version_of_other_digits_is_refused_in_one_line(tmp_path, version):
    """A full-width ``１.２.３`` was published as the package's version, which no semantic-version reader takes."""
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "r.txt").write_text(tab_report(), encoding="utf-8")
    (tmp_path / "reports" / "VERSION").write_text(version + "\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "xxgk.cli", "package", "--quiet", "--no-cache", "--reports",
                             "reports", "--out", "out"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 2 and "not a version number" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and not (tmp_path / "out").exists()


def test_a_build_interrupted_while_removing_the_old_output_leaves_nothing_the_next_build_keeps(tmp_path, monkeypatch):
    """Ctrl-C while the old site was being deleted left ``.site.old-<pid>`` without its marker (rmtree took it at a
    random moment): nobody's, never removed again, whatever its size. Here the interruption comes right after the
    marker is deleted, the worst moment."""
    import os

    out = tmp_path / "out"

    def fill(staging: Path) -> None:
        for number in range(40):
            (staging / f"part{number:02}.csv").write_text("x\n", encoding="utf-8")

    assert write_streamed(fill, out) == []
    unlink = os.unlink

    def interrupted_after_the_marker(path, *args, **kwargs):
        unlink(path, *args, **kwargs)
        if os.path.basename(os.fsdecode(path)) == MARKER:
            raise KeyboardInterrupt

    monkeypatch.setattr(os, "unlink", interrupted_after_the_marker)
    with pytest.raises(KeyboardInterrupt):
        write_streamed(fill, out)
    monkeypatch.setattr(os, "unlink", unlink)
    assert write_streamed(fill, out) == []  # the next build
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_an_encrypted_pdf_is_said_to_be_encrypted(tmp_path):
    """A PDF opened with a password: the finding said only ``PdfminerException: ``."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    from xxgk.readers import read_path

    path = tmp_path / "r.pdf"
    pdf = canvas.Canvas(str(path), encrypt=StandardEncryption("secret", ownerPassword="owner"))
    pdf.drawString(100, 700, "2024")
    pdf.save()
    (finding,) = read_path(path).findings
    assert finding.code == "file_unreadable" and "已加密" in finding.message, finding.message


def test_one_very_long_line_does_not_hide_the_rest_of_the_source_page(tmp_path):
    """A line of 5 million characters after the title: the source page showed the first two lines only, so the
    tables (whose values link to their lines) and the rest of the text were neither shown nor searchable. Here a
    line of 2,100,000 characters, over the page's 2 million."""
    import lxml.html

    from .conftest import site_of

    (tmp_path / "reports").mkdir()
    text = tab_report(narrative="x" * 2_100_000 + "\n本年度工作概述。")
    (tmp_path / "reports" / "r.txt").write_text(text, encoding="utf-8")
    (page,) = (site_of(tmp_path / "reports", tmp_path) / "src").glob("*.html")
    assert page.stat().st_size < 200_000
    doc = lxml.html.document_fromstring(page.read_text(encoding="utf-8"))
    lines = doc.xpath("//div[@class='xxgk-source']//span[@data-n]")
    assert len(lines) == text.count("\n") + 1  # every line, the tables' too (before: the first 2)
    long = next(line for line in lines if "x" * 100 in line.text_content())
    assert "此行共 2100000 字" in long.text_content()  # cut, and said so
    assert any(line.text_content().startswith("行政许可") for line in lines)


def test_an_output_in_a_folder_that_cannot_be_written_is_refused_before_any_work(tmp_path, monkeypatch):
    """A read-only ``--site`` parent failed only at the site stage, after every report was parsed and packaged."""
    import os

    from xxgk.folders import check_output

    locked_up = tmp_path / "mounted-read-only"
    locked_up.mkdir()
    access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: Path(path) != locked_up and access(path, mode, **kw))
    for out in (locked_up / "site", locked_up / "new" / "site"):  # (a folder to be made: where it would be made)
        with pytest.raises(Refused, match="cannot write in"):
            check_output(out, tmp_path / "reports", "--site")
    check_output(tmp_path / "site", tmp_path / "reports", "--site")  # elsewhere: fine


def test_report_ids_of_many_files_are_all_different_and_stable():
    """Each id was checked against every id given so far: 40,000 files took 29 s, 100,000 about 3 minutes of the
    build's own process before any report was read. Same ids as before, all different (the time is measured by
    ``benchmarks/report_ids_linearity.py``: 60,000 names took about 65 s before, 0.4 s now)."""
    from xxgk.package.collect import report_ids

    names = [f"r{n:06d}.txt" for n in range(60_000)] + ["a.txt", "A.txt"]
    ids = report_ids(names)
    assert len(set(ids.values())) == len(names)
    assert ids["r000007.txt"] == report_ids(["r000007.txt"])["r000007.txt"]
