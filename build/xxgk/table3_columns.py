"""Table 三's applicant columns: the order its header names them in, checked by the row totals.

The template prints 自然人 | 商业企业 科研机构 社会公益组织 法律服务机构 其他 | 总计; layouts print 总计 first,
the five organisation columns in another order, or only their subtotal (法人或其他组织). ``column_order``
reads the header; ``totals_order`` and ``_rotated_only`` check it against the row totals (总计 = the sum
of the six), and every value whose column cannot be told is made missing with a finding, never guessed.
"""

from __future__ import annotations

import re
from functools import cache

from .catalog import applicant_codes, applicants, labels, patterns, table
from .cells import CELL_APART, Row, Slot, reads_as_sentence, spread_spans, trim_slots
from .findings import Finding, make
from .labels import label_matches
from .memo import parser_memo
from .resolve import Resolved
from .splitting import row_total_holds
from .values import read_cell
from .word_stacks import stackings

WIDTH = 7


def cell_where(code: str) -> dict:
    """A finding's location: table 3 and the row's label."""
    return {"table": "3", "row": labels()["rows"].get(code, code)}


Order = tuple[int, ...]  # printed position → index in ``applicant_codes()``
STANDARD: Order = tuple(range(WIDTH))


@cache
def column_orders() -> dict[str, Order]:
    """The column orders layouts print table 3 in (``rules/table3_column_orders.csv``), the template's first."""
    index = {a: i for i, a in enumerate(applicant_codes())}
    return {row["code"]: tuple(index[a] for a in row["columns"].split()) for row in table("table3_column_orders")}


_ORGS = ("commercial", "research", "social_welfare", "legal_services", "other_org")
_ORG_GROUP = "法人或其他组织"  # the template's heading over the five organisation columns


@cache
def column_name_patterns() -> dict[str, re.Pattern]:
    """``{applicant: what a header names its column by}``: its label, or another name (``also`` in
    ``rules/codes.yaml``: 合计 for 总计); the 其他 of 法人或其他组织 is the group's name, not the column 其他's — also
    where the group's name is wrapped in its narrow cell (法人或其他 / 组织: before, that 其他 was read as the first of
    the five organisation columns, and each organisation's numbers were published under its neighbour's name).
    Only 其他 is so kept from 组织 after it: 法律服务机构 over 其他组织's tail (组织, its cell wrapped) names its
    column (before, it named none, and the five were read in the template's order, each organisation's numbers
    published under its neighbour's name).

    >>> names = column_name_patterns()
    >>> bool(names["legal_services"].search("法律服务机构组织")), bool(names["other_org"].search("其他组织"))
    (True, False)
    """
    return {a["code"]: re.compile("|".join(_outside_group(n) + ("(?!组织)" if n in _ORG_GROUP else "")
                                           for n in [a["zh"], *a.get("also", [])]))
            for a in applicants()}


def _outside_group(name: str) -> str:
    """A column's name as a pattern that does not match it inside the group's name (其他 after 法人或).

    >>> _outside_group("其他"), _outside_group("总计")
    ('(?<!法人或)其他', '总计')
    """
    at = _ORG_GROUP.find(name)
    return (f"(?<!{re.escape(_ORG_GROUP[:at])})" if at > 0 else "") + re.escape(name)


def _name_at(header: str, applicant: str) -> int:
    """Where the header names the column ``applicant`` (-1: it does not).

    >>> _name_at("项目合计自然人", "total"), _name_at("法人或其他组织", "other_org")
    (2, -1)
    """
    found = column_name_patterns()[applicant].search(header)
    return found.start() if found else -1


def _name_last(header: str, applicant: str) -> int:
    """Where the header names the column ``applicant`` last (-1: it does not). A table split over pages prints its
    header twice; a PDF's text may give one copy as lines of words interleaved (其他 whole on a line above 商业企业's
    last half) and the other in cells: read by where each name first stands, 其他 came first of the five, and 商业企业's
    numbers were published as 其他's (session 54). Where first and last places disagree, the places tell no order.

    >>> _name_last("其他商业企业其他", "other_org"), _name_last("法人或其他组织", "other_org")
    (6, -1)
    """
    found = list(column_name_patterns()[applicant].finditer(header))
    return found[-1].start() if found else -1


def column_order(lines: list[tuple[int, str]]) -> tuple[Order | None, bool]:
    """``(order, named)``: the column order table 3's header names before the first row (``一、本年新收…``).

    总计 stands first or last as it stands against 自然人; 自然人 comes before the five organisation columns
    (a PDF's text layer may print 法人或其他组织 before 自然人, so where the group's name stands proves
    nothing), and these come in the order the header names them when it names all five (they share one
    header line), in the template's otherwise. Where 总计 stands tells only when it shares a line with 自然人.
    ``named`` is False when the header tells nothing the template does not (names neither 总计 nor 自然人, or
    总计 on another line and the organisations in order; then the order is None: 总计's place not told): the
    table is read by position; the order is None too when it names one but not the other (unsure). A header
    naming some organisation columns only, in another order than the template's, leaves them in the
    template's order here: ``orgs_unsure`` tells.

    >>> column_order([(1, "总计 自然人 法人或其他组织"), (2, "一、本年新收政府信息公开申请数量 3 1 1 0 1 0 0")])
    ((6, 0, 1, 2, 3, 4, 5), True)
    >>> column_order([(1, "自然人 法人或其他组织 总计"), (2, "科研机构 商业企业 社会公益组织 法律服务机构 其他"),
    ...               (3, "一、本年新收政府信息公开申请数量 3 1 1 0 1 0 0")])
    ((0, 2, 1, 3, 4, 5, 6), True)
    >>> column_order([(1, "一、本年新收政府信息公开申请数量 1 1 0 1 0 0 3")])
    ((0, 1, 2, 3, 4, 5, 6), False)
    """
    header_lines = _header_lines(lines)
    header = "".join(header_lines)
    at = {a: _name_at(header, a) for a in applicant_codes()}
    if at["natural_person"] < 0 and at["total"] < 0:
        return STANDARD, False
    if at["natural_person"] < 0 or at["total"] < 0:
        return None, True
    orgs = _orgs_told(lines) or list(_ORGS)  # (else: some named only, or the words unsure: orgs_unsure)
    index = {a: i for i, a in enumerate(applicant_codes())}
    if _line_at(header_lines, at["total"]) != _line_at(header_lines, at["natural_person"]):
        # 总计 on another header line than 自然人 (a 总计 cell merged down from the header's first row prints
        # on that row's line, above 自然人): where it stands tells nothing; the template's place is assumed and
        # the row totals check it (before, it was read as printed first, and rows like 1 0 0 0 0 0 1, whose
        # total holds either way, published the 自然人's application under 其他)
        order = tuple(index[a] for a in ["natural_person", *orgs, "total"])
        return (order, True) if order != STANDARD else (None, False)
    if (orgs_at := _orgs_at(header_lines, _line_at(header_lines, at["total"]))) is not None:
        # the three blocks on one line: in the order it names them (自然人 | 总计 | 法人或其他组织 (…) too)
        blocks = sorted((("natural_person", at["natural_person"]), ("total", at["total"]), ("orgs", orgs_at)),
                        key=lambda block: block[1])
        return tuple(index[a] for name, _ in blocks for a in (orgs if name == "orgs" else [name])), True
    outer = ["total", "natural_person"] if at["total"] < at["natural_person"] else ["natural_person"]
    return tuple(index[a] for a in outer + orgs + (["total"] if outer == ["natural_person"] else [])), True


def _orgs_at(header_lines: list[str], line: int) -> int | None:
    """Where header line ``line`` (of 自然人 and 总计) names the organisation columns — their group's name
    (法人或其他组织) or the first of the five — as an offset in the lines joined; None when it names none. Before,
    总计 named after 自然人 was taken to be the last column, and a table printing 自然人 | 总计 | 法人或其他组织 had
    each number published under its neighbour's name (the row totals then fail: ``identity_broken`` said so, the
    numbers stood); one printing 法人或其他组织 | 总计 | 自然人 had its first column published as 总计.

    >>> _orgs_at(["自然人总计法人或其他组织", "商业企业"], 0), _orgs_at(["自然人总计", "商业企业科研机构"], 0)
    (5, None)
    >>> _orgs_at(["申请人情况", "总计自然人商业企业其他"], 1)
    10
    """
    if line >= len(header_lines):
        return None
    text = header_lines[line]
    found = [at for at in [text.find(_ORG_GROUP), *(_name_at(text, a) for a in _ORGS)] if at >= 0]
    return sum(len(x) for x in header_lines[:line]) + min(found) if found else None


def by_position(lines: list[tuple[int, str]]) -> Order:
    """The order table 三 is read in by position, its header not telling where 自然人 and 总计 stand (it names
    neither, or one only, or the row totals deny it): 自然人 first and 总计 last (``order_findings`` checks 总计 first),
    the five organisation columns as the header prints them when it tells (``_orgs_printed``), the template's
    otherwise. Before, the five were read in the template's order whenever 自然人 and 总计 were not both named (a
    header naming only the five, 科研机构 before 商业企业, 自然人 printed down its narrow cell a character a line):
    each organisation's numbers were published under its neighbour's name, no finding.

    >>> by_position([(1, "科研机构 商业企业 社会公益组织 法律服务机构 其他"), (2, "一、本年新收政府信息公开申请数量")])
    (0, 2, 1, 3, 4, 5, 6)
    >>> by_position([(1, "一、本年新收政府信息公开申请数量 1 1 0 1 0 0 3")]) == STANDARD
    True
    """
    orgs = _orgs_told(lines) or list(_ORGS)
    index = {a: i for i, a in enumerate(applicant_codes())}
    return tuple(index[a] for a in ["natural_person", *orgs, "total"])


def orgs_unsure(lines: list[tuple[int, str]]) -> bool:
    """Whether the header does not tell the five organisation columns' order (``_orgs_printed``) and names some of
    them in another order than the template's — by their names, or on one line by their words (``_orgs_on``: 科研
    before 商业 on a line whose names are cut short or wrapped past what this reads): where the others stand, and so
    which column each number is in, cannot be told (no row total tells the five apart). Before, a line so cut was
    read in the template's order: 科研机构's numbers published as 商业企业's, no finding.

    >>> orgs_unsure([(1, "自然人 法人或其他组织 总计"), (2, "科研机构 商业企业 社会公益组织 法律服务")])
    True
    >>> orgs_unsure([(1, "自然人 法人或其他组织 总计"), (2, "商业企 科研机构 社会公益组织 其他")])
    False
    >>> orgs_unsure([(1, "自然人 法人或其他组织 总计"), (2, "科研 社会 商 法律服务 其他"), (3, "机构 公益组织 业企业")])
    True
    """
    if _stacked_orders(unjoined_header(lines)) is not None:
        return _orgs_told(lines) is None
    header_lines = _header_lines(lines)
    if _orgs_printed(header_lines, _raw_header(lines)) is not None:
        return False
    header = "".join(header_lines)
    named = sorted((a for a in _ORGS if _name_at(header, a) >= 0), key=lambda a: _name_at(header, a))
    if len(named) < len(_ORGS) and named != [a for a in _ORGS if a in named]:
        return True
    return _words_apart(header_lines, named, _raw_header(lines)) or any(
        _words_out_of_order(line) for line in header_lines)


def _words_apart(header_lines: list[str], named: list[str], raw: tuple[str, ...] = ()) -> bool:
    """Whether the header names some of the five organisation columns whole (``named``) and others only by words of
    their names (``_org_words``) on other lines: a PDF's text of a header whose narrow cells wrap some names (科研 /
    机构) and not others, the whole ones printed on a line between the halves (科研 社会公益 / 商业企业 其他 / 机构
    组织), where nothing says how the two lines' columns interleave. Before, such a header was read in the template's
    order: 科研机构's numbers published as 商业企业's, no finding (the row totals hold either way).

    >>> _words_apart(["科研社会公益法律服务", "商业企业其他", "机构组织机构"], ["commercial", "other_org"])
    True
    >>> _words_apart(["社会公益组法律服务机商业企业科研机构其他织构"], ["commercial", "research", "other_org"])
    False
    >>> _words_apart(["商业企科研机社会公法律服", "其他"], ["other_org"])
    False

    A text laid out as the page prints it (``pdftotext -layout``: the columns apart by runs of spaces, ``raw``, the
    header's lines as printed) says where each name stands: there the five are in the order their first characters
    stand in, and only another order than the template's is unsure.

    >>> layout = ("          社会公     法律服", "  商业企业  科研机构            其他", "          益组织     务机构")
    >>> _words_apart([], ["commercial", "research", "other_org"], layout)
    False
    >>> _words_apart([], ["commercial", "research", "other_org"], (layout[0], "  科研机构  商业企业            其他"))
    True
    """
    # (a line with a digit or naming a row is no header's: 2.其他法律行政法规禁止公开 names neither 其他 nor
    # 法律服务机构)
    naming = [line for line in raw if not _DIGIT.search(line) and not label_matches(line, "row_labels") and any(
        p.search(line) for p in (*_org_words().values(), *(column_name_patterns()[a] for a in _ORGS)))]
    if naming and all(_LAID_OUT.search(line) for line in naming):
        return _laid_out_order(naming) != list(_ORGS)
    kept = [line for line in header_lines if not _DIGIT.search(line) and not label_matches(line, "row_labels")]
    # (其他 alone whole beside the four wrapped is left as read: two characters wrap in no cell, so a table whose
    # narrow cells wrap the four prints it whole wherever it stands — and every such header seen prints it last)
    whole = {n: [a for a in named if a != "other_org" and _name_at(line, a) >= 0] for n, line in enumerate(kept)}
    if not any(whole.values()):
        return False
    words = _org_words()
    return any(words[a].search(line) for n, line in enumerate(kept) if not whole[n]
               for a in _ORGS if a not in named)


def _orgs_printed(header_lines: list[str], raw: tuple[str, ...] = ()) -> list[str] | None:
    """The five organisation columns in the order the header prints them, when it tells: all five named (their
    names, anywhere in the header), or all five on one line of cells (tabs, a pipe table's: ``_orgs_in_cells``), each
    by a cell of its own holding its name or a short one (``rules/table3_column_names.csv``: 企业, 科研, 公益组织 …);
    None otherwise. ``raw``: the header's lines as printed (``_raw_header_of``). Before, a header of short names
    named none of the five (or 其他 only) and they were read in the template's order: printed in another, each
    organisation's numbers were published under its neighbour's name, no finding (the row totals hold either way).

    >>> _orgs_printed([], ("| 自然人 | 企业 | 科研 | 公益组织 | 律师事务所 | 其他组织 | 总计 |",))[-2:]
    ['legal_services', 'other_org']

    A PDF's text (no cells) tells by words apart (``_orgs_in_words``) only on a line that is all names, with no part
    of an organisation's name on another header line (where a short name may be a wrapped name's half):
    >>> _orgs_printed([], ("自然人 法律服务 企业 科研 公益组织 其他 总计",))[:2]
    ['legal_services', 'commercial']
    >>> _orgs_printed([], ("自然人 科研 企业 公益组织 法律服务 其他 总计", "机构")) is None
    True
    """
    header = "".join(header_lines)
    named = sorted((a for a in _ORGS if _name_at(header, a) >= 0), key=lambda a: _name_at(header, a))
    if len(named) == len(_ORGS) and named == sorted(named, key=lambda a: _name_last(header, a)):
        return named  # (a header printed twice, a table split over pages, tells one order only if both copies do)
    naming: list[int] | None = None  # (the first two lines holding a character of an organisation's name)
    for k, line in enumerate(raw):
        found = _orgs_in_cells(line)
        if not found and naming is None and _orgs_in_words(line, []):
            naming = [j for j, other in enumerate(raw) if _org_chars_in([other])][:2]
        if not found and naming is not None:
            # (the other lines that tell are two at most: each line was tested against every other, and a header
            # printed 10,000 times took 7 CPU s, by the square of its lines — hostile round 13)
            found = _orgs_in_words(line, [raw[j] for j in naming if j != k][:1])
        if len(found) == len(_ORGS):
            return found
    return None


def _orgs_told(lines: list[tuple[int, str]]) -> list[str] | None:
    """The five organisation columns in the order table 三's header prints them, when it tells (``_orgs_printed``).
    A PDF's text whose names wrap over lines (``_stacked_orders``: every way its words stack into five names) tells
    the template's order when that is the only one its words allow — or the only one but for where a 其他 standing
    whole on a line of its own goes (two characters wrap in no cell, and every such header seen prints it last) —
    and another order only when it is the only one they allow and ``_orgs_printed`` reads the same: a text layer may
    print a wrapped cell's words out of their places (``tests/test_h47columns``), so words that stack only into
    another order than the template's do not by themselves tell it. None otherwise (``orgs_unsure``).

    Before, a wrapped header whose words no rule read was taken in the template's order: printed in another, each
    organisation's numbers were published under its neighbour's name, no finding (the row totals hold either way);
    and a header the words of a whole name on one line and a wrapped one's half on another made unsure was missing
    even where they stack only into the template's order."""
    printed = _orgs_printed(_header_lines(lines), _raw_header(lines))
    stacked = _stacked_orders(unjoined_header(lines))
    if stacked is None:
        return printed
    template = tuple(_ORGS)
    if template in stacked and len({tuple(a for a in r if a != "other_org") for r in stacked}) == 1 and (
            len(stacked) == 1 or _other_alone(unjoined_header(lines))):
        return list(_ORGS)
    return printed if printed is not None and stacked == {tuple(printed)} else None


def _other_alone(raw: tuple[str, ...]) -> bool:
    """Whether a line of the header is 其他 alone (the organisations' last column, one line high beside wrapped
    names).

    >>> _other_alone(("商业 科研 社会公益 法律服务", "其他", "企业 机构 组织 机构")), _other_alone(("其他 科研",))
    (True, False)
    """
    return any(_NOTE.sub("", "".join(line.split())) == labels()["applicants"]["other_org"] for line in raw)


def _stacked_orders(raw: tuple[str, ...]) -> frozenset[tuple[str, ...]] | None:
    """The orders of the five organisation columns the lines of a PDF's text header allow, its names wrapped in
    narrow cells over two to four lines (words apart by spaces, no cells, not laid out as printed): every way its
    words stack into five columns, each column's words top to bottom one name of a different organisation
    (``word_stacks.stackings``; names long and short, ``_cell_names``, their notes aside). None where the header is
    no such one (cells, a laid-out text, its names on one line, a word no stacking reads: read as before).

    Before, a wrapped header whose names the template's words did not tell apart was read in the template's order:
    printed in another, each organisation's numbers were published under its neighbour's name (the row totals hold
    either way). Where the words allow one order only, it is read; where they allow several, which column each number
    is in cannot be told (``orgs_unsure``).

    >>> _stacked_orders(("申请人情况", "自然人 法人或其他组织 总计", "科研 商业企业 其 法律 公", "他组织 服务 益组织"))
    frozenset({('research', 'commercial', 'other_org', 'legal_services', 'social_welfare')})
    >>> len(_stacked_orders(("科研 社会公益 法律服务", "商业企业 其他", "机构 组织 机构")))  # (whole names between)
    10
    >>> _stacked_orders(("商业企业 科研机构 社会公益组织 法律服务机构 其他",)) is None  # (one line: not wrapped)
    True
    """
    if any("\t" in line or "|" in line or _LAID_OUT.search(line) for line in raw):
        return None
    # (a word with no character of an organisation's name nor a bracket is none's part: 一、 before the first row's
    # label, 项目; a note's half, 件）, ends a name)
    lines = [words for line in raw if not _DIGIT.search(line) and not label_matches(line, "row_labels")
             if (words := [w for w in (_NOT_ORGS.sub("", word) for word in line.split())
                           if _org_name_chars() & set(w) or _BRACKET.search(w)])]
    if len(lines) < 2:
        return None
    found = frozenset(r for r in stackings(lines, _org_named, len(_ORGS)) if len(set(r)) == len(_ORGS))
    return found or None


def _org_named(text: str) -> str | None:
    """The organisation column ``text`` (a name long or short, its note aside) names, or None."""
    code = _cell_names().get(_bare(text))
    return code if code in _ORGS else None


_NOTE = re.compile(r"[（(][^（()）]*[)）]")
_BRACKET = re.compile(r"[（()）]")
_DIGIT = re.compile(r"[0-9０-９]")  # a cell's note or unit: 商业企业（件）, 其他（含…）


@cache
def _cell_names() -> dict[str, str]:
    """``{a cell's text: the column it names}``: each column's name and other names (``also``), and the short ones
    of ``rules/table3_column_names.csv``."""
    out = {n: a["code"] for a in applicants() for n in [a["zh"], *a.get("also", [])]}
    return out | {row["name"]: row["code"] for row in table("table3_column_names")}


def _orgs_in_cells(line: str) -> list[str]:
    """The organisation columns a header line of cells (tabs, or a pipe table's) names, in its order, each by a cell
    of its own (its note in brackets aside); nothing for a line of no cells (a PDF's text: its words may be a narrow
    cell's name wrapped, 科研 over 机构) or one naming a column twice.

    >>> _orgs_in_cells("|  | 企业（件） | 科研机构 | 自然人 |"), _orgs_in_cells("企业 科研")
    (['commercial', 'research'], [])
    """
    sep = "\t" if "\t" in line else "|" if line.lstrip()[:1] == "|" else None
    if sep is None:
        return []
    named = [_cell_names().get(_NOTE.sub("", "".join(cell.split()))) for cell in line.split(sep)]
    orgs = [code for code in named if code in _ORGS]
    return orgs if len(set(orgs)) == len(orgs) else []


_NOT_ORGS = re.compile("|".join(map(re.escape, sorted(
    ["自然人", _ORG_GROUP, "总计", "合计", "申请人情况", "申请人"], key=len, reverse=True))))


@cache
def _org_name_chars() -> frozenset[str]:
    """The characters of the five organisation columns' names, long and short (a wrapped name's half holds some)."""
    names = [n for n, code in _cell_names().items() if code in _ORGS]
    return frozenset("".join(names))


def _orgs_in_words(line: str, others: list[str]) -> list[str]:
    """The organisation columns a header line of a PDF's text (words apart by spaces, no cells) names, in its order:
    every word on it a column's name or short name (``_cell_names``, its note in brackets aside), the five each once,
    and no other header line of ``others`` holding a character of an organisation's name once 自然人, 法人或其他组织,
    总计 and the group's heading are taken out (a short name there may be a wrapped name's upper half: 法律服务 over
    机构, printed out of its place). Nothing otherwise. Before, such a line was not read: a table printing 法律服务 (or
    律师事务所) first and the four others whole had each organisation's numbers published under its neighbour's name,
    no finding; one with another short name had every value missing (``columns_order_unsure``).

    >>> _orgs_in_words("法律服务 商业企业 科研机构 社会公益组织 其他", ["自然人 法人或其他组织 总计"])[0]
    'legal_services'
    >>> _orgs_in_words("法律服务 商业企业 科研机构 社会公益组织 其他", ["机构"])
    []
    >>> _orgs_in_words("法律服务机 商业企业 科研机构 社会公益组织 其他", [])  # (a wrapped name's half: no name)
    []
    """
    words = line.split()
    if "\t" in line or "|" in line or len(words) > HEADER_CELLS_MAX:
        return []
    named = [_cell_names().get(_NOTE.sub("", word)) for word in words]
    orgs = [code for code in named if code in _ORGS]
    if None in named or len(set(orgs)) != len(_ORGS) or len(orgs) != len(_ORGS):
        return []
    return [] if _org_chars_in(others) else orgs


def _org_chars_in(others: list[str]) -> bool:
    """Whether header lines hold a character of an organisation's name once 自然人, 法人或其他组织, 总计 and the group's
    heading are taken out (``_orgs_in_words``)."""
    rest = "".join(_NOT_ORGS.sub("", _NOTE.sub("", "".join(other.split()))) for other in others)
    return bool(_org_name_chars() & set(rest))


@cache
def _org_words() -> dict[str, re.Pattern]:
    """``{organisation column: a pattern of the words a header names it by}`` (``rules/table3_column_words.csv``:
    its name's parts, which stay when the name is cut short or wrapped); 其他 not inside the group's name."""
    words: dict[str, list[str]] = {}
    for row in table("table3_column_words"):
        words.setdefault(row["code"], []).append(_outside_group(row["word"]))
    return {code: re.compile("|".join(alternatives)) for code, alternatives in words.items()}


_LAID_OUT = re.compile(r"\S {3,}\S|^ {3,}\S")  # a line laid out as printed: runs of spaces between its columns


def _laid_out_order(raw: list[str]) -> list[str]:
    """The organisation columns the lines of a laid-out header name (whole, or by words of their names:
    ``_org_words``), in the order of where on their lines they first stand; those they do not name left out."""
    where: dict[str, int] = {}
    for line in raw:
        for a in _ORGS:
            found = [m.start() for pattern in (column_name_patterns()[a], _org_words()[a])
                     if (m := pattern.search(line))]
            if found:
                where[a] = min(where.get(a, min(found)), min(found))
    return sorted(where, key=where.__getitem__)


def _words_out_of_order(line: str) -> bool:
    """Whether a header line naming none of the five organisation columns whole but 其他 (a PDF's text of their names
    wrapped in narrow cells: 科研 商业 社会公益 法律服务 其他 over 机构 企业 组织 机构) holds their words
    (``_org_words``) in another order than the template's. A line naming some whole is left: a text layer prints a
    wrapped cell's words before its neighbours' whole names (社会公益组 法律服务机 商业企业 科研机构 其他 over a table
    in the template's order), so there the words' order says nothing.

    >>> _words_out_of_order("科研商业社会公益法律服务其他")
    True
    >>> _words_out_of_order("社会公益组法律服务机商业企业科研机构其他")
    False

    A line with a digit or naming a row (2.其他法律行政法规禁止公开 above a first row the text lost) is no header's.
    >>> _words_out_of_order("2.其他法律行政法规禁止公开028")
    False
    """
    if _DIGIT.search(line) or label_matches(line, "row_labels") or any(
            _name_at(line, a) >= 0 for a in _ORGS if a != "other_org"):
        return False
    first = {code: found.start() for code, pattern in _org_words().items() if (found := pattern.search(line))}
    return sorted(first, key=first.__getitem__) != [a for a in _ORGS if a in first]


def natural_person_last(lines: list[tuple[int, str]]) -> bool:
    """Whether one header line names the five organisation columns and then 自然人, or their group's name
    (法人或其他组织) and 自然人 next to it: a table printing 自然人 after them, or a PDF's text layer printing the
    header's cells out of their order — the row totals hold either way, so which column each number is in cannot
    be told (before: read in the template's order, the 自然人's 6 applications published under 其他 and 其他's under
    自然人, no finding). A web page or Word table prints the template's two-row header reordered as
    ``法人或其他组织 | 自然人 | 总计`` over the five (自然人 merged down is printed once, on the upper line): before,
    自然人 was taken to come first there too, and each number was published under its neighbour's name.

    >>> natural_person_last([(1, "商业企业 科研机构 社会公益组织 法律服务机构 其他 自然人 总计")])
    True
    >>> natural_person_last([(1, "法人或其他组织\t自然人\t总计"), (2, "商业企业 科研机构 社会公益组织 其他")])
    True
    >>> natural_person_last([(1, "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计")])
    False
    >>> natural_person_last([(1, "法人或其他组织申请3件，自然人申请5件。")])  # (prose: not a header's cells)
    False
    """
    for line in _header_lines(lines):
        person, orgs = _name_at(line, "natural_person"), [_name_at(line, a) for a in _ORGS]
        if person >= 0 and (min(orgs) >= 0 and person > max(orgs) or _ORG_GROUP + "自然人" in line):
            return True
    return False


def void_persons_and_orgs(resolved: dict[str, Resolved]) -> list[Finding]:
    """The 自然人 and five organisation cells of every row made missing (``natural_person_last``), one finding."""
    for r in resolved.values():
        if r.values:
            r.values = tuple(v if applicant_codes()[i] == "total" else None for i, v in enumerate(r.values))
    return [make("columns_order_unsure", table="3",
                 detail="表头把自然人列印在五个法人或其他组织列之后，无法确认各数在哪一列；总计照录")]


def void_orgs(resolved: dict[str, Resolved]) -> list[Finding]:
    """The five organisation cells of every row made missing (``orgs_unsure``), with one finding."""
    for r in resolved.values():
        if r.values:
            r.values = tuple(None if applicant_codes()[i] in _ORGS else v for i, v in enumerate(r.values))
    return [make("columns_order_unsure", table="3",
                 detail="表头只写明部分法人或其他组织的列，且顺序与模板不同；自然人、总计照录")]


def _header_lines(lines: list[tuple[int, str]]) -> list[str]:
    """The region's lines before table 三's first row (``一、本年新收…``), without white space: its header. A line
    that reads as a sentence (``reads_as_sentence``: 共收到8份申请，均为自然人申请，其中其他1件…) is no part of it:
    its 自然人 and 其他 name no column (before, they were read as the header naming 自然人 | 其他 | 商业企业 | …, and
    each organisation's count was published under its neighbour's name; the row totals hold either way)."""
    return list(_header_of("\n".join(t for _, t in lines)))  # (six column checks ask it of the same lines)


def _raw_header(lines: list[tuple[int, str]]) -> tuple[str, ...]:
    """``_header_lines`` with their white space and cells as printed."""
    return _raw_header_of("\n".join(t for _, t in lines))


@parser_memo(1 << 4)
def _header_of(text: str) -> tuple[str, ...]:
    """``_header_lines`` of the region whose lines' texts are ``text`` (joined by line feeds); memoised."""
    return tuple("".join(line.split()) for line in _raw_header_of(text))


@parser_memo(1 << 4)
def _raw_header_of(text: str) -> tuple[str, ...]:
    """``_raw_header`` of the region whose lines' texts are ``text``; memoised."""
    return tuple(_wrapped_names(list(_unjoined_header_of(text))))


def unjoined_header(lines: list[tuple[int, str]]) -> tuple[str, ...]:
    """The header's lines as printed, a name wrapped over two of them left apart (``_raw_header`` joins some)."""
    return _unjoined_header_of("\n".join(t for _, t in lines))


@parser_memo(1 << 4)
def _unjoined_header_of(text: str) -> tuple[str, ...]:
    """``unjoined_header`` of the region whose lines' texts are ``text``; memoised."""
    first_row = min((m.start() for code, p in patterns("row_labels") if code in ("new", "carried_over")
                     for m in p.finditer(text)), default=len(text))
    return tuple(line for line in text[:first_row].split("\n") if not reads_as_sentence(line))


HEADER_CELLS_MAX = 40  # cells a header line of table 三 may have (it prints nine columns, a label or two)


def _wrapped_names(lines: list[str]) -> list[str]:
    """``lines`` with a column's name wrapped inside its narrow cell joined on the upper line: ``总`` over ``计``
    (a Word table's 总计 column one character wide, 总计 first: ``总 自然人 法人或其他组织`` over ``计 商业企业 …``).
    A cell of a line and a cell of the next that name a column only together (neither names one alone): every such
    pair of the two lines, when no cell is in two of them and each is printed once on its line (several narrow
    columns wrap at once: 商业 over 企业, 社会公 over 益组织). Before, the header named no 总计, so a table printing it
    first was unsure and every value missing (columns_order_unsure).

    >>> _wrapped_names(["总 自然人 法人或其他组织", "计 商业企业 科研机构", "x"])
    ['总计自然人法人或其他组织', '商业企业科研机构', 'x']
    >>> _wrapped_names(["总 自然人 商业 社会公", "计 企业 益组织"])
    ['总计自然人商业企业社会公益组织', '']
    >>> _wrapped_names(["自然人 法人或其他组织 总计", "商业企业 其他"])
    ['自然人 法人或其他组织 总计', '商业企业 其他']
    >>> _wrapped_names(["总 " * 41, "计 " * 41]) == ["总 " * 41, "计 " * 41]  # no header line: not searched
    True
    """
    names = _all_names()
    out = list(lines)
    for i in range(len(out) - 1):
        if (run := _run_joined(out, i, names)) is not None:
            joined, n = run
            out[i:i + n] = [joined] + [""] * (n - 1)
            continue
        top, bottom = CELL_APART.split(out[i].strip()), CELL_APART.split(out[i + 1].strip())
        if len(top) > HEADER_CELLS_MAX or len(bottom) > HEADER_CELLS_MAX:
            continue  # (no header: every cell against every cell of the next line was quadratic in a long line)
        pairs = {(a, b) for a in top for b in bottom if a and b and _halves(a, b, names)}
        tops, bottoms = [a for a, _ in pairs], [b for _, b in pairs]
        if pairs and len(set(tops)) == len(tops) and len(set(bottoms)) == len(bottoms) and all(
                top.count(a) == 1 and bottom.count(b) == 1 for a, b in pairs):
            joined = dict(pairs)
            out[i] = "".join(c + joined.get(c, "") for c in top)
            out[i + 1] = "".join(c for c in bottom if c not in bottoms)
    return out


def _bare(cell: str) -> str:
    """A header cell's text without its note or unit in brackets (科研机构（件）: 科研机构), as a name is looked up.
    Before, a narrow cell's name wrapped with its unit (法律服务机 / 构（件）) was not joined, and the five read in the
    template's order: printed in another, each organisation's numbers were published under its neighbour's name, no
    finding.

    >>> _bare("构（件）"), _bare("其他")
    ('构', '其他')
    """
    return _NOTE.sub("", cell)


def _halves(upper: str, lower: str, names: frozenset[str]) -> bool:
    """Whether two cells of two lines of words are one column's name wrapped: together (their notes aside) a name or a
    short one (``_cell_names``: 公 over 益组织 is 公益组织), neither a whole name of ``names`` alone. Before, a short
    name wrapped was not joined, and the five were read in the template's order: printed in another, each
    organisation's numbers were published under its neighbour's name, no finding.

    >>> names = _all_names()
    >>> _halves("公", "益组织", names), _halves("商业", "企业", names), _halves("其他", "组织", names)
    (True, True, False)
    """
    return _cell_names().get(_bare(upper + lower)) is not None and _bare(upper) not in names and _bare(
        lower) not in names


RUN = 6  # header lines one row of names may stand on in a PDF's text (a whole name between a wrapped one's halves;
# a name over three lines, 社会 / 公益 / 组织, beside one over two centred lower: five lines; pdf_cells.HEADER_LINES)


def _run_joined(lines: list[str], start: int, names: frozenset[str]) -> tuple[str, int] | None:
    """``(the lines from start joined, how many)`` for the longest run of ``RUN`` lines or fewer that
    ``_joined_by_place`` joins, or None."""
    for n in range(min(RUN, len(lines) - start), 1, -1):
        if (joined := _joined_by_place(lines[start:start + n], names)) is not None:
            return joined, n
    return None


def _pieces_name(pieces: list[str], names: frozenset[str]) -> bool:
    """Whether one cell's words on two or more lines (top to bottom) are one column's name wrapped: together (their
    notes aside) a name or a short one (``_cell_names``), no piece a whole name of ``names`` but the same column's
    (其他 over 组织 is 其他组织; 科研 over 机构 is 科研机构).

    >>> names = _all_names()
    >>> [_pieces_name(pieces, names) for pieces in (["公", "益组织"], ["其他", "组织"], ["总计", "其他"])]
    [True, True, False]
    """
    whole = _cell_names().get(_bare("".join(pieces)))
    return whole is not None and all(_bare(p) not in names or _cell_names().get(_bare(p)) == whole for p in pieces)


def _joined_by_place(lines: list[str], names: frozenset[str]) -> str | None:
    """Header lines of cells (tabs, or a pipe table's) of one count joined cell by cell, top to bottom, where each
    cell holding words on two or more lines names a column only so (科研 over 机构, 法律服务 over 机构: a name's end
    printed twice on the line, which ``_wrapped_names`` leaves, and the organisations in another order than the
    template's were published under their neighbours' names); None otherwise. A PDF's text written in cells by where
    its words stand (``pdf_header_cells``) prints a whole name one line high between a wrapped name's halves, on a
    line of its own (科研 / 商业企业 / 机构): the three lines are one row of names.

    >>> _joined_by_place(["| 科研 | 商业 | 其他 |", "| 机构 | 企业 | |"], _all_names())
    '|科研机构|商业企业| 其他 |'
    >>> _joined_by_place(["| 自然人 | 法人或其他组织 |", "| | 商业企业 |"], _all_names()) is None
    True
    >>> _joined_by_place(["| 法律服务机 | 其他 |", "| 构（件） | |"], _all_names())
    '|法律服务机构（件）| 其他 |'
    >>> _joined_by_place(["\\t科研\\t\\t", "\\t\\t商业企业\\t其他", "\\t机构\\t\\t"], _all_names()).split("\\t")
    ['', '科研机构', '商业企业', '其他']
    """
    sep = "\t" if all("\t" in line for line in lines) else "|" if all(
        line.lstrip()[:1] == "|" for line in lines) else None
    if sep is None:
        return None
    split = [line.split(sep) for line in lines]
    if len({len(cells) for cells in split}) != 1:
        return None
    columns = list(zip(*split, strict=True))
    pieces = [[c.strip() for c in column if c.strip()] for column in columns]
    stacked = [p for p in pieces if len(p) > 1]
    if not stacked or not all(_pieces_name(p, names) for p in stacked):
        return None
    return sep.join("".join(p) if len(p) > 1 else next((c for c in column if c.strip()), column[0])
                    for p, column in zip(pieces, columns, strict=True))


@cache
def _all_names() -> frozenset[str]:
    """Every name a header prints a table 三 column by (its label, or another: ``also`` in rules/codes.yaml)."""
    return frozenset(n for a in applicants() for n in [a["zh"], *a.get("also", [])])


def _line_at(lines: list[str], offset: int) -> int:
    """The index of the line of ``lines`` (joined without separators) that holds ``offset``."""
    for number, line in enumerate(lines):
        if offset < len(line):
            return number
        offset -= len(line)
    return len(lines)


def _order_names(order: Order) -> str:
    names = labels()["applicants"]
    return " | ".join(names[applicant_codes()[i]] for i in order)


def order_findings(resolved: dict[str, Resolved], order: Order | None, named: bool,
                    contradicted: tuple[Order, Order] | None = None, printed: Order = STANDARD) -> list[Finding]:
    """Findings on the column order, voiding (in ``resolved``) the values whose column is unsure.

    A header naming another order says so (``columns_reordered``). A header the row totals contradict
    (``contradicted``: the header's order, the order the totals hold in) is said (``columns_header_contradicted``)
    and set aside: the table is then read by position as when no header tells. With no header that tells
    (missing, naming 总计 or 自然人 only, or contradicted) the table was read by position; when its row totals
    then hold only with 总计 first, no value is published under a column it may not belong to
    (``columns_order_unsure``). A row whose total holds only in another order than the table's is missing too
    (``_void_rows_in_another_order``). ``printed``: the order a table so read was read in (``by_position``: the
    organisation columns as the header names them, ``columns_reordered``)."""
    findings = []
    if contradicted:
        findings.append(make("columns_header_contradicted", table="3", expected=_order_names(contradicted[0]),
                             actual=_order_names(contradicted[1])))
    if order is not None and named:
        if order != STANDARD:
            findings.append(make("columns_reordered", table="3", detail=_order_names(order)))
        return findings + _void_rows_in_another_order(resolved, order)
    if not _rotated_only(resolved):
        if printed != STANDARD:
            findings.append(make("columns_reordered", table="3", detail=_order_names(printed)))
        return findings + _void_rows_in_another_order(resolved, printed)
    for code, r in list(resolved.items()):
        resolved[code] = Resolved(findings=r.findings)
    detail = "表头与各行总计矛盾" if contradicted else "表头未写明总计列的位置" if order is None else "没有表头"
    return findings + [make("columns_order_unsure", table="3", detail=detail + "，各行总计只在总计列在前时成立")]


def _printed(values: tuple, order: Order) -> tuple:
    """The values of a row in template order as printed in ``order`` (the inverse of ``in_template_order``)."""
    return tuple(values[i] for i in order)


def _holds_in(printed: tuple, order: Order) -> set[Order]:
    """The column orders among ``order`` and the known ones (``column_orders``) a printed row's total holds in."""
    return {o for o in {order, *column_orders().values()} if row_total_holds(in_template_order(printed, o))}


def _void_rows_in_another_order(resolved: dict[str, Resolved], order: Order) -> list[Finding]:
    """Rows read in ``order`` whose total fails there but holds in another known order: which column each of
    their numbers is in cannot be told (the table says one order, the row another), so the row is missing."""
    findings = []
    for code, r in list(resolved.items()):
        if not r.values or not all(isinstance(v, int) for v in r.values) or row_total_holds(r.values):
            continue
        other = _holds_in(_printed(r.values, order), order) - {order}
        if other:
            resolved[code] = Resolved(findings=r.findings)
            findings.append(make("columns_order_unsure", line=r.lines[0] if r.lines else None,
                                 detail=f"本行总计只在“{_order_names(min(other))}”的列顺序下成立，与全表不同",
                                 **cell_where(code)))
    return findings


def totals_order(resolved: dict[str, Resolved], order: Order) -> Order | None:
    """The other known order the row totals hold in, when they deny the header's ``order``: some rows hold
    only in it, none only in ``order``; None when they do not deny it."""
    full = [_printed(r.values, order) for r in resolved.values()
            if r.values and all(isinstance(v, int) for v in r.values)]
    held = [_holds_in(p, order) for p in full]
    for other in column_orders().values():
        if other != order and any(other in h and order not in h for h in held) and not any(
                order in h and other not in h for h in held):
            return other
    return None


def in_template_order(printed: tuple, order: Order) -> tuple:
    out: list = [None] * len(order)
    for position, index in enumerate(order):
        out[index] = printed[position]
    return tuple(out)


def _rotated_only(resolved: dict[str, Resolved]) -> bool:
    """Read by position, do the row totals hold only with 总计 taken as the first column? (Some rows hold
    so, none holds only the template's way: the header that would tell is missing.)"""
    first, rotated = column_orders()["total_first"], False
    for r in resolved.values():
        if not r.values or not all(isinstance(v, int) for v in r.values):
            continue
        usual, other = row_total_holds(r.values), row_total_holds(in_template_order(r.values, first))
        if usual and not other:
            return False  # (the usual table: answered at its first row that tells)
        rotated = rotated or (other and not usual)
    return rotated


def drop_org_subtotals(lines: list[tuple[int, str]], table_rows: list[Row]) -> int:
    """Rows of a table 三 printed with a 小计 column of the five organisation columns — after them (自然人 | 商业企业
    … 其他 | 小计 | 总计) or first under 法人或其他组织 (自然人 | 小计 | 商业企业 … 其他 | 总计): eight cells — made the
    template's seven, the 小计 cell dropped, when the header prints 小计 in one of those places
    (``_subtotal_place``) and at least one row of eight numbers proves the layout (``_wide_rows``). Then each row
    of eight cells loses its 小计, and a row of fewer is marked short (``_mark_short``). Returns how many rows are
    short. Before, every row had a cell too many and the whole table was lost (with 小计 first, until session 32:
    175 cells missing with row_extra_cells).

    >>> from .cells import region_to_rows
    >>> head = (1, "自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t小计\t总计")
    >>> rows = region_to_rows([head, (2, "一、本年新收政府信息公开申请数量\t14\t5\t3\t5\t9\t0\t22\t36"),
    ...                        (3, "（二）部分公开\t15\t3\t4\t0\t0\t7\t22")], WIDTH)
    >>> drop_org_subtotals([head], rows), [s.text for s in rows[-2].slots], rows[-1].short_of
    (1, ['14', '5', '3', '5', '9', '0', '36'], 8)
    >>> head = (1, "自然人 小计 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计")
    >>> rows = region_to_rows([head, (2, "一、本年新收政府信息公开申请数量 14 22 5 3 5 9 0 36")], WIDTH)
    >>> drop_org_subtotals([head], rows), [s.text for s in rows[-1].slots]
    (0, ['14', '5', '3', '5', '9', '0', '36'])
    """
    place = _subtotal_place(lines)
    if place is None:
        return 0
    wide, proven = _wide_rows(table_rows, place)
    if not proven:  # (no row tells the 小计 reading from a stray first cell: which is the table's is not known)
        return 0
    for row, kept in wide:
        row.slots = kept[:place] + kept[place + 1:]
        row.filled = len(row.filled_slots)
    return _mark_short(table_rows, {id(row) for row, _ in wide})


def _subtotal_place(lines: list[tuple[int, str]]) -> int | None:
    """Where in a row of eight cells the header prints the organisations' 小计: 6 after the organisations' 其他, 1
    right before the first organisation (商业企业, the first cell under 法人或其他组织, as some counties print the
    group's sum first); None for a header with no 小计 or one elsewhere (a row of zeros adds up in any place, so the
    place must be the header's).

    >>> _subtotal_place([(1, "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 小计 总计")])
    6
    >>> _subtotal_place([(1, "自然人 法人或其他组织 总计"), (2, "小计 商业企业 科研机构 社会公益组织 法律服务机构")])
    1
    >>> _subtotal_place([(1, "| 自然人 | 法人或其他组织 |  |"), (2, "|  | 小计 | 商业企业 | 科研机构 |")])
    1
    >>> _subtotal_place([(1, "自然人 商业企业 小计 科研机构 社会公益组织 法律服务机构 其他 总计")]) is None
    True
    """
    header = "".join(_header_lines(lines))
    other = _name_at(header, "other_org")
    if 0 <= other < header.find("小计", other):
        return 6
    cells = header.replace("|", "")  # (a pipe table's header: 小计 | 商业企业 stand side by side all the same)
    first = _name_at(cells, _ORGS[0])
    if first >= 2 and cells[first - 2:first] == "小计" and cells.count("小计") == 1:
        return 1
    return None


def _wide_rows(table_rows: list[Row], place: int) -> tuple[list[tuple[Row, list[Slot]]], bool]:
    """``([(row, its eight cells)], whether one proves the layout)``, the 小计 at ``place``. A row of eight proves
    it when its 小计 is the five's sum, 总计 = 自然人 + 小计, and it does not also hold read from its second cell (a
    stray first cell). A row of whole cells (tabs, a web or Word table: a blank cell is one) is cut by its place, a
    row of PDF text only when its numbers add up so (a blank there vanishes: eight numbers could be a lost cell and
    a stray one)."""
    wide, proven = [], False
    for row in table_rows:
        kept = spread_spans(trim_slots(row.slots, WIDTH + 1), WIDTH + 1)
        if len(kept) != WIDTH + 1:
            continue
        v = [read_cell(s.text)[0] for s in kept]
        seven = v[:place] + v[place + 1:]
        adds_up = all(isinstance(x, int) for x in v) and v[place] == sum(seven[1:6]) and v[7] == v[0] + v[place]
        # read from its second cell the row holds too (its 自然人 equals the 小计)? then this row proves nothing
        proven |= adds_up and (sum(v[1:7]) != v[7] or v[1:] == seven)
        if adds_up or all(s.structured for s in kept):
            wide.append((row, kept))
    return wide, proven


def _mark_short(table_rows: list[Row], cut: set[int]) -> int:
    """Each row with numbers of a 小计 table but those ``cut`` and fewer than eight cells has lost one, and which
    is not known: it gets ``short_of`` 8 and is read as missing (before, it was read as the template's seven, its
    小计 published as 其他 and each cell after the gap moved one column left). Returns how many."""
    short = [row for row in table_rows
             if id(row) not in cut and row.filled and len(trim_slots(row.slots, WIDTH + 1)) <= WIDTH]
    for row in short:
        row.short_of = WIDTH + 1
    return len(short)


def widen_without_total(lines: list[tuple[int, str]], table_rows: list[Row]) -> set[int]:
    """Rows of a table 三 printed without its 总计 column (自然人 | 商业企业 … 其他: six cells) made seven wide with the
    总计 left blank — never the six added up: a total the report does not print is not published. Only when the
    header names 自然人 and the five organisations and no 总计 or 合计, every row holds at most six cells, and only
    rows of six whole cells (a tab or pipe table's: none of its blanks can have vanished). Returns the ids of the
    rows widened (before, every row was one cell short and the whole table lost).

    >>> from .cells import region_to_rows
    >>> head = [(1, "自然人\\t商业企业\\t科研机构\\t社会公益组织\\t法律服务机构\\t其他")]
    >>> rows = region_to_rows(head + [(2, "一、本年新收政府信息公开申请数量\\t15\\t0\\t6\\t0\\t6\\t0")], WIDTH)
    >>> len(widen_without_total(head, rows)), [s.text for s in rows[-1].slots]
    (1, ['15', '0', '6', '0', '6', '0', ''])
    """
    header = "".join(_header_lines(lines))
    names = labels()["applicants"]
    if names["total"] in header or "合计" in header or names["natural_person"] not in header or any(
            _name_at(header, a) < 0 for a in _ORGS) or any(
            len(row.slots) > WIDTH - 1 for row in table_rows if row.filled_slots):
        return set()
    out = set()
    for row in table_rows:
        if len(row.slots) == WIDTH - 1 and all(s.structured for s in row.slots):
            row.slots.append(Slot("", row.slots[-1].line, structured=True))
            out.add(id(row))
    return out


def widen_group_subtotals(lines: list[tuple[int, str]], table_rows: list[Row]) -> dict[int, str]:
    """Rows of a table 三 printed with three columns, 自然人 | 法人或其他组织 | 总计 (the five organisation
    columns not apart), made seven cells wide with the five left blank: 自然人 and 总计 are printed, the five
    are not (their subtotal is no value of any of them). Only when the header names those three and none
    of the five and no row has more than three cells, and only rows of three numbers whose 总计 = 自然人 +
    法人或其他组织. Returns
    ``{id(row): printed subtotal}`` of the rows widened (before, every row was one of seven cells short and
    the whole table lost).

    >>> from .cells import region_to_rows
    >>> rows = region_to_rows([(1, "自然人 法人或其他组织 总计"), (2, "一、本年新收政府信息公开申请数量 3 2 5")], WIDTH)
    >>> widen_group_subtotals([(1, "自然人 法人或其他组织 总计")], rows), [s.text for s in rows[-1].slots]
    ({...: '2'}, ['3', '', '', '', '', '', '5'])
    """
    header = "".join(_header_lines(lines))
    names = labels()["applicants"]
    if _ORG_GROUP not in header or any(_name_at(header, a) >= 0 for a in _ORGS) or any(
            names[a] not in header for a in ("natural_person", "total")) or any(
            len(row.slots) > 3 for row in table_rows if row.filled_slots):
        return {}  # (a row of more cells: a table of seven whose header lost names, and whose blanks may have
        # vanished from a PDF's text: its three numbers may be any three of the seven)
    out = {}
    for row in table_rows:
        slots = [s for s in row.slots if not s.empty]
        if len(row.slots) != 3 or len(slots) != 3:
            continue
        values = [read_cell(s.text)[0] for s in slots]
        if not all(isinstance(v, int) for v in values) or values[0] + values[1] != values[2]:
            continue
        blank = [Slot("", slots[1].line, structured=True) for _ in _ORGS]
        out[id(row)] = slots[1].text
        row.clear_slots()
        for slot in [slots[0], *blank, slots[2]]:
            row.add(slot)
    return out
