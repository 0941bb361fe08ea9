"""``sitemap.xml`` and ``robots.txt``: every page of the built site a reader lands on, for search engines.

MkDocs' own sitemap named only the ≈ 10 pages it renders (the agency, report and source pages are rendered outside
it, ``bulk.py``), each with the build's date as ``lastmod``; the theme's template is emptied
(``site_overrides/sitemap.xml``) and this module writes the sitemap once the site is complete, from the pages on
disk — whatever rendered them, copied them from the page cache or linked them from the old site:

- a page is an ``.html`` file of the site (``index.html`` is its folder's address, ``a/x/``; the other files are
  the report pages ``a/x/2024.html`` and the source texts ``src/<id>.html``), but not ``404.html`` nor anything in
  a folder of assets and data (``NOT_PAGES``) or a dot folder;
- the source texts are listed: they are the only pages that hold the reports' whole text (a reader searching a
  sentence of a report lands there, and from there on its report page), and the official originals move;
- ``sitemap.xml`` is always an index naming ``sitemap-1.xml``, ``sitemap-2.xml``…, each of at most ``MAX_URLS``
  addresses and ``MAX_BYTES`` bytes (sitemaps.org's limits): one shape at every size, so the seeds' site takes the
  national site's path; each file also as ``.gz`` (MkDocs' convention; the index names the plain files);
- addresses are ``site_url`` plus the path percent-encoded (UTF-8), XML-escaped; no ``lastmod``: no date of the
  data says when a page last changed (the package's date is every page's, a report's publication date is not its
  page's), and a crawler that finds ``lastmod`` wrong ignores it;
- the pages are walked one folder at a time in code-point order (the same order, so the same bytes, for the same
  pages), written as they are found: memory holds one folder's names, not the site's addresses.

``robots.txt`` allows everything and names ``sitemap.xml`` by its address. Without ``site_url`` there is no address
to give: no sitemap (a relative or empty one misleads a crawler), and ``robots.txt`` without a ``Sitemap:`` line.
A crawler reads ``robots.txt`` only at a host's root: for a site published in a folder (GitHub Pages' project
sites), give ``sitemap.xml``'s address to the search engines' webmaster tools instead.

>>> page_url("https://example.org/xxgk/", "a/x&y/2024.html")
'https://example.org/xxgk/a/x%26y/2024.html'
"""

from __future__ import annotations

import gzip
import os
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote
from xml.sax.saxutils import escape

from .fulltext import OUTPUT as FULL_TEXT

SITE_URL_ENV = "XXGK_SITE_URL"  # the published address, read by mkdocs.yml (``site_url: !ENV [XXGK_SITE_URL, ""]``)
# an address MkDocs may write into every page as it is (its canonical link is not escaped): http(s), a host of
# letters, digits, dots and hyphens (an IDN in its xn-- form), a port, a path of URL characters without quotes,
# angle brackets, spaces or backslashes
_PLAIN_SITE_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~!$&()*+,;=:@%/-]*)?")
MAX_URLS = 50_000  # addresses a sitemap file may hold (sitemaps.org)
MAX_BYTES = 50 * 1024 * 1024  # bytes a sitemap file may hold, uncompressed (52,428,800: sitemaps.org)
NOT_PAGES = ("assets", "downloads", "json", FULL_TEXT, "search")  # top folders of files (not walked: many)
NOT_LISTED = ("404.html",)  # pages at the root no reader should land on from a search
INDEX = "sitemap.xml"
PART = "sitemap-{n}.xml"
XMLNS = "http://www.sitemaps.org/schemas/sitemap/0.9"
HEAD = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{XMLNS}">\n'.encode()
FOOT = b"</urlset>\n"


def check_site_url(url: str | None) -> str | None:
    """``url`` if it is a plain http(s) address, None if it is unset or empty; anything else raises ``ValueError``.

    >>> check_site_url("https://example.org/xxgk/"), check_site_url("")
    ('https://example.org/xxgk/', None)
    >>> check_site_url('https://x"><script>')
    Traceback (most recent call last):
    ...
    ValueError: not a plain http(s) address: 'https://x"><script>'
    """
    if not url:
        return None
    if _PLAIN_SITE_URL.fullmatch(url) is None:
        raise ValueError(f"not a plain http(s) address: {url!r}")
    return url


def page_paths(site: Path) -> Iterator[str]:
    """The address paths of the pages in ``site`` (relative to its root: ``""``, ``a/x/``, ``a/x/2024.html``), a
    folder's own page before its entries, the entries in code-point order."""
    yield from _walk(Path(site), "")


def _walk(folder: Path, prefix: str) -> Iterator[str]:
    with os.scandir(folder) as scan:
        entries = sorted((e.name, e.is_dir(follow_symlinks=False), e.is_file(follow_symlinks=False)) for e in scan)
    if any(name == "index.html" and is_file for name, _, is_file in entries):
        yield prefix
    for name, is_dir, is_file in entries:
        if name.startswith("."):  # the output marker, MkDocs' side folder while it is moved in
            continue
        if is_dir and (prefix or name not in NOT_PAGES):
            yield from _walk(folder / name, f"{prefix}{name}/")
        elif is_file and name.endswith(".html") and name != "index.html" and (prefix or name not in NOT_LISTED):
            yield prefix + name


def page_url(site_url: str, path: str) -> str:
    """The address of the page at ``path`` on a site published at ``site_url`` (MkDocs' canonical address)."""
    return _base(site_url) + quote(path, safe="/")


def _base(site_url: str) -> str:
    return site_url if site_url.endswith("/") else site_url + "/"


def write_sitemaps(site: Path, site_url: str | None) -> None:
    """``robots.txt`` and, with ``site_url``, the sitemap index and its sitemaps (each with its ``.gz``) of the
    pages in ``site``; sitemap files of an earlier run beyond the ones written are removed."""
    site = Path(site)
    written: list[str] = []
    if site_url:
        with _Parts(site) as parts:
            for path in page_paths(site):
                parts.add(escape(page_url(site_url, path)))
        written = parts.names
        index = "".join(f"<sitemap><loc>{escape(page_url(site_url, name))}</loc></sitemap>\n" for name in written)
        _write(site / INDEX, f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="{XMLNS}">\n'
                             f"{index}</sitemapindex>\n".encode())
        written.append(INDEX)
    for stale in site.glob("sitemap*.xml*"):
        if stale.name.removesuffix(".gz") not in written:
            stale.unlink()
    with _new(site / "robots.txt") as handle:
        handle.write(robots_txt(site_url).encode())


def robots_txt(site_url: str | None) -> str:
    """Every path allowed; the sitemap named by its address when the site has one.

    >>> print(robots_txt("https://example.org/xxgk/"), end="")
    User-agent: *
    Allow: /
    <BLANKLINE>
    Sitemap: https://example.org/xxgk/sitemap.xml
    """
    text = "User-agent: *\nAllow: /\n"
    return text + f"\nSitemap: {page_url(site_url, INDEX)}\n" if site_url else text


def _new(path: Path):
    """``path`` opened as a new file: one already there may be a hard link to the old site's (``previous.py``),
    which is never written."""
    path.unlink(missing_ok=True)
    return path.open("xb")


def _write(path: Path, data: bytes) -> None:
    with _new(path) as handle:
        handle.write(data)
    _gzip_of(path)


def _gzip_of(path: Path) -> None:
    """``path.gz`` beside ``path``: no name and no time in the header, so the same bytes on every build."""
    with path.open("rb") as source, _new(path.with_name(path.name + ".gz")) as raw, \
            gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as target:
        while chunk := source.read(1 << 20):
            target.write(chunk)


class _Parts:
    """The sitemap files ``sitemap-<n>.xml`` written as addresses come (``add``: one XML-escaped address), a new
    one when the next address would pass ``MAX_URLS`` or ``MAX_BYTES``; ``names``: the files written."""

    def __init__(self, site: Path):
        self.site, self.names = site, []
        self.handle = None
        self.count = self.size = 0

    def add(self, loc: str) -> None:
        entry = f"<url><loc>{loc}</loc></url>\n".encode()
        if len(HEAD) + len(entry) + len(FOOT) > MAX_BYTES:  # (a broken limit: addresses are short)
            raise ValueError(f"a sitemap address longer than a sitemap file may be: {loc[:200]}")
        if self.handle is None or self.count >= MAX_URLS or self.size + len(entry) + len(FOOT) > MAX_BYTES:
            self._next()
        self.handle.write(entry)
        self.count += 1
        self.size += len(entry)

    def _next(self) -> None:
        self._close()
        self.names.append(PART.format(n=len(self.names) + 1))
        self.handle = _new(self.site / self.names[-1])
        self.handle.write(HEAD)
        self.count, self.size = 0, len(HEAD)

    def _close(self) -> None:
        if self.handle is not None:
            self.handle.write(FOOT)
            self.handle.close()
            _gzip_of(Path(self.handle.name))
            self.handle = None

    def __enter__(self) -> _Parts:
        return self

    def __exit__(self, kind, *exc) -> None:
        if kind is None and self.handle is None:  # no page at all: one empty sitemap, so the index names one
            self._next()
        self._close()
