"""The installed theme's files listed once a process (``site/theme_listing.py``): the same names as MkDocs' own
listing, an installed folder walked once, the project's own theme folder every time (its files may change)."""

from __future__ import annotations

import shutil
from pathlib import Path

import jinja2
import material

from .conftest import ROOT


def test_installed_theme_folders_are_walked_once_and_the_project_s_every_time(tmp_path, monkeypatch):
    from xxgk.site.theme_listing import ListedOnce

    overrides = tmp_path / "site_overrides"
    shutil.copytree(ROOT / "site_overrides", overrides)
    folders = [str(overrides), str(Path(material.__file__).parent / "templates")]
    plain = jinja2.FileSystemLoader(folders).list_templates()
    assert ListedOnce(folders).list_templates() == plain  # the same names, in the same order

    walked = []
    walk = jinja2.loaders.os.walk
    monkeypatch.setattr(jinja2.loaders.os, "walk", lambda top, **kw: walked.append(top) or walk(top, **kw))
    (overrides / "added.css").write_text("a{}", encoding="utf-8")
    again = ListedOnce(folders).list_templates()
    assert walked == [str(overrides)]  # Material's 14,000 files not walked again; before: both folders, each build
    assert again == sorted([*plain, "added.css"])  # the project's folder read as it is now


def test_every_theme_environment_mkdocs_makes_lists_through_it(tmp_path):
    from mkdocs.config import load_config

    from xxgk.site.template_cache import CACHE, cache_theme_environments
    from xxgk.site.theme_listing import ListedOnce

    cache_theme_environments()
    # (docs_dir: site_src/ is made by the build, absent from a fresh clone)
    environment = load_config(str(ROOT / "mkdocs.yml"), docs_dir=str(tmp_path)).theme.get_env()
    assert type(environment.loader) is ListedOnce and environment.bytecode_cache is CACHE
