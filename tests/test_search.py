"""The agency search (``assets/search.js``, the same code the header, the index finder and the compare page
use), run in Node on the JSON a built site serves: it finds an agency by full name, short name, pinyin,
initials, traditional characters, a one-character typo and a province, and says nothing matches when nothing
does. The search data is byte-identical for the same input."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from .conftest import ROOT, needs_shared

NODE = shutil.which("node")
HARNESS = """
const fs = require("fs"), path = require("path");
const site = process.argv[1];
global.window = {};
global.document = {currentScript: {src: "http://x/assets/search.js"}, addEventListener() {}};
global.fetch = (url) => Promise.resolve(
  {ok: true, status: 200, json: () => JSON.parse(fs.readFileSync(path.join(site, url.slice(9)), "utf8"))});
eval(fs.readFileSync(process.argv[2], "utf8"));
const queries = JSON.parse(process.argv[3]);
window.xxgkAgencies.load().then((data) => {
  const out = {};
  for (const q of queries) out[q] = window.xxgkAgencies.find(q, data).map((h) => h.agency.n);
  console.log(JSON.stringify(out));
});
"""


def _search(site_src, queries):
    result = subprocess.run([NODE, "-e", HARNESS, str(site_src), str(ROOT / "build/xxgk/site/assets/search.js"),
                             json.dumps(queries)], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


@needs_shared
@pytest.mark.skipif(not NODE, reason="node is not installed")
def test_the_agency_search_finds_agencies_every_way_a_reader_types_them(corpus_build):
    _, site_src = corpus_build
    hits = _search(site_src, ["格尔木", "格爾木", "geermu", "GeErMu", "gemssjj", "平潭", "平谭", "pingtan",
                              "ptzh", "青海", "xyzxyz", "湟中"])
    for query in ("格尔木", "格爾木", "geermu", "GeErMu"):
        assert sorted(hits[query][:2]) == ["格尔木市人民政府", "格尔木市数据局"], query  # both 格尔木 agencies first
    assert hits["gemssjj"] == ["格尔木市数据局"]  # initials
    for query in ("平潭", "平谭", "pingtan", "ptzh"):
        assert hits[query] == ["平潭综合实验区"], query
    # a province lists its agencies
    assert sorted(hits["青海"]) == ["格尔木市人民政府", "格尔木市数据局", "湟中区人民政府"]
    assert hits["xyzxyz"] == []
    assert hits["湟中"] == ["湟中区人民政府"]


@needs_shared
def test_the_search_data_covers_every_agency_and_is_small(corpus_build):
    pkg, site_src = corpus_build
    agencies = json.loads((site_src / "json" / "agencies.json").read_text(encoding="utf-8"))["agencies"]
    aux = json.loads((site_src / "json" / "search.json").read_text(encoding="utf-8"))
    assert {a["n"] for a in agencies} >= {"平潭综合实验区", "格尔木市人民政府", "上海市人民政府办公厅"}
    assert aux["py"]["潭"] == "tan" and aux["t2s"]["爾"] == "尔"
    assert all(c in aux["py"] for a in agencies for c in a["n"] if "\u4e00" <= c <= "\u9fff")


def test_the_browser_data_is_byte_identical_for_the_same_package(seed_package, tmp_path):
    from xxgk.site.build import write_site_src

    out, _, _ = seed_package
    trees = []
    for name in ("one", "two"):
        write_site_src(out, tmp_path / name)
        trees.append({p.relative_to(tmp_path / name): p.read_bytes()
                      for p in sorted((tmp_path / name).rglob("*")) if p.is_file()})
    assert trees[0] == trees[1]
    assert any(str(p).startswith("json/m/") for p in trees[0])


def _two_agency_site(folder):
    """A site's agency search data for 乾县教育局 (陕西省) and 太原市教育局 (山西省), written into ``folder``."""
    return agency_search_site(folder, [
        {"name": "乾县教育局", "province": "陕西省", "city": "咸阳市", "county": "乾县", "aliases": ""},
        {"name": "太原市教育局", "province": "山西省", "city": "太原市", "county": "", "aliases": ""}])


def agency_search_site(folder, rows):
    """The header search's data (``json/search.json``, ``json/agencies.json``) for the agencies ``rows`` (rows of the
    package's ``agencies`` table), written into ``folder``."""
    from types import SimpleNamespace

    from xxgk.site.browser_data import search_aux

    (folder / "json").mkdir()
    (folder / "json" / "search.json").write_text(search_aux(SimpleNamespace(tables={"agencies": rows})),
                                                 encoding="utf-8")
    agencies = [{"id": f"a{i}", "n": r["name"], "p": r["province"], "c": r["city"], "x": r["county"], "y": {}}
                for i, r in enumerate(rows)]
    (folder / "json" / "agencies.json").write_text(json.dumps({"agencies": agencies}), encoding="utf-8")
    return folder


@pytest.mark.skipif(not NODE, reason="node is not installed")
def test_a_region_with_a_spelling_of_its_own_is_found_by_it(tmp_path):
    """陕西 is shaanxi (``rules/pinyin_spellings.csv``, as the agency ids spell it): typing ``shaanxi`` found no agency
    of 陕西省 (audit 25), whose characters read shan xi; plain ``shanxi`` still finds it, and 山西's agencies too."""
    hits = _search(_two_agency_site(tmp_path), ["shaanxi", "Shaanxi", "shanxi", "shaanxi qianxian"])
    assert hits["shaanxi"] == hits["Shaanxi"] == ["乾县教育局"]
    assert sorted(hits["shanxi"]) == ["乾县教育局", "太原市教育局"]
    assert hits["shaanxi qianxian"] == ["乾县教育局"]


@pytest.mark.skipif(not NODE, reason="node is not installed")
def test_two_letters_swapped_in_pinyin_are_a_typo_the_search_forgives(tmp_path):
    """qianxain for qianxian (two neighbours swapped, the commonest slip) found nothing (audit 25): it counted as two
    edits, and the search forgives one; a word two real edits away still finds nothing."""
    hits = _search(_two_agency_site(tmp_path), ["qianxain", "taiyaun", "qinaxain"])
    assert hits["qianxain"] == ["乾县教育局"]
    assert hits["taiyaun"] == ["太原市教育局"]
    assert hits["qinaxain"] == []


@pytest.mark.skipif(not NODE, reason="node is not installed")
def test_a_short_typo_finds_the_name_it_slipped_from_not_every_name_sharing_a_character(tmp_path):
    """海成 for 海城 (a pinyin keyboard's homophone) listed 上海市人民政府办公厅 beside 海城市数据局: one edit forgave
    the dropped 成, leaving 海 alone to match (audit 32). Below four characters a typo is one character replaced by
    one of the same sound, or two swapped; from four on a dropped or added one is forgiven too (海城数据局 for
    海城市数据局)."""
    site = agency_search_site(tmp_path, [
        {"name": "海城市数据局", "province": "辽宁省", "city": "鞍山市", "county": "海城市", "aliases": ""},
        {"name": "上海市人民政府办公厅", "province": "上海市", "city": "", "county": "", "aliases": ""}])
    hits = _search(site, ["海成", "海成市", "海誠", "海口", "城海", "海城数据局", "上每市人民政府",
                          "上海市民政府办公厅"])
    assert hits["海成"] == hits["海成市"] == ["海城市数据局"]  # 成 sounds as 城 (cheng)
    assert hits["海誠"] == ["海城市数据局"]  # the same slip typed in traditional characters (誠: 诚, cheng)
    assert hits["海口"] == []  # 口 (kou) is no slip for 城 nor 市
    assert hits["城海"] == ["海城市数据局"]  # two neighbours swapped
    assert hits["海城数据局"] == ["海城市数据局"]
    assert hits["上每市人民政府"] == hits["上海市民政府办公厅"] == ["上海市人民政府办公厅"]
