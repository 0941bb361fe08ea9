"""An agency's id and the header search spell a place as it is called, not as pypinyin reads its characters as a
word: 长宁区 was zhangning, 朝阳区 zhaoyang, 花都区 huadou, 锡林郭勒盟 xilinguolei (audit 26). Expected spellings
written by hand from the places' official romanisation."""

from __future__ import annotations

import json
import shutil
from types import SimpleNamespace

import pytest

from xxgk.agency import name_to_agency
from xxgk.site.browser_data import search_aux

from .test_search import NODE, _search, agency_search_site


@pytest.mark.parametrize(("name", "expected"), [
    ("上海市长宁区教育局", "shanghai-changning-jiaoyuju"),
    ("北京市朝阳区民政局", "beijing-chaoyang-minzhengju"),
    ("广州市花都区财政局", "guangdong-guangzhou-huadu-caizhengju"),
    ("山西省长治市人民政府", "shanxi-changzhi"),
    ("长子县人民政府", "shanxi-changzhi-zhangzi"),  # the one place whose 长 is zhǎng
    ("单县人民政府", "shandong-heze-shanxian"),
    ("库尔勒市人民政府", "xinjiang-bayinguoleng-kuerle"),
    ("湖南省长沙市教育局", "hunan-changsha-jiaoyuju"),  # pypinyin's reading, right already, is kept
])
def test_an_agency_id_spells_its_places_as_they_are_called(name, expected):
    agency = name_to_agency(name, "", {})
    assert agency.agency_id.startswith(expected), agency.agency_id


def _regions_site(folder):
    return agency_search_site(folder, [
        {"name": "长宁区教育局", "province": "上海市", "city": "上海市", "county": "长宁区", "aliases": ""},
        {"name": "长沙市教育局", "province": "湖南省", "city": "长沙市", "county": "", "aliases": ""},
        {"name": "花都区财政局", "province": "广东省", "city": "广州市", "county": "花都区", "aliases": ""}])


def test_the_search_data_spells_a_region_as_its_agencies_ids_do(tmp_path):
    spell = json.loads(search_aux(SimpleNamespace(tables={"agencies": [
        {"name": "长宁区教育局", "province": "上海市", "city": "上海市", "county": "长宁区", "aliases": ""},
        {"name": "太原市教育局", "province": "山西省", "city": "太原市", "county": "", "aliases": ""}]})))["spell"]
    assert spell["长宁区"] == "changningqu"
    assert "太原市" not in spell  # read right character by character: nothing to add


@pytest.mark.skipif(not NODE or not shutil.which("node"), reason="node is not installed")
def test_typing_a_place_as_it_is_called_finds_its_agencies(tmp_path):
    hits = _search(_regions_site(tmp_path), ["changning", "huadu", "changsha", "zhangning"])
    assert hits["changning"] == ["长宁区教育局"]
    assert hits["huadu"] == ["花都区财政局"]
    assert hits["changsha"] == ["长沙市教育局"]
    assert hits["zhangning"] == ["长宁区教育局"]  # the characters' own reading still finds it
