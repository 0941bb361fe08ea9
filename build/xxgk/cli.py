"""The ``xxgk`` command: one verb per stage.

    xxgk parse reports/002_b58105edacdfa4c5.txt      # what the parser saw
    xxgk parse FILE --json                           # the record as JSON
    xxgk package --reports reports --out datapackage # the Frictionless data package
    xxgk build                                       # package + pages + mkdocs build into site/
    xxgk serve                                       # preview the site
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .catalog import labels


def _print_record(path: str) -> int:
    from .parser import parse
    from .readers import read_path

    source = read_path(path)
    for finding in source.findings:
        print(f"[{finding.severity}] {finding.code}: {finding.message}")
    if not source.ok:
        return 1
    record = parse(source.parse_text)
    print(f"机构 agency: {record.agency}  年度 year: {record.year}  格式 formats: {record.formats}")
    print(f"发布日期 published: {record.published_date}  统计期 period: {record.period_start} – {record.period_end}")
    print("章节 sections: " + ", ".join(f"{labels()['sections'][c]} (line {n})"
                                       for c, n in record.section_lines.items()))
    for table in ("active", "applications", "review_litigation"):
        facts = [f for f in record.facts if f.table == table]
        print(f"\n== {table}: {len(facts)} cells")
        rows: dict[str, list] = {}
        for fact in facts:
            rows.setdefault(fact.keys[0], []).append(fact)
        for key, cells in rows.items():
            shown = " ".join("·" if c.value is None else str(c.value) for c in cells)
            print(f"  line {str(cells[0].line or '-'):>5}  {key:<28} {shown}")
    print(f"\n== findings: {len(record.findings)}")
    for f in record.findings:
        print(f"  [{f.severity}] {f.code} line {f.line or '-'}: {f.message}")
    return 0


def _package(args) -> int:
    from .package.build import build_package

    if args.dask:  # parse on a Dask cluster (pip install 'xxgk[dask]')
        from distributed import Client

        with Client(args.dask) as client:
            reports, errors = build_package(args.reports, args.out, executor=client.get_executor(),
                                            progress=_progress(args), cache_dir=_cache_dir(args))
    else:
        reports, errors = build_package(args.reports, args.out, workers=args.workers, progress=_progress(args),
                                        cache_dir=_cache_dir(args))
    failed = sum(r.status == "failed" for r in reports)
    print(f"{len(reports)} reports ({failed} failed) → {args.out}")
    for error in errors:
        print(f"invalid: {error}", file=sys.stderr)
    return 1 if errors else 0


def _cache_dir(args) -> str | None:
    return None if args.no_cache else args.cache_dir


def _progress(args) -> bool:
    import os

    return not args.quiet and sys.stderr.isatty() and not os.environ.get("CI")


def _build(args) -> int:
    code = _package(args)
    if code:
        return code
    from .site.build import build_site

    return build_site(Path(args.out), Path("site_src"), Path(args.site), strict=args.strict)


def _serve(args) -> int:
    import subprocess

    return subprocess.call([sys.executable, "-m", "mkdocs", "serve", "-f", "mkdocs.yml"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="xxgk", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    verbs = parser.add_subparsers(dest="verb", required=True)
    p = verbs.add_parser("parse", help="show what the parser saw in one file (example: xxgk parse r.txt)")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="print the record as JSON")
    for name, helptext in (("package", "write the data package (example: xxgk package --out datapackage)"),
                           ("build", "package + site pages + mkdocs build (example: xxgk build)")):
        q = verbs.add_parser(name, help=helptext)
        q.add_argument("--reports", default="reports", help="folder of report files (default reports/)")
        q.add_argument("--out", default="datapackage", help="package folder (default datapackage/)")
        q.add_argument("--workers", type=int, default=None, help="parse processes (default: all cores)")
        q.add_argument("--quiet", action="store_true", help="no progress bar")
        q.add_argument("--dask", metavar="SCHEDULER", help="parse on a Dask cluster (e.g. tcp://10.0.0.5:8786)")
        q.add_argument("--cache-dir", default=".xxgk-cache",
                       help="parse cache: unchanged files are not parsed again (default .xxgk-cache/)")
        q.add_argument("--no-cache", action="store_true", help="parse every file; neither read nor write the cache")
        if name == "build":
            q.add_argument("--site", default="site", help="built site (default site/)")
            q.add_argument("--strict", action="store_true", help="fail on any MkDocs warning")
    verbs.add_parser("serve", help="preview the site with mkdocs serve")
    args = parser.parse_args(argv)
    if args.verb == "parse":
        if args.json:
            from .parser import parse
            from .readers import read_path

            source = read_path(args.file)
            record = parse(source.parse_text)
            out = record.to_dict()
            out["findings"] = [f.to_dict() for f in source.findings] + out["findings"]
            print(json.dumps(out, ensure_ascii=False, indent=2))
            return 0
        return _print_record(args.file)
    return {"package": _package, "build": _build, "serve": _serve}[args.verb](args)


if __name__ == "__main__":
    sys.exit(main())
