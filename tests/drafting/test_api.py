"""POST /api/v1/drafts (CONTRACT §2) and the draft endpoints, over real HTTP."""

from __future__ import annotations

import html
import io
import shutil

import pytest
from docx import Document

from appliance.db import connect
from appliance.engines import Registry
from tests.conftest import login


class ScriptedGenerator:
    """Stands in for the LLM through the engine registry; records what it was asked."""

    name = "scripted"

    def __init__(self) -> None:
        self.calls: list[list[dict[str, str]]] = []

    def chat(self, messages, **kwargs):  # noqa: ANN001, ANN003
        self.calls.append(list(messages))
        return ("**Kính gửi:** bỏ dòng này\nCăn cứ Kế hoạch số …, Ủy ban nhân dân phường đề nghị các tổ dân phố "
                "vận động Nhân dân tham gia tổng vệ sinh.\nĐề nghị các đơn vị thực hiện nghiêm túc./.")

    def stream(self, messages, **kwargs):  # noqa: ANN001, ANN003
        yield self.chat(messages)


@pytest.fixture
def server(shared_server):
    return shared_server


def test_contract_shape_and_docx_download(server):
    with server.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        r = c.post("/api/v1/drafts", headers={"X-CSRF-Token": csrf}, json={
            "doc_type": "cong_van", "trich_yeu": "Đề nghị hỗ trợ kinh phí sửa chữa nhà văn hóa",
            "noi_dung": "Ủy ban nhân dân phường đề nghị Sở Tài chính xem xét hỗ trợ.",
            "noi_nhan": ["Sở Tài chính"], "nguoi_ky": "Trần Thị Bình", "chuc_vu": "Phó Chủ tịch",
            "ngay": "2026-02-03"})
        assert r.status_code == 200, r.text
        body = r.json()
        assert {"id", "so_ky_hieu", "docx_url", "text"} <= set(body)
        assert body["so_ky_hieu"] == "…/UBND-VP" and body["status"] == "draft"
        assert "Hà Nội, ngày 03 tháng 02 năm 2026" in body["text"]
        assert "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Thị Bình" in body["text"]
        assert "Kính gửi: Sở Tài chính" in body["text"] and "- Như trên;" in body["text"]
        docx = c.get(body["docx_url"])
        assert docx.status_code == 200
        assert docx.headers["content-type"].startswith("application/vnd.openxmlformats")
        document = Document(io.BytesIO(docx.content))
        assert document.tables[0].cell(1, 0).paragraphs[1].text.startswith("V/v đề nghị hỗ trợ")
        listed = c.get("/api/v1/drafts", params={"q": "kinh phi sua chua nha van hoa"}).json()["drafts"]
        assert body["id"] in [d["id"] for d in listed]  # found without accents
        assert c.get("/api/v1/drafts", params={"q": "khong co van ban nay"}).json()["drafts"] == []


def test_validation_errors_are_vietnamese_json(server):
    with server.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        h = {"X-CSRF-Token": csrf}
        r = c.post("/api/v1/drafts", headers=h, json={"doc_type": "sac_lenh", "trich_yeu": "x"})
        assert r.status_code == 422 and "loại văn bản" in r.json()["error"]["message"]
        r = c.post("/api/v1/drafts", headers=h, json={"doc_type": "thong_bao", "trich_yeu": "x", "ngay": "hôm qua"})
        assert r.status_code == 422 and "Ngày" in r.json()["error"]["message"]
        r = c.post("/api/v1/drafts", headers=h, json={"doc_type": "thong_bao", "trich_yeu": "x", "don_vi": "V P"})
        assert r.status_code == 422
        assert c.get("/api/v1/drafts/999/docx").status_code == 404
        assert c.post("/api/v1/drafts", json={"doc_type": "thong_bao", "trich_yeu": "x"}).status_code == 403  # no CSRF


def test_template_engine_without_a_model_says_so(server):
    with server.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        r = c.post("/api/v1/drafts", headers={"X-CSRF-Token": csrf}, json={
            "doc_type": "thong_bao", "trich_yeu": "Lịch tiếp công dân tháng 12",
            "yeu_cau": "lãnh đạo UBND tiếp công dân vào sáng thứ Năm hằng tuần tại Trụ sở"})
        body = r.json()
        assert body["engine"] == "template" and "mô hình" in body["note"]
        assert "Lãnh đạo UBND tiếp công dân vào sáng thứ Năm hằng tuần tại Trụ sở." in body["text"]
        assert "thông báo về việc lịch tiếp công dân tháng 12" in body["text"]


def test_generator_writes_the_body_when_installed(server):
    generator = ScriptedGenerator()
    app = server.server.config.app
    # The registry the app was created with (create_app(engine_registry=…)) is what routes use.
    app.state.engines = Registry.from_instances(app.state.settings, generator=generator)
    try:
        _generate(server, generator)
    finally:
        app.state.engines = None
    body = generator.result
    assert body["engine"] == "llm"
    assert "vận động Nhân dân tham gia tổng vệ sinh" in body["text"]
    assert "bỏ dòng này" not in body["text"]  # header-like lines from the model are dropped
    prompt = generator.calls[0][1]["content"]
    assert "đề nghị các tổ dân phố vận động dân tổng vệ sinh" in prompt and "Công văn" in prompt


def _generate(server, generator):
    with server.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        body = c.post("/api/v1/drafts", headers={"X-CSRF-Token": csrf}, json={
            "doc_type": "cong_van", "trich_yeu": "Tổng vệ sinh môi trường",
            "yeu_cau": "đề nghị các tổ dân phố vận động dân tổng vệ sinh", "noi_nhan": ["Các tổ dân phố"]}).json()
    generator.result = body


def test_edit_then_issue_by_a_leader_only(server):
    with server.client() as staff:
        csrf = login(staff, "canbo", "canbo-demo")
        h = {"X-CSRF-Token": csrf}
        draft = staff.post("/api/v1/drafts", headers=h, json={"doc_type": "giay_moi", "trich_yeu": "Họp tổ trưởng",
                                                               "thoi_gian": "08 giờ 00, ngày 04/12/2026"}).json()
        edited = staff.put(f"/api/v1/drafts/{draft['id']}", headers=h, json={
            "trich_yeu": "Hội nghị tổ trưởng dân phố", "noi_dung": ["Trân trọng kính mời.", "Rất mong tham dự./."],
            "noi_nhan": ["Các tổ trưởng", "Lưu: VT"], "nguoi_ky": "Lê Văn Cường", "chuc_vu": "Phó Chủ tịch"}).json()
        assert "Hội nghị tổ trưởng dân phố" in edited["text"] and "Rất mong tham dự./." in edited["text"]
        assert edited["text"].count("Lưu: VT") == 1 and "KT. CHỦ TỊCH" in edited["text"]
        assert staff.post(f"/api/v1/drafts/{draft['id']}/issue", headers=h, json={}).status_code == 403
    with server.client() as leader:
        csrf = login(leader, "lanhdao", "lanhdao-demo")
        h = {"X-CSRF-Token": csrf}
        issued = leader.post(f"/api/v1/drafts/{draft['id']}/issue", headers=h, json={"ngay": "2026-12-02"}).json()
        assert issued["so_ky_hieu"] == "01/GM-UBND" and issued["status"] == "issued"
        again = leader.put(f"/api/v1/drafts/{draft['id']}", headers=h, json={"trich_yeu": "khác"})
        assert again.status_code == 409
        page = leader.get("/soan-thao/so-van-ban-di", params={"nam": 2026})
        assert "01/GM-UBND" in page.text and "Hội nghị tổ trưởng dân phố" in page.text


def test_meetings_can_create_a_bien_ban_through_the_service(settings):
    from appliance.db import migrate, transaction
    from appliance.drafting.service import create_draft, render_docx

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    conn = connect(settings.db_path)
    migrate(conn)
    with transaction(conn):  # inside the caller's own transaction (the meetings pipeline's)
        result = _bien_ban(conn, settings, create_draft)
    assert result["so_ky_hieu"] == "…/BB-UBND" and result["engine"] == "rules"
    assert "Thời gian bắt đầu: 08 giờ 05, ngày 20 tháng 11 năm 2026." in result["text"]
    assert "Cuộc họp kết thúc vào 09 giờ 40, ngày 20 tháng 11 năm 2026./." in result["text"]
    assert render_docx(result["id"], settings=settings)[:2] == b"PK"


def _bien_ban(conn, settings, create_draft):
    return create_draft(conn, settings, {
        "doc_type": "bien_ban", "trich_yeu": "Họp giao ban tháng 11", "thoi_gian_bat_dau": "2026-11-20T08:05",
        "dia_diem": "Phòng họp số 1", "thanh_phan": ["Nguyễn Văn An", "Trần Thị Bình"], "chu_tri": "Nguyễn Văn An",
        "thu_ky": "Phạm Thu Hà", "noi_dung": ["Người nói 1: báo cáo tiến độ.", "Người nói 2: đề xuất."],
        "ket_luan": ["Giao Văn phòng tổng hợp."], "thoi_gian_ket_thuc": "2026-11-20T09:40", "engine": "rules"}, None)


def test_admin_edits_a_template_as_data(server):
    with server.client() as admin:
        csrf = login(admin, "admin", "admin-demo")
        page = admin.get("/quan-tri/mau-van-ban", params={"loai": "thong_bao"})
        assert page.status_code == 200 and 'viet_tat = "TB"' in html.unescape(page.text)
        text = page.text.split('spellcheck="false">')[1].split("</textarea>")[0]
        changed = html.unescape(text).replace('"Các tổ dân phố", ', '"Ban Chỉ huy Quân sự phường", ')
        r = admin.post("/quan-tri/mau-van-ban/thong_bao", data={"csrf_token": csrf, "noi_dung": changed})
        assert r.status_code == 303 and "luu=1" in r.headers["location"]
        bad = admin.post("/quan-tri/mau-van-ban/thong_bao", data={"csrf_token": csrf, "noi_dung": "ten = 1"})
        assert "loi=" in bad.headers["location"]
        draft = admin.post("/api/v1/drafts", headers={"X-CSRF-Token": csrf},
                           json={"doc_type": "thong_bao", "trich_yeu": "Lịch trực"}).json()
        assert "- Ban Chỉ huy Quân sự phường;" in draft["text"]
        reset = admin.post("/quan-tri/mau-van-ban/thong_bao", data={"csrf_token": csrf, "noi_dung": "",
                                                                  "khoi_phuc": "1"})
        assert reset.status_code == 303
        again = admin.post("/api/v1/drafts", headers={"X-CSRF-Token": csrf},
                           json={"doc_type": "thong_bao", "trich_yeu": "Lịch trực"}).json()
        assert "Ban Chỉ huy Quân sự" not in again["text"]
    with server.client() as staff:
        login(staff, "canbo", "canbo-demo")
        assert staff.get("/quan-tri/mau-van-ban").status_code == 403


@pytest.mark.slow
def test_pdf_export_or_a_clear_message(server):
    with server.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        draft = c.post("/api/v1/drafts", headers={"X-CSRF-Token": csrf},
                       json={"doc_type": "bao_cao", "trich_yeu": "Kết quả tháng 11"}).json()
        r = c.get(f"/api/v1/drafts/{draft['id']}/pdf")
        if shutil.which("soffice") or shutil.which("libreoffice"):
            assert r.status_code == 200 and r.content[:4] == b"%PDF"
        else:
            assert r.status_code == 503 and "LibreOffice" in r.json()["error"]["message"]


def test_every_drafting_route_requires_a_role(server):
    """Walks this feature's own router (the app-wide walk may not see included routers)."""
    from fastapi.routing import APIRoute

    from appliance.drafting.routes import router

    routes = [r for r in router.routes if isinstance(r, APIRoute)]
    assert len(routes) >= 12
    with server.client() as c:
        for route in routes:
            path = route.path.replace("{document_id}", "1").replace("{code}", "thong_bao")
            for method in route.methods - {"HEAD", "OPTIONS"}:
                r = c.request(method, path)
                if path.startswith("/api/"):
                    assert r.status_code == 401 and r.json()["error"]["code"], (method, path)
                else:
                    assert r.status_code == 303 and r.headers["location"].startswith("/login"), (method, path)
    with server.client() as c:
        login(c, "manhinh", "manhinh-demo")  # the wall screen's account drafts nothing
        assert c.get("/soan-thao").status_code == 403
        assert c.get("/api/v1/drafts").status_code == 403
