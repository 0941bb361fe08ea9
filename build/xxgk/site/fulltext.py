"""Full-text search of the report texts: Pagefind (PyPI ``pagefind[extended]``, its binary in the wheel) run on
the built site after ``mkdocs build``. It indexes only the source pages (``src/*.html``: every report's whole
text, line by line), segments Chinese, and writes ``site/pagefind/``, which the header search
(``assets/search.js``) loads on demand — the index is split into fragments, so a query downloads only the
chunks for its words. The output is byte-identical for the same site (tested).

Agencies are not found through it: the agency search (``json/agencies.json``) matches names, pinyin,
initials, traditional characters, typos and regions, which Pagefind does not.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SOURCE_PAGES = "src/*.html"
OUTPUT = "pagefind"


def index_full_text(site_dir: Path) -> int:
    """Run Pagefind over ``site_dir``'s source pages; returns its exit code (0 = indexed)."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--glob", SOURCE_PAGES,
               "--output-subdir", OUTPUT, "--quiet"]
    return subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
