"""What the browser downloads at scale, without running the whole pipeline: the package built from a few
synthetic reports is cloned to N reports (N/4 agencies of four years, names and regions varied), and the
browser data of ``site/browser_data.py`` is written from it. Prints gzipped sizes of one compare view's data,
the first header search and the largest measure file.

    .venv/bin/python -m benchmarks.browser_data_size 10000
"""

from __future__ import annotations

import argparse
import gzip
import random
import tempfile
from pathlib import Path

from benchmarks.synthetic import PROVINCES, write_reports
from xxgk.package.build import build_package
from xxgk.site.browser_data import browser_files, search_aux
from xxgk.site.data import Package
from xxgk.site.titles import report_paths

SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎"
SUFFIXES = ("市人民政府办公室", "县教育局", "区公安分局", "市发展和改革委员会", "县数据局", "市自然资源和规划局",
            "区卫生健康委员会", "县人民政府", "市生态环境局", "区市场监督管理局")


def _scaled(value: str | None, scale: float) -> str | None:
    return None if value is None else str(round(float(value) * scale))


def cloned(pkg: Package, count: int) -> Package:
    base = [r for r in pkg.tables["reports"] if r["agency_id"]][:4]
    rows = {name: [r for r in pkg.tables[name] if r["report_id"] in {b["report_id"] for b in base}]
            for name in ("applications", "review_litigation", "active_disclosure")}
    tables = {k: [] for k in ("reports", "agencies", "applications", "review_litigation", "active_disclosure")}
    tables["metrics"] = pkg.tables["metrics"]
    rng = random.Random(7)
    for n in range(count // 4):
        name = (SURNAMES[n % len(SURNAMES)] + SURNAMES[n // len(SURNAMES) % len(SURNAMES)] +
                SUFFIXES[n // len(SURNAMES) ** 2 % len(SUFFIXES)] + ("" if n < 25000 else str(n)))
        aid = f"agency-{n:05d}-{'x' * (n % 9)}"
        province = PROVINCES[n % len(PROVINCES)]
        tables["agencies"].append({"agency_id": aid, "name": name, "aliases": None, "province": province,
                                   "city": f"{SURNAMES[n % 7]}州市", "county": f"{SURNAMES[n % 11]}县",
                                   "tier": "county", "kind": "department", "system": None})
        for year, b in enumerate(base, start=2021):
            rid = f"{aid}-{year}"
            tables["reports"].append({**b, "report_id": rid, "agency_id": aid, "agency": name, "year": str(year),
                                      "province": province,
                                      "peer_group": f"{year}|county|{province}|department|"})
            scale = rng.uniform(0.2, 20)  # values differ between agencies, as real ones do
            for table, source in rows.items():
                tables[table] += [{**r, "report_id": rid, "value": _scaled(r["value"], scale)}
                                  for r in source if r["report_id"] == b["report_id"]]
    return Package(pkg.root, pkg.descriptor, tables)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        write_reports(4, Path(work) / "reports")
        build_package(Path(work) / "reports", Path(work) / "pkg", workers=1)
        pkg = cloned(Package.load(Path(work) / "pkg"), args.count)
    files = browser_files(pkg, report_paths(pkg.tables["reports"]))
    files["json/search.json"] = search_aux(pkg)
    gz = {k: len(gzip.compress(v.encode("utf-8"))) for k, v in files.items()}
    measures = {k: v for k, v in gz.items() if k.startswith("json/m/")}
    largest = max(measures, key=measures.get)
    compare = gz["json/agencies.json"] + gz["json/metrics.json"] + measures[largest]
    search = gz["json/agencies.json"] + gz["json/search.json"]
    print(f"{args.count} reports, {len(pkg.tables['agencies'])} agencies (gzipped sizes)")
    print(f"  agencies.json {gz['json/agencies.json'] / 1024:.0f} KiB; "
          f"metrics.json {gz['json/metrics.json'] / 1024:.0f} KiB; "
          f"search.json {gz['json/search.json'] / 1024:.0f} KiB; "
          f"largest measure {largest} {measures[largest] / 1024:.0f} KiB")
    print(f"  one compare view's data: {compare / 1024:.0f} KiB (+ the page, ≈ 3 KiB)")
    print(f"  first header search: {search / 1024:.0f} KiB (+ Material's page index, ≈ 9 KiB); later queries: 0")


if __name__ == "__main__":
    main()
