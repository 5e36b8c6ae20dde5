// "Soạn thảo": create a draft through POST /api/v1/drafts, edit it, refresh the preview.
(function () {
  "use strict";
  function lines(value) {
    return (value || "").split("\n").map(function (s) { return s.trim(); }).filter(Boolean);
  }
  function showError(message) {
    const flash = document.getElementById("flash");
    if (flash) { flash.textContent = message; flash.hidden = false; }
  }
  async function errorOf(response) {
    try { return (await response.json()).error.message; } catch (e) { return "Có lỗi xảy ra, vui lòng thử lại."; }
  }

  const form = document.getElementById("draft-form");
  if (form) {
    const sync = function () {
      const type = form.querySelector("input[name=doc_type]:checked").value;
      form.querySelectorAll(".only").forEach(function (el) { el.hidden = !el.classList.contains("only-" + type); });
      form.querySelectorAll(".hide-bien_ban").forEach(function (el) { el.hidden = type === "bien_ban"; });
    };
    form.addEventListener("change", sync);
    sync();
    form.addEventListener("submit", async function (ev) {
      ev.preventDefault();
      const f = new FormData(form);
      const type = f.get("doc_type");
      const body = { doc_type: type, trich_yeu: f.get("trich_yeu"), noi_nhan: lines(f.get("noi_nhan")),
        ngay: f.get("ngay") || null, don_vi: f.get("don_vi") || "VP" };
      if (f.get("noi_dung").trim()) { body.noi_dung = f.get("noi_dung"); }
      if (f.get("yeu_cau").trim()) { body.yeu_cau = f.get("yeu_cau"); }
      const signer = (f.get("signer") || "|").split("|");
      if (type !== "bien_ban") { body.nguoi_ky = signer[0]; body.chuc_vu = signer[1]; }
      if (type === "cong_van" || type === "to_trinh") { body.kinh_gui = lines(f.get("kinh_gui")); }
      if (type === "giay_moi") {
        ["thanh_phan", "thoi_gian", "dia_diem"].forEach(function (k) { if (f.get(k)) { body[k] = f.get(k); } });
      }
      if (type === "bien_ban") {
        body.dia_diem = f.get("dia_diem_bb"); body.thanh_phan = lines(f.get("thanh_phan_bb"));
        ["thoi_gian_bat_dau", "chu_tri", "thu_ky", "ket_luan", "thoi_gian_ket_thuc"].forEach(function (k) {
          if (f.get(k)) { body[k] = f.get(k); } });
      }
      const button = form.querySelector("button[type=submit]");
      button.disabled = true; button.textContent = "Đang soạn…";
      try {
        const response = await window.apiFetch("/api/v1/drafts", { method: "POST", body: body });
        if (!response.ok) { showError(await errorOf(response)); return; }
        const draft = await response.json();
        window.location.href = "/soan-thao/" + draft.id;
      } catch (e) {
        showError("Không kết nối được máy chủ, vui lòng thử lại.");
      } finally {
        button.disabled = false; button.textContent = "Soạn dự thảo";
      }
    });
  }

  const edit = document.getElementById("edit-form");
  if (edit) {
    const id = edit.dataset.id;
    edit.addEventListener("submit", async function (ev) {
      ev.preventDefault();
      const f = new FormData(edit);
      const body = {};
      ["trich_yeu", "noi_dung", "ngay", "nguoi_ky", "chuc_vu", "thu_ky", "chu_tri"].forEach(function (k) {
        if (f.has(k)) { body[k] = f.get(k); } });
      ["kinh_gui", "noi_nhan"].forEach(function (k) { if (f.has(k)) { body[k] = lines(f.get(k)); } });
      const response = await window.apiFetch("/api/v1/drafts/" + id, { method: "PUT", body: body });
      if (!response.ok) { showError(await errorOf(response)); return; }
      document.getElementById("flash").hidden = true;
      document.getElementById("saved").hidden = false;
      const preview = await window.apiFetch("/soan-thao/" + id + "/xem-truoc", { headers: { "HX-Request": "true",
        "Accept": "text/html" } });
      document.getElementById("preview").innerHTML = await preview.text();
    });
  }

  const issue = document.getElementById("issue-btn");
  if (issue) {
    issue.addEventListener("click", async function () {
      if (!window.confirm("Duyệt dự thảo này và cấp số trong sổ văn bản đi? Sau khi cấp số, văn bản không sửa được nữa.")) { return; }
      const response = await window.apiFetch("/api/v1/drafts/" + issue.dataset.id + "/issue", { method: "POST", body: {} });
      if (!response.ok) { showError(await errorOf(response)); return; }
      window.location.reload();
    });
  }
})();
