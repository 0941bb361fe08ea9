"""Session 30, the incremental rebuild's CPU (issue 16): work a rebuild redid that it can take from what it has, the
output unchanged byte for byte."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest

from xxgk.package.database_file import ZIP_NAME
from xxgk.package.write import ZIP_BLOCK, ZIP_LEVEL, zip_into
from xxgk.site import downloads
from xxgk.site.downloads import GZIP_BLOCK, LEVEL, copy_downloads, gzip_file


def _gzipped(source: Path, folder: Path) -> bytes:
    """``source`` as ``downloads.gzip_file`` compresses it (the definition the downloads must equal)."""
    target = folder / (source.name + ".expected.gz")
    gzip_file(source, target)
    return target.read_bytes()


def _csv_text(rows: int, seed: int = 0) -> bytes:
    """A CSV like the package's: a BOM, a header, rows of ids, codes, numbers and Chinese text."""
    lines = ["report_id,row,applicant,value,note"]
    for k in range(rows):
        lines.append(f"r{(k * 7919 + seed) % 100003:06d}-某县人民政府办公室-{2019 + k % 7},row_{k % 23},"
                     f"natural_person,{(k * k + seed) % 9973},依申请公开第{k % 311}项办理结果说明")
    return ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8")


def _package(folder: Path, files: dict[str, bytes], zipped: dict[str, bytes] | None = None) -> Path:
    """A package folder holding ``files`` and the package's zip of them (``write.zip_into``), or of ``zipped``."""
    for rel, data in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    zip_into(folder / ZIP_NAME, sorted((zipped or files).items()))
    return folder


def _never_gzip(monkeypatch) -> list[str]:
    """``downloads.gzip_file`` replaced by one that records what it was asked to compress (and does it)."""
    asked: list[str] = []

    def recording(source: Path, target: Path) -> None:
        asked.append(Path(source).name)
        gzip_file(source, target)

    monkeypatch.setattr(downloads, "gzip_file", recording)
    return asked


def test_a_large_csv_download_is_the_zips_deflate_stream_not_compressed_again(tmp_path, monkeypatch):
    # a rebuild after 1 % of the reports changed deflated every large CSV twice: once into the package's zip, then
    # again (same library, same level) into the site's downloads/*.csv.gz — ≈ 45 MB at 2,000 reports, every build
    package = _package(tmp_path / "pkg", {"data/applications.csv": _csv_text(40_000),
                                          "data/sections.csv": _csv_text(30_000, seed=5)})
    assert (package / "data" / "applications.csv").stat().st_size > downloads.GZIP_ABOVE
    asked = _never_gzip(monkeypatch)
    copy_downloads(package, tmp_path / "downloads")
    assert asked == []  # neither CSV deflated again
    for name in ("applications.csv", "sections.csv"):
        made = (tmp_path / "downloads" / "data" / f"{name}.gz").read_bytes()
        assert made == _gzipped(package / "data" / name, tmp_path)  # byte for byte gzip_file's
        assert not (tmp_path / "downloads" / "data" / name).exists()


def test_the_zip_and_the_downloads_deflate_alike():
    # the .gz taken from the zip is gzip_file's only while both deflate alike — the same level, the input cut in
    # the same blocks (zlib-ng's output depends on both): one changed in one place only would publish other bytes
    assert (ZIP_LEVEL, ZIP_BLOCK) == (LEVEL, GZIP_BLOCK)


@pytest.mark.parametrize("damage", ["other bytes", "stored", "truncated zip", "no zip", "zip is a link",
                                    "shorter file", "longer file", "garbage"])
def test_a_zip_member_that_is_not_the_file_is_never_published(tmp_path, monkeypatch, damage):
    data = _csv_text(40_000)
    rel = "data/applications.csv"
    zipped = {rel: data}
    if damage == "other bytes":  # the zip of another build: the same size, other rows
        zipped = {rel: data.replace(b"row_1,", b"row_7,")}
    if damage == "shorter file":
        zipped = {rel: data[:-1]}
    if damage == "longer file":
        zipped = {rel: data + b"x"}
    package = _package(tmp_path / "pkg", {rel: data}, zipped)
    archive = package / ZIP_NAME
    if damage == "stored":
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as out:
            out.writestr(rel, data)
    elif damage == "truncated zip":
        archive.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    elif damage == "no zip":
        archive.unlink()
    elif damage == "zip is a link":
        real = tmp_path / "elsewhere.zip"
        archive.rename(real)
        archive.symlink_to(real)
    elif damage == "garbage":  # the central directory intact, the member's compressed bytes overwritten
        raw = bytearray(archive.read_bytes())
        with zipfile.ZipFile(io.BytesIO(bytes(raw))) as opened:
            info = opened.getinfo(rel)
        local = info.header_offset
        start = local + 30 + int.from_bytes(raw[local + 26:local + 28], "little") + \
            int.from_bytes(raw[local + 28:local + 30], "little") + 40
        raw[start:start + 2000] = bytes(range(256)) * 7 + bytes(208)
        archive.write_bytes(bytes(raw))
    asked = _never_gzip(monkeypatch)
    copy_downloads(package, tmp_path / "downloads")
    made = (tmp_path / "downloads" / rel).with_name("applications.csv.gz")
    assert made.read_bytes() == _gzipped(package / rel, tmp_path)  # compressed from the file itself, as before
    assert asked == ["applications.csv"]
    assert not list((tmp_path / "downloads").rglob("*.csv.gz.*"))


def test_the_seeds_and_corpus_downloads_equal_gzip_file_every_csv(corpus_build, tmp_path, monkeypatch):
    # every CSV and wide table of a real package gzipped (the threshold lowered): each .gz taken from the zip is
    # the file gzip_file writes, and none was deflated again
    package, _ = corpus_build
    copy = tmp_path / "pkg"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("sources"))
    monkeypatch.setattr(downloads, "GZIP_ABOVE", 0)
    asked = _never_gzip(monkeypatch)
    copy_downloads(copy, tmp_path / "downloads")
    csvs = sorted(p.relative_to(copy) for p in copy.rglob("*.csv"))
    assert len(csvs) >= 20
    for rel in csvs:
        made = tmp_path / "downloads" / rel.with_name(rel.name + ".gz")
        assert made.read_bytes() == _gzipped(copy / rel, tmp_path), rel
    assert not [name for name in asked if name.endswith(".csv")]
