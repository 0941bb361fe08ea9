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
  /* Material's bundle asks for the page search's index (search/search_index.json: 130 KB, 29 KB gzipped) as it
     starts, on every page, and its worker then loads lunr's Chinese pipeline: a reader who never searches paid for
     it on each page they landed on, on a phone too. Its request (an XMLHttpRequest) is held here until the reader
     first reaches for the search box (as the agency search, xxgk.js searchScript), then sent: the dialog says
     正在初始化搜索引擎 meanwhile, as on a slow network, and the words typed are searched once it is ready. */
  var index = new URL("search/search_index.json", root).href, held = [], wanted = false;
  var xhrOpen = XMLHttpRequest.prototype.open, xhrSend = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.xxgkHeld = !wanted && new URL(url, location.href).href === index;
    return xhrOpen.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (this.xxgkHeld && !wanted) { held.push([this, arguments]); return; }
    return xhrSend.apply(this, arguments);
  };
  var want = function () {
    wanted = true;
    held.splice(0).forEach(function (h) { xhrSend.apply(h[0], h[1]); });
  };
  var query = document.querySelector("input.md-search__input"), opener = document.getElementById("__search");
  if (query) ["focus", "pointerdown"].forEach(function (e) { query.addEventListener(e, want); });
  if (opener) opener.addEventListener("change", want);
  /* the navigation drawer's switch is a label, which no keyboard reaches (and a label may not be given the role of
     a button): a real button inside it, holding its icon, takes the focus and the clicks (a click on a button in
     a label does not reach the label's checkbox, so the button sets it); opened from the keyboard, the focus goes
     to the menu's first link, Escape closes it and comes back here (xxgk.css keeps a closed drawer's links out of
     the tab order) */
  var label = document.querySelector(".md-header label[for=__drawer]"), toggle = document.getElementById("__drawer");
  if (label && toggle) {
    var open = document.createElement("button");
    open.type = "button";
    open.className = "xxgk-drawer-button";
    open.setAttribute("role", "button");
    open.setAttribute("aria-label", "导航菜单");
    open.setAttribute("aria-expanded", "false");
    while (label.firstChild) open.appendChild(label.firstChild);
    label.appendChild(open);
    var set = function (on) {
      toggle.checked = on;
      toggle.dispatchEvent(new Event("change"));
    };
    toggle.addEventListener("change", function () { open.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); });
    open.addEventListener("click", function (e) {
      e.preventDefault();
      set(!toggle.checked);
      var first = e.detail === 0 && toggle.checked && document.querySelector(".md-sidebar--primary a[href]");
      if (first) first.focus();  /* from the keyboard (Enter or Space: a click of no pointer) */
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && toggle.checked) { set(false); open.focus(); }
    });
  }
})();
