"""Issue 16, session 28: the parser's per-report work cut without changing a record. What made each piece fast is
checked as behaviour (no timings: ``benchmarks/parse_throughput.py`` prints those), beside a check that the faster
way gives what the plain way gave."""

from __future__ import annotations

import random
import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from xxgk import memo
from xxgk.catalog import table
from xxgk.first_chars import searcher
from xxgk.parser import parse
from xxgk.text import _FOLD, fold


def _fold_plainly(text: str) -> str:
    """``text.fold`` as it was written before: NFKC, then the dashes."""
    return unicodedata.normalize("NFKC", text).translate(_FOLD)


# every character NFKC changes in the Basic Multilingual Plane, and marks that compose with what precedes them
_CHANGED = "".join(ch for ch in map(chr, range(0x20, 0x10000))
                   if not 0xD800 <= ord(ch) < 0xE000 and unicodedata.normalize("NFKC", ch) != ch)
_MARKS = "\u0300\u0301\u0308\u0338\u0345\u3099\u309a"


@given(st.text(alphabet=st.sampled_from("，（）：；，（）：；二〇年a=<>\n ") | st.sampled_from(_MARKS)
               | st.sampled_from(_CHANGED) | st.characters(), max_size=40))
def test_fold_is_nfkc_then_the_dashes(text):
    assert fold.__wrapped__(text) == _fold_plainly(text)


def test_every_character_nfkc_changes_folds_as_before_alone_and_before_a_mark():
    for ch in _CHANGED + "，（）：；—－–．":
        for text in (ch, ch + "\u0338", "二" + ch + "\u0301年"):
            assert fold.__wrapped__(text) == _fold_plainly(text), (hex(ord(ch)), text)


def _prose_report(seed: int) -> str:
    """A report with ≈ 40 lines of prose printed with full-width punctuation, never parsed before."""
    rng = random.Random(seed)
    lines = [f"（{i}）{rng.choice(['本年度', '全年'])}，我局主动公开政府信息{rng.randrange(10, 999)}条；"
             f"其中：文件{rng.randrange(1, 99)}件，公告{rng.randrange(1, 99)}件。" for i in range(40)]
    return (f"某某县{'甲乙丙'[seed]}局2023年政府信息公开工作年度报告\n一、总体情况\n" + "\n".join(lines) +
            "\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n"
            "1 0 0 0 1 0 0 0 0 0 0 0 0 0 0\n五、存在的主要问题及改进情况\n加强培训。\n六、其他需要报告的事项\n无。\n")


def test_prose_lines_reach_nfkc_already_normal(monkeypatch):
    """A line of prose holds a full-width comma or bracket: NFKC's quick check failed on it, and the whole line was
    decomposed and composed again (≈ 60 % of a fold). Those characters are replaced by their NFKC forms first, so the
    lines reach NFKC normal: less than a tenth of the characters folded take the slow path (before: nearly all)."""
    parse(_prose_report(0))
    memo.account(memo.MEMO_CHARS + 1)  # the memos emptied: every line is folded afresh
    slow, total = [0], [0]
    normalize = unicodedata.normalize

    def counting(form, s):
        total[0] += len(s)
        slow[0] += 0 if unicodedata.is_normalized(form, s) else len(s)
        return normalize(form, s)

    monkeypatch.setattr(unicodedata, "normalize", counting)
    record = parse(_prose_report(1))
    assert record.agency == "某某县乙局" and "主动公开政府信息" in record.sections["overview"]
    assert total[0] > 1500
    assert slow[0] < 0.1 * total[0], (slow[0], total[0])




# --- the claims of section 一 searched where they can begin (first_chars.searcher) ---

def _claim_patterns() -> list[re.Pattern]:
    return [re.compile(row["pattern"]) for row in table("narrative_claims")]


_CLAIM_WORDS = "未收到 没有 无 上年 上年度 去年 不存在 逾期 收到 受理 政府信息公开 申请 行政复议 \
行政诉讼 发生 予以公开 部分公开 不予公开 和 及 、 件 3 12 。 ， \
规范性文件 制发 废止 现行有效 被纠错 的 投诉 人".split() + [" ", "\n"]


@given(st.lists(st.sampled_from(_CLAIM_WORDS) | st.text(max_size=3), max_size=30))
def test_a_claim_s_search_finds_what_the_engine_s_search_finds(words):
    text = "".join(words)
    for pattern in _claim_patterns():
        found, expected = searcher(pattern)(text), pattern.search(text)
        assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups()))


class _Counting:
    """A compiled pattern whose ``match`` and ``search`` calls are counted."""

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern, self.flags, self._compiled, self.calls = pattern.pattern, pattern.flags, pattern, []

    def match(self, text, pos=0):
        self.calls.append(("match", pos))
        return self._compiled.match(text, pos)

    def search(self, text, pos=0):
        self.calls.append(("search", pos))
        return self._compiled.search(text, pos)


def test_a_claim_of_none_is_tried_only_where_its_first_word_stands():
    """``未收到政府信息公开申请`` opens on six look-behinds, so the engine tried it at every character of section 一
    (≈ 0.15 ms for 2,000 characters, three such claims a report); now only where 未 or 没 stands."""
    none = next(row["pattern"] for row in table("narrative_claims") if row["claim"] == "applications_none")
    counting = _Counting(re.compile(none))
    prose = "本年度共收到政府信息公开申请12件，均已按时答复。" * 80 + "上年度未收到申请。"
    assert searcher(counting)(prose) is None
    assert counting.calls == [("match", prose.index("未"))]
    assert searcher(counting)(prose + "今年没有收到政府信息公开申请。").group(0) == "没有收到政府信息公开申请"
