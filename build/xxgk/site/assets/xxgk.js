/* xxgk site: charts from inline JSON (plotly.js served by this site), sortable/filterable tables,
   and the agency finder (name, short name or pinyin). No request leaves the site. */
(function () {
  function charts() {
    if (!window.Plotly) return;
    document.querySelectorAll("div.xxgk-chart[data-spec]").forEach(function (el) {
      if (el.dataset.done) return;
      el.dataset.done = "1";
      var spec = JSON.parse(el.dataset.spec);
      var width = el.clientWidth || el.parentNode.clientWidth;
      var layout = Object.assign({margin: {l: 10, r: 10, t: 70, b: 40}, height: 340, width: width || undefined,
        font: {family: "system-ui, 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif"}}, spec.layout || {});
      Plotly.newPlot(el, spec.data, layout, {responsive: true, displaylogo: false,
        displayModeBar: "hover", modeBarButtonsToRemove: ["sendDataToCloud"], toImageButtonOptions: {format: "png", filename: spec.filename || "xxgk-chart"}});
    });
  }
  function tables() {
    document.querySelectorAll("table[data-sortable]").forEach(function (table) {
      if (table.dataset.done) return;
      table.dataset.done = "1";
      table.querySelectorAll("th").forEach(function (th, index) {
        th.style.cursor = "pointer";
        th.title = "点击排序";
        th.addEventListener("click", function () {
          var body = table.tBodies[0], rows = Array.from(body.rows);
          var asc = th.dataset.order !== "asc";
          th.dataset.order = asc ? "asc" : "desc";
          rows.sort(function (a, b) {
            var x = a.cells[index].dataset.sort || a.cells[index].textContent;
            var y = b.cells[index].dataset.sort || b.cells[index].textContent;
            var nx = parseFloat(x), ny = parseFloat(y);
            var cmp = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, "zh");
            return asc ? cmp : -cmp;
          });
          rows.forEach(function (r) { body.appendChild(r); });
        });
      });
    });
    document.querySelectorAll("input.xxgk-filter").forEach(function (input) {
      if (input.dataset.done) return;
      input.dataset.done = "1";
      var table = document.getElementById(input.dataset.table);
      input.addEventListener("input", function () {
        var q = input.value.trim().toLowerCase();
        Array.from(table.tBodies[0].rows).forEach(function (row) {
          var hay = (row.dataset.search || row.textContent).toLowerCase();
          row.style.display = !q || hay.indexOf(q) >= 0 ? "" : "none";
        });
      });
    });
  }
  function finder() {
    var input = document.getElementById("xxgk-finder");
    if (!input || input.dataset.done) return;
    input.dataset.done = "1";
    var out = document.getElementById("xxgk-finder-results");
    fetch(input.dataset.index).then(function (r) { return r.json(); }).then(function (agencies) {
      input.addEventListener("input", function () {
        var q = input.value.trim().toLowerCase().replace(/\s+/g, "");
        out.textContent = "";
        if (!q) return;
        agencies.filter(function (a) {
          return a.n.toLowerCase().indexOf(q) >= 0 || a.p.indexOf(q) >= 0 || a.i.indexOf(q) >= 0;
        }).slice(0, 30).forEach(function (a) {
          var li = document.createElement("li"), link = document.createElement("a");
          link.href = input.dataset.base + a.u;
          link.textContent = a.n + "（" + a.y + "）";
          li.appendChild(link);
          out.appendChild(li);
        });
      });
    });
  }
  function all() { charts(); tables(); finder(); }
  if (window.document$) { window.document$.subscribe(all); } else { document.addEventListener("DOMContentLoaded", all); }
})();
