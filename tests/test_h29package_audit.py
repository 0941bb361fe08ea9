"""Session 29, the package stage's speed (issue 16): every change that cuts the stage's CPU leaves its bytes as they
were. Each test builds its inputs so that the changed path is taken, and compares with the output of the path the
change replaced (XlsxWriter's own cell writers, a package written from scratch)."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import xlsxwriter

from xxgk.package.write import number_fields, sheet_number, xlsx_bytes
from xxgk.safe import xlsx_cell

TITLE = "表2_主动公开"  # a sheet with number columns (数值1–3) beside text ones


def _entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _reference(title: str, table: list[dict]) -> dict[str, bytes]:
    """The workbook as XlsxWriter writes it cell by cell (constant-memory mode), each cell converted as the package
    converts it: ``sheet_number`` in a number column, then ``xlsx_cell``."""
    raw = io.BytesIO()
    book = xlsxwriter.Workbook(raw, {"constant_memory": True, "strings_to_numbers": False,
                                     "strings_to_urls": False, "strings_to_formulas": False, "in_memory": False})
    book.set_properties({"created": datetime(2020, 1, 1)})
    sheet = book.add_worksheet(title)
    sheet.freeze_panes(1, 0)
    numbers = number_fields(title)
    sheet.write_row(0, 0, [xlsx_cell(key) for key in table[0]])
    for number, row in enumerate(table, start=1):
        for column, (key, value) in enumerate(row.items()):
            sheet.write(number, column, xlsx_cell(sheet_number(value) if key in numbers else value))
    book.close()
    return _entries(raw.getvalue())


def test_workbook_cells_kept_per_value_are_written_as_xlsxwriter_writes_each():
    """``xlsx_rows.Rows`` keeps a text's rendered cell per value: the same text must still become a number in a
    number column (数值1: ``3883.3`` is a 数值, summed by Excel) and stay text in a text column (项目), in either
    order of first sight; a formula-looking text keeps its apostrophe on every row, not only the first; a text
    with XML specials is escaped each time; a row that needs XlsxWriter's own writers (a bool, a text past half a
    cell) is still written by them when its other texts were seen before."""
    texts = ["3883.3", "007", "=1+1", "a&b<c>", " 前导空格", "_x0041_", "12345678901234567"]
    table = []
    for i in range(24):
        first, second = texts[i % len(texts)], texts[(i * 3) % len(texts)]
        table.append({"报告编号": f"r{i % 3}", "项目": first, "数值1": second, "数值2": first,
                      "数值3": True if i == 9 else ("注" * 20_000 if i == 15 else second), "备注": second})
    assert {"数值1", "数值2", "数值3"} <= number_fields(TITLE) and "项目" not in number_fields(TITLE)
    ours, theirs = _entries(xlsx_bytes({TITLE: table})), _reference(TITLE, table)
    assert sorted(ours) == sorted(theirs)
    assert [name for name in theirs if ours[name] != theirs[name]] == []
    sheet = ours["xl/worksheets/sheet1.xml"].decode("utf-8")
    assert sheet.count("<v>3883.3</v>") > 0 and sheet.count("<t>3883.3</t>") > 0  # both kinds, as the columns say
    assert sheet.count("<t>'=1+1</t>") == sum(list(row.values()).count("=1+1") for row in table)


def _copy_seeds(folder):
    import shutil

    from .conftest import SEEDS

    shutil.copytree(SEEDS, folder)
    return folder


def _sources(out) -> dict[str, tuple[bytes, int]]:
    import os

    return {p.name: (p.read_bytes(), os.stat(p).st_ino) for p in sorted((out / "sources").iterdir())}


def test_a_rebuild_links_the_unchanged_source_texts_and_writes_the_changed_ones(tmp_path, monkeypatch):
    """A rebuild wrote every report's ``sources/<id>.txt`` again although nearly all were the same bytes (a new
    file costs the kernel far more than a link: ≈ 6 s of CPU for 10,000 reports on this machine). Now the
    texts that did not change are the replaced package's files, linked; a changed report's text is its new
    text; a file of the old package that is a symbolic link, or a hard link to a file outside it, is never
    linked into the new one. The package is the one a first build gives, byte for byte, with the helper
    process or without it."""
    import os

    from xxgk.package import stream

    from .test_stream import streamed

    for helper in (False, True):
        monkeypatch.setattr(stream, "PARALLEL_REPORTS", 0 if helper else 1 << 62)
        base = tmp_path / f"helper-{helper}"
        reports = _copy_seeds(base / "reports")
        out = base / "package"
        streamed(reports, out, workers=2)
        before = _sources(out)
        changed = sorted(reports.glob("*.txt"))[0]
        changed.write_text(changed.read_text(encoding="utf-8") + "\n本报告另附说明。\n", encoding="utf-8")
        names = sorted(before)
        outside = base / "outside.txt"
        outside.write_bytes(before[names[1]][0])
        (out / "sources" / names[1]).unlink()
        os.link(outside, out / "sources" / names[1])  # a second link to a file outside the package
        (out / "sources" / names[2]).unlink()
        (out / "sources" / names[2]).symlink_to(outside)  # same bytes, through a symbolic link
        again = streamed(reports, out, workers=2)
        fresh = streamed(reports, base / "fresh", workers=2)
        assert again == fresh  # every byte as a first build gives it
        after = _sources(out)
        assert sorted(after) == names
        moved = [name for name in names if after[name][0] != before[name][0]]
        assert len(moved) == 1 and "本报告另附说明" in after[moved[0]][0].decode("utf-8")
        kept = [name for name in names if name not in (moved[0], names[1], names[2])]
        assert kept and all(after[name][1] == before[name][1] for name in kept)  # the same files, linked
        for name in (names[1], names[2]):
            assert after[name][1] != os.stat(outside).st_ino and not (out / "sources" / name).is_symlink()
            assert os.stat(out / "sources" / name).st_nlink == 1
        assert outside.read_bytes() == before[names[1]][0]  # nothing outside written
