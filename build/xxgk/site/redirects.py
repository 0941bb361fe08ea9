"""Old report URLs without a folder or a redirect page each: a sharded map the 404 page looks up.

A report's page is a file beside its agency's page (``a/<agency_id>/<year>.html``, ``titles.report_paths``).
Its earlier URLs were ``r/<report_id>/``, then ``a/<agency_id>/<year>/``. Instead of a redirect page per
report (two 4 KiB blocks on disk each: 0.8 GB at 100,000 reports), the 404 page (``site_overrides/404.html``,
served for every missing path by GitHub Pages and ``xxgk serve``) resolves them: ``a/<agency_id>/<year>/`` by
its rule (the same folder and name, ``.html``), and ``r/<report_id>/`` through ``json/r/<shard>.json`` —
``{report_id: page path}`` for every report, ``<shard>`` the first :func:`shard_digits` hex digits of
:func:`shard_key` — of which it fetches the one shard the URL needs, then ``location.replace``s to the page
(only ever a page path of the same site). The number of digits grows with the number of reports, so that a
shard holds ``SHARD_TARGET`` entries or fewer on average (≈ 60 bytes each: a few KB a fetch at any scale); the
404 page reads it from ``assets/site.json`` (``config.extra``).

>>> shard_key("a"), shard_key("foobar")  # FNV-1a's published test vectors
('e40c292c', 'bf9cf968')
>>> shard_key("r000034-f53c72"), shard_digits(5), shard_digits(2000), shard_digits(100_000)
('1eca82ff', 1, 1, 3)
"""

from __future__ import annotations

import json

SHARD_TARGET = 128  # entries a shard holds at most on average
FOLDER = "json/r"
META_KEY = "redirect_shard_digits"  # in assets/site.json, read by the 404 page


def shard_key(report_id: str) -> str:
    """FNV-1a (32 bits) of the id's UTF-8 bytes, 8 hex digits: the 404 page computes the same in JavaScript."""
    h = 0x811C9DC5
    for byte in report_id.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return f"{h:08x}"


def shard_digits(moved: int) -> int:
    """Hex digits of a shard's name for ``moved`` entries: the fewest (at least 1) giving ≤ ``SHARD_TARGET``
    entries a shard on average."""
    digits = 1
    while moved > SHARD_TARGET * 16 ** digits and digits < 8:
        digits += 1
    return digits


def redirect_maps(report_urls: dict[str, str]) -> tuple[int, dict[str, str]]:
    """``(digits, {path under the site: JSON text})`` of the map shards for ``{report_id: page path}``
    (every report with a page: none has it at ``r/<report_id>/`` any more; a report without one,
    ``titles.pageless_reports``, is not in the map, so its old address says 页面不存在), deterministic (sorted keys)."""
    moved = {rid: url for rid, url in report_urls.items() if url != f"r/{rid}/"}
    digits = shard_digits(len(moved))
    shards: dict[str, dict[str, str]] = {}
    for rid, url in moved.items():
        shards.setdefault(shard_key(rid)[:digits], {})[rid] = url
    return digits, {f"{FOLDER}/{name}.json": json.dumps(entries, ensure_ascii=False, sort_keys=True,
                                                         separators=(",", ":"))
                    for name, entries in sorted(shards.items())}
