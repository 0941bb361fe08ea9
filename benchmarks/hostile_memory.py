"""Peak memory and CPU of each reader on each structure bomb, each file read in its own budgeted worker as the build
reads it (session 41, hostile round 9): ``collect.parse_one`` in a pool of one worker started by the build's own
initializer (``pool._start_worker``: the 3 GB address-space cap), its CPU time ``readers.BUDGET.seconds``.

    PYTHONPATH=build:. .venv/bin/python -m benchmarks.hostile_memory [NAME ...]

Each file is measured in a fresh process (``--one``), which forks the worker: the worker's peak resident memory
(``ru_maxrss`` of the reaped worker; it starts as large as the process it was forked from, printed as ``base``) and
its CPU seconds (user + system), with what the file became — its failing finding (``over_budget``,
``file_unreadable``, ``worker_died`` …) or ``read`` with the reading's findings. The README's bound is 3 GB of
address space and 120 s a file; a bomb must end in a finding well inside both, never in ``worker_died``.

NAME selects cases whose name contains it. The honest rows are the floor a worker costs reading a report.
"""

from __future__ import annotations

import io
import json
import os
import resource
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Callable

from tests.factory import as_docx, tab_report
from tests.test_h27hostile_audit import _deep_page_tree_pdf
from tests.test_h29hostile_audit import one_page, plain_pdf
from tests.test_h37hostile import END, _small_data, _streams, compound
from tests.test_h39hostile import HELLO, _flate, _pdf
from tests.test_h41hostile import lying_zip

AGENCY = "甲县民政局"
DOCUMENT = "word/document.xml"


def _docx_with(parts: dict[str, bytes]) -> bytes:
    """The synthetic report as a .docx, its parts named in ``parts`` replaced (or added), each deflated."""
    original = zipfile.ZipFile(io.BytesIO(as_docx(tab_report(agency=AGENCY))))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as docx:
        for item in original.infolist():
            docx.writestr(item.filename, parts.pop(item.filename, None) or original.read(item.filename))
        for name, data in parts.items():
            docx.writestr(name, data)
    return out.getvalue()


def _document() -> str:
    original = zipfile.ZipFile(io.BytesIO(as_docx(tab_report(agency=AGENCY))))
    return original.read(DOCUMENT).decode()


def docx_entities() -> bytes:
    """Entities of entities ("billion laughs"): ``&i;`` is 10^9 characters."""
    names = "abcdefghi"
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {name} "{("&" + previous + ";") * 10}">' for previous, name in zip(names, names[1:], strict=False))
    head, _, rest = _document().partition("?>")
    bomb = f"{head}?><!DOCTYPE w:document [{entities}]>{rest.replace('概述', '&i;', 1)}"
    return _docx_with({DOCUMENT: bomb.encode()})


def docx_quadratic_entity() -> bytes:
    """One entity of 100,000 characters named 20,000 times (2 × 10^9 characters, no nesting)."""
    entity = f'<!ENTITY a "{"甲" * 100_000}">'
    head, _, rest = _document().partition("?>")
    return _docx_with({DOCUMENT: f"{head}?><!DOCTYPE w:document [{entity}]>{rest.replace('概述', '&a;' * 20_000, 1)}"
                                  .encode()})


def docx_deep(depth: int = 100_000) -> bytes:
    """``document.xml`` of content controls nested ``depth`` deep around one paragraph."""
    head, _, rest = _document().partition("<w:body>")
    body = "<w:sdt><w:sdtContent>" * depth + "<w:p><w:r><w:t>x</w:t></w:r></w:p>" + "</w:sdtContent></w:sdt>" * depth
    return _docx_with({DOCUMENT: f"{head}<w:body>{body}{rest}".encode()})


def docx_deep_styles(depth: int = 100_000) -> bytes:
    """``styles.xml`` nested ``depth`` deep (a part the reader opens besides the document)."""
    styles = ('<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="http://schemas.openxmlformats.org/'
              'wordprocessingml/2006/main">' + "<w:x>" * depth + "</w:x>" * depth + "</w:styles>")
    return _docx_with({"word/styles.xml": styles.encode()})


def docx_ratio(megabytes: int) -> bytes:
    """A ``document.xml`` of ``megabytes`` MB: the report's XML, then spaces inside its body (a ratio of 1,000)."""
    head, _, rest = _document().partition("<w:body>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as docx:
        original = zipfile.ZipFile(io.BytesIO(as_docx(tab_report(agency=AGENCY))))
        for item in original.infolist():
            if item.filename != "word/document.xml":
                docx.writestr(item.filename, original.read(item.filename))
        with docx.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(f"{head}<w:body>".encode())
            block = b" " * 2**20
            for _ in range(megabytes):
                member.write(block)
            member.write(rest.encode())
    return buffer.getvalue()


def html_deep(depth: int = 100_000, tag: str = "div") -> bytes:
    return (f"<html><body><p>{AGENCY}2024年政府信息公开工作年度报告</p>" + f"<{tag}>" * depth + "某"
            + f"</{tag}>" * depth + "</body></html>").encode()


def doc_fat_loop() -> bytes:
    def loop(fat, starts):
        fat[starts["WordDocument"] + 3] = starts["WordDocument"] + 1

    return compound(_streams(), fat_edit=loop)


def doc_minifat_huge() -> bytes:
    def loop(fat, starts):
        fat[starts["MiniFAT"]] = starts["MiniFAT"]

    return _small_data(minifat=("first", "MiniFAT", 2**31 - 1), fat_edit=loop)


def doc_mini_loop() -> bytes:
    minifat = struct.pack("<2I", 0, END).ljust(512, b"\xff")
    from tests.test_h37hostile import _NO_DATA
    streams = {**_streams(_NO_DATA), "Data": b"\0" * 100, "MiniFAT": minifat, "Mini": bytes(512)}
    return compound(streams, small={"Data": (0, 100)}, root=("first", "Mini", 512), minifat=("first", "MiniFAT", 1))


def pdf_cycle() -> bytes:
    objects = one_page(b"6 0 R")
    objects[6], objects[7] = b"7 0 R", b"6 0 R"
    return plain_pdf(objects)


def pdf_kids_self() -> bytes:
    """A page list naming itself among its kids."""
    return plain_pdf(one_page(b"[3 0 R 2 0 R]"))


def pdf_parent_loop() -> bytes:
    """A page list whose /Parent is itself, and a page whose /Parent is a list that names it."""
    objects = one_page()
    objects[2] = b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
    return plain_pdf(objects)


def pdf_double_flate(size: int = 2**31) -> bytes:
    """A page whose content is ``size`` spaces packed twice by Flate (``/Filter [/FlateDecode /FlateDecode]``):
    2 GB in some KB."""
    return _pdf([(b"[/FlateDecode /FlateDecode]", zlib.compress(_flate(size), 9))])


def pdf_flate_font_twice(size: int = 2**31) -> bytes:
    """A CID font whose TrueType program is ``size`` zeros packed twice by Flate."""
    data = _pdf([(b"/FlateDecode", zlib.compress(HELLO))], font_program=b"")
    objects = {k: v for k, v in _objects(data).items()}
    program = zlib.compress(_flate(size, b"\0"), 9)
    objects[8] = b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n%s\nendstream" % (len(program),
                                                                                                     program)
    return plain_pdf(objects)


def _objects(data: bytes) -> dict[int, bytes]:
    """The numbered object bodies of a PDF written by ``plain_pdf``."""
    import re

    return {int(m.group(1)): m.group(2) for m in re.finditer(rb"(\d+) 0 obj\n(.*?)\nendobj\n", data, re.S)}


def _image_pdf(filters: bytes, data: bytes, width: int = 100_000, height: int = 100_000, inline: bool = False,
               params: bytes = b"") -> bytes:
    """A one-page PDF saying "Hello" and drawing an image of ``width`` × ``height`` whose data ``data`` is under
    ``filters`` — an image XObject, or an inline image (``BI … ID … EI``)."""
    objects = one_page()
    if inline:
        content = (b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET q 100 0 0 100 72 72 cm BI /W %d /H %d /CS /G /BPC 8 /F %s"
                   b" %s ID %s EI Q" % (width, height, filters, params, data))
    else:
        content = b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET q 100 0 0 100 72 72 cm /Im1 Do Q"
        objects[6] = (b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray"
                      b" /BitsPerComponent 8 /Filter %s %s /Length %d >>\nstream\n%s\nendstream"
                      % (width, height, filters, params, len(data), data))
        objects[3] = objects[3].replace(b"/Resources << /Font << /F1 5 0 R >> >>",
                                        b"/Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >>")
    objects[4] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)
    return plain_pdf(objects)


def pdf_images() -> dict[str, Callable[[], bytes]]:
    noise = bytes(range(256)) * 4
    ccitt = b"/DecodeParms << /K -1 /Columns 100000 /Rows 100000 >>"
    return {  # (each made when asked for: the 2 GB one takes a minute)
        "PDF, DCT image 100,000 × 100,000": lambda: _image_pdf(b"/DCTDecode", b"\xff\xd8\xff\xc0" + noise),
        "PDF, JBIG2 image 100,000 × 100,000": lambda: _image_pdf(b"/JBIG2Decode", noise),
        "PDF, CCITT image 100,000 columns": lambda: _image_pdf(b"/CCITTFaxDecode", noise, params=ccitt),
        "PDF, Flate image inflating to 2 GB": lambda: _image_pdf(b"/FlateDecode",
                                                                 zlib.compress(_flate(2**31, b"\0"), 9)),
        "PDF, inline DCT image": lambda: _image_pdf(b"/DCT", b"\xff\xd8" + noise.replace(b"EI", b"E_"), inline=True),
        "PDF, inline CCITT image": lambda: _image_pdf(b"/CCF", noise.replace(b"EI", b"E_"), inline=True,
                                              params=b"/DP << /K -1 /Columns 100000 >>"),
    }


def cases() -> dict[str, tuple[Callable[[], bytes], str]]:
    """Each case's ``(what makes its file's bytes, suffix)``, honest floors first."""
    made = {
        "honest text": (lambda: tab_report(agency=AGENCY).encode(), ".txt"),
        "honest .docx": (lambda: as_docx(tab_report(agency=AGENCY)), ".docx"),
        "honest PDF": (lambda: _pdf([(b"/FlateDecode", zlib.compress(HELLO))]), ".pdf"),
        ".docx, entities of entities (10^9 chars)": (docx_entities, ".docx"),
        ".docx, one 100,000-char entity named 20,000 times": (docx_quadratic_entity, ".docx"),
        ".docx, document nested 100,000 deep": (docx_deep, ".docx"),
        ".docx, styles nested 100,000 deep": (docx_deep_styles, ".docx"),
        ".docx, document of 190 MB (ratio 1,000)": (lambda: docx_ratio(190), ".docx"),
        ".docx, document of 1 GB (ratio 1,000)": (lambda: docx_ratio(1024), ".docx"),
        ".docx, 1 GB document saying 1 KB (Flate)": (lambda: lying_zip(DOCUMENT, 2**30, zipfile.ZIP_DEFLATED),
                                                     ".docx"),
        ".docx, 1 GB document saying 1 KB (bzip2)": (lambda: lying_zip(DOCUMENT, 2**30, zipfile.ZIP_BZIP2), ".docx"),
        ".docx, 1 GB document saying 1 GB (bzip2)": (lambda: lying_zip(DOCUMENT, 2**30, zipfile.ZIP_BZIP2,
                                                                        said=2**30), ".docx"),
        ".docx, 1 GB styles saying 1 KB (LZMA)": (lambda: lying_zip("word/styles.xml", 2**30, zipfile.ZIP_LZMA),
                                                  ".docx"),
        "zip, an OpenDocument mimetype of 2 GB (bzip2)": (lambda: lying_zip("mimetype", 2**31 - 2**20,
                                                                             zipfile.ZIP_BZIP2, others=False), ".odt"),
        "HTML, div nested 100,000 deep": (html_deep, ".html"),
        "HTML, table cells nested 100,000 deep": (lambda: html_deep(100_000, "table><tr><td"), ".html"),
        ".doc, WordDocument's FAT chain loops": (doc_fat_loop, ".doc"),
        ".doc, MiniFAT of 2^31 sectors over a loop": (doc_minifat_huge, ".doc"),
        ".doc, mini chain loops": (doc_mini_loop, ".doc"),
        "PDF, cycle of references": (pdf_cycle, ".pdf"),
        "PDF, page list naming itself": (pdf_kids_self, ".pdf"),
        "PDF, page list its own parent": (pdf_parent_loop, ".pdf"),
        "PDF, page tree 200,000 deep": (lambda: _deep_page_tree_pdf(200_000), ".pdf"),
        "PDF, content Flate twice to 2 GB": (pdf_double_flate, ".pdf"),
        "PDF, font program Flate twice to 2 GB": (pdf_flate_font_twice, ".pdf"),
    }
    made.update({name: (make, ".pdf") for name, make in pdf_images().items()})
    return made


def _one(folder: str, name: str) -> None:
    """In a fresh process: ``name`` parsed in a one-worker pool as the build does; prints JSON of what it became
    and the worker's peak RSS (kB) and CPU seconds."""
    from xxgk.findings import Finding
    from xxgk.package import collect
    from xxgk.package.pool import _start_worker

    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    outcome = next(collect._parse_in_pool(collect.parse_one, [(None, (folder, name))], 1,
                                          initializer=_start_worker))[1]
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    if isinstance(outcome, Finding):
        said = f"{outcome.code}: {outcome.message}"
    else:
        codes = [f"{f.code}: {f.message}" if f.code in ("over_budget", "file_unreadable") else f.code
                 for f in outcome.file_findings]
        said = ("read " if outcome.text else "no text ") + "; ".join(codes[:3])
    print(json.dumps({"said": said, "base": base, "peak": used.ru_maxrss, "cpu": used.ru_utime + used.ru_stime}))


def _make(name: str, path: str) -> None:
    """In a fresh process: write case ``name``'s file to ``path`` (the measuring process is started from one that
    never held a bomb: a process's peak memory counts that of the process it was forked from)."""
    with open(path, "wb") as handle:
        handle.write(cases()[name][0]())


def main(selected: list[str]) -> None:
    print(f"{'case':<52} {'file':>9} {'base MB':>8} {'peak MB':>8} {'CPU s':>6}  outcome")
    with tempfile.TemporaryDirectory(prefix="hostile_memory_") as folder:
        for name, (_, suffix) in cases().items():
            if selected and not any(part in name for part in selected):
                continue
            file_name = f"case{suffix}"
            path = os.path.join(folder, file_name)
            subprocess.run([sys.executable, "-m", "benchmarks.hostile_memory", "--make", name, path], check=True)
            run = subprocess.run([sys.executable, "-m", "benchmarks.hostile_memory", "--one", folder, file_name],
                                 capture_output=True, text=True, check=False)
            try:
                got = json.loads(run.stdout.strip().splitlines()[-1])
            except (IndexError, ValueError):
                print(f"{name:<52} failed: {run.stderr.strip()[-300:]}", flush=True)
                continue
            print(f"{name:<52} {os.path.getsize(path) // 1024:>6} KB {got['base'] / 1024:>8.0f} "
                  f"{got['peak'] / 1024:>8.0f} {got['cpu']:>6.2f}  {got['said'][:90]}", flush=True)
            os.unlink(path)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        _one(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ["--make"]:
        _make(sys.argv[2], sys.argv[3])
    else:
        main(sys.argv[1:])
