"""What the eighteenth hostile-input audit found (session 42, round 10): the site's scripts as a sink for the address a
reader is sent to and for the text they show, file and agency names as identities, the regular expressions added
since session 38, and the font cases round 9 left."""

from __future__ import annotations

import csv

import pytest

from tests.conftest import needs_chromium
from tests.factory import tab_report


def _package(tmp_path, files: dict[str, str], manifest: str) -> dict[str, dict]:
    """The package of ``files`` (name → text) beside ``manifest`` (``sources.csv``): ``{file: its reports.csv row}``."""
    from xxgk.package.build import build_package

    reports = tmp_path / "reports"
    reports.mkdir()
    for name, text in files.items():
        (reports / name).write_text(text, encoding="utf-8")
    (reports / "sources.csv").write_text(manifest, encoding="utf-8")
    _, errors = build_package(reports, tmp_path / "datapackage", workers=1)
    assert errors == []
    with open(tmp_path / "datapackage" / "data" / "reports.csv", encoding="utf-8-sig", newline="") as handle:
        return {row["source_file"]: row for row in csv.DictReader(handle)}


def test_a_manifest_name_written_with_compatibility_characters_is_the_agency_its_title_names(tmp_path):
    """A manifest's agency whose 林 is U+F9F4 (a CJK compatibility ideograph: it looks the same) or whose 1 is
    full-width was another agency than the one the titles name, with its own id and pages — two pages of one name
    for one agency, or, for a name some character of which has no reading, a page taking the other's id. The titles'
    names are folded (NFKC); the manifest's were not. Now the manifest's are folded as a title's: one agency each."""
    files = {"a.txt": tab_report(agency="样例县林业局", carried_over=1),
             "b.txt": tab_report(agency="样例县林业局", year=2023, carried_over=2),
             "c.txt": tab_report(agency="样例县第1中学", carried_over=3),
             "d.txt": tab_report(agency="样例县第1中学", year=2023, carried_over=4)}
    rows = _package(tmp_path, files, "file,agency\nb.txt,样例县\uf9f4业局\nd.txt,样例县第\uff11中学\n")
    assert rows["b.txt"]["agency_id"] == rows["a.txt"]["agency_id"]
    assert rows["d.txt"]["agency_id"] == rows["c.txt"]["agency_id"]
    assert [rows[f + ".txt"]["agency"] for f in "abcd"] == [rows["a.txt"]["agency"]] * 2 + [rows["c.txt"]["agency"]] * 2
    assert "\uf9f4" not in rows["b.txt"]["agency"] and rows["d.txt"]["agency"].endswith("第1中学")




def test_reports_named_as_the_sites_own_files_or_255_bytes_long_each_get_a_page_of_their_own(tmp_path):
    """A guard (it passes before): reports named as the site's own files — ``index.html``, ``404.html``,
    ``src/index.html``, ``a/index.txt`` — files named as its data (``json/agencies.json``, ``pagefind/shards.json``),
    and names of 247 and 255 bytes: the home page, the 404 page and the site's data stay the site's, each report gets
    a page of its own under a hashed name, and every file is listed."""
    import json

    from .conftest import site_of

    def page(text: str) -> str:
        return "<html><head><meta charset='utf-8'></head><body>" + "".join(f"<p>{line}</p>"
                                                                          for line in text.split("\n"))

    untitled = [tab_report(agency="", carried_over=k).split("\n", 1)[1] for k in range(6)]
    files = {"index.html": page(untitled[0]), "404.html": page(untitled[1]), "src/index.html": page(untitled[2]),
             "a/index.txt": untitled[3], "甲" * 81 + ".txt": untitled[4], "b" * 251 + ".txt": untitled[5],
             "json/agencies.json": '{"agencies": []}', "pagefind/shards.json": '{"shards": ["../../x/"]}'}
    reports = tmp_path / "reports"
    for name, text in files.items():
        (reports / name).parent.mkdir(parents=True, exist_ok=True)
        (reports / name).write_text(text, encoding="utf-8")
    site = site_of(reports, tmp_path)
    with open(tmp_path / "datapackage" / "data" / "reports.csv", encoding="utf-8-sig", newline="") as handle:
        listed = {row["source_file"]: row for row in csv.DictReader(handle)}
    assert sorted(listed) == sorted(files)
    assert {listed[name]["status"] for name in ("json/agencies.json", "pagefind/shards.json")} == {"failed"}
    assert "<title>政府信息公开年报数据 xxgk</title>" in (site / "index.html").read_text(encoding="utf-8")
    assert "找不到页面（404）" in (site / "404.html").read_text(encoding="utf-8")
    assert "labels" in json.loads((site / "json" / "agencies.json").read_text(encoding="utf-8"))
    pages = {name: site / "r" / f"{listed[name]['report_id']}.html" for name in list(files)[:6]}
    assert len({p.name for p in pages.values()}) == 6 and all(p.is_file() for p in pages.values())
    assert all(len(p.name.encode()) < 100 for p in pages.values())


# ---- the regular expressions added since session 38, on long lines (``benchmarks.regex_sweep``)

GENEROUS_SECONDS = 40  # far more than a worker's start and these files' parse need, far less than the old patterns took


def _budgeted(tmp_path, monkeypatch, name: str, text: str):
    """``text`` as the file ``name`` parsed in a budgeted worker (``GENEROUS_SECONDS``): its Report."""
    import dataclasses

    from xxgk.package import collect as collect_module

    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / name).write_text(text, encoding="utf-8")
    monkeypatch.setattr(collect_module, "BUDGET", dataclasses.replace(collect_module.BUDGET, seconds=GENEROUS_SECONDS))
    return {r.source_file: r for r in collect_module.collect(reports, workers=1, budgeted=True)}[name]


def test_a_long_cell_of_a_table_printed_one_cell_a_line_is_read_at_once(tmp_path, monkeypatch):
    """A table 二 printed one cell a line (``7 |``), one cell of 300,000 letters: whether a cell holds a change's sign
    and a digit was one pattern of two look-aheads, each place of the cell reading the rest of it for a sign — time
    growing with the square of the cell (32,000 letters: 3.9 CPU s; these, some six minutes), so the 300 KB file was
    ``over_budget``. Read now, the table's other rows as printed."""
    rows = ["第二十条第(五)项", "|||", "信息内容", "上一年项目数量", "本年增/减", "处理决定数量", "",
            "行政许可", "7", "x" * 300_000, "9", "", "其他对外管理服务事项", "4", "0", "5", ""]
    body = "".join("|||\n" if cell == "|||" else "|\n" if not cell else f"{cell} |\n" for cell in rows)
    text = ("某某局2020年政府信息公开工作年度报告\n一、总体情况\n本局依法公开政府信息。\n二、主动公开政府信息情况\n"
            + body + "三、收到和处理政府信息公开申请情况\n本年度未收到申请。\n")
    report = _budgeted(tmp_path, monkeypatch, "cells.txt", text)
    assert "over_budget" not in {f.code for f in report.findings}, report.findings
    active = report.record.values("active")
    assert [active[("other_management_services", m)] for m in ("previous_year", "change", "decisions")] == [4, 0, 5]


def test_a_long_row_in_a_region_padded_at_its_rows_ends_is_read_at_once(tmp_path, monkeypatch):
    """Rows padded at their ends (``规章 | |||``) and one line of 100,000 cells ``a | ``: the padding's pattern tried
    each cell's rule and read the rest of the row from it — time growing with the square of the line (32,000 characters:
    1.4 CPU s; these 400,000, some four minutes), so the report was ``over_budget``. Read now, table 三 as printed."""
    from tests.factory import as_pipes
    from tests.test_layouts_unseen import _table3

    text = as_pipes(tab_report(carried_over=2)).replace("\n| 行政许可 |", "\n规章 | |||\n" + "a | " * 100_000
                                                        + "\n| 行政许可 |", 1)
    report = _budgeted(tmp_path, monkeypatch, "padded.txt", text)
    assert "over_budget" not in {f.code for f in report.findings}, report.findings
    assert report.record.year == 2024
    assert _table3(report.record)["new"] == [3, 0, 0, 0, 0, 0, 3]


# ---- the site's scripts as a sink: the address a reader is sent to (query string, fragment, path) and the report text
# and file names the scripts show (Pagefind's excerpts and titles, the agency list), in headless Chromium

PAYLOADS = ["<img src=x onerror=window.__pwned=1>", '"><svg onload=window.__pwned=2>', "javascript:window.__pwned=3",
            "</script><script>window.__pwned=4</script>", "\u2028'-window.__pwned=5-'"]
HOSTILE_TEXT = "概述甲乙丙丁" + "戊己".join(PAYLOADS) + "庚辛壬癸"
ARM = """window.__pwned = undefined;
['alert', 'confirm', 'prompt', 'print'].forEach(function (k) { window[k] = function () { window.__pwned = k; }; });"""
RAN = """return {ran: window.__pwned === undefined ? null : String(window.__pwned),
  elsewhere: performance.getEntriesByType('resource').map(function (e) { return e.name; })
    .filter(function (u) { return new URL(u).origin !== location.origin; }),
  made: Array.from(document.querySelectorAll('[onerror], [onload], script:not([src]):not([type]), iframe, '
    + 'a[href^="javascript" i], form[action^="javascript" i]'))
    .filter(function (e) { return /pwned/.test(e.outerHTML); })
    .map(function (e) { return e.outerHTML.slice(0, 120); })}"""


@pytest.fixture(scope="module")
def hostile_text_site(tmp_path_factory):
    """Four reports whose overview and file names hold ``PAYLOADS``, built with the full-text index."""
    from .conftest import indexed_copy, site_of

    work = tmp_path_factory.mktemp("h42-sinks")
    reports = work / "reports"
    reports.mkdir()
    names = ["a.txt", "b<img src=x onerror=window.__pwned=6>.txt", 'c"><svg onload=window.__pwned=7>.txt',
             "d\u2028e.txt"]
    for k, (name, agency) in enumerate(zip(names, ["样例县数据局", "样例县教育局", "样例县财政局", "样例县民政局"],
                                           strict=True)):
        (reports / name).write_text(tab_report(agency=agency, narrative=HOSTILE_TEXT, carried_over=k),
                                    encoding="utf-8")
    return indexed_copy(site_of(reports, work), work / "indexed")


def _quoted(text: str) -> str:
    from urllib.parse import quote

    return quote(text, safe="")


# (address, what the page's script has drawn once it has read the address: the test waits for it)
_FULLTEXT_DONE = "return document.getElementById('xxgk-fulltext').dataset.state === 'done'"
_COMPARE_SAID = "return document.getElementById('xxgk-compare-status').textContent.indexOf('网址中的') >= 0"
_FINDER_SAID = "return document.getElementById('xxgk-agency-finder-status').textContent.length > 0"
_PICK_SAID = "return /网址中的/.test((document.querySelector('.xxgk-province-pick [role=status]') || {}).textContent)"
_LINKED = "return !!document.querySelector('.xxgk-source.xxgk-linked')"
_MAP_ASKED = "return performance.getEntriesByType('resource').some(function (e) { return /json\\/r\\//.test(e.name); })"
_FOUND_NOTHING = "return /没有找到|没有与它相近|不存在/.test(document.getElementById('xxgk-404-status').textContent)"


def _addresses() -> list[tuple[str, str]]:
    img, svg, js = (_quoted(p) for p in PAYLOADS[:3])
    return [
        (f"agencies/?find={img}", _FINDER_SAID), (f"agencies/?find={svg}", _FINDER_SAID),
        (f"fulltext/?text={img}&year={img}&province={svg}", _FULLTEXT_DONE),
        (f"fulltext/?text={_quoted('甲乙丙丁')}", _FULLTEXT_DONE),
        (f"fulltext/?text={_quoted('庚辛壬癸')}", _FULLTEXT_DONE),
        ("fulltext/?text=onerror", _FULLTEXT_DONE), ("fulltext/?text=pwned", _FULLTEXT_DONE),
        (f"compare/?agencies={img},{js}&metric={img}&year={svg}&sort={img}-asc&lmetric={img}&lsort={svg}"
         f"&lprovince={svg}", _COMPARE_SAID),
        (f"compare/?ids={js}&metric={js}&year=2024-{img}", _COMPARE_SAID),
        (f"quality/?province={img}&city={svg}&year={img}", _PICK_SAID),
        (f"src/{{source}}#L1{svg}", _LINKED), (f"src/{{source}}#{img}", _LINKED),
        (f"r/{img}/", _MAP_ASKED), (f"a/xx{js}/2024", _FOUND_NOTHING),
    ]


@pytest.mark.browser
@needs_chromium
def test_no_address_nor_text_shown_by_the_sites_scripts_runs_anything(hostile_text_site, chromium):
    """A guard (nothing ran before either): addresses a reader may be sent to — every parameter the scripts read
    (?find=, the full-text page's ?text=&year=&province=, the comparison's and the league's, the quality page's
    menus, a source line's #L…, a report's /r/<id>/, an agency id of the 404 page) holding an ``<img onerror>``, a
    ``"><svg onload>``, a ``javascript:`` URL — and full-text results whose passages and titles hold the same, with a
    line separator and ``</script>``, in reports with such file names: on each page, once its script has read the
    address, nothing ran (no flag set, no dialog), no element was made from them and nothing was asked of another
    host."""
    from .conftest import own_tab, serving, wait_for

    source = next((hostile_text_site / "src").glob("a-*.html")).name
    with own_tab(chromium) as driver:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": ARM})
        seen = {}
        with serving(hostile_text_site) as url:
            for address, drawn in _addresses():
                address = address.replace("{source}", source)
                driver.get(f"{url}/{address}")
                wait_for(lambda drawn=drawn: driver.execute_script(drawn), 30)
                driver.execute_script("window.scrollTo(0, document.body.scrollHeight)")
                seen[address] = driver.execute_script(RAN)
            driver.get(f"{url}/fulltext/?text={_quoted('甲乙丙丁')}")
            wait_for(lambda: driver.execute_script(_FULLTEXT_DONE), 30)
            passages = [p.text for p in driver.find_elements("css selector", ".xxgk-fulltext-excerpt")]
    assert {a: r for a, r in seen.items() if r != {"ran": None, "elsewhere": [], "made": []}} == {}
    assert len(passages) == 4 and all(PAYLOADS[0] in p for p in passages), passages  # (shown, as text)


@pytest.mark.browser
@needs_chromium
def test_words_typed_in_the_header_and_the_hits_they_list_run_nothing(hostile_text_site, chromium):
    """A guard: the header's search box given an ``<img onerror>`` and then words of the hostile overview lists the
    agencies and the reports' passages (Pagefind's excerpts of the text) as text; nothing runs, nothing is made."""
    from .conftest import own_tab, serving, wait_for

    with own_tab(chromium) as driver:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": ARM})
        with serving(hostile_text_site) as url:
            driver.get(f"{url}/?q={_quoted(PAYLOADS[0])}")
            answered = ("var q = arguments[0]; return Array.from(document.querySelectorAll("
                        "'.xxgk-agency-hits, .xxgk-fulltext-hits')).filter(function (p) { return p.dataset.q === q; })"
                        ".length === 2")
            wait_for(lambda: driver.execute_script(answered, PAYLOADS[0]), 30)
            first = driver.execute_script(RAN)
            box = driver.find_element("css selector", "input.md-search__input")
            box.clear()
            box.send_keys("甲乙丙丁")
            wait_for(lambda: driver.execute_script(answered, "甲乙丙丁"), 30)
            wait_for(lambda: driver.find_elements("css selector", ".xxgk-fulltext-hit"), 30)
            hits = [a.get_attribute("textContent") for a in driver.find_elements("css selector", ".xxgk-fulltext-hit")]
            second = driver.execute_script(RAN)
    assert first == second == {"ran": None, "elsewhere": [], "made": []}
    assert hits and all(PAYLOADS[0] in h for h in hits), hits


# ---- the fonts round 9 left: a CID-keyed compact font whose ToUnicode map lies


def _index(items: list[bytes]) -> bytes:
    """A CFF INDEX of ``items`` (offsets of 4 bytes)."""
    if not items:
        return b"\x00\x00"
    offsets, at = [], 1
    for item in [b"", *items]:
        at += len(item)
        offsets.append(at)
    offsets = [1] + offsets[1:]
    return len(items).to_bytes(2, "big") + b"\x04" + b"".join(o.to_bytes(4, "big") for o in offsets) + b"".join(items)


def _number(value: int) -> bytes:
    return b"\x1d" + value.to_bytes(4, "big", signed=True)  # (a DICT operand of 5 bytes: its size known beforehand)


def cid_keyed_program(charstrings: list[bytes]) -> bytes:
    """A CID-keyed CFF program (ROS Adobe-Identity-0) of ``charstrings`` (glyph 0, .notdef, first), each glyph's CID
    its number, one font dictionary and an empty Private DICT."""
    strings, globals_ = _index([b"Adobe", b"Identity"]), _index([])
    head, names = b"\x01\x00\x04\x04", _index([b"F"])
    top_size = len(_index([b"\x00" * 35]))  # (ROS in 9 bytes, then four operators of one 5-byte operand each)
    charset_at = len(head) + len(names) + top_size + len(strings) + len(globals_)
    charset = b"\x02" + (1).to_bytes(2, "big") + (len(charstrings) - 2).to_bytes(2, "big")
    select_at = charset_at + len(charset)
    select = b"\x00" + bytes(len(charstrings))
    glyphs_at = select_at + len(select)
    glyphs = _index(charstrings)
    dicts_at = glyphs_at + len(glyphs)
    private = b"\x8b\x14"  # (defaultWidthX 0)
    private_at = dicts_at + len(_index([b"\x00" * 11]))
    font_dict = _number(len(private)) + _number(private_at) + b"\x12"
    top = (b"\x1c\x01\x87\x1c\x01\x88\x8b\x0c\x1e" + _number(charset_at) + b"\x0f" + _number(glyphs_at) + b"\x11"
           + _number(dicts_at) + b"\x0c\x24" + _number(select_at) + b"\x0c\x25")
    assert len(top) == 35
    program = head + names + _index([top]) + strings + globals_ + charset + select + glyphs + _index([font_dict])
    return program + private


def _glyph(*points: int) -> bytes:
    """A charstring: a move to the first point, a line by each of the others (small numbers), ``endchar``."""
    out = bytes([139 + points[0], 139 + points[1], 21])
    for dx, dy in zip(points[2::2], points[3::2], strict=True):
        out += bytes([139 + dx, 139 + dy, 5])
    return out + b"\x0e"


FIVE, SEVEN, ONE = _glyph(10, 20, 30, 0, 0, 40), _glyph(10, 60, 40, 0, -20, -60), _glyph(30, 0, 0, 70)
WORDS = [_glyph(5, 5, k, 9, 9, -k) for k in range(1, 9)]  # 行政许可申请数量 (the words around the digits)


def cid_keyed_pdf(program: bytes, shown: list[int], written: dict[int, str], true_type: bool = False,
                  to_unicode: bytes = b"9 0 R") -> bytes:
    """A one-page PDF drawing the CIDs ``shown`` in a CID font of ``program`` (Identity-H), whose ToUnicode map says
    ``written`` (CID → text): a compact program (CIDFontType0C), or with ``true_type`` a TrueType one; ``to_unicode``,
    what the font's /ToUnicode is (the map, object 9, by default)."""
    from tests.test_h29hostile_audit import plain_pdf

    content = b"BT /F1 12 Tf 72 720 Td <" + b"".join(b"%04x" % cid for cid in shown) + b"> Tj ET"
    pairs = b"".join(b"<%04x> <%s>\n" % (cid, text.encode("utf-16-be").hex().encode()) for cid, text in written.items())
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /X def\n"
            b"1 begincodespacerange <0000> <ffff> endcodespacerange\n%d beginbfchar\n%sendbfchar\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end" % (len(written), pairs))
    return plain_pdf({
        1: b"<< /Type /Catalog /Pages 2 0 R >>", 2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
           b" /Resources << /Font << /F1 5 0 R >> >> >>",
        4: b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        5: b"<< /Type /Font /Subtype /Type0 /BaseFont /F /Encoding /Identity-H /DescendantFonts [6 0 R]"
           b" /ToUnicode %s >>" % to_unicode,
        6: b"<< /Type /Font /Subtype /CIDFontType%d /BaseFont /F /CIDSystemInfo << /Registry (Adobe) /Ordering"
           b" (Identity) /Supplement 0 >> /FontDescriptor 7 0 R >>" % (2 if true_type else 0),
        7: b"<< /Type /FontDescriptor /FontName /F /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800"
           b" /Descent -200 /CapHeight 700 /StemV 80 /FontFile%d 8 0 R >>" % (2 if true_type else 3),
        8: b"<< /Length %d%s >>\nstream\n%s\nendstream" % (
            len(program), b"" if true_type else b" /Subtype /CIDFontType0C", program),
        9: b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap)})


def test_a_compact_cid_font_drawing_one_glyph_for_two_digits_is_no_digit_read():
    """A CID-keyed compact font (Adobe-Identity, as a browser's or an office suite's subset of a CJK OpenType font)
    whose glyph for the code its map says is 7 is a copy of its 5: every viewer shows 5 5 1, and 5 7 1 was read with
    no finding — its charstrings were never compared (round 9 left it). Two glyphs of one charstring, drawn with the
    same subroutines and matrices, are one outline: written as two digits, each is read as no character, and
    ``pdf_text_differs`` says which digits the one glyph was written as. The honest font is read as before."""
    from xxgk.readers import read_bytes

    written = {1: "5", 2: "7", 3: "1"} | {4 + k: word for k, word in enumerate("行政许可申请数量")}
    shown = [*range(4, 12), 1, 2, 3]
    honest = read_bytes(cid_keyed_pdf(cid_keyed_program([b"\x0e", FIVE, SEVEN, ONE, *WORDS]), shown, written), ".pdf")
    assert "行政许可申请数量571" in honest.text.replace(" ", "") and not honest.findings
    lying = read_bytes(cid_keyed_pdf(cid_keyed_program([b"\x0e", FIVE, FIVE, ONE, *WORDS]), shown, written), ".pdf")
    assert "行政许可申请数量\ufffd\ufffd1" in lying.text.replace(" ", ""), lying.text
    assert [f.code for f in lying.findings] == ["pdf_text_differs"]
    assert "5或7" in lying.findings[0].message


def _true_type(glyphs: list[bytes]) -> bytes:
    """A TrueType program of ``glyphs`` (simple glyphs' bytes; glyph 0 first) and the tables its outlines are read
    from: head (long offsets), maxp, loca, glyf."""
    import struct

    glyf = b"".join(g + b"\x00" * (-len(g) % 4) for g in glyphs)
    offsets, at = [], 0
    for g in glyphs:
        offsets.append(at)
        at += len(g) + (-len(g) % 4)
    tables = {b"glyf": glyf, b"head": bytes(50) + b"\x00\x01\x00\x00",
              b"loca": struct.pack(f">{len(glyphs) + 1}L", *offsets, at),
              b"maxp": b"\x00\x00\x50\x00" + struct.pack(">H", len(glyphs))}
    out, data = bytearray(struct.pack(">LHHHH", 0x10000, len(tables), 0, 0, 0)), bytearray()
    start = 12 + 16 * len(tables)
    for tag, body in sorted(tables.items()):
        out += tag + struct.pack(">LLL", 0, start + len(data), len(body))
        data += body + b"\x00" * (-len(body) % 4)
    return bytes(out + data)


def _triangle(size: int) -> bytes:
    """A simple glyph: one contour of three points on the curve, (0, 0), (size, 0), (size, size)."""
    import struct

    return (struct.pack(">hhhhhHH", 1, 0, 0, size, size, 2, 0) + b"\x37\x37\x37"
            + bytes([0, size, 0]) + bytes([0, 0, size]))


def test_a_cid_true_type_font_drawing_one_glyph_for_two_digits_is_no_digit_read():
    """The same for a CID TrueType font without a cmap (Identity, its codes its glyph numbers): its outlines were
    compared when the file was opened, but the library draws a Type 0 font as a copy of its descendant, and the
    conflicts, kept by the Type 0's dictionary, were never found for it: 5 7 1 read with no finding."""
    from xxgk.readers import read_bytes

    written = {1: "5", 2: "7", 3: "1"} | {4 + k: word for k, word in enumerate("行政许可申请数量")}
    words = [_triangle(20 + k) for k in range(8)]
    for drawn, expected in (([_triangle(5), _triangle(7), _triangle(9)], "571"),
                            ([_triangle(5), _triangle(5), _triangle(9)], "\ufffd\ufffd1")):
        program = _true_type([_triangle(1), *drawn, *words])
        source = read_bytes(cid_keyed_pdf(program, [*range(4, 12), 1, 2, 3], written, true_type=True), ".pdf")
        assert "行政许可申请数量" + expected in source.text.replace(" ", ""), source.text
        assert [f.code for f in source.findings] == ([] if expected == "571" else ["pdf_text_differs"])


def _with_cmap(program_tables: list[bytes], first: int, glyph_ids: list[int]) -> bytes:
    """``_true_type(program_tables)`` with a Unicode ``cmap`` (3,1) of format 6: the characters from ``first`` drawn by
    ``glyph_ids``."""
    import struct

    font = bytearray(_true_type(program_tables))
    subtable = struct.pack(f">HHHHH{len(glyph_ids)}H", 6, 10 + 2 * len(glyph_ids), 0, first, len(glyph_ids),
                           *glyph_ids)
    cmap = struct.pack(">HHHHL", 0, 1, 3, 1, 12) + subtable
    count = struct.unpack_from(">H", font, 4)[0]
    directory = [font[12 + 16 * k:28 + 16 * k] for k in range(count)]
    body_at = 12 + 16 * count
    shifted = [d[:8] + struct.pack(">L", struct.unpack_from(">L", d, 8)[0] + 16) + d[12:] for d in directory]
    entry = b"cmap" + struct.pack(">LLL", 0, len(font) + 16, len(cmap))
    return bytes(struct.pack(">LHHHH", 0x10000, count + 1, 0, 0, 0) + b"".join(sorted([*shifted, entry]))
                 + font[body_at:] + cmap)


def test_a_to_unicode_named_identity_over_a_fonts_own_other_digits_is_no_digit_read():
    """``/ToUnicode /Identity-H`` (a name, not a map): the library reads each CID as the character of that number, its
    5 the CID 0x35. Over an embedded TrueType font whose CIDs are its glyphs (Identity) and whose own ``cmap`` says
    glyph 0x35 draws 7, 7 was drawn and 5 read, with no finding — round 9 left the name to the library whatever the
    font said. Where the font says what its glyph is, the name is checked as a map is: each such digit is read as no
    character, with ``pdf_text_differs``. The same font whose ``cmap`` agrees is read as before."""
    from xxgk.readers import read_bytes

    letters = [ord(c) for c in "ABCDEFGHIJKLMNOP"]
    glyphs = [_triangle(1 + k % 90) for k in range(0x60)]
    for glyph_ids, expected, codes in (([0x31, 0, 0, 0, 0x35, 0, 0x37], "571", []),
                                       ([0x31, 0, 0, 0, 0x37, 0, 0x35], "\ufffd\ufffd1", ["pdf_text_differs"])):
        pdf = cid_keyed_pdf(_with_cmap(glyphs, 0x31, glyph_ids), [*letters, 0x35, 0x37, 0x31], {}, true_type=True,
                            to_unicode=b"/Identity-H")
        source = read_bytes(pdf, ".pdf")
        assert "ABCDEFGHIJKLMNOP" + expected in source.text.replace(" ", ""), source.text
        assert [f.code for f in source.findings] == codes
