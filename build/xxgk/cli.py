"""The ``xxgk`` command: one verb per stage.

    xxgk parse reports/002_b58105edacdfa4c5.txt      # what the parser saw
    xxgk parse FILE --json                           # the record as JSON
    xxgk package --reports reports --out datapackage # the Frictionless data package
    xxgk build                                       # package + pages + mkdocs build into site/
    xxgk agencies --reports reports                  # each report's publisher as resolved, with evidence
    xxgk serve                                       # preview the built site/ (after xxgk build)

Errors are one line on stderr and a non-zero exit: 2 for a request refused (a missing --reports,
an output folder that is not xxgk's, another build running), 1 for anything else.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .catalog import labels
from .safe import terminal_name, terminal_text


def print(*values, sep: str = " ", end: str = "\n", file=None) -> None:  # noqa: A001
    """Everything the command prints passes ``safe.terminal_text``: file names and report text may
    carry escape sequences that would rewrite the user's terminal."""
    (file or sys.stdout).write(terminal_text(sep.join(map(str, values))) + end)


def read_and_parse(path: str):
    """What ``xxgk parse`` shows of one file: ``(the reading's findings, whether it was read, its record)``
    (an unreadable file's record is that of no text). Run in a budgeted worker (``_parsed``): the file is
    untrusted, like every report."""
    from .parser import parse
    from .readers import read_path

    source = read_path(path)
    return source.findings, source.ok, parse(source.parse_text)


def _parsed(path: str):
    """``read_and_parse(path)`` within the build's per-file budget (CPU time, wall time, memory); a file over it gives
    its finding, printed as the build would list it, and None."""
    from .findings import Finding
    from .package.collect import in_budgeted_worker

    outcome = in_budgeted_worker(read_and_parse, path)
    if isinstance(outcome, Finding):
        print(f"[{outcome.severity}] {outcome.code}: {outcome.message}", file=sys.stderr)
        return None
    return outcome


def _print_record(path: str) -> int:
    parsed = _parsed(path)
    if parsed is None:
        return 1
    findings, ok, record = parsed
    for finding in findings:
        print(f"[{finding.severity}] {finding.code}: {finding.message}")
    if not ok:
        return 1
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
            placed = f"  [{cells[0].placed_by}]" if cells[0].placed_by not in (None, "label") else ""
            print(f"  line {str(cells[0].line or '-'):>5}  {key:<28} {shown}{placed}")
    print(f"\n== findings: {len(record.findings)}")
    for f in record.findings:
        print(f"  [{f.severity}] {f.code} line {f.line or '-'}: {f.message}")
    return 0


def _package(args, alongside=None) -> int:
    """``xxgk package``; ``alongside``: ``build_package``'s (what runs while the package is validated)."""
    from .package.build import build_package

    if args.dask:  # parse on a Dask cluster (pip install 'xxgk[dask]')
        from distributed import Client

        with Client(args.dask) as client:
            reports, errors = build_package(args.reports, args.out, executor=client,
                                            progress=_progress(args), cache_dir=_cache_dir(args),
                                            store_dir=args.store, alongside=alongside)
    else:
        reports, errors = build_package(args.reports, args.out, workers=args.workers, progress=_progress(args),
                                        budgeted=True,  # --workers 1 too: CPU, wall time and memory per file
                                        cache_dir=_cache_dir(args), store_dir=args.store, alongside=alongside)
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
    import os

    from .folders import Refused, check_apart, check_output, check_reports, locked
    from .safe import terminal_text
    from .site import mkdocs_process
    from .site.build import build_site
    from .site.sitemap import SITE_URL_ENV, check_site_url

    site, site_src, out = Path(args.site), Path("site_src"), Path(args.out)
    check_reports(Path(args.reports))  # every folder checked before any work
    check_output(out, Path(args.reports), "--out")
    check_output(site, Path(args.reports), "--site", {"--out": out, "site_src": site_src})
    check_output(site_src, Path(args.reports), "site_src", {"--out": out})
    if _cache_dir(args) is not None:  # (--reports and --out: checked where the package is built)
        check_apart(Path(args.cache_dir), "--cache-dir", {"--site": site, "site_src": site_src})
    if not Path("mkdocs.yml").is_file():  # the site is the project's: its mkdocs.yml, hooks and theme overrides
        raise Refused("xxgk build runs in the project folder (the one holding mkdocs.yml); "
                      "`xxgk package` makes the data package anywhere")
    try:  # the address every page names: checked before any work (MkDocs writes it into pages as it is)
        check_site_url(os.environ.get(SITE_URL_ENV))
    except ValueError as error:
        raise Refused(f"{SITE_URL_ENV}: {terminal_text(error)}") from None
    with locked(out), locked(site), locked(site_src):  # one build at a time in these folders
        mkdocs_process.warm()  # (MkDocs' server loads its libraries while the package is built)
        built: list[int] = []

        def site_beside(package: Path, verdict) -> None:
            """The site, built from the written package while it is validated; swapped in only if it is valid."""
            import gc

            gc.collect()  # what the package writer left (its collector was paused)
            built.append(build_site(package, site_src, site, strict=args.strict, cache_dir=_cache_dir(args),
                                    gate=lambda: not verdict())[0])

        code = _package(args, alongside=site_beside)
        if not code and built and built[0]:  # (the package is in place: say the site is not, in one line)
            # (on a first build there is no previous site: it said "site is the previous site" of a folder not there)
            kept = f"{args.site} is the previous site" if Path(args.site).exists() else f"{args.site} was not made"
            print(f"xxgk: error: the site was not built (MkDocs or Pagefind failed, exit code {built[0]}: see "
                  f"above); {kept}, the package in {args.out} the new one", file=sys.stderr)
        return code or built[0]


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


def _agencies(args) -> int:
    """Each report's publisher as resolved (region, tier, kind, 系统, id) and the evidence used."""
    from .agency.registry import identity_of, peer_group
    from .folders import check_reports
    from .package.collect import collect

    folder = check_reports(Path(args.reports))  # refused like the other verbs' --reports
    for report in collect(folder, workers=None, budgeted=True):
        who = identity_of(report)
        region = " / ".join(x for x in (who.province, who.city, who.county) if x) or "地区未知"
        print(f"{terminal_name(report.source_file)}\n  {who.name or '机构未识别'}  [{who.agency_id or '-'}]  {region}  "
              f"tier={who.tier or '-'} kind={who.kind or '-'} 系统={who.system or '-'}  "
              f"peer_group={peer_group(report.record.year, who) or '-'}")
        for line in who.evidence:
            print(f"    · {line}")
        for finding in who.findings:
            print(f"    [{finding.severity}] {finding.code}: {finding.message}")
    return 0


def _serve(args) -> int:
    """The built ``site/`` on http://127.0.0.1:8000/ (``mkdocs serve`` would miss the report, agency and
    source pages: they are rendered outside MkDocs by ``xxgk build``); a missing path gets ``404.html``."""
    from .folders import Refused
    from .site.serve import server

    if not Path("site", "index.html").is_file():
        raise Refused("no built site in site/: run `xxgk build` first")
    httpd = server(Path("site"))
    print("Serving site/ on http://127.0.0.1:8000/ (Ctrl-C to stop)")
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run one verb; an error is one line on stderr and a non-zero exit, never a traceback."""
    import os

    from .folders import Refused

    try:
        return _main(argv)
    except Refused as error:
        print(f"xxgk: refused: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("xxgk: interrupted", file=sys.stderr)
        return 130
    except OSError as error:
        where = f": {terminal_name(error.filename)}" if error.filename else ""
        print(f"xxgk: error: {error.strerror or type(error).__name__}{where}", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - the promise is one line, not a traceback
        if os.environ.get("XXGK_DEBUG"):
            raise
        message = " ".join(str(error).split())[:300]
        print(f"xxgk: error: {type(error).__name__}: {message} (XXGK_DEBUG=1 shows the traceback)", file=sys.stderr)
        return 1


def _main(argv: list[str] | None = None) -> int:
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
        q.add_argument("--workers", type=positive, default=None,
                       help="parse processes, 1 or more (default: all cores); 1: the package written in one too")
        q.add_argument("--quiet", action="store_true", help="no progress bar")
        q.add_argument("--dask", metavar="SCHEDULER", help="parse on a Dask cluster (e.g. tcp://10.0.0.5:8786)")
        q.add_argument("--cache-dir", default=".xxgk-cache",
                       help="parse cache: unchanged files are not parsed again (default .xxgk-cache/)")
        q.add_argument("--no-cache", action="store_true", help="parse every file; neither read nor write the cache")
        q.add_argument("--store", metavar="DIR", default=None,
                       help="folder for the parsed records while building (with --dask: storage every worker and "
                            "this machine reach); default: a temporary folder beside --out")
        if name == "build":
            q.add_argument("--site", default="site", help="built site (default site/)")
            q.add_argument("--strict", action="store_true", help="fail on any MkDocs warning")
    verbs.add_parser("serve", help="preview the built site/ on http://127.0.0.1:8000/ (after xxgk build)")
    q = verbs.add_parser("agencies", help="list each report's publisher as resolved, with the evidence "
                                          "(example: xxgk agencies --reports reports)")
    q.add_argument("--reports", default="reports", help="folder of report files (default reports/)")
    args = parser.parse_args(argv)
    if args.verb == "parse":
        if args.json:
            if (parsed := _parsed(args.file)) is None:
                return 1
            findings, _, record = parsed
            out = record.to_dict()
            out["findings"] = [f.to_dict() for f in findings] + out["findings"]
            print(json.dumps(out, ensure_ascii=False, indent=2))
            return 0
        return _print_record(args.file)
    return {"package": _package, "build": _build, "serve": _serve, "agencies": _agencies}[args.verb](args)


if __name__ == "__main__":
    sys.exit(main())
