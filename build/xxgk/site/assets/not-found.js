/* xxgk: the 404 page's script (site_overrides/404.html). A file, not the page's inline script it was: the site's
   Content-Security-Policy runs no inline script (csp.py). It reads the address, which is anyone's: it writes text
   only (textContent), and links only pages of this site (``same``: the site's origin) whose path it built from
   an id of the form [a-z0-9_-] or a page the site's own JSON lists. What it does for each kind of address is
   said in 404.html. */
(function () {
  /* the old-URL map's shard digits (assets/site.json, written on the status line by 404.html) */
  var digits = parseInt(document.getElementById("xxgk-404-status").getAttribute("data-shard-digits"), 10) || 1;
  var same = function (path) { var u = new URL(path, location.href); return u.origin === location.origin ? u : null; };
  /* an agency id that is not here: two agencies whose names sound the same (格尔木市数据局, 格尔木市数聚局) share
     the readable id, the later one with a 4-digit suffix (agency/registry.py agency_ids), so an old link may
     name the other form. The agencies of the same readable id, with or without a suffix, are listed by name
     (never opened for the reader: another agency could be the one of that id now). ``also``: the id has a page
     (the agency has no report of ``year``), and the homophones are listed after what the status says of it: the
     link may be one made when the homophone held this id */
  /* json/agencies.json's agencies, fetched once (the sentence of an agency's missing year and the homophones
     read it) */
  var listed = null;
  var agencies = function (root) {
    var list = same(root + "json/agencies.json");
    listed = listed || (list ? fetch(list.href).then(function (r) { return r.ok ? r.json() : {}; })
      .then(function (data) { return Array.isArray(data.agencies) ? data.agencies : []; }) : Promise.resolve([]));
    return listed;
  };
  var homophones = function (root, id, year, also) {
    var base = id.replace(/-[0-9a-f]{4}$/, "");
    var akin = function (x) { return x !== id && (x === base || (x.length === base.length + 5 &&
      x.slice(0, base.length + 1) === base + "-" && /^[0-9a-f]{4}$/.test(x.slice(base.length + 1)))); };
    return agencies(root).then(function (all) {
      var found = all.filter(function (x) { return typeof x.id === "string" && akin(x.id); });
      if (!found.length) return also || nearest(root, id, year);
      var status = document.getElementById("xxgk-404-status");
      var lead = "读音相同的机构名称共用同一编号（后加4位后缀区分），您要找的可能是：";
      if (also) status.appendChild(document.createTextNode(" " + lead));
      else status.textContent = "该机构编号下没有页面。" + lead;
      var ul = document.createElement("ul");
      ul.id = "xxgk-404-homophones";
      found.forEach(function (x) {
        var has = year && x.y && Object.prototype.hasOwnProperty.call(x.y, year);
        var to = same(root + "a/" + x.id + "/" + (has ? year + ".html" : ""));
        if (!to) return;
        var li = document.createElement("li"), link = document.createElement("a");
        link.href = to.pathname;
        link.textContent = String(x.n || x.id) + (has ? " " + year + "年度报告" : year ? "（本站没有其" + year + "年的报告）" : "");
        li.appendChild(link);
        ul.appendChild(li);
      });
      status.parentNode.insertBefore(ul, status.nextSibling);
    }).catch(function () {});
  };
  /* no agency of that id, nor a homophone: the agencies nearest it (search.js nearest), each linked (to its
     ``year`` report when it has one), and the id's words put in the search box (查找机构) */
  /* xxgk.js (window.xxgkShared) runs at the end of the body, after this script: a fetch answered while the
     page still loads (a slow xxgk.js) found it missing and listed nothing, so it is awaited */
  var parsed = function () {
    return document.readyState !== "loading" ? Promise.resolve() : new Promise(function (done) {
      document.addEventListener("DOMContentLoaded", done); });
  };
  var nearest = function (root, id, year, lead) {
    return parsed().then(function () {
      var shared = window.xxgkShared;
      return shared && shared.loadSearch && shared.loadSearch();
    }).then(function () {
      var search = window.xxgkAgencies;
      return search && search.load().then(function (data) {
        var near = search.nearest(id, data, 5), box = document.getElementById("xxgk-404-find-q");
        if (box && !box.value) box.value = near.words;
        var status = document.getElementById("xxgk-404-status");
        status.textContent = (lead || "本站没有编号为“" + id + "”的机构。") + (near.hits.length ? "与它最接近的机构：" :
          "也没有与它相近的机构，请在下面的搜索框中按名称、简称、拼音或地名查找。");
        if (!near.hits.length) return;
        var ul = document.createElement("ul");
        ul.id = "xxgk-404-nearest";
        near.hits.forEach(function (hit) {
          var x = hit.agency, has = year && x.y && Object.prototype.hasOwnProperty.call(x.y, year);
          var to = same(root + "a/" + x.id + "/" + (has ? year + ".html" : ""));
          if (!to) return;
          var li = document.createElement("li"), link = document.createElement("a"), about = search.describe(x);
          link.href = to.pathname;
          link.textContent = String(x.n || x.id) + (has ? " " + year + "年度报告" : "");
          li.appendChild(link);
          if (about) li.appendChild(document.createTextNode("（" + about + "）"));
          ul.appendChild(li);
        });
        status.parentNode.insertBefore(ul, status.nextSibling);
      });
    }).catch(function () {});
  };
  var moved = function (page) {
    document.getElementById("xxgk-404-status").textContent = "本报告页面已移动，正在跳转……";
    location.replace(page.pathname + location.hash);
  };
  /* an agency's page: its name and the years it has, each linked (``lead``: what the status says first, given the
     agency's name); then the agencies whose id reads the same (the link may be one made when a homophone held
     this id) */
  var agencyYears = function (root, id, agency, lead, year) {
    return agencies(root).catch(function () { return []; }).then(function (all) {
      var own = all.filter(function (x) { return x && x.id === id; })[0] || {};
      var status = document.getElementById("xxgk-404-status");
      status.textContent = lead(typeof own.n === "string" && own.n ? own.n : "该机构");
      var years = own.y && typeof own.y === "object" ? Object.keys(own.y).sort().filter(function (y) {
        return typeof own.y[y] === "string" && /^a\/[a-z0-9][a-z0-9_-]*\/[0-9]{4}[a-z0-9_-]*\.html$/i.test(own.y[y]);
      }) : [];
      years.forEach(function (y, i) {
        var to = same(root + own.y[y]);
        if (!to) return;
        status.appendChild(document.createTextNode(i ? "、" : "已收录的年度："));
        var each = document.createElement("a");
        each.href = to.pathname;
        each.textContent = y.slice(0, 4) + "年";
        status.appendChild(each);
      });
      if (years.length) status.appendChild(document.createTextNode("。"));
      var link = document.createElement("a");
      link.id = "xxgk-404-agency";
      link.href = agency.pathname;
      link.textContent = "查看该机构已收录的全部报告";
      status.appendChild(document.createTextNode(" "));
      status.appendChild(link);
      return homophones(root, id, year, true);
    });
  };
  /* the site's folder: one leading slash, never //host/ (another host) */
  /* (…/2024 without its .html, as a reader types or pastes a report's address, or mistyped: …/2024.htm,
     …/2024/index.htm, …/2024.html/: the page meant, /a/<id>/2024.html, when it is there; else, as for the old
     address, what the agency has) */
  var a = /^(\/(?:[^\/]+\/)*)a\/([a-z0-9][a-z0-9_-]*)\/([0-9]{4}(?:-[a-z0-9_-]+)?)([\/.].*)?$/i.exec(location.pathname);
  /* (the page's own address, …/2020.html, for a year the agency has no report of: said as for the old one) */
  var flat = a && same(a[1] + "a/" + a[2] + "/" + a[3] + ".html");
  if (flat && !window.fetch) return moved(flat);
  /* the agency may have no report for that year: never send the reader on to a second 404 */
  var exists = function (url) {
    return fetch(url.href, {method: "HEAD"}).then(function (r) { return r.ok; }, function () { return false; });
  };
  if (flat) {
    (a[4] === ".html" ? Promise.resolve(false) : exists(flat)).then(function (found) {
      if (found) return moved(flat);
      var agency = same(a[1] + "a/" + a[2] + "/");
      return agency && exists(agency).then(function (has) {
        var year = a[3].slice(0, 4);
        if (!has) return homophones(a[1], a[2], year);
        /* the agency named and its years linked, written once the list has come (session 43: 本站没有收录该机构2099年
           的报告 told a reader arriving from a mistyped link neither whose page it was nor which years there are) */
        return agencyYears(a[1], a[2], agency, function (name) { return "本站没有收录" + name + year + "年的报告。"; }, year);
      });
    });
    return;
  }
  /* an agency's own page, /a/<agency_id>/, that is not there */
  var page = /^(\/(?:[^\/]+\/)*)a\/([a-z0-9][a-z0-9_-]*)(?:\/(?:index\.html)?)?$/i.exec(location.pathname);
  if (page && window.fetch) return homophones(page[1], page[2], "");
  /* anything else under an agency's address (/a/<id>/index.htm, /a/<id>/2023年.html, a link cut or pasted with
     more after it): the agency's years, as for a missing year, when the agency is here; else its homophones or
     the agencies nearest it. What follows the id is never shown nor followed (it is the address's: anyone's) */
  var under = /^(\/(?:[^\/]+\/)*)a\/([a-z0-9][a-z0-9_-]*)\/./i.exec(location.pathname);
  var agencyHome = under && window.fetch && same(under[1] + "a/" + under[2] + "/");
  if (agencyHome) {
    exists(agencyHome).then(function (has) {
      if (!has) return homophones(under[1], under[2], "");
      return agencyYears(under[1], under[2], agencyHome, function (name) { return "本站没有这个页面。" + name; }, "");
    });
    return;
  }
  /* the folders that hold pages but are none (a/, r/, src/: an agency's or report's address cut short; downloads/)
     lead to the index of what they hold, as report-card/ is its own */
  var folder = /^(\/(?:[^\/]+\/)*?)(a|r|src|downloads)\/?(?:index\.html)?$/.exec(location.pathname);
  var index = folder && same(folder[1] + (folder[2] === "downloads" ? "data/" : "agencies/"));
  if (index) {
    document.getElementById("xxgk-404-status").textContent = "正在打开" + (folder[2] === "downloads" ? "数据下载页" : "机构索引") + "……";
    return location.replace(index.pathname);
  }
  /* report-card/<year>-<tier>/ (a province page's address without the province): the report card's list of
     that group's provinces, when the group is there; else said, with the link to the report card */
  var rc = /^(\/(?:[^\/]+\/)*)report-card\/((?:[0-9]{4}|unknown)-[a-z_]+)\/(?:index\.html)?$/.exec(location.pathname);
  var card = rc && same(rc[1] + "report-card/");
  if (card && window.fetch) {
    fetch(card.href).then(function (r) { return r.ok ? r.text() : ""; }, function () { return ""; }).then(function (page) {
      var id = ["-provinces", ""].map(function (end) { return "xxgk-ranking-" + rc[2] + end; }).filter(function (x) {
        return new RegExp("\\sid=[\"']?" + x + "(?=[\\s\"'>])").test(page);
      })[0];
      if (id) {
        document.getElementById("xxgk-404-status").textContent = "正在打开报告评估排名中该年度和层级的省份列表……";
        return location.replace(card.pathname + "#" + id);
      }
      var status = document.getElementById("xxgk-404-status");
      status.textContent = "报告评估排名中没有“" + rc[2] + "”这一组（年度-行政层级）。";
      status.appendChild(document.getElementById("xxgk-404-report-card").cloneNode(true)).removeAttribute("id");
    });
    return;
  }
  /* a page of the site's menu asked for otherwise (/compare.html, /Data/, /quality/index.htm, a word's case or an
     extension mistyped) is opened; an address under one (/agencies/x, /compare/2024/) names it and links it (session
     51: both got 页面不存在 alone). The pages are the menu's own links (their paths, the site's, never the address's
     words); the home page's is none to match */
  var asked = location.pathname.toLowerCase().replace(/\/+$/, "");
  var menu = Array.from(document.querySelectorAll("nav.md-nav--primary a.md-nav__link[href]")).map(function (link) {
    var to = same(link.getAttribute("href")), part = to && /^(\/(?:[^\/]+\/)*)([a-z0-9-]+)\/$/.exec(to.pathname);
    return part && {to: to, root: part[1].toLowerCase(), name: part[2], words: link.textContent.trim()};
  }).filter(Boolean);
  var meant = menu.filter(function (x) {
    var rest = asked.slice(x.root.length);
    return asked.indexOf(x.root) === 0 && new RegExp("^" + x.name + "(?:\\.s?html?|\\.php|\\.aspx?|\\/index(?:\\.s?html?)?)?$").test(rest);
  })[0];
  if (meant) {
    document.getElementById("xxgk-404-status").textContent = "正在打开" + meant.words + "……";
    return location.replace(meant.to.pathname + location.search + location.hash);
  }
  var above = menu.filter(function (x) { return asked.indexOf(x.root + x.name + "/") === 0; })[0];
  if (above) {
    var said = document.getElementById("xxgk-404-status"), page = document.createElement("a");
    said.textContent = "本站没有这个页面。您要找的可能在这一页：";
    page.href = above.to.pathname;
    page.textContent = above.words;
    said.appendChild(page);
    return;
  }
  /* a word alone (/huangzhong, /geermu-shujuju: an agency's pinyin typed as an address): the agencies nearest it */
  var word = /^(\/(?:[^\/]+\/)*?)([a-z][a-z0-9-]{2,40})\/?$/.exec(location.pathname);
  var home = menu.length ? menu[0].root : "/";
  if (word && word[1] === home && window.fetch) {
    return nearest(home, word[2], "", "页面不存在：本站没有这个页面。");  /* (the word is in the box below) */
  }
  var m = /^(\/(?:[^\/]+\/)*)r\/([^\/]+)\/?(?:index\.html)?$/.exec(location.pathname);
  if (!m || !window.fetch) return;
  var mapUrl = same(m[1] + "json/r/");
  if (!mapUrl) return;
  var id;
  try { id = decodeURIComponent(m[2]); } catch (e) { return; }
  var bytes = new TextEncoder().encode(id), h = 0x811c9dc5;
  for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193) >>> 0;
  var shard = ("0000000" + h.toString(16)).slice(-8).slice(0, digits);
  fetch(mapUrl.href + shard + ".json").then(function (r) { return r.ok ? r.json() : {}; })
    .then(function (map) {
      var target = Object.prototype.hasOwnProperty.call(map, id) ? map[id] : null;
      var page = typeof target === "string" && /^[a-z0-9][a-z0-9_\/-]*(?:\/|\.html)$/i.test(target) &&
        !/\/\//.test(target) && same(m[1] + target);
      if (page) moved(page);
    }).catch(function () {});
})();
