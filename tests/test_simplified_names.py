"""A report of 乾县 (陕西) or 乾安县 (吉林) is read as that place's: OpenCC's Traditional→Simplified conversion reads 乾
as 干 ("dry"), so every such report, Simplified or Traditional, was read as one of 干县 / 干安县 — places that do not
exist — and its agency resolved to no region. Expected values written by hand from GB/T 2260."""

from __future__ import annotations

import pytest

from xxgk.agency import name_to_agency
from xxgk.parser import parse
from xxgk.readers import read_bytes

from .conftest import SEEDS

SEED = SEEDS / "002_b58105edacdfa4c5.txt"  # 格尔木市2024 年政府信息公开工作年度报告


def _report_of(place: str, traditional_title: bool) -> bytes:
    text = SEED.read_text(encoding="utf-8").replace("格尔木市", place)
    if traditional_title:  # as a Hong Kong-style or old-encoding page prints it
        text = text.replace("政府信息公开工作年度报告", "政府資訊公開工作年度報告", 1)
    return text.encode("utf-8")


@pytest.mark.skipif(not SEED.exists(), reason="the shared seeds are absent")
@pytest.mark.parametrize("traditional_title", [False, True], ids=["simplified", "traditional"])
@pytest.mark.parametrize(("place", "province", "city"), [("乾县", "陕西省", "咸阳市"), ("乾安县", "吉林省", "松原市")])
def test_a_report_of_qianxian_is_read_as_qianxian(place, province, city, traditional_title):
    text = read_bytes(_report_of(place, traditional_title), ".txt").parse_text
    record = parse(text)
    agency = name_to_agency(record.agency, text, {})
    assert record.agency.startswith(place)
    assert (agency.province, agency.city, agency.county) == (province, city, place)
    # 陕西 is Shaanxi in an agency's id (its address on the site), never 山西's shanxi
    expected_id = {"陕西省": "shaanxi-xianyang-qianxian", "吉林省": "jilin-songyuan-qianan"}[province]
    assert agency.agency_id.startswith(expected_id)
