"""Issue 13: real agency names of every tier and kind resolve to the right region, tier, kind and 系统.

The expected values are written by hand from the national division list (GB/T 2260) and the
names' own wording, not produced by the code under test.
"""

from __future__ import annotations

import pytest

from xxgk.agency import name_to_agency

# printed name → (canonical name, province, city, county, tier, kind, 系统)
CASES = [
    # national ministries and bureaus
    ("教育部", "教育部", "", "", "", "national", "department", "教育"),
    ("中华人民共和国教育部", "教育部", "", "", "", "national", "department", "教育"),
    ("公安部", "公安部", "", "", "", "national", "department", "公安"),
    ("国家数据局", "国家数据局", "", "", "", "national", "department", "数据"),
    ("国家发展和改革委员会", "国家发展和改革委员会", "", "", "", "national", "department", "发展和改革"),
    ("环境保护部", "生态环境部", "", "", "", "national", "department", "生态环境"),  # renamed 2018
    # provinces: governments, 办公厅, departments, short names
    ("福建省人民政府", "福建省人民政府", "福建省", "", "", "province", "government", ""),
    ("上海市人民政府办公厅", "上海市人民政府办公厅", "上海市", "", "", "province", "government", ""),
    ("青海省教育厅", "青海省教育厅", "青海省", "", "", "province", "department", "教育"),
    ("浙江省公安厅", "浙江省公安厅", "浙江省", "", "", "province", "department", "公安"),
    ("上海市科学技术委员会", "上海市科学技术委员会", "上海市", "", "", "province", "department", "科学技术"),
    ("上海市科委", "上海市科学技术委员会", "上海市", "", "", "province", "department", "科学技术"),
    ("江苏省发改委", "江苏省发展和改革委员会", "江苏省", "", "", "province", "department", "发展和改革"),
    ("北京市教育委员会", "北京市教育委员会", "北京市", "", "", "province", "department", "教育"),
    ("广东省政务服务和数据管理局", "广东省政务服务和数据管理局", "广东省", "", "", "province", "department", "数据"),
    ("新疆维吾尔自治区发展和改革委员会", "新疆维吾尔自治区发展和改革委员会", "新疆维吾尔自治区", "", "", "province",
     "department", "发展和改革"),
    ("上海市环境保护局", "上海市生态环境局", "上海市", "", "", "province", "department", "生态环境"),  # renamed
    # prefecture cities, 自治州, 盟
    ("西宁市人民政府", "西宁市人民政府", "青海省", "西宁市", "", "prefecture", "government", ""),
    ("吉林市人民政府", "吉林市人民政府", "吉林省", "吉林市", "", "prefecture", "government", ""),
    ("海西州人民政府", "海西蒙古族藏族自治州人民政府", "青海省", "海西蒙古族藏族自治州", "", "prefecture",
     "government", ""),
    ("内蒙古自治区阿拉善盟行政公署", "阿拉善盟行政公署", "内蒙古自治区", "阿拉善盟", "", "prefecture",
     "government", ""),
    ("东莞市人民政府", "东莞市人民政府", "广东省", "东莞市", "", "prefecture", "government", ""),
    ("鞍山市教育局", "鞍山市教育局", "辽宁省", "鞍山市", "", "prefecture", "department", "教育"),
    ("昌吉回族自治州数据局", "昌吉回族自治州数据局", "新疆维吾尔自治区", "昌吉回族自治州", "", "prefecture",
     "department", "数据"),
    ("苏州市公安局", "苏州市公安局", "江苏省", "苏州市", "", "prefecture", "department", "公安"),
    # counties, county-level cities, districts, 旗
    ("格尔木市", "格尔木市人民政府", "青海省", "海西蒙古族藏族自治州", "格尔木市", "county", "government", ""),
    ("格尔木市人民政府", "格尔木市人民政府", "青海省", "海西蒙古族藏族自治州", "格尔木市", "county", "government", ""),
    ("海城市数据局", "海城市数据局", "辽宁省", "鞍山市", "海城市", "county", "department", "数据"),
    ("淮安市洪泽区人民政府", "洪泽区人民政府", "江苏省", "淮安市", "洪泽区", "county", "government", ""),
    ("洪泽区人民政府", "洪泽区人民政府", "江苏省", "淮安市", "洪泽区", "county", "government", ""),
    ("洪泽县人民政府", "洪泽区人民政府", "江苏省", "淮安市", "洪泽区", "county", "government", ""),  # 2016 县→区
    ("湟中县人民政府", "湟中区人民政府", "青海省", "西宁市", "湟中区", "county", "government", ""),  # 2019 县→区
    ("沭阳县人民政府", "沭阳县人民政府", "江苏省", "宿迁市", "沭阳县", "county", "government", ""),
    ("昌吉市行政审批局(数字化发展局)", "昌吉市行政审批局", "新疆维吾尔自治区", "昌吉回族自治州", "昌吉市", "county",
     "department", "行政审批"),
    ("北京市东城区人民政府", "东城区人民政府", "北京市", "北京市", "东城区", "county", "government", ""),
    ("上海市浦东新区人民政府", "浦东新区人民政府", "上海市", "上海市", "浦东新区", "county", "government", ""),
    ("重庆市渝中区人民政府", "渝中区人民政府", "重庆市", "重庆市", "渝中区", "county", "government", ""),
    ("福州市鼓楼区教育局", "福州市鼓楼区教育局", "福建省", "福州市", "鼓楼区", "county", "department", "教育"),
    ("仙桃市人民政府", "仙桃市人民政府", "湖北省", "", "仙桃市", "county", "government", ""),  # 省直辖县级市
    ("鄂尔多斯市准格尔旗人民政府", "准格尔旗人民政府", "内蒙古自治区", "鄂尔多斯市", "准格尔旗", "county",
     "government", ""),
    # 街道 and 乡镇
    ("南京市鼓楼区宁海路街道办事处", "南京市鼓楼区宁海路街道办事处", "江苏省", "南京市", "鼓楼区", "township",
     "government", ""),
    ("沭阳县沭城街道办事处", "沭阳县沭城街道办事处", "江苏省", "宿迁市", "沭阳县", "township", "government", ""),
    ("格尔木市郭勒木德镇人民政府", "格尔木市郭勒木德镇人民政府", "青海省", "海西蒙古族藏族自治州", "格尔木市",
     "township", "government", ""),
    ("湟中区李家山镇人民政府", "湟中区李家山镇人民政府", "青海省", "西宁市", "湟中区", "township", "government", ""),
    # 管委会, special zones without a division code
    ("平潭综合实验区", "平潭综合实验区", "福建省", "", "", "prefecture", "government", ""),
    ("平潭综合实验区管委会办公室", "平潭综合实验区", "福建省", "", "", "prefecture", "government", ""),
    ("雄安新区管理委员会", "雄安新区", "河北省", "", "", "prefecture", "government", ""),
    ("苏州工业园区管理委员会", "苏州工业园区", "江苏省", "苏州市", "", "county", "government", ""),
    ("淮安经济技术开发区管理委员会", "淮安经济技术开发区", "江苏省", "淮安市", "", "county", "government", ""),
    ("西宁经济技术开发区管理委员会", "西宁经济技术开发区", "青海省", "西宁市", "", "county", "government", ""),
]


@pytest.mark.parametrize("printed,name,province,city,county,tier,kind,system", CASES, ids=[c[0] for c in CASES])
def test_real_agency_names(printed, name, province, city, county, tier, kind, system):
    agency = name_to_agency(printed, "", {})
    assert (agency.name, agency.province, agency.city, agency.county, agency.tier, agency.kind, agency.system) == (
        name, province, city, county, tier, kind, system)
    assert agency.agency_id and agency.agency_id.isascii()


def test_there_are_at_least_forty_cases_of_every_tier_and_kind():
    assert len(CASES) >= 40
    assert {c[5] for c in CASES} == {"national", "province", "prefecture", "county", "township"}
    assert {c[6] for c in CASES} == {"government", "department"}


def test_division_codes_are_the_national_ones():
    agency = name_to_agency("海城市数据局", "", {})
    assert (agency.province_code, agency.city_code, agency.county_code) == ("210000", "210300", "210381")
    assert name_to_agency("平潭综合实验区", "", {}).province_code == "350000"


def test_an_ocr_misread_county_is_corrected_when_the_text_names_the_real_one():
    agency = name_to_agency("沐阳县人民政府", "2024年，沭阳县人民政府认真贯彻《条例》。", {})
    assert (agency.name, agency.county, agency.county_code) == ("沭阳县人民政府", "沭阳县", "321322")
    assert [(f.code, f.actual, f.expected) for f in agency.findings] == [
        ("agency_region_corrected", "沐阳县", "沭阳县")]


def test_an_ocr_misread_county_is_left_as_printed_when_the_text_does_not_say_which():
    # 沐阳 is one character off 沭阳, 泗阳, 汝阳, 濮阳, 泌阳 …; 宿迁市 holds both 沭阳 and 泗阳
    agency = name_to_agency("沐阳县人民政府", "本机关位于宿迁市。", {})
    assert agency.name == "沐阳县人民政府" and agency.county == ""
    assert [f.code for f in agency.findings] == ["agency_region_unknown"]


def test_a_shared_district_name_is_chosen_by_the_city_named_in_the_text():
    assert name_to_agency("鼓楼区人民政府", "地址：福建省福州市鼓楼区", {}).city == "福州市"
    assert name_to_agency("鼓楼区人民政府", "地址：江苏省南京市鼓楼区", {}).city == "南京市"
    unsure = name_to_agency("鼓楼区人民政府", "", {})
    assert unsure.city == "" and [f.code for f in unsure.findings] == ["agency_region_ambiguous"]


def test_the_body_names_the_publisher_when_the_title_does_not():
    text = ("2025年，市数据局在市委、市政府的领导下开展工作。线上依托“格尔木政务服务”公众号发布信息。"
            "市数据局将继续努力。")
    agency = name_to_agency(None, text, {})
    assert (agency.name, agency.county, agency.tier, agency.kind) == ("格尔木市数据局", "格尔木市", "county",
                                                                     "department")


def test_we_county_with_the_region_named_nearby():
    text = "本局坚持公开为常态。我县位于青海省海东市，化隆回族自治县县域内……我县教育局认真落实条例。"
    agency = name_to_agency("县教育局", text, {})
    assert (agency.province, agency.city, agency.county) == ("青海省", "海东市", "化隆回族自治县")


def test_the_manifest_wins_with_a_finding_when_it_disagrees():
    agency = name_to_agency("格尔木市数据局", "", {"province": "辽宁省", "city": "鞍山市", "county": "海城市",
                                                 "level": "department"})
    assert (agency.province, agency.county) == ("辽宁省", "海城市")
    assert {(f.code, f.column) for f in agency.findings} == {("agency_manifest_differs", "省份"),
                                                            ("agency_manifest_differs", "地市"),
                                                            ("agency_manifest_differs", "区县")}
    quiet = name_to_agency("格尔木市数据局", "", {"province": "青海省", "level": "department"})
    assert quiet.findings == () and quiet.county == "格尔木市"


def test_name_to_agency_is_pure():
    text = "地址：青海省格尔木市昆仑南路"
    assert name_to_agency("市数据局", text, {}) == name_to_agency("市数据局", text, {})


def test_a_renamed_agency_keeps_its_id_and_lists_the_old_name():
    old, new = name_to_agency("上海市环境保护局", "", {}), name_to_agency("上海市生态环境局", "", {})
    assert old.agency_id == new.agency_id and old.name == new.name == "上海市生态环境局"
    assert name_to_agency("湟中县人民政府", "", {}).agency_id == name_to_agency("湟中区人民政府", "", {}).agency_id


def test_a_manifest_province_alone_overrides_a_region_outside_it_and_keeps_one_inside_it():
    outside = name_to_agency("格尔木市数据局", "", {"province": "辽宁省"})
    assert (outside.province, outside.county) == ("辽宁省", "")
    assert [f.column for f in outside.findings] == ["省份"]
    inside = name_to_agency("格尔木市数据局", "", {"province": "青海省"})
    assert (inside.province, inside.county, inside.findings) == ("青海省", "格尔木市", ())


def test_a_short_name_takes_the_region_from_the_text():
    agency = name_to_agency("市科委", "根据《上海市政府信息公开规定》，上海市科委编制本报告。本市科技创新……", {})
    assert (agency.name, agency.province, agency.city, agency.tier) == ("上海市科学技术委员会", "上海市", "",
                                                                       "province")


@pytest.mark.parametrize("text,name,county", [
    ("一、总体情况\n编制单位：西宁市湟中区教育局\n本年度……", "湟中区教育局", "湟中区"),
    ("2024年，区教育局认真落实《条例》。区教育局全年……\n联系地址：青海省西宁市湟中区鲁沙尔镇", "湟中区教育局",
     "湟中区"),
    ("本机关（海城市数据局）2024年……", "海城市数据局", "海城市"),
])
def test_labelled_publisher_and_contact_address_in_the_body(text, name, county):
    agency = name_to_agency(None, text, {})
    assert (agency.name, agency.county) == (name, county)
