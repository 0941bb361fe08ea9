{#- A static template (mkdocs.yml theme.static_templates), rendered once a build into assets/xxgk-shell.js. Every
    page loads it just before Material's bundle (main.html, block config) instead of carrying ≈ 2.4 KB of the same
    markup and data each (issue 16: the site's size on disk). It does, in order, what that markup did:
    Material's head script (partials/javascripts/base.html), the page's __config (main.html) and the search dialog
    (partials/xxgk-search-dialog.html, minified as the pages are, by the filter mkdocs_hooks.on_env adds). The
    site's root is this file's folder's parent: the same URL the pages' relative base_url gave. -#}
{%- import "partials/language.html" as lang with context -%}
{%- set features = config.theme.features or [] -%}
{%- set dialog %}{% include "partials/xxgk-search-dialog.html" %}{% endset -%}
/* xxgk: Material's page shell, written once here instead of on every page (see site_overrides/). */
(function () {
  var me = document.currentScript, root = new URL("..", me.src);
  window.__md_scope = root;
  /* Material's own definitions (partials/javascripts/base.html) */
  window.__md_hash = e => [...e].reduce((e, _) => (e << 5) - e + _.charCodeAt(0), 0);
  window.__md_get = (e, _ = localStorage, t = __md_scope) => JSON.parse(_.getItem(t.pathname + "." + e));
  window.__md_set = (e, _, t = localStorage, a = __md_scope) => { try { t.setItem(a.pathname + "." + e, JSON.stringify(_)); } catch (e) {} };
  var config = document.createElement("script");
  config.id = "__config";
  config.type = "application/json";
  config.textContent = JSON.stringify({
    base: root.href,
    features: {{ features | tojson }},
    translations: {{ {
      "search.result.placeholder": lang.t("search.result.placeholder"),
      "search.result.none": lang.t("search.result.none"),
      "search.result.one": lang.t("search.result.one"),
      "search.result.other": lang.t("search.result.other"),
      "search.result.more.one": lang.t("search.result.more.one"),
      "search.result.more.other": lang.t("search.result.more.other"),
      "search.result.term.missing": lang.t("search.result.term.missing")
    } | tojson }},
    search: new URL("assets/javascripts/workers/search.a7633da7.min.js", root).href
  });
  me.parentNode.insertBefore(config, me.nextSibling);
  var button = document.querySelector(".md-header label[for=__search]");
  if (button) button.insertAdjacentHTML("afterend", {{ dialog | xxgk_minify | tojson }});
})();
