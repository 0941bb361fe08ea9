"""The full-text search indexes a report's prose, not its tables (``site/table_lines.py``): tables 二–四 sit on
the source page in ``data-pagefind-ignore`` elements — whole lines in one element, the tables' part of a line they
share with prose in its own — while the page still shows every character of every line."""

from __future__ import annotations

import csv
import gzip
import html
import json
import re
import shutil
from pathlib import Path

OVERVIEW = "一、总体情况\n本机关全年主动公开信息二十条。\n"
TABLES = ("二、主动公开政府信息情况\n规章 0 0 0\n三、收到和处理政府信息公开申请情况\n自然人 1\n"
          "四、政府信息公开行政复议、行政诉讼情况\n0 0 0\n")
PROBLEMS = "五、存在的主要问题及改进情况\n栏目更新不及时。\n六、其他需要报告的事项\n无。\n"


def _unindexed(text: str):
    from xxgk.site.table_lines import unindexed

    return unindexed(text)


def test_the_lines_of_tables_two_to_four_are_one_run_and_the_prose_is_outside_it():
    assert _unindexed(OVERVIEW + TABLES + PROBLEMS) == ([(3, 8)], {})


def test_a_table_between_prose_sections_is_a_run_of_its_own():
    text = OVERVIEW + "二、主动公开政府信息情况\n规章 0 0 0\n五、存在的主要问题及改进情况\n少。\n" \
        "三、收到和处理政府信息公开申请情况\n自然人 1\n六、其他需要报告的事项\n无。\n"
    assert _unindexed(text) == ([(3, 4), (7, 8)], {})


def test_on_a_line_shared_with_prose_only_the_tables_part_is_left_out():
    flat = (OVERVIEW + TABLES + PROBLEMS).replace("\n", " ")  # a web page flattened onto one line
    assert _unindexed(flat) == ([], {1: [(flat.index("二、"), flat.index("五、"))]})
    glued = "一、总体情况\n公开二十条。二、主动公开政府信息情况\n规章 0 0 0\n五、存在的主要问题及改进情况\n少。\n"
    assert _unindexed(glued) == ([(3, 3)], {2: [(6, 18)]})  # line 2 from its heading on
    tail = OVERVIEW + "二、主动公开政府信息情况\n规章 0 0 0 五、存在的主要问题及改进情况 少。\n"
    assert _unindexed(tail) == ([(3, 3)], {4: [(0, 9)]})  # line 4 up to the problems' heading


def test_the_last_section_found_and_a_text_without_sections_are_indexed_whole():
    # the prose after table 四 has no heading the parser finds: the end of 四 is not known, so 四 stays indexed
    assert _unindexed(OVERVIEW + TABLES + "今后将加强培训。\n") == ([(3, 6)], {})
    assert _unindexed("本机关全年主动公开信息二十条。\n规章 0 0 0\n") == ([], {})
    assert _unindexed("") == ([], {})


def _text_of(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", markup))


def test_a_part_never_cuts_a_rows_target_and_the_line_reads_as_printed():
    from xxgk.site.report_page import TABLES_UNINDEXED, _segments

    line = "公开二十条。规章 0 0 0 <自然人> 1 栏目少。"
    row = (line.index("规章"), line.index(" <"))  # a row's span (spans.py), cut by the part below
    out = _segments(7, line, [row], [(line.index("0 0"), line.index("栏目"))])
    assert _text_of(out) == line and "<自然人>" not in out  # every character once, escaped
    assert out.startswith("公开二十条。" + TABLES_UNINDEXED + f'<span id="L7c{row[0]}">规章 0 0 0</span>')
    assert out.endswith("</span>栏目少。")


def _published(site: Path):
    """``(report_id, source page, text, narrative lines, narrative text)`` of each source page of a built site."""
    package = site.parent / "datapackage"
    narrative: dict[str, list[dict]] = {}
    with (package / "data" / "sections.csv").open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            narrative.setdefault(row["report_id"], []).append(row)
    for page in sorted((site / "src").glob("*.html")):
        rid = page.stem
        text = (package / "sources" / f"{rid}.txt").read_text(encoding="utf-8")
        rows = narrative.get(rid, [])
        yield rid, page.read_text(encoding="utf-8"), text, {int(r["line"]) for r in rows if r["line"]}, \
            "".join(r["text"] for r in rows)


def _left_out(text: str) -> list[str]:
    """The text of each line, or part of a line, the index leaves out."""
    runs, parts = _unindexed(text)
    lines = text.split("\n")
    out = [line for first, last in runs for line in lines[first - 1:last]]
    return out + [lines[n - 1][start:end] for n, cuts in parts.items() for start, end in cuts]


def test_every_seed_shows_every_line_and_wraps_only_its_tables(built_site):
    wrapped = 0
    for rid, page, text, prose_lines, _ in _published(built_site):
        numbers = [int(n) for n in re.findall(r'<span id="L([0-9]+)" data-n="', page)]
        assert numbers == list(range(1, text.count("\n") + 2)), rid  # every line once, in order
        body = page[page.index('<div class="xxgk-source">'):page.index("</div></main>")]
        shown = [_text_of(line) for line in body.split("\n")[1:-1]]
        assert shown == [line or "\xa0" for line in text.split("\n")], rid  # every character as printed
        runs, parts = _unindexed(text)
        for first, last in runs:
            assert f'<span data-pagefind-ignore><span id="L{first}" data-n="{first}">' in page, rid
            assert not prose_lines & set(range(first, last + 1)), rid  # no narrative section begins inside
        assert page.count("<span data-pagefind-ignore>") == len(runs) + sum(map(len, parts.values())), rid
        wrapped += len(runs)
    assert wrapped >= 4  # the seeds' tables are found (the hostile report's are not)


def _fragments(bundle: Path) -> dict[str, dict]:
    out = {}
    for path in (bundle / "fragment").iterdir():
        data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        out[data["url"].rsplit("/", 1)[-1].removesuffix(".html")] = data
    return out


def test_the_full_text_index_holds_the_prose_and_not_the_tables(built_site, tmp_path):
    """A full-text result's text (the fragment Pagefind keeps for its excerpt) holds the report's prose and no
    words of its tables that the prose does not also say."""
    from xxgk.site.fulltext import index_full_text

    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    shutil.copytree(built_site.parent / "datapackage", tmp_path / "datapackage")
    assert index_full_text(site) == 0
    fragments = _fragments(site / "pagefind" / "0")
    checked = 0
    for rid, _, text, _, prose in _published(site):
        content = re.sub(r"\s", "", fragments[rid]["content"].replace("\u200b", ""))
        said = re.sub(r"\s", "", prose)
        for piece in _left_out(text):
            for words in re.split(r"[\s|]+", piece):
                if len(words) >= 6 and words not in said:
                    assert words not in content, (rid, words)
                    checked += 1
        if said:
            assert said[:20] in content, rid
    assert checked >= 50
