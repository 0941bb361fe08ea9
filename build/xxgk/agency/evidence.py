"""What a report's body says about its publisher: names, and divisions named with their weight.

Pure. Evidence, strongest first: a labelled field (发布机构/编制单位/本机关：…), the contact address
(地址：青海省格尔木市…), a division named near 我区/我县/我市, an agency name repeated in the
opening text (``2025年，海城市数据局在…``), and plain mentions of division names.

>>> [n for n, _ in body_names("2025年,海城市数据局在市委、市政府的领导下。海城市数据局无规范性文件。")]
['海城市数据局']
>>> sorted(d.name for d in region_votes("联系地址：青海省格尔木市昆仑南路1号")[0])
['格尔木市', '青海省']
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from ..catalog import table
from ..safe import drop_invisible
from ..text import NOT_TEXT_MARK, fold, mark_not_text
from .divisions import Division, by_name, by_short, divisions
from .names import parent_in_id, parse_name, stopwords, vertical_parents

BODY_CHARS = 20000
OPENING_CHARS = 3000
WEIGHT = {"label": 8, "address": 6, "we": 4, "mention": 1, "short": 1}
# a labelled name: Han characters and brackets, with digits or Latin letters inside it when Han follows them (深圳市
# 12345政务服务便民热线管理中心, G60科创走廊办公室), never a date's (发布机构：某局2024年1月 is 某局)
_LABEL = re.compile(r"(?:发布机构|编制单位|发文机关|发文单位|本机关|报告单位|公开主体)\s*[:：（(]\s*"
                    r"([\u4e00-\u9fff（）()](?:[\u4e00-\u9fff（）()]|[0-9A-Za-z]+(?=[\u4e00-\u9fff（）()])(?![年月日号]))"
                    r"{1,39})")
# what follows a name cut by digits or Latin letters that are no date's (发布机构：深圳市12345 read 深圳市)
_CUT_BY_LETTERS = re.compile(r"[0-9A-Za-z]+(?![0-9A-Za-z]|\s*[年月日号./\-])")
# the author a report names as its maker (本报告根据《条例》要求，由某市人民医院编制。): a name of a department or of an
# institution the body's names are not (医院, 学校: no …局/…委 the opening's names end in), as strong as a label
# (or with the basis between the maker and the verb, in one sentence: 本报告由某开发区管理委员会按照《条例》…
# 要求编制 — a real zone committee's page, no title, was published as the county government whose website it names;
# or with the data it was made from, 由某市档案馆办公室结合有关统计数据编制, 由某区档案馆综合各项数据编制 — a real city
# archives' page, no title, named only so and in its contact line, had no publisher)
_MADE_BY = re.compile(r"由([\u4e00-\u9fff（）()]{3,30}?)(?:(?:负责|统一|综合)?(?:编制|编写)"
                      r"|(?:按照|根据|依据)[^。\n]{0,150}?(?:要求|规定)(?:编制|编写)"
                      r"|(?:结合|综合|汇总|根据|依据)[^。\n，,；;]{0,16}?(?:数据|资料|材料)(?:编制|编写))")
_ADDRESS = re.compile(r"(?:通讯地址|联系地址|办公地址|单位地址|地址)\s*[:：]\s*([^\n，。；;]{4,60})")
_WE = re.compile(r"[我全本](区|县|市|州|旗|盟|省)")
# (a government's name runs on into the name of its township's office when one follows it directly: 某区人民政府某某街道
# 办事处 is the street office, not the district government — a contact line's 请联系：某区人民政府某某街道办事处 read as
# the district government published a street's report as its district's, WRONG; 各, 所, 和 … before the office's name
# make a list of offices, not one name)
_AGENCY = re.compile(r"[\u4e00-\u9fff]{0,14}?(?:人民政府办公厅|人民政府办公室|"
                     r"人民政府(?:(?![各所全本我和及与或])[\u4e00-\u9fff]{1,6}?(?:街道办事处|镇人民政府|乡人民政府))?|"
                     r"街道办事处|管理委员会|管委会|委员会|办公室|局|厅|委|署)")
_BREAK = re.compile(r"[^\u4e00-\u9fff（）()]")


@cache
def _mention_pattern(shortest: int) -> re.Pattern:
    """Full names (3+ characters) and unique short names of ``shortest``+ characters: in free text a
    two-character short name is too often a word (信息资源 is not 资源县, 和政务 is not 和政县)."""
    current = [d for d in divisions().values() if not d.abolished]  # (原江干区 in a report of today's 上城区)
    names = {d.name for d in current if len(d.name) >= 3 or d.name.endswith(("县", "旗"))}  # 绛县
    names |= {d.short for d in current
              if len(d.short) >= shortest and d.short not in stopwords() and len(by_short(d.short)) == 1}
    names |= {d.short + "州" for d in current if d.name.endswith("自治州")}  # 甘孜州, 海西州
    return re.compile(trie_pattern(names))


def trie_pattern(words) -> str:
    """One regex for many words, factored by common prefixes (longest match first): a plain
    alternation of 3,000 names tries every branch at every character and costs ~10 ms a report.

    >>> re.findall(trie_pattern(["海城市", "海城", "海西"]), "海城市与海西")
    ['海城市', '海西']
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = True

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def _named(name: str) -> tuple[Division, ...]:
    return by_name(name) or by_short(name) or tuple(
        d for d in by_short(name[:-1]) if name.endswith("州") and d.name.endswith("自治州"))


def mentions(text: str, shortest: int = 3) -> list[tuple[int, Division, bool]]:
    """``(position, division, by short name)`` of every division named in ``text``."""
    out = []
    for m in _mention_pattern(shortest).finditer(text):
        for division in _named(m.group()):
            out.append((m.start(), division, m.group() != division.name))
    return out


def region_votes(text: str) -> tuple[Counter, list[str]]:
    """``(Counter {Division: weight}, evidence lines)`` from the body's addresses, 我区 and mentions."""
    text = fold(text)[:BODY_CHARS]
    votes: Counter = Counter()
    notes = []
    for m in _ADDRESS.finditer(text):
        for division in _address_chain(m.group(1)):
            votes[division] += WEIGHT["address"]
            notes.append(f"地址：{m.group(1)[:30]} → {division.name}")
    named = mentions(text)
    for m in _WE.finditer(text):
        near = [d for pos, d, _ in named if abs(pos - m.start()) <= 60 and d.name.endswith(m.group(1))]
        for division in set(near):
            votes[division] += WEIGHT["we"]
            notes.append(f"“{m.group()}”附近：{division.name}")
    for _, division, short in named:
        votes[division] += WEIGHT["short" if short else "mention"]
    counted = Counter(d.name for _, d, _ in named)
    if counted:
        notes.append("正文提到：" + "、".join(f"{n}×{c}" for n, c in counted.most_common(5)))
    return votes, notes


_FIRST_LINE_END = re.compile(r"(?:关于)?(?:\d{4}|[〇一二三四五六七八九零]{4})\s*年|政府信息公开")


def _first_line_name(text: str) -> str:
    """The publisher named at the start of the first line, the report's own title
    (中华人民共和国自然资源部2024年政府信息公开工作年度报告): the one place a ministry is named as author."""
    line = next((x.strip() for x in text[:500].split("\n") if x.strip()), "")
    end = _FIRST_LINE_END.search(line)
    candidate = line[:end.start()] if end else ""
    parsed = parse_name(candidate) if 2 <= len(candidate) <= 40 and NOT_TEXT_MARK not in candidate else None
    if parsed and parsed.kind and (parsed.regions or parsed.special or parsed.national):
        return candidate
    return ""


SIGNATURE_LINES = 6  # the report's last lines, where its signature and date stand
# a date alone on its line (the signature's): 2025年1月20日, 二〇二五年一月二十日
_DATE_ALONE = re.compile(r"(?:\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[0-9一二三四五六七八九十]{1,2}\s*月"
                         r"\s*[0-9一二三四五六七八九十]{1,3}\s*日")


def signature_name(text: str) -> str:
    """The publisher the report signs with: a line that is an agency's name alone (its region named), right above
    the date on a line of its own, among the report's last ``SIGNATURE_LINES`` lines (样例县民政局 / 2025年1月20日);
    the last such pair. A report whose title names no agency and whose body says only 我局 was published with no
    publisher though it signs its name.

    >>> signature_name("2024年政府信息公开工作年度报告\\n我局……\\n样例县民政局\\n2025年1月20日")
    '样例县民政局'
    >>> signature_name("我局……\\n联系电话：12345\\n2025年1月20日"), signature_name("样例县民政局\\n我局……")
    ('', '')
    """
    lines = [line.strip() for line in text[-2000:].split("\n") if line.strip()][-SIGNATURE_LINES:]
    for above, line in reversed(list(zip(lines, lines[1:], strict=False))):
        if not _DATE_ALONE.fullmatch(line) or len(above) > 40 or NOT_TEXT_MARK in above:
            continue
        parsed = parse_name(above)
        if parsed.kind and (parsed.regions or parsed.special or parsed.national or parsed.unknown_region) \
                and above.startswith(parsed.region_text):
            return above
    return ""


def _address_chain(address: str) -> list[Division]:
    """The divisions an address names from its first division name on, each inside the one before
    (江苏省南京市鼓楼区宁海路: not 宁海县 of 浙江, which 宁海路 only spells); where the address is not
    such a chain, every division it names."""
    from .names import _split_regions

    found = [(pos, d, short) for pos, d, short in mentions(address, shortest=2)
             if not (short and _road_name(address, pos, d))]
    if not found:
        return []
    regions, _, _ = _split_regions(address[found[0][0]:])
    if not regions:
        return [d for _, d, _ in found]
    return [d for level in regions for d in level]


@cache
def _street_words() -> tuple[str, ...]:
    """The words after a road's name in an address (``rules/address_street_words.csv``: 路, 大道, 街 …)."""
    return tuple(sorted((r["word"] for r in table("address_street_words")), key=len, reverse=True))


def _road_name(address: str, at: int, division: Division) -> bool:
    """Whether the short name of ``division`` at ``at`` in ``address`` begins a road's name (解放大道, 铁山路): a
    short name spells many a road, and the address's road is no division (a real 镇's 地址：某镇铁山路37号 was read
    as 铁山区, a district of another province, and its report published there).

    >>> from .divisions import by_short
    >>> district = by_short("解放")[0]
    >>> _road_name("某镇解放大道1号", 3, district), _road_name("某镇解放区1号", 3, district)
    (True, False)
    """
    short = division.short + ("州" if address.startswith(division.short + "州", at) else "")
    return address.startswith(_street_words(), at + len(short))


def body_names(text: str) -> list[tuple[str, str]]:
    """Candidate publisher names in the body, best first: ``[(name, how found)]``.

    A labelled field comes first; then department names repeated in the opening text, most
    frequent first (a bare 市政府 in “在市委、市政府的领导下” names the superior, not the author).
    """
    text = _marked(fold(drop_invisible(text)))
    out = [(m.group(1), "label") for m in _LABEL.finditer(text[:BODY_CHARS])
           if not _touches_not_text(text, m, 1) and not _CUT_BY_LETTERS.match(text, m.end(1))]
    for m in _MADE_BY.finditer(text[:OPENING_CHARS]):
        parsed = parse_name(m.group(1))
        if parsed.kind and parsed.regions and m.group(1).startswith(parsed.region_text) \
                and m.group(1).endswith(_MAKER_ENDINGS) and not _touches_not_text(text, m, 1):
            out.append((_compiled_for(m.group(1)), "maker"))
    first = _first_line_name(text)
    if first:
        out.append((first, "first line"))
    if signer := signature_name(text):
        out.append((signer, "落款"))
    counts: Counter = Counter()
    first: dict[str, int] = {}
    elsewhere: dict[str, bool] = {}  # (a name printed outside a contact clause at least once)
    branch_end = 0
    for m in _AGENCY.finditer(text[:OPENING_CHARS]):
        if m.start() < branch_end:
            continue  # (the branch's own words, 某某分局 of 某市公安局某某分局: read with the bureau's name)
        if (end := _branch_end(text, m.end())) > m.end():
            m = _SPAN.match(text, m.start(), end)
            branch_end = m.end()
        name = _trim(m.group()) if not _touches_not_text(text, m) and not _names_a_superior(text, m.end()) \
            and not _in_cited_title(text, m.start()) else ""
        if name and _names_a_medium(text, m.end()) and not _township_office(name):
            name = ""  # (a township office's own column, 某区人民政府某街道办事处信息公开网站, hosts its reports only)
        if name:
            name = _with_parent(text, m.end() - len(name), name)
            counts[name] += 1
            first.setdefault(name, m.start())
            elsewhere[name] = elsewhere.get(name, False) or not _contact(text, m.end() - len(name), m.end())
    counts, first, elsewhere = _short_as_full(counts, first, elsewhere)
    # a government whose township office the text names (某区人民政府 beside 某区人民政府某街道办事处) is that office's
    # host or superior, not the author: on a real 街道's page the site's banner 某区人民政府 outranked its street
    ranked = sorted((n for n in counts if not any(o != n and o.startswith(n) and _township_office(o) for o in counts)),
                    key=lambda n: (-counts[n], first[n]))
    fits = _voice(text[:OPENING_CHARS])
    if fits:  # (the name after its region: 镇原县's 镇 makes no township)
        ranked = [n for n in ranked if fits.search(n[len(parse_name(n).region_text):])]
    else:  # (a department printed only as the one to contact, 请与某县某局联系, in a text speaking as no agency's kind;
        # a government's office so printed stays: it answers for its government's report)
        ranked = [n for n in ranked if elsewhere[n] or parse_name(n).kind != "department"]
    voiced = [(n, "township clause") for n in voiced_township_names(text)]
    return out + [(n, f"opening×{counts[n]}") for n in ranked] + voiced


_SPAN = re.compile(r"[\s\S]+")  # (with .match(text, start, end): the span as a match, for the helpers taking one)


@cache
def _branch_after() -> re.Pattern:
    """A place, then a branch's suffix (``rules/agency_branch_suffixes.csv``), right after a bureau's name."""
    suffixes = "|".join(re.escape(row["suffix"]) for row in table("agency_branch_suffixes"))
    return re.compile(r"([\u4e00-\u9fff]{2,6}?)(?:" + suffixes + r")")


def _branch_end(text: str, end: int) -> int:
    """Where a city bureau's branch in a district ends when its name goes on after the bureau's 局 (某市公安局|某某|
    分局, 某市生态环境局|某某|分局): the place between is a division's name or short name. ``end`` otherwise. The
    names of the opening end at their first 局: a real district branch's page, no title, was published as its city's
    bureau (某市公安局, WRONG), its own name read only up to there.

    >>> text = "公布2023年度海西州公安局格尔木分局政府信息公开工作年度报告"
    >>> text[8:_branch_end(text, 14)]
    '海西州公安局格尔木分局'
    >>> _branch_end("某市公安局交通管理局", 5)  # (交通 is no place: the bureau's own department, not its branch)
    5
    """
    if not text[end - 1:end] == "局":
        return end
    found = _branch_after().match(text, end)
    if found is None:
        return end
    place = found.group(1)
    return found.end() if by_name(place) or by_short(place) or by_short(place.removesuffix("区")) else end


def _with_parent(text: str, start: int, name: str) -> str:
    """``name`` (at ``start``) with the national administration printed right before it, when that administration
    is part of its offices' ids (``rules/agency_vertical_parents.csv``, ``in_id`` yes): the pattern's 局 stops at
    国家税务总局's 总局, so 国家税务总局格尔木市税务局 was read 格尔木市税务局, an id its titled reports do not have.

    >>> _with_parent("现公布国家税务总局格尔木市税务局2024年", 9, "格尔木市税务局")
    '国家税务总局格尔木市税务局'
    >>> _with_parent("现公布格尔木市税务局2024年", 3, "格尔木市税务局")
    '格尔木市税务局'
    """
    parent = next((p for p in vertical_parents() if parent_in_id(p) and text.startswith(p, start - len(p))), "")
    return parent + name if parent and parse_name(parent + name).parent == parent else name


def _short_as_full(counts: Counter, first: dict, elsewhere: dict) -> tuple[Counter, dict, dict]:
    """The counts with each name also printed after its national administration counted as that full name
    (格尔木市税务局 beside 国家税务总局格尔木市税务局, 以下简称“格尔木市税务局”; 某区税务局 beside 国家税务总局某市某区
    税务局): one office, one name and one id, however often the text shortens it. A name never printed so keeps its
    own count."""
    fulls = [name for name in counts if parse_name(name).parent and parent_in_id(parse_name(name).parent)]
    full = {name: whole for name in counts for whole in fulls
            if name != whole and whole.endswith(name) and parse_name(name).regions}
    if not full:
        return counts, first, elsewhere
    merged: Counter = Counter()
    for name, count in counts.items():
        merged[full.get(name, name)] += count
    first = {full.get(n, n): min(at for m, at in first.items() if full.get(m, m) == full.get(n, n)) for n in first}
    elsewhere = {full.get(n, n): any(e for m, e in elsewhere.items() if full.get(m, m) == full.get(n, n))
                 for n in elsewhere}
    return merged, first, elsewhere


def _compiled_for(maker: str) -> str:
    """The agency a report's maker compiles it for: a department's own 办公室 or a bureau's 信息中心
    (``rules/agency_compiling_offices.csv``: 某局办公室, 某委员会办公室, 某局信息中心) compiles its
    department's report, so the department is named; the office of a leading group on disclosure
    (某县政务公开领导小组办公室) its agency's, named before the group's words; any other maker as printed
    (某县人民政府办公室, a zone's 管理委员会办公室: offices that publish as themselves).

    >>> _compiled_for("格尔木市地震局办公室"), _compiled_for("格尔木市人民政府办公室")
    ('格尔木市地震局', '格尔木市人民政府办公室')
    >>> _compiled_for("格尔木市卫生健康委员会办公室"), _compiled_for("甲乙开发区管理委员会办公室")
    ('格尔木市卫生健康委员会', '甲乙开发区管理委员会办公室')
    >>> _compiled_for("格尔木市政务公开领导小组办公室"), _compiled_for("格尔木市林业局政府信息公开领导小组办公室")
    ('格尔木市', '格尔木市林业局')
    >>> _compiled_for("格尔木市档案馆办公室"), _compiled_for("格尔木市林业局信息中心")
    ('格尔木市档案馆', '格尔木市林业局')
    """
    ending = next((row for row in _compiling_offices() if maker.endswith(row["ending"])), None)
    if ending and ending["publisher"] == "group" and len(maker) > len(ending["ending"]):
        return maker[:-len(ending["ending"])]  # (某旗政务公开领导小组办公室: the group is the 旗's)
    return maker[:-len(ending["office"])] if ending and ending["publisher"] == "department" else maker


@cache
def _compiling_offices() -> tuple[dict, ...]:
    """``rules/agency_compiling_offices.csv``, the longest ending first."""
    return tuple(sorted(table("agency_compiling_offices"), key=lambda row: len(row["ending"]), reverse=True))


def _contact(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start``–``end`` is the one a reader is told to contact (``请与某县某局联系``): a department
    so named answers questions about the report, and is not its author where the report speaks as no agency's kind
    — a real county's report (全县…, 2025年某县坚持…) printing only 请与某县数字化发展局联系 was published as that
    bureau's (WRONG publisher).

    >>> _contact("请与霍城县甲乙局联系。", 2, 8), _contact("霍城县甲乙局认真贯彻", 0, 6)
    (True, False)
    """
    return text[:start].endswith("与") and text.startswith("联系", end)


def _township_office(name: str) -> bool:
    """Whether ``name`` is a township's or a street's own office (某区人民政府某街道办事处, 某县某镇人民政府).

    >>> _township_office("格尔木市人民政府昆仑路街道办事处"), _township_office("格尔木市人民政府")
    (True, False)
    """
    parsed = parse_name(name)
    return bool(parsed.township) and parsed.kind == "government"


# how a maker's name ends: an agency's (局, 委员会, 人民政府 …) or a public institution's that publishes such a report
_MAKER_ENDINGS = ("局", "委", "委员会", "办公室", "办公厅", "人民政府", "办事处", "管委会", "管理委员会", "厅", "署",
                  "中心", "院", "医院", "学校", "学院", "大学", "馆", "所", "站", "队")


def _voice(text: str) -> re.Pattern | None:
    """What a publisher's name must hold when the report speaks of itself in one voice only (``rules/
    agency_voices.csv``): 我镇, 全镇, 我乡, 我街 — a township's (镇, 乡, 街道); 我局, 本局 — a bureau's (…局). Names its
    text mentions of another kind (the county government of the site's banner, of a notice it cites, of the website
    it is published on) are no candidates: a town's report was published as its county's 人民政府, a bureau's as its
    county's government (WRONG). A text speaking in two voices (我镇 … 我局) chooses nothing here.

    >>> _voice("我镇认真贯彻…全镇公开…").pattern, _voice("我局…我镇…"), _voice("本机关…")
    ('镇|乡|街道|苏木', None, None)
    """
    kinds = {row["kind"]: row["fits"] for row in _voices() if row["voice"] in text}
    return re.compile(next(iter(kinds.values()))) if len(kinds) == 1 else None


@cache
def _voices() -> tuple[dict, ...]:
    from ..catalog import table

    return table("agency_voices")


def _names_a_medium(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` names a website, a gazette or an account after its owner
    (格尔木市人民政府网站, 某省人民政府网政府信息公开专栏, 某县人民政府公报: ``rules/agency_medium_words.csv``): the
    place a report is published, not its author. Before, a report whose text names itself only 我局 and its medium
    once (通过某县人民政府网站公开…) was published as the county government's; a department's report as its
    government's is a WRONG publisher. Its division still counts as a mention (``region_votes``).

    >>> _names_a_medium("通过格尔木市人民政府网站公开", 10), _names_a_medium("格尔木市人民政府认真贯彻", 8)
    (True, False)
    >>> _names_a_medium("可在“格尔木市人民政府”政府门户网站查阅", 11), _names_a_medium("“格尔木市人民政府”认真贯彻", 9)
    (True, False)
    """
    quoted = _QUOTED_OWNER.match(text, end)  # (“某县人民政府”政府门户网站: the site's name in quotes)
    return text.startswith(_medium_words(), end) or bool(quoted) and text.startswith(_medium_words(), quoted.end())


_QUOTED_OWNER = re.compile(r"[”\"」』》][ \t]*(?:政府|政务)?")


_CITED_SPAN = 160  # characters: longer than a notice's title, so an unclosed 《 does not reach far


def _in_cited_title(text: str, start: int) -> bool:
    """Whether the name at ``start`` is inside the quoted title of a document the report cites (《某州人民政府办公室
    关于编制公布2020年政府信息公开工作年度报告有关事项的通知》): that document's issuer, not the report's author —
    a real 交通运输局's page naming itself and the notice once each was published as the notice's issuer, its
    prefecture's government office (WRONG). A quoted title of the report itself (现发布《某局2022年…年度报告》) names
    its author.

    >>> _in_cited_title("根据《某州人民政府办公室关于做好年度报告的通知》要求", 3)
    True
    >>> _in_cited_title("现发布《某局2022年政府信息公开工作年度报告》", 4), _in_cited_title("某局认真贯彻", 0)
    (False, False)
    """
    opening = text.rfind("《", max(start - _CITED_SPAN, 0), start)
    if opening < 0 or "》" in text[opening:start]:
        return False
    closing = text.find("》", start, start + _CITED_SPAN)
    return closing >= 0 and not text[opening + 1:closing].rstrip().endswith(("报告", "年报"))


def _names_a_superior(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` names the body that leads, guides or plans the author's work (在市政务公开
    领导小组和市卫健委的正确领导下, 按照某县人民政府的统一部署: ``rules/agency_superior_words.csv``), not the author:
    a real 医院's page, its own name no agency's the body reads, was published as its city's health commission (WRONG).

    >>> _names_a_superior("在市卫健委的正确领导下", 5), _names_a_superior("市卫健委认真贯彻", 4)
    (True, False)
    """
    return text.startswith(_superior_words(), end)


@cache
def _superior_words() -> tuple[str, ...]:
    from ..catalog import table

    return tuple(fold(row["words"]) for row in table("agency_superior_words"))


@cache
def _medium_words() -> tuple[str, ...]:
    from ..catalog import table

    return tuple(fold(row["words"]) for row in table("agency_medium_words"))


def _marked(text: str) -> str:
    """``text.mark_not_text(text)``, a form feed (a PDF's page break, at the start of a page's first line) taken for
    the line break it is: a name next to a character that is no text is not read (``_touches_not_text``); a name at
    the top of a page is.

    >>> _marked("\\x0c格尔木市交通运输局\\n某县\\x07某局")
    '\\n格尔木市交通运输局\\n某县\\x00某局'
    """
    return mark_not_text(text.replace("\x0c", "\n"))


def _touches_not_text(text: str, match: re.Match, group: int = 0) -> bool:
    """Whether ``match`` (its ``group``) in ``text`` (``text.mark_not_text``'s) begins or ends next to a character
    that is no text, or next to a zero (``_ZEROS``: no Han character, so a name is read up to it): the name it reads
    may be cut there (``某某县\\x07交通运输局``: the title's name is refused, ``metadata.Title``, and is no more read
    from the body; ``发布机构：北京市一〇一中学`` was read 北京市一)."""
    start, end = match.span(group)
    beside = text[max(start - 1, 0):start] + text[end:end + 1]
    return NOT_TEXT_MARK in text[max(start - 1, 0):end + 1] or any(zero in beside for zero in _ZEROS)


_ZEROS = "〇○"  # a numeral's zero: a name holding one is refused in the title too (``metadata._ZEROS``)


_TOWNSHIP_SUFFIX = re.compile(r"(?:镇|乡|街道|苏木)(?=人民政府|办事处)")
_RUN = re.compile(r"[\u4e00-\u9fff]{1,16}$")
TOWNSHIP_OWN_CHARS = 6  # 郭勒木德镇, 宁海路街道: a longer run before 镇 is a sentence, not a name


def township_names(text: str, body: str) -> list[str]:
    """Township names (周庄镇, 昆山市周庄镇) followed by ``body`` (人民政府, 办事处) in the opening text,
    most frequent first: a title that says only 镇人民政府 takes its township from here.

    >>> township_names("2024年，周庄镇人民政府坚持……本报告由昆山市周庄镇人民政府编制", "人民政府")
    ['周庄镇', '昆山市周庄镇']
    """
    text = _marked(fold(text)[:OPENING_CHARS])
    counts: Counter = Counter()
    for m in _TOWNSHIP_SUFFIX.finditer(text):
        if not text.startswith(body, m.end()):
            continue
        run = _RUN.search(text[:m.end()])
        name = _township_tail(run.group()) if run and not _touches_not_text(text, run) else ""
        if name:
            counts[name] += 1
    return [n for n, _ in counts.most_common()]


# a township's name opening a clause (甲乙街道依照…, 某区甲乙街道高度重视…): what follows the suffix is the clause
_TOWNSHIP_WORD = re.compile(r"(?:街道|苏木|镇|乡)")
_YEAR_WORD = re.compile(r"年度?")  # (after a year's digits: the words a clause opening on its year begins with)
# characters no township's own name holds and a clause's first words do (我街道, 结合本街道, 各乡镇, 就街道)
_CLAUSE_WORDS = frozenset("我本全各该辖其所此每与和及或在对向为由从至等就将把被结合")
VOICED_MENTIONS = 2  # clauses at least: a name once is as likely a neighbour's or a word of the sentence


def voiced_township_names(text: str) -> list[str]:
    """The township office a report names only as the subject of its own clauses, when it speaks as a township
    (``rules/agency_voices.csv``: 我街道, 本镇, 我苏木 …) and prints no title: ``格尔木市甲乙街道高度重视…`` /
    ``甲乙街道依照…`` / ``结合本街道实际`` names 格尔木市甲乙街道办事处. A name opens a clause when the run of Han
    characters before its suffix (街道, 镇, 乡, 苏木) is the name itself, with its region or not, its own part two
    to five characters, none of them a clause's word (我, 本, 各, 结合 …); the name the most clauses open with, at
    least ``VOICED_MENTIONS`` and more than any other, printed in its longest form (with its region) and its
    office's word (街道 → 办事处, else 人民政府). Before, such a report was published with no publisher, its region
    only (a real street office's page named itself so three times).

    >>> voiced_township_names("格尔木市甲乙街道高度重视。2024年,甲乙街道依照要求。结合本街道实际,我街道公开。")
    ['格尔木市甲乙街道办事处']
    >>> voiced_township_names("2022年，甲乙街道按照要求。2022年度甲乙街道未接到申请。我街道公开。")  # (年度: no name's)
    ['甲乙街道办事处']
    >>> voiced_township_names("格尔木市甲乙街道高度重视。结合本街道实际。")  # (one clause: a neighbour's?)
    []
    >>> voiced_township_names("甲乙街道。甲乙街道。")  # (no township voice)
    []
    """
    text = _marked(fold(text)[:OPENING_CHARS])
    if _voice_kind(text) != "township":
        return []
    counts: Counter = Counter()
    longest: dict[str, str] = {}
    for m in _TOWNSHIP_WORD.finditer(text):
        run = _RUN.search(text[:m.end()])
        if not run or _touches_not_text(text, run):
            continue
        if run.start() and text[run.start() - 1].isdigit() and (year := _YEAR_WORD.match(run.group())) \
                and year.end() < len(run.group()):
            run = _RUN.search(text[:m.end()], run.start() + year.end())  # (2022年度某某街道未接到…: the clause
            # opens on its year; 年度 is no part of the name, which was read 年度某某街道 and not counted)
        parsed = parse_name(run.group())
        own = parsed.township[:-len(m.group())] if parsed.township.endswith(m.group()) else ""
        if parsed.region_text + parsed.township != run.group() or not 2 <= len(own) <= 5 \
                or any(ch in _CLAUSE_WORDS for ch in own):
            continue
        counts[parsed.township] += 1
        if len(run.group()) > len(longest.get(parsed.township, "")):
            longest[parsed.township] = run.group()
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < VOICED_MENTIONS or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return []
    township = ranked[0][0]
    return [longest[township] + ("办事处" if township.endswith("街道") else "人民政府")]


def _voice_kind(text: str) -> str | None:
    """The kind of publisher (``rules/agency_voices.csv``) a text speaks as, when it speaks in one voice only."""
    kinds = {row["kind"] for row in _voices() if row["voice"] in text}
    return next(iter(kinds)) if len(kinds) == 1 else None


def _township_tail(run: str) -> str:
    """The township name that ends ``run``: the whole run when it is short, else its longest tail that
    starts with a division (昆山市周庄镇 in 本报告由昆山市周庄镇), else the shortest plausible one."""
    for start in range(len(run)):
        parsed = parse_name(run[start:])
        own = parsed.township
        if not own:
            continue
        if parsed.regions or (start == 0 and len(run) <= TOWNSHIP_OWN_CHARS):
            return run[start:]
    return ""  # where the name starts in a sentence is a guess: none


def zone_names(text: str) -> list[str]:
    """Zone names with their region (淮安经济技术开发区) before 管委会/管理委员会 in the opening text,
    most frequent first: a title that says only 经开区管委会 takes its zone from here.

    >>> zone_names("淮安经济技术开发区管理委员会2024年……淮安经开区管委会")
    ['淮安经济技术开发区', '淮安经开区']
    """
    text = _marked(fold(text)[:OPENING_CHARS])
    counts: Counter = Counter()
    for m in _zone_pattern().finditer(text):
        run = _RUN.search(text[:m.end()])
        run = None if run and _touches_not_text(text, run) else run
        for start in range(len(run.group()) if run else 0):
            parsed = parse_name(run.group()[start:])
            if parsed.zone and (parsed.regions or parsed.special):
                counts[run.group()[start:]] += 1
                break
    return [n for n, _ in counts.most_common()]


@cache
def _zone_pattern() -> re.Pattern:
    from .names import zone_suffixes

    return re.compile("(?:" + "|".join(map(re.escape, zone_suffixes())) + ")(?=管委会|管理委员会)")


def _trim(candidate: str) -> str:
    """The longest tail of ``candidate`` that parses as a department or a named government."""
    candidate = _BREAK.split(candidate)[-1]
    for start in range(len(candidate)):
        tail = candidate[start:]
        parsed = parse_name(tail)
        if parsed.kind == "department" and parsed.system and (parsed.regions or parsed.local or parsed.special):
            return tail
        if parsed.kind == "government" and parsed.regions and parsed.body:
            return tail
    return ""


def divisions_named(name: str) -> tuple[Division, ...]:
    """Divisions named by a whole string (a name or its short name), for doctests and the CLI."""
    return _named(name)
