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
  // No inline handlers anywhere (the Content-Security-Policy allows scripts from /static only).
  const toggle = document.querySelector(".menu-toggle");
  if (toggle) {
    toggle.addEventListener("click", function () {
      document.body.classList.toggle("nav-open");
      toggle.setAttribute("aria-expanded", String(document.body.classList.contains("nav-open")));
    });
  }
  // "Quay lại" links: back in history when there is one, else their href.
  document.addEventListener("click", function (ev) {
    const link = ev.target.closest ? ev.target.closest("a[data-back]") : null;
    if (link && history.length > 1) { ev.preventDefault(); history.back(); }
  });
  // "In" buttons (data-print): the page's CSP allows no inline onclick.
  document.addEventListener("click", function (ev) {
    if (ev.target.closest && ev.target.closest("[data-print]")) { window.print(); }
  });
  // Pages that wait for something to start (the wall's captions) reload themselves.
  const idle = document.querySelector("[data-reload-after]");
  if (idle) { setTimeout(function () { location.reload(); }, Number(idle.dataset.reloadAfter) || 10000); }
  // An error answer to an HTMX request (a fragment saying what went wrong and what to do next, or
  // JSON) is shown above the part of the page that asked, never silently dropped.
  document.addEventListener("htmx:responseError", function (ev) {
    const xhr = ev.detail.xhr;
    let message = "Có lỗi xảy ra, vui lòng thử lại.";
    let html = null;
    try { message = JSON.parse(xhr.responseText).error.message; } catch (e) {
      if (/class="alert error"/.test(xhr.responseText || "")) { html = xhr.responseText; }
    }
    let target = document.getElementById("flash");
    if (!target) {
      const anchor = ev.detail.elt.closest("form") || ev.detail.target || ev.detail.elt;
      target = anchor.previousElementSibling && anchor.previousElementSibling.classList.contains("htmx-error")
        ? anchor.previousElementSibling : document.createElement("div");
      target.className = "htmx-error";
      target.setAttribute("role", "alert");
      if (!target.parentNode) { anchor.parentNode.insertBefore(target, anchor); }
    }
    if (html) { target.innerHTML = html; } else { target.textContent = message; }
    target.classList.add("alert", "error");
    target.hidden = false;
  });
  document.addEventListener("htmx:beforeRequest", function (ev) {
    const form = ev.detail.elt.closest && ev.detail.elt.closest("form");
    const previous = form && form.previousElementSibling;
    if (previous && previous.classList.contains("htmx-error")) { previous.remove(); }
  });

  // --- Phones: record tables become cards; each cell carries its column heading. ---------------
  function labelCards(root) {
    root.querySelectorAll("table.cards").forEach(function (table) {
      const heads = Array.from(table.querySelectorAll("thead th")).map(function (th) { return th.textContent.trim(); });
      table.querySelectorAll("tbody tr").forEach(function (row) {
        let column = 0;
        Array.from(row.children).forEach(function (cell) {
          const label = heads[column];
          if (cell.tagName === "TD" && label && !cell.hasAttribute("data-label") && cell.colSpan === 1) {
            cell.setAttribute("data-label", label);
          }
          column += cell.colSpan || 1;
        });
      });
    });
  }
  // Wide tables kept as tables scroll inside their box; the box says so when it overflows.
  function markOverflow(root) {
    root.querySelectorAll(".table-wrap.scroll-hint").forEach(function (box) {
      box.classList.toggle("is-overflowing", box.scrollWidth > box.clientWidth + 1);
    });
  }

  // --- Forms: our own Vietnamese messages, whatever the browser's language. ------------------
  function fieldName(field) {
    const label = field.closest("label");
    let text = field.getAttribute("aria-label") || "";
    if (!text && label) {
      text = Array.from(label.childNodes).filter(function (n) { return n.nodeType === 3; })
        .map(function (n) { return n.textContent; }).join(" ");
    }
    text = (text || field.getAttribute("placeholder") || "").replace(/\s+/g, " ").trim().replace(/[:*]$/, "");
    if (text.length > 1 && text[1] !== text[1].toUpperCase()) { text = text[0].toLowerCase() + text.slice(1); }
    return text || "thông tin này";
  }
  function problem(field) {
    if (field.disabled || field.type === "hidden" || field.closest("fieldset[disabled]")) { return null; }
    const value = field.type === "checkbox" || field.type === "radio" ? (field.checked ? "x" : "") : field.value.trim();
    const name = fieldName(field);
    if (field.required && !value) {
      if (field.type === "file") { return "Vui lòng chọn tệp."; }
      if (field.tagName === "SELECT") { return "Vui lòng chọn " + name + "."; }
      if (field.type === "checkbox") { return "Vui lòng đánh dấu ô này để tiếp tục."; }
      return "Vui lòng nhập " + name + ".";
    }
    if (!value) { return null; }
    const min = parseInt(field.getAttribute("minlength") || "0", 10);
    if (min && value.length < min) { return name[0].toUpperCase() + name.slice(1) + " phải có ít nhất " + min + " ký tự."; }
    if (field.type === "number") {
      const n = Number(value.replace(",", "."));
      const lo = field.getAttribute("min"), hi = field.getAttribute("max");
      if (isNaN(n)) { return "Hãy nhập một số vào ô " + name + "."; }
      if ((lo !== null && n < Number(lo)) || (hi !== null && n > Number(hi))) {
        return "Ô " + name + " nhận số từ " + lo + " đến " + hi + ".";
      }
    }
    if (field.hasAttribute("data-date") && window.parseVnDate && !window.parseVnDate(value, field.hasAttribute("data-month"))) {
      return field.hasAttribute("data-month")
        ? "Tháng chưa đúng: hãy nhập theo dạng tháng/năm, ví dụ 12/2026."
        : "Ngày chưa đúng: hãy nhập theo dạng ngày/tháng/năm, ví dụ 04/12/2026.";
    }
    const pattern = field.getAttribute("pattern");
    if (pattern && !new RegExp("^(?:" + pattern + ")$").test(value)) {
      return field.getAttribute("data-error-pattern") || "Ô " + name + " chưa đúng định dạng.";
    }
    return null;
  }
  function showProblem(field, message) {
    const holder = field.closest(".date-vn, .file-pick") || field;
    let note = holder.nextElementSibling;
    if (!note || !note.classList.contains("field-error")) {
      note = document.createElement("p");
      note.className = "field-error";
      note.setAttribute("role", "alert");
      holder.insertAdjacentElement("afterend", note);
    }
    note.textContent = message;
    field.setAttribute("aria-invalid", "true");
  }
  function clearProblem(field) {
    const holder = field.closest(".date-vn, .file-pick") || field;
    const note = holder.nextElementSibling;
    if (note && note.classList.contains("field-error")) { note.remove(); }
    field.removeAttribute("aria-invalid");
  }
  // A form that needs at least one of several fields (data-need-one="text doc_id file") says which.
  function missingOne(form) {
    const names = (form.getAttribute("data-need-one") || "").split(/\s+/).filter(Boolean);
    if (!names.length) { return false; }
    return !names.some(function (name) {
      const field = form.elements[name];
      return field && (field.type === "file" ? field.files.length > 0 : field.value.trim() !== "");
    });
  }
  window.validateForm = function (form) {
    let first = null;
    Array.from(form.elements).forEach(function (field) {
      if (!field.name && !field.hasAttribute("data-date")) { return; }
      const message = problem(field);
      if (message) { showProblem(field, message); first = first || field; } else { clearProblem(field); }
    });
    let summary = form.querySelector(":scope > .form-error");
    if (!first && missingOne(form)) {
      if (!summary) {
        summary = document.createElement("p");
        summary.className = "form-error field-error";
        summary.setAttribute("role", "alert");
        form.insertBefore(summary, form.firstElementChild);
      }
      summary.textContent = form.getAttribute("data-need-one-message") || "Vui lòng điền ít nhất một ô.";
      return false;
    }
    if (summary) { summary.remove(); }
    if (first) { first.focus(); return false; }
    return true;
  };
  // Capture phase: runs before htmx and the pages' own submit handlers, which never see a bad form.
  document.addEventListener("submit", function (ev) {
    if (!window.validateForm(ev.target)) { ev.preventDefault(); ev.stopImmediatePropagation(); }
  }, true);
  document.addEventListener("input", function (ev) {
    if (ev.target.getAttribute && ev.target.getAttribute("aria-invalid") === "true" && !problem(ev.target)) {
      clearProblem(ev.target);
    }
  });

  function filePickers(root) {
    root.querySelectorAll("input[type=file]:not([data-picker])").forEach(function (input) {
      input.setAttribute("data-picker", "1");
      const box = document.createElement("span");
      box.className = "file-pick";
      const button = document.createElement("span");
      button.className = "button";
      button.textContent = input.multiple ? "Chọn các tệp…" : "Chọn tệp…";
      const name = document.createElement("span");
      name.className = "file-name";
      name.textContent = "Chưa chọn tệp nào";
      input.parentNode.insertBefore(box, input);
      box.appendChild(input);
      box.appendChild(button);
      box.appendChild(name);
      // Inside a <label> the browser already opens the picker on any click in it.
      if (!input.closest("label")) { button.addEventListener("click", function () { input.click(); }); }
      input.addEventListener("change", function () {
        const files = Array.from(input.files || []);
        name.textContent = files.length === 0 ? "Chưa chọn tệp nào"
          : files.length === 1 ? files[0].name : files.length + " tệp: " + files.map(function (f) { return f.name; }).join(", ");
        clearProblem(input);
      });
    });
  }

  function enhance(root) {
    root.querySelectorAll("form").forEach(function (form) { form.noValidate = true; });
    if (root.matches && root.matches("form")) { root.noValidate = true; }
    labelCards(root);
    filePickers(root);
    markOverflow(document);
    if (window.enhanceDates) { window.enhanceDates(root); }
  }
  function start() { enhance(document); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
  document.addEventListener("htmx:load", function (ev) { enhance(ev.target.parentNode || ev.target); });
  window.addEventListener("resize", function () { markOverflow(document); });
})();
