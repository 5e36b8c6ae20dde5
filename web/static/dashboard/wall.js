// Wall screen: render a snapshot, rotate panels, and take new snapshots from the server-sent
// event stream. EventSource reconnects by itself after a restart (the server asks for 3 s).
(function () {
  "use strict";
  const LABELS = { tiep_nhan: "Tiếp nhận", da_giai_quyet: "Đã giải quyết", ty_le_dung_han: "Tỷ lệ đúng hạn",
    ty_le_truc_tuyen: "Tỷ lệ trực tuyến", qua_han_chua_giai_quyet: "Quá hạn chưa giải quyết" };
  const WORSE_WHEN_UP = { qua_han_chua_giai_quyet: true };
  const NEUTRAL = { tiep_nhan: true };  // more or fewer filings is neither good nor bad news
  const ROTATE_MS = 15000;
  const num = function (v, d) { return window.fmtNumber ? window.fmtNumber(v, d) : String(v); };
  const pct = function (v) { return v === null || v === undefined ? "—" : num(v, 1) + "%"; };
  const esc = function (s) {
    return String(s === null || s === undefined ? "" : s).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;" }[c]; });
  };
  let chart = null;
  let lastImport = null;

  function rows(tbody, list) { document.querySelector(tbody).innerHTML = list.join(""); }

  function render(s) {
    document.getElementById("wall-period").textContent = s.period.label;
    document.getElementById("wall-last-import").textContent = s.last_import;
    lastImport = s.last_import_at;
    markStale();
    s.tiles.forEach(function (t) {
      const el = document.querySelector('.wall-tile[data-name="' + t.name + '"]');
      if (!el) { return; }
      const value = el.querySelector(".wall-tile-value");
      const text = t.name.indexOf("ty_le") === 0 ? pct(t.value) : num(t.value);
      if (value.textContent !== text && value.textContent !== "") {
        el.classList.remove("flash"); void el.offsetWidth; el.classList.add("flash");
      }
      value.textContent = text;
      el.querySelector(".wall-tile-label").textContent = LABELS[t.name] || t.name;
      const change = el.querySelector(".wall-tile-change");
      if (t.change === null) { change.textContent = ""; change.className = "wall-tile-change"; return; }
      const up = t.change > 0;
      const bad = t.change !== 0 && (up === !!WORSE_WHEN_UP[t.name]);
      change.className = "wall-tile-change " + (t.change === 0 || NEUTRAL[t.name] ? "" : (bad ? "bad" : "good"));
      const amount = t.name.indexOf("ty_le") === 0 ? num(Math.abs(t.change), 1) + " điểm %" : num(Math.abs(t.change));
      change.textContent = (up ? "▲ " : (t.change < 0 ? "▼ " : "＝ ")) + amount + " so với " + s.period.previous_label;
    });
    rows("#wall-trend-table tbody", s.trend.map(function (m) {
      return "<tr><th>" + esc(m.month) + "</th><td>" + num(m.tiep_nhan) + "</td><td>" + num(m.da_giai_quyet) +
        "</td><td>" + pct(m.ty_le_dung_han) + "</td></tr>"; }));
    rows("#wall-fields tbody", s.fields.slice(0, 8).map(function (f) {
      return "<tr><th>" + esc(f.linh_vuc || "(chưa ghi)") + "</th><td class=num>" + num(f.tiep_nhan) +
        "</td><td class=num>" + num(f.da_giai_quyet) + "</td><td class=num>" + pct(f.ty_le_dung_han) +
        "</td><td class=num>" + num(f.qua_han_chua_giai_quyet) + "</td></tr>"; }));
    const fb = s.feedback;
    document.getElementById("wall-feedback-summary").innerHTML = fb ?
      "<strong>" + num(fb.tiep_nhan) + "</strong> phản ánh tiếp nhận<br><strong>" + num(fb.qua_han) +
      "</strong> quá hạn chưa xử lý" + (s.tasks ? "<br><strong>" + num(s.tasks.qua_han) + "</strong> nhiệm vụ quá hạn" : "")
      + (fb.qua_han_ds && fb.qua_han_ds.length ? "<ul class=wall-overdue>" + fb.qua_han_ds.map(function (t) {
        return "<li>" + esc(t.ticket_code) + " · " + esc(t.department) + " · quá hạn " + num(t.days_late) + " ngày</li>";
      }).join("") + "</ul>" : "")
      : "Chưa có dữ liệu phản ánh";
    rows("#wall-feedback tbody", fb ? fb.by_category.slice(0, 8).map(function (c) {
      return "<tr><th>" + esc(c.label) + "</th><td class=num>" + num(c.count) + "</td></tr>"; }) : []);
    document.getElementById("wall-ind-ky").textContent = "(kỳ " + s.indicators.ky + ")";
    rows("#wall-indicators tbody", s.indicators.items.slice(0, 8).map(function (i) {
      // Units that count whole things (hộ, người) show no decimals; the server says which (so_le).
      const d = function (v) { return v === null || Number.isInteger(v) ? 0 : (i.so_le === undefined ? 1 : i.so_le); };
      return "<tr><th>" + esc(i.chi_tieu) + "</th><td class=num>" + num(i.ke_hoach, d(i.ke_hoach)) + "</td><td class=num>" +
        num(i.thuc_hien, d(i.thuc_hien)) + "</td><td class=num>" + pct(i.ty_le_hoan_thanh) + "</td></tr>"; }));
    drawChart(s);
  }

  function drawChart(s) {
    const el = document.getElementById("wall-chart");
    if (!window.echarts || !el) { return; }
    if (!chart) { chart = echarts.init(el, null, { renderer: "canvas" }); }
    const big = Math.round(window.innerHeight * 0.022);
    chart.setOption({
      animation: false, textStyle: { color: "#e6edf5", fontSize: big },
      legend: { top: Math.round(big * 0.3), itemWidth: big * 1.6, itemHeight: big * 0.9, itemGap: big,
                textStyle: { color: "#e6edf5", fontSize: big } },
      grid: { left: "3%", right: "4%", top: big * 3, bottom: big * 2, containLabel: true },
      xAxis: { type: "category", data: s.trend.map(function (m) { return m.month.slice(5) + "/" + m.month.slice(2, 4); }),
               axisLabel: { color: "#c9d6e3", fontSize: big } },
      yAxis: [{ type: "value", minInterval: 1, axisLabel: { color: "#c9d6e3", fontSize: big, formatter: function (v) { return num(v, 0); } },
                splitLine: { lineStyle: { color: "#24364c" } } },
              { type: "value", min: 0, max: 100, axisLabel: { color: "#c9d6e3", fontSize: big, formatter: "{value}%" },
                splitLine: { show: false } }],
      series: [
        { name: "Tiếp nhận", type: "bar", data: s.trend.map(function (m) { return m.tiep_nhan; }), itemStyle: { color: "#4a90d9" } },
        { name: "Đã giải quyết", type: "bar", data: s.trend.map(function (m) { return m.da_giai_quyet; }), itemStyle: { color: "#43b05c" } },
        { name: "Tỷ lệ đúng hạn", type: "line", yAxisIndex: 1, lineStyle: { width: Math.max(3, big / 6) },
          symbolSize: Math.max(8, big / 2.5),
          data: s.trend.map(function (m) { return m.ty_le_dung_han; }), itemStyle: { color: "#ffb74d" } },
      ],
    });
  }

  // Data older than a day is flagged in amber so nobody mistakes it for today's figures.
  function markStale() {
    const box = document.querySelector(".wall-import");
    if (!lastImport) { box.classList.add("stale"); return; }
    const at = new Date(lastImport.replace(" ", "T").slice(0, 19) + "Z");
    box.classList.toggle("stale", Date.now() - at.getTime() > 24 * 3600 * 1000);
  }

  function rotate() {
    const panels = Array.prototype.slice.call(document.querySelectorAll(".wall-panel"));
    const dots = document.getElementById("wall-dots");
    dots.innerHTML = panels.map(function () { return "<span></span>"; }).join("");
    let index = 0;
    const show = function () {
      panels.forEach(function (p, i) { p.classList.toggle("active", i === index); });
      Array.prototype.forEach.call(dots.children, function (d, i) { d.classList.toggle("on", i === index); });
      if (panels[index].dataset.panel === "trend" && chart) { chart.resize(); }
    };
    show();
    setInterval(function () { index = (index + 1) % panels.length; show(); }, ROTATE_MS);
  }

  function clock() {
    const el = document.getElementById("wall-clock");
    const tick = function () {
      const d = new Date();
      el.textContent = String(d.getHours()).padStart(2, "0") + ":" + String(d.getMinutes()).padStart(2, "0");
    };
    tick(); setInterval(tick, 5000);
  }

  function connect() {
    const status = document.getElementById("wall-conn");
    const source = new EventSource("/wall/stream");
    source.addEventListener("snapshot", function (ev) {
      status.hidden = true;
      render(JSON.parse(ev.data));
      document.body.dataset.updates = String(Number(document.body.dataset.updates || 0) + 1);
    });
    source.onopen = function () { status.hidden = true; };
    source.onerror = function () {
      status.hidden = false;
      // A closed source (e.g. the session expired and the server answered with an error) does not
      // retry on its own: start a new one after a pause; a reload then reaches the login page.
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(function () {
          fetch("/api/v1/dashboard/wall", { credentials: "same-origin" }).then(function (r) {
            if (r.status === 401 || r.status === 403) { window.location.reload(); } else { connect(); }
          }).catch(function () { connect(); });
        }, 3000);
      }
    };
  }

  render(JSON.parse(document.getElementById("wall-data").textContent));
  window.addEventListener("resize", function () { if (chart) { chart.resize(); } });
  clock();
  rotate();
  connect();
})();
