"""``xxgk serve``: the built site over HTTP on 127.0.0.1, answering a missing path (and a folder without
``index.html``: no listings) with the site's ``404.html`` and status 404, as GitHub Pages does (old
``/r/<report_id>/`` URLs are resolved by that page, ``redirects.py``)."""

from __future__ import annotations

from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class SiteHandler(SimpleHTTPRequestHandler):
    """Files of ``directory``; a 404 gets the body of ``directory/404.html`` when there is one."""

    def list_directory(self, path):
        """No folder listings: GitHub Pages answers a folder without ``index.html`` (``/a/``,
        ``/report-card/<year>-<tier>/``) with 404, so the preview does too (the 404 page then says what there is)."""
        self.send_error(HTTPStatus.NOT_FOUND, "File not found")
        return None

    def send_head(self):
        """A path holding a NUL (``%00``) names no file: 404 (the standard handler raised on it, printed a traceback
        and dropped the connection)."""
        if "\x00" in self.translate_path(self.path):
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        return super().send_head()

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(code, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None


def server(site: Path, port: int = 8000, handler: type[SiteHandler] = SiteHandler) -> ThreadingHTTPServer:
    """A server of ``site`` on 127.0.0.1:``port`` (0: a free port), not yet serving."""
    return ThreadingHTTPServer(("127.0.0.1", port), partial(handler, directory=str(site)))
