"""The site's Content-Security-Policy: one policy, written as a ``<meta http-equiv>`` at the top of every page's head
(GitHub Pages sends no headers of a site's choosing). Defence in depth behind the escaping (``safe.py``): were a
report's text ever to reach a page as markup, a script in it would not run, a form would not post elsewhere, a
``<base>`` would not move the page's links and nothing would load from another host.

What each source is for:

* ``default-src 'self'``: every fetch, frame, font, worker and media from the site's own origin only (the site loads
  nothing from another host: readers in mainland China).
* ``script-src 'self' 'wasm-unsafe-eval'``: scripts only from the site's own files — no inline script and no inline
  handler (``onclick=``) runs, the site's own are in ``assets/*.js`` (the 404 page's ``assets/not-found.js``, the
  compare page's ``assets/compare-reserve.js``). The theme writes no inline script here (its head script and
  ``__config`` are in ``assets/xxgk-shell.js``, its content-tab script is left out: ``site_overrides/partials/
  javascripts/``); one that came back (a palette toggle, an announcement) would be refused and logged, and
  ``tests/test_h44hostile.py`` fails on any. ``'wasm-unsafe-eval'`` only because Pagefind (the full-text search)
  compiles its WebAssembly; it lets no JavaScript be evaluated.
* ``style-src 'self' 'unsafe-inline'``: styles are needed inline by the pages and by plotly — ``style=`` attributes
  the pages write (a chart's reserved ``min-height``, a bar's width, a table's grid), plotly's SVG attributes set as
  ``style`` (d3's ``.attr("style")``) and the ``<style>`` element it adds for its tool bar (``Lib.addStyleRule``).
  A style cannot run a script; what it could leak through a URL is held by ``img-src`` and ``default-src``.
* ``img-src 'self' data: blob:``: the site's images, the ``data:`` images the theme's style sheets use for icons,
  and the ``blob:`` image plotly draws a chart's SVG from for its PNG download (下载图表: refused, the download
  did not come). A ``blob:`` URL is made only by a script already running in the page.
* ``connect-src 'self' blob:``: the site's own files (JSON, Pagefind's index), and a ``blob:`` the page made itself
  (the CSV a download button builds): what a reader downloads can be read back from its link, as the browser tests
  read every download (``fetch`` of the link: refused under ``default-src`` alone). A ``blob:`` holds only what
  the page's own script put in it.
* ``object-src 'none'``, ``base-uri 'self'``, ``form-action 'self'``: no plugin content at all, no ``<base>`` to
  another host, no form sent elsewhere (the site's forms are GET forms to its own pages).

``frame-ancestors`` is not honoured in a ``<meta>`` (the browser logs an error for it), so it is not written.

>>> META.startswith('<meta http-equiv="Content-Security-Policy" content="default-src \\'self\\';')
True
>>> "'unsafe-inline'" in POLICY.split("script-src", 1)[1].split(";", 1)[0]
False
"""

from __future__ import annotations

SOURCES = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' data: blob:"),
    ("connect-src", "'self' blob:"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
POLICY = ";".join(f"{directive} {allowed}" for directive, allowed in SOURCES)
META = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
