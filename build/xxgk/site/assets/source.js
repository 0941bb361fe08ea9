/* A source page's one script (site/source_cite.py), shared by every source page: nothing a line in the page.
   - Each line number (drawn by CSS from data-n without this script) becomes a link to its line, #L212: a reader who
     had scrolled to line 212 could not get its address (audit 31). Clicking one marks the line (:target) and puts
     its address in the address bar without moving the page (the line's scroll margin would have jumped it).
   - The citation under the title gets today's date, and once a line is chosen (clicked, or opened by its address
     from a report page's value) a bar at the bottom of the screen gives that line's citation, its address and a
     button to copy both.
   - ← 返回报告页 goes back to the place in the report the reader came from, not to its top.
   - The keyboard: the line numbers are one stop of the Tab order, not one each (session 48: a long report's
     hundreds of links took as many presses of Tab to pass); the chosen line's number is that stop, else the first
     line's, and the arrow keys move from number to number (Home, End: the first, the last), Enter choosing one. A
     form under the citation, 转到第几行, chooses a line by its number. */
(function () {
  "use strict";
  var box = document.querySelector(".xxgk-source");
  if (!box) return;
  var numbers = [];
  box.querySelectorAll("[data-n]").forEach(function (line) {
    var a = document.createElement("a");
    a.className = "xxgk-ln";
    a.href = "#L" + line.dataset.n;
    a.dataset.ln = line.dataset.n;  /* drawn by CSS as the number was: no text of its own in a copied passage */
    a.setAttribute("aria-label", "第 " + line.dataset.n + " 行");
    if (line.id) a.setAttribute("aria-describedby", line.id);  /* the line's words, heard after its number as the arrow
                                                                  keys reach it (before: the number alone) */
    a.tabIndex = -1;  /* out of the Tab order but one (``stop``): the arrow keys move between them */
    line.insertBefore(a, line.firstChild);
    numbers.push(a);
  });
  box.classList.add("xxgk-linked");  /* xxgk.css: the links replace the numbers CSS drew */
  var stop = null;
  function stopAt(a) {  /* the one line number Tab reaches */
    if (!a || a === stop) return;
    if (stop) stop.tabIndex = -1;
    stop = a;
    stop.tabIndex = 0;
  }
  function numberOf(hash) {  /* the line number's link of #L12 (or #L12c3, a span of the line), or null */
    var m = /^#L([0-9]+)(c[0-9]+)?$/.exec(hash), line = m && document.getElementById("L" + m[1]);
    return line && line.querySelector("a.xxgk-ln");
  }
  stopAt(numberOf(location.hash) || numbers[0]);
  /* a line chosen here is said (the bar that cites it is at the screen's foot, out of a screen reader's way) */
  var heard = document.createElement("p");
  heard.className = "xxgk-unseen";
  heard.setAttribute("role", "status");
  box.parentNode.insertBefore(heard, box);
  function choose(a, scroll) {  /* the line marked and cited, its address in the address bar */
    var x = window.scrollX, y = window.scrollY, same = location.hash === a.getAttribute("href");
    location.hash = a.getAttribute("href");
    if (!scroll) window.scrollTo(x, y);  /* a number clicked: the page does not move (its scroll margin) */
    else if (same) a.parentNode.scrollIntoView();  /* (the same address again: no hashchange, no scroll) */
    stopAt(a);
    a.focus({preventScroll: true});
    heard.textContent = "已选定第 " + a.dataset.ln + " 行，本行的引用见页面底部。";
  }
  box.addEventListener("click", function (e) {
    var a = e.target.closest && e.target.closest("a.xxgk-ln");
    if (!a || e.button || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    choose(a);
  });
  box.addEventListener("keydown", function (e) {
    var a = e.target.closest && e.target.closest("a.xxgk-ln"), at = numbers.indexOf(a);
    var to = {ArrowUp: at - 1, ArrowDown: at + 1, Home: 0, End: numbers.length - 1}[e.key];
    if (!a || to === undefined || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    var next = numbers[Math.max(0, Math.min(numbers.length - 1, to))];
    e.preventDefault();
    stopAt(next);
    next.focus();
  });
  var cite = document.querySelector("[data-xxgk-src-cite]");
  function goTo() {  /* 转到第几行: a line chosen by its number, for a keyboard (the numbers are one Tab stop), written
                       into its place kept in the page (.xxgk-goto: written in, it moves nothing) */
    var form = document.createElement("form");
    var label = document.createElement("label");
    label.htmlFor = "xxgk-goto-line";
    label.textContent = "转到第几行（共 " + numbers.length + " 行）：";
    var input = document.createElement("input");
    input.id = "xxgk-goto-line";
    input.type = "number";
    input.min = "1";
    input.max = String(numbers.length);
    input.inputMode = "numeric";
    input.required = true;
    var go = document.createElement("button");
    go.type = "submit";
    go.textContent = "转到";
    var said = document.createElement("span");  /* a number the page has not, said in words (not the browser's) */
    said.setAttribute("role", "status");
    said.className = "xxgk-goto-said";
    form.noValidate = true;
    form.appendChild(label);
    form.appendChild(input);
    form.appendChild(go);
    form.appendChild(said);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var a = /^[0-9]+$/.test(input.value.trim()) && numbers[parseInt(input.value, 10) - 1];
      said.textContent = a ? "" : "请输入 1 至 " + numbers.length + " 之间的行号。";
      input.setAttribute("aria-invalid", a ? "false" : "true");
      if (a) choose(a, true);  /* (the browser scrolls to the line, above its citation bar) */
    });
    var place = document.querySelector("div.xxgk-goto");
    if (place) place.appendChild(form);
    else if (cite) {  /* (a page written before the place was kept) */
      place = document.createElement("div");
      place.className = "xxgk-goto";
      place.appendChild(form);
      cite.parentNode.insertBefore(place, cite.nextSibling);
    }
  }
  if (numbers.length) goTo();
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
    close.addEventListener("click", function () {  /* the keyboard back on the line, not lost to the page's top */
      bar.hidden = true;
      if (stop) stop.focus({preventScroll: true});
    });
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
    var place = document.querySelector("div.xxgk-goto") || cite;
    if (place) place.parentNode.insertBefore(bar, place.nextSibling);
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
    stopAt(numberOf(location.hash));  /* (a line opened by its address, or stepped to by Back: the Tab stop) */
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
