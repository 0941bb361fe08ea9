"""A source page's citation and licence line: how a journalist quotes one line of a report's text.

The source page (``report_page.source_page``) is the report's text with line anchors, ``#L212``. A reader who had
scrolled to line 212 found neither a way to its address (the line numbers were drawn by CSS, not links) nor what to
write under the quote: the report, its agency, its year, where it was published, under what terms. This module writes
the paragraph that says so, under the page's title: the citation (GB/T 7714) of the report as published (its agency
the author; its publication date and official address when the package has them, never guessed), how to address one
line, and the licence. Without JavaScript that is all, and true. ``assets/source.js`` (the page's only script, shared
by every source page: no bytes a line) makes each line number a link to its line and completes the citation with the
chosen line, this page's address and the access date, as the reader clicks a number or opens a line's address.
"""

from __future__ import annotations

from ..safe import link_url
from .render import esc, link

# the one script of a source page (``assets/source.js``), loaded after the text: its numbers become links at once
SOURCE_SCRIPT = '<script src="../assets/source.js"></script>'


def source_citation(report: dict) -> str:
    """The paragraph under a source page's title: the report cited as published, how to cite one line, the licence.

    >>> r = {"agency": "某局", "agency_name": "", "year": "2024", "source_file": "a.txt",
    ...      "published_date": "2025-01-20", "source_url": "https://a.gov.cn/nb.html"}
    >>> html = source_citation(r)
    >>> "某局. 某局 2024年度政府信息公开工作年度报告[EB/OL]. (2025-01-20)" in html
    True
    >>> '<a href="https://a.gov.cn/nb.html"' in html, "CC BY 4.0" in html, "#L12" in html
    (True, True, True)
    >>> "javascript" in source_citation({**r, "source_url": "javascript:alert(1)", "published_date": ""})
    False
    >>> "佚名. 2024年度政府信息公开工作年度报告[EB/OL]. (2025-01-20)" in source_citation({**r, "agency": ""})
    True
    >>> "GB/T" in source_citation({**r, "agency": "", "status": "failed"})  # (a note, not a report)
    False
    """
    # a report no agency is known for is cited all the same, its author 佚名 (GB/T 7714-2015 8.1.2: 责任者情况不明的
    # 文献注明“佚名”): without it a reader who copied a line got 原文第 3 行，见 <address> alone, and the official
    # address and date the manifest gave were left out. Never the file's name as author (（未识别机构）a.txt), nor a
    # year not known; a text not read as a report and naming no agency (a note, a letter: titles.source_only_reports)
    # is not cited as an annual report at all
    name = report.get("agency_name") or report.get("agency") or ""
    year = report.get("year") or ""
    cited = ""
    if name or report.get("status") != "failed":
        title = " ".join(part for part in (name, f"{year}年度" if year else "") if part)
        published = f"({esc(report['published_date'])})" if report.get("published_date") else ""
        url = report.get("source_url") or ""
        where = f" {link(url)}." if link_url(url) else ""  # (an address that is not http(s) is no address to cite)
        cited = (f'<span>引用（GB/T 7714）：{esc(name or "佚名")}. {esc(title)}'
                 f"政府信息公开工作年度报告[EB/OL]. {published}[<span data-xxgk-cite-date>引用日期</span>].{where}"
                 "</span><br>")
    return ('<p class="xxgk-src-cite" data-pagefind-ignore data-xxgk-src-cite>' + cited
            + '<span data-xxgk-line-cite>引用某一行：本页网址加 #L 和行号，如第 12 行为本页网址#L12。</span><br>'
            '<small>报告原文版权归发布机关；本站的行号、摘录与数据以 CC BY 4.0（知识共享 署名 4.0）发布，'
            '<a href="../data/#cite">如何引用本站数据</a>。</small></p>\n')
