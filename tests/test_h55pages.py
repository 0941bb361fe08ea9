"""Real pages round 12 (session 55): layouts and publishers of real reports nobody here had read, rebuilt with
made-up agencies and numbers (synthetic text only)."""

from __future__ import annotations

from xxgk.agency.resolve import name_to_agency
from xxgk.metadata import text_to_period
from xxgk.parser import parse

from .factory import tab_report

# a report without a year in its title whose site dropped 年 after each year of its dates (as stored pages of a
# county weather bureau, a district housing bureau, a transport bureau and a development zone print them)
BODY = tab_report(agency="样例县气象局", year=2023).split("\n", 1)[1]
GLUED = ("样例县气象局依照条例编制本报告。\n"
         "报告数据的统计期限：20231月1日至12月31日。\n" + BODY)


def test_a_period_whose_years_lost_their_nian_is_still_the_period():
    """``统计期限为20231月1日至12月31日`` and ``自20211月1日起至202112月31日止``: a year glued to its month (the
    page's 年 dropped) is the period's year. Before, no period was read, and a page printing its year nowhere
    else published no year at all."""
    assert text_to_period("报告数据的统计期限：20231月1日至12月31日。") == ("2023-01-01", "2023-12-31")
    assert text_to_period("数据统计期限自20211月1日起至202112月31日止") == ("2021-01-01", "2021-12-31")
    assert text_to_period("统计时限：20231月1日至202312月31日") == ("2023-01-01", "2023-12-31")
    record = parse(GLUED)
    assert record.year == 2023 and (record.period_start, record.period_end) == ("2023-01-01", "2023-12-31")


def test_a_longer_run_of_digits_before_a_month_is_no_year():
    """Only four digits standing alone before the month read as a glued year: 编号120231月1日 is no period of 2023
    (its digits run on from another number)."""
    assert text_to_period("统计编号120231月1日至12月31日") == (None, None)


def _city_district() -> tuple[str, str]:
    """A prefecture city of a province and one of its districts whose name no other division has (drawn as the
    benchmarks draw their counties)."""
    from benchmarks.synthetic import counties

    from xxgk.agency.divisions import by_name, parent

    for name, _ in counties():
        district = by_name(name)[0]
        city = parent(district)
        if name.endswith("区") and len(name) == 3 and city is not None and parent(city) is not None:
            return city.name, name
    raise AssertionError("no district")


def test_a_city_bureaus_district_branch_named_only_in_its_opening_is_the_branch():
    """A district branch's page without its title names itself in its opening as the city bureau's branch, the
    district printed short (特向社会公布2023年度某市公安局某某分局…年度报告) and in its contact line short again
    (请与某某公安分局…联系). Before, the opening's name was read up to the bureau's 局: the report was published as
    the city's public-security bureau (WRONG publisher). Now the branch, the agency its own titles give; a
    bureau's department that names no place (某市公安局交通管理局) is not read as a branch."""
    city, district = _city_district()
    short = district[:-1]
    text = (f"根据《中华人民共和国政府信息公开条例》要求，特向社会公布2023年度{city}公安局{short}分局政府信息公开工作"
            f"年度报告。如对本报告有疑问，请与{short}公安分局政府信息公开办公室联系。\n" + BODY)
    branch = name_to_agency(f"{city}公安局{short}分局", "", {})
    assert branch.agency_id != name_to_agency(f"{city}公安局", "", {}).agency_id
    found = name_to_agency(None, text, {})
    assert (found.name, found.agency_id) == (branch.name, branch.agency_id), found


def test_a_header_whose_issued_column_lost_its_zhi_still_names_it():
    """A one-cell-a-line table 二 (each cell apart by an empty line, as a stored page prints it) headed 本年发件 /
    本年废止件数 / 现行有效件 (制 and 数 lost): 发件 names the issued column (``rules/table2_measure_words.csv``).
    Before, the 规章 row's numbers were not used (``columns_order_unsure``: the header's first column named no
    measure), though they stand in the template's order."""
    cells = ["样例县气象局2021年政府信息公开工作年度报告", "一、总体情况", "2021年，我局认真贯彻落实条例。",
             "二、主动公开政府信息情况", "第二十条第(一)项", "信息内容", "本年发件", "本年废止件数", "现行有效件",
             "规章", "1", "2", "3", "行政规范性文件", "4", "0", "6", "第二十条第(五)项", "信息内容", "本年处理决定数量",
             "行政许可", "7", "三、收到和处理政府信息公开申请情况"]
    record = parse("\n\n".join(cells) + "\n")
    active = {f.keys: f.value for f in record.facts if f.table == "active"}
    assert [active[("rules", m)] for m in ("issued", "repealed", "in_force")] == [1, 2, 3], active
    assert [active[("normative_documents", m)] for m in ("issued", "repealed", "in_force")] == [4, 0, 6]
    assert "columns_order_unsure" not in [f.code for f in record.findings]


def test_a_procurement_count_in_batches_is_the_count():
    """2019's 政府集中采购 printed ``12批次`` (batches) and ``35000.5元``, a cell a line apart by empty lines: 12
    projects and 3.50005 万元. Before, 批次 was read as a row label, 12 as digits run together (``cells_ambiguous``,
    false: one number) and both cells were lost."""
    head = ("样例县退役军人事务局2020年政府信息公开工作年度报告\n一、总体情况\n2020年，我局认真贯彻落实条例。\n"
            "二、主动公开政府信息情况\n")
    cells = ["第二十条第(九)项", "信息内容", "采购项目数量", "采购总金额", "政府集中采购", "12批次", "35000.5元",
             "三、收到和处理政府信息公开申请情况"]
    record = parse(head + "\n\n".join(cells) + "\n")
    active = {f.keys: f.value for f in record.facts if f.table == "active"}
    assert (active[("procurement", "projects")], str(active[("procurement", "amount_10k_yuan")])) == (12, "3.50005")
    assert not {"cells_ambiguous", "label_unrecognised"} & {f.code for f in record.findings}


def test_a_report_made_by_a_bureaus_information_centre_is_the_bureaus():
    """A district bureau's page without its title says it was made by the bureau's 信息中心 from its data
    (由某局信息中心结合有关统计数据编制而成) and names the bureau to contact. Before, it was published as the
    信息中心, an agency of its own (WRONG publisher); a bureau's 信息中心 compiles its bureau's report, as its
    办公室 does (``rules/agency_compiling_offices.csv``)."""
    text = ("本报告依据《中华人民共和国政府信息公开条例》等相关文件要求，由格尔木市市场监督管理局信息中心结合有关统计"
            "数据编制而成。如对本报告有任何疑问，请与格尔木市市场监督管理局秘书股联系。\n" + BODY)
    bureau = name_to_agency("格尔木市市场监督管理局", "", {})
    found = name_to_agency(None, text, {})
    assert (found.name, found.agency_id) == (bureau.name, bureau.agency_id), found


def test_a_district_no_division_is_named_is_not_the_county_of_its_short_name():
    """A bureau of a city's management area printed 某某区 (a 管理区 with no division code) whose 某某 is the short
    name of a county-level city: before, read as that city's bureau (某某市交通运输局, WRONG publisher — another
    agency's id). A printed 区 that no division of that short name ends with names none of them; a printed 县 or 市
    still names the one division of that short name (a county become a city: 某县 of an older report is 某市)."""
    from benchmarks.synthetic import counties

    from xxgk.agency.divisions import by_short

    county = next(name for name, _ in counties() if name.endswith(("市", "县")) and len(name) == 3
                  and len(by_short(name[:2])) == 1 and by_short(name[:2])[0].name == name)
    own = name_to_agency(county + "交通运输局", "", {})
    area = name_to_agency(county[:2] + "区交通运输局", "", {})
    assert own.county == county and area.county != county and area.agency_id != own.agency_id, (own, area)
    other_suffix = "县" if county.endswith("市") else "市"
    assert name_to_agency(county[:2] + other_suffix + "交通运输局", "", {}).agency_id == own.agency_id
