"""Review of session 27's changes to agency names, titles and dates: regressions and time cliffs found by running the
old code (b599600) and the new one over every division's name with common departments, many title wordings and
whole reports."""

from xxgk.metadata import text_to_published_date


def test_a_date_line_followed_by_a_long_run_of_spaces_is_read_in_linear_time():
    """A signature's date printed without 日, then a run of spaces and more text (a PDF's padding): the date-line
    pattern's runs of spaces (_DATE's \\s*日?, the note's \\s*, the line's \\s*$) met, so 4,000 spaces took five
    minutes, the time growing with the cube of the run, and the file was lost to its time budget; this test never
    ended. The time is measured by ``benchmarks/tokenizer_linearity.py`` ("spaces after a signature's date"). The
    same lines are still read: a date alone, with its signer, with a note and spaces after it."""
    spaces = " " * 4000
    assert text_to_published_date("正文。\n样例县数据局 2024年1月20" + spaces + "x\n") is None
    assert text_to_published_date("正文。\n2024年1月20" + spaces + "附件\n") is None
    assert text_to_published_date("正文。\n样例县数据局 2024年1月20日" + spaces + "\n") == "2024-01-20"
    assert text_to_published_date("正文。\n2024年1月20日" + spaces + "（此件公开发布）" + spaces + "\n") == "2024-01-20"
    assert text_to_published_date("正文。\n样例县数据局\n2024年1月20" + spaces + "\n") == "2024-01-20"


def test_a_city_bureaus_branch_named_with_its_districts_full_name_is_that_districts_office():
    """南充市公安局嘉陵区分局 (the district's full name, as many branches print it): the misprinted-district check
    (7e77738) read 公安局嘉陵区 as a district of 南充市 no division matches, so the branch was a county-tier agency of
    no county with a false agency_region_unknown (the code before that commit had it as the city's, no finding).
    Now it is 嘉陵区's office, as 南充市公安局嘉陵分局 is; a real misprint is still told."""
    from xxgk.agency.resolve import name_to_agency

    for printed, county in (("南充市公安局嘉陵区分局", "嘉陵区"), ("南京市公安局鼓楼区分局", "鼓楼区"),
                            ("三明市公安局泰宁县分局", "泰宁县")):
        agency = name_to_agency(printed, "", {})
        assert (agency.county, agency.tier, [f.code for f in agency.findings]) == (county, "county", []), printed
    misprint = name_to_agency("南京市鼓搂区人民政府", "", {})
    assert [f.code for f in misprint.findings] == ["agency_region_unknown"]


def test_an_archive_is_one_agency_whether_its_city_or_province_is_printed_or_not():
    """档案馆 became a department's suffix (e8d62dc), so 东营市广饶县档案馆, a place then a bare suffix, kept its
    region as printed, as 上海海关 does: 东营市广饶县档案馆 and 广饶县档案馆 (吉林省四平市档案馆 and 四平市档案馆)
    were two agencies, two series with one id (before that commit, one name). Now each is the name printed without
    the places above; a customs district printed after its province is the one printed without it
    (青海省西宁海关 = 西宁海关)."""
    from xxgk.agency.resolve import name_to_agency

    for printed, name in (("东营市广饶县档案馆", "广饶县档案馆"), ("山东省东营市广饶县档案馆", "广饶县档案馆"),
                          ("广饶县档案馆", "广饶县档案馆"), ("吉林省四平市档案馆", "四平市档案馆"),
                          ("青海省西宁海关", "西宁海关"), ("中华人民共和国西宁海关", "西宁海关"),
                          ("上海海关", "上海海关")):
        assert name_to_agency(printed, "", {}).name == name, printed


def test_a_citys_area_that_is_no_division_is_no_misprinted_district():
    """The misprinted-district check (7e77738) takes a word ending 区 after a city for a district no division
    matches unless ``rules/agency_area_words.csv`` lists its ending: 北京市天安门地区管理委员会,
    上海市虹桥商务区管委会, 广州市空港经济区管委会, 上海市化学工业区管理委员会 and 北京市燕山地区办事处 got a false
    agency_region_unknown (地名无法识别) and a tier below their city's, which the code before had not. Now they are
    kept as printed, with no such finding, at the tier they had."""
    from xxgk.agency.resolve import name_to_agency

    for printed, tier in (("北京市天安门地区管理委员会", "province"), ("上海市虹桥商务区管委会", "province"),
                          ("广州市空港经济区管委会", "prefecture"), ("上海市化学工业区管理委员会", "province"),
                          ("北京市燕山地区办事处", "province"), ("郑州市航空港实验区管理委员会", "prefecture")):
        agency = name_to_agency(printed, "", {})
        assert (agency.name, agency.tier, [f.code for f in agency.findings]) == (printed, tier, []), printed


def test_a_district_no_division_matches_after_a_municipality_is_county_level():
    """A district printed after a municipality that no division matches (上海市闸北区人民政府, a district abolished in
    2015 whose old reports are still published; 北京市鼓搂区人民政府, a misprint) is kept as printed one tier below
    its region (7e77738): below 上海市, a province, that was the prefecture tier, so the report card ranked a
    district's government among the cities'. A municipality's districts are county-level, as 南京市's are."""
    from xxgk.agency.resolve import name_to_agency

    for printed in ("北京市鼓搂区人民政府", "南京市鼓搂区人民政府"):
        agency = name_to_agency(printed, "", {})
        assert (agency.name, agency.tier) == (printed, "county"), printed
    # Session 28: an abolished district is placed (rules/division_abolished.csv), named as its living neighbours are
    # (上海市黄浦区人民政府 is 黄浦区人民政府), still at the county tier.
    agency = name_to_agency("上海市闸北区人民政府", "", {})
    assert (agency.name, agency.tier) == ("闸北区人民政府", "county")


def test_a_market_regulators_district_branch_named_jianguanju_is_that_districts_office():
    """深圳市市场监督管理局福田监管局 is the city regulator's branch in 福田区, as 北京市市场监督管理局海淀分局 is in
    海淀区 (793371e); its suffix, 监管局, was not in ``rules/agency_branch_suffixes.csv``, so it stayed the city's,
    at the city's tier. A vertical office's 监管局 (国家金融监督管理总局湖南监管局) is still its province's."""
    from xxgk.agency.resolve import name_to_agency

    branch = name_to_agency("深圳市市场监督管理局福田监管局", "", {})
    assert (branch.county, branch.tier) == ("福田区", "county")
    vertical = name_to_agency("国家金融监督管理总局湖南监管局", "", {})
    assert (vertical.province, vertical.county, vertical.tier) == ("湖南省", "", "province")
