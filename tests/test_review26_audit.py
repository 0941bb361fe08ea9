"""Review of the 26th series' changes: defects found in the merged commits, each test failing before its fix."""

from __future__ import annotations

from xxgk.agency.resolve import name_to_agency


def test_two_vertically_managed_offices_of_one_province_get_two_readable_ids():
    """国家金融监督管理总局湖南监管局 and 中国证券监督管理委员会湖南监管局 are two agencies. Before: both ids were
    hunan-jianguanju, the administration left out, so the package gave each a digest (hunan-jianguanju-5c18, …-f364)
    that appeared, and changed, only when the other's report was in the same build."""
    finance = name_to_agency("国家金融监督管理总局湖南监管局", "", {})
    securities = name_to_agency("中国证券监督管理委员会湖南监管局", "", {})
    forex = name_to_agency("国家外汇管理局湖南省分局", "", {})
    mine = name_to_agency("国家矿山安全监察局湖南局", "", {})
    ids = [finance.agency_id, securities.agency_id, forex.agency_id, mine.agency_id]
    assert len(set(ids)) == 4 and all(i and i.startswith("hunan-") for i in ids)
    assert finance.agency_id == "hunan-guojiajinrongjianduguanlizongjujianguanju"
    assert (finance.province, finance.tier) == ("湖南省", "province")  # (the region stays the one printed)


def test_a_customs_office_id_is_its_region_and_haiguan():
    """中华人民共和国 names no administration (rules/agency_vertical_parents.csv in_id no): the id stays short."""
    assert name_to_agency("中华人民共和国长沙海关", "", {}).agency_id == "hunan-changsha-haiguan"
    assert name_to_agency("国家税务总局长沙市税务局", "", {}).agency_id == "hunan-changsha-guojiashuiwuzongjushuiwuju"
