"""What a hostile-input audit found (session 24): a PDF saved as ``reports/sources.csv`` was read by the PDF reader
in the build's own process, outside every per-file budget (a 2.3 MB PDF: more than 12 minutes and 11 GB); a huge
sparse file was hashed whole, the second time in the build's own process (200 GB: 6 minutes); a manifest URL with a
user name (``https://www.gov.cn@evil.example/``) became the report's link to its original; a symbolic link as
``reports/VERSION`` or ``CHANGELOG.md`` was ignored in silence (the package published version 0.1.0)."""

from __future__ import annotations

import hashlib
import io
import os
import zipfile

import pytest

from xxgk import readers
from xxgk.findings import make
from xxgk.folders import Refused
from xxgk.package.build import DEFAULT_VERSION, changelog, data_version
from xxgk.package.collect import Input, _failed, collect, read_manifest
from xxgk.safe import link_url
from xxgk.site.render import link

from .factory import tab_report


def _pdf() -> bytes:
    """A one-page PDF as its first bytes say (the reader must never see it)."""
    return b"%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n" + b"file,agency,year\n" * 50 + b"%%EOF\n"


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(("data", "kind"), [(_pdf(), "PDF"), (_docx(), "DOCX")])
def test_a_document_saved_as_the_manifest_is_refused_unread(tmp_path, monkeypatch, data, kind):
    def never(*_):
        raise AssertionError("a document reader ran on the manifest, in the build's own process")

    monkeypatch.setattr(readers, "pdf_to_text", never)
    monkeypatch.setattr(readers, "docx_to_text", never)
    (tmp_path / "sources.csv").write_bytes(data)
    rows, said = read_manifest(tmp_path)
    assert rows == {}
    [finding] = said.findings()
    assert finding.code == "manifest_row_unusable"
    assert "整个清单未使用" in finding.message and "不是文本文件" in finding.message and kind in finding.message


def test_a_manifest_in_gbk_is_still_read(tmp_path):
    (tmp_path / "sources.csv").write_bytes("file,agency\na.txt,格尔木市教育局\n".encode("gbk"))
    rows, said = read_manifest(tmp_path)
    assert rows["a.txt"]["agency"] == "格尔木市教育局" and not said.findings()


def _sparse(path, size: int):
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


def _no_hashing(monkeypatch):
    def never(_):
        raise AssertionError("a file too large to hash in bounded time was hashed")

    monkeypatch.setattr(readers, "sha256_of", never)
    # (a small stand-in for the real bound; raising=False: the check that it fails without the bound)
    monkeypatch.setattr(readers, "MAX_HASHED", readers.MAX_BYTES * 2, raising=False)


def test_a_huge_file_is_refused_from_its_size_without_hashing_it(tmp_path, monkeypatch):
    _no_hashing(monkeypatch)
    source = readers.read_path(_sparse(tmp_path / "big.txt", readers.MAX_BYTES * 3), nofollow=True)
    [finding] = source.findings
    assert finding.code == "file_unreadable" and "未计算 SHA-256" in finding.message
    assert source.sha256 == ""


def test_a_large_file_within_the_hashing_bound_keeps_its_digest(tmp_path):
    source = readers.read_path(_sparse(tmp_path / "big.txt", readers.MAX_BYTES + 1), nofollow=True)
    assert source.sha256 == hashlib.sha256(bytes(readers.MAX_BYTES + 1)).hexdigest()
    assert "未计算" not in source.findings[0].message


def test_a_file_whose_worker_ran_out_of_time_is_not_hashed_in_the_build_process_when_huge(tmp_path, monkeypatch):
    _no_hashing(monkeypatch)
    _sparse(tmp_path / "big.txt", readers.MAX_BYTES * 3)
    report = _failed(tmp_path, Input("big.txt", "big.txt"), make("over_budget", detail="处理超过 120 秒"))
    assert report.sha256 == "" and report.status == "failed"


@pytest.mark.parametrize("url", ["https://www.gov.cn@evil.example/x", "https://admin:hunter2@www.gov.cn/x"])
def test_an_address_with_a_user_name_or_password_is_never_a_link(url):
    assert link_url(url) is None
    assert "<a" not in link(url) and "href" not in link(url, "官方原文")


def test_a_manifest_url_with_a_password_is_refused_without_publishing_the_password(tmp_path):
    (tmp_path / "a.txt").write_text(tab_report(agency="格尔木市交通运输局"), encoding="utf-8")
    (tmp_path / "b.txt").write_text(tab_report(agency="格尔木市教育局"), encoding="utf-8")
    (tmp_path / "sources.csv").write_text("file,url\na.txt,https://admin:hunter2@www.gov.cn/x\n"
                                          "b.txt,https://www.gov.cn@evil.example/x\n", encoding="utf-8")
    reports = {r.source_file: r for r in collect(tmp_path)}
    for name in ("a.txt", "b.txt"):
        assert reports[name].manifest["url"] == ""
        [finding] = [f for f in reports[name].findings if f.code == "manifest_value_invalid"]
        assert finding.column == "url"
    said = [f.actual for f in reports["a.txt"].findings if f.code == "manifest_value_invalid"]
    assert said == ["https://…@www.gov.cn/x"]  # (the host kept, the credentials not quoted)
    assert not any("hunter2" in str(vars(f)) for r in reports.values() for f in r.findings)


def test_an_address_with_an_at_sign_after_its_host_is_still_a_link():
    assert link_url("https://www.gov.cn/x?mail=a@b.cn") == "https://www.gov.cn/x?mail=a@b.cn"


def _linked(tmp_path, name: str, text: str):
    reports = tmp_path / "reports"
    reports.mkdir()
    (tmp_path / "elsewhere").write_text(text, encoding="utf-8")
    (reports / name).symlink_to("../elsewhere")
    return reports


def test_a_symlinked_version_is_refused_never_taken_as_absent(tmp_path):
    reports = _linked(tmp_path, "VERSION", "0.3.0\n")
    with pytest.raises(Refused, match="VERSION: is a symbolic link"):
        data_version(reports)


def test_a_symlinked_changelog_is_refused_never_dropped_in_silence(tmp_path):
    reports = _linked(tmp_path, "CHANGELOG.md", "# 更新记录\n")
    with pytest.raises(Refused, match="CHANGELOG.md: is a symbolic link"):
        changelog(reports)


@pytest.mark.parametrize("name", ["VERSION", "CHANGELOG.md"])
def test_a_pipe_as_version_or_changelog_is_refused(tmp_path, name):
    os.mkfifo(tmp_path / name)
    with pytest.raises(Refused, match=f"{name}: is not a regular file"):
        (data_version if name == "VERSION" else changelog)(tmp_path)


def test_an_absent_version_or_one_that_is_a_folder_is_the_default(tmp_path):
    assert data_version(tmp_path) == DEFAULT_VERSION and changelog(tmp_path) is None
    (tmp_path / "VERSION").mkdir()  # (a folder of that name holds reports)
    assert data_version(tmp_path) == DEFAULT_VERSION
