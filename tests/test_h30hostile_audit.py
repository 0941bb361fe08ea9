"""What the fifth hostile-input audit found (session 30): an encrypted PDF's object streams, which the pre-parse
check could not read, and the cycle and the quadratic RC4 its decryption met; page lists written again by honest
incremental updates; a 200,000-digit cell quoted whole in findings.csv; a fee of a tiny fraction that stopped the
whole build; a password-protected .docx called an old Word file."""

from __future__ import annotations

import hashlib
import struct
import zlib

import pytest

from xxgk.readers import read_bytes

from .test_splitting_bound import no_hang

PADDING = (b"(\xbfN^Nu\x8aAd\x00NV\xff\xfa\x01\x08..\x00\xb6\xd0h>\x80/\x0c\xa9\xfedSiz")
FILE_ID = bytes(range(16))
OWNER = bytes(range(100, 132))  # (any 32 bytes: the owner password is never asked for)
PERMISSIONS = -4


def _rc4(key: bytes, data: bytes) -> bytes:
    state, j, out = list(range(256)), 0, bytearray()
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


def _file_key(aes: bool) -> bytes:
    """The key an empty user password opens (PDF 32000 7.6.3.3, algorithm 2): 40-bit RC4 (revision 2) or, for AES,
    128 bits hashed 50 more times (revision 4)."""
    digest = hashlib.md5(PADDING + OWNER + struct.pack("<i", PERMISSIONS) + FILE_ID).digest()
    if not aes:
        return digest[:5]
    for _ in range(50):
        digest = hashlib.md5(digest).digest()
    return digest


def _encrypt_dictionary(aes: bool) -> bytes:
    key = _file_key(aes)
    if not aes:
        user, version = _rc4(key, PADDING), b"/V 1 /R 2 /Length 40"
    else:  # (algorithm 5: 16 bytes that matter, padded to 32)
        user = _rc4(key, hashlib.md5(PADDING + FILE_ID).digest())
        for i in range(1, 20):
            user = _rc4(bytes(b ^ i for b in key), user)
        user, version = user + bytes(16), (b"/V 4 /R 4 /Length 128 /StmF /StdCF /StrF /StdCF"
                                           b" /CF << /StdCF << /CFM /AESV2 /Length 16 /AuthEvent /DocOpen >> >>")
    return b"<< /Filter /Standard %s /O <%s> /U <%s> /P %d >>" % (version, OWNER.hex().encode(),
                                                                    user.hex().encode(), PERMISSIONS)


def _encrypt(number: int, data: bytes, aes: bool) -> bytes:
    """Object ``number``'s stream data encrypted with its own key (algorithm 1)."""
    key = _file_key(aes) + struct.pack("<i", number)[:3] + b"\x00\x00"
    if not aes:
        return _rc4(hashlib.md5(key).digest()[:len(key)], data)
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    iv, padded = bytes(range(16)), data + bytes([16 - len(data) % 16]) * (16 - len(data) % 16)
    encryptor = Cipher(algorithms.AES(hashlib.md5(key + b"sAlT").digest()), modes.CBC(iv)).encryptor()
    return iv + encryptor.update(padded) + encryptor.finalize()


def encrypted_pdf(times: int, aes: bool = False, in_stream: bool = True, extra: dict[int, bytes] | None = None,
                  encryption: bytes = b"8 0 R", padding: int = 0) -> bytes:
    """A PDF 1.5 of one page ("Hello") encrypted for an empty user password, as many government reports are
    (printing or copying restricted by the owner's): its page list (object 2), naming the page ``times`` times,
    sits in a Flate object stream (object 6) when ``in_stream``, else is written plainly; every stream encrypted
    (the cross-reference stream, object 7, never is); object 8 is the encryption dictionary, which the trailer
    names as ``encryption``; ``extra``: more objects, numbered from 9; ``padding``: spaces after the page's
    content (object 4, not compressed)."""
    content = b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET" + b" " * padding
    pages = b"<< /Type /Pages /Kids [" + b" ".join([b"3 0 R"] * times) + b"] /Count %d >>" % times
    plain = {1: b"<< /Type /Catalog /Pages 2 0 R >>",
             3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                b" /Resources << /Font << /F1 5 0 R >> >> >>",
             4: content,
             5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
             8: _encrypt_dictionary(aes), **(extra or {})}
    if in_stream:
        plain[6] = (b"2 0 ", b"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", zlib.compress(b"2 0 " + pages))
    else:
        plain[2] = pages
    out, offsets = bytearray(b"%PDF-1.5\n"), {}
    for number, body in sorted(plain.items()):
        offsets[number] = len(out)
        if number == 4:
            stream = _encrypt(4, content, aes)
            body = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream)
        elif number == 6:
            stream = _encrypt(6, body[2], aes)
            body = b"%s /Length %d >>\nstream\n%s\nendstream" % (body[1], len(stream), stream)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    offsets[7], size = len(out), max(plain) + 1
    rows = [b"\x00\x00\x00\x00\x00\xff\xff"] + [
        b"\x02" + (6).to_bytes(4, "big") + b"\x00\x00" if number == 2 and in_stream
        else b"\x01" + offsets.get(number, 0).to_bytes(4, "big") + b"\x00\x00" for number in range(1, size)]
    xref = b"".join(rows)
    out += (b"7 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Encrypt %s /ID [<%s> <%s>] /Length %d >>"
            b"\nstream\n%s\nendstream\nendobj\n"
            % (size, encryption, FILE_ID.hex().encode(), FILE_ID.hex().encode(), len(xref), xref))
    out += b"startxref\n%d\n%%%%EOF\n" % offsets[7]
    return bytes(out)


def findings(data: bytes) -> list[tuple[str, str]]:
    return [(f.code, f.message) for f in read_bytes(data, ".pdf").findings]


@pytest.mark.parametrize("aes", [False, True])
def test_an_honest_encrypted_pdf_is_read(aes):
    """An empty user password opens it, as the library opens it (its page list in an object stream or not)."""
    assert read_bytes(encrypted_pdf(3, aes), ".pdf").text == "Hello"
    assert read_bytes(encrypted_pdf(3, aes, in_stream=False), ".pdf").text == "Hello"


@pytest.mark.parametrize("aes", [False, True])
def test_a_page_list_in_an_encrypted_object_stream_is_counted_before_it_is_parsed(aes):
    """Every stream of an encrypted file is encrypted, object streams too: the check inflated the encrypted bytes,
    read noise and counted nothing, so a 3.6 KB file naming one page 300,000 times took 4.5 CPU s (3,000,000: the
    worker's 120 s) and was read as one page. The stream is now decrypted as the library would, then counted."""
    assert findings(encrypted_pdf(5000, aes)) == [
        ("over_budget", "超出处理上限：PDF 的页面列表有 5000 项，超过上限 1000 页")]


def saved_again(entries: int, saves: int) -> bytes:
    """A one-page PDF whose page list names its page ``entries`` times, saved ``saves`` times more by incremental
    updates that each write the page list again (object 2) with a cross-reference section of its own and /Prev, as
    an editor does when pages are inserted, moved or deleted and the file saved without "Save As"."""
    from .test_h29hostile_audit import one_page, plain_pdf

    objects = one_page(b"[" + b"3 0 R " * entries + b"]")
    data = bytearray(plain_pdf(objects))
    previous = int(data[data.rindex(b"startxref") + 9:].split()[0])
    for _ in range(saves):
        at = len(data)
        data += b"2 0 obj\n%s\nendobj\n" % objects[2]
        xref = len(data)
        data += (b"xref\n2 1\n%010d 00000 n \ntrailer\n<< /Size 6 /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n"
                 % (at, previous, xref))
        previous = xref
    return bytes(data)


def test_a_report_saved_many_times_by_incremental_updates_is_still_read():
    """A page list of 300 entries written 15 times (the original and 14 saves, 4,500 entries in all): refused as
    over 4,000 entries, every definition counted, though the library reads one of them. Each object now counts
    once, at its longest definition."""
    source = read_bytes(saved_again(300, 14), ".pdf")
    assert source.text == "Hello" and not source.findings


def test_a_later_short_definition_does_not_hide_the_long_page_lists_the_library_reads():
    """100 subtrees each naming an array object of 999 entries (/Kids 5000 0 R), each array then written again as
    ``[3 0 R]`` after the last cross-reference section, where the library never looks: only the later, short
    definition counted, so 100,000 entries passed as 200 (a thousand such subtrees: 18 CPU s). Each object now
    counts at its longest."""
    from .test_h29hostile_audit import tree_of_lists

    data = tree_of_lists(100, 999, by_reference=True)
    data += b"".join(b"%d 0 obj\n[3 0 R]\nendobj\n" % (5000 + k) for k in range(100))
    assert findings(data) == [("over_budget", "超出处理上限：PDF 的页面列表共有 100000 项，超过上限 4000 项")]


def test_page_lists_made_to_look_like_one_objects_definitions_are_counted_as_written():
    """The object numbers the check reads from the bytes can be forged: a string ``(7 0 obj)`` in each subtree's
    dictionary makes its list look like a definition of object 7, so that counting each object once would count 100
    lists of 999 entries as one. Every definition as written is held to a budget of its own (25,000)."""
    from .test_h29hostile_audit import tree_of_lists

    data = tree_of_lists(100, 999).replace(b"<< /Type /Pages /Parent", b"<< /T (7 0 obj) /Type /Pages /Parent")
    assert findings(data) == [
        ("over_budget", "超出处理上限：PDF 写出的页面列表（含重写的）共有 100000 项，超过上限 25000 项")]


def test_a_count_of_200000_digits_is_quoted_by_its_start_and_length_in_findings_csv(tmp_path):
    """A report whose 本年新收 cell for 自然人 prints 200,000 nines: refused (``value_invalid``) as a count no
    agency has, but quoted whole in the finding's ``actual`` and again in its message: findings.csv held a cell of
    200,001 characters, which Python's csv module refuses by default (``field larger than field limit (131072)``),
    stopping a reader's script on the package's own table, and no Excel cell holds (32,767). Quoted now by its
    start and length, as a refused manifest value is."""
    import subprocess
    import sys

    from xxgk.package.build import build_package

    from .factory import tab_report

    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(tab_report(cell="9" * 200_000, agency="格尔木市财政局"), encoding="utf-8")
    _, errors = build_package(reports, tmp_path / "datapackage", workers=1)
    assert errors == []
    # read as a reader's script would, in a fresh Python whose csv module has its default limit
    script = ("import csv, sys\nwith open(sys.argv[1], encoding='utf-8-sig', newline='') as f:\n"
              "    for r in csv.DictReader(f):\n        if r['code'] == 'value_invalid':\n"
              "            print(r['actual'])\n            print(r['message'][-30:])\n")
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path / "datapackage" / "data" / "findings.csv")],
                         capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == "9" * 10_000 + "…（共 200000 个字）"
    assert out[1].endswith("9…（共 200000 个字）”不可能成立：记为缺失")


@pytest.mark.parametrize("fee", ["0." + "0" * 30 + "1", "0.00000000001元"])
def test_a_fee_of_a_tiny_fraction_is_invalid_not_the_end_of_the_build(tmp_path, fee):
    """A report printing its 行政事业性收费 as 0.0000000000000000000000000000001 (万元), or 0.00000000001元: one
    significant digit, so it was read, then written in plain notation with 32 (16) digits, a CSV cell a
    spreadsheet reads as another number, so the CSV marked it as text (``'0.000…``) in the number column
    ``amount``; the package then failed its own validation and the build stopped, every other report unpublished.
    It is now ``value_invalid`` (missing, quoted in the finding), the other report published as before."""
    import csv

    from xxgk.package.build import build_package
    from xxgk.safe import cell_text

    from .factory import tab_report

    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(tab_report(fee=fee, agency="格尔木市财政局"), encoding="utf-8")
    (reports / "b.txt").write_text(tab_report(fee="12.5", agency="格尔木市民政局"), encoding="utf-8")
    _, errors = build_package(reports, tmp_path / "datapackage", workers=1)
    assert errors == []
    data = tmp_path / "datapackage" / "data"
    with (data / "reports.csv").open(encoding="utf-8-sig", newline="") as handle:
        ids = {r["report_id"]: r["source_file"] for r in csv.DictReader(handle)}
    with (data / "active_disclosure.csv").open(encoding="utf-8-sig", newline="") as handle:
        fees = {ids[r["report_id"]]: r["amount"] for r in csv.DictReader(handle) if r["item"] == "fees"}
    assert fees == {"a.txt": "", "b.txt": "12.5"}
    with (data / "findings.csv").open(encoding="utf-8-sig", newline="") as handle:
        found = [(r["code"], cell_text(r["actual"])) for r in csv.DictReader(handle)
                 if ids[r["report_id"]] == "a.txt" and r["table"] == "2"]
    assert found == [("value_invalid", fee)]


def compound_file(*names: str) -> bytes:
    """An OLE2 compound file (a header, then a directory sector) whose directory names the streams ``names``."""
    header = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff\x09\x00" + bytes(512 - 32)
    entries = b""
    for name in ("Root Entry", *names):
        encoded = (name + "\0").encode("utf-16-le")
        entries += encoded.ljust(64, b"\0") + len(encoded).to_bytes(2, "little") + bytes(128 - 66)
    return header + entries.ljust(512, b"\0")


@pytest.mark.parametrize("suffix", [".docx", ".doc"])
def test_a_password_protected_docx_is_said_to_be_encrypted_not_an_old_word_file(suffix):
    """A .docx saved with a password to open is the document encrypted inside an OLE2 compound file (stream
    EncryptedPackage): it was refused as an Office 97-2003 or WPS file, to be saved as .docx — which it is; a
    transparency office reading the finding was sent the wrong way. It is now said to be encrypted."""
    source = read_bytes(compound_file("EncryptionInfo", "EncryptedPackage"), suffix)
    assert [(f.code, f.message) for f in source.findings] == [
        ("format_unsupported", "文件格式不支持：加密的 Office 文档（.docx、.xlsx 等，打开需要密码）；"
                               "另存为 .docx、PDF、网页或文本后可以读取")]
    assert not source.text
    assert "Office 97-2003" in read_bytes(compound_file("WordDocument"), suffix).findings[0].message


def test_an_encryption_dictionary_behind_a_cycle_of_references_is_refused_at_once():
    """The trailer's /Encrypt naming object 9, which is ``10 0 R``, itself ``9 0 R``: opening the file's decryption
    for the check (``readers._decipher``) followed the cycle without end, inside the check meant to stop such
    files (until the worker's 120 s). Opening it now follows at most ``DOCUMENT_LOOKUPS`` references; the cycle is
    then refused as any other (the guard here is a hang detector, not a speed test)."""
    with no_hang(60):
        assert findings(encrypted_pdf(3, extra={9: b"10 0 R", 10: b"9 0 R"}, encryption=b"9 0 R")) == [
            ("file_unreadable", "无法读取文件：PDF 的对象引用成环（9 → 10 → 9）")]
    assert read_bytes(encrypted_pdf(3, extra={9: b"10 0 R", 10: b"8 0 R"}, encryption=b"9 0 R"), ".pdf").text \
        == "Hello"


def test_an_rc4_encrypted_report_with_a_large_stream_is_read_in_time_linear_in_it():
    """An RC4-encrypted report (older Acrobat's and WPS's default) whose page content is a 1.5 MB stream: the PDF
    library's RC4 builds its output a byte at a time, time growing with the square of the data (100 KB: 0.15 CPU s;
    1 MB: 49 s), so this honest file took about two minutes and was lost to the worker's 120 s; the check's own
    decryption of object streams doubled that cost for theirs. RC4 is now linear (``xxgk.rc4``); same text."""
    data = encrypted_pdf(3, padding=1_500_000)
    with no_hang(60):
        source = read_bytes(data, ".pdf")
    assert source.text == "Hello" and not source.findings


def test_a_cross_reference_stream_claiming_a_million_objects_it_does_not_hold_is_refused_without_a_page_tree():
    """A 667-byte PDF 1.5 whose cross-reference stream says ``/Size 1000000`` over its 8 entries, its catalog's
    /Pages misspelled: with no page in the tree the library looks up every object the cross-references name to find
    pages, an entry past the stream's data counting as one in use: 37 CPU s, then read as one page (10,000,000:
    the worker's 120 s). Refused now, at once; the same claim beside a page tree that gives the page is read, and
    so is a file without a page tree whose cross-references hold what they claim (the library finds the page)."""
    from .test_h28hostile_audit import object_stream_pdf

    data = object_stream_pdf(3)
    assert findings(data.replace(b"/Size 8", b"/Size 1000000").replace(b"/Pages 2 0 R", b"/Pagex 2 0 R")) == [
        ("over_budget", "超出处理上限：PDF 没有可用的页面树，而交叉引用流声称有 1000000 个对象（只写了 8 个），"
                        "逐个查找超过上限 100000 个")]
    assert read_bytes(data.replace(b"/Size 8", b"/Size 1000000"), ".pdf").text == "Hello"
    assert read_bytes(data.replace(b"/Pages 2 0 R", b"/Pagex 2 0 R"), ".pdf").text == "Hello"
