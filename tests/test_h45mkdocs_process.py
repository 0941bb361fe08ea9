"""Session 45: ``mkdocs build`` forked from a server that has loaded MkDocs, the theme, jieba's word list and
pypinyin once (``site/mkdocs_process.py``), and the theme's templates compiled once a process
(``site/template_cache.py``). Neither may change a byte of the site, nor what MkDocs reads from the caller."""

from __future__ import annotations

import multiprocessing
import sys
from pathlib import Path

import jinja2
import pytest

from .conftest import ROOT


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def seeds_site_src(seed_package, tmp_path_factory):
    """The seeds' pages (``site_src``) and a mkdocs.yml that builds them."""
    from xxgk.site.build import config_for, write_site_src

    package, _, _ = seed_package
    work = tmp_path_factory.mktemp("h45-mkdocs")
    write_site_src(package, work / "site_src")
    return work / "site_src", config_for(work / "site_src", work / "mkdocs.yml", ROOT)


def _render(seeds_site_src, out: Path) -> dict[str, bytes]:
    from xxgk.site.build import render_site

    site_src, config = seeds_site_src
    code, _ = render_site(site_src, config, out, strict=True)
    assert code == 0
    return _tree(out)


def test_the_forked_mkdocs_builds_the_bytes_a_fresh_python_m_mkdocs_builds(seeds_site_src, tmp_path, monkeypatch):
    from xxgk.site import mkdocs_process

    forked = _render(seeds_site_src, tmp_path / "forked")  # (the templates of this process's earlier builds, if any)
    monkeypatch.setattr(mkdocs_process.multiprocessing, "get_all_start_methods", lambda: ["fork", "spawn"])
    fresh = _render(seeds_site_src, tmp_path / "fresh")  # no forkserver: python -m mkdocs, as before
    assert "index.html" in forked and "about/index.html" in forked
    assert forked.keys() == fresh.keys()
    assert [name for name in forked if forked[name] != fresh[name]] == []


def test_mkdocs_reads_the_environment_and_folder_of_the_build_not_of_the_servers_start(seeds_site_src, tmp_path,
                                                                                        monkeypatch):
    # the server was started by an earlier build of this process with no XXGK_SITE_URL; the canonical links come
    # from the one set now (mkdocs.yml: site_url: !ENV [XXGK_SITE_URL, ""])
    _render(seeds_site_src, tmp_path / "first")
    monkeypatch.setenv("XXGK_SITE_URL", "https://example.org/xxgk/")
    monkeypatch.chdir(tmp_path)
    site = _render(seeds_site_src, tmp_path / "second")
    assert b"<link href=https://example.org/xxgk/about/ rel=canonical>" in site["about/index.html"]  # (minified)
    assert b"https://example.org/xxgk/" not in _tree(tmp_path / "first")["about/index.html"]


def _loaded(queue) -> None:  # (in a child of the server)
    import jieba

    queue.put((jieba.dt.initialized, "pypinyin.constants" in sys.modules, "material.plugins.search.plugin"
               in sys.modules))


@pytest.mark.skipif("forkserver" not in multiprocessing.get_all_start_methods(), reason="no forkserver here")
def test_each_build_forks_from_a_server_that_has_loaded_the_word_list_and_the_pinyin(seeds_site_src, tmp_path):
    _render(seeds_site_src, tmp_path / "site")  # (the server is started by a build)
    context = multiprocessing.get_context("forkserver")
    queue = context.Queue()
    child = context.Process(target=_loaded, args=(queue,))
    child.start()
    child.join(60)
    assert queue.get(timeout=10) == (True, True, True)


def test_a_compiled_template_is_taken_only_by_an_environment_that_compiles_it_the_same_way():
    from xxgk.site.template_cache import MemoryCache

    cache, sources = MemoryCache(), {"t.html": "{{ x }}|{% if y %}y{% endif %}"}

    def rendered(**options) -> str:
        env = jinja2.Environment(loader=jinja2.DictLoader(sources), bytecode_cache=cache, **options)
        return env.get_template("t.html").render(x="<b>", y=1)

    assert rendered() == "<b>|y"
    assert rendered() == "<b>|y" and len(cache.entries) == 1  # taken from the cache, not compiled again
    assert rendered(autoescape=True) == "&lt;b&gt;|y"  # escaping is compiled in: not the code compiled without
    assert rendered(variable_start_string="[[", variable_end_string="]]") == "{{ x }}|y"
    sources["t.html"] = "{{ x }}!"  # a changed source is compiled afresh (its checksum)
    assert rendered() == "<b>!"
    copy = MemoryCache()
    copy.restore(cache.snapshot())  # what the MkDocs process is handed
    assert copy.entries.keys() == cache.entries.keys()
    env = jinja2.Environment(loader=jinja2.DictLoader(sources), bytecode_cache=copy)
    assert env.get_template("t.html").render(x="<b>") == "<b>!"


def test_the_search_plugin_s_settings_compile_no_template_again_in_a_process(seeds_site_src, tmp_path, monkeypatch):
    # the search plugin reads its language's settings through three theme environments of its own as each build's
    # configuration is read (the bulk renderer's in each worker, MkDocs' in each forked build): each compiled
    # Material's language templates again (session 57: they compile through the process's template cache)
    from xxgk.site.bulk import Renderer

    _, config = seeds_site_src
    Renderer(config, tmp_path / "one")
    compiled = []
    compile_template = jinja2.Environment.compile

    def counted(self, source, name=None, *args, **kwargs):
        compiled.append(name)
        return compile_template(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    search = Renderer(config, tmp_path / "two").config.plugins["material/search"].config
    assert compiled == []  # before: partials/language.html, partials/languages/zh-CN.html and en.html, thrice
    assert search.lang == ["zh"] and search.separator  # (read as before)


_STARTED_BEFORE_THE_PACKAGE = """
import sys
from multiprocessing import forkserver
import xxgk.package.build
from xxgk import cli

def build_package(*args, **kwargs):  # what the server was doing when the package's work began
    print("server running:", forkserver._forkserver._forkserver_pid is not None, flush=True)
    raise SystemExit(0)

xxgk.package.build.build_package = build_package
cli.main(["build", "--reports", sys.argv[1], "--out", sys.argv[2], "--site", sys.argv[3], "--no-cache", "--quiet"])
"""


@pytest.mark.skipif("forkserver" not in multiprocessing.get_all_start_methods(), reason="no forkserver here")
def test_xxgk_build_starts_the_mkdocs_server_before_it_parses_so_it_loads_meanwhile(tmp_path):
    # (session 47: the server was started when the pages were written, and a small site's build waited 2 of its
    # 6 seconds for it to load MkDocs, jieba's word list and pypinyin; it now loads while the package is built)
    import os
    import shutil
    import subprocess

    shutil.copytree(ROOT / "reports", tmp_path / "reports")
    said = subprocess.run([sys.executable, "-c", _STARTED_BEFORE_THE_PACKAGE, str(tmp_path / "reports"),
                           str(tmp_path / "pkg"), str(tmp_path / "site")], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert "server running: True" in said.stdout, said.stdout + said.stderr
