// Our own date field: people type and read dd/mm/yyyy (or mm/yyyy for a month) whatever the
// browser's language, and pick on a Vietnamese calendar. The browser's date widget is never
// used: on an English browser it shows "December 2026" and 12/04/2026 (read as 12 April here).
// Markup (templates/_forms.html, macro date_field): <input type="text" data-date [data-month]>.
(function () {
  "use strict";
  const WEEKDAYS = ["T2", "T3", "T4", "T5", "T6", "T7", "CN"];
  const DAY_NAMES = ["Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];
  const pad = function (n) { return String(n).padStart(2, "0"); };

  // "4/12/2026", "04-12-2026", "04122026", "2026-12-04" → a Date (local midnight), or null.
  function parse(text, monthOnly) {
    const raw = String(text || "").trim();
    let d, m, y, match;
    if (monthOnly) {
      if ((match = raw.match(/^(\d{1,2})\s*[/.\-]\s*(\d{4})$/))) { m = +match[1]; y = +match[2]; }
      else if ((match = raw.match(/^(\d{4})-(\d{1,2})$/))) { y = +match[1]; m = +match[2]; }
      else { return null; }
      return m >= 1 && m <= 12 && y > 1900 && y < 2200 ? new Date(y, m - 1, 1) : null;
    }
    if ((match = raw.match(/^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$/))) { d = +match[1]; m = +match[2]; y = +match[3]; }
    else if ((match = raw.match(/^(\d{2})(\d{2})(\d{4})$/))) { d = +match[1]; m = +match[2]; y = +match[3]; }
    else if ((match = raw.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/))) { y = +match[1]; m = +match[2]; d = +match[3]; }
    else { return null; }
    const date = new Date(y, m - 1, d);
    return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d && y > 1900 && y < 2200
      ? date : null;
  }
  window.parseVnDate = parse;
  function format(date, monthOnly) {
    return monthOnly ? pad(date.getMonth() + 1) + "/" + date.getFullYear()
      : pad(date.getDate()) + "/" + pad(date.getMonth() + 1) + "/" + date.getFullYear();
  }

  function button(text, label, cls) {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    if (label) { b.setAttribute("aria-label", label); b.title = label; }
    if (cls) { b.className = cls; }
    return b;
  }

  function enhanceOne(input) {
    if (input.hasAttribute("data-date-ready")) { return; }
    input.setAttribute("data-date-ready", "1");
    const monthOnly = input.hasAttribute("data-month");
    let box = input.closest(".date-vn");
    if (!box) {
      box = document.createElement("span");
      box.className = "date-vn";
      input.parentNode.insertBefore(box, input);
      box.appendChild(input);
    }
    const open = button("", monthOnly ? "Chọn tháng trên lịch" : "Chọn ngày trên lịch", "date-open");
    // A drawn calendar, not an emoji: kiosks and servers often have no emoji font.
    open.innerHTML = '<svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor"'
      + ' stroke-width="2"><rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18M8 3v4M16 3v4"/></svg>';
    open.setAttribute("aria-haspopup", "dialog");
    box.appendChild(open);
    const pop = document.createElement("div");
    pop.className = "date-pop";
    pop.hidden = true;
    pop.setAttribute("role", "dialog");
    pop.setAttribute("aria-label", monthOnly ? "Lịch chọn tháng" : "Lịch chọn ngày");
    box.appendChild(pop);
    let shown = new Date();

    function choose(date) {
      input.value = format(date, monthOnly);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
      close();
      input.focus();
    }
    function close() { pop.hidden = true; open.setAttribute("aria-expanded", "false"); }
    function draw() {
      pop.textContent = "";
      const picked = parse(input.value, monthOnly);
      const header = document.createElement("header");
      const prev = button("‹", monthOnly ? "Năm trước" : "Tháng trước");
      const next = button("›", monthOnly ? "Năm sau" : "Tháng sau");
      const title = document.createElement("strong");
      title.textContent = monthOnly ? "Năm " + shown.getFullYear()
        : "Tháng " + (shown.getMonth() + 1) + " năm " + shown.getFullYear();
      prev.addEventListener("click", function () {
        shown = monthOnly ? new Date(shown.getFullYear() - 1, 0, 1) : new Date(shown.getFullYear(), shown.getMonth() - 1, 1);
        draw();
      });
      next.addEventListener("click", function () {
        shown = monthOnly ? new Date(shown.getFullYear() + 1, 0, 1) : new Date(shown.getFullYear(), shown.getMonth() + 1, 1);
        draw();
      });
      header.append(prev, title, next);
      pop.appendChild(header);
      const table = document.createElement("table");
      const body = document.createElement("tbody");
      const today = new Date();
      if (monthOnly) {
        for (let row = 0; row < 4; row++) {
          const tr = document.createElement("tr");
          for (let col = 0; col < 3; col++) {
            const month = row * 3 + col;
            const day = new Date(shown.getFullYear(), month, 1);
            const b = button("Th" + (month + 1), "Tháng " + (month + 1) + " năm " + shown.getFullYear());
            if (picked && picked.getFullYear() === day.getFullYear() && picked.getMonth() === month) { b.setAttribute("aria-pressed", "true"); }
            if (today.getFullYear() === day.getFullYear() && today.getMonth() === month) { b.setAttribute("aria-current", "date"); }
            b.addEventListener("click", function () { choose(day); });
            const td = document.createElement("td");
            td.appendChild(b);
            tr.appendChild(td);
          }
          body.appendChild(tr);
        }
      } else {
        const head = document.createElement("thead");
        const hr = document.createElement("tr");
        WEEKDAYS.forEach(function (w) { const th = document.createElement("th"); th.textContent = w; hr.appendChild(th); });
        head.appendChild(hr);
        table.appendChild(head);
        const first = new Date(shown.getFullYear(), shown.getMonth(), 1);
        const offset = (first.getDay() + 6) % 7;  // weeks start on Monday
        let day = new Date(first.getFullYear(), first.getMonth(), 1 - offset);
        for (let row = 0; row < 6; row++) {
          const tr = document.createElement("tr");
          for (let col = 0; col < 7; col++) {
            const td = document.createElement("td");
            if (day.getMonth() === shown.getMonth()) {
              const current = new Date(day);
              const b = button(String(day.getDate()), DAY_NAMES[day.getDay()] + ", " + format(day, false));
              if (picked && +picked === +current) { b.setAttribute("aria-pressed", "true"); }
              if (+new Date(today.getFullYear(), today.getMonth(), today.getDate()) === +current) { b.setAttribute("aria-current", "date"); }
              b.addEventListener("click", function () { choose(current); });
              td.appendChild(b);
            }
            tr.appendChild(td);
            day = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1);
          }
          body.appendChild(tr);
        }
      }
      table.appendChild(body);
      pop.appendChild(table);
      const footer = document.createElement("footer");
      const now = button(monthOnly ? "Tháng này" : "Hôm nay");
      now.addEventListener("click", function () { choose(new Date()); });
      const shut = button("Đóng");
      shut.addEventListener("click", function () { close(); input.focus(); });
      footer.append(now, shut);
      pop.appendChild(footer);
    }
    open.addEventListener("click", function () {
      if (!pop.hidden) { close(); return; }
      const picked = parse(input.value, monthOnly);
      shown = picked || new Date();
      draw();
      pop.hidden = false;
      open.setAttribute("aria-expanded", "true");
      const focus = pop.querySelector("[aria-pressed=true], [aria-current=date]") || pop.querySelector("td button");
      if (focus) { focus.focus(); }
    });
    pop.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { close(); input.focus(); } });
    document.addEventListener("click", function (ev) { if (!box.contains(ev.target)) { close(); } });
    // Typing: "04122026" → "04/12/2026" once the field is left; an ISO date is rewritten too.
    input.addEventListener("blur", function () {
      const date = parse(input.value, monthOnly);
      if (date) { input.value = format(date, monthOnly); }
    });
  }

  window.enhanceDates = function (root) {
    (root || document).querySelectorAll("input[data-date]").forEach(enhanceOne);
  };
})();
