// The staff app's own script. Third-party code (htmx, ECharts) is served from /static/vendor.
(function () {
  "use strict";
  const meta = document.querySelector('meta[name="csrf-token"]');
  // fetch() helper for JSON APIs that carries the CSRF token of the session.
  window.apiFetch = function (url, options) {
    options = options || {};
    options.headers = Object.assign({ "Accept": "application/json" }, options.headers || {});
    if (options.body && typeof options.body !== "string" && !(options.body instanceof FormData)) {
      options.body = JSON.stringify(options.body);
      options.headers["Content-Type"] = "application/json";
    }
    if (meta && meta.content) { options.headers["X-CSRF-Token"] = meta.content; }
    options.credentials = "same-origin";
    return fetch(url, options);
  };
  // Vietnamese number formatting, the same rules as appliance.text.formatting.
  window.fmtNumber = function (value, decimals) {
    if (value === null || value === undefined) { return "—"; }
    return Number(value).toLocaleString("vi-VN", {
      minimumFractionDigits: decimals || 0, maximumFractionDigits: decimals || 0 });
  };
  document.addEventListener("htmx:responseError", function (ev) {
    const target = document.getElementById("flash");
    if (!target) { return; }
    let message = "Có lỗi xảy ra, vui lòng thử lại.";
    try { message = JSON.parse(ev.detail.xhr.responseText).error.message; } catch (e) { /* HTML error */ }
    target.textContent = message;
    target.hidden = false;
  });
})();
