"""The theme shell every page shares is written once (``assets/xxgk-shell.js``, a static template) instead of on
every page: Material's search dialog, its ``__config`` and its head script. What a reader checks: no page carries
them any more, each page loads the script before Material's bundle, the dialog is Material's own, and in a real
browser the search opens and finds, on a page two folders down and after following a link."""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest

from .conftest import needs_chromium, wait_for

MATERIAL = Path(__import__("material").__file__).parent / "templates"


def _pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "src")


def _dialog(site: Path) -> str:
    """The dialog markup ``xxgk-shell.js`` inserts (its one ``insertAdjacentHTML`` argument, a JSON string)."""
    script = (site / "assets" / "xxgk-shell.js").read_text(encoding="utf-8")
    found = re.findall(r'insertAdjacentHTML\("afterend", ("(?:[^"\\]|\\.)*")\)', script)
    assert len(found) == 1
    return json.loads(found[0])


def test_no_page_carries_the_shell_and_each_loads_the_script_before_materials_bundle(built_site):
    pages = _pages(built_site)
    assert len(pages) >= 20 and any(p.name == "404.html" for p in pages)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "__config" not in html and "data-md-component=search " not in html and "__md_scope=" not in html
        assert "name=generator" not in html and "<meta charset=utf-8>" in html  # the rest of Material's head stays
        scripts = [s.get("src") or "" for s in lxml.html.fromstring(html).iter("script")]
        shell = [i for i, src in enumerate(scripts) if src.endswith("assets/xxgk-shell.js")]
        bundle = [i for i, src in enumerate(scripts) if "/javascripts/bundle." in src]
        assert len(shell) == 1 and len(bundle) == 1 and shell[0] < bundle[0], page
        assert lxml.html.fromstring(html).xpath("//header//label[@for='__search']"), "the search button stays"


def test_the_dialog_is_materials_own_search_partial_minified_as_the_pages_are(built_site):
    """The reference is Material's installed ``partials/search.html`` (not this site's copy), with the one change
    the site makes (a name on the dialog, WCAG aria-dialog-name), rendered by the site's theme and minified."""
    from mkdocs.config import load_config

    from xxgk.site.minify import minify_page

    text = (MATERIAL / "partials" / "search.html").read_text(encoding="utf-8")
    named = text.replace('role="dialog"', """role="dialog" aria-label="{{ lang.t('search') }}\"""")
    assert named.count('role="dialog" aria-label=') == 1
    config = load_config(str(built_site.parent / "mkdocs.yml"))
    env = config.theme.get_env()
    template = env.from_string('{% import "partials/language.html" as lang with context %}'
                               '{% set features = config.theme.features or [] %}' + named)
    expected = minify_page(template.render(config=config))
    assert _dialog(built_site) == expected
    assert "正在初始化搜索引擎" in expected and 'data-md-component=search-query' in expected


@needs_chromium
@pytest.mark.browser
def test_in_a_browser_the_config_and_dialog_are_the_pages_own_and_search_works(built_site, server, chromium):
    from selenium.webdriver.common.by import By

    from .conftest import report_page_files

    report = report_page_files(built_site)[0].relative_to(built_site).as_posix()  # a/<agency>/<year>.html
    chromium.get(f"{server}/{report}")
    config, scope = wait_for(lambda: chromium.execute_script(
        "var c = document.getElementById('__config');"
        "return c && window.__md_scope && [JSON.parse(c.textContent), __md_scope.href]"))
    assert config["base"] == server + "/" and scope == server + "/"  # the root, from two folders down
    assert config["search"] == server + "/assets/javascripts/workers/search.a7633da7.min.js"
    assert config["translations"]["search.result.none"] == "没有找到符合条件的结果"
    assert set(config["features"]) == {"search.suggest"}  # no instant navigation: see mkdocs.yml
    link = [a for a in chromium.find_elements(By.CSS_SELECTOR, "a.md-nav__link") if a.text.strip() == "机构索引"]
    chromium.set_window_size(1366, 1000)  # the primary navigation is shown at this width
    link[0].click()
    wait_for(lambda: chromium.current_url.endswith("/agencies/"))
    counts = chromium.execute_script(
        "return [document.querySelectorAll('.md-search').length, document.querySelectorAll('#__config').length]")
    assert counts == [1, 1]  # a page of its own, loaded whole
    chromium.find_element(By.CSS_SELECTOR, "label.md-search__icon, .md-search__input").click()
    chromium.find_element(By.CSS_SELECTOR, "input.md-search__input").send_keys("海城市数据局")
    assert wait_for(lambda: [r for r in chromium.find_elements(By.CSS_SELECTOR, ".md-search-result__item")
                             if "海城市数据局" in r.text], 20)
