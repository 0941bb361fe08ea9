/* xxgk site: charts from inline JSON (plotly.js and its Chinese locale served by this site, loaded only on
   pages that draw a chart, and only when a chart scrolls into view), keyboard-sortable tables with aria-sort,
   filterable tables, focusable scrolling tables, and the citation's page URL and access date (the agency
   finder is search.js). No request leaves the site. */
(function () {
  var here = document.currentScript && document.currentScript.src;
  var assets = here ? here.replace(/xxgk\.js(\?.*)?$/, "") : "assets/";
  var SOURCE = "来源：政府信息公开年报数据（xxgk）· 许可：CC BY 4.0";
  var plotly = null;

  function script(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src; s.onload = resolve; s.onerror = reject;
      document.head.appendChild(s);
    });
  }
  function loadPlotly() {
    if (!plotly) {
      plotly = window.Plotly ? Promise.resolve() : script(assets + "plotly-basic.min.js").then(function () {
        return script(assets + "plotly-locale-zh-cn.js");
      });
    }
    return plotly;
  }
  window.xxgkLoadPlotly = loadPlotly;  // compare.js draws with the same plotly and locale
  function phone(el) { return (el.clientWidth || window.innerWidth) < 560; }
  function layoutFor(el, spec) {
    var width = el.clientWidth || el.parentNode.clientWidth;
    var small = phone(el);
    var layout = Object.assign({height: 360, width: width || undefined,
      font: {family: "system-ui, 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif", size: small ? 11 : 12},
      paper_bgcolor: "#ffffff", plot_bgcolor: "#ffffff"}, spec.layout || {});
    layout.margin = Object.assign({l: 10, r: small ? 24 : 40, t: 60, b: 40}, layout.margin || {});
    layout.title = Object.assign({x: 0.01, xanchor: "left", font: {size: small ? 13 : 16}}, layout.title || {});
    layout.legend = Object.assign({orientation: "h", x: 0, y: -0.3, yanchor: "top", traceorder: "normal"}, layout.legend || {});
    layout.separators = layout.separators || ".,";
    /* on a phone, long category labels turn sideways and reach below the plot, where a legend placed by the plot's
       height would cover them: the legend goes to the bottom of the figure instead, and plotly makes room for it */
    if (small) layout.legend = Object.assign({}, layout.legend, {yref: "container", y: 0, yanchor: "bottom"});
    var sideways = layout.yaxis && layout.yaxis.type === "category";
    layout.annotations = (layout.annotations || []).map(function (a) {  /* 无数据 / 0 notes at a bar's end */
      return Object.assign({showarrow: false, xref: "x", yref: "y", font: {color: spec.note || "#767676", size: 12}},
        sideways ? {xanchor: "left", xshift: 2} : {yanchor: "bottom", yshift: 2}, a);
    });
    ["xaxis", "yaxis"].forEach(function (k) { if (layout[k]) layout[k].automargin = true; });
    /* on a phone, five or more years along the bottom turn sideways, as plotly turns them only once they overlap:
       seven years of an agency's reasons chart stood 2–3 px apart and read 2019年2020年2021年 (audit 32b) */
    var ticks = (spec.data || []).reduce(function (n, t) { return Math.max(n, (t.x || []).length); },
                                         (spec.c || []).length);
    if (small && !sideways && ticks >= 5 && layout.xaxis && layout.xaxis.tickangle === undefined) {
      layout.xaxis = Object.assign({}, layout.xaxis, {tickangle: 30});
    }
    return layout;
  }
  function traces(spec) {
    /* hover text in Chinese with the unit; value labels outside the bars (a 0 shows as 0) */
    return spec.data.map(function (t) {
      if ((t.type || "bar") !== "bar") return t;
      var h = t.orientation === "h", c = h ? "y" : "x", v = h ? "x" : "y";
      return Object.assign({hovertemplate: "%{" + c + "}<br>%{" + v + ":,}" + (spec.unit || "") + (t.name ? "<extra>%{fullData.name}</extra>" : "<extra></extra>")}  /* the name as data, not a template */,
        t.text ? {textposition: "outside", cliponaxis: false, constraintext: "none"} : {}, t);  // labels keep their size on a phone
    });
  }
  function expand(spec) {
    /* render.compact_spec undone: the categories every bar trace shares ("c"), and value labels that read
       as the values ("text": 1) */
    (spec.data || []).forEach(function (t) {
      if ((t.type || "bar") !== "bar") return;
      var h = t.orientation === "h";
      if (spec.c && !t[h ? "y" : "x"]) t[h ? "y" : "x"] = spec.c.slice();
      if (t.text === 1) t.text = (t[h ? "x" : "y"] || []).map(function (v) { return v === null ? "" : String(v); });
    });
    delete spec.c;
    return spec;
  }
  window.xxgkExpandSpec = expand;
  function own(target, source) {  /* source's own keys onto target (never the prototype's name) */
    Object.keys(source || {}).forEach(function (k) { if (k !== "__proto__") target[k] = source[k]; });
    return target;
  }
  function unframe(frame, page) {
    /* chart_frames.py undone: the page's numbers put back into the chart's frame; at each level (the spec, its
       layout, each trace) the two hold different keys */
    var spec = own(own({}, frame), page);
    delete spec.f;
    spec.layout = own(own({}, frame.layout), page.layout);
    spec.data = (frame.data || []).map(function (t, i) { return own(own({}, t), (page.data || [])[i]); });
    return spec;
  }
  window.xxgkUnframe = unframe;
  var frames = {};
  function framed(spec) {
    /* a spec that names a frame (json/f/<name>.json under the site's root, fetched once) gets it back */
    if (!spec.f) return Promise.resolve(spec);
    if (!/^[0-9a-f]{16}$/.test(spec.f)) return Promise.reject(new Error("xxgk: not a chart frame name"));
    var url = assets.replace(/assets\/$/, "") + "json/f/" + spec.f + ".json";
    frames[spec.f] = frames[spec.f] || fetch(url).then(function (r) {
      if (!r.ok) throw new Error("xxgk: chart frame " + r.status);
      return r.json();
    });
    return frames[spec.f].then(function (frame) { return unframe(frame, spec); });
  }
  function draw(el) {
    if (el.dataset.done) return;
    el.dataset.done = "1";
    var next = el.nextElementSibling;  // <script type="application/json" class="xxgk-spec">, or the older data-spec
    var spec = JSON.parse(el.dataset.spec || (next && next.classList.contains("xxgk-spec") ? next.textContent : "null"));
    if (!spec) return;
    if (el.hasAttribute("data-zero")) {  /* every value 0 (render.chart): nothing to draw, plotly not loaded; its CSV
                                            button works (its caption says so, its data table has the zeros) */
      framed(spec).then(function (s) {
        el.xxgkSpec = expand(s);
        el.setAttribute("data-drawn", "");  /* (printed: its caption is what it shows) */
        ready(el);
      }).catch(failed);
      return;
    }
    Promise.all([framed(spec), loadPlotly()]).then(function (done) {
      spec = expand(done[0]);
      return Plotly.newPlot(el, traces(spec), layoutFor(el, spec),
        {responsive: true, displayModeBar: false, locale: "zh-CN", staticPlot: false});
    }).then(function () {
      el.querySelectorAll("svg").forEach(function (svg) { svg.setAttribute("aria-hidden", "true"); });
      el.setAttribute("data-drawn", "");  /* printed only now (xxgk.css): an undrawn box printed as a blank area */
      el.xxgkSpec = spec;  /* what its buttons download, which work from now on */
      ready(el);
    }).catch(failed);
    function failed() {  /* its frame or plotly could not be loaded: say so, the numbers are in the tables */
      el.xxgkAsked = null;
      el.classList.add("xxgk-chart-failed");
      el.textContent = "图表未能加载（数据见本页表格）。";
    }
  }
  function download(name, blob) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob); a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }
  function q(v) {  /* a CSV cell, quoted where needed; a text a spreadsheet would run as a formula gets a '
                     (as safe.sheet_cell: a formula start after any apostrophes, unless the rest is a number). Every
                     CSV the site builds is UTF-8 with a BOM, its lines ended by LF as the package's CSVs are (Excel
                     reads LF, and a line break inside a quoted cell as LF): the compare page's ended LF, these CRLF
                     (session 43) */
    v = v === null || v === undefined ? "" : String(v);
    var rest = v.replace(/^'+/, "");
    if (/^[=+\-@\t\r]/.test(rest) && !/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(rest)) v = "'" + v;
    /* and after a ; or a line break, past spaces and quotes, where a reader whose list separator is ; starts a cell
       (safe.guard_inner: 某局;=HYPERLINK(…) was a formula in a German or French Excel) */
    v = v.replace(/[;\n\r][ "]*(?='*([=+\-@\t\r][^;\n\r]*))/g, function (m, run) {
      return /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(run) ? m : m + "'";
    });
    return /[",\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
  }
  /* a chart's data as CSV: a line a value, and a 说明 saying what a blank is, as the chart's data table under it says
     (无报告, 无数据, 无从计算, 不适用): the blank alone did not tell a year without a report from a number the report
     lacks, which the compare page's CSV does (audit 25) */
  function csvOf(spec, el) {
    var lines = ["系列,类别,数值" + (spec.unit ? "（" + spec.unit + "）" : "") + ",说明"];
    var words = shownWords(el && el.closest("figure"));
    spec.data.forEach(function (t) {
      var h = t.orientation === "h";
      var cats = t.labels || (h ? t.y : t.x) || [], vals = t.values || (h ? t.x : t.y) || [];
      var name = plainText(t.name || "");
      cats.forEach(function (c, i) {
        var blank = vals[i] === null || vals[i] === undefined;
        var cat = plainText(c);
        var note = blank ? (words[name + "\u0000" + cat] || "缺失（不是0）") : "";
        lines.push([q(name), q(cat), q(vals[i]), q(note)].join(","));
      });
    });
    return new Blob(["\ufeff" + lines.join("\n") + "\n"], {type: "text/csv;charset=utf-8"});
  }
  /* a chart spec's text as the reader reads it: the spec carries names entity-escaped for plotly (safe.plot_label:
     A&amp;B, which plotly shows as A&B), and the CSV wrote them so (a series 某&lt;局&gt; in a spreadsheet) */
  function plainText(text) {
    return typeof text === "string" ? text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&") : text;
  }
  /* the word each missing cell of a figure's data table shows, by series and category ("series\0category"): a
     cell that is no number (无报告, 无数据 …); none when the figure has no such table */
  function shownWords(figure) {
    var out = {}, table = figure && figure.querySelector("details table");
    if (!table || !table.tHead || !table.tBodies[0]) return out;
    var heads = Array.from(table.tHead.rows[0].cells).map(function (c) { return c.textContent.trim(); });
    Array.from(table.tBodies[0].rows).forEach(function (row) {
      var name = row.cells[0] ? row.cells[0].textContent.trim() : "";
      Array.from(row.cells).slice(1).forEach(function (cell, k) {
        var text = cell.textContent.trim();
        if (text && !/^[-+]?[\d,.]+$/.test(text)) out[name + "\u0000" + heads[k + 1]] = text;
      });
    });
    return out;
  }
  function png(el, spec) {
    var box = document.createElement("div");
    box.style.cssText = "position:absolute;left:-10000px;top:0;width:1000px";
    document.body.appendChild(box);
    var layout = layoutFor(box, spec);
    layout.width = 1000;
    layout.height = (layout.height || 360) + 90;
    layout.margin = Object.assign({}, layout.margin, {b: (layout.margin.b || 40) + 90});
    legendOnTop(layout);  // (under the plot, the source's lines were drawn over it)
    /* the image says whose figures it shows: the page's heading (the agency, the report's year) before its title */
    var heading = document.querySelector("article h1"), copy = heading && heading.cloneNode(true);
    if (copy) {
      copy.querySelectorAll(".headerlink").forEach(function (x) { x.remove(); });
      var title = layout.title || {};
      layout.title = Object.assign({}, title, {text: asText(copy.textContent.trim()) + (title.text ? " · " + title.text : "")});
    }
    layout.annotations = (layout.annotations || []).concat([{xref: "paper", yref: "paper", x: 0, y: 0, yshift: -80,
      xanchor: "left", yanchor: "top", align: "left", showarrow: false, font: {size: 11, color: "#333"},
      text: SOURCE + "<br>" + addressLines()}]);
    Plotly.newPlot(box, traces(spec), layout, {staticPlot: true, locale: "zh-CN"}).then(function () {
      return Plotly.downloadImage(box, {format: "png", filename: spec.filename || "xxgk-chart",
        width: layout.width, height: layout.height});
    }).then(function () { Plotly.purge(box); box.remove(); });
  }
  /* the page's address in lines that fit an image 1000 px wide, as text */
  function addressLines() { return urlLines(location.href, 140).map(asText).join("<br>"); }
  /* an address in lines of at most ``width`` characters, each line but the last ending after a separator in its
     second half — an &, else a comma, else / ? = or - — so that a value stays whole on its line: cut every 140
     characters, a comparison's PNG read year=2021-20 / 24 (session 53); a run with no separator is cut at the width */
  var URL_BREAKS = ["&", ",", "/?=-"];
  function urlLines(url, width) {
    var lines = [];
    while (url.length > width) {
      var end = 0;
      for (var g = 0; g < URL_BREAKS.length && !end; g++) {
        for (var at = width; at > width / 2 && !end; at--) if (URL_BREAKS[g].indexOf(url.charAt(at - 1)) >= 0) end = at;
      }
      lines.push(url.slice(0, end || width));
      url = url.slice(end || width);
    }
    lines.push(url);
    return lines;
  }
  /* text for a plotly label, which reads a few HTML tags: as text, not markup */
  function asText(text) { return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"); }
  /* an image's legend above the plot: the source and the address go under it */
  function legendOnTop(layout, top) {
    if (layout.showlegend === false || !layout.legend) return;
    layout.legend = Object.assign({}, layout.legend, {x: 0, xanchor: "left", y: 1.02, yanchor: "bottom"});
    layout.margin.t = (layout.margin.t || top || 40) + 40;
    layout.height += 40;
  }
  /* text in lines of at most ``width`` characters, for an image: a line breaks where Chinese text may — not inside
     a number or a Latin word (2021、20 / 23年 read as two years), not before a closing mark (a line began with 、 in a
     comparison's PNG) nor after an opening one; a run with no such place is cut at the width */
  var NO_START = /[、，。；：！？）」』》%]/, NO_END = /[（「『《]/, WORD = /[0-9A-Za-z.]/;
  function noteLines(text, width) {
    var chars = Array.from(text), lines = [], start = 0;
    while (chars.length - start > width) {
      var end = start + width;
      while (end > start + 1 && (NO_START.test(chars[end]) || NO_END.test(chars[end - 1]) ||
                                 (WORD.test(chars[end - 1]) && WORD.test(chars[end])))) end--;
      if (end === start + 1) end = start + width;
      lines.push(chars.slice(start, end).join(""));
      start = end;
    }
    lines.push(chars.slice(start).join(""));
    return lines;
  }
  window.xxgkNoteLines = noteLines;
  /* a chart plotly has drawn on the page (the compare page's) as a PNG: the same figure 1000 px wide, with the
     source, licence and page address under it, as png() gives every other chart */
  function pngOfDrawn(div, filename) {
    var box = document.createElement("div");
    box.style.cssText = "position:absolute;left:-10000px;top:0;width:1000px";
    document.body.appendChild(box);
    var layout = JSON.parse(JSON.stringify(div.layout || {}));
    if (layout.meta && layout.meta.pngTicks && layout.yaxis) layout.yaxis.ticktext = layout.meta.pngTicks;
    /* what the page's table says and the image has no room for (compare.js pngNote: each agency's years without a
       point), in lines of 80 characters above the source */
    var note = layout.meta && layout.meta.pngNote ? noteLines(layout.meta.pngNote, 80).map(asText) : [];
    layout.width = 1000;
    layout.height = (layout.height || 420) + 90 + 15 * note.length;
    layout.margin = Object.assign({}, layout.margin, {b: ((layout.margin || {}).b || 40) + 90 + 15 * note.length});
    legendOnTop(layout, 70);

    layout.annotations = (layout.annotations || []).concat([{xref: "paper", yref: "paper", x: 0, y: 0, yshift: -80,
      xanchor: "left", yanchor: "top", align: "left", showarrow: false, font: {size: 11, color: "#333"},
      text: note.concat([SOURCE, addressLines()]).join("<br>")}]);
    return Plotly.newPlot(box, JSON.parse(JSON.stringify(div.data || [])), layout, {staticPlot: true, locale: "zh-CN"})
      .then(function () {
        return Plotly.downloadImage(box, {format: "png", filename: filename, width: layout.width, height: layout.height});
      }).then(function () { Plotly.purge(box); box.remove(); });
  }
  window.xxgkPng = pngOfDrawn;
  /* each chart's caption gets its row of buttons when the page starts, before any chart is drawn, disabled until its
     chart is: added as the chart was drawn (it is drawn as it nears the screen), the row grew the caption ≈ 12 px
     (34 on a phone) under the reader's eyes, and a tap meant for a link below landed on what had moved there. A
     caption that starts above what the reader sees (a link to a heading under it: the browser has scrolled there
     already) keeps what is below it where it was */
  /* a chart's buttons work from when it is drawn: marked so, and the action a reader asked for before (a click while
     it was being drawn) done now */
  function ready(el) {
    el.closest("figure").querySelectorAll(".xxgk-chart-actions button").forEach(function (b) {
      b.removeAttribute("aria-disabled");
    });
    var asked = el.xxgkAsked;
    el.xxgkAsked = null;
    if (asked) asked();
  }
  function buttons(el) {
    var figure = el.closest("figure"), caption = figure && figure.querySelector("figcaption");
    if (!caption || caption.querySelector(".xxgk-chart-actions")) return;
    var span = document.createElement("span"), chart = (el.getAttribute("aria-label") || "").replace(/^图表：/, "");
    span.className = "xxgk-chart-actions";
    [["下载图片（PNG）", function () { png(el, el.xxgkSpec); }],
     ["下载图表数据（CSV）", function () {
       download((el.xxgkSpec.filename || "xxgk-chart") + ".csv", csvOf(el.xxgkSpec, el)); }]]
      .slice(el.hasAttribute("data-zero") ? 1 : 0)  /* (a chart not drawn has no picture to save) */
      .forEach(function (b) {
        var button = document.createElement("button");
        button.type = "button"; button.className = "md-button xxgk-small-button"; button.textContent = b[0];
        /* named with its chart (下载图片（PNG）：申请数量（件）), its visible words first: a page's six charts' buttons
           were the same two names six times in a screen reader's list of buttons */
        if (chart) button.setAttribute("aria-label", b[0] + "：" + chart);
        /* marked aria-disabled, not disabled, until its chart is drawn: a disabled button takes no focus, and a
           keyboard reader tabbing faster than the chart was drawn passed over both (session 60's audit); focused or
           clicked, the chart is drawn at once, and a click's download follows when it is */
        if (!el.xxgkSpec) button.setAttribute("aria-disabled", "true");
        button.addEventListener("focus", function () { draw(el); });
        button.addEventListener("click", function () {
          if (el.xxgkSpec) { b[1](); return; }
          el.xxgkAsked = b[1];
          draw(el);
        });
        span.appendChild(button);
      });
    var header = document.querySelector(".md-header"), seen = header ? header.getBoundingClientRect().bottom : 0;
    var above = caption.getBoundingClientRect().top < seen, below = figure.getBoundingClientRect().bottom;
    caption.appendChild(span);
    var moved = figure.getBoundingClientRect().bottom - below;
    if (above && moved > 0) window.scrollBy(0, moved);
  }
  function charts() {
    var els = document.querySelectorAll("div.xxgk-chart");
    if (!els.length) return;
    els.forEach(buttons);
    if (!("IntersectionObserver" in window)) { els.forEach(draw); return; }
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { if (e.isIntersecting) { seen.unobserve(e.target); draw(e.target); } });
    }, {rootMargin: "200px"});
    els.forEach(function (el) { if (!el.dataset.done) seen.observe(el); });
  }
  /* printing: every chart not drawn yet (they are drawn as they scroll into view) starts drawing. The browser lays
     the page out for paper straight after beforeprint, before plotly has finished, so the print CSS leaves an undrawn
     box off paper (its data table prints); a second print has the charts */
  function drawPending() { document.querySelectorAll("div.xxgk-chart:not([data-done])").forEach(draw); }
  window.addEventListener("beforeprint", drawPending);
  function sortKey(cell) {
    var raw = cell.dataset.sort || cell.textContent.trim();
    // (无数据（报告未印此数）…: its reason said; 无报告, an agency index's count of an agency without a report)
    if (raw === "—" || raw === "" || /^无数据/.test(raw) || raw === "无报告") return null;
    var n = parseFloat(raw.replace(/,/g, ""));
    return isNaN(n) || !/^-?[\d,.]+%?$/.test(raw) ? raw : n;
  }
  function sortBy(table, th, index) {
    var body = table.tBodies[0], rows = Array.from(body.rows);
    var asc = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("thead th").forEach(function (x) { x.setAttribute("aria-sort", "none"); });
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    rows.sort(function (a, b) {
      var x = sortKey(a.cells[index]), y = sortKey(b.cells[index]);
      if (x === null || y === null) return (x === null) - (y === null);  // missing last, either way
      var cmp = (typeof x === "number" && typeof y === "number") ? x - y : String(x).localeCompare(String(y), "zh");
      return asc ? cmp : -cmp;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  function tables() {
    document.querySelectorAll("table[data-sortable]").forEach(function (table) {
      if (table.dataset.done) return;
      table.dataset.done = "1";
      table.querySelectorAll("thead th").forEach(function (th, index) {
        var button = document.createElement("button");
        button.type = "button"; button.className = "xxgk-sort";
        while (th.firstChild) button.appendChild(th.firstChild);
        button.title = "按此列排序";
        th.appendChild(button);
        th.setAttribute("aria-sort", "none");
        button.addEventListener("click", function () { sortBy(table, th, index); });
      });
    });
    document.querySelectorAll("input.xxgk-filter").forEach(function (input) {
      if (input.dataset.done) return;
      input.dataset.done = "1";
      var table = document.getElementById(input.dataset.table);
      /* a filter that hides every row says so (the table was left with its header alone, nothing said), and where
         to look instead: the finder above reads pinyin, initials and typos, this box only the table's text */
      var status = document.createElement("p");
      status.className = "xxgk-filter-status";
      status.setAttribute("aria-live", "polite");
      (input.closest("p") || input).insertAdjacentElement("afterend", status);
      input.addEventListener("input", function () {
        var q = input.value.trim().toLowerCase(), shown = 0;
        Array.from(table.tBodies[0].rows).forEach(function (row) {
          var hay = (row.dataset.search || row.textContent).toLowerCase();
          var keep = !q || hay.indexOf(q) >= 0;
          row.style.display = keep ? "" : "none";
          if (keep) shown++;
        });
        status.textContent = q && !shown ? "表中没有含“" + input.value.trim() + "”的行。筛选只比对表中的文字；" +
          "查找机构（拼音、简称、错别字也可以）请用上面的查找框。" : "";
      });
    });
  }
  /* a page's province menu, and its year menu where it has one (pages._province_filter): only the rows matching
     both choices in every table of the page with those columns; the count shown, an empty table said to be empty,
     the choices in the address (?province=, ?year=) */
  /* what an empty filtered table says, ``words`` the choices ("青海省 2024年度"): a list of the reports with one
     problem (pages.quality, data-xxgk-problem) that none of them has, that list holding only its first reports
     (data-xxgk-partial), or any other table. (本表没有青海省 2024年度的报告有此类问题 had two 有.) */
  function emptyNote(table, words) {
    if (!words) return "";
    if (table.hasAttribute("data-xxgk-partial")) {
      return "本表所列的前 " + table.tBodies[0].rows.length + " 份报告中没有" + words + "的报告；其余见下载的 findings.csv。";
    }
    return table.hasAttribute("data-xxgk-problem") ? words + "没有报告有此类问题。" :
      "本表没有" + words + (table.hasAttribute("data-xxgk-files") ? "的文件。" : "的报告。");
  }
  var WORK_LIST = "xxgk-work-list";  /* the list kept for the tab (keepList below), read by lists.js workList */
  /* the lists' code (the quality page's CSV of its lists, the list a reader works through): assets/lists.js, loaded
     only on a page with the lists' menus, so a report's page and the home page do not carry it */
  var lists = null;
  function loadLists() {
    if (!lists) lists = script(assets + "lists.js").then(function () { return window.xxgkLists; });
    return lists;
  }
  function previousHeading(table) {  /* the title of the section a table is in (勾稽关系不成立（identity_broken）) */
    var node = table.closest(".md-typeset__scrollwrap") || table;
    while ((node = node.previousElementSibling)) if (/^H[23]$/.test(node.tagName)) return node.textContent.trim();
    return "";
  }
  /* a list a reader works through (the quality page's lists, the ranking, as the menus leave them): following a
     report's link keeps the list's reports shown, in order, for the tab (sessionStorage), and each report's page of
     the list says where it is in it and links the previous and next one and the list (lists.js workList); before, a
     transparency office checking its city's reports went back to the list and found its place again for each one.
     ``said``: the filter's status (只显示西宁市的 5 份报告。), which names the list. Here, not in lists.js: its click
     handler must be there from the page's first moment — attached once lists.js had loaded, a reader who tapped a
     report sooner (a slow link, a loaded phone) opened it with no list kept, no 第 1/5 份 nor 下一份 */
  function keepList(table, said) {
    table.addEventListener("click", function (e) {
      var link = e.target.closest && e.target.closest("a[href]");
      /* a report's own link: its row's first (the ranking's after the rank; not a source line's, after it), or a
         link to its cell marked ≠ (the quality page's （表中此格）: the same report's page) */
      var row = link && link.closest("tr");
      if (!row || !table.tBodies[0] || !table.tBodies[0].contains(row) ||
          (row.querySelector("a[href]") !== link && !link.closest("[data-xxgk-cell]"))) return;
      var items = [], seen = {};
      Array.from(table.tBodies[0].rows).forEach(function (row) {
        var a = row.hidden ? null : row.querySelector("a[href]");
        if (!a || seen[a.href] || a.href.split("#")[0].indexOf("/src/") >= 0) return;
        seen[a.href] = 1;
        items.push([a.href.split("#")[0], a.textContent.trim()]);
      });
      /* the choice's words only (只显示青海省), not the status's count of the page's reports: the list's own count
         is the line's 第 1/1 份 (session 40: 勾稽关系不成立（只显示青海省的 3 份报告）：第 1/1 份, 3 being every list's) */
      var heading = previousHeading(table), filtered = (said() || "").match(/只显示(.*?)的 \d+ 份报告/);
      var name = (document.querySelector("article h1") || {}).textContent || document.title;
      try {
        sessionStorage.setItem(WORK_LIST, JSON.stringify({
          name: name.trim() + (heading ? " · " + heading : "") + (filtered ? "（只显示" + filtered[1] + "）" : ""),
          back: location.href.split("#")[0], items: items}));
      } catch (error) { /* storage refused (private mode, full): the pages read as before, without the list */ }
    });
  }
  /* a report's page opened from a list kept for the tab (keepList above): lists.js says where it is in the list
     (its workList), loaded only then */
  function workList() {
    var kept;
    try { kept = sessionStorage.getItem(WORK_LIST); } catch (error) { return; }
    if (kept && document.querySelector("article h1")) loadLists().then(function (l) { l.workList(); });
  }
  function provinces() {
    document.querySelectorAll(".xxgk-province-pick").forEach(function (pick) {
      if (pick.dataset.done) return;
      pick.dataset.done = "1";
      /* [parameter, menu, the column it reads, what a choice is called, its value's suffix, the cell's attribute
         it matches instead of the cell's text]: the city menu reads the province cell's data-city (a transparency
         office of one city found only a province menu: 青海省's every report, not 西宁市's) */
      var filters = [["province", "select[data-xxgk-province]", "xxgkProvince", "省份", "", ""],
                     ["city", "select[data-xxgk-city]", "xxgkCity", "城市", "", "city"],
                     ["year", "select[data-xxgk-year]", "xxgkYear", "年度", "年度", ""]].map(function (f) {
        var select = pick.querySelector(f[1]);
        return select && {param: f[0], select: select, column: select.dataset[f[2]], name: f[3], suffix: f[4],
                          attr: f[5]};
      }).filter(Boolean);
      var province = filters[0].param === "province" ? filters[0].select : null;
      var city = filters.filter(function (f) { return f.param === "city"; })[0];
      /* the city menu offers the chosen province's cities only (each city's option carries its province), and a
         city of another province is let go when the province changes */
      function citiesOf() {
        if (!province || !city) return;
        Array.from(city.select.options).forEach(function (o) {
          o.hidden = !!(province.value && o.dataset.province && o.dataset.province !== province.value);
        });
        var chosen = city.select.selectedOptions[0];
        if (chosen && chosen.hidden) city.select.value = "";
      }
      if (!filters.length) return;
      var status = pick.querySelector("[role=status]"), note = filters[0].select.dataset.note || "";
      var targets = [];
      document.querySelectorAll("article table").forEach(function (table) {
        var cols = heads(table), at = filters.map(function (f) { return cols.indexOf(f.column); });
        if (at.every(function (i) { return i < 0; }) || !table.tBodies[0]) return;
        var box = table.closest(".md-typeset__scrollwrap") || table;  /* Material's scrolling box, if it made one */
        var none = document.createElement("p");
        none.className = "xxgk-province-none"; none.hidden = true;
        box.parentNode.insertBefore(none, box.nextSibling);
        targets.push([table, at, none, box]);
      });
      function apply() {
        /* the reports shown: a report listed in several tables (the quality page's list by report and its lists by
           finding code) is counted once, by its link */
        var values = filters.map(function (f) { return f.select.value; }), seen = {}, shown = 0;
        var words = filters.map(function (f, i) { return values[i] ? values[i] + f.suffix : ""; }).filter(Boolean)
          .join(" ");
        targets.forEach(function (t) {
          var here = 0;
          Array.from(t[0].tBodies[0].rows).forEach(function (row) {
            var keep = filters.every(function (f, i) {
              var cell = t[1][i] >= 0 ? row.cells[t[1][i]] : null;  /* a table without the column: not narrowed */
              if (!values[i] || t[1][i] < 0) return true;
              return !!cell && (f.attr ? cell.dataset[f.attr] || "" : cell.textContent.trim()) === values[i];
            });
            row.hidden = !keep;
            if (!keep) return;
            here++;
            /* a table of counts (the quality page's 发布月份, data-xxgk-tally): its rows are not reports; nor are
               the files without a report page (data-xxgk-files), listed apart */
            if (t[0].hasAttribute("data-xxgk-tally") || t[0].hasAttribute("data-xxgk-files")) return;
            var link = row.querySelector("a[href]"), key = link ? link.getAttribute("href") : "\u0000" + shown;
            if (!seen[key]) { seen[key] = 1; shown++; }
          });
          t[2].textContent = emptyNote(t[0], words);
          t[2].hidden = !words || here > 0;
          t[3].hidden = !t[2].hidden;  /* an empty table is not shown: the sentence says why */
        });
        /* nothing shown on the quality page (pick.dataset.empty): the status says no report of the choice has a
           problem; the list by report says nothing more (本表没有…的报告 read as if the province had no report) */
        if (!shown && pick.dataset.empty) targets.forEach(function (t) {
          if (!t[0].hasAttribute("data-xxgk-problem")) t[2].hidden = true;
        });
        /* (none shown on the quality page, which lists only the reports with problems: said so, not "0 份报告") */
        /* (全部 chosen again is said too: the status emptied, and a screen reader heard nothing of the list growing
           back to every report) */
        status.textContent = asked + (!words ? (changed ? "显示全部 " + shown + " 份报告。" : "")
          : !shown && pick.dataset.empty ? words + pick.dataset.empty
          : "只显示" + words + "的 " + shown + " 份报告。" + note);
        var url = new URL(location.href);
        filters.forEach(function (f, i) {
          if (values[i]) url.searchParams.set(f.param, values[i]); else url.searchParams.delete(f.param);
        });
        history.replaceState(history.state, "", url.pathname + url.search + url.hash);
      }
      /* a choice in the address that the menu does not offer (河北省, a province with no report here; 福建 for
         福建省; year=2020) is said and left out: the page had shown every report under 全部 in silence, the address
         still naming the province, as if they were its reports */
      var params = new URLSearchParams(location.search), unknown = [], asked = "", changed = false;
      filters.forEach(function (f) {
        var value = params.get(f.param);
        if (value && Array.from(f.select.options).some(function (o) { return o.value === value; })) f.select.value = value;
        else if (value) unknown.push(f.name + "“" + (value.length > 40 ? value.slice(0, 40) + "…" : value) + "”");
        f.select.addEventListener("change", function () {
          asked = ""; changed = true; if (f.select === province) citiesOf(); apply();
        });
      });
      var cityAsked = city && city.select.value;
      citiesOf();
      if (unknown.length) asked = "网址中的" + unknown.join("、") + "在本页没有报告，已略去。";
      /* a city of another province than the address's (?province=青海省&city=福州市): said, not dropped in silence */
      if (cityAsked && !city.select.value) asked += "网址中的城市“" + cityAsked + "”不在" + province.value + "，已略去。";
      targets.forEach(function (t) { keepList(t[0], function () { return status.textContent; }); });
      loadLists();  /* (fetched now, for the lists' CSV below: ready when the reader asks for it) */
      var exporter = pick.querySelector("button[data-xxgk-list-csv]");
      if (exporter) exporter.addEventListener("click", function () {
        var words = filters.map(function (f) { return f.select.value ? f.select.value + f.suffix : ""; })
          .filter(Boolean).join("-");
        loadLists().then(function (l) {
          download(csvName("问题清单" + (words ? "-" + words : "")) + ".csv", l.listCsv(targets));
        });
      });
      pick.hidden = false;
      if (unknown.length || filters.some(function (f) { return f.select.value; })) apply();
    });
  }
  /* the ranking (data-style=compact, pages._ranking_table) and an agency's years (data-phone-cards,
     agency_page): on a phone each row reads as a card instead of columns scrolling sideways (xxgk.css, data-cards):
     its link (the report) on the first line, then each value after its column's name; in the ranking a count of 0
     is left to screen readers. The cells' labels and the table's explicit ARIA roles are written here, not in the
     page (a province page has a thousand rows), so that it stays a table for screen readers whatever display the
     phone layout gives its rows; without JavaScript the table scrolls as before. */
  function cards() {
    /* (a table the page writes as cards already, render.carded, is given its roles: none was written in the page) */
    document.querySelectorAll("table[data-style=compact]:not([role]), table[data-phone-cards]:not([role])")
      .forEach(function (table) {
        var cols = heads(table), body = table.tBodies[0], first = body && body.rows[0];
        if (!first) return;
        /* the column of the row's name: its link, or a file's name without a page (pages.report_anchor) */
        var title = Array.from(first.cells).findIndex(function (c) { return c.querySelector("a, [data-xxgk-report]"); });
        var zeroFrom = table.dataset.style === "compact" ? 3 : Infinity;  /* the ranking's counts, after 得分 */
        table.setAttribute("role", "table");
        Array.from(table.querySelectorAll("thead, tbody")).forEach(function (g) { g.setAttribute("role", "rowgroup"); });
        Array.from(table.rows).forEach(function (row) {
          row.setAttribute("role", "row");
          Array.from(row.cells).forEach(function (cell, i) {
            if (cell.parentNode.parentNode.tagName === "THEAD") { cell.setAttribute("role", "columnheader"); return; }
            cell.setAttribute("role", cell.tagName === "TH" ? "rowheader" : "cell");  /* (th scope=row: the row's name) */
            if (i === title) { cell.setAttribute("data-title", ""); return; }  /* the link needs no label */
            cell.setAttribute("data-label", cols[i] || "");
            if (i >= zeroFrom && cell.textContent.trim() === "0") cell.setAttribute("data-zero", "");
          });
        });
        table.setAttribute("data-cards", "");
      });
  }
  /* the table of a report's narrative excerpts (report_page._sections marks it data-excerpts; on a phone xxgk.css
     lays it out as blocks, each section's name a line above its excerpt) gets explicit ARIA table roles, which a
     browser drops from a table laid out as blocks (WebKit) */
  function excerpts() {
    document.querySelectorAll("article table[data-excerpts]:not([role])").forEach(function (table) {
      table.setAttribute("role", "table");
      Array.from(table.children).forEach(function (g) {
        if (g.tagName === "THEAD" || g.tagName === "TBODY") g.setAttribute("role", "rowgroup");
      });
      Array.from(table.rows).forEach(function (row) {
        row.setAttribute("role", "row");
        Array.from(row.cells).forEach(function (cell) {
          cell.setAttribute("role", cell.parentNode.parentNode === table.tHead ? "columnheader" :
            cell.tagName === "TH" ? "rowheader" : "cell");  /* a section's name heads its row (th scope=row) */
        });
      });
    });
  }
  function scrollers() {
    /* Material wraps wide tables in a scrolling box: make it reachable by keyboard, and name it. */
    var used = {};
    document.querySelectorAll(".md-typeset__scrollwrap[aria-label]").forEach(function (box) { used[box.getAttribute("aria-label")] = 1; });
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (box) {
      var table = box.querySelector("table"), cap = table && table.querySelector("caption");
      var heading = box.previousElementSibling;
      while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      /* a table in a folded box with no heading of its own beside it (a report's or an agency's facts, a chart's data
         under 数据表) is named by the box's summary: they were 表格（表格）, 表格（表格2）… to a keyboard reader */
      var fold = !heading && box.parentElement && box.parentElement.closest("details");
      var summary = fold && fold.querySelector("summary");
      var name = (cap ? cap.textContent : heading ? heading.textContent : summary ? summary.textContent : "表格").trim();
      var label = name + "（表格）", n = 1;
      while (used[label]) { n += 1; label = name + "（表格" + n + "）"; }
      used[label] = 1;
      box.setAttribute("aria-label", label);
    });
    /* a box whose table holds its header at the top (table 三: xxgk.css, a sticky thead) keeps the keyboard below
       the header: a link focused going up (Shift+Tab) was hidden under it, and Page Down skipped the rows the header
       covered. The box's scroll padding is the header's height (it changes with the width: a ResizeObserver). */
    document.querySelectorAll(".md-typeset__scrollwrap:not([data-xxgk-padded])").forEach(function (box) {
      var head = box.querySelector("table > thead");
      if (!head || getComputedStyle(head).position !== "sticky") return;
      box.setAttribute("data-xxgk-padded", "");
      var pad = function () { box.style.scrollPaddingTop = head.offsetHeight + "px"; };
      pad();
      if (window.ResizeObserver) new ResizeObserver(pad).observe(head);
    });
  }
  /* a header cell over a group of columns (table 三's 申请人情况 over seven, 法人或其他组织 over five) names them wherever
     its table is scrolled sideways: its label is held just right of the row labels' column, which stays at the box's
     left (xxgk.css, .xxgk-held), for as long as any of the group's columns shows. Centred in the cell's whole span,
     it scrolled off with the group's first columns, leaving blank cells above 法律服务机构 and 其他 on a phone. The
     offset is the held column's width (a custom property; it changes with the width: a ResizeObserver). */
  function heldGroups() {
    document.querySelectorAll("table[data-style=grid]:not([data-xxgk-held])").forEach(function (table) {
      var groups = table.querySelectorAll("thead th[colspan]"), first = table.tHead && table.tHead.rows[0].cells[0];
      if (!groups.length || !first || getComputedStyle(first).position !== "sticky") return;
      table.setAttribute("data-xxgk-held", "");
      groups.forEach(function (th) {
        var label = document.createElement("span");
        label.className = "xxgk-held";
        while (th.firstChild) label.appendChild(th.firstChild);
        th.appendChild(label);
      });
      var hold = function () { table.style.setProperty("--xxgk-held", first.offsetWidth + "px"); };
      hold();
      if (window.ResizeObserver) new ResizeObserver(hold).observe(first);
    });
  }
  function lineOf(cell) {  /* the source line a cell links to (#L12 or #L12c340) or states (data-l), or "" */
    if (cell && cell.dataset.l) return cell.dataset.l;
    var a = cell && cell.querySelector("a[href*='#L']");
    var m = a && /#L(\d+)/.exec(a.getAttribute("href"));
    return m ? m[1] : "";
  }
  function text(cell) {  /* a cell's value as the page shows it, without a ≠ mark (report_page._marked) */
    if (cell && cell.querySelector(".xxgk-broken")) {
      cell = cell.cloneNode(true);
      cell.querySelectorAll(".xxgk-broken").forEach(function (mark) { mark.remove(); });
    }
    var v = cell ? cell.textContent.trim() : "";
    return v === "—" ? "" : v;
  }
  function heads(table) {  /* each column's label: the header's last row, spans resolved */
    var grid = [];
    Array.from(table.tHead ? table.tHead.rows : []).forEach(function (row, r) {
      grid[r] = grid[r] || [];
      var c = 0;
      Array.from(row.cells).forEach(function (cell) {
        while (grid[r][c] !== undefined) c++;
        for (var i = 0; i < cell.rowSpan; i++) {
          grid[r + i] = grid[r + i] || [];
          for (var j = 0; j < cell.colSpan; j++) grid[r + i][c + j] = text(cell);
        }
        c += cell.colSpan;
      });
    });
    return grid.length ? grid[grid.length - 1] : [];
  }
  var REPORT_CSV_HEADER = ["表（table）", "表名（table_zh）", "行（key1_zh）", "列（key2_zh）", "数值（value）",
                           "原文行号（line）", "勾稽关系（identity）", "报告编号（report_id）", "源文件（source_file）"];
  /* why a value breaks an identity (the page's ≠ mark, report_page.broken_cells), else "" */
  function brokenWhy(cell) { var mark = cell && cell.querySelector(".xxgk-broken"); return mark ? mark.title : ""; }
  function reportCsv(name, id, file) {  /* one line per value of the page's marked tables (site/report_csv.py) */
    /* one header row, each column's Chinese title with its code: 表名（table_zh）; report_csv.HEADER; each line ends
       with the report's id and file (the line number alone named no file: several reports' CSVs merged lost it) */
    var lines = [REPORT_CSV_HEADER.join(",")], own = [id, file];
    document.querySelectorAll("table[data-csv]").forEach(function (table) {
      var spec = table.dataset.csv.split("|"), cols = heads(table), group = "";
      Array.from(table.tBodies).forEach(function (body) {
        Array.from(body.rows).forEach(function (row) {
          var first = row.cells[0];
          if (!first) return;
          /* a group's row (th scope=rowgroup) names the rows under it; a row's own label is a th scope=row too */
          if (first.getAttribute("scope") === "rowgroup") { group = first.hasAttribute("data-g") ? text(first) : ""; return; }
          var label = (group ? group + " " : "") + text(first), line = lineOf(first);
          /* a row printed one cell a line in order (report_page._stepped): the i-th value cell on the label's line + i - 1 */
          var step = first.hasAttribute("data-s") && line !== "";
          group = "";  /* the template prints the group before its first row only (the code list's label) */
          if (spec[2] === "long") {
            lines.push([spec[0], spec[1], label, text(row.cells[1]), text(row.cells[2]),
                        lineOf(row.cells[2]) || line, brokenWhy(row.cells[2])].concat(own).map(q).join(","));
            return;
          }
          for (var i = 1; i < row.cells.length; i++) {
            lines.push([spec[0], spec[1], label, cols[i] || "", text(row.cells[i]),
                        lineOf(row.cells[i]) || (step ? String(+line + i - 1) : line),
                        brokenWhy(row.cells[i])].concat(own).map(q).join(","));
          }
        });
      });
    });
    download(name + ".csv", new Blob(["\ufeff" + lines.join("\n") + "\n"], {type: "text/csv;charset=utf-8"}));
  }
  /* a text as a part of a downloaded file's name, at most ``most`` characters: without what a file system refuses
     (\ / : * ? " < > | and control characters), spaces, leading dots, and the invisible format characters (a right-to-left
     override in an agency's name, a text from outside, would show a .csv as another kind of file) */
  function fileText(text, most) {
    var refused = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\s\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+/g;
    return String(text).replace(refused, "").replace(/^\.+/, "").slice(0, most);
  }
  window.xxgkFileText = fileText;  /* the compare page's CSV and PNG are named with it */
  /* the report CSV's file name: the page's heading (its agency and year) before the report's id, without what a
     file system refuses: 平潭综合实验区2025年度-h010-568ef6 (the id alone said nothing in a downloads folder) */
  function csvName(id) {
    var heading = document.querySelector("article h1");
    var title = heading ? fileText(heading.textContent, 60) : "";
    return (title ? title + "-" : "") + id;
  }
  /* a report's or an agency's facts, folded on a phone (report_page.FACTS_OPEN, agency_page.AGENCY_FACTS_OPEN):
     xxgk.css shows them open on a desktop and on paper where the browser styles ::details-content; here they are
     opened there in every browser, an older one (many a desktop's Chromium core) included, so that what is shown is
     open for the browser too: its find-in-page, a screen reader and a test's "displayed" (the content of a closed
     <details> shown by CSS alone read as hidden: an agency's 读音相同的机构 link had no text to selenium) */
  function factsOpen() {  /* (the compare page has two: its rules and its controls, compare_page.STEER_OPEN) */
    document.querySelectorAll("article details.xxgk-facts").forEach(function (facts) {
      if (window.matchMedia("(min-width: 601px)").matches) facts.open = true;
      if (!(window.CSS && CSS.supports && CSS.supports("selector(::details-content)"))) {
        window.addEventListener("beforeprint", function () { facts.open = true; });
      }
    });
  }
  function csvButtons() {
    document.querySelectorAll("button[data-xxgk-csv]").forEach(function (button) {
      if (button.dataset.done) return;
      button.dataset.done = "1";
      button.hidden = false;
      button.addEventListener("click", function () {
        reportCsv(csvName(button.dataset.xxgkCsv), button.dataset.xxgkCsv, button.dataset.xxgkFile || "");
      });
    });
  }
  /* an agency page's values year by year in one CSV (agency_page._agency_csv: the paragraph under 历年报告, hidden
     without script): every value of every chart on the page, a line a value, read from the charts' own numbers as
     each chart's CSV (csvOf) reads them, each blank with what its data table shows (无报告, 无数据, 无从计算, 不适用)
     and each year with its report's page. Before, one agency's numbers came a chart at a time. */
  var AGENCY_CSV_HEADER = ["机构编号（agency_id）", "机构（agency）", "图表（chart）", "系列（series）", "年度（year）",
                           "数值（value）", "单位（unit）", "说明（note）", "报告页（report_page）"];
  function agencyCsv() {
    var p = document.querySelector("p[data-xxgk-agency-csv]"), button = p && p.querySelector("button");
    var figures = Array.from(document.querySelectorAll("article figure.xxgk-figure"));
    if (!button || p.dataset.done || !figures.length) return;
    p.dataset.done = "1";
    var pages = JSON.parse(p.dataset.xxgkYears || "{}"), name = document.querySelector("article h1");
    p.hidden = false;
    button.addEventListener("click", function () {
      Promise.all(figures.map(function (figure) {
        var script = figure.querySelector("script.xxgk-spec");
        return script ? framed(JSON.parse(script.textContent)).then(function (spec) { return [figure, expand(spec)]; })
          : null;
      })).then(function (all) {
        var lines = [AGENCY_CSV_HEADER.join(",")];
        all.forEach(function (pair) {
          if (!pair) return;
          var figure = pair[0], spec = pair[1], words = shownWords(figure);
          var chart = (figure.querySelector("div.xxgk-chart").getAttribute("aria-label") || "").replace(/^图表：/, "");
          spec.data.forEach(function (t) {
            var h = t.orientation === "h", series = plainText(t.name || "");
            var vals = t.values || (h ? t.x : t.y) || [];
            (t.labels || (h ? t.y : t.x) || []).forEach(function (x, i) {
              var cat = plainText(x), year = String(cat).replace(/年$/, "");
              var blank = vals[i] === null || vals[i] === undefined;
              var note = blank ? (words[series + "\u0000" + cat] || "缺失（不是0）") : "";
              var page = pages[year] ? new URL(pages[year], location.href).href : "";
              lines.push([p.dataset.xxgkAgencyCsv, name ? name.textContent.trim() : "", chart, series, year,
                          blank ? "" : vals[i], spec.unit || "", note, page].map(q).join(","));
            });
          });
        });
        download(csvName("历年数据") + ".csv",
                 new Blob(["\ufeff" + lines.join("\n") + "\n"], {type: "text/csv;charset=utf-8"}));
      }).catch(function () { button.textContent = "下载失败：请稍后再试（各图表的数据见其数据表）"; });
    });
  }
  /* a report page's citation (GB/T 7714), written from the page: its heading, its address, today's date
     (report_page._citation: the page carries only the empty, hidden paragraph) */
  function citation() {
    var today = new Date().toISOString().slice(0, 10);
    /* the data page's citation of the dataset: its address (without the #cite it was opened at) and the date */
    document.querySelectorAll("[data-xxgk-cite-url]").forEach(function (el) { el.textContent = location.href.split("#")[0]; });
    document.querySelectorAll("[data-xxgk-cite-date]").forEach(function (el) { el.textContent = today; });
    var heading = document.querySelector("article h1");
    document.querySelectorAll("p[data-xxgk-cite]").forEach(function (el) {
      if (el.dataset.done || !heading) return;
      el.dataset.done = "1";
      var small = document.createElement("small");
      /* (a report no agency is known for: the title its page gives, not the heading's placeholder and file name) */
      var title = el.hasAttribute("data-xxgk-cite-title") ? el.getAttribute("data-xxgk-cite-title")
        : heading.textContent.trim();
      small.textContent = "引用本报告（GB/T 7714）：xxgk. " + title +
        "政府信息公开工作年度报告：解析数据与核查[EB/OL]. " + location.href.split("#")[0] + ". [" + today + "].";
      el.appendChild(small);
      el.hidden = false;
    });
  }
  /* printing: a chart plotly drew at the screen's width (688 px beside the navigation) was cut at the paper's edge
     (A4 leaves the article some 620 px): while the page is laid out for print (the print query matches then), a
     chart wider than its box is drawn the box's width; afterwards, the width it was drawn with again: the one the
     page gave it (a report or agency page's chart: plotly has no width of its own to go back to, and {width: null}
     threw in plotly and left the chart at the paper's width on screen), else none (the compare page's: its box's) */
  var narrowed = [], printing = window.matchMedia ? window.matchMedia("print") : null;
  if (printing && printing.addEventListener) printing.addEventListener("change", function (e) {
    if (e.matches) drawPending();
    if (!window.Plotly) return;
    if (!e.matches) {
      narrowed.splice(0).forEach(function (was) { Plotly.relayout(was[0], {width: was[1]}); });
      return;
    }
    document.querySelectorAll("article .js-plotly-plot").forEach(function (div) {
      var box = div.parentElement.clientWidth, svg = div.querySelector(".main-svg");
      if (!svg || !box || +svg.getAttribute("width") <= box) return;
      narrowed.push([div, (div.layout || {}).width || null]);
      Plotly.relayout(div, {width: box});
    });
  });
  /* a printed page's source: the page's address (with the compare page's view in it) under the footer's licence and
     data version, shown on paper only (xxgk.css); written when the page opens and again as it is printed (the compare
     page changes its address as the reader chooses) */
  function printSource() {
    var meta = document.querySelector(".xxgk-footer-meta");
    if (!meta) return;
    var line = meta.parentNode.querySelector(".xxgk-print-source");
    if (!line) {
      line = document.createElement("div");
      line.className = "xxgk-print-source";
      meta.parentNode.appendChild(line);
    }
    line.textContent = "本页网址：" + location.href.split("#")[0] + "（打印于 " + new Date().toISOString().slice(0, 10) + "）";
  }
  window.addEventListener("beforeprint", printSource);
  window.xxgkShared = {heads: heads, q: q};  /* what lists.js reads a table and writes a CSV cell with */
  /* search.js (the agency search: 39 KB, 7 KB gzipped) loads at once where the page needs it (the agency index's
     finder, the full-text page, a shared ?q= search), elsewhere when the reader first reaches for the header's
     search box (its words typed meanwhile are searched as it starts: search.js header()); the compare page loads
     it itself, before compare.js. Before, every page's first view carried it, a report's on a phone too. */
  var search = null;
  function loadSearch() {
    if (!search) search = script(assets + "search.js").catch(function () { search = null; });
    return search;
  }
  window.xxgkShared.loadSearch = loadSearch;  // (the 404 page's nearest agencies: search.js once, as here)
  function searchScript() {
    if (window.xxgkAgencies || document.querySelector("script[src$='assets/search.js']")) return;  // (the compare page's)
    if (document.getElementById("xxgk-agency-finder") || document.getElementById("xxgk-fulltext-q")
        || /[?&]q=/.test(location.search)) { loadSearch(); return; }
    var input = document.querySelector("input.md-search__input"), toggle = document.getElementById("__search");
    if (input) ["focus", "pointerdown"].forEach(function (e) { input.addEventListener(e, loadSearch); });
    if (toggle) toggle.addEventListener("change", loadSearch);
  }
  function all() {
    searchScript();
    charts(); tables(); cards(); provinces(); workList(); citation(); scrollers(); heldGroups(); excerpts();
    if (document.querySelector("[data-xxgk-rank-find]")) loadLists().then(function (l) { l.rankFinder(); });
    factsOpen();
    csvButtons();
    agencyCsv();
    printSource();
    setTimeout(scrollers, 0);  // after Material has wrapped the tables
  }
  if (window.document$) { window.document$.subscribe(all); } else { document.addEventListener("DOMContentLoaded", all); }
})();
