/* Chat widget of the ward's citizen service. Embed with one tag:
 *   <script src="(address of the ward's citizen app)/widget.js" defer></script>
 * It loads nothing else: every request goes back to the server it came from (BASE).
 * No third-party code, no cookies. Everything from the server is inserted with textContent,
 * never as HTML. Styles live in a shadow root so the host page and the widget cannot clash. */
(function () {
  "use strict";
  if (window.__wardWidget) { return; }
  window.__wardWidget = true;
  var script = document.currentScript;
  var BASE = script && script.src ? new URL(script.src, location.href).origin : location.origin;
  var TITLE = (script && script.getAttribute("data-title")) || "Hỏi đáp – Phản ánh";

  function sessionId() {
    var key = "ward-widget-session";
    var value = null;
    try { value = sessionStorage.getItem(key); } catch (e) { /* storage blocked */ }
    if (!value) {
      var bytes = new Uint8Array(12);
      (window.crypto || window.msCrypto).getRandomValues(bytes);
      value = Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
      try { sessionStorage.setItem(key, value); } catch (e) { /* fine: one session per page */ }
    }
    return value;
  }

  function api(method, path, body) {
    var options = { method: method, headers: { "Accept": "application/json" }, credentials: "omit" };
    if (body) { options.headers["Content-Type"] = "application/json"; options.body = JSON.stringify(body); }
    return fetch(BASE + path, options).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (data) {
        if (!r.ok) {
          var msg = (data && data.error && data.error.message) || "Có lỗi xảy ra, vui lòng thử lại.";
          throw new Error(msg);
        }
        return data;
      });
    }, function () { throw new Error("Không kết nối được máy chủ. Vui lòng thử lại sau."); });
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  // Links shown to citizens (a procedure's page) must be web links: no javascript: or data: URLs.
  function safeUrl(url) {
    try {
      var u = new URL(url, BASE);
      return (u.protocol === "https:" || u.protocol === "http:") ? u.href : null;
    } catch (e) { return null; }
  }

  var CSS = [
    ":host { all: initial; }",
    "* { box-sizing: border-box; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }",
    ".launcher { position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; background: #0b5cad; color: #fff;",
    "  border: 0; border-radius: 24px; padding: 12px 18px; font-size: 16px; box-shadow: 0 2px 8px rgba(0,0,0,.3); cursor: pointer; }",
    ".launcher:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }",
    ".panel { position: fixed; right: 16px; bottom: 72px; z-index: 2147483000; width: min(400px, calc(100vw - 16px));",
    "  height: min(620px, calc(100vh - 96px)); background: #fff; color: #1d2733; border-radius: 12px;",
    "  box-shadow: 0 6px 24px rgba(0,0,0,.3); display: flex; flex-direction: column; overflow: hidden; font-size: 15px; }",
    ".panel[hidden] { display: none; }",
    "@media (max-width: 480px) { .panel { right: 0; bottom: 0; width: 100vw; height: 100vh; border-radius: 0; } }",
    "header { background: #0b5cad; color: #fff; padding: 10px 12px; display: flex; align-items: center; gap: 8px; }",
    "header h2 { font-size: 16px; margin: 0; flex: 1; }",
    ".close { background: transparent; color: #fff; border: 0; font-size: 22px; cursor: pointer; min-width: 44px; min-height: 44px; }",
    "[role=tablist] { display: flex; border-bottom: 1px solid #d0d7de; }",
    "[role=tab] { flex: 1; background: #f6f8fa; border: 0; padding: 10px 4px; font-size: 14px; cursor: pointer; min-height: 44px; color: #1d2733; }",
    "[role=tab][aria-selected=true] { background: #fff; font-weight: 600; border-bottom: 3px solid #0b5cad; }",
    "[role=tabpanel] { flex: 1; overflow: auto; padding: 10px 12px; display: flex; flex-direction: column; gap: 8px; }",
    "[role=tabpanel][hidden] { display: none; }",
    ".log { flex: 1; overflow: auto; display: flex; flex-direction: column; gap: 8px; }",
    ".msg { padding: 8px 10px; border-radius: 10px; max-width: 92%; white-space: pre-line; overflow-wrap: anywhere; line-height: 1.45; }",
    ".me { align-self: flex-end; background: #dbeafe; }",
    ".bot { align-self: flex-start; background: #f1f3f5; }",
    ".bot a { color: #0b5cad; }",
    ".engine { font-size: 12px; color: #52606d; }",
    ".waiting { color: #52606d; font-style: italic; }",
    "button[disabled] { opacity: .6; cursor: wait; }",
    ".choices { display: flex; flex-wrap: wrap; gap: 6px; }",
    ".choices button, .primary { background: #0b5cad; color: #fff; border: 0; border-radius: 8px; padding: 8px 12px; min-height: 44px; cursor: pointer; font-size: 15px; }",
    ".choices button { background: #e7f0fa; color: #0b5cad; }",
    "form { display: flex; flex-direction: column; gap: 6px; }",
    ".row { display: flex; gap: 6px; }",
    ".row input { flex: 1; }",
    "label { font-size: 14px; font-weight: 600; }",
    "input, textarea { font-size: 16px; padding: 8px; border: 1px solid #8c959f; border-radius: 8px; width: 100%; color: #1d2733; background: #fff; }",
    "textarea { min-height: 96px; resize: vertical; }",
    ".note { font-size: 13px; color: #52606d; }",
    ".result { background: #ecfdf3; border: 1px solid #16a34a; border-radius: 8px; padding: 8px; white-space: pre-line; }",
    ".error { background: #fef2f2; border: 1px solid #dc2626; border-radius: 8px; padding: 8px; }",
    ".result:empty, .error:empty { display: none; }",
    ".check { display: flex; gap: 6px; align-items: flex-start; font-weight: normal; }",
    ".check input { width: auto; }"
  ].join("\n");

  var host = el("div", { id: "ward-citizen-widget" });
  var root = host.attachShadow({ mode: "open" });
  var style = el("style");
  style.textContent = CSS;
  root.appendChild(style);

  var launcher = el("button", { type: "button", "class": "launcher", id: "ww-open", "aria-expanded": "false",
    "aria-controls": "ww-panel" }, TITLE);
  var panel = el("section", { id: "ww-panel", "class": "panel", role: "dialog", "aria-labelledby": "ww-title" });
  panel.hidden = true;
  var header = el("header");
  header.appendChild(el("h2", { id: "ww-title" }, TITLE));
  var close = el("button", { type: "button", "class": "close", id: "ww-close", "aria-label": "Đóng" }, "×");
  header.appendChild(close);
  panel.appendChild(header);

  var tabs = el("div", { role: "tablist", "aria-label": "Chức năng" });
  var names = [["chat", "Hỏi đáp"], ["feedback", "Gửi phản ánh"], ["status", "Tra cứu"]];
  var panes = {};
  names.forEach(function (pair, i) {
    var tab = el("button", { type: "button", role: "tab", id: "ww-tab-" + pair[0], "aria-controls": "ww-pane-" + pair[0],
      "aria-selected": i === 0 ? "true" : "false", tabindex: i === 0 ? "0" : "-1" }, pair[1]);
    tab.addEventListener("click", function () { select(pair[0]); });
    tab.addEventListener("keydown", function (ev) {
      if (ev.key !== "ArrowRight" && ev.key !== "ArrowLeft") { return; }
      var next = names[(i + (ev.key === "ArrowRight" ? 1 : names.length - 1)) % names.length][0];
      select(next);
      root.getElementById("ww-tab-" + next).focus();
    });
    tabs.appendChild(tab);
    var pane = el("div", { role: "tabpanel", id: "ww-pane-" + pair[0], "aria-labelledby": "ww-tab-" + pair[0] });
    pane.hidden = i !== 0;
    panes[pair[0]] = pane;
  });
  panel.appendChild(tabs);
  Object.keys(panes).forEach(function (k) { panel.appendChild(panes[k]); });

  function select(name) {
    names.forEach(function (pair) {
      var on = pair[0] === name;
      var tab = root.getElementById("ww-tab-" + pair[0]);
      tab.setAttribute("aria-selected", on ? "true" : "false");
      tab.setAttribute("tabindex", on ? "0" : "-1");
      panes[pair[0]].hidden = !on;
    });
  }

  // --- chat -------------------------------------------------------------------------------
  var log = el("div", { "class": "log", id: "ww-log", role: "log", "aria-live": "polite", "aria-label": "Hội thoại" });
  panes.chat.appendChild(log);
  var chatForm = el("form", { id: "ww-chat-form", novalidate: "novalidate" });
  chatForm.appendChild(el("label", { "for": "ww-input" }, "Câu hỏi của bạn"));
  var chatRow = el("div", { "class": "row" });
  var input = el("input", { id: "ww-input", type: "text", maxlength: "1000", autocomplete: "off",
    placeholder: "Ví dụ: làm giấy khai sinh cần gì?" });
  chatRow.appendChild(input);
  var sendButton = el("button", { type: "submit", "class": "primary", id: "ww-send" }, "Gửi");
  chatRow.appendChild(sendButton);
  chatForm.appendChild(chatRow);
  panes.chat.appendChild(chatForm);

  function say(who, text, extra) {
    var box = el("div", { "class": "msg " + who });
    box.appendChild(document.createTextNode(text));
    if (extra && extra.procedure) {
      var href = safeUrl(extra.procedure.url);
      if (href) {
        box.appendChild(document.createElement("br"));
        box.appendChild(el("a", { href: href, target: "_blank", rel: "noopener noreferrer" },
          "Xem đầy đủ: " + extra.procedure.name));
      }
    }
    if (extra && extra.engine && extra.procedure) {
      box.appendChild(el("div", { "class": "engine" },
        extra.engine === "llm" ? "Trả lời bởi mô hình ngôn ngữ, dữ kiện từ danh mục thủ tục"
          : "Trả lời theo danh mục thủ tục của phường"));
    }
    log.appendChild(box);
    if (extra && extra.choices && extra.choices.length) {
      var list = el("div", { "class": "choices" });
      extra.choices.forEach(function (choice, i) {
        // A choice sends its title, as a Zalo quick reply does: the chatbot reads either.
        var title = choice.title || choice.name;
        var b = el("button", { type: "button" }, (i + 1) + ". " + title);
        b.addEventListener("click", function () { send(title); });
        list.appendChild(b);
      });
      log.appendChild(list);
    }
    log.scrollTop = log.scrollHeight;
  }

  var session = sessionId();
  // sendButton is created with the chat form above (var hoisting keeps it in scope).
  function send(text) {
    if (!text) { return; }
    say("me", text);
    var waiting = el("div", { "class": "msg bot waiting", "aria-label": "Đang trả lời" }, "Đang trả lời…");
    log.appendChild(waiting);
    sendButton.disabled = true;
    function done() { log.removeChild(waiting); sendButton.disabled = false; }
    api("POST", "/api/v1/chat", { session_id: session, message: text }).then(function (data) {
      done();
      say("bot", data.reply, data);
    }, function (err) { done(); say("bot", err.message); });
  }
  chatForm.addEventListener("submit", function (ev) {
    ev.preventDefault();
    var text = input.value.trim();
    input.value = "";
    send(text);
  });

  // --- feedback -------------------------------------------------------------------------
  var fb = el("form", { id: "ww-feedback-form", novalidate: "novalidate" });
  fb.appendChild(el("label", { "for": "ww-fb-content" }, "Nội dung phản ánh (sự việc, địa điểm, thời gian)"));
  fb.appendChild(el("textarea", { id: "ww-fb-content", maxlength: "4000", required: "required" }));
  fb.appendChild(el("label", { "for": "ww-fb-name" }, "Họ tên (không bắt buộc)"));
  fb.appendChild(el("input", { id: "ww-fb-name", type: "text", maxlength: "120", autocomplete: "name" }));
  fb.appendChild(el("label", { "for": "ww-fb-phone" }, "Số điện thoại để cán bộ liên hệ (không bắt buộc)"));
  fb.appendChild(el("input", { id: "ww-fb-phone", type: "tel", maxlength: "20", autocomplete: "tel", inputmode: "tel" }));
  fb.appendChild(el("label", { "for": "ww-fb-address" }, "Địa chỉ (không bắt buộc)"));
  fb.appendChild(el("input", { id: "ww-fb-address", type: "text", maxlength: "300" }));
  var consent = el("label", { "class": "check" });
  var consentBox = el("input", { id: "ww-fb-consent", type: "checkbox" });
  consent.appendChild(consentBox);
  consent.appendChild(document.createTextNode(
    "Tôi đồng ý để UBND phường dùng họ tên, số điện thoại, địa chỉ chỉ để xử lý và trả lời phản ánh này."));
  fb.appendChild(consent);
  fb.appendChild(el("button", { type: "submit", "class": "primary", id: "ww-fb-submit" }, "Gửi phản ánh"));
  var fbResult = el("div", { "class": "result", id: "ww-fb-result", role: "status" });
  var fbError = el("div", { "class": "error", id: "ww-fb-error", role: "alert" });
  panes.feedback.appendChild(fb);
  panes.feedback.appendChild(fbError);
  panes.feedback.appendChild(fbResult);
  fb.addEventListener("submit", function (ev) {
    ev.preventDefault();
    fbError.textContent = "";
    fbResult.textContent = "";
    var value = function (id) { return root.getElementById(id).value.trim(); };
    var body = { content: value("ww-fb-content") };
    var personal = { name: value("ww-fb-name"), phone: value("ww-fb-phone"), address: value("ww-fb-address") };
    var hasPersonal = personal.name || personal.phone || personal.address;
    if (body.content.length < 10) { fbError.textContent = "Vui lòng mô tả rõ hơn (ít nhất 10 ký tự)."; return; }
    if (hasPersonal && !consentBox.checked) {
      fbError.textContent = "Bạn cần đồng ý cho phường dùng thông tin liên hệ, hoặc để trống các ô đó.";
      return;
    }
    if (hasPersonal) { Object.keys(personal).forEach(function (k) { if (personal[k]) { body[k] = personal[k]; } }); }
    api("POST", "/api/v1/feedback", body).then(function (data) {
      fb.reset();
      var d = String(data.deadline || "").split("-").reverse().join("/");
      fbResult.textContent = "Đã nhận phản ánh. Mã của bạn: " + data.ticket_code + "\nChuyển tới: " +
        data.department + "\nHạn trả lời: " + d + "\nHãy lưu mã để tra cứu tình trạng xử lý.";
      root.getElementById("ww-status-code").value = data.ticket_code;
    }, function (err) { fbError.textContent = err.message; });
  });

  // --- status ---------------------------------------------------------------------------
  var st = el("form", { id: "ww-status-form", novalidate: "novalidate" });
  st.appendChild(el("label", { "for": "ww-status-code" }, "Mã phản ánh (ví dụ PA-7K3-M4X)"));
  var stRow = el("div", { "class": "row" });
  stRow.appendChild(el("input", { id: "ww-status-code", type: "text", maxlength: "20", autocomplete: "off",
    autocapitalize: "characters" }));
  stRow.appendChild(el("button", { type: "submit", "class": "primary", id: "ww-status-submit" }, "Tra cứu"));
  st.appendChild(stRow);
  var stResult = el("div", { "class": "result", id: "ww-status-result", role: "status" });
  var stError = el("div", { "class": "error", id: "ww-status-error", role: "alert" });
  panes.status.appendChild(st);
  panes.status.appendChild(stError);
  panes.status.appendChild(stResult);
  panes.status.appendChild(el("p", { "class": "note" }, "Kết quả tra cứu không hiển thị thông tin cá nhân."));
  st.addEventListener("submit", function (ev) {
    ev.preventDefault();
    stError.textContent = "";
    stResult.textContent = "";
    var code = root.getElementById("ww-status-code").value.trim();
    if (!code) { stError.textContent = "Vui lòng nhập mã phản ánh."; return; }
    api("GET", "/api/v1/feedback/" + encodeURIComponent(code)).then(function (data) {
      var d = String(data.deadline || "").split("-").reverse().join("/");
      var text = "Mã " + data.ticket_code + ": " + data.status_label + "\nLĩnh vực: " + data.category_label +
        "\nĐơn vị xử lý: " + data.department + "\nHạn trả lời: " + d;
      if (data.reply) { text += "\nTrả lời: " + data.reply; }
      stResult.textContent = text;
    }, function (err) { stError.textContent = err.message; });
  });

  // --- open / close ---------------------------------------------------------------------
  function open() {
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    if (!log.childNodes.length) {
      say("bot", "Xin chào! Bạn có thể hỏi về thủ tục hành chính (giấy tờ, lệ phí, thời hạn, nơi nộp), " +
        "gửi phản ánh hoặc tra cứu phản ánh theo mã.");
    }
    input.focus();
  }
  function shut() {
    panel.hidden = true;
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
  }
  launcher.addEventListener("click", function () { if (panel.hidden) { open(); } else { shut(); } });
  close.addEventListener("click", shut);
  panel.addEventListener("keydown", function (ev) { if (ev.key === "Escape") { shut(); } });

  root.appendChild(launcher);
  root.appendChild(panel);
  function mount() { document.body.appendChild(host); }
  if (document.body) { mount(); } else { document.addEventListener("DOMContentLoaded", mount); }
})();
