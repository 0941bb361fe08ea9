"""The small JSON files the browser reads (compare page, league table, header search), from the package only.

Sharded so that one view loads little: ``json/agencies.json`` (who each agency is: the finder, the filters and
the chart names; ``labels``: the Chinese names of tiers and kinds, from ``labels.py``), ``json/metrics.json``
(the published metric definitions, each with its chart colour) and one ``json/m/<code>.json`` per
measure (its value for each agency and year, ``peer``: each peer group's median, by the group's number, and
``w``: why a year's value is missing, ``{agency_id: {year: reason}}``, the data's ``metric_values.missing``, whose
words and sentences ``agencies.json``'s ``labels.missing`` gives), and
``json/peer-groups.json`` (:data:`PEER_GROUPS`: each agency's peer group a year, by that number, once for every
measure: an agency's median a year in each of the 26 measure files was ≈ 55 % of them, ≈ 0.7 KB a report of the
site). A compare view loads agencies.json + metrics.json + peer-groups.json + one measure file; the league table
agencies.json + metrics.json + one measure file; the header search agencies.json + search.json.

Values come from :func:`xxgk.package.metrics.report_values`, the one evaluator of the published formulas.
When an agency has two reports for one year, the first by report_id gives the value (the other is still on
its own report page). Written compact with sorted keys: byte-identical for the same package.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from statistics import median

from ..agency.ids import place_pinyin
from ..catalog import table
from ..package.metrics import (
    reads_table_2_only,
    report_results,
    round_half_up,
    table2_edition,
)
from ..package.report_card import copies
from .data import Package
from .labels import browser_labels
from .render import metric_colour
from .titles import counted_first

PEER_GROUPS = "json/peer-groups.json"  # {"a": {agency_id: {year: group number}}, "g": the numbering's stamp}


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _number(value):
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def agency_years(pkg: Package) -> dict[str, dict[int, dict]]:
    """``{agency_id: {year: report row}}``: one report per agency-year, the one counted (``reports.duplicate_of``
    empty: ``report_card.mark_counted``), a file not read (failed) only where no read one is (``titles.counted_first``),
    else the first by report_id."""
    out: dict[str, dict[int, dict]] = {}
    for r in sorted(pkg.tables["reports"], key=counted_first):
        if r.get("agency_id") and r["year"]:
            out.setdefault(r["agency_id"], {}).setdefault(int(r["year"]), r)
    return out


def series_values(reports: list[dict], years: dict[str, dict[int, dict]], values: Mapping[str, Mapping]
                  ) -> dict[str, Mapping]:
    """``{report_id: values}`` for each report ``years`` takes for its agency-year: its own values, save a value
    another report of that agency and year gives otherwise, which is None. Two files of one agency and year that
    disagree (a second edition, or a file that claims another agency's year) leave the series unsure: before, the
    first by ``report_id`` — by file name, which whoever adds a file chooses — was the agency's chart and the compare
    page's value. Both stay in the data and on their pages, with their ``duplicate_report`` findings. A report that
    gives no value (a cell lost in one copy of the report) disagrees with none: before, one copy's lost cell hid
    the other's number from every chart and the agency page said the reports disagreed.

    >>> rows = [{"report_id": i, "agency_id": "x", "year": "2024"} for i in ("a", "b")]
    >>> years = {"x": {2024: rows[0]}}
    >>> series_values(rows, years, {"a": {"n": 99, "m": 1, "k": 5}, "b": {"n": 11, "m": 1, "k": None}})["a"]
    {'n': None, 'm': 1, 'k': 5}
    """
    others: dict[tuple[str, int], list[str]] = {}
    for r in reports:
        if r.get("agency_id") and r["year"]:
            others.setdefault((r["agency_id"], int(r["year"])), []).append(r["report_id"])
    out: dict[str, Mapping] = {}
    for aid, mine in years.items():
        for year, r in mine.items():
            rid, same = r["report_id"], others.get((aid, year), [])
            own = values[rid]
            if len(same) > 1:  # (one report a year, the usual case: its own values, not copied)
                own = {code: v if all(values[o][code] in (v, None) for o in same) else None
                       for code, v in own.items()}
            out[rid] = own
    return out


def peer_medians(pkg: Package, values: Mapping[str, Mapping]) -> dict[str, dict[str, tuple]]:
    """``{peer_group: {metric: (median, n)}}`` over the reports of each peer group (missing values left out; a
    byte-identical copy of another report, ``report_card.copies``, counted once)."""
    groups: dict[str, list[str]] = {}
    copied = copies(pkg.tables["reports"])
    for r in pkg.tables["reports"]:
        if r.get("peer_group") and r["report_id"] not in copied:
            groups.setdefault(r["peer_group"], []).append(r["report_id"])
    codes = [m["code"] for m in pkg.tables["metrics"]]
    out = {}
    for key, ids in sorted(groups.items()):
        out[key] = {}
        for code in codes:
            xs = [values[i][code] for i in ids if values[i][code] is not None]
            out[key][code] = (_number(round_half_up(median(xs), 1)), len(xs)) if xs else (None, 0)
    return out


def browser_files(pkg: Package, report_urls: dict[str, str], values: Mapping[str, Mapping] | None = None,
                  years: dict[str, dict[int, dict]] | None = None, peers: dict[str, dict[str, tuple]] | None = None,
                  series: Mapping[str, Mapping] | None = None,
                  table2: Mapping[str, str | None] | None = None,
                  missing: Mapping[str, Mapping] | None = None) -> dict[str, str]:
    """``{path under the site root: JSON text}``. ``values``, ``years``, ``peers``, ``series``, ``table2`` and
    ``missing`` as the pages read them (``metric_values``' values, ``agency_years``, ``peer_medians``,
    ``series_values``, table 二's edition per report: ``summaries.Summaries.table2``, ``metric_values.missing``);
    computed here from a loaded package if absent (``report_results``, the one evaluator).

    An agency's ``e19`` lists its years whose report uses the 2019 template (``reports.format``, table 三's); ``t19``,
    only where it differs, the years whose table 二 does (a measure of table 二 alone, ``t2`` in ``metrics.json``,
    takes that edition, as the agency page does: before, the compare page called a 2019 table 二's missing
    行政规范性文件 numbers 无数据 under a 2021 table 三, and a 2021 table 二's lost ones 不适用 under a 2019 one)."""
    metrics = pkg.tables["metrics"]
    if values is None or missing is None:
        results = report_results(pkg.tables, metrics)
        values = {rid: {c: v for c, (v, _) in mine.items()} for rid, mine in results.items()} if values is None \
            else values
        missing = {rid: {c: w for c, (_, w) in mine.items()} for rid, mine in results.items()} if missing is None \
            else missing
    years = agency_years(pkg) if years is None else years
    peers = peer_medians(pkg, values) if peers is None else peers
    series = series_values(pkg.tables["reports"], years, values) if series is None else series
    table2 = _table2_editions(pkg) if table2 is None else table2
    agencies = []
    for a in pkg.tables["agencies"]:
        mine = sorted(years.get(a["agency_id"], {}).items())
        e19 = [y for y, r in mine if r["format"] == "2019"]
        t19 = [y for y, r in mine if (table2.get(r["report_id"]) or r["format"]) == "2019"]
        agencies.append({"id": a["agency_id"], "n": a["name"], "al": a["aliases"] or "",
                         "p": a["province"] or "", "c": a["city"] or "", "x": a["county"] or "",
                         "t": a["tier"] or "", "k": a["kind"] or "", "s": a["system"] or "",
                         "y": {str(y): report_urls[r["report_id"]] for y, r in mine}, "e19": e19}
                        | ({"t19": t19} if t19 != e19 else {}))
    files = {"json/agencies.json": _dumps({"agencies": agencies, "labels": browser_labels()}),
             "json/metrics.json": _dumps({"metrics": [
                 {"code": m["code"], "label": m["label_zh"], "unit": m["unit"], "group": m["group"],
                  "formula": m["formula"], "formula_2019": m["formula_2019"] or "", "editions": m["editions"],
                  "comparable": m["comparable"] != "false", "colour": metric_colour(m["code"]),
                  "t2": reads_table_2_only(m["formula"])} for m in metrics]})}
    # each peer group an agency's report is in, numbered once for every measure (in the groups' order)
    number = {g: i for i, g in enumerate(sorted({r["peer_group"] for mine in years.values()
                                                    for r in mine.values() if r.get("peer_group") in peers}))}
    groups = {aid: row for aid, mine in years.items()
              if (row := {str(y): number[r["peer_group"]] for y, r in mine.items() if r.get("peer_group") in number})}
    # the numbering's stamp, in both files: a measure file and a peer-groups file of two builds (the site published
    # again while a compare page was open, or one of them from a browser's cache) numbered the groups apart, and
    # compare.js gave an agency's year another group's median; it pairs them only when the stamps match
    stamp = hashlib.sha256(_dumps(sorted(number)).encode("utf-8")).hexdigest()[:12]
    files[PEER_GROUPS] = _dumps({"a": groups, "g": stamp})
    for m in metrics:
        code, by_agency, reasons = m["code"], {}, {}
        # a group of byte-identical copies only (the manifest names them apart) has no median: none
        peer = {str(n): list(peers[g][code]) for g, n in number.items() if peers[g][code][0] is not None}
        for aid, mine in years.items():
            row = {str(y): series[r["report_id"]][code] for y, r in mine.items()
                   if series[r["report_id"]][code] is not None}
            if row:
                by_agency[aid] = row
            # why a year's value is missing, as the data says it (a share of 0 is 无从计算, no missing number; a blank
            # cell, a table not read, a sum that does not hold …): the compare page says it, as the agency pages do;
            # none where the year's reports disagree (the series' None, not the report's)
            why = {str(y): missing[r["report_id"]][code] for y, r in sorted(mine.items())
                   if values[r["report_id"]][code] is None and missing[r["report_id"]][code]}
            if why:
                reasons[aid] = why
        files[f"json/m/{code}.json"] = _dumps({"code": code, "v": by_agency, "peer": peer, "g": stamp}
                                              | ({"w": reasons} if reasons else {}))
    return files


def _table2_editions(pkg: Package) -> dict[str, str | None]:
    """``{report_id: table 二's edition}`` of a loaded package, as ``summaries.summarise`` gathers it."""
    if "active_disclosure" in pkg.tables:  # (``Package.load``: every resource in memory)
        measures: dict[str, set[str]] = {}
        for row in pkg.tables["active_disclosure"]:
            measures.setdefault(row["report_id"], set()).add(row["measure"])
        return {r["report_id"]: table2_edition(measures.get(r["report_id"], set())) for r in pkg.tables["reports"]}
    return {report["report_id"]: table2_edition({r["measure"] for r in rows["active_disclosure"]})
            for report, rows in pkg.stream(("active_disclosure",))}


# the 3,755 characters of GB 2312's first level (the commonly used ones, in pinyin order): their readings and their
# traditional forms are in search.json too, so a short name typed with a homophone (海成 or 海誠 for 海城) is told
# from one sharing a character (assets/search.js, ``replaced``): ≈ 60 KB, ≈ 24 KB gzipped, loaded once with the
# agency list
COMMON_HAN = tuple(bytes((high, low)).decode("gb2312") for high in range(0xB0, 0xD8) for low in range(0xA1, 0xFF)
                   if (high, low) < (0xD7, 0xFA))


def search_aux(pkg: Package) -> str:
    """``json/search.json``: for every character of an agency or region name, its pinyin (as read in the
    names) and its traditional forms, so the header search matches pinyin, initials and 繁體 without
    shipping a pinyin per agency; and the reading of each common character (``COMMON_HAN``), so a short name typed
    with a homophone is found. Built with pypinyin and OpenCC at build time. And ``short``: the short forms
    readers type for a name's part (``rules/agency_short_names.csv``, the resolver's own: 科委 → 科学技术委员会). And
    ``spell``: names with a spelling of their own (``rules/pinyin_spellings.csv``: 陕西 is shaanxi, as the agency ids
    spell it), so ``shaanxi`` finds 陕西's agencies as well as ``shanxi`` does, and every region named whose
    characters read otherwise than the place is called (``agency.ids.place_pinyin``: ``changning`` finds 长宁区's
    agencies, read zhang ning character by character)."""
    from opencc import OpenCC
    from pypinyin import lazy_pinyin

    s2t = OpenCC("s2t")
    names, regions = set(), set()
    for a in pkg.tables["agencies"]:
        names.update(x for x in (a["name"], a["province"], a["city"], a["county"]) if x)
        regions.update(x for x in (a["province"], a["city"], a["county"]) if x)
        names.update(x for x in (a["aliases"] or "").split("|") if x)
    pinyin: dict[str, str] = {}
    traditional: dict[str, str] = {}
    converted: dict[str, str] = {}  # s2t of each distinct character, converted once
    for name in sorted(names):
        han = "".join(c for c in name if "\u4e00" <= c <= "\u9fff")  # one syllable per character
        for char, reading in zip(han, lazy_pinyin(han), strict=True):
            pinyin.setdefault(char, reading.lower())
        for char in name:
            trad = converted.get(char)
            if trad is None:
                trad = converted[char] = s2t.convert(char)
            if trad != char:
                traditional[trad] = char
    for char in COMMON_HAN:  # after the names: a name's reading wins
        if char not in pinyin:
            pinyin[char] = lazy_pinyin(char)[0].lower()
        trad = converted.get(char)
        if trad is None:
            trad = converted[char] = s2t.convert(char)
        if trad != char:  # 誠 typed for 诚: read as its simplified form (海誠, a slip for 海城, found nothing)
            traditional.setdefault(trad, char)
    short = {row["short"]: row["full"] for row in table("agency_short_names")}
    spell = {row["name"]: row["spelling"] for row in table("pinyin_spellings")}
    for region in sorted(regions):  # 长宁区 is changningqu, as its agencies' ids spell it (characters: zhang ning)
        if (called := place_pinyin(region)) != "".join(pinyin.get(char, "") for char in region):
            spell[region] = called
    return _dumps({"py": pinyin, "t2s": traditional, "short": short, "spell": spell})
