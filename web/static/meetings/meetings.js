// Meeting room pages: start/upload, live captions over Server-Sent Events, transcript editor.
(function () {
  "use strict";
  function flash(message) {
    const el = document.getElementById("flash");
    if (el) { el.textContent = message; el.hidden = false; } else { alert(message); }
  }
  async function send(url, method, body) {
    const res = await window.apiFetch(url, { method: method, body: body });
    let data = null;
    try { data = await res.json(); } catch (e) { data = null; }
    if (!res.ok) { throw new Error((data && data.error && data.error.message) || "Có lỗi xảy ra, vui lòng thử lại."); }
    return data;
  }
  function fmtTime(s) { s = Math.floor(s); return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0"); }
  // Live captions of the segment still being recorded ("interim" events): one line per open segment,
  // updated in place: confirmed words (two quick decodes agreed) in black, the newest decode's words after
  // them in grey; removed when the segment's final captions arrive (those go in before any such line).
  function showInterim(list, ev, draw) {
    const it = JSON.parse(ev.data);
    let li = list.querySelector('li.provisional[data-interim="' + it.seq + '"]');
    if (!it.text && !it.pending) { if (li) { li.remove(); } return; }
    if (!li) {
      li = document.createElement("li");
      li.className = "provisional";
      li.dataset.interim = it.seq;
      li.title = "Phụ đề trực tiếp: chữ đen đã khớp giữa hai lần nghe, chữ xám đang nghe; cả dòng được thay " +
        "bằng lời chép chính thức khi đoạn ghi âm khép lại";
      list.appendChild(li);
    }
    draw(li, it);
  }
  function liveWords(li, it) {  // the confirmed words, then the pending ones (text only: never HTML)
    li.querySelector(".txt").textContent = it.text || "";
    li.querySelector(".pending").textContent = it.pending ? (it.text ? " " : "") + it.pending : "";
  }
  function beforeInterim(list, li) { list.insertBefore(li, list.querySelector("li.provisional")); }

  const start = document.getElementById("start-form");
  if (start) {
    start.addEventListener("submit", async function (ev) {
      ev.preventDefault();
      const f = new FormData(start);
      try {
        const r = await send("/api/v1/meetings", "POST", { title: f.get("title"), room: f.get("room"), meeting_id: f.get("meeting_id") ? Number(f.get("meeting_id")) : null });
        location.href = "/cuoc-hop/" + r.id;
      } catch (e) { flash(e.message); }
    });
  }
  const upload = document.getElementById("upload-form");
  if (upload) {
    upload.addEventListener("submit", async function (ev) {
      ev.preventDefault();
      try {
        const r = await send("/api/v1/meetings", "POST", new FormData(upload));
        location.href = "/cuoc-hop/" + r.id;
      } catch (e) { flash(e.message); }
    });
  }

  const page = document.getElementById("meeting");
  if (page) {
    const id = page.dataset.id;
    const list = document.getElementById("transcript");
    const stop = document.getElementById("stop-btn");
    if (stop) {
      stop.addEventListener("click", async function () {
        stop.disabled = true;
        try { await send("/api/v1/meetings/" + id + "/stop", "POST"); } catch (e) { flash(e.message); stop.disabled = false; }
      });
    }
    let known = new Set(Array.from(list.querySelectorAll("li")).map(function (li) { return li.dataset.seg; }));
    if (page.dataset.status !== "done" && page.dataset.status !== "failed" && page.dataset.status !== "planned") {
      const es = new EventSource("/api/v1/meetings/" + id + "/events");
      es.addEventListener("caption", function (ev) {
        const seg = JSON.parse(ev.data);
        if (known.has(String(seg.id))) { return; }
        known.add(String(seg.id));
        const li = document.createElement("li");
        li.dataset.seg = seg.id;
        li.className = "fresh";
        li.innerHTML = '<span class="t"></span> <strong class="spk"></strong> <span class="txt"></span>';
        li.querySelector(".t").textContent = fmtTime(seg.start);
        li.querySelector(".spk").textContent = seg.speaker || "";
        li.querySelector(".txt").textContent = seg.text;
        beforeInterim(list, li);
        const none = document.getElementById("no-captions");
        if (none) { none.hidden = true; }
      });
      es.addEventListener("interim", function (ev) {
        showInterim(list, ev, function (li, it) {
          li.innerHTML = '<span class="t"></span> <span class="txt"></span><em class="pending"></em>';
          li.querySelector(".t").textContent = fmtTime(it.start);
          liveWords(li, it);
        });
        const none = document.getElementById("no-captions");
        if (none) { none.hidden = true; }
      });
      es.addEventListener("status", function (ev) {
        const st = JSON.parse(ev.data);
        document.getElementById("status-message").textContent = st.message;
        document.getElementById("rec-indicator").hidden = st.status !== "recording";
        const dur = document.getElementById("rec-duration");
        if (dur) { dur.textContent = st.duration_s; }
        if (st.status !== page.dataset.status && (st.status === "done" || st.status === "failed")) {
          es.close();
          location.reload();  // the transcript, speakers, minutes and tasks are ready
        }
        page.dataset.status = st.status;
      });
    }
    list.addEventListener("focusout", async function (ev) {
      const txt = ev.target.closest(".txt");
      if (!txt || !txt.isContentEditable) { return; }
      const li = txt.closest("li");
      try {
        await send("/api/v1/meetings/" + id + "/segments/" + li.dataset.seg, "PATCH", { text: txt.textContent });
        li.classList.add("saved");
      } catch (e) { flash(e.message); }
    });
    list.addEventListener("change", async function (ev) {
      if (!ev.target.classList.contains("spk")) { return; }
      const li = ev.target.closest("li");
      try {
        await send("/api/v1/meetings/" + id + "/segments/" + li.dataset.seg, "PATCH", { speaker: ev.target.value });
        li.classList.add("saved");
      } catch (e) { flash(e.message); }
    });
    document.querySelectorAll(".speaker-form").forEach(function (form) {
      form.addEventListener("submit", async function (ev) {
        ev.preventDefault();
        try {
          await send("/api/v1/meetings/" + id + "/speakers/" + encodeURIComponent(form.dataset.label), "PUT",
                     { name: new FormData(form).get("name") });
          location.reload();
        } catch (e) { flash(e.message); }
      });
    });
    const recount = document.getElementById("recount-form");
    if (recount) {
      recount.addEventListener("submit", async function (ev) {
        ev.preventDefault();
        try {
          await send("/api/v1/meetings/" + id + "/speakers/recount", "POST",
                     { count: Number(new FormData(recount).get("count")) });
          location.reload();  // the page follows the status until the speakers are found again
        } catch (e) { flash(e.message); }
      });
    }
    const details = document.getElementById("details-form");
    details.addEventListener("submit", async function (ev) {
      ev.preventDefault();
      const body = Object.fromEntries(new FormData(details).entries());
      try { await send("/api/v1/meetings/" + id, "PATCH", body); flash("Đã lưu; biên bản đang được cập nhật."); }
      catch (e) { flash(e.message); }
    });
    const useSpeakers = document.getElementById("use-speakers");
    if (useSpeakers) {
      useSpeakers.addEventListener("click", function () {
        details.querySelector("[name=attendees]").value = useSpeakers.dataset.names;
      });
    }
    const minutes = document.getElementById("minutes-form");
    if (minutes) {
      const lines = function (text) { return text.split("\n").map(function (s) { return s.trim(); }).filter(Boolean); };
      minutes.addEventListener("submit", async function (ev) {
        ev.preventDefault();
        const items = Array.from(minutes.querySelectorAll(".minutes-item")).map(function (fs) {
          return { title: fs.querySelector("[name=title]").value, points: lines(fs.querySelector("[name=points]").value),
                   conclusions: lines(fs.querySelector("[name=conclusions]").value) };
        });
        try {
          await send("/api/v1/meetings/" + id + "/minutes", "PUT", { items: items });
          location.reload();
        } catch (e) { flash(e.message); }
      });
      document.getElementById("regenerate").addEventListener("click", async function () {
        if (!confirm("Soạn lại nội dung từ lời họp? Những chỗ thư ký đã sửa sẽ bị thay.")) { return; }
        try { await send("/api/v1/meetings/" + id + "/minutes/regenerate", "POST"); flash("Đang soạn lại biên bản…"); }
        catch (e) { flash(e.message); }
      });
    }
    const issue = document.getElementById("issue-minutes");
    if (issue) {
      issue.addEventListener("click", async function () {
        issue.disabled = true;
        try { await send("/api/v1/meetings/" + id + "/minutes/issue", "POST"); location.reload(); }
        catch (e) { flash(e.message); issue.disabled = false; }
      });
    }
  }

  const wall = document.getElementById("wall-captions");
  if (wall) {
    const lines = document.getElementById("wall-lines");
    const es = new EventSource("/api/v1/meetings/" + wall.dataset.id + "/events");
    es.addEventListener("caption", function (ev) {
      const seg = JSON.parse(ev.data);
      const li = document.createElement("li");
      li.textContent = seg.text;
      beforeInterim(lines, li);
      while (lines.querySelectorAll("li:not(.provisional)").length > 4) { lines.removeChild(lines.firstChild); }
    });
    es.addEventListener("interim", function (ev) {
      showInterim(lines, ev, function (li, it) {
        li.innerHTML = '<span class="txt"></span><em class="pending"></em>';
        liveWords(li, it);
      });
    });
    es.addEventListener("status", function (ev) {
      const st = JSON.parse(ev.data);
      document.getElementById("rec-indicator").hidden = st.status !== "recording";
    });
  }
})();
