/* xxgk agency search: finds agencies by full name, alias or short name, pinyin and initials, traditional
   characters, a one-character typo, or a province/city/county name ("青海" lists its agencies), also before a name
   without a space ("青海格尔木").
   Used by the header search (Material's search box: agencies are listed above its page results), the finder
   on the agency index, and the compare page (window.xxgkAgencies). Loads json/agencies.json and
   json/search.json from this site, once, on the first query. */
(function () {
  var me = document.currentScript && document.currentScript.src;
  var root = me ? me.replace(/assets\/search\.js(\?.*)?$/, "") : "/";
  var ready = null;
  var labels = {tier: {}, kind: {}};  // json/agencies.json's labels (labels.py): one definition, not spelled here

  /* a file of this site as JSON; a failed request or an answer that is not the file (a 404 page) rejects */
  function json(path) {
    return fetch(root + path).then(function (r) {
      if (!r.ok) throw new Error(path + ": " + r.status);
      return r.json();
    });
  }
  /* what a finder says when the agency list did not load (a dropped connection, a partly published site): before,
     the finder, the header and the compare page stayed empty and silent, an uncaught error in the console */
  var NOT_LOADED = "机构列表未能加载（网络或服务器问题），请稍后重试或刷新页面。";

  /* the agency list alone (json/agencies.json), loaded once: what the compare page needs to draw a view of the
     agencies its address names. The search's data (json/search.json: the characters' readings, ≈ 63 KB, ≈ 24 KB
     gzipped, half a compare view's bytes) waits for a query (load): a journalist opening a shared comparison on a
     phone loaded it for a box they never typed in. A load that failed is forgotten, so the next asks again */
  var listed = null;
  function agencies() {
    if (!listed) {
      listed = json("json/agencies.json").then(function (res) {
        labels = res.labels || labels;
        return {agencies: res.agencies, labels: labels};
      });
      listed.catch(function () { listed = null; });
    }
    return listed;
  }

  /* the agency list ready to search, loaded once: a load that failed is forgotten, so the next query asks again */
  function load() {
    if (!ready) {
      ready = Promise.all([agencies(), json("json/search.json")]).then(function (res) {
        var aux = res[1], list = res[0].agencies;
        sound = aux.py || {};
        list.forEach(function (a) {
          var syllables = Array.from(a.n).map(function (c) { return aux.py[c] || (/[a-z0-9]/i.test(c) ? c.toLowerCase() : ""); })
            .filter(Boolean);
          a._names = [a.n].concat(a.al ? a.al.split("|") : []);
          a._pys = spellings(a.n, syllables.join(""), aux);
          a._ini = syllables.map(function (s) { return s[0]; }).join("");
          a._region = [a.p, a.c, a.x].filter(Boolean);
          a._regionPy = [];
          a._region.forEach(function (r) {  // "tianjin" lists 天津's agencies, as "天津" does
            var plain = Array.from(r).map(function (c) { return aux.py[c] || ""; }).join("");
            a._regionPy = a._regionPy.concat(spellings(r, plain, aux));
          });
        });
        return {agencies: list, aux: aux, labels: labels};
      });
      ready.catch(function () { ready = null; });
    }
    return ready;
  }

  /* a name's pinyin as read character by character (``plain``), and, when it holds a name with a spelling of its
     own (search.json's "spell", rules/pinyin_spellings.csv: 陕西 is shaanxi, as the agency ids spell it), that
     spelling too: "shaanxi" had found no agency of 陕西省, whose characters read shan xi */
  function spellings(text, plain, aux) {
    var out = "", i = 0, chars = Array.from(text), spell = aux.spell || {}, keys = Object.keys(spell);
    while (i < chars.length) {
      var k = keys.filter(function (key) { return chars.slice(i, i + Array.from(key).length).join("") === key; })[0];
      if (k) { out += spell[k]; i += Array.from(k).length; continue; }
      out += aux.py[chars[i]] || (/[a-z0-9]/i.test(chars[i]) ? chars[i].toLowerCase() : "");
      i += 1;
    }
    return out === plain ? [plain] : [plain, out];
  }

  function normalise(q, aux) {
    return Array.from(q.trim().toLowerCase().replace(/[\s·・.]+/g, "")).map(function (c) {
      return aux.t2s[c] || c;
    }).join("");
  }

  /* true when some substring of s is within one edit of q: a substitution, insertion, deletion, or two neighbours
     swapped (qianxain for qianxian, the commonest slip in typing pinyin, was two edits and found nothing) */
  function nearly(q, s) {
    var before = new Array(q.length + 1), prev = new Array(q.length + 1), cur = new Array(q.length + 1), i, j;
    for (i = 0; i <= q.length; i++) prev[i] = i;
    if (prev[q.length] <= 1) return true;
    for (j = 1; j <= s.length; j++) {
      cur[0] = 0;
      for (i = 1; i <= q.length; i++) {
        cur[i] = Math.min(prev[i] + 1, cur[i - 1] + 1, prev[i - 1] + (q[i - 1] === s[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && q[i - 1] === s[j - 2] && q[i - 2] === s[j - 1]) cur[i] = Math.min(cur[i], before[i - 2] + 1);
      }
      if (cur[q.length] <= 1) return true;
      var t = before; before = prev; prev = cur; cur = t;
    }
    return false;
  }

  /* true when some run of s as long as q differs from it by one character of the same sound, or by two neighbours
     swapped: a short name's typo (海成 for 海城: a pinyin keyboard slips to a homophone, cheng). Below SHORT_TYPO
     characters any other edit leaves too little to match: one edit forgave 成 dropped or replaced by any character,
     and 海成 listed every agency of 上海 (海 alone matching) */
  var SHORT_TYPO = 4;
  var sound = {};  // json/search.json's "py": a character's pinyin, set on load
  function replaced(q, s) {
    for (var j = 0; j + q.length <= s.length; j++) {
      var off = [];
      for (var i = 0; i < q.length && off.length < 3; i++) if (q[i] !== s[j + i]) off.push(i);
      var k = off[0];
      if (off.length === 1 && sound[q[k]] && sound[q[k]] === sound[s[j + k]]) return true;
      if (off.length === 2 && off[1] === k + 1 && q[k] === s[j + k + 1] && q[k + 1] === s[j + k]) return true;
    }
    return false;
  }

  function score(a, q, latin) {
    var best = 99;
    a._names.forEach(function (n) {
      if (n === q) best = Math.min(best, 0);
      else if (n.indexOf(q) === 0) best = Math.min(best, 1);
      else if (n.indexOf(q) >= 0) best = Math.min(best, 2);
    });
    if (best < 99) return best;
    if (a._region.some(function (r) { return r.indexOf(q) === 0 || (q.length >= 2 && r.indexOf(q) >= 0); })) return 3;
    var pyAt = function (test) { return a._pys.some(test); };
    var pyStart = pyAt(function (p) { return p.indexOf(q) === 0; });
    if (latin && q.length >= 3 && !pyStart && a._regionPy.some(function (r) { return r.indexOf(q) === 0; })) return 5;
    if (latin) {
      if (pyStart) return 4;
      if (pyAt(function (p) { return p.indexOf(q) >= 0; })) return 5;
      if (a._ini.indexOf(q) === 0) return 6;
      if (q.length >= 2 && a._ini.indexOf(q) >= 0) return 7;
      if (q.length >= 4 && pyAt(function (p) { return nearly(q, p); })) return 9;
      return 99;
    }
    var typo = q.length >= SHORT_TYPO ? nearly : replaced;
    if (q.length >= 2 && a._names.some(function (n) { return typo(q, n); })) return 8;
    return 99;
  }

  /* how well agency a matches query q: as one text ("格尔木市数据局"), else word by word, every word matching
     ("青海 数据局", "天津 南开": a region and a name, as a citizen types them), scored by its worst word */
  function scoreQuery(a, q, aux) {
    var whole = normalise(q, aux);
    var best = term(a, whole, aux);
    var words = q.trim().split(/\s+/).map(function (w) { return normalise(w, aux); }).filter(Boolean);
    // the words are tried when the whole matched only as a typo: 海城教育 is one edit from 海城市教育局 (8), while
    // 海城 and 教育 each match as typed (2); the typo's score ranked the agency below the site's own pages
    if (best < 8 || words.length < 2) return best;
    var worst = 0;
    for (var i = 0; i < words.length && worst < 99; i++) {
      var year = yearWord(a, words[i]);
      worst = Math.max(worst, year === null ? term(a, words[i], aux) : year);
    }
    return Math.min(best, worst);
  }

  /* a word that is a report's year (格尔木 2024: a place and a year, as a journalist types them, found no agency: no
     name holds 2024): 0 for an agency with a report of that year, 7 for one without (listed after, not hidden: the
     reader may have the year wrong); null for any other word */
  function yearWord(a, w) {
    if (!/^(?:19|20)[0-9]{2}$/.test(w)) return null;
    return a.y && Object.prototype.hasOwnProperty.call(a.y, w) ? 0 : 7;
  }

  /* one word of a query: spoken(a, q), else q read as a region then a name, written without a space (福建平潭,
     青海格尔木, 鞍山海城, 青海海西格尔木: citizens seldom type one): a leading part of two or more characters that
     begins one of a's own region fields (its province, city or county, whole or short: 青海 of 青海省) is taken off,
     up to one per field, and the rest is scored; the region scores 3, as a region word does, and the worse counts */
  function term(a, q, aux, taken) {
    var best = spoken(a, q, aux);
    taken = taken || 0;
    // (a match as a typo only is read as a region and a name too: 上海发改委 was one 市 short of 上海市发展和改革委员会,
    // a typo (8), dropped by find() when any agency matched as typed, 浦东新区发展和改革委员会 by 上海 and 发改委)
    if (best < 8 || taken >= a._region.length) return best;
    for (var k = 2; k < q.length; k++) {
      var head = q.slice(0, k);
      if (!a._region.some(function (r) { return r.indexOf(head) === 0; })) break;  // (nor would a longer one)
      best = Math.min(best, Math.max(3, term(a, q.slice(k), aux, taken + 1)));
    }
    return best;
  }

  /* score(a, q), or q written out as readers shorten names: 政府 for 人民政府, search.json's "short" (科委), the
     longest short form first (SHORTS): 科技委员会 is written out whole, not as 科技委 and 员会 (科学技术委员会员会, which
     matched nothing: 上海科技委员会 found no agency) */
  function spoken(a, q, aux) {
    var latin = /^[a-z0-9]+$/.test(q);
    var best = score(a, q, latin), full = q;
    if (best === 0 || latin) return best;
    if (full.indexOf("政府") >= 0 && full.indexOf("人民政府") < 0) full = full.replace("政府", "人民政府");
    shorts(aux).forEach(function (s) {
      if (full.indexOf(s) >= 0 && full.indexOf(aux.short[s]) < 0) full = full.replace(s, aux.short[s]);
    });
    return full === q ? best : Math.min(best, score(a, full, latin));
  }
  var SHORTS = null;  // search.json's short forms, the longest first (then in their order): sorted once
  function shorts(aux) {
    if (!SHORTS || SHORTS.of !== aux) {
      SHORTS = Object.keys(aux.short || {}).sort(function (x, y) { return y.length - x.length || (x < y ? -1 : 1); });
      SHORTS.of = aux;
    }
    return SHORTS;
  }

  /* agencies matching q, best first: [{agency, score}] */
  function find(q, data) {
    var nq = normalise(q, data.aux);
    if (!nq) return [];
    var hits = data.agencies.map(function (a) { return {agency: a, score: scoreQuery(a, q, data.aux)}; })
      .filter(function (h) { return h.score < 99; });
    var exact = hits.some(function (h) { return h.score < 8; });  // typo matches only when nothing matches as typed
    return hits.filter(function (h) { return !exact || h.score < 8; })
      .sort(function (x, y) {
        return x.score - y.score || x.agency.n.length - y.agency.n.length || (x.agency.n < y.agency.n ? -1 : 1);
      });
  }

  function describe(a) {
    var years = Object.keys(a.y);
    var span = years.length ? (years.length > 1 ? years[0] + "–" + years[years.length - 1] + "年" : years[0] + "年") : "";
    return [a._region.join(" "), labels.tier[a.t] || "", span].filter(Boolean).join(" · ");
  }

  /* the agency index with its finder filled in (the header's 全部列出): ?find=, not ?q=, which Material reads as
     its own search and opens its dialog over the list */
  function listURL(q) { return root + "agencies/?find=" + encodeURIComponent(q.trim()); }

  /* the agencies nearest an agency id with no page (the 404 page: an old or misspelt /a/fujian-pingtan/), by their
     ids, which spell the same way (agency/ids.py: region and name in pinyin, parted by "-"): each part of the id
     asked for scores its best match among an agency's parts (PART: the same part; one beginning the other, pingtan
     of pingtanzongheshiyanqu; one letter off or two swapped, fujain, renminzhengfo, pingtn), and the agencies within
     one part of the best sum are listed, the highest first, then the id spelt closest (shanghai-kejiwei: shanghai
     matches both of 上海's; kexuejishuweiyuanhui is nearer than renminzhengfubangongting). By the ids, not by
     find(): its words, fewer when none matched, took 16 s over 50,000 agencies (the typo matching of long pinyin);
     these 0.1–0.5 s (node, this shared machine). {words: the id's parts (a homophone's 4-digit suffix dropped), for
     the search box; hits: [{agency, score}], the best ``most``} */
  var PART = {same: 4, start: 3, typo: 2};
  function partScore(p, q) {
    if (p === q) return PART.same;
    if (Math.min(p.length, q.length) >= 2 && (q.indexOf(p) === 0 || p.indexOf(q) === 0)) return PART.start;
    if (p.length < 4 || p[0] !== q[0]) return 0;  // (a typo of a word's first letter is not looked for: speed)
    for (var d = -1; d <= 1; d++) {  // q's beginning as long as p, a letter shorter or longer
      var r = q.slice(0, p.length + d);
      if (edits(p, r) <= 1 || swapped(p, r)) return PART.typo;
    }
    return 0;
  }
  function swapped(p, r) {  // two neighbours swapped: the only difference
    if (p.length !== r.length) return false;
    var off = [];
    for (var i = 0; i < p.length && off.length < 3; i++) if (p[i] !== r[i]) off.push(i);
    return off.length === 2 && off[1] === off[0] + 1 && p[off[0]] === r[off[1]] && p[off[1]] === r[off[0]];
  }
  function edits(a, b) {  // Levenshtein distance: insertions, deletions, substitutions
    var prev = [], cur = [], i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      for (j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
      prev = cur;
    }
    return prev[b.length];
  }
  function nearest(id, data, most) {
    var slug = String(id).toLowerCase().replace(/-[0-9a-f]{4}$/, "");
    var parts = slug.split(/[-_]+/).filter(Boolean).slice(0, 8);
    var hits = [];
    data.agencies.forEach(function (a) {
      var theirs = String(a.id).split("-"), sum = 0;
      parts.forEach(function (p) {
        var best = 0;
        for (var k = 0; k < theirs.length && best < PART.same; k++) best = Math.max(best, partScore(p, theirs[k]));
        sum += best;
      });
      if (sum) hits.push({agency: a, score: sum});
    });
    var top = hits.reduce(function (m, h) { return Math.max(m, h.score); }, 0);
    // (within one part of the best: qinghai-haixi-geermu-renminzhengfo lists 格尔木's two, not 湟中区人民政府 for
    // qinghai and renminzhengfu alone)
    hits = hits.filter(function (h) { return h.score >= top - PART.same; });
    hits.forEach(function (h) { h.far = edits(slug, h.agency.id); });
    hits.sort(function (x, y) { return y.score - x.score || x.far - y.far || (x.agency.id < y.agency.id ? -1 : 1); });
    return {words: parts.join(" "), hits: hits.slice(0, most || 5)};
  }

  window.xxgkAgencies = {load: load, agencies: agencies, find: find, describe: describe, root: root,
                         listURL: listURL, notLoaded: NOT_LOADED, nearest: nearest};

  /* full text of the reports: Pagefind's index of the source pages, in shards (site/pagefind/<k>/, listed in
     pagefind/shards.json; see fulltext.py), loaded on the first query: the first shard through Pagefind's JS
     API, the others merged into it with mergeIndex (Pagefind's multisite search: each adds its metadata and
     the chunks for the query's words). A site built without it (no shards.json, or none listed) shows no
     full-text results: null. The list is asked for afresh (?ts=, as Pagefind asks for each shard's
     pagefind-entry.json): a list kept by the browser or a CDN after a rebuild (GitHub Pages: max-age=600) named
     shards as they were, the first one's pagefind.js gone (only the first shard carries the code), and the
     full-text results vanished without a word. A load that fails rejects (the finders say TEXT_NOT_LOADED);
     one that failed before Pagefind's code ran is forgotten, so the next query asks again. */
  var TEXT_NOT_LOADED = "原文检索未能加载（网络或服务器问题），请稍后重试或刷新页面。";
  var pagefind = null;
  function fullText() {
    if (!pagefind) {
      // noWorker is the wrapper's, read once when Pagefind is set up (its options before the first call); an index
      // merged in takes an instance's options only, and warned "Unknown Pagefind option noWorker" for each shard
      var merged = {baseUrl: new URL(root, location.href).pathname}, base = {baseUrl: merged.baseUrl, noWorker: true};
      var bundle = function (name) { return new URL(root + "pagefind/" + name, location.href).pathname; };
      var ran = false;  // Pagefind's code loaded and set up: its shards are not merged a second time
      pagefind = fetch(root + "pagefind/shards.json?ts=" + Date.now(), {cache: "no-store"}).then(function (r) {
        if (r.status === 404) return {shards: []};  // (a site without the index)
        if (!r.ok) throw new Error("pagefind/shards.json: " + r.status);
        return r.json();
      }).then(function (manifest) {
        var names = manifest.shards;
        if (!names.length) return null;
        return import(bundle(names[0]) + "pagefind.js").then(function (pf) {
          ran = true;
          return Promise.resolve(pf.options(base)).then(function () {
            // the first shard set up, or its error (its filters wait for it): mergeIndex waits for it without end,
            // so a first shard whose pagefind-entry.json was missing left the search "正在检索……" for good
            return pf.filters();
          }).then(function () {
            return Promise.all(names.slice(1).map(function (name) { return pf.mergeIndex(bundle(name), merged); }));
          }).then(function () { return pf; });
        });
      });
      pagefind.catch(function () { if (!ran) pagefind = null; });
    }
    return pagefind;
  }
  window.xxgkAgencies.fullText = fullText;  // the Pagefind instance, all shards merged (benchmarks/fulltext_scale.py)
  /* a query with 2+ Han characters runs twice: as Pagefind splits it (Intl.Segmenter) and with its parts kept
     whole (Pagefind on this thread, noWorker), the second's further reports after the first's (README: 原文检索) */
  var keepWhole = false;
  (function () {
    if (typeof Intl === "undefined" || typeof Intl.Segmenter !== "function") return;
    var Real = Intl.Segmenter;
    function Segmenter(lang, options) {
      var real = new Real(lang, options);
      if (!keepWhole || !options || options.granularity !== "word") return real;
      return {segment: function (text) {
        return String(text).split(/\s+/).filter(Boolean).map(function (part) { return {segment: part}; });
      }};
    }
    Segmenter.prototype = Real.prototype;
    Segmenter.supportedLocalesOf = Real.supportedLocalesOf;
    Intl.Segmenter = Segmenter;
  })();
  var HAN_RUN = /[\u3400-\u9fff]{2,}/;
  /* a query whose results are checked for the words as typed (notAsTyped): two or more Han characters, or a number of
     two or more digits (audit 31: 2293, a value of a table, which the index leaves out, listed a report holding only
     229大项 as 1 份报告与“2293”相关) */
  var TYPED = /[\u3400-\u9fff]{2,}|[0-9]{2,}/;
  function textSearch(pf, q, options, debounce) {
    var first = debounce ? pf.debouncedSearch(q, options, debounce) : pf.search(q, options);
    return first.then(function (split) {
      if (!split || !HAN_RUN.test(q) || typeof Intl.Segmenter !== "function") return split;
      keepWhole = true;
      var whole = pf.search(q, options);
      return whole.then(function (kept) {
        keepWhole = false;
        var seen = {};
        split.results.forEach(function (r) { seen[r.id] = true; });
        return {results: split.results.concat(kept.results.filter(function (r) { return !seen[r.id]; })),
                filters: split.filters};
      }, function (error) { keepWhole = false; throw error; });
    });
  }
  /* a Pagefind excerpt as nodes: its text, and the words it matched (its <mark>s) as <mark> elements, so the reader
     sees why a report is listed (信访 lists 信息: Pagefind matches words' beginnings); parsed in an inert document,
     nothing but text and marks is taken from it */
  function excerptNodes(html) {
    var frag = document.createDocumentFragment();
    new DOMParser().parseFromString(html || "", "text/html").body.childNodes.forEach(function (n) {
      var mark = n.nodeName === "MARK";
      var text = n.textContent.replace(/\u200b/g, "");  // Pagefind's word breaks: no part of the report's text
      var node = mark ? document.createElement("mark") : document.createTextNode(text);
      if (mark) node.textContent = text;
      frag.appendChild(node);
    });
    return frag;
  }
  /* Pagefind ranks a page by its words, wherever they stand: for 行政复议 (two words to its index, 行政 and 复议) a
     page with 行政 here and 复议 there can come before one saying 行政复议. A result's words are their positions in
     the page; the longest run of neighbouring positions is the longest stretch of what was asked found in one place
     (萤火虫栖息 is three words, 萤火 虫 栖息: a page saying 萤火虫 and, elsewhere, 栖息 has a run of two, one saying
     萤火虫栖息 a run of three). Pages with longer runs come first; Pagefind's order within each. Only Pagefind's first
     RERANK results are reordered (a word in every report lists them all: the rest keep Pagefind's order), so a
     national site's query never sorts a million lists of positions on a phone. */
  var RERANK = 1000;
  function longestRun(r) {
    var at = (r.words || []).slice().sort(function (a, b) { return a - b; }), best = at.length ? 1 : 0, run = 1;
    for (var i = 1; i < at.length; i++) {
      run = at[i] === at[i - 1] + 1 ? run + 1 : (at[i] === at[i - 1] ? run : 1);
      if (run > best) best = run;
    }
    return best;
  }
  function phraseFirst(results) {
    return results.slice(0, RERANK).map(function (r, i) { return {r: r, i: i, run: longestRun(r)}; })
      .sort(function (a, b) { return b.run - a.run || a.i - b.i; })
      .map(function (x) { return x.r; }).concat(results.slice(RERANK));
  }
  /* a result's passage around the words as typed: Pagefind picks the passage where most of its words are (行政 here,
     复议 there: a passage of 重大行政决策 for 行政复议); when the page's text holds the words as typed and the passage
     does not, the passage becomes the text around their first occurrence, the words marked. When the text does not
     hold them (a misspelt 信息处理费), the same around the longest run of their characters it holds (信息处理, two or
     more). Text only: escaped here, parsed in an inert document by excerptNodes like Pagefind's own */
  var AROUND = [40, 60];  // characters shown before and after the words
  function escapeText(text) { return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"); }
  function passageAsTyped(page, q) {
    var words = q.trim();
    if (!words || /\s/.test(words) || !page.content) return page;
    var shown = new DOMParser().parseFromString(page.excerpt || "", "text/html").body.textContent;
    var text = page.content.replace(/\u200b/g, ""), run = typedRun(text, words);
    if (run.length < 2 || shown.replace(/[\s\u200b]+/g, "").indexOf(run.text) >= 0) return page;
    var at = run.at, from = Math.max(0, at - AROUND[0]), to = Math.min(text.length, at + run.length + AROUND[1]);
    page.excerpt = (from ? "…" : "") + escapeText(text.slice(from, at)) + "<mark>" + escapeText(run.text) + "</mark>"
      + escapeText(text.slice(at + run.length, to)) + (to < text.length ? "…" : "");
    return page;
  }
  /* the longest run of ``words``' characters, in their order, that ``text`` holds, and where it first is:
     {text, at, length} (length 0 when it holds none). A query longer than TYPED_MOST is looked for whole only: the
     search is a run length by a start by a scan of the page */
  var TYPED_MOST = 32;
  function typedRun(text, words) {
    var at = text.indexOf(words);
    if (at >= 0 || words.length > TYPED_MOST) return {text: words, at: at, length: at >= 0 ? words.length : 0};
    for (var n = words.length - 1; n > 0; n--) {
      for (var i = 0; i + n <= words.length; i++) {
        at = text.indexOf(words.slice(i, i + n));
        if (at >= 0) return {text: words.slice(i, i + n), at: at, length: n};
      }
    }
    return {text: "", at: -1, length: 0};
  }
  /* the shown results whose passage holds the longest run of the words as typed first (the words whole, then the
     longest part of two or more characters: 信息处理 before 信息 for 信息处理费), each group in its order */
  function literalFirst(pages, q) {
    var words = q.replace(/\s+/g, "");
    var runs = pages.map(function (page) {
      var text = new DOMParser().parseFromString(page.excerpt || "", "text/html").body.textContent;
      var n = typedRun(text.replace(/[\s\u200b]+/g, ""), words).length;
      return n >= 2 ? n : 0;  // one character is no run (平 for 平谭: 平潭 and 平台 alike)
    });
    return pages.map(function (page, i) { return {page: page, i: i}; })
      .sort(function (x, y) { return runs[y.i] - runs[x.i] || x.i - y.i; })
      .map(function (x) { return x.page; });
  }
  /* how many of the loaded results hold the words (two or more Han characters, or digits: TYPED) as typed:
     {missing: false, held: -1} when the query is not such words; else {missing: none holds them, held: how many do, loaded: pages.length,
     all: every result was loaded, so the counts are the search's}. Pagefind also lists reports matching a part:
     平潭 lists the 平台 reports, so "10 份报告与“平潭”相关" was said of 4 reports holding 平潭 and 6 holding 平台 */
  function notAsTyped(pages, q, total) {
    if (!typedWords(q).length) return {missing: false, held: -1};
    var held = pages.filter(function (page) { return holds(page, q); }).length;
    return {missing: !held, held: held, loaded: pages.length, all: pages.length >= total};
  }
  /* words the reader parted by a space are each looked for (格尔木 2024: the report of 格尔木市2024 年 holds both;
     run together, 格尔木2024, it was said to hold neither: 原文中没有“格尔木 2024”) */
  function typedWords(q) { return q.split(/\s+/).filter(function (w) { return TYPED.test(w); }); }
  /* whether a result's text holds every such word as typed (true when the query has none: nothing to say) */
  function holds(page, q) { return !lacked(page, q).length; }
  /* the typed words a result's text does not hold as typed: a partial match names these, not the whole query (格尔木
     2024 under a report holding 格尔木 read 原文不含“格尔木 2024”: session 37) */
  function lacked(page, q) {
    var text = (page.content || "").replace(/[\s\u200b]+/g, "");
    return typedWords(q).filter(function (w) { return text.indexOf(w) < 0; });
  }
  /* the loaded results that hold every typed word first (lacked), each part in its order: the count said 4 份报告
     含“依申请公开 海淀” over a list whose 2nd and 3rd held only 依申请公开, the 4th holder 9th (session 55) */
  function heldFirst(pages, q) {
    var held = pages.map(function (page) { return holds(page, q); });
    return pages.filter(function (_, i) { return held[i]; }).concat(pages.filter(function (_, i) { return !held[i]; }));
  }
  /* some, not all, of the loaded results hold the words as typed: the rest match only a part of them */
  function partlyHeld(typed) { return typed.held > 0 && typed.held < typed.loaded; }
  /* where a hit links: its source page, scrolled to the passage (a text fragment, #:~:text=, in browsers that know
     it; the others open the page at its top): the words asked for when the excerpt holds them as typed, else the
     longest run of words it marks side by side (萤火 虫: 萤火虫). Pagefind's text puts a zero-width space between
     words: never part of what is linked. */
  function passageURL(url, q, excerpt) {
    var doc = new DOMParser().parseFromString(excerpt || "", "text/html").body;
    var plain = "", words = q.trim(), target = "", at = -1, run = "", runAt = 0;
    doc.childNodes.forEach(function (n) {
      var text = n.textContent.replace(/\u200b/g, "");
      if (n.nodeName === "MARK") {
        if (!run) runAt = plain.length + text.length - text.replace(/^\s+/, "").length;
        run += text.trim();
      } else if (text.trim()) run = "";
      plain += text;
      if (run.length > target.length) { target = run; at = runAt; }
    });
    if (words && plain.indexOf(words) >= 0) { target = words; at = plain.indexOf(words); }
    if (!target) return url;
    var fragment = fragmentPart(target);
    if (plain.substr(at, target.length) === target) {  // the words where the passage has them: the passage's own
      var before = plain.slice(0, at).match(/\S{0,6}$/)[0], after = plain.slice(at + target.length).match(/^\S{0,6}/)[0];
      // neighbours (a common word's first occurrence may be the title: 信息 in 信息处理费 found the title's 信息)
      if (before) fragment = fragmentPart(before) + "-," + fragment;
      if (after) fragment += ",-" + fragmentPart(after);
    }
    return url.split("#")[0] + "#:~:text=" + fragment;
  }
  function fragmentPart(text) { return encodeURIComponent(text).replace(/-/g, "%2D"); }
  /* a hit's report page: the source page's back link, kept by Pagefind as the meta "report" (relative to the source
     page); only a page of this site is linked */
  function reportURL(page) {
    if (!page.meta || !page.meta.report) return null;
    var at = new URL(page.meta.report, new URL(page.url, location.href));
    return at.origin === location.origin ? at.href : null;
  }
  function item(href, title, text) {
    var li = document.createElement("li"), link = document.createElement("a");
    var art = document.createElement("article"), h1 = document.createElement("h1"), p = document.createElement("p");
    li.className = "md-search-result__item";
    link.className = "md-search-result__link";
    link.href = href;
    link.tabIndex = -1;
    art.className = "md-search-result__article md-typeset";  /* Material's own results' type: without it an agency's
      line and a passage read at 10 px on a phone (the header's), 12.8 px with it (session 47) */
    h1.textContent = title;
    p.textContent = text;
    art.appendChild(h1); art.appendChild(p); link.appendChild(art); li.appendChild(link);
    return {li: li, link: link, article: art};
  }

  /* the words as a sentence repeats them: the first ECHOED characters (a query of 200 characters was written out
     whole in each count line, ten lines of a phone's screen above the first result: session 42) */
  var ECHOED = 40;
  function echoed(q) {
    var chars = Array.from(q);
    return chars.length > ECHOED ? chars.slice(0, ECHOED).join("") + "…" : q;
  }
  /* the header's count of full-text results. Pagefind matches words and their beginnings (平谭 finds 平潭 and 平台):
     "related", never "contains"; words no report holds as typed are said to be missing (notAsTyped: of the first
     ``looked`` results when there are more), the list being partial matches (before: 10 份报告与“平谭”相关) */
  function countSentence(total, q, typed, looked) {
    if (!total) return "报告原文：没有找到";
    if (partlyHeld(typed)) {  // 4 份报告含“平潭”，另 6 份部分匹配 (before: 10 份报告与“平潭”相关)
      return "报告原文：" + (typed.all ? "" : "前 " + typed.loaded + " 份中 ") + typed.held + " 份报告含“" + echoed(q) + "”，" +
        (typed.all ? "另 " + (total - typed.held) + " 份部分匹配" : "共 " + total + " 份报告相关");
    }
    if (!typed.missing) return "报告原文：" + total + " 份报告与“" + echoed(q) + "”相关";
    /* of the first results only: what the list is comes first (session 43: 前 10 份中没有“…”；406 份报告部分匹配 read
       as a heading saying no report holds the words over a list of reports; when every result was looked at, none
       holds them) */
    return "报告原文：" + (typed.all ? "没有“" + echoed(q) + "”；" + total + " 份报告部分匹配"
      : total + " 份报告部分匹配，前 " + looked + " 份都不含“" + echoed(q) + "”");
  }

  /* the reports of the agencies the words name, among a search's results: {result id: true}. Pagefind ranks a page
     by the words the browser makes of the query (平 of 平潭, 政府 of 湟中政府), so a short name listed other agencies'
     reports first — those saying 平台 or 政府 often — and none of the agency's own, which the agency part lists first
     (session 41: 平潭 over the seeds, the corpus and 400 synthetic reports). The agencies listed first (find: the
     best, or those tied with it, 格尔木's two, at most OWN_AGENCIES) are each looked for by their name's first two
     characters kept whole (the words of its reports beginning so: 平潭综合实验区, 湟中区) in their province (the full
     text's province filter); the first OWN_LOOKED of those the reader's search found too are loaded, and those whose
     report page is the agency's (a/<id>/) are its own. A search by the whole name found nothing of it: the browser
     splits it as it splits the query. Nothing when no agency matches or anything fails. */
  var OWN_AGENCIES = 3, OWN_LOOKED = 8;
  function ownResults(pf, q, results) {
    return load().then(function (data) {
      var hits = find(q, data), found = {}, own = {};
      if (!pf || !hits.length || !results.length) return own;
      results.forEach(function (r) { found[r.id] = true; });
      var named = hits.filter(function (h) { return h.score === hits[0].score; }).slice(0, OWN_AGENCIES);
      // one after another: keepWhole holds for the whole of a search (Pagefind builds its segmenter in between)
      return named.reduce(function (done, h) {
        return done.then(function () { return agencyResults(pf, h.agency, found, own); });
      }, Promise.resolve()).then(function () { return own; });
    }).catch(function () { keepWhole = false; return {}; });
  }
  function agencyResults(pf, agency, found, own) {
    var start = Array.from(agency.n).slice(0, 2).join("");
    if (!/^[\u3400-\u9fff]{2}$/.test(start)) return Promise.resolve();
    var folder = new URL(root + "a/" + agency.id + "/", location.href).href;
    keepWhole = true;
    return pf.search(start, agency.p ? {filters: {province: agency.p}} : {}).then(function (named) {
      keepWhole = false;
      var looked = named.results.filter(function (r) { return found[r.id]; }).slice(0, OWN_LOOKED);
      return Promise.all(looked.map(function (r) { return r.data(); })).then(function (pages) {
        pages.forEach(function (page, i) {
          var report = reportURL(page);
          if (report && report.indexOf(folder) === 0) own[looked[i].id] = true;
        });
      });
    }, function (error) { keepWhole = false; throw error; });
  }
  /* ``items`` (Pagefind's results, or the pages loaded of them: xxgkId) with those of ``own`` first, each part in its
     order */
  function ownFirst(items, own) {
    var mine = function (x) { return own[x.xxgkId !== undefined ? x.xxgkId : x.id]; };
    return items.filter(mine).concat(items.filter(function (x) { return !mine(x); }));
  }

  /* header: Material's search box gets an agency list above its page results */
  function header() {
    var input = document.querySelector("input.md-search__input");
    var result = document.querySelector("[data-md-component=search-result]");
    if (!input || !result || input.dataset.xxgkAgencies) return;
    input.dataset.xxgkAgencies = "1";
    /* inside Material's result element, first: its arrow keys move through these links too, and Enter opens
       the agency listed first (or, when two match equally well, the list of them: enterOpensBest) */
    function region(className, before) {  // a part's list of hits inside Material's result element (not live: said)
      var div = document.createElement("div");
      div.className = className;
      result.insertBefore(div, before);
      return div;
    }
    var box = region("xxgk-agency-hits", result.firstChild);
    /* what a screen reader hears of the words typed: each part's count line (机构：找到 1 个；报告原文：…), once every
       part has answered them (settle). Each part was a live region of its whole list (session 40): every name, region
       and passage was read out, the agencies' and then the reports', at each pause in the typing. */
    var said = document.createElement("p");
    said.className = "xxgk-unseen";
    said.setAttribute("role", "status");
    result.insertBefore(said, box);
    function countLine(part) {  // a part's count line as read: without its 全部列出 → link
      var meta = part.querySelector(".md-search-result__meta");
      return meta ? Array.from(meta.childNodes).filter(function (n) { return n.nodeName !== "A"; })
        .map(function (n) { return n.textContent; }).join("").trim() : "";
    }
    /* The three parts answer each in its own time — the agencies (agencies.json), the reports' text (Pagefind, the
       slowest) and Material's page hits — and each stood where it came: the reports' hits, arriving last above
       Material's, pushed those down by 505 px on a 390 px phone as the reader reached for one (session 36). A part is
       shown once every part above it has answered the words in the box (xxgk-hold on the results, agencies.css), so
       what is on screen never moves: the parts come in from the top down. */
    function settle() {
      var q = input.value;
      var hold = box.dataset.q !== q ? "agencies" : texts.dataset.q !== q ? "texts" : "";
      if (hold) result.setAttribute("data-xxgk-hold", hold); else result.removeAttribute("data-xxgk-hold");
      if (!hold) said.textContent = q.trim() ? [box, texts].map(countLine).filter(Boolean).join("；") : "";
    }
    function answered(part, q) {
      if (input.value !== q) return;
      part.dataset.q = q;
      settle();
    }
    function nowrap(text) {  // a note that a line break would cut between a number and its measure word
      var span = document.createElement("span");
      span.className = "xxgk-nowrap";
      span.textContent = text;
      return span;
    }
    function run() {
      var q = input.value;
      if (!q.trim()) { box.textContent = ""; answered(box, q); return; }
      load().then(function (data) {
        if (input.value !== q) return;
        var hits = find(q, data);
        box.textContent = "";
        var meta = document.createElement("div");
        meta.className = "md-search-result__meta";
        // (named as the full-text part below is: a bare 没有找到机构 above a list of report hits read as "nothing")
        meta.textContent = hits.length ? "机构：找到 " + hits.length + " 个" : "机构：没有找到";
        if (hits.length > 12) meta.appendChild(nowrap("（显示前12个）"));
        // two or more agencies match equally well (海城: 海城市教育局 and 海城市数据局; 青海: its agencies): none is
        // "the one typed", so Enter lists them all rather than open the first by name order
        var tie = hits.length > 1 && hits[0].score === hits[1].score;
        if (hits.length > 12 || tie) {
          var all = document.createElement("a");
          all.href = listURL(q);
          all.textContent = "　全部列出 →";
          all.className = "xxgk-nowrap";  // (a phone broke it as 全部列 / 出 →)
          if (tie) all.setAttribute("data-xxgk-enter", "");  // what Enter opens (enterOpensBest)
          meta.appendChild(all);
        }
        box.appendChild(meta);
        var ol = document.createElement("ol");
        ol.className = "md-search-result__list";
        hits.slice(0, 12).forEach(function (h, i) {
          var hit = item(root + "a/" + h.agency.id + "/", h.agency.n, "机构 · " + describe(h.agency));
          hit.link.classList.add("xxgk-agency-hit");
          // every agency listed outranks the site's own pages, as it is listed above them: an agency found by its
          // region, pinyin or words (格尔木 数据) had 0, and Enter opened Material's page hit (数据下载) instead
          hit.article.setAttribute("data-md-score", String(1e6 - i));
          ol.appendChild(hit.li);
        });
        box.appendChild(ol);
        answered(box, q);
      }).catch(function () {
        if (input.value !== q) return;
        box.textContent = "";
        var meta = document.createElement("div");
        meta.className = "md-search-result__meta";
        meta.textContent = "机构：" + NOT_LOADED;
        box.appendChild(meta);
        answered(box, q);
      });
    }
    var texts = region("xxgk-fulltext-hits", box.nextSibling);
    function runText() {
      var q = input.value;
      if (!q.trim()) { texts.textContent = ""; answered(texts, q); return; }
      var engine = null;
      fullText().then(function (pf) {
        if (!pf) return null;
        engine = pf;
        return textSearch(pf, q, {}, 250);
      }, function () {  // said, as the agency part says NOT_LOADED (before: nothing, as for a site without the index)
        if (input.value !== q) return null;
        texts.textContent = "";
        var meta = document.createElement("div");
        meta.className = "md-search-result__meta xxgk-fulltext-failed";
        meta.textContent = "报告原文：" + TEXT_NOT_LOADED;
        texts.appendChild(meta);
        answered(texts, q);
        return null;
      }).then(function (search) {
        if (!search) { answered(texts, q); return; }  // (a site without the index: nothing to wait for)
        if (input.value !== q) return;
        return ownResults(engine, q, search.results).then(function (own) {
        var ranked = ownFirst(phraseFirst(search.results), own);
        return Promise.all(ranked.slice(0, 10).map(function (r) {
          return r.data().then(function (page) { page.xxgkId = r.id; return page; });
        })).then(function (pages) {
          var typed = notAsTyped(pages, q, search.results.length);
          pages = ownFirst(heldFirst(literalFirst(pages.map(function (p) { return passageAsTyped(p, q); }), q), q), own)
            .slice(0, 5);
          // (of the first ten: those holding every word typed first, a passage holding the words first within each,
          // the reports of the agency named before them)
          if (input.value !== q) return;
          texts.textContent = "";
          var meta = document.createElement("div");
          meta.className = "md-search-result__meta";
          meta.textContent = countSentence(search.results.length, q.trim(), typed, 10);
          if (search.results.length > 5) meta.appendChild(nowrap("（显示前5份）"));  // (a phone broke it 5 / 份)
          if (search.results.length) {
            var every = document.createElement("a");
            every.href = root + "fulltext/?text=" + encodeURIComponent(q.trim());
            every.textContent = "　全部列出 →";
            every.className = "xxgk-nowrap";
            meta.appendChild(every);
          }
          texts.appendChild(meta);
          var ol = document.createElement("ol");
          ol.className = "md-search-result__list";
          pages.forEach(function (page) {
            var it = item(passageURL(page.url, q, page.excerpt), (page.meta && page.meta.title || "").replace(/^原文：/, "") + " · 原文", "");
            it.article.querySelector("p").appendChild(excerptNodes(page.excerpt));
            it.link.classList.add("xxgk-fulltext-hit");
            it.article.setAttribute("data-md-score", "0");
            ol.appendChild(it.li);
          });
          texts.appendChild(ol);
          answered(texts, q);
        });
        });
      }).catch(function () { answered(texts, q); });  // (a search that failed: nothing more is coming)
    }
    input.addEventListener("input", settle);
    input.addEventListener("input", run);
    input.addEventListener("input", runText);
    input.addEventListener("focus", function () { load().catch(function () {}); });  // (said when a query runs)
    // words already in the box: Material put them there from a ?q= address before this ran, with no input event
    // (a shared /?q=平潭 listed Material's page hits only, no agency and no report)
    settle();
    if (input.value.trim()) { run(); runText(); } else { answered(box, ""); answered(texts, ""); }
    input.addEventListener("keydown", function (e) { enterOpensBest(e, result); });
  }

  /* Enter in the header's box opens the best-scored result (bestResult), here and not in Material's handler, which
     read a score from every link of the results and threw on one without (the 全部列出 → of a count line): the form
     was then sent, the page reloaded as ?query=… and the words were lost (audit 24). Nothing listed: nothing
     happens. While an input method composes (pinyin), Enter is the input method's and opens nothing. */
  function enterOpensBest(e, result) {
    if (e.key !== "Enter" || e.metaKey || e.ctrlKey || e.altKey || e.shiftKey) return;
    e.stopPropagation();  // Material listens on window: it does not see this Enter
    if (e.isComposing || e.keyCode === 229) return;
    e.preventDefault();
    var best = result.querySelector(".xxgk-agency-hits a[data-xxgk-enter]") || bestResult(result);
    if (best) best.click();
  }
  /* the result link whose article carries the highest data-md-score (an agency listed, 1e6 − rank; a report, 0;
     Material's page hits, its own scores), the first in the page on a tie; null when none has one */
  function bestResult(result) {
    var best = null, top = -Infinity;
    result.querySelectorAll("a[href]").forEach(function (a) {
      var score = a.firstElementChild ? parseFloat(a.firstElementChild.getAttribute("data-md-score")) : NaN;
      if (score > top) { top = score; best = a; }
    });
    return best;
  }

  /* the finder on the agency index page */
  function finder() {
    var input = document.getElementById("xxgk-agency-finder");
    if (!input || input.dataset.done) return;
    input.dataset.done = "1";
    var out = document.getElementById("xxgk-agency-finder-results");
    var status = document.getElementById("xxgk-agency-finder-status");
    function show() {
      var q = input.value;
      load().then(function (data) {
        if (input.value !== q) return;
        out.textContent = "";
        if (!q.trim()) { status.textContent = ""; return; }
        var hits = find(q, data);
        status.textContent = hits.length ? "找到 " + hits.length + " 个机构" + (hits.length > 500 ? "（显示前500个）" : "") : "没有找到机构：可试试简称、拼音首字母或省份名";
        hits.slice(0, 500).forEach(function (h) {
          var li = document.createElement("li"), link = document.createElement("a");
          link.href = root + "a/" + h.agency.id + "/";
          link.textContent = h.agency.n;
          li.appendChild(link);
          li.appendChild(document.createTextNode("　" + describe(h.agency)));
          out.appendChild(li);
        });
        /* no agency by that name: the words (a number, 依申请公开, a person's name) may be in the reports' text; a
           reader who typed 154 was told to try a short name or initials, with no way on */
        if (!hits.length) {  // (beside the status, not in the list of agencies: no agency is listed)
          var link = document.createElement("a");
          link.href = root + "fulltext/?text=" + encodeURIComponent(q.trim());
          link.textContent = "在报告原文中检索“" + echoed(q.trim()) + "”";
          status.appendChild(document.createTextNode("；或"));
          status.appendChild(link);
        }
      }).catch(function () {
        if (input.value === q) { out.textContent = ""; status.textContent = NOT_LOADED; }
      });
    }
    input.addEventListener("input", show);
    var asked = new URLSearchParams(location.search).get("find");  // from the header's 全部列出 (listURL)
    if (asked) { input.value = asked; show(); }
  }

  /* the full-text search page (fulltext_page.py): its GET form's words, year and province (?text=&year=&province=;
     ?q= would open Material's search) are searched as the page opens; the results RESULTS_PER_PAGE (data-per-page)
     at a time, each with its report page, the passage and a link to the passage in the source */
  function fulltextPage() {
    var form = document.getElementById("xxgk-fulltext");
    if (!form || form.dataset.done) return;
    form.dataset.done = "1";
    var input = document.getElementById("xxgk-fulltext-q");
    var status = document.getElementById("xxgk-fulltext-status");
    var list = document.getElementById("xxgk-fulltext-results");
    var more = document.getElementById("xxgk-fulltext-more");
    var step = parseInt(form.dataset.perPage, 10) || 20;
    var menus = ["year", "province"].map(function (name) { return document.getElementById("xxgk-fulltext-" + name); });
    var ranked = [], own = {}, shown = 0, q = "", run = 0, said = function () {};
    function settled() { list.removeAttribute("aria-busy"); form.dataset.state = "done"; }  // (what tests wait for)
    function showMore() {
      var slice = ranked.slice(shown, shown + step), mine = run;
      more.disabled = true;
      list.setAttribute("aria-busy", "true");
      return Promise.all(slice.map(function (r) {
        return r.data().then(function (page) { page.xxgkId = r.id; return page; });
      })).then(function (pages) {
        if (mine !== run) return;  // a newer search began meanwhile: its results, not these
        if (!shown) said(notAsTyped(pages, q, ranked.length), slice.length);
        ownFirst(heldFirst(literalFirst(pages.map(function (p) { return passageAsTyped(p, q); }), q), q), own)
          .forEach(function (page) {
          var li = document.createElement("li"), head = document.createElement("p");
          var title = (page.meta && page.meta.title || "").replace(/^原文：/, "");
          var report = reportURL(page), name = document.createElement(report ? "a" : "span");
          name.textContent = title;
          if (report) name.href = report;
          name.className = "xxgk-fulltext-title";
          head.appendChild(name);
          /* a report listed for a part of the words (平台 for 平潭) says so under its name: the status counted them
             (另 4 份只部分匹配), and nothing in the list said which, their passages read as answers (session 37) */
          var lacks = lacked(page, q);
          if (lacks.length) {
            var part = document.createElement("span");
            part.className = "xxgk-fulltext-partial";
            part.textContent = "只部分匹配：原文不含“" + lacks.join("”“") + "”";
            head.appendChild(document.createTextNode(" "));
            head.appendChild(part);
          }
          var passage = document.createElement("p");
          passage.className = "xxgk-fulltext-excerpt";
          passage.appendChild(excerptNodes(page.excerpt));
          var source = document.createElement("a");
          source.href = passageURL(page.url, q, page.excerpt);
          source.textContent = "在原文中查看 →";
          source.className = "xxgk-fulltext-source";
          li.appendChild(head); li.appendChild(passage); li.appendChild(source);
          list.appendChild(li);
        });
        shown += slice.length;
        var left = ranked.length - shown;
        more.hidden = left <= 0;
        more.disabled = false;
        more.textContent = "再显示 " + Math.min(step, left) + " 份（已显示 " + shown + " / " + ranked.length + "）";
        settled();
      });
    }
    /* search the words, year and province of ``asked`` (URLSearchParams): the page's address as it opens, or
       the form's as a menu changes (the results replaced in place, the address too: no page load, and the
       keyboard stays on the menu) */
    function search(asked) {
      var filters = {}, chosen = [], unknown = [], mine = ++run;
      input.value = asked.get("text") || "";
      menus.forEach(function (menu) {
        var name = menu.name, value = asked.get(name) || "";
        menu.value = value;
        if (value && menu.value === value) {  // a value the menu offers (the index's own values)
          filters[name] = value;
          chosen.push(menu.options[menu.selectedIndex].textContent);
        } else if (value) {  // an address naming a year or province no report has: said, and not applied
          menu.value = "";
          unknown.push("没有" + (name === "year" ? "年度" : "省份") + "为“" + value + "”的报告，未按它筛选。");
        }
      });
      q = input.value.trim();
      list.textContent = "";
      ranked = []; shown = 0; more.hidden = true;
      form.dataset.state = "busy";
      if (!q) { status.textContent = "输入检索词，按“检索”。"; settled(); return; }
      status.textContent = "正在检索……";
      own = {};
      var engine = null;
      fullText().then(function (pf) {
        if (!pf) { status.textContent = "本站没有原文检索索引。"; settled(); return null; }
        engine = pf;
        return textSearch(pf, q, {filters: filters});
      }).then(function (found) {
        if (!found || mine !== run) return null;
        /* the reports of the agency the words name first, as in the header (ownResults; session 41's leftover: 平潭
           listed twenty other agencies' reports and said 排在前面的 20 份报告的原文中没有“平潭”, its own four below) */
        return ownResults(engine, q, found.results).then(function (mineFound) {
          if (mine === run) own = mineFound;
          return found;
        });
      }).then(function (found) {
        if (!found || mine !== run) return;
        ranked = ownFirst(phraseFirst(found.results), own);
        var scope = chosen.length ? "（" + chosen.join("，") + "）" : "";
        status.textContent = (ranked.length ? ranked.length + " 份报告" + scope + "的原文与“" + echoed(q) + "”相关。"
          : "没有找到原文与“" + echoed(q) + "”相关的报告" + scope + "。") + unknown.join("");
        /* once the first results are loaded: words no report holds as typed said to be missing (countSentence) */
        said = function (typed, looked) {
          if (partlyHeld(typed)) {  // (as the header's countSentence)
            status.textContent = (typed.all ? "" : "排在前面的 " + typed.loaded + " 份中 ") + typed.held + " 份报告" + scope +
              "的原文含“" + echoed(q) + "”，" + (typed.all ? "另 " + (ranked.length - typed.held) + " 份只部分匹配（如只含其中的字）。"
              : "共 " + ranked.length + " 份报告与它相关。") + unknown.join("");
            return;
          }
          if (!typed.missing) return;
          /* of the first results only: the list said for what it is, partial matches, then what its first results
             lack (session 43: 排在前面的 20 份报告的原文中没有“…”；以下是部分匹配的 406 份报告 headed a list of 406 with
             the words' absence; when every result was looked at, none holds them) */
          status.textContent = (typed.all ? "原文中没有“" + echoed(q) + "”；以下是部分匹配的 " + ranked.length + " 份报告" +
            scope + "，只含其中的部分字词。" : "以下 " + ranked.length + " 份报告" + scope + "与“" + echoed(q) +
            "”部分匹配（含其中的部分字词），排在前面的 " + looked + " 份的原文都不含“" + echoed(q) + "”。") + unknown.join("");
        };
        return showMore();
      }).catch(function () { if (mine === run) { status.textContent = TEXT_NOT_LOADED; settled(); } });
    }
    more.addEventListener("click", function () {
      var first = list.children.length;
      form.dataset.state = "busy";
      showMore().then(function () {  // the keyboard stays with the reader: on the first new result
        var link = list.children[first] && list.children[first].querySelector("a");
        if (link) link.focus();
      });
    });
    function asked() {
      var words = new URLSearchParams();
      words.set("text", input.value);
      menus.forEach(function (m) { if (m.value) words.set(m.name, m.value); });
      return words;
    }
    var searched = location.search;  /* the address of the search shown */
    menus.forEach(function (menu) {
      menu.addEventListener("change", function () {
        var words = asked();
        history.replaceState(null, "", "?" + words.toString());  // (the address stays a link to this search)
        searched = location.search;
        search(words);
      });
    });
    /* words sent (Enter, 检索) are searched here, not by reloading the page: the keyboard stays in the box (a reload
       put it back at the page's top, the skip link, the menu and the form again before the results: session 38);
       each search its own address, Back returning to the one before */
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var words = asked();
      if ("?" + words.toString() !== location.search) history.pushState(null, "", "?" + words.toString());
      searched = location.search;
      search(words);
    });
    /* (a link to a place in the page, the skip link, is a history entry too: only another search is searched) */
    window.addEventListener("popstate", function () {
      if (location.search !== searched) { searched = location.search; search(new URLSearchParams(searched)); }
    });
    search(new URLSearchParams(location.search));
  }

  function all() { header(); finder(); fulltextPage(); }
  if (window.document$) { window.document$.subscribe(all); } else { document.addEventListener("DOMContentLoaded", all); }
})();
