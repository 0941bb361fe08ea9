"""Table 三 whose applicant columns are printed in another order than the template's (自然人 | 商业企业 科研机构
社会公益组织 法律服务机构 其他 | 总计): every value goes under the column its header names. Before, only where
总计 stood against 自然人 was read, and a header printing 科研机构 before 商业企业 had its numbers published
under the neighbouring column — which no row total can catch."""

from __future__ import annotations

import pytest

from tests.test_layouts_hostile import LABELS, T3, _codes, _read, _table3, pdf_text_report
from tests.test_layouts_unseen import ROWS, ZERO, _parse, html_report, html_table3, td
from xxgk.catalog import applicant_codes, row_codes

ORGS = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]


def _printed_in(order: list[str], rows: dict) -> dict:
    """``rows`` (in the template's columns) as printed in ``order`` (applicant codes)."""
    index = {a: i for i, a in enumerate(applicant_codes())}
    return {code: [values[index[a]] for a in order] for code, values in rows.items()}


def test_an_html_header_naming_research_before_commercial_puts_each_value_under_its_name():
    order = ["natural_person", "research", "commercial", "social_welfare", "legal_services", "other_org", "total"]
    swapped = td("科研机构") + td("商业企业")
    table = html_table3(_printed_in(order, ROWS)).replace(td("商业企业") + td("科研机构"), swapped)
    record = _parse(html_report(t3=table))
    got = {code: [record.values("applications")[(code, a)] for a in applicant_codes()] for code in row_codes("2021")}
    assert got == {code: ROWS.get(code, ZERO) for code in row_codes("2021")}
    assert record.values("applications")[("new", "commercial")] == 1  # printed under 商业企业, second of the five
    assert "columns_reordered" in _codes(record)


@pytest.mark.parametrize("header, order", [
    (["总计 自然人 法人或其他组织", "科研机构 商业企业 社会公益组织 法律服务机构 其他"],
     ["total", "natural_person", "research", "commercial", "social_welfare", "legal_services", "other_org"]),
    (["自然人 法人或其他组织 总计", "其他 法律服务机构 社会公益组织 科研机构 商业企业"],
     ["natural_person", "other_org", "legal_services", "social_welfare", "research", "commercial", "total"]),
    (["自然人 商业企业 科研机构 法律服务机构 社会公益组织 其他 总计"],
     ["natural_person", "commercial", "research", "legal_services", "social_welfare", "other_org", "total"]),
])
def test_a_pdf_text_header_in_another_column_order_is_read_by_its_names(header, order):
    text = pdf_text_report().replace("自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n",
                                     "\n".join(header) + "\n")
    for code, values in _printed_in(order, T3).items():
        usual = f"{LABELS[code]} {' '.join(map(str, T3[code]))}\n"
        text = text.replace(usual, f"{LABELS[code]} {' '.join(map(str, values))}\n")
    record = _read(text)
    assert _table3(record) == T3
    assert "columns_reordered" in _codes(record)
    assert not _codes(record) & {"identity_broken", "columns_order_unsure", "columns_header_contradicted"}


def test_the_template_header_is_read_as_before():
    record = _read(pdf_text_report())
    assert _table3(record) == T3 and not _codes(record)


def test_a_header_naming_some_organisation_columns_only_out_of_order_publishes_none_of_the_five():
    text = pdf_text_report().replace("商业企业 科研机构 社会公益组织 法律服务机构 其他\n",
                                     "科研机构 商业企业 社会公益组织 法律服务\n")  # 其他 lost, two swapped
    record = _read(text)
    got = _table3(record)
    assert all(v[1:6] == [None] * 5 for v in got.values())  # which is 商业企业's cannot be told
    assert {c: (v[0], v[6]) for c, v in got.items()} == {c: (v[0], v[6]) for c, v in T3.items()}
    assert "columns_order_unsure" in _codes(record)
