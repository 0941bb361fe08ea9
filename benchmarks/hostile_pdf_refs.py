"""What the PDF pre-parse check costs and saves on the inputs session 29 found outside it (fourth hostile-input
audit): a page list behind a chain of references, a cycle of references, page lists in LZW and RunLength object
streams. Each file is read as a build's worker reads it (``readers.read_bytes``); CPU seconds and the finding.

    PYTHONPATH=build:. .venv/bin/python -m benchmarks.hostile_pdf_refs [N]

N: the entries of each hostile page list (default 300,000). Before session 29 the chain took 4.4 CPU s and was
read as one page; the cycle ran until the worker's 120 s; the LZW and RunLength lists were left to the library
(the Flate one of 3,000,000 entries: 47 CPU s); lists of 999 entries each passed one by one (a million: 18 CPU s).
Session 30 added encrypted files (empty user password, RC4 and AES): before, the check read an encrypted object
stream as noise, and 300,000 entries in a 3.6 KB file took 4.5 CPU s and were read as one page; and an honest
file saved again by incremental updates (a 300-entry list written 15 times), refused before as 4,500 entries; and
an honest RC4-encrypted file with a 1 MB stream, which the library's RC4 (quadratic: ``xxgk.rc4``) took 49 CPU s to
decrypt.
"""

from __future__ import annotations

import sys
import time

from tests.test_h28hostile_audit import object_stream_pdf
from tests.test_h29hostile_audit import lzw, one_page, plain_pdf, run_length, tree_of_lists
from tests.test_h30hostile_audit import encrypted_pdf, saved_again

from xxgk.readers import read_bytes


def _cases(n: int) -> dict[str, bytes]:
    chain = one_page(b"6 0 R")
    chain[6], chain[7] = b"7 0 R", b"[" + b"3 0 R " * n + b"]"
    cycle = one_page(b"6 0 R")
    cycle[6], cycle[7] = b"7 0 R", b"6 0 R"
    return {"honest one page": plain_pdf(one_page()), "chain of references": plain_pdf(chain),
            "cycle of references": plain_pdf(cycle),
            "LZW object stream": object_stream_pdf(n, lzw, b"/LZWDecode"),
            "RunLength object stream": object_stream_pdf(n, run_length, b"/RunLengthDecode"),
            "honest LZW object stream": object_stream_pdf(3, lzw, b"/LZWDecode"),
            "lists each within the budget": tree_of_lists(max(1, n // 999), 999),
            "encrypted object stream (RC4)": encrypted_pdf(n), "encrypted object stream (AES)": encrypted_pdf(n, True),
            "honest encrypted (AES)": encrypted_pdf(3, True),
            "honest list of 300 saved again 14 times": saved_again(300, 14),
            "encrypted, no cross-reference table": _no_xref_encrypted(n // 3),
            "honest RC4-encrypted, 1 MB page content": encrypted_pdf(3, padding=1_000_000)}


def _no_xref_encrypted(objects: int) -> bytes:
    """``objects`` small objects, a /Encrypt and an object stream named, and no cross-reference table: the library
    scans such a file line by line (19 MB: 20 CPU s); the check's decryption (``readers._decipher``) scanned it
    first as well, doubling that, until it stopped opening a file whose table is broken."""
    body = b"".join(b"%d 0 obj\n<< /Type /ObjStm /Encrypt 5 >>\nendobj\n" % k for k in range(objects))
    return b"%PDF-1.5\n" + body + b"trailer\n<< /Root 1 0 R /Encrypt 2 0 R >>\n%%EOF\n"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
    for name, data in _cases(n).items():
        start = time.process_time()
        source = read_bytes(data, ".pdf")
        spent = time.process_time() - start
        said = "; ".join(f"{f.code}: {f.message}" for f in source.findings) or f"read: {source.text!r}"
        print(f"{name}: {len(data):,} bytes, {spent:.2f} CPU s — {said}")


if __name__ == "__main__":
    main()
