// Tổng quan: the period picker shows only the fields of the chosen kind; ECharts draws the charts
// from the JSON the page carries (each chart also has a table for screen readers and printing).
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  const form = document.getElementById("period-form");
  if (form) {
    const kind = form.querySelector("#ky");
    const sync = function () {
      form.querySelectorAll("label[data-for]").forEach(function (label) {
        label.hidden = label.dataset.for.split(" ").indexOf(kind.value) < 0;
      });
    };
    kind.addEventListener("change", sync);
    sync();
  }
  const holder = document.getElementById("dash-data");
  if (!holder || !window.echarts) { return; }
  const data = JSON.parse(holder.textContent);
  const pct = function (v) { return v === null || v === undefined ? "—" : window.fmtNumber(v, 1) + "%"; };
  const monthLabel = function (m) { return m.slice(5) + "/" + m.slice(0, 4); };
  const charts = [];
  const trendEl = document.getElementById("chart-trend");
  if (trendEl) {
    const chart = echarts.init(trendEl, null, { renderer: "svg" });
    chart.setOption({
      animation: false,
      tooltip: { trigger: "axis", valueFormatter: function (v) { return window.fmtNumber(v); } },
      legend: { top: 0, data: ["Tiếp nhận", "Đã giải quyết", "Tỷ lệ đúng hạn"] },
      grid: { left: 40, right: 40, top: 40, bottom: 30, containLabel: true },
      xAxis: { type: "category", data: data.trend.months.map(monthLabel) },
      // Counts are whole numbers, written the Vietnamese way (1.234; never 0.2).
      yAxis: [{ type: "value", minInterval: 1, axisLabel: { formatter: function (v) { return window.fmtNumber(v); } } },
        { type: "value", min: 0, max: 100, axisLabel: { formatter: function (v) { return window.fmtNumber(v) + "%"; } } }],
      series: [
        { name: "Tiếp nhận", type: "bar", data: data.trend.tiep_nhan, itemStyle: { color: "#0b5cad" } },
        { name: "Đã giải quyết", type: "bar", data: data.trend.da_giai_quyet, itemStyle: { color: "#1a7f37" } },
        { name: "Tỷ lệ đúng hạn", type: "line", yAxisIndex: 1, data: data.trend.ty_le_dung_han,
          itemStyle: { color: "#a4161a" }, tooltip: { valueFormatter: pct } },
      ],
    });
    charts.push(chart);
  }
  const fieldsEl = document.getElementById("chart-fields");
  if (fieldsEl && data.fields.names.length) {
    const chart = echarts.init(fieldsEl, null, { renderer: "svg" });
    chart.setOption({
      animation: false,
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      legend: { top: 0 },
      grid: { left: 10, right: 20, top: 30, bottom: 10, containLabel: true },
      xAxis: { type: "value", minInterval: 1, axisLabel: { formatter: function (v) { return window.fmtNumber(v); } } },
      yAxis: { type: "category", data: data.fields.names, inverse: true,
               axisLabel: { width: 110, overflow: "truncate" } },
      series: [
        { name: "Đúng hạn", type: "bar", stack: "gq", data: data.fields.dung_han, itemStyle: { color: "#1a7f37" } },
        { name: "Trễ hạn", type: "bar", stack: "gq", data: data.fields.tre_han, itemStyle: { color: "#c62828" } },
      ],
    });
    charts.push(chart);
  } else if (fieldsEl) { fieldsEl.hidden = true; }
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
})();
