/* A report's place in the list the reader opened it from (xxgk.js keepList: the quality page's lists, the ranking),
   said under the heading: 数据质量 · 勾稽关系不成立：第 2/5 份　上一份：…　下一份：…　返回列表. Loaded by a plain
   (parser-blocking) script element right after the heading (report_page.WORK_PLACE), so the line is written before
   anything under it is laid out: nothing moves. Nothing is written on a page not opened from a list. Only
   [address, name] items of this site are read: the tab's storage is any page's to write. One file for every report
   page (it was ≈ 1.2 KB inline in each: 12 MB at 10,000 reports, a sixth 4 KiB block for many pages). */
(function (s) {
  try {
    var l = JSON.parse(sessionStorage.getItem("xxgk-work-list") || "null"),
        h = location.href.split("#")[0].split("?")[0], i = -1,
        t = l && Array.isArray(l.items) ? l.items.filter(function (x) {
          return Array.isArray(x) && typeof x[0] === "string" && typeof x[1] === "string";
        }) : [];
    t.forEach(function (x, k) { if (i < 0 && x[0] === h) i = k; });
    if (i < 0) return;
    var n = document.createElement("nav"), p = document.createElement("p"),
        ours = function (u) { try { return new URL(u, h).origin === location.origin; } catch (e) { return false; } },
        add = function (u, words, rel, cls) {
          if (typeof u !== "string" || !ours(u)) return;
          var e = document.createElement("span"), b = document.createElement("a");
          e.className = cls; b.href = u; if (rel) b.rel = rel; b.textContent = words[1];
          e.appendChild(document.createTextNode(words[0])); e.appendChild(b);
          p.appendChild(document.createTextNode("\u3000")); p.appendChild(e);
        };
    n.id = "xxgk-work-place"; n.className = "xxgk-work-place"; n.setAttribute("aria-label", "所在列表");
    p.textContent = String(l.name || "列表") + "：第 " + (i + 1) + "/" + t.length + " 份";
    if (t[i - 1]) add(t[i - 1][0], ["上一份：", t[i - 1][1]], "prev", "xxgk-work-step");
    if (t[i + 1]) add(t[i + 1][0], ["下一份：", t[i + 1][1]], "next", "xxgk-work-step");
    add(l.back, ["", "返回列表"], "", "");
    n.appendChild(p); s.parentNode.insertBefore(n, s);
  } catch (e) { /* storage refused or garbled: no line */ }
})(document.currentScript);
