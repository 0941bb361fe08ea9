/* A source page's one script (site/source_cite.py), shared by every source page: nothing a line in the page.
   - Each line number (drawn by CSS from data-n without this script) becomes a link to its line, #L212: a reader who
     had scrolled to line 212 could not get its address (audit 31). Clicking one marks the line (:target) and puts
     its address in the address bar without moving the page (the line's scroll margin would have jumped it).
   - The citation under the title gets today's date, and once a line is chosen (clicked, or opened by its address
     from a report page's value) a bar at the bottom of the screen gives that line's citation, its address and a
     button to copy both.
   - ← 返回报告页 goes back to the place in the report the reader came from, not to its top. */
(function () {
  "use strict";
  var box = document.querySelector(".xxgk-source");
  if (!box) return;
  box.querySelectorAll("[data-n]").forEach(function (line) {
    var a = document.createElement("a");
    a.className = "xxgk-ln";
    a.href = "#L" + line.dataset.n;
    a.dataset.ln = line.dataset.n;  /* drawn by CSS as the number was: no text of its own in a copied passage */
    a.setAttribute("aria-label", "第 " + line.dataset.n + " 行");
    line.insertBefore(a, line.firstChild);
  });
  box.classList.add("xxgk-linked");  /* xxgk.css: the links replace the numbers CSS drew */
  box.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a.xxgk-ln");
    if (!a || e.button || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    var x = window.scrollX, y = window.scrollY;
    location.hash = a.getAttribute("href");
    window.scrollTo(x, y);
    a.focus({preventScroll: true});
  });
  var today = new Date().toISOString().slice(0, 10);
  document.querySelectorAll("[data-xxgk-cite-date]").forEach(function (el) { el.textContent = today; });
  var cited = document.querySelector("[data-xxgk-src-cite] > span:first-child:not([data-xxgk-line-cite])");
  var bar = null, said = null, copy = null;
  function makeBar() {
    bar = document.createElement("div");
    bar.className = "xxgk-line-bar";
    bar.setAttribute("role", "region");
    bar.setAttribute("aria-label", "引用本行");
    said = document.createElement("p");
    copy = document.createElement("button");
    copy.type = "button";
    copy.textContent = "复制引用";
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "关闭";
    close.addEventListener("click", function () { bar.hidden = true; });
    copy.addEventListener("click", function () {
      var text = said.textContent;
      var done = function () { copy.textContent = "已复制"; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { select(); });
      } else select();
    });
    bar.appendChild(said);
    bar.appendChild(copy);
    bar.appendChild(close);
    /* fixed at the screen's foot, but next to the citation in the page: a keyboard reaches its buttons after the
       citation's links, not after every line's number (thousands of tab stops) */
    var cite = document.querySelector("[data-xxgk-src-cite]");
    if (cite) cite.parentNode.insertBefore(bar, cite.nextSibling);
    else document.body.appendChild(bar);
  }
  function select() {  /* no clipboard (a page served over http): the text selected, for the reader's own copy */
    var range = document.createRange();
    range.selectNodeContents(said);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }
  function chosen() {
    var m = /^#L([0-9]+)(c[0-9]+)?$/.exec(location.hash);
    if (!m || !document.getElementById(location.hash.slice(1))) {
      if (bar) bar.hidden = true;
      return;
    }
    if (!bar) makeBar();
    var url = location.href;
    said.textContent = (cited ? cited.textContent.replace(/^引用（GB\/T 7714）：/, "") + " " : "") +
      "原文第 " + m[1] + " 行，见 " + url;
    copy.textContent = "复制引用";
    bar.hidden = false;
    document.body.classList.add("xxgk-line-chosen");
  }
  /* ← 返回报告页 returns to where the reader left the report (the finding or number whose line they opened), not to
     its top (session 34): when this tab came here from that report, the link steps back through the tab's history
     past the lines chosen here, and the browser puts the report back where it was. Each of this page's entries
     keeps its depth (lines chosen since the report) in history.state; opened by its address or in a new tab, the
     link is the plain link to the report. */
  var depth = history.state && typeof history.state.xxgkDepth === "number" ? history.state.xxgkDepth : 0;
  function keepDepth() { history.replaceState(Object.assign({}, history.state, {xxgkDepth: depth}), ""); }
  keepDepth();
  window.addEventListener("popstate", function () {  /* a line chosen (a new entry: no state yet), or stepped to */
    if (history.state && typeof history.state.xxgkDepth === "number") depth = history.state.xxgkDepth;
    else { depth += 1; keepDepth(); }
  });
  /* a click on a way back (the link ``a``, to the page at ``path``) steps back past this page's entries when the entry
     there is that page: the browser's list of entries says so where it has one (the Navigation API); elsewhere,
     should the step lead nowhere (a tab begun on this page, its length counting entries ahead too), the link is
     followed after a moment: never a lost click */
  function stepBack(a, path) {
    return function (e) {
      if (e.button || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      var steps = depth + 1, nav = window.navigation;
      if (nav && nav.currentEntry && typeof nav.currentEntry.index === "number" && nav.entries) {
        var entry = nav.currentEntry.index >= steps ? nav.entries()[nav.currentEntry.index - steps] : null;
        var there = null;
        try { there = entry && entry.url ? new URL(entry.url).pathname : null; } catch (error) { there = null; }
        if (there !== path) return;  /* not the page before this one: the link as it is */
      }
      e.preventDefault();
      var left = false;
      window.addEventListener("pagehide", function () { left = true; }, {once: true});
      history.go(-steps);
      setTimeout(function () { if (!left) location.href = a.href; }, 1500);
    };
  }
  var back = document.querySelector("a[data-pagefind-meta='report[href]']");
  var from = null;
  try { from = new URL(document.referrer); } catch (error) { /* no page before this one: the links as they are */ }
  if (from && from.origin === location.origin && from.pathname !== location.pathname &&
      history.length >= depth + 2) {
    if (back && from.pathname === new URL(back.href).pathname) {
      back.addEventListener("click", stepBack(back, from.pathname));
    } else {
      /* came from another page of the site (数据质量's list of findings, the full-text search): a way back to the
         finding there too, before the link to the report's top (session 34: only the browser's own back led there) */
      var before = document.createElement("a");
      before.href = from.href;
      before.textContent = "← 返回上一页";
      before.addEventListener("click", stepBack(before, from.pathname));
      var ways = (back || document.querySelector("main > p a")).parentNode;  /* (not ``bar``: the citation's) */
      ways.insertBefore(document.createTextNode("　"), ways.firstChild);
      ways.insertBefore(before, ways.firstChild);
    }
  }
  window.addEventListener("hashchange", chosen);
  chosen();
})();
