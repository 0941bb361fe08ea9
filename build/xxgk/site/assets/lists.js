/* xxgk site: the lists of the quality page and the ranking, loaded by xxgk.js only on a page with their menus or a
   report's page opened from one (the home page and a report's page reached otherwise do not carry it): the lists as
   a CSV, the list a reader works through, and where a report's page is in it (workList). Reads tables with
   xxgk.js's heads and writes CSV cells with its q (window.xxgkShared). No request leaves the site. */
(function () {
  var heads = window.xxgkShared.heads, q = window.xxgkShared.q;
  var WORK_LIST = "xxgk-work-list";  /* the list xxgk.js keeps for the tab (its keepList) */
  /* the quality page's lists of problems as the menus leave them, a line a report and problem (the rows shown, in
     the page's order): what a city's transparency office works through, with where to look (the report's page, its
     source lines); before, only findings.csv, the whole country's, without a city, to be joined with reports.csv.
     ``targets``: provinces()' tables, each [table, its filter columns, …]; a list of a problem names its code, title
     and the message all its rows share (pages._quality_code_table) */
  /* a 说明 cell's text, its messages (one a line on the page, a <br> between them) joined by "；": its text alone
     ran them together, 表格为11件（第54行）正文称“行政诉讼案件”3件 */
  function messages(cell) {
    var out = [""];
    cell.childNodes.forEach(function (n) {  /* (a cell's link, （表中此格：…）, is no message's words) */
      if (n.nodeName === "BR") out.push("");
      else if (!(n.dataset && "xxgkCell" in n.dataset)) out[out.length - 1] += n.textContent;
    });
    return out.map(function (m) { return m.trim(); }).filter(Boolean).join("；");
  }
  function listCsv(targets) {
    var lines = [["问题代码", "问题", "严重程度", "报告", "年度", "省份", "城市", "说明", "原文行", "报告页", "原文"]
      .join(",")], listed = {};
    targets.forEach(function (t) {
      var table = t[0], code = table.getAttribute("data-xxgk-problem"), cols = heads(table);
      if (!code) return;
      var notes = cols.indexOf("说明") >= 0 ? cols.indexOf("说明") : cols.indexOf("原文");
      var year = cols.indexOf("年度"), where = cols.indexOf("省份"), shared = saidAbove(table);
      Array.from(table.tBodies[0].rows).forEach(function (row) {
        if (row.hidden) return;
        /* a report's link, or the name of a file without a page of its own (pages.report_anchor) */
        var report = row.cells[0].querySelector("a, [data-xxgk-report]"), cell = notes >= 0 ? row.cells[notes] : null;
        var sources = cell ? Array.from(cell.querySelectorAll("a[href]:not([data-xxgk-cell] a)")) : [];
        var said = shared ? shared.textContent.trim() : cell && cols[notes] === "说明" ? messages(cell) : "";
        if (report && report.href) listed[report.href] = 1;
        lines.push([code, table.dataset.xxgkTitle || "", table.dataset.xxgkSeverity || "",
                    report ? report.textContent.trim() : "",
                    year >= 0 ? row.cells[year].textContent.trim() : "",
                    where >= 0 ? row.cells[where].textContent.trim() : "",
                    where >= 0 ? row.cells[where].dataset.city || "" : "", said,
                    sources.map(function (a) { return a.textContent.replace(/[^0-9]/g, ""); }).join(" "),
                    report && report.href ? report.href : "", sources.map(function (a) { return a.href; }).join(" ")].map(q).join(","));
      });
    });
    /* a report of the list by report (its count of problems) none of whose problems the lists by problem show —
       each lists its first rows only (pages.QUALITY_ROWS_PER_CODE): a line saying so and where they are (session
       44: a city's 9 reports with 71 problems, beyond the lists' first rows, gave a CSV of its header alone) */
    targets.forEach(function (t) {
      var table = t[0], cols = heads(table), count = cols.indexOf("问题数（含提示）");
      if (table.getAttribute("data-xxgk-problem") || count < 0) return;
      var year = cols.indexOf("年度"), where = cols.indexOf("省份");
      Array.from(table.tBodies[0].rows).forEach(function (row) {
        var report = row.cells[0].querySelector("a[href]");
        if (row.hidden || !report || listed[report.href]) return;
        lines.push(["", "本页未列出", "", report.textContent.trim(),
                    year >= 0 ? row.cells[year].textContent.trim() : "",
                    where >= 0 ? row.cells[where].textContent.trim() : "",
                    where >= 0 ? row.cells[where].dataset.city || "" : "",
                    "本报告有 " + row.cells[count].textContent.trim() + " 条问题（含提示），本页每类问题只列出前面的若干条，"
                    + "其中没有本报告的：每条问题的说明和原文行见报告页", "", report.href, ""].map(q).join(","));
      });
    });
    return new Blob(["\ufeff" + lines.join("\n") + "\n"], {type: "text/csv;charset=utf-8"});
  }
  function saidAbove(table) {  /* the message every row of a list shares, said once above it (data-xxgk-said) */
    var node = table.closest(".md-typeset__scrollwrap") || table;
    while ((node = node.previousElementSibling) && !/^H[23]$/.test(node.tagName)) {
      var said = node.querySelector("[data-xxgk-said]");
      if (said) return said;
    }
    return null;
  }
  /* a report's page, opened from a list kept by keepList: 数据质量 · 勾稽关系不成立（只显示西宁市）：第 2/5 份,
     with the previous and next report's links and the list's; only links of this site are followed. At the article's
     end, where the reader has read the report through to its problems and goes on to the next: written under the
     heading once the page was shown, it pushed the key figures and all under them down (0.07 of a phone's screen,
     session 37); there, out of view as the page opens, it moves nothing the reader sees. (A bar fixed at the
     window's foot moved nothing either, but lay over the page's last lines: a link there, brought into view, was
     under it, and a tap meant for the page took the bar's.) */
  function workList() {
    var list;
    try { list = JSON.parse(sessionStorage.getItem(WORK_LIST) || "null"); } catch (error) { return; }
    var heading = document.querySelector("article h1");
    if (!list || !Array.isArray(list.items) || !heading || document.getElementById("xxgk-work-list")) return;
    /* (the tab's storage is any page of the origin's to write: only [address, name] items are read, a back that is
       an address; a null item threw, a list without one linked 返回列表 to …/undefined) */
    var items = list.items.filter(function (x) {
      return Array.isArray(x) && typeof x[0] === "string" && typeof x[1] === "string";
    });
    var here = location.href.split("#")[0].split("?")[0], at = -1;
    items.forEach(function (item, i) { if (at < 0 && item[0] === here) at = i; });
    if (at < 0) return;
    var ours = function (href) {
      try { return new URL(href, location.href).origin === location.origin; } catch (error) { return false; }
    };
    var nav = document.createElement("nav");
    nav.id = "xxgk-work-list"; nav.className = "xxgk-work-list";
    /* (named apart from the same line under the heading, work-place.js's 所在列表: a screen reader's list of
       landmarks read 所在列表 twice, and axe's landmark-unique, session 40) */
    nav.setAttribute("aria-label", "所在列表（页尾）");
    var p = document.createElement("p");
    p.appendChild(document.createTextNode(String(list.name || "列表") + "：第 " + (at + 1) + "/" + items.length + " 份"));
    [["上一份：", items[at - 1], "prev"], ["下一份：", items[at + 1], "next"]].forEach(function (x) {
      if (!x[1] || !ours(x[1][0])) return;
      p.appendChild(document.createTextNode("　"));
      /* the word and its link wrap as one (下 / 一份： at a line's end, on a phone) */
      var step = document.createElement("span");
      step.className = "xxgk-work-step";
      step.appendChild(document.createTextNode(x[0]));
      var a = document.createElement("a");
      a.href = x[1][0]; a.rel = x[2]; a.textContent = String(x[1][1]);
      step.appendChild(a);
      p.appendChild(step);
    });
    if (typeof list.back === "string" && ours(list.back)) {
      var back = document.createElement("a");
      back.href = list.back; back.textContent = "返回列表";
      p.appendChild(document.createTextNode("　"));
      p.appendChild(back);
    }
    nav.appendChild(p);
    heading.closest("article").appendChild(nav);
  }
  /* the ranking index's way to a city's ranks (pages._rank_finder, above 500 reports, where the index lists each
     group's best and worst only): a province and a city chosen, a link to each group's province page holding the
     city's reports (every part of a province in parts), opened narrowed to the city (?city=); the choice kept in the
     address (?province=&city=) for the office to share. Before, an office had to find its reports' year and tier,
     the group, its province, then narrow that page to its city. */
  function rankFinder() {  /* (xxgk.js calls it on a page with the menus, each time the page is shown) */
    var form = document.querySelector("form[data-xxgk-rank-find]:not([data-done])");
    if (!form) return;
    form.dataset.done = "1";
    var province = form.querySelector("#xxgk-rank-province"), city = form.querySelector("#xxgk-rank-city");
    var groups = Array.from(form.querySelectorAll("[data-xxgk-rank-groups] li"));
    var status = document.getElementById("xxgk-rank-find-status"), out = document.getElementById("xxgk-rank-find-links");
    var counts = function (option) {  /* "0:3 4:1" → [[0, 3], [4, 1]] (group, parts or reports) */
      return (option.dataset.groups || "").split(" ").filter(Boolean).map(function (x) { return x.split(":").map(Number); });
    };
    function show() {
      Array.from(city.options).forEach(function (o) {
        o.hidden = !!(o.dataset.province && o.dataset.province !== province.value);
      });
      if (city.selectedOptions[0] && city.selectedOptions[0].hidden) city.value = "";
      city.disabled = !province.value;
      out.textContent = "";
      var p = province.selectedOptions[0], c = city.value ? city.selectedOptions[0] : null;
      var url = new URL(location.href);
      ["province", "city"].forEach(function (k) { url.searchParams.delete(k); });
      if (province.value) url.searchParams.set("province", province.value);
      if (c) url.searchParams.set("city", c.value);
      history.replaceState(history.state, "", url.pathname + url.search + url.hash);
      if (!province.value) { status.textContent = ""; return; }
      var parts = {}, reports = {};
      counts(p).forEach(function (x) { parts[x[0]] = x[1]; });
      if (c) counts(c).forEach(function (x) { reports[x[0]] = x[1]; });
      var shown = 0;
      groups.forEach(function (g, i) {
        if (!parts[i] || (c && !reports[i])) return;
        var li = document.createElement("li");
        for (var n = 1; n <= parts[i]; n++) {
          var a = document.createElement("a");
          a.href = g.dataset.dir + "/" + p.dataset.slug + (n > 1 ? "-" + n : "") + "/"
            + (c ? "?city=" + encodeURIComponent(c.value) : "");
          a.textContent = n > 1 ? "第" + n + "页" : g.textContent + " · " + (c ? c.value : p.value);
          if (n > 1) li.appendChild(document.createTextNode("　"));
          li.appendChild(a);
        }
        if (c) li.appendChild(document.createTextNode("：" + reports[i] + " 份报告"));
        out.appendChild(li);
        shown++;
      });
      status.textContent = (c ? c.value : p.value) + "的报告在 " + shown + " 组（年度 · 行政层级）中排名"
        + (shown ? "：" : "。");
    }
    var params = new URLSearchParams(location.search);
    [[province, "province"], [city, "city"]].forEach(function (x) {
      var value = params.get(x[1]);
      if (value && Array.from(x[0].options).some(function (o) { return o.value === value; })) x[0].value = value;
      x[0].addEventListener("change", show);
    });
    show();
  }
  window.xxgkLists = {listCsv: listCsv, workList: workList, rankFinder: rankFinder};
})();
