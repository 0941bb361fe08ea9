"""The alignment engine on its own: which unrecognised labels it places, and which it refuses to."""

from __future__ import annotations

import pytest

from xxgk.alignment import align_gaps, is_proven, label_pieces, label_similarity
from xxgk.catalog import labels, row_codes
from xxgk.identities import broken_identities

TEMPLATE = row_codes("2021")
NAMES = labels()["rows"]


def _placed(sequence):
    return {p.row_index: (p.code, p.placed_by) for gap in align_gaps(sequence, TEMPLATE, NAMES) for p in gap}


@pytest.mark.parametrize(("before", "seen", "after", "expected"), [
    ("denied_state_secret", "2.其他法律行政法规禁公", "denied_security_stability", "denied_prohibited_by_law"),
    ("rejected_petition", "2.重复请", "rejected_publication", "rejected_duplicate"),
    ("granted", "(二)部公开", "denied_state_secret", "partially_granted"),
    # several rows missing in the gap: the item number and the label's characters choose
    ("denied_third_party", "6.属于四类过程信息", "denied_administrative_query", "denied_process_information"),
])
def test_a_garbled_label_is_placed_in_its_gap(before, seen, after, expected):
    sequence = [(0, before, NAMES[before]), (1, None, seen), (2, after, NAMES[after])]
    assert _placed(sequence)[1][0] == expected


def test_an_item_number_that_disagrees_is_never_placed():
    sequence = [(0, "denied_state_secret", "1.属于国家秘密"), (1, None, "5.其他法律行政法规禁公"),
                (2, "denied_security_stability", "3.危及三安全一稳定")]
    assert _placed(sequence) == {}


def test_more_unrecognised_rows_than_gaps_are_not_placed():
    sequence = [(0, "denied_state_secret", "1.属于国家秘密"), (1, None, "2.其他法律行政法规禁公"),
                (2, None, "2.其他法律法规禁止"), (3, "denied_security_stability", "3.危及三安全一稳定")]
    assert _placed(sequence) == {}


def test_a_label_sharing_nothing_with_either_candidate_is_not_chosen_between_them():
    sequence = [(0, "denied_third_party", "4.保护第三方合法权益"), (1, None, "某某某某"),
                (2, "denied_administrative_query", "8.属于行政查询事项")]
    assert _placed(sequence) == {}


def test_similarity_counts_characters_in_common():
    assert label_similarity("2.重复请", NAMES["rejected_duplicate"]) > 0.8
    assert label_similarity("2.重复请", NAMES["rejected_publication"]) < 0.5


def test_detached_label_text_is_cut_at_each_numbering():
    assert list(label_pieces("(四)无2.没有现成信息需要另法提供行制作3.补正后申请内容仍不明确")) == [
        "(四)无", "2.没有现成信息需要另法提供行制作", "3.补正后申请内容仍不明确"]


def test_a_placement_is_proven_only_when_each_value_is_pinned_by_a_column_identity():
    columns = ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org",
               "total"]
    row = (1, 0, 0, 0, 0, 0, 1)
    values = {(c, a): 0 for c in TEMPLATE for a in columns}
    values.update({(c, a): v for c in ("new", "total_processed") for a, v in zip(columns, row, strict=True)})
    del values[("rejected_duplicate", "natural_person")]

    def broken(trial):
        return broken_identities("applications", "2021", trial)

    pinning = frozenset({"applications_balance", "applications_processed_sum"})
    # the total says one application was processed and none is accounted for: this row must hold it
    assert is_proven(values, [("rejected_duplicate", row)], columns, broken, pinning)
    assert not is_proven(values, [("rejected_duplicate", (0, 0, 0, 0, 0, 0, 0))], columns, broken, pinning)
    # with 总计 unknown, nothing pins the row: not proven even though nothing is broken
    loose = {k: v for k, v in values.items() if k[0] != "total_processed"}
    assert not is_proven(loose, [("rejected_duplicate", row)], columns, broken, pinning)
