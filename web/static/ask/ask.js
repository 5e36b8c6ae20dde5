// Hỏi đáp số liệu: draw the answer's chart with the local ECharts, and let suggestions and
// history entries ask again. The table under the chart carries the same figures (accessible).
(function () {
  "use strict";
  function drawCharts(root) {
    if (!window.echarts) { return; }
    (root || document).querySelectorAll(".ask-chart[data-chart]").forEach(function (el) {
      try {
        const option = JSON.parse(el.getAttribute("data-chart"));
        // Figures on the axes and in tooltips the Vietnamese way (1.234,5), whatever the browser.
        const vn = function (v) { return window.fmtNumber(v, Number.isInteger(v) ? 0 : 1); };
        [].concat(option.xAxis || [], option.yAxis || []).forEach(function (axis) {
          if (axis.type === "value") { axis.axisLabel = Object.assign({}, axis.axisLabel, { formatter: vn }); }
        });
        option.tooltip = Object.assign({}, option.tooltip, { valueFormatter: vn });
        const chart = window.echarts.init(el, null, { renderer: "svg" });
        chart.setOption(option);
        el.setAttribute("data-drawn", "1");
        window.addEventListener("resize", function () { chart.resize(); });
      } catch (e) { el.textContent = "Không vẽ được biểu đồ; xem bảng số liệu bên dưới."; }
    });
  }
  document.addEventListener("click", function (ev) {
    const button = ev.target.closest("[data-question]");
    if (!button) { return; }
    const box = document.getElementById("ask-question");
    box.value = button.getAttribute("data-question");
    box.form.requestSubmit();
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.target.id === "ask-question" && ev.key === "Enter" && !ev.shiftKey) {
      ev.preventDefault();
      ev.target.form.requestSubmit();
    }
  });
  document.addEventListener("htmx:afterSwap", function (ev) { drawCharts(ev.detail.target); });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { drawCharts(); });
  } else { drawCharts(); }
})();
