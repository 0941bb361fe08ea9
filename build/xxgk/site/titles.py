"""How a report is named on the site, and the front matter of generated pages."""

from __future__ import annotations

import json

from ..safe import file_name_text, page_title

SEARCH_EXCLUDED = "search:\n  exclude: true\n"  # pages that grow with the number of reports: the finder covers them
WIDE = "hide:\n  - toc\n"  # pages of wide tables: no table of contents, so nothing is hidden at 1366 px


def report_name(report: dict) -> str:
    """The publisher's canonical name (``agencies.name``), else the name the report prints, else its file."""
    return report.get("agency_name") or report["agency"] or f"（未识别机构）{file_name_text(report['source_file'])}"


def report_title(report: dict) -> str:
    """``格尔木市数据局 2025年度``; without a year, the name alone (never a dangling ``年度``)."""
    return f"{report_name(report)} {report['year']}年度" if report["year"] else report_name(report)


def report_titles_apart(reports: list[dict]) -> dict[str, str]:
    """``{report_id: report_title}``, a report sharing its agency and year with another named with its file too
    (``西城区数据局 2022年度（更正版.txt）``), as the lists of many reports show them. Session 53: the quality page
    listed a year's two reports of one agency (a revised one, a value changed) as two rows of 西城区数据局 2022年度
    with different counts, the reader unable to tell which was which.

    >>> named = report_titles_apart([{"report_id": "a", "agency_name": "甲局", "agency": "", "year": "2022",
    ...                               "agency_id": "x", "source_file": "a.txt"},
    ...                              {"report_id": "b", "agency_name": "甲局", "agency": "", "year": "2022",
    ...                               "agency_id": "x", "source_file": "b.pdf"},
    ...                              {"report_id": "c", "agency_name": "甲局", "agency": "", "year": "2023",
    ...                               "agency_id": "x", "source_file": "c.txt"}])
    >>> named["b"], named["c"]
    ('甲局 2022年度（b.pdf）', '甲局 2023年度')
    """
    def key(r: dict) -> tuple:
        return (r.get("agency_id"), r["year"])

    counts: dict[tuple, int] = {}
    for r in reports:
        counts[key(r)] = counts.get(key(r), 0) + 1
    return {r["report_id"]: report_title(r) + (f"（{file_name_text(r['source_file'])}）"
                                               if r.get("agency_id") and r["year"] and counts[key(r)] > 1 else "")
            for r in reports}


def described(text: str) -> str:
    """A page's own description as a front matter line (``<meta name=description>`` and the preview tags: what a
    search engine's snippet and a chat app's preview say), made safe as a title is (the theme prints it unescaped).

    >>> described('某局 2024年度<b>')
    'description: "某局 2024年度＜b＞"\\n'
    """
    return f"description: {json.dumps(page_title(text), ensure_ascii=False)}\n"


def report_description(report: dict) -> str:
    """A report page's description: its title (whose report, which year), then where (session 44: the title and the
    site's sentence, 某数据局 2024年度 — …, named neither the county nor the province of a name many counties share).

    >>> report_description({"agency_name": "某局", "agency": "", "year": 2024, "province": "甲省", "city": "乙市",
    ...                     "county": "", "source_file": "a.txt"})
    '某局 2024年度 — 甲省 乙市。政府信息公开工作年度报告的数据，每个数字都链接到原文的行'
    """
    where = " ".join(x for x in (report.get("province"), report.get("city"), report.get("county")) if x)
    return (f"{report_title(report)} — " + (f"{where}。" if where else "")
            + "政府信息公开工作年度报告的数据，每个数字都链接到原文的行")


def agency_description(agency: dict, years: list[int]) -> str:
    """An agency page's description: its name, where, and the years of its reports here.

    >>> agency_description({"name": "某局", "province": "甲省", "city": "", "county": ""}, [2021, 2023])
    '某局 — 甲省。2021–2023年度共2份政府信息公开工作年度报告的数据与历年比较'
    """
    where = " ".join(x for x in (agency.get("province"), agency.get("city"), agency.get("county")) if x)
    span = (f"{years[0]}年度" if len(set(years)) == 1 else f"{min(years)}–{max(years)}年度") if years else ""
    return (f"{agency['name']} — " + (f"{where}。" if where else "")
            + (f"{span}共{len(years)}份" if years else "") + "政府信息公开工作年度报告的数据与历年比较")


def front_matter(title: str, extra: str = "") -> str:
    """Front matter with ``title`` made safe for the theme (``safe.page_title``: it prints titles unescaped)."""
    return f"---\ntitle: {json.dumps(page_title(title), ensure_ascii=False)}\n{extra}---\n\n"


def agency_path(agency_id: str) -> str:
    """The agency page, relative to the site root: ``a/<agency_id>/``."""
    return f"a/{agency_id}/"


def counted_first(report: dict) -> tuple:
    """The order in which the files of one agency and year take the year (its plain page, its value in the charts):
    a read file before a file not read (``status`` failed: an explainer, a school year's …, never counted nor a
    copy, so its ``duplicate_of`` is empty as the counted report's is: session 45, an explainer first by report_id
    took the year's page and its value from the report), the one counted (``reports.duplicate_of`` empty,
    ``report_card.mark_counted``) before its copies, then by report_id.

    >>> rows = [{"report_id": "a", "status": "failed"}, {"report_id": "b", "status": "parsed", "duplicate_of": "c"},
    ...         {"report_id": "c", "status": "partial"}]
    >>> [r["report_id"] for r in sorted(rows, key=counted_first)]
    ['c', 'b', 'a']
    """
    return report.get("status") == "failed", bool(report.get("duplicate_of")), report["report_id"]


def report_paths(reports: list[dict], pageless: frozenset[str] = frozenset(),
                 source_only: frozenset[str] = frozenset()) -> dict[str, str]:
    """``{report_id: page path}``, the one definition of a report page's URL: ``a/<agency_id>/<year>.html``
    beside its agency's page (a file, no folder per report: one 4 KiB block less on disk each); a second report
    of the same agency and year gets ``<year>-<report_id>.html``, the plain ``<year>.html`` being the report counted
    for that year (``counted_first``; ``reports.duplicate_of`` empty: audit 28, it was the first by report_id, a file
    the agency's page and ranks do not count); a report with no agency or year gets ``r/<report_id>.html``; a report
    in ``pageless`` (``pageless_reports``) gets none; one in ``source_only`` (``source_only_reports``) its source page,
    ``src/<report_id>.html``, every link to it leading there. Earlier URLs (``a/<agency_id>/<year>/``,
    ``r/<report_id>/``) are resolved by the 404 page (``redirects.py``)."""
    out, seen = {}, set()
    for r in sorted(reports, key=counted_first):
        if r["report_id"] in pageless:
            continue
        if r["report_id"] in source_only:
            out[r["report_id"]] = f"src/{r['report_id']}.html"
            continue
        if not (r.get("agency_id") and r["year"]):
            out[r["report_id"]] = f"r/{r['report_id']}.html"
            continue
        key = (r["agency_id"], r["year"])
        leaf = str(r["year"]) if key not in seen else f"{r['year']}-{r['report_id']}"
        seen.add(key)
        out[r["report_id"]] = f"{agency_path(r['agency_id'])}{leaf}.html"
    return out


def pageless_reports(reports: list[dict], text_of) -> frozenset[str]:
    """The reports that get no page of their own: files that could not be read (``status`` failed), hold no text
    (``text_of(report_id)``, the package's source text) and name no agency, whose page and source page would say
    only the file's name, checksum and why it failed — what the quality page and the agency index say of them
    (``Site.pageless_note``), and ``reports.csv`` and ``findings.csv`` too. A folder of 10,000 empty files made a
    138 MB site of such pages, each in the sitemap and the search. A failed file of a known agency keeps its page:
    its agency's list of years leads to it.

    >>> rows = [{"report_id": "a", "status": "failed", "agency_id": None},
    ...         {"report_id": "b", "status": "failed", "agency_id": "x"},
    ...         {"report_id": "c", "status": "failed", "agency_id": None},
    ...         {"report_id": "d", "status": "parsed", "agency_id": None}]
    >>> sorted(pageless_reports(rows, {"a": "", "b": "", "c": "不是年报的文字", "d": ""}.get))
    ['a']
    """
    return frozenset(r["report_id"] for r in reports if r["status"] == "failed" and not r.get("agency_id")
                     and not text_of(r["report_id"]).strip())


def source_only_reports(reports: list[dict], pageless: frozenset[str]) -> frozenset[str]:
    """The reports whose page is their source page alone: files that could not be read as a report (``status``
    failed) and name no agency, but hold text (not ``pageless``): a note, a letter, a page of something else. Their
    report page said only the file's name, its checksum and 无法读取 with the reason, under the site's whole frame;
    their text is what a reader can look at, and the reason is said on the source page and the quality page. A
    folder of 10,000 such texts made 10,000 report pages beside their 10,000 source pages, each in the sitemap.

    >>> rows = [{"report_id": "a", "status": "failed", "agency_id": None},
    ...         {"report_id": "b", "status": "failed", "agency_id": "x"},
    ...         {"report_id": "c", "status": "failed", "agency_id": None},
    ...         {"report_id": "d", "status": "parsed", "agency_id": None}]
    >>> sorted(source_only_reports(rows, frozenset({"a"})))
    ['c']
    """
    return frozenset(r["report_id"] for r in reports if r["status"] == "failed" and not r.get("agency_id")
                     and r["report_id"] not in pageless)


def page_source(path: str) -> str:
    """The Markdown source a page path is built from: ``a/x/2024.html`` → ``a/x/2024.md``.

    >>> page_source("a/x/2024.html"), page_source("r/r000001-abc.html")
    ('a/x/2024.md', 'r/r000001-abc.md')
    """
    return path.removesuffix(".html") + ".md"


PAGE_FOLDERS = ("a", "r")  # the first segment of every report page's path (agency pages: ``a`` too)


def flat_page(src: str) -> bool:
    """Whether the page built from ``src`` is a report page, written as a file (``a/x/2024.md`` →
    ``a/x/2024.html``, MkDocs' ``use_directory_urls: false`` for that page alone) rather than a folder: the
    report pages ``a/<agency_id>/<leaf>.md`` (not the agency page, ``index.md``) and ``r/<report_id>.md``.

    >>> flat_page("a/x/2024.md"), flat_page("r/r1.md"), flat_page("a/x/index.md"), flat_page("report-card/y/z.md")
    (True, True, False, False)
    """
    parts = src.split("/")
    agency, orphan = PAGE_FOLDERS
    return ((len(parts) == 3 and parts[0] == agency and parts[2] != "index.md")
            or (len(parts) == 2 and parts[0] == orphan)) and src.endswith(".md")


def link_from(folder: str, target: str) -> str:
    """A relative link from a page in ``folder`` (``a/x/``) to the site path ``target``: the file's name when it is
    in that folder (a report page from its agency's page), else through the site root.

    >>> link_from("a/x/", "a/x/2024.html"), link_from("a/x/", "a/y/2024.html"), link_from("a/x/", "a/x/")
    ('2024.html', '../../a/y/2024.html', './')
    """
    if target.startswith(folder):
        return target[len(folder):] or "./"
    return up(folder) + target


def up(path: str) -> str:
    """The relative prefix from a page at ``path`` (``a/x/2024.html``; a folder ``a/x/``) back to the site root
    (``../../``)."""
    return "../" * path.count("/")
