"""Real pages round 11 (session 48): layouts and publishers of real reports nobody here had read, rebuilt with
made-up agencies and numbers (a real division where the resolver must know it)."""

from __future__ import annotations

from xxgk.agency.resolve import name_to_agency
from xxgk.parser import parse

from .factory import tab_report

BODY = tab_report(agency="格尔木市", year=2024).split("\n", 1)[1]

# a city's summary report on 2017 in the old form: its parts are 概述 / 主动公开 / 依申请公开 / 存在的主要问题, no
# heading of fees (as a real city's report lists them), and none of the template's tables
OVERVIEW_FORM = ("样例市2017年政府信息公开工作年度报告\n"
                 "本年度报告综合2017年度样例市各县（市、区）政府和市级各部门的年度报告编制而成。全文包括概述、主动公开政府"
                 "信息情况、依申请公开政府信息情况、存在的主要问题及改进措施等部分。\n"
                 "一、概述\n2017年，我市全面推进政务公开工作。\n二、主动公开政府信息情况\n全年主动公开政府信息3210条。\n"
                 "三、依申请公开政府信息情况\n全年收到申请25件，均已按时答复。\n四、存在的主要问题及改进措施\n信息更新不够及时。\n")
# an office's report on 2018 whose last part is its staff and costs (a real city office's)
STAFF_COSTS_FORM = ("样例市人民防空办公室2018年政府信息公开工作年度报告\n一、主动公开政府信息情况\n"
                    "2018年，我办累计主动公开政府信息69条。\n二、依申请公开政府信息情况\n2018年，我办未收到申请。\n"
                    "三、因政府信息公开申请行政复议、提起行政诉讼的情况\n未出现。\n"
                    "四、政府信息公开机构人员及相关费用情况\n我办成立了领导小组，未收取任何费用。\n")


def test_an_old_form_report_headed_overview_or_staff_and_costs_is_said_once_not_as_absent_tables():
    """Reports on 2018 and before whose headings are 一、概述 (or 一、主要工作概述) and the old form's plain parts, or
    end on 四、政府信息公开机构人员及相关费用情况, are ``report_old_form`` (failed, not scored). Before, none of their
    headings was an old-form word: each was read as a template report, its three tables absent (errors) and up to
    six sections absent, all counted against its agency (four real reports of 2016–2018)."""
    for text, line, heading in ((OVERVIEW_FORM, 3, "一、概述"),
                                (OVERVIEW_FORM.replace("一、概述", "一、主要工作概述"), 3, "一、主要工作概述"),
                                (STAFF_COSTS_FORM, 8, "四、政府信息公开机构人员及相关费用情况")):
        record = parse(text)
        assert [f.code for f in record.findings] == ["report_old_form"], (heading, record.findings)
        assert record.findings[0].line == line and heading in record.findings[0].message, record.findings[0]
        assert record.facts == [], record.facts  # (3210条, 25件 are no template measure)
    assert parse(STAFF_COSTS_FORM).year == 2018


def test_a_template_report_headed_overview_or_speaking_of_costs_is_read_as_before():
    """A template report whose overview is headed 概述 and whose section 六 has a heading of costs keeps its tables,
    whatever its year; so does the same old form on 2019 (the template's year)."""
    narrative = "（一）概述\n2018年，我局认真贯彻《条例》。\n（二）信息处理费用情况\n本年度未收取任何费用。"
    for year in (2018, 2019):
        record = parse(tab_report(agency="样例局", year=year, narrative=narrative))
        assert "report_old_form" not in [f.code for f in record.findings], year
        assert len({f.table for f in record.facts if f.value is not None}) == 3, year
    assert "report_old_form" not in [f.code for f in parse(OVERVIEW_FORM.replace("2017", "2019")).findings]


def test_a_report_made_by_an_archives_office_from_its_data_is_the_archives():
    """A city archives' page without its title names itself only as its maker, 本年度报告由某市档案馆办公室结合有关统计
    数据编制, and in its contact line (请与某市档案馆办公室联系): no publisher before (the maker's sentence was read
    only with the verb right after the name, and 馆 ends no name the opening's counts take). Now the archives —
    its 办公室 compiles its report, as a bureau's does; a maker with 综合各项数据 before the verb too."""
    archives = name_to_agency("格尔木市档案馆", "", {})
    text = ("本年度报告根据《中华人民共和国政府信息公开条例》规定，由格尔木市档案馆办公室结合有关统计数据编制。"
            "如对本报告有任何疑问，请与格尔木市档案馆办公室联系。\n" + BODY)
    assert parse(text).agency is None  # (no title: the publisher is the body's, resolved when packaged)
    found = name_to_agency(None, text, {})
    assert (found.name, found.agency_id, found.kind) == ("格尔木市档案馆", archives.agency_id, "department"), found
    merged = text.replace("格尔木市档案馆办公室结合有关统计数据编制", "格尔木市档案馆综合各项数据编制")
    assert name_to_agency(None, merged, {}).name == "格尔木市档案馆"
    bureau = text.replace("档案馆", "地震局")  # (a bureau's office with its data: the bureau, as 由某局办公室编制 is)
    assert name_to_agency(None, bureau, {}).name == "格尔木市地震局"
    # (a maker naming no division is no publisher: the sentence alone never makes one)
    assert name_to_agency(None, text.replace("格尔木市档案馆办公室", "本馆办公室"), {}).name is None


def _packaged(text: str):
    """The record as the package settles it (its year, then its date checked against that year)."""
    from xxgk.package.collect import Report, apply_manifest

    report = Report("r", "r.txt", "", "utf-8", "text", text, parse(text))
    apply_manifest(report, {})
    return report.record


def test_a_report_signed_the_day_its_own_period_ends_keeps_that_date():
    """An office's report on 2018 counts 自2018年1月1日起至2018年12月14日止 and is signed 2018年12月14日 (a real one).
    Before, that date was dropped as ``published_date_early`` (no report can be published before its year ends):
    a false finding, the report's own date lost. A date before the period's end, or within a period that ends
    with the year (or earlier in it), or a template report's (on 2019 or later), is still no publication date."""
    period = "本报告中所列数据的统计期限自2018年1月1日起至2018年12月14日止。\n"
    text = STAFF_COSTS_FORM.replace("\n一、", "\n" + period + "一、", 1) + "样例市人民防空办公室\n2018年12月14日\n"
    record = _packaged(text)
    assert (record.period_end, record.published_date) == ("2018-12-14", "2018-12-14"), record
    assert "published_date_early" not in [f.code for f in record.findings]
    for printed_end, signed in (("12月14日", "2018年12月10日"), ("12月31日", "2018年12月31日"),
                                ("6月30日", "2018年7月5日")):
        other = text.replace("12月14日止", printed_end + "止").replace("\n2018年12月14日\n", f"\n{signed}\n")
        record = _packaged(other)
        assert record.published_date is None, (printed_end, signed, record.published_date)
        assert "published_date_early" in [f.code for f in record.findings], (printed_end, signed)
    # (a template report covers its whole year: a period printed to 12月14日 there is a typo, its date another text's)
    template = tab_report(year=2024, published="2024年12月20日",
                          narrative="本报告中所列数据的统计期限自2024年1月1日起至2024年12月14日止。")
    record = _packaged(template)
    assert record.period_end == "2024-12-14" and record.published_date is None, record


def test_a_title_whose_name_is_a_websites_names_no_agency():
    """A mirror whose advertiser's words replaced a city's name titles its page 某某(中国)官方网站 2024年政府信息公开
    工作年度报告 (a real city's summary). Before, its `agency` was 中国)官方网站, published in the package with no
    finding (the resolver found no such agency: no publisher, said nowhere). A name ending as a medium does
    (``rules/agency_medium_words.csv``: 官方网站, 门户网站, 公众号 …) is no agency's: ``agency_not_found``, the body
    asked as for any title without a name. An agency's own name is read as before."""
    body = tab_report(agency="样例县民政局", year=2024).split("\n", 1)[1]
    for title in ("样例娱乐(中国)官方网站 2024年政府信息公开工作年度报告",
                  "样例县人民政府门户网站2024年政府信息公开工作年度报告"):
        record = parse(title + "\n" + body)
        assert record.agency is None and "agency_not_found" in [f.code for f in record.findings], (title, record.agency)
    said = "现公布样例娱乐(中国)官方网站2024年政府信息公开工作年度报告。\n" + body
    assert parse(said).agency is None
    assert parse("样例县民政局2024年政府信息公开工作年度报告\n" + body).agency == "样例县民政局"
