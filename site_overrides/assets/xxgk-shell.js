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
  /* the navigation drawer's switch is a label, which no keyboard reaches: it takes the focus and works as a
     button (Enter or Space; a pointer still clicks the label as before); opened, the keyboard goes to the menu's
     first link, Escape closes it and comes back here (xxgk.css keeps a closed drawer's links out of the tab order) */
  var open = document.querySelector(".md-header label[for=__drawer]"), toggle = document.getElementById("__drawer");
  if (open && toggle) {
    open.tabIndex = 0;
    open.setAttribute("role", "button");
    open.setAttribute("aria-label", "导航菜单");
    open.setAttribute("aria-expanded", "false");
    open.classList.add("xxgk-drawer-button");
    var set = function (on) {
      toggle.checked = on;
      toggle.dispatchEvent(new Event("change"));
    };
    toggle.addEventListener("change", function () { open.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); });
    open.addEventListener("keydown", function (e) {
      if (e.key !== "Enter" && e.key !== " ") return;
      e.preventDefault();
      set(!toggle.checked);
      var first = toggle.checked && document.querySelector(".md-sidebar--primary a[href]");
      if (first) first.focus();
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && toggle.checked) { set(false); open.focus(); }
    });
  }
})();
