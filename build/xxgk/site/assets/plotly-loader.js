/* Loads plotly.js (served by this site) only on pages that draw a chart: until then window.Plotly is a stand-in
   whose every method loads the real bundle once and then calls it, in the order the calls were made. The real
   bundle replaces the stand-in when it loads. Pages without charts never download it. */
(function () {
  if (window.Plotly) return;
  var me = document.currentScript && document.currentScript.src;
  var src = me ? me.replace(/plotly-loader\.js(\?.*)?$/, "plotly-basic.min.js") : "assets/plotly-basic.min.js";
  var loading = null;
  function real() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () { resolve(window.Plotly); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading;
  }
  var standIn = {};
  window.Plotly = new Proxy(standIn, {
    get: function (target, name) {
      if (name === "then" || typeof name !== "string") return undefined;
      if (name === "xxgkStandIn") return true;
      return function () {
        var args = arguments;
        return real().then(function (P) { return P[name].apply(P, args); });
      };
    }
  });
})();
