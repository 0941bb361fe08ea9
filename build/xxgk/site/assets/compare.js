/* xxgk compare page and league table (see compare_page.py). The view lives in the URL:
   ?agencies=ID,ID&metric=CODE&year=YYYY or year=YYYY-YYYY. Values come from json/m/<code>.json (the published
   metric definitions evaluated at build time); missing values are 无数据, never 0; nothing is summed or
   ranked across years. Needs search.js (window.xxgkAgencies) and plotly. */
(function () {
  /* plotly reads a subset of HTML (links included) in names, categories and titles: outside text (agency
     names) goes in with & < > as entities, which plotly shows as text. */
  function plotText(v) {
    return typeof v === "string" ? v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;") : v;
  }
  function plotTrace(t) {
    var out = Object.assign({}, t);
    ["x", "y"].forEach(function (k) { if (Array.isArray(out[k])) out[k] = out[k].map(plotText); });
    if (out.name) out.name = plotText(out.name);
    return out;
  }
  /* plotly's palette has ten colours: the eleventh series of a range took the first one's colour, its line, points
     and legend key alike, and its values read as the first agency's (session 60: of 18 agencies, the eleventh's 43.5
     drawn in the first's blue). Each further ten series draw their lines dashed another way and their points another
     shape (a series with a shape of its own, a 2019-template series' diamond, keeps it in a variant), so that no two
     series look alike, in the chart, its legend and its PNG */
  var PALETTE_SIZE = 10, DASHES = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"],
      SYMBOLS = ["circle", "square", "triangle-up", "cross", "x", "star"], VARIANTS = ["", "-open", "-dot", "-open-dot"];
  function lookApart(traces) {
    traces.forEach(function (t, i) {
      var round = Math.floor(i / PALETTE_SIZE), marker = t.marker || {};
      if (!round) return;
      t.line = Object.assign({}, t.line, {dash: DASHES[round % DASHES.length]});
      t.marker = Object.assign({}, marker, {symbol: marker.symbol ? marker.symbol + VARIANTS[round % VARIANTS.length]
        : SYMBOLS[round % SYMBOLS.length]});
    });
    return traces;
  }
  var FILE_NAME_BYTES = 200;  // a downloaded comparison's name without its extension (fileName)
  var DEFAULT_TOP = 10;
  var cache = {};

  /* a file of this site as JSON, fetched once; a failed request or an answer that is not the file (a 404 page)
     rejects and is forgotten, so the reader's next choice asks again */
  function json(root, path, again) {  /* again: asked of the server, not of the browser's cache */
    if (again) delete cache[path];
    if (!cache[path]) {
      cache[path] = fetch(root + path, again ? {cache: "reload"} : {}).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return r.json();
      });
      cache[path].catch(function () { delete cache[path]; });
    }
    return cache[path];
  }
  /* said where a view would be when its data did not load: before, the page stayed empty and silent (an uncaught
     error in the console), or kept the previous view's chart, table and CSV under the new choice */
  var CHART_NOT_LOADED = "图表未能加载：数据见下表。";
  var DATA_LOADING = "数据加载中……（网速慢时需要一些时间）";
  var NOT_LOADED = "数据未能加载（网络或服务器问题），请稍后重试或刷新页面；全部数据也可在“数据下载”页获取。";
  function fmt(v, unit) {
    if (v === null || v === undefined) return "无数据";
    // as the agency and report pages print it (render.fmt_number): a whole number without ".0"
    return Number.isInteger(v) ? String(v) : (unit === "%" ? v.toFixed(1) : String(v));
  }
  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }
  function csvCell(v) {
    var s = v === null || v === undefined ? "" : String(v);
    // text never runs as a spreadsheet formula (the rule of safe.sheet_cell, and of xxgk.js's q): a formula start
    // after any apostrophes, so that a name printed '=x is written ''=x and read back (safe.cell_text) as printed —
    // it was written '=x, read back =x, its apostrophe taken for the one that stops a formula
    var rest = s.replace(/^'+/, "");
    if (typeof v === "string" && /^[=+\-@\t\r]/.test(rest) && !/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(rest)) {
      s = "'" + s;
    }
    if (typeof v === "string") {  // and where a reader whose list separator is ; starts a cell (safe.guard_inner)
      s = s.replace(/[;\n\r][ "]*(?='*([=+\-@\t\r][^;\n\r]*))/g, function (m, run) {
        return /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(run) ? m : m + "'";
      });
    }
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  /* an agency's region as a cell: its divisions, each kept whole */
  function region(a) {
    var words = [a.p, a.c, a.x].filter(Boolean);
    return words.length ? {text: words.join(" "), words: words, sort: a.p} : {text: "未知", sort: a.p};
  }
  /* a sortable table: header buttons, aria-sort; rows are arrays of {text, sort, href, words} */
  /* ``opts``: ``cards``, on a phone each row a card (xxgk.css data-cards: the row's name on its first line, each value
     after its column's name, the header a line of sort buttons), the league's six columns having scrolled sideways
     at 390 px, the value and the region out of sight; ``sorted``, [column, ascending] to sort by at first; ``onSort``,
     told each sort chosen (the league keeps it in the address) */
  function sortableTable(container, headers, rows, caption, rowHeader, opts) {
    rowHeader = rowHeader || 0;  // the column that names the row (th scope=row)
    opts = opts || {};
    container.textContent = "";
    var table = el("table", null, {"data-sortable-js": ""});
    // how to sort, said on screen only (xxgk.css): a printed caption read （点击表头排序） on paper (audit 31)
    var said = el("caption", caption);
    said.appendChild(el("span", "（点击表头排序）", {"class": "xxgk-sort-hint"}));
    table.appendChild(said);
    var thead = el("thead"), tr = el("tr"), tbody = el("tbody");
    function fill() {
      tbody.textContent = "";
      rows.forEach(function (r) {
        var row = el("tr", null, opts.cards ? {role: "row"} : {});
        r.forEach(function (c, i) {
          var td = el(i === rowHeader ? "th" : "td", null, i === rowHeader ? {scope: "row"} : {});
          // a card's cells: its name first, each value after its column's name; the roles stated, which a browser
          // drops from a table laid out as blocks (as xxgk.js cards does for the ranking)
          if (opts.cards) {
            td.setAttribute("role", i === rowHeader ? "rowheader" : "cell");
            td.setAttribute(i === rowHeader ? "data-title" : "data-label", i === rowHeader ? "" : headers[i]);
          }
          if (c.href) { td.appendChild(el("a", c.text, {href: c.href})); }
          else if (c.words) {  // a region: each division whole on a line (新疆/维吾/尔自/治区 on a phone before)
            c.words.forEach(function (w, k) {
              if (k) td.appendChild(document.createTextNode(" "));
              td.appendChild(el("span", w, {"class": "xxgk-word"}));
            });
          } else { td.textContent = c.text; }
          if (typeof c.sort === "number") td.className = "xxgk-num";
          if (c.gap) td.className = "xxgk-num xxgk-missing";  // no value: 无报告, 无数据 (with its reason) …
          row.appendChild(td);
        });
        tbody.appendChild(row);
      });
    }
    headers.forEach(function (h, i) {
      // the header over the column that names the rows stays in view with it (xxgk.css: data-row-header)
      var th = el("th", null, i === rowHeader ? {scope: "col", "data-row-header": ""} : {scope: "col"});
      if (opts.cards) th.setAttribute("role", "columnheader");
      var b = el("button", h, {type: "button", "class": "xxgk-sort"});
      b.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        sortBy(i, asc);
        fill();
        if (opts.onSort) opts.onSort(i, asc);
      });
      th.appendChild(b);
      tr.appendChild(th);
    });
    function sortBy(i, asc) {
      Array.from(tr.children).forEach(function (x) { x.removeAttribute("aria-sort"); });
      tr.children[i].setAttribute("aria-sort", asc ? "ascending" : "descending");
      rows.sort(function (x, y) {
        var a = x[i].sort, c = y[i].sort;
        if (a === null || a === undefined) return 1;
        if (c === null || c === undefined) return -1;
        var cmp = (typeof a === "number" && typeof c === "number") ? a - c : String(a).localeCompare(String(c), "zh");
        return asc ? cmp : -cmp;
      });
    }
    if (opts.sorted && opts.sorted[0] >= 0 && opts.sorted[0] < headers.length) sortBy(opts.sorted[0], opts.sorted[1]);
    if (opts.cards) {
      table.setAttribute("data-cards", "");
      table.setAttribute("role", "table");
      thead.setAttribute("role", "rowgroup"); tbody.setAttribute("role", "rowgroup"); tr.setAttribute("role", "row");
    }
    thead.appendChild(tr);
    table.appendChild(thead);
    table.appendChild(tbody);
    fill();
    // a wide table scrolls inside its own box on a phone (the page itself never scrolls sideways)
    var box = el("div", null, {"class": "xxgk-scroll", tabindex: "0", role: "region", "aria-label": caption});
    box.appendChild(table);
    container.appendChild(box);
  }

  /* the CSV's 说明 of a value of a measure the two template editions count differently */
  function editionNote(edition) {
    return edition + "年版模板的数值（与" + (edition === "2019" ? "2021" : "2019") + "年版口径不同，不可直接比较）";
  }
  /* the status's reason when the one chosen agency has no report in any year shown (the peer sentence blamed a
     missing region or tier): the years it has, so the reader knows which to choose */
  function noReportNote(a, yearLabel) {
    var has = Object.keys(a.y || {}).sort();
    return "本站没有该机构" + yearLabel + "的报告" + (has.length ? "（本站有它" + has.join("、") + "年的报告）" : "") + "。";
  }
  /* the chart box's text when nothing is drawn, in the table's words: 无报告 when no chosen agency has a report of
     a year shown, 无数据 when the reports are here and lack the value; ``gaps`` is missingOf per agency per year */
  function emptyChart(gaps, yearLabel, missing) {
    var flat = [].concat.apply([], gaps);
    if (!flat.length) return NO_DATA + "：所选年度没有该指标的数据。";
    var own = function (code) { return missingWord(code, missing); };
    if (flat.every(function (g) { return g.code === ZERO_BASE; })) return flat[0].word + "：" + flat[0].note + "。";
    // each word the cells hold, named: a 无从计算 year among 无报告 ones had read 本站没有所选机构…的报告, of a range
    // holding a report (the reasons other than these two are kinds of 无数据)
    var kind = function (g) { return g.code === ZERO_BASE || g.code === NOT_APPLICABLE || g.code === NO_REPORT ? g.code : ""; };
    var kinds = [NO_REPORT, "", ZERO_BASE, NOT_APPLICABLE].filter(function (k) {
      return flat.some(function (g) { return kind(g) === k; });
    });
    if (kinds.length === 1 && kinds[0] === NO_REPORT) return NO_REPORT_WORD + "：本站没有所选机构" + yearLabel + "的报告。";
    if (kinds.length === 1 && kinds[0] === NOT_APPLICABLE) return flat[0].word + "：" + flat[0].note + "。";
    if (kinds.length === 1) return NO_DATA + "：所选机构" + yearLabel + "的报告中没有该指标的数值（缺失，不是0）。";
    return kinds.map(function (k) { return k === NO_REPORT ? NO_REPORT_WORD : k ? own(k) : NO_DATA; }).join("或") +
      "：所选机构" + yearLabel + "没有可画出的数值（各机构各年度见下表）。";
  }
  /* the words the table shows for missing values defined, those it shows only (a view whose gaps were all 无报告
     defined 无数据 too: audit 26): 无报告, and each reason's word with its sentence (the data's metric_values.missing,
     labels.missing of agencies.json: 无数据（报告未印此数）…), in codes.yaml's order (labels.missing_order: the keys of
     labels.missing are sorted in the file, which put 无数据（文件未能读取） after 无数据（此数未能读出）), 无数据 without
     a reason last; ``gap(id, y)`` is missingOf of a missing value. A share of nothing and another template's measure
     are said apart (the status's own sentences) */
  function gapWords(ids, years, value, gap, missing) {
    var shown = [];
    ids.forEach(function (id) { years.forEach(function (y) {
      var g = value(id, y) === null ? gap(id, y) : null;
      if (g && g.code !== ZERO_BASE && g.code !== NOT_APPLICABLE &&
          !shown.some(function (s) { return s.code === g.code; })) shown.push(g);
    }); });
    var order = [NO_REPORT].concat(missing.order, [""]);
    return shown.length ? shown.sort(function (a, b) { return order.indexOf(a.code) - order.indexOf(b.code); })
      .map(function (g) { return "“" + g.word + "”：" + g.note; }).join("；") + "。" : "";
  }
  /* a value missing without a reason in the data: the agency's reports of the year disagree (browser_data gives the
     counted report's reason only where its own value is missing) */
  var MARKS = "①②③④⑤⑥⑦⑧⑨⑩";  // a missing value's reason on a range's chart (render.MARKS on the agency pages)
  var NO_REASON_NOTE = "该年度本站有该机构不止一份报告，数值不一致，不取其中任何一个（缺失，不是0）";
  /* a range's chart leaves out the point of a year an agency has no value for, and does not join the points around
     it: said once, the reason of each gap in the table (before, dots stood apart, and nothing said why: audit 25) */
  var GAP_NOTE = "图中某机构某年度没有点时，折线在该年度断开、不补值；原因（无报告、无数据等）见下表。";
  /* true when some agency drawn in a range lacks a year's value (one with no value at all is said apart) */
  function gapped(ids, years, value) {
    return years.length > 1 && ids.some(function (id) {
      var ys = years.map(function (y) { return value(id, y); });
      return ys.some(function (v) { return v === null; }) && ys.some(function (v) { return v !== null; });
    });
  }
  /* the reasons a page says apart from a missing number, by their codes (codes.yaml's missing_reasons; their words
     and sentences are the labels', never spelled here): a share whose denominator is 0 (no request, review or suit
     to divide by), and a year whose report uses the 2019 template, of a measure only the 2021 template has
     (行政规范性文件's 制发, 废止, 现行有效) — nothing is missing there */
  var ZERO_BASE = "zero_denominator", NOT_APPLICABLE = "not_in_edition";
  /* a missing value without a report (no reason code: the agency has no report of the year here), and one without a
     reason in the data */
  var NO_REPORT = "no_report", NO_REPORT_WORD = "无报告", NO_REPORT_NOTE = "本站没有该机构该年度的报告";
  var NO_DATA = "无数据";
  /* agencies.json's labels.missing ({code: [word, sentence]}, labels.py's missing_word) with its order (codes.yaml's,
     labels.missing_order) */
  function missingLabels(labels) {
    var missing = (labels && labels.missing) || {};
    var order = ((labels && labels.missing_order) || Object.keys(missing)).filter(function (c) { return missing[c]; });
    return {words: missing, order: order};
  }
  function missingWord(code, missing) { return (missing.words[code] || [NO_DATA])[0]; }
  /* why ``a``'s value of measure ``m`` in ``year`` is missing, decided here once for the comparison (its cells, notes,
     chart and CSV) and the league (its unranked list), from the data: {code, word, note}. No report of the year here:
     无报告. A year whose report uses the 2019 template, of a measure the 2019 template lacks (``e19``: the years of
     table 二's own template for a measure of table 二 alone, t19, else table 三's, as the agency page takes it), or
     the data's not_in_edition: 不适用. Else the data's reason (metric_values.missing, by browser_data's ``w``: 无从计算,
     无数据（报告未印此数） …); none: 无数据, its reports of the year disagree (browser_data gives the counted
     report's reason only where its own value is missing). ``mv`` is json/m/<code>.json, ``missing`` missingLabels */
  function missingOf(m, mv, a, year, missing) {
    var y = String(year);
    if (!Object.prototype.hasOwnProperty.call(a.y || {}, y)) return {code: NO_REPORT, word: NO_REPORT_WORD, note: NO_REPORT_NOTE};
    var e19 = (m.t2 && a.t19) || a.e19 || [], code = ((mv.w || {})[a.id] || {})[y];
    if (m.editions.indexOf("2019") < 0 && e19.indexOf(Number(year)) >= 0) code = NOT_APPLICABLE;
    var said = code && missing.words[code];
    return said ? {code: code, word: said[0], note: said[1].replace(/。$/, "")} : {code: "", word: NO_DATA, note: NO_REASON_NOTE};
  }

  /* Where each point's value label goes, a year at a time (``ys``: each series' values, null for no point):
     the highest point's above it, the lowest's below it, a third's beside it (to its left in the last year, to its
     right before: a label right of the last point ran off the chart). Session 53: the first and third series were
     labelled above, the second below, whatever their values — a lower first series' label above its point met a
     higher second's below its point (749 over 635, each nearer the other's point), and at 553, 548 and 478 two
     labels printed over each other, unreadable in the downloaded PNG, which has no table. A lowest point on the
     axis's floor (≤ 8 % of ``highest``: 0 of 11) has the year under it, which a label below wrote over ("2025年"
     with its 0 across it): its label goes above, to the right, and the highest's above, to the left. */
  function labelPlaces(ys, highest) {
    var places = ys.map(function (y) { return y.map(function () { return "top center"; }); });
    (ys[0] || []).forEach(function (_, x) {
      var at = ys.map(function (y, s) { return s; }).filter(function (s) { return typeof ys[s][x] === "number"; });
      at.sort(function (a, b) { return ys[b][x] - ys[a][x] || a - b; });  // highest first; a tie, in series order
      if (at.length < 2) return;
      var low = at[at.length - 1], floor = ys[low][x] <= highest * 0.08, last = x === ys[0].length - 1;
      places[low][x] = floor ? "top right" : "bottom center";
      if (floor) places[at[0]][x] = "top left";  // (a highest point near the floor too: the two labels side by side)
      var nearTop = floor && ys[at[0]][x] <= highest * 0.08;
      at.slice(1, -1).forEach(function (s) {
        // a middle point near the floor too: its label beside the lowest's, not level with its point under the
        // lowest's raised one (0.2 printed below 0 beside the point at 0, each read as the other's: audit round 24)
        places[s][x] = floor && ys[s][x] <= highest * 0.08 ? (nearTop ? "middle left" : "top left")
          : last ? "middle left" : "middle right";
      });
    });
    return places;
  }

  function readURL() {
    var p = new URLSearchParams(location.search);
    // ids= is an alias of agencies= (an address written by hand): the same checks, and setURL writes agencies=
    // the ids as written (a hand-typed or truncated address may name agencies that are not here: said, not dropped
    // in silence); only well-formed ones are looked up
    var written = (p.get("agencies") || p.get("ids") || "").split(",").map(function (s) { return s.trim(); })
      .filter(function (s) { return s; });
    // an agency named twice (an address joined by hand) is in the view once: it was drawn, listed and downloaded
    // twice, every value of the CSV doubled
    // (seen in a set: an address of 30,000 ids, each looked for among those before it, held the tab for minutes)
    var seen = Object.create(null);
    var ids = written.filter(function (s) {
      if (seen[s] || !/^[a-z0-9][a-z0-9-]*$/.test(s)) return false;
      seen[s] = true;
      return true;
    });
    var y = (p.get("year") || "").match(/^(\d{4})(?:-(\d{4}))?$/);
    return {ids: ids, written: written, metric: p.get("metric") || "", year: p.get("year") || "",
            from: y ? +y[1] : null, to: y ? +(y[2] || y[1]) : null};
  }

  function compare() {
    var form = document.getElementById("xxgk-compare");
    if (!form || form.dataset.done || !window.xxgkAgencies) return;
    form.dataset.done = "1";
    var A = window.xxgkAgencies, root = A.root;
    var fileText = window.xxgkFileText;  // (xxgk.js, loaded before this deferred script)
    var $ = function (id) { return document.getElementById(id); };
    var metricSel = $("xxgk-compare-metric"), fromSel = $("xxgk-compare-from"), toSel = $("xxgk-compare-to");
    var add = $("xxgk-compare-add"), suggest = $("xxgk-compare-suggest"), chosen = $("xxgk-compare-chosen");
    var said = $("xxgk-compare-said");  // the view in a sentence, for a screen reader (see render)
    var status = $("xxgk-compare-status"), chartDiv = $("xxgk-compare-chart"), csv = $("xxgk-compare-csv");
    var pngButton = $("xxgk-compare-png");  // the drawn chart as an image (xxgk.js: source, licence, address in it)
    /* the status line says the view's data are coming while nothing is drawn yet (on a slow connection, 400 kbit/s,
       the box under the controls stood blank and wordless for seconds before the first view: session 43); render
       writes the view's own sentence over it. A line above the chart's reserved box, not words in the box, which
       the status's sentence would then move (a view after one drawn keeps the last chart until its own) */
    var waiting = function () {
      if (chartDiv.firstChild) return;
      status.textContent = DATA_LOADING;
      chartDiv.setAttribute("data-waiting", DATA_LOADING);  /* said in the box too where the status is under it */
    };
    /* the status's sentence in place of the words said while waiting (a phone shows the status under the chart:
       compare_page.VIEW_OPEN, agencies.css; the box says the data are coming meanwhile) */
    var say = function (text) { status.textContent = text; chartDiv.removeAttribute("data-waiting"); };
    waiting();
    // the report page's section of each table ({applications: "san-…"}, compare_page.py): a value's link opens its
    // report there, at the table the value is read from (session 34: it opened the report's top, its facts and
    // score, the table two screens down, five on a phone)
    var sections = {};
    try { sections = JSON.parse(form.dataset.sections || "{}") || {}; } catch (e) { sections = {}; }
    if (pngButton) pngButton.addEventListener("click", function () {
      window.xxgkPng(chartDiv, csv.download.replace(/\.csv$/, ""));
    });
    // keyed by ids and codes from the URL: no inherited keys (constructor, __proto__ …) may match
    var state = readURL(), byId = Object.create(null), metrics = Object.create(null), data = null;
    /* an agency's name as the chart, its legend, its table and the chosen list show it: with its region where another
       of ``ids`` has the same name, and its id too where the region is the same (two 民政局 of 广东省 and 青海省,
       two agencies and two pages, were one category of the chart: one bar drawn over the other) */
    function nameShown(id, ids) {
      var a = byId[id], where = region(a).text;
      var same = ids.filter(function (x) { return x !== id && byId[x] && byId[x].n === a.n; });
      if (!same.length) return a.n;
      var alike = same.some(function (x) { return region(byId[x]).text === where; });
      return a.n + "（" + where + (alike ? "，" + id : "") + "）";
    }
    /* the view's file name (its CSV's, its PNG's), what it holds as a reader reads it in a downloads folder: the
       measure, the years and the agencies as the chart names them, the first three that fit and how many in all
       (新收申请-2024-2025年-某市人民政府、某县数据局等5个机构), or the default view's largest of the last year. It was
       xxgk-received-2024-2025-<first agency's id>-and-4: a code and an id, and four agencies unnamed. At most
       FILE_NAME_BYTES of UTF-8 before its .csv or .png: a file system takes 255 bytes a name (a Chinese character is 3),
       and three long names of 40 characters each were no file at all (Chromium saved nothing) */
    function fileName(m, ids, fallback) {
      var years = state.from === state.to ? state.from + "年" : state.from + "-" + state.to + "年";
      var head = fileText(m.label, 30) + "-" + years + "-";
      if (fallback) return head + (state.from === state.to ? "" : state.to + "年") + "最大的" + ids.length + "个机构";
      var bytes = function (text) { return new TextEncoder().encode(text).length; };
      var names = ids.map(function (id) { return fileText(nameShown(id, ids), 40); }), shown = [];
      var more = function (n) { return n < ids.length ? "等" + ids.length + "个机构" : ""; };
      for (var i = 0; i < Math.min(3, ids.length); i++) {
        var tried = shown.concat([names[i]]);
        if (bytes(head + tried.join("、") + more(tried.length)) > FILE_NAME_BYTES) break;
        shown = tried;
      }
      return head + (shown.length ? shown.join("、") + more(shown.length) : ids.length + "个机构");
    }
    /* the comparison table's sort, ?sort=<column's header>-asc|desc (2024年-desc, 机构-asc), by the column's name,
       not its place: a range's years move the columns (audit 32: a sorted comparison, shared, reopened unsorted);
       a header the view lacks leaves the table in its own order */
    var tableSort = sortAsked();
    function sortAsked() {
      var m = /^(.+)-(asc|desc)$/.exec(new URLSearchParams(location.search).get("sort") || "");
      return m ? [m[1], m[2] === "asc"] : null;
    }
    /* a one-year table's value column is named by its measure (新收申请总数（件）): kept in the address as 数值, so the
       sort stays when the reader changes the measure (audit 32b: it fell back to the table's own order); an address
       naming the measure, written before, still finds its column */
    var VALUE_COLUMN = "数值";
    function sortColumn(headers, single) {
      return single && tableSort[0] === VALUE_COLUMN ? 1 : headers.indexOf(tableSort[0]);
    }
    function sortParam() {
      return tableSort ? ["sort=" + encodeURIComponent(tableSort[0] + "-" + (tableSort[1] ? "asc" : "desc"))] : [];
    }
    var urlNote = "";  // what the address asked for and this site does not have; said until the reader changes the view
    var firstMetric = "";

    function urlProblems(unknown, badMetric, badYear) {
      var cut = function (s) { return s.length > 40 ? s.slice(0, 40) + "…" : s; };
      var ids = unknown.slice(0, 5).map(cut).join("、") + (unknown.length > 5 ? " 等" + unknown.length + "个" : "");
      return (unknown.length ? "网址中的机构编号在本站找不到，已略去：" + ids + "（可能输错或已不在本站，可用“添加机构”框重新选择）。" : "") +
        (badMetric ? "网址中的指标“" + cut(badMetric) + "”不存在，改为显示" + metrics[metricSel.value].label + "。" : "") +
        (badYear ? "网址中的年度“" + cut(state.year) + "”没有数据，改为显示" + state.from +
          (state.from === state.to ? "" : "—" + state.to) + "年。" : "");
    }

    // (the agency list alone: the search's data waits for the reader to type in 添加机构, search.js agencies)
    Promise.all([A.agencies(), json(root, "json/metrics.json")]).then(function (res) {
      data = res[0];
      data.agencies.forEach(function (a) { byId[a.id] = a; });
      res[1].metrics.forEach(function (m) { metrics[m.code] = m; });
      firstMetric = metricSel.value;  // the menu's own choice: what an address without a known metric shows
      var unknownMetric = state.metric && !metrics[state.metric] ? state.metric : "";
      if (!metrics[state.metric]) state.metric = metricSel.value;
      var years = Array.from(fromSel.options).map(function (o) { return +o.value; });
      if (!years.length) { say("数据中没有带年度的报告，无法比较。"); return; }
      var latest = Math.max.apply(null, years);
      var unknownYear = state.year && (years.indexOf(state.from) < 0 || years.indexOf(state.to) < 0);
      var lastUnknown = years.indexOf(state.to) < 0;
      state.to = years.indexOf(state.to) >= 0 ? state.to : latest;
      state.from = years.indexOf(state.from) >= 0 ? state.from : state.to;
      var unknown = state.written.filter(function (id) { return !byId[id]; });
      state.ids = state.ids.filter(function (id) { return byId[id]; });
      if (state.year && lastUnknown) theirLatest();
      urlNote = urlProblems(unknown, unknownMetric, unknownYear);
      if (!state.year && state.ids.length) {  // no year in the address: the chosen agencies' latest, not the site's
        var their = reportYears(state.ids, years);
        if (their.year !== null) {
          state.from = state.to = their.year;
          urlNote += "网址没有指定年度：显示所选机构" + (their.all ? (state.ids.length > 1 ? "都" : "") : "中至少一个") +
            "有报告的最近一年（" + their.year + "年）。";
        }
      }
      metricSel.value = state.metric; fromSel.value = String(state.from); toSel.value = String(state.to);
      draw(false);
      bindLeague(data, metrics);
    }).catch(function () { say(NOT_LOADED); });

    /* a year asked in the address that is not in the data (year=1999, a typo): the chosen agencies' latest year
       with a report, as with no year — the site's latest, where they may have none, showed an empty 无报告 view
       (session 60); a first year asked that is known and not after it is kept */
    function theirLatest() {
      if (!state.ids.length) return;
      var their = reportYears(state.ids, Array.from(fromSel.options).map(function (o) { return +o.value; }));
      if (their.year === null) return;
      if (state.from > their.year || state.from === state.to) state.from = their.year;
      state.to = their.year;
    }

    /* a range chart's height: 420 px, and on a narrow screen, whose legend is a column of one entry a line under the
       plot, 20 px more an entry past five (session 60: 18 agencies' legend took 330 of the 420 px at 390 px wide, the
       plot a 200 px strip, the legend scrolling inside the chart) */
    function rangeHeight(series) {
      var narrow = chartDiv.clientWidth && chartDiv.clientWidth < 560;
      return 420 + (narrow ? 20 * Math.max(0, series - 5) : 0);
    }

    /* the latest of ``years`` in which every agency of ``ids`` has a report ({year, all: true}), else in which one
       of them has ({year, all: false}); {year: null} when none has a report in any of ``years`` */
    function reportYears(ids, years) {
      var has = function (id, y) { return Object.prototype.hasOwnProperty.call(byId[id].y || {}, String(y)); };
      var every = years.filter(function (y) { return ids.every(function (id) { return has(id, y); }); });
      var some = years.filter(function (y) { return ids.some(function (id) { return has(id, y); }); });
      var pick = every.length ? every : some;
      return {year: pick.length ? Math.max.apply(null, pick) : null, all: every.length > 0};
    }

    function setURL() {
      var year = state.from === state.to ? String(state.from) : state.from + "-" + state.to;
      var q = "?" + (state.ids.length ? "agencies=" + state.ids.join(",") + "&" : "") + "metric=" + state.metric +
        "&year=" + year;
      var league = otherParams(LEAGUE_KEYS.concat([LEAGUE_SORT]), true);  // the league's own choices stay
      var url = location.pathname + q + (league.length ? "&" + league.join("&") : "") +
        (tableSort ? "&" + sortParam()[0] : "");
      // each choice is a step of the browser's history: Back undoes it (popstate below), not leave the page
      if (url !== location.pathname + location.search) history.pushState(history.state, "", url);
    }

    window.addEventListener("popstate", function () {  // Back or Forward through the reader's own choices
      if (!data) return;
      tableSort = sortAsked();
      var asked = readURL(), years = Array.from(fromSel.options).map(function (o) { return +o.value; });
      state.ids = asked.ids.filter(function (id) { return byId[id]; });
      state.metric = metrics[asked.metric] ? asked.metric : firstMetric;
      state.to = years.indexOf(asked.to) >= 0 ? asked.to : Math.max.apply(null, years);
      state.from = years.indexOf(asked.from) >= 0 ? asked.from : state.to;
      if (asked.year && years.indexOf(asked.to) < 0) theirLatest();
      if (!asked.year && state.ids.length) {  // as the first view: the chosen agencies' latest year
        var their = reportYears(state.ids, years);
        if (their.year !== null) state.from = state.to = their.year;
      }
      metricSel.value = state.metric;
      urlNote = "";
      draw(false);
    });

    function renderChosen() {
      chosen.textContent = "";
      state.ids.forEach(function (id) {
        var name = nameShown(id, state.ids);
        var li = el("li"), b = el("button", "移除", {type: "button", "aria-label": "移除 " + name});
        li.appendChild(el("a", name, {href: root + "a/" + id + "/", title: name}));  // (cut with … where long)
        li.appendChild(document.createTextNode(" "));
        b.addEventListener("click", function () {
          var at = state.ids.indexOf(id);
          state.ids = state.ids.filter(function (x) { return x !== id; });
          draw(true);
          // this button is gone with its agency: the keyboard stays here (the next agency's 移除, else the box
          // that adds one) instead of falling back to the top of the page
          var rest = chosen.querySelectorAll("button");
          (rest[Math.min(at, rest.length - 1)] || add).focus();
        });
        li.appendChild(b);
        chosen.appendChild(li);
      });
    }

    /* the line the controls fold under on a phone (compare_page.STEER_OPEN): the view shown, its agencies first (how
       many, then their names: the line is cut with … where long), then its measure and years */
    function steerLine(names, fallback, what) {
      var who = $("xxgk-compare-who"), line = $("xxgk-compare-what");
      if (!who || !line) return;
      who.textContent = "比较" + (fallback && names.length ? "：该指标最大的" + names.length + "个机构" :
        (names.length > 1 ? names.length + "个机构" : "") + "：" + (names.join("、") || "所选年度没有该指标的数据"));
      line.textContent = what;
    }

    var views = 0;  /* the views asked for so far: a chart drawn for an earlier one says nothing of the last */
    function draw(push) {
      if (state.from > state.to) { var t = state.from; state.from = state.to; state.to = t; }
      fromSel.value = String(state.from); toSel.value = String(state.to);
      if (push) { setURL(); urlNote = ""; }
      renderChosen();
      /* data-drawn: this view's chart is drawn (set once plotly has drawn it, as xxgk.js marks the report and agency
         pages' charts); gone from the moment another view is asked for, so a script or a test waits for the view it
         asked for, not for plotly's first svg, which is there before the chart is finished, or the last view's */
      chartDiv.removeAttribute("data-drawn");
      views++;
      var m = metrics[state.metric];
      showMeaning("xxgk-compare-metric");
      waiting();
      // the measure's values and each agency's peer group a year (json/peer-groups.json: once for every measure)
      measureAndGroups(m.code, false).then(function (res) {
        render(m, res[0], res[1]);
      }, function () {
        unshown();
        say(NOT_LOADED);
        if (said) said.textContent = "";
      });
    }

    /* no view: the chart, its table and its downloads emptied (they were the previous choice's) */
    function unshown() {
      if (window.Plotly) Plotly.purge(chartDiv);
      chartDiv.textContent = "";
      chartDiv.style.height = "auto";
      document.getElementById("xxgk-compare-table").textContent = "";
      csv.hidden = true;
      if (pngButton) pngButton.hidden = true;
    }

    /* the measure's file and the peer groups' (json/peer-groups.json), of one build: each numbers the groups
       (browser_data.PEER_GROUPS) and says the numbering's stamp, "g". Two files of two builds (the site published
       again while this page was open, or one of them from the browser's cache) gave an agency's year another
       group's median: they are asked of the server again, and if they still differ no median is shown */
    function measureAndGroups(code, again) {
      // (the peer groups only pair a value with its median: a file that does not load leaves the values shown,
      // without medians; before, the page said its data could not load and showed nothing)
      var groups = json(root, "json/peer-groups.json", again).catch(function () { return {}; });
      return Promise.all([json(root, "json/m/" + code + ".json", again), groups]).then(function (res) {
        if (res[0].g !== undefined && res[0].g === res[1].g) return res;
        return again ? [res[0], {}] : measureAndGroups(code, true);
      });
    }

    function render(m, mv, groups) {
      var years = [];
      for (var y = state.from; y <= state.to; y++) years.push(y);
      var ids = state.ids.slice(), fallback = false, chartKey = "";
      if (!ids.length) {  // default: the largest agencies of the last year shown
        fallback = true;
        ids = Object.keys(mv.v).filter(function (id) { return mv.v[id][state.to] !== undefined; })
          .sort(function (a, b) { return mv.v[b][state.to] - mv.v[a][state.to] || (a < b ? -1 : 1); })
          .slice(0, DEFAULT_TOP);
      }
      var value = function (id, y) { var v = (mv.v[id] || {})[y]; return v === undefined ? null : v; };
      // a missing value is one of two things a reader must tell apart: the agency has no report of that year here
      // (无报告), or its report lacks the number or it could not be read or used (无数据: blank, unread, a share
      // whose table does not add up)
      var hasReport = function (id, y) { return Object.prototype.hasOwnProperty.call(byId[id].y || {}, String(y)); };
      // and a third, for a share: its denominator is 0 (no request handled), so there is no share to show (无从计算),
      // which is no number the report lacks (it had said 报告中没有该数或未能读出 of a report of 0 requests)
      // why each missing value is missing, as the data says it (missingOf: the word and sentence the league gives it)
      var MISSING = missingLabels(data && data.labels);
      var gap = function (id, y) { return missingOf(m, mv, byId[id], y, MISSING); };
      var nothing = function (id, y) { return value(id, y) === null && gap(id, y).code === ZERO_BASE; };
      var notAsked = function (id, y) { return value(id, y) === null && gap(id, y).code === NOT_APPLICABLE; };
      // (the years whose report uses the 2019 template for this measure, as missingOf takes them)
      var e19 = function (id) { var a = byId[id]; return (m.t2 && a.t19) || a.e19 || []; };
      var gapWord = function (id, y) { return gap(id, y).word; };
      var gapNote = function (id, y, v) { return v !== null ? "" : gap(id, y).note; };
      var cellText = function (id, y) { var v = value(id, y); return v === null ? gapWord(id, y) : fmt(v, m.unit); };
      // the report a value is read from: its page (each number there links to its source line), linked from the
      // table's cell and named in the CSV, so a number shown or downloaded leads to its report (before, only the
      // agency's name linked anywhere: audit 26)
      var reportPath = function (id, y) {
        var path = hasReport(id, y) ? byId[id].y[String(y)] : "";
        return typeof path === "string" && /^[a-z0-9][a-z0-9_\/.-]*$/i.test(path) && !/\.\./.test(path) ? path : "";
      };
      var reportHref = function (id, y) { var path = reportPath(id, y); return path ? root + path : undefined; };
      var table = /([a-z_]+):/.exec(m.formula || "");
      var section = table && typeof sections[table[1]] === "string" && /^[a-z0-9_-]+$/.test(sections[table[1]])
        ? "#" + sections[table[1]] : "";
      var valueHref = function (id, y) { var href = reportHref(id, y); return href ? href + section : undefined; };
      var reportURL = function (id, y) { var href = reportHref(id, y); return href ? new URL(href, location.href).href : ""; };
      // the median of the agency's peer group that year: the group by its number (browser_data.PEER_GROUPS)
      var anyPeer = function (id, y) {
        var g = ((groups.a || {})[id] || {})[y], p = g === undefined ? null : (mv.peer || {})[g];
        return p ? p : null;
      };
      var single = state.from === state.to;
      // a peer median over the agency's own report alone compares nothing: not drawn, and said so
      var peer = function (id, y) { var p = anyPeer(id, y); return p && p[1] > 1 ? p : null; };
      var alone = ids.length === 1 && !fallback && years.some(function (y) { return anyPeer(ids[0], y); }) &&
        !years.some(function (y) { return peer(ids[0], y); });
      var withPeer = ids.length === 1 && !fallback && years.some(function (y) { return peer(ids[0], y); });
      // an agency with no report in any year shown has no peer to miss: the reason said is the missing report
      var reportless = ids.length === 1 && !fallback && years.every(function (y) { return !hasReport(ids[0], y); });
      var noPeer = ids.length === 1 && !fallback && !withPeer && !alone && !reportless;
      var yearLabel = single ? state.from + "年" : state.from + "–" + state.to + "年";
      var title = m.label + "（" + m.unit + "）· " + yearLabel;
      steerLine(ids.map(function (id) { return nameShown(id, ids); }), fallback, title);
      var traces = [], rows = [], gaps = [], blank = [], pngNote = "";
      var csvRows = [["agency_id", "机构", "年度", "指标代码", "指标", "单位", "数值", "说明", "报告页"]];
      if (single) {
        var order = ids.slice().sort(function (a, b) {
          var x = value(a, state.from), z = value(b, state.from);
          if (x === null) return 1; if (z === null) return -1; return z - x;
        });
        var names = order.map(function (id) { return nameShown(id, order); });
        var vals = order.map(function (id) { return value(id, state.from); });
        if (withPeer && peer(ids[0], state.from)) {
          names.push("同类组中位数（" + peer(ids[0], state.from)[1] + "份报告）");
          vals.push(peer(ids[0], state.from)[0]);
        }
        // the measure's colour from the palette (the same as on report and agency pages); each bar labelled with
        // its value (a 0 reads 0), a missing value labelled 无数据 where its bar would be
        traces.push({type: "bar", orientation: "h", y: names, x: vals, name: m.label, marker: {color: m.colour},
          text: vals.map(function (v) { return v === null ? "" : fmt(v, m.unit); }), textposition: "outside",
          /* the hover names the agency in full (the axis may show it cut), up to a line's length */
          customdata: names.map(function (n) { return plotText(n.length > 80 ? n.slice(0, 79) + "…" : n); }),
          cliponaxis: false, hovertemplate: "%{customdata}: %{x}" + m.unit + "<extra></extra>"});
        var gaps = names.map(function (n, i) {
          return vals[i] === null ? {x: 0, y: plotText(n), text: i < order.length ? gapWord(order[i], state.from) :
            NO_DATA, xanchor: "left", showarrow: false, font: {color: "#767676"}} : null;
        }).filter(Boolean);
        order.forEach(function (id, i) {
          var v = value(id, state.from);
          // the compared value beside the name, the region last: on a phone the region's width pushed the value off
          // screen (as the league table, bindLeague)
          rows.push([{text: names[i], sort: byId[id].n, href: root + "a/" + id + "/"},
            {text: cellText(id, state.from), sort: v, href: valueHref(id, state.from), gap: v === null},
            {text: String(state.from), sort: state.from},
            region(byId[id])]);
          csvRows.push([id, byId[id].n, state.from, m.code, m.label, m.unit, v, gapNote(id, state.from, v),
            reportURL(id, state.from)]);
        });
        if (withPeer && peer(ids[0], state.from)) {
          var pv = peer(ids[0], state.from);
          rows.push([{text: "同类组中位数", sort: "同类组中位数"}, {text: fmt(pv[0], m.unit), sort: pv[0]},
            {text: String(state.from), sort: state.from}, {text: pv[1] + "份报告", sort: ""}]);
          csvRows.push(["", "同类组中位数", state.from, m.code, m.label, m.unit, pv[0], "", ""]);
        }
      } else {
        var xs = years.map(function (y) { return y + "年"; });
        ids.forEach(function (id) {
          var a = byId[id], editions19 = e19(id), split = !m.comparable && editions19.length, name = nameShown(id, ids);
          var ys = years.map(function (y) { return value(id, y); });
          if (ys.every(function (v) { return v === null; })) blank.push(name);  // in the legend, nothing drawn: said
          if (split) {
            traces.push({type: "scatter", mode: "lines+markers", name: name + "（2021年版格式）", x: xs,
              y: years.map(function (y, i) { return editions19.indexOf(y) >= 0 ? null : ys[i]; }), marker: {size: 9}});
            traces.push({type: "scatter", mode: "lines+markers", name: name + "（2019年版格式）", x: xs,
              y: years.map(function (y, i) { return editions19.indexOf(y) >= 0 ? ys[i] : null; }), marker: {size: 9, symbol: "diamond"}});
          } else {
            traces.push({type: "scatter", mode: "lines+markers", name: name, x: xs, y: ys, marker: {size: 9}});
          }
          // a measure the two template editions count differently: a row per edition, as the chart's two series and
          // the agency page's table (one row had put a 2019-template value in the 2021 template's series; the CSV
          // said nothing), the other edition's years 不适用, and each CSV value names its edition
          var edition = function (y) { return editions19.indexOf(y) >= 0 ? "2019" : "2021"; };
          (split ? ["2021", "2019"] : [""]).forEach(function (ed) {
            rows.push([{text: name + (ed ? "（" + ed + "年版格式）" : ""), sort: a.n, href: root + "a/" + id + "/"}]
              .concat(years.map(function (y, i) {
                return ed && hasReport(id, y) && edition(y) !== ed ? {text: missingWord(NOT_APPLICABLE, MISSING), sort: null,
                  gap: true} : {text: cellText(id, y), sort: ys[i], href: valueHref(id, y), gap: ys[i] === null};
              })));
          });
          years.forEach(function (y, i) {
            var note = gapNote(id, y, ys[i]) || (split ? editionNote(edition(y)) : "");
            csvRows.push([id, a.n, y, m.code, m.label, m.unit, ys[i], note, reportURL(id, y)]);
          });
        });
        // a year with no point at all says so on the chart (and in its PNG), as the agency pages' charts do — 无报告
        // when none of the agencies has a report of that year, as the table below says, else 无数据; a year some
        // agencies lack shows their points missing, and the table says which word (a label a year would crowd a
        // phone's axis)
        gaps = years.map(function (y, i) {
          var none = ids.every(function (id) { return !hasReport(id, y); });
          var zero = ids.every(function (id) { return nothing(id, y); });
          var unasked = ids.every(function (id) { return notAsked(id, y); }), words = [];
          // agencies whose words differ: each word, a line each, 无数据's kinds as 无数据 (session 44: 无报告 beside
          // 无从计算 read 无数据, a word no cell of the table held); the PNG's note says whose is which
          ids.forEach(function (id) {
            var w = /^无数据（/.test(gapWord(id, y)) ? NO_DATA : gapWord(id, y);
            if (words.indexOf(w) < 0) words.push(w);
          });
          return ids.length && ids.every(function (id) { return value(id, y) === null; }) ? {x: xs[i], xref: "x",
            y: 0, yref: "paper", yanchor: "bottom", showarrow: false,
            text: none || unasked || zero || ids.every(function (id) {
              return gapWord(id, y) === gapWord(ids[0], y); }) ? gapWord(ids[0], y) : words.join("<br>"),
            font: {color: "#767676", size: 11}} : null;
        }).filter(Boolean);
        // the image has no table: a year an agency has no point of, that no mark of the chart names (another chosen
        // agency has a point there), is said under it in the table's words (session 41's leftover: 无报告 only for a
        // year no chosen agency had; a line drawn up to 2024 read the same whether 2025 was 无报告 or 无数据)
        var markedYears = gaps.filter(function (g) { return g.text.indexOf("<br>") < 0; }).map(function (g) { return g.x; });
        pngNote = ids.map(function (id) {
          var said = [], byWord = {};
          years.forEach(function (y, i) {
            if (value(id, y) !== null || markedYears.indexOf(xs[i]) >= 0) return;
            var word = gapWord(id, y);
            if (!byWord[word]) { byWord[word] = []; said.push(word); }
            byWord[word].push(y);
          });
          return said.length ? nameShown(id, ids) + "：" + said.map(function (w) {
            return byWord[w].join("、") + "年" + w; }).join("，") : "";
        }).filter(Boolean).join("；");
        // a reason's words are too long for a year's column on a phone (two ran into each other): 无数据① on the chart,
        // each mark's reason said in the status above it, as the agency pages' charts do (render._marked)
        var marked = [];
        gaps.forEach(function (g) {
          if (!/^无数据（/.test(g.text)) return;
          if (marked.indexOf(g.text) < 0) marked.push(g.text);
          g.text = "无数据" + MARKS.charAt(marked.indexOf(g.text));
        });
        chartKey = marked.length && marked.length <= MARKS.length ? "图中无数据的原因：" + marked.map(function (w, i) {
          return MARKS.charAt(i) + " " + w.slice(4, -1);
        }).join("；") + "。" : "";
        if (withPeer) {
          var ps = years.map(function (y) { var p = peer(ids[0], y); return p ? p[0] : null; });
          traces.push({type: "scatter", mode: "lines+markers", name: "同类组中位数", x: xs, y: ps,
            line: {dash: "dot"}, marker: {size: 9}});
          rows.push([{text: "同类组中位数", sort: "同类组中位数"}].concat(ps.map(function (v) {
            return {text: fmt(v, m.unit), sort: v};
          })));
          years.forEach(function (y, i) { csvRows.push(["", "同类组中位数", y, m.code, m.label, m.unit, ps[i], "", ""]); });
        }
      }
      if (!single) lookApart(traces);
      if (!single && traces.length <= 3) {  // few series: each point labelled with its value (years apart stay apart)
        var highest = Math.max.apply(null, [0].concat.apply([], traces.map(function (t) {
          return t.y.filter(function (v) { return typeof v === "number"; });
        })));
        var places = labelPlaces(traces.map(function (t) { return t.y; }), highest);
        traces.forEach(function (t, i) {
          t.textposition = places[i];
          t.mode = "lines+markers+text"; t.cliponaxis = false;
          t.text = t.y.map(function (v) { return v === null ? "" : fmt(v, m.unit); });
        });
      }
      var shown = traces.some(function (t) { return (t.x || []).concat(t.y || []).some(function (v) { return typeof v === "number"; }); });
      say(urlNote + (reportless ? noReportNote(byId[ids[0]], yearLabel) : "") + (alone ? "该机构的同类组在所选年度只有它自己的报告，中位数无可比性，不画出。" : "") + (noPeer ? "该机构在所选年度没有同类组中位数（缺少地区或行政层级信息，或同类组没有该指标的数值）。" : "") +
        (fallback ? "未选择机构：显示" + state.to + "年该指标最大的" + ids.length + "个机构。" : "") +
        (ids.length ? "" : "所选年度没有该指标的数据。") +
        (blank.length && shown ? blank.join("、") + "在所选年度都没有该指标的数值（不是0，原因见下表），图中没有它的点。" : "") +
        // (the chart's marks keyed only where a chart is drawn: with nothing drawn, its box says why in words)
        (gapped(ids, years, value) ? GAP_NOTE : "") + (shown ? chartKey : "") +
        gapWords(ids, years, value, gap, MISSING) +
        // (not when the chart box says it: every value 无从计算, nothing drawn — the page said the sentence twice)
        (ids.some(function (id) { return years.some(function (y) { return nothing(id, y); }); }) &&
         (shown || !ids.every(function (id) { return years.every(function (y) { return nothing(id, y); }); })) ?
          "“" + missingWord(ZERO_BASE, MISSING) + "”：" + MISSING.words[ZERO_BASE][1] : "") +
        (!m.comparable ? "注意：该指标2019年版与2021年版模板口径不同，分开显示。" : "") +
        (m.editions.indexOf("2019") < 0 ? "该指标只有2021年版模板才有" +
          (ids.some(function (id) { return years.some(function (y) { return notAsked(id, y); }); }) ?
            "：使用2019年版模板的年度为“" + missingWord(NOT_APPLICABLE, MISSING) + "”（不是缺失，也不是0）。" : "。") : ""));
      chartDiv.setAttribute("aria-label", title + "：" + ids.map(function (id) { return nameShown(id, ids); }).join("、") +
        "（数据见下表）");
      /* the view said as it is shown: the status above holds only what needs saying (often nothing), so a screen
         reader changing an agency or the measure heard nothing of the result (session 39); a year's values in the
         table's order, a range's agencies (its values are in the table) */
      if (said) said.textContent = "已显示" + title + "：" + (!ids.length ? "没有数据" : single ? order.map(function (id, i) {
        return names[i] + " " + cellText(id, state.from);
      }).join("，") : ids.length + " 个机构（" + ids.map(function (id) { return nameShown(id, ids); }).join("、") +
        "）的历年数值") + "，详见下表。";
      var layout = {title: {text: title}, margin: {l: 10, r: single ? 50 : 10, t: 70, b: 40},
        height: single ? Math.max(300, 90 + 34 * traces[0].y.length) : rangeHeight(traces.length),
        // (a count or share is never below 0: bars of 0 alone drew an axis from −1 to 1, audit 26)
        xaxis: single ? {automargin: true, type: "linear", rangemode: "tozero"} : {automargin: true, type: "category"},
        yaxis: single ? {automargin: true, autorange: "reversed"} : {automargin: true, rangemode: "tozero"},
        legend: {orientation: "h", y: -0.2, yanchor: "top"}, showlegend: !single, separators: ".,", annotations: gaps,
        font: {family: "system-ui, 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif"}};
      if (single) {  /* a long name is cut on the axis (whole in the hover, the table and the CSV): on a phone a
                        20-character name left the bars a sliver, a 2,000-character one pushed them off the chart */
        var most = chartDiv.clientWidth && chartDiv.clientWidth < 560 ? 12 : 24;
        var cats = traces[0].y;
        layout.yaxis.tickmode = "array";
        layout.yaxis.tickvals = cats.map(plotText);
        var cut = function (most) {
          return cats.map(function (n) { return plotText(n.length > most ? n.slice(0, most - 1) + "…" : n); });
        };
        layout.yaxis.ticktext = cut(most);
        layout.meta = {pngTicks: cut(40)};  /* the PNG, 1000 px wide, has room for more (xxgk.js pngOfDrawn) */
      }
      if (pngNote) layout.meta = {pngNote: "图中没有点的年度：" + pngNote + "（详见网页上的表格）。"};
      chartDiv.style.height = layout.height + "px";  // responsive plots take the container's height
      if (shown) {  // plotly (and its Chinese locale) loaded by xxgk.js on first use; labels go in as text
        // the sentence a view with nothing drawn left in the box goes (session 42: 无报告：本站没有所选机构2025年的报告,
        // of one agency, stayed above the chart drawn once a second was added, its bar a 2025 report: plotly keeps
        // what it finds in the box)
        Array.from(chartDiv.childNodes).forEach(function (n) { if (n.nodeType === 3) chartDiv.removeChild(n); });
        layout.title.text = plotText(layout.title.text);
        // said while plotly (365 KB) loads, and if it cannot: on a slow phone the chart's box stood blank for half
        // a minute, and stayed blank for good when the script failed, the table below it the only sign of the view
        chartDiv.setAttribute("data-loading", "");
        var view = views;
        window.xxgkLoadPlotly().then(function () {
          chartDiv.removeAttribute("data-loading");
          // role=img holds nothing focusable: no modebar (the CSV of the view is the link beside the chart)
          return Plotly.react(chartDiv, traces.map(plotTrace), layout, {responsive: true, displayModeBar: false,
            locale: "zh-CN"});
        }).then(function () {
          chartDiv.querySelectorAll("svg").forEach(function (svg) { svg.setAttribute("aria-hidden", "true"); });
          if (pngButton) pngButton.hidden = false;
          if (view === views) chartDiv.setAttribute("data-drawn", "");
        }).catch(function () {
          chartDiv.removeAttribute("data-loading");
          chartDiv.style.height = "auto";
          chartDiv.textContent = CHART_NOT_LOADED;
          if (pngButton) pngButton.hidden = true;
        });
      } else {
        if (pngButton) pngButton.hidden = true;  // nothing drawn: no image to download
        if (window.Plotly) Plotly.purge(chartDiv);
        chartDiv.style.height = "auto";
        chartDiv.textContent = emptyChart(ids.map(function (id) {
          return years.map(function (y) { return gap(id, y); });
        }), yearLabel, MISSING);
      }
      var headers = single ? ["机构", m.label + "（" + m.unit + "）", "年度", "地区"] :
        ["机构"].concat(years.map(function (y) { return y + "年"; }));
      sortableTable(document.getElementById("xxgk-compare-table"), headers, rows, title, 0, {
        sorted: tableSort ? [sortColumn(headers, single), tableSort[1]] : null,
        onSort: function (i, asc) {
          tableSort = [single && i === 1 ? VALUE_COLUMN : headers[i], asc];
          history.replaceState(history.state, "", location.pathname + "?" +
            otherParams(["sort"], false).concat(sortParam()).join("&"));
        }});
      var text = "\ufeff" + csvRows.map(function (r) { return r.map(csvCell).join(","); }).join("\n") + "\n";
      if (csv.dataset.url) URL.revokeObjectURL(csv.dataset.url);
      csv.dataset.url = URL.createObjectURL(new Blob([text], {type: "text/csv;charset=utf-8"}));
      csv.href = csv.dataset.url;
      csv.download = fileName(m, ids, fallback) + ".csv";
      csv.hidden = false;  // no link until it holds the view's CSV (before, it would download this page)
    }

    metricSel.addEventListener("change", function () { state.metric = metricSel.value; draw(true); });
    fromSel.addEventListener("change", function () { state.from = +fromSel.value; draw(true); });
    toSel.addEventListener("change", function () { state.to = +toSel.value; draw(true); });

    var hits = [], active = -1, allChosen = false;
    /* what the list holds, said (a live region of the count, as the header search's): the list is no live region, and
       没有找到机构 stood in a list the box called collapsed — a screen reader typing heard nothing of either */
    var found = el("p", null, {"class": "xxgk-unseen", role: "status", "data-search-exclude": ""});
    suggest.parentNode.insertBefore(found, suggest.nextSibling);
    function sayFound(text) { if (found.textContent !== text) found.textContent = text; }
    function choose(a) {
      if (state.ids.indexOf(a.id) < 0) state.ids.push(a.id);
      // the list is emptied: the box no longer points at an option of it (axe: aria-activedescendant naming no
      // element), and the next ArrowDown starts from a new list
      hits = []; active = -1; add.value = ""; suggest.textContent = ""; add.setAttribute("aria-expanded", "false");
      sayFound("");
      add.removeAttribute("aria-activedescendant");
      draw(true);
      add.focus();
    }
    function showSuggest() {
      suggest.textContent = "";
      hits.forEach(function (h, i) {
        var li = el("li", h.agency.n + "　" + A.describe(h.agency), {role: "option", id: "xxgk-compare-opt-" + i,
          "aria-selected": i === active ? "true" : "false", tabindex: "-1"});
        li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(h.agency); });
        suggest.appendChild(li);
      });
      if (add.value.trim() && !hits.length) suggest.appendChild(el("li", allChosen ? "符合的机构都已选择" : "没有找到机构",
        {role: "option", "aria-disabled": "true"}));
      sayFound(!add.value.trim() ? "" : hits.length ? "找到 " + hits.length + " 个机构，按上下箭头选择，按回车添加。"
        : allChosen ? "符合的机构都已选择。" : "没有找到机构。");
      add.setAttribute("aria-expanded", hits.length ? "true" : "false");
      if (active >= 0) add.setAttribute("aria-activedescendant", "xxgk-compare-opt-" + active);
      else add.removeAttribute("aria-activedescendant");
    }
    add.addEventListener("input", function () {
      var q = add.value;
      A.load().then(function (d) {
        if (add.value !== q) return;
        /* the agencies chosen already are not offered (格尔木 typed again for 格尔木市人民政府, Enter took the first
           suggestion, 格尔木市数据局, chosen already: nothing happened, nothing was said); when they are all that
           match, that is said */
        var found = q.trim() ? A.find(q, d) : [];
        hits = found.filter(function (h) { return state.ids.indexOf(h.agency.id) < 0; }).slice(0, 10);
        allChosen = found.length > 0 && !hits.length;
        active = hits.length ? 0 : -1; showSuggest();
      }).catch(function () {
        if (add.value !== q) return;
        hits = []; active = -1; showSuggest();
        suggest.textContent = "";
        suggest.appendChild(el("li", A.notLoaded, {role: "option", "aria-disabled": "true"}));
        sayFound(A.notLoaded);
      });
    });
    // the list is the box's: it closes when the focus leaves (Tab), so a highlighted agency that was not added does
    // not stay on screen as if it were; back in the box, what is typed there lists again (a choice by mouse or touch
    // keeps the focus in the box: mousedown is cancelled above)
    add.addEventListener("blur", function () {
      hits = []; active = -1; suggest.textContent = ""; add.setAttribute("aria-expanded", "false");
      add.removeAttribute("aria-activedescendant"); sayFound("");
    });
    add.addEventListener("focus", function () { if (add.value.trim()) add.dispatchEvent(new Event("input")); });
    /* the suggestion the arrows reach is brought into view (a phone's on-screen keyboard leaves the page half its
       height: the highlight went below the screen's edge, and Enter added an agency the reader never saw) */
    function revealActive() {
      var li = document.getElementById("xxgk-compare-opt-" + active);
      if (li) li.scrollIntoView({block: "nearest"});
    }
    add.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown" && hits.length) { active = (active + 1) % hits.length; showSuggest(); revealActive(); e.preventDefault(); }
      else if (e.key === "ArrowUp" && hits.length) { active = (active - 1 + hits.length) % hits.length; showSuggest(); revealActive(); e.preventDefault(); }
      else if (e.key === "Enter" && active >= 0) { choose(hits[active].agency); e.preventDefault(); }
      // Escape closes the list and keeps the words typed (a search box's own Escape, which empties it, is left for a
      // list already closed)
      else if (e.key === "Escape" && suggest.firstChild) {
        hits = []; active = -1; showSuggest(); suggest.textContent = ""; sayFound(""); e.preventDefault();
      }
    });
  }

  /* the chosen measure's meaning in words under its menu (``select``'s id): a copy of its entry in the page's hidden
     list (compare_page.metric_meanings_html, from the glossary: 予以公开比例 is a share of 办理结果总计, not of 新收申请;
     session 48: the measure was named, never said) */
  function showMeaning(select) {
    var line = document.querySelector("[data-xxgk-meaning-of='" + select + "']"), menu = document.getElementById(select);
    var list = document.getElementById("xxgk-metric-meanings");
    if (!line || !menu || !list) return;
    var shown = line.firstElementChild;
    if (shown && shown.dataset.metric === menu.value) return;  /* (the page's own: the menu's first choice) */
    var entry = Array.from(list.children).filter(function (e) { return e.dataset.metric === menu.value; })[0];
    line.textContent = "";
    if (entry) line.appendChild(entry.cloneNode(true));
  }

  /* the address's parameters named (kept = true) or not named (false) in ``keys``, as written */
  function otherParams(keys, kept) {
    return location.search.replace(/^\?/, "").split("&").filter(function (s) {
      return s && (keys.indexOf(s.split("=")[0]) >= 0) === kept;
    });
  }
  /* the league table's choices in the address, beside the comparison's: ?…&lmetric=received&lyear=2024&lprovince=…,
     so a league view is shared by its address like a comparison; a value the menu does not offer is ignored */
  var LEAGUE_KEYS = ["lmetric", "lyear", "lprovince", "ltier", "lkind", "lcity"];
  /* the league's sort, ?lsort=<column>-asc|desc (column 0 名次 … 5 机构类型), kept with its menus: a shared league
     sorted by region reopened in rank order */
  var LEAGUE_SORT = "lsort";
  function bindLeague(data, metrics) {
    var $ = function (id) { return document.getElementById(id); };
    var root = window.xxgkAgencies.root;
    var sel = ["metric", "year", "province", "tier", "kind", "city"].map(function (k) { return $("xxgk-league-" + k); });
    /* the city menu (compare_page, a city's office) offers the chosen province's cities; one of another province is
       let go when the province changes */
    function citiesOf() {
      if (!sel[5]) return;
      Array.from(sel[5].options).forEach(function (o) {
        o.hidden = !!(sel[2].value && o.dataset.province && o.dataset.province !== sel[2].value);
      });
      if (sel[5].selectedOptions[0] && sel[5].selectedOptions[0].hidden) sel[5].value = "";
    }
    if (!sel[0] || sel[0].dataset.done) return;
    sel[0].dataset.done = "1";
    var asked = new URLSearchParams(location.search);
    sel.forEach(function (s, i) {
      var value = s && asked.get(LEAGUE_KEYS[i]);
      if (value && Array.from(s.options).some(function (o) { return o.value === value; })) s.value = value;
    });
    citiesOf();
    var sortAsked = /^([0-5])-(asc|desc)$/.exec(asked.get(LEAGUE_SORT) || "");
    var sorted = sortAsked ? [Number(sortAsked[1]), sortAsked[2] === "asc"] : null;
    function remember() {
      var q = otherParams(LEAGUE_KEYS.concat([LEAGUE_SORT]), false).concat(sel.map(function (s, i) {
        return LEAGUE_KEYS[i] + "=" + encodeURIComponent(s ? s.value : "");
      })).concat(sorted ? [LEAGUE_SORT + "=" + sorted[0] + "-" + (sorted[1] ? "asc" : "desc")] : []);
      history.replaceState(history.state, "", location.pathname + "?" + q.join("&"));
    }
    var TIER = data.labels.tier, KIND = data.labels.kind;  // labels.py, via json/agencies.json
    function run() {
      var m = metrics[sel[0].value], year = sel[1].value;
      showMeaning("xxgk-league-metric");
      json(root, "json/m/" + m.code + ".json").then(function (mv) {
        var missing = missingLabels(data.labels);
        var chosen = data.agencies.filter(function (a) {
          return (!sel[2].value || a.p === sel[2].value) &&
            (!sel[3].value || a.t === sel[3].value) && (!sel[4].value || a.k === sel[4].value) &&
            (!sel[5] || !sel[5].value || a.c === sel[5].value);
        });
        // the agencies with a report of the year and no value (missing, a share of nothing, another template's
        // measure): not ranked, and said (audit 32: a league of 3 agencies read as if the other 2 had no report)
        var unvalued = chosen.filter(function (a) {
          return (mv.v[a.id] || {})[year] === undefined && Object.prototype.hasOwnProperty.call(a.y || {}, year);
        });
        var list = chosen.filter(function (a) {
          return (mv.v[a.id] || {})[year] !== undefined;
        }).sort(function (a, b) { return mv.v[b.id][year] - mv.v[a.id][year] || (a.n < b.n ? -1 : 1); });
        var rank = 0, last = null;
        var rows = list.slice(0, 500).map(function (a, i) {
          var v = mv.v[a.id][year];
          if (v !== last) { rank = i + 1; last = v; }
          // the ranked value beside the name (a phone showed rank, name and region, the value off-screen)
          return [{text: String(rank), sort: rank}, {text: a.n, sort: a.n, href: root + "a/" + a.id + "/"},
            {text: fmt(v, m.unit), sort: v}, region(a), {text: TIER[a.t] || "未知", sort: a.t},
            {text: KIND[a.k] || "未知", sort: a.k}];
        });
        $("xxgk-league-status").textContent = year + "年 " + m.label + "：" + list.length + " 个机构有数值" +
          (list.length > 500 ? "（显示前500个）" : "") + "。" + (unvalued.length ? "另有 " + unvalued.length +
          " 个机构有该年报告但没有该指标的数值（缺失、" + missingWord(ZERO_BASE, missing) + "或" +
          missingWord(NOT_APPLICABLE, missing) + "，不是0），不参加排名，名单见表下。" : "");
        sortableTable($("xxgk-league-table"), ["名次", "机构", m.label + "（" + m.unit + "）", "地区", "行政层级", "机构类型"],
          rows, year + "年 " + m.label + " 排行", 1,
          {cards: true, sorted: sorted, onSort: function (i, asc) { sorted = [i, asc]; remember(); }});
        unranked($("xxgk-league-unranked"), unvalued, mv, m, year, missing);
      }, function () {
        $("xxgk-league-table").textContent = "";
        $("xxgk-league-unranked").textContent = "";
        $("xxgk-league-status").textContent = NOT_LOADED;
      });
    }
    /* the agencies with a report of the year left out of the league, each named with its word, as the comparison's
       table gives it (missingOf: 不适用, 无从计算, or 无数据 with its reason), and linked to that report (session 38: a
       researcher looking for every 2025 report without a 予以公开比例 read 另有 4 个机构… and not which), in the order of
       the names' pinyin, as the agency index sorts its 机构 column (by code point, 海城 came before 昌吉) */
    function unranked(box, agencies, mv, m, year, missing) {
      if (!box) return;
      box.textContent = "";
      if (!agencies.length) return;
      var said = [];
      box.appendChild(document.createTextNode("未参加排名的" + year + "年报告（" + agencies.length + " 份" +
        (agencies.length > 500 ? "，列出前500份" : "") + "）："));
      agencies.slice().sort(function (a, b) { return a.n.localeCompare(b.n, "zh") || (a.id < b.id ? -1 : 1); })
        .slice(0, 500).forEach(function (a, i) {
          var w = missingOf(m, mv, a, year, missing);
          if (!said.some(function (x) { return x.code === w.code; })) said.push(w);
          if (i) box.appendChild(document.createTextNode("、"));
          box.appendChild(el("a", a.n, {href: root + a.y[year]}));
          box.appendChild(document.createTextNode("（" + w.word + "）"));
        });
      var order = missing.order.concat([""]);  // (codes.yaml's order, as the comparison's status)
      box.appendChild(document.createTextNode("。" + said.sort(function (a, b) {
        return order.indexOf(a.code) - order.indexOf(b.code);
      }).map(function (w) { return "“" + w.word + "”：" + w.note; }).join("；") + "。"));
    }
    sel.forEach(function (s) {
      if (s) s.addEventListener("change", function () { if (s === sel[2]) citiesOf(); remember(); run(); });
    });
    run();
  }

  /* the two forms are never sent (their controls act at once): was an inline onsubmit="return false", which the
     site's Content-Security-Policy refuses (csp.py) */
  ["xxgk-compare", "xxgk-league"].forEach(function (id) {
    var form = document.getElementById(id);
    if (form) form.addEventListener("submit", function (e) { e.preventDefault(); });
  });
  if (window.document$) { window.document$.subscribe(compare); } else { document.addEventListener("DOMContentLoaded", compare); }
})();
