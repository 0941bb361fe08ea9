"""Reading time of hostile pages as they grow: each figure should grow about linearly with the size
(a page of unclosed <script> tags took 21 s at 160 KB and 61 s at 320 KB before the audit's fix).

    .venv/bin/python benchmarks/hostile_html.py
"""

from __future__ import annotations

import time

from xxgk.readers import read_bytes

PAGES = {
    "unclosed <script>": lambda n: b"<script>" * n,
    "unclosed <style>": lambda n: b"<style>x" * n,
    "'<a' without '>'": lambda n: b"<p>" + b"<a" * n,
    "nested <div>": lambda n: b"<div>" * n + b"x",
}


def main() -> None:
    for name, page in PAGES.items():
        figures = []
        for n in (50_000, 100_000, 200_000):
            data = page(n)
            start = time.perf_counter()
            read_bytes(data, ".html")
            figures.append(f"{len(data) // 1024} KB {time.perf_counter() - start:.3f} s")
        print(f"{name:<20} " + " | ".join(figures))


if __name__ == "__main__":
    main()
