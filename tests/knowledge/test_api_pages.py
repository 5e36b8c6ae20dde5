"""Search, assistant, summaries, upload, document status and the catalogue editor over real HTTP."""

from __future__ import annotations

import io

from docx import Document

from appliance.db import connect
from tests.conftest import login


def test_search_api_contract_shape_and_accent_insensitive(kb_server):
    with kb_server.client() as c:
        login(c, "canbo", "canbo-demo")
        for q in ("thời hạn đăng ký khai sinh cho con", "thoi han dang ky khai sinh cho con"):
            body = c.get("/api/v1/search", params={"q": q, "k": 5}).json()
            assert set(body["results"][0]) >= {"doc_id", "title", "citation", "snippet", "score"}
            citations = [r["citation"] for r in body["results"]]
            # The original document and article (issue 15), with the pháp điển number beside it.
            assert "Khoản 1 Điều 15 Luật Hộ tịch số 60/2014/QH13" in citations, citations
            hit = body["results"][citations.index("Khoản 1 Điều 15 Luật Hộ tịch số 60/2014/QH13")]
            assert hit["phapdien"] == "15.3.LQ.15" and hit["article"] == "15" and hit["clause"] == "1"
            assert hit["document"]["number"] == "60/2014/QH13" and hit["status"] == "con_hieu_luc"
            assert hit["article_url"].startswith("/tra-cuu/dieu/") and "60 ngày" in hit["snippet"]
            assert "<mark>" in body["results"][0]["snippet"] and body["answered"] is True
            assert body["engine"] == "bm25" or body["engine"].startswith("hybrid")
        top = c.get("/api/v1/search", params={"q": "thủ tục đăng ký khai sinh"}).json()["results"]
        assert {"Khoản 1 Điều 16 Luật Hộ tịch số 60/2014/QH13", "Khoản 2 Điều 16 Luật Hộ tịch số 60/2014/QH13"} & {
            r["citation"] for r in top[:3]}, [r["citation"] for r in top[:3]]
        article = c.get(top[0]["article_url"])
        assert article.status_code == 200 and "Chú thích nguồn" in article.text
        assert "Luật số 60/2014/QH13" in article.text
        assert c.get("/api/v1/search", params={"q": " "}).status_code == 422


def test_nothing_in_the_library_is_said_not_unrelated_articles(kb_server):
    with kb_server.client() as c:
        login(c, "canbo", "canbo-demo")
        body = c.get("/api/v1/search", params={"q": "lấn chiếm vỉa hè bị xử phạt bao nhiêu"}).json()
        assert body["results"] == [] and body["answered"] is False and "vỉa hè" in body["missing"]
        assert body["nearest"] and "vỉa hè" in body["note"]
        page = c.get("/tra-cuu", params={"q": "lấn chiếm vỉa hè bị xử phạt bao nhiêu"}).text
        assert "Không tìm thấy điều khoản trả lời câu hỏi này" in page and "không chắc liên quan" in page


def test_a_chatty_question_shows_its_procedures_legal_basis_and_says_so(kb_server):
    question = "nhà mình mới sinh em bé, giờ muốn đi làm giấy khai sinh thì phải mang theo những gì vậy ạ"
    with kb_server.client() as c:
        login(c, "canbo", "canbo-demo")
        body = c.get("/api/v1/search", params={"q": question}).json()
        assert body["answered"] is True and body["procedure"] == {"code": "HT-KS", "name": "Đăng ký khai sinh"}
        assert body["results"][0]["citation"] == "Khoản 1 Điều 16 Luật Hộ tịch số 60/2014/QH13"
        page = c.get("/tra-cuu", params={"q": question}).text
        assert "được hiểu là về thủ tục" in page and 'href="/tra-cuu/thu-tuc/HT-KS"' in page
        assert "Khoản 1 Điều 16 Luật Hộ tịch số 60/2014/QH13" in page
        plain = c.get("/api/v1/search", params={"q": "thời hạn đăng ký khai sinh"}).json()
        assert plain["procedure"] is None  # the passages answered by themselves


def test_a_subject_without_text_shows_its_registry_entry_not_an_article(kb_server):
    question = "làm sổ đỏ lần đầu cần những giấy tờ gì, đất ở ổn định không tranh chấp"
    with kb_server.client() as c:
        login(c, "canbo", "canbo-demo")
        body = c.get("/api/v1/search", params={"q": question}).json()
        assert body["results"] == [] and body["answered"] is False and body["procedure"] is None
        gap = body["library_gaps"][0]
        assert gap["number"] == "31/2024/QH15" and gap["status"] == "con_hieu_luc" and gap["has_text"] is False
        page = c.get("/tra-cuu", params={"q": question}).text
        assert "Thư viện chưa có văn bản chính thức để trả lời câu hỏi này" in page
        assert "Thư viện chưa có toàn văn Luật Đất đai số 31/2024/QH15" in page and f'href="{gap["url"]}"' in page
        assert "Không tìm thấy điều khoản trả lời câu hỏi này" not in page
        registry = c.get(gap["url"])
        assert registry.status_code == 200 and "31/2024/QH15" in registry.text
        # Bridged to a covered procedure while naming the land title too: both are shown.
        shared = c.get("/tra-cuu", params={"q": "sổ đỏ bị ghi sai tên vợ, giờ đính chính ở đâu"}).text
        assert "được hiểu là về thủ tục" in shared and "Câu hỏi cũng nhắc đến nội dung thư viện chưa có" in shared
        assert "Thư viện chưa có toàn văn Luật Đất đai số 31/2024/QH15" in shared


def test_repealed_document_is_flagged(kb_server):
    """The cư trú page of the Pháp điển copy is Luật Cư trú 2006, replaced by 68/2020/QH14."""
    with kb_server.client() as c:
        login(c, "canbo", "canbo-demo")
        results = c.get("/api/v1/search", params={"q": "đăng ký thường trú"}).json()["results"]
        old = [r for r in results if "81/2006/QH11" in r["citation"]]
        assert old and old[0]["in_force"] is False and old[0]["status"] == "het_hieu_luc"
        assert old[0]["document"]["replaced_by"] == "68/2020/QH14"
        page = c.get("/tra-cuu", params={"q": "đăng ký thường trú"}).text
        assert "Hết hiệu lực" in page and "Đăng ký thường trú" in page and "68/2020/QH14" in page
        article = c.get(old[0]["article_url"]).text
        assert "Hết hiệu lực" in article and "Không dùng nội dung dưới đây làm căn cứ hiện hành" in article


def test_search_page_shows_procedures_with_confirmation_marks(kb_server):
    with kb_server.client() as c:
        login(c, "canbo", "canbo-demo")
        page = c.get("/tra-cuu", params={"q": "nhập hộ khẩu"}).text
        assert "Đăng ký thường trú" in page and "Nộp tại Công an phường" in page and "cần xác nhận" in page
        # The cư trú facts rest on Luật Cư trú 2020, which the library lacks (its Pháp điển page is the 2006
        # law): the catalogue's stored fee is not shown to staff either (they would repeat it), only the mark.
        assert "20.000 đồng" not in page and "chưa có căn cứ trong thư viện văn bản" in page
        detail = c.get("/tra-cuu/thu-tuc/CU-TT").text
        assert "Luật Cư trú 2020" in detail and "20.000 đồng" not in detail
        assert "không điều nào của văn bản trong thư viện nêu thông tin này" in detail
        assert "thư viện chưa có toàn văn văn bản này" in detail  # the fee rests on a text the library lacks
        assert "Đối chiếu và sửa trong danh mục" not in detail  # the catalogue editor is the admin's
        birth = c.get("/tra-cuu/thu-tuc/HT-KS").text
        assert "Khoản 1 Điều 15 60/2014/QH13" in birth and "Trong thời hạn 60 ngày kể từ ngày sinh con" in birth
        assert "Miễn lệ phí khi đăng ký khai sinh đúng hạn" in birth  # a fee the library confirms is shown
        assert "không điều nào của văn bản trong thư viện" not in birth
    with kb_server.client() as c:
        login(c, "admin", "admin-demo")
        assert "Đối chiếu và sửa trong danh mục" in c.get("/tra-cuu/thu-tuc/CU-TT").text


def test_assistant_cites_every_sentence_without_generator(kb_server):
    with kb_server.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        body = c.post("/api/v1/kb/answer", json={"question": "thời hạn giải quyết khiếu nại lần đầu"},
                      headers={"X-CSRF-Token": csrf}).json()
        assert body["sentences"] and body["answered"] is True, body
        for sentence in body["sentences"]:
            assert sentence["citations"] and all("Điều" in cit for cit in sentence["citations"])
        assert "30 ngày" in body["answer"] and "Điều 28 Luật Khiếu nại số 02/2011/QH13" in body["answer"]
        page = c.post("/tra-cuu/hoi", data={"question": "thời hạn đăng ký khai tử", "csrf_token": csrf}).text
        assert "Trợ lý trả lời" in page and "Khoản 1 Điều 33 Luật Hộ tịch số 60/2014/QH13" in page
        # Nghị định 123/2015 Điều 23 (validity of the marital-status certificate) is not in the library.
        missing = c.post("/api/v1/kb/answer", json={"question": "giấy xác nhận tình trạng hôn nhân có giá trị bao lâu"},
                         headers={"X-CSRF-Token": csrf}).json()
        assert missing["answered"] is False and missing["sentences"] == [] and missing["note"]


def test_summarize_api_and_page(kb_server):
    text = ("Ủy ban nhân dân phường tổ chức kiểm tra trật tự đô thị trong tháng 11. Phòng Kinh tế, Hạ tầng và Đô thị "
            "có trách nhiệm lập kế hoạch trước ngày 25/11/2026. Kinh phí dự kiến 15.000.000 đồng. Tỷ lệ hồ sơ đúng hạn "
            "đạt 93,8%. Công an phường phối hợp xử lý các trường hợp lấn chiếm vỉa hè trong thời hạn 05 ngày làm việc.")
    with kb_server.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        body = c.post("/api/v1/summarize", json={"text": text}, headers={"X-CSRF-Token": csrf}).json()
        assert body["engine"] in ("extractive", "llm") and body["summary"] and body["key_points"]
        values = {f["text"] for f in body["figures"]}
        assert {"15.000.000 đồng", "93,8%", "25/11/2026", "05 ngày làm việc"} <= values
        whos = [a["who"] for a in body["actions"]]
        assert "Phòng Kinh tế, Hạ tầng và Đô thị" in " ".join(whos) or "Đô thị" in " ".join(whos)
        by_doc = c.post("/api/v1/summarize", json={"doc_id": 1}, headers={"X-CSRF-Token": csrf}).json()
        assert by_doc["key_points"]
        page = c.post("/tom-tat", data={"text": text, "csrf_token": csrf}).text
        assert "Ai phải làm gì" in page and "93,8%" in page


def test_long_summary_runs_as_job_with_progress(kb_server, kb_settings):
    from appliance.jobs import run_pending

    paragraph = ("Phường triển khai kế hoạch cải cách hành chính năm 2026, tập trung số hóa hồ sơ và thanh toán trực "
                 "tuyến. Văn phòng HĐND và UBND có trách nhiệm tổng hợp báo cáo trước ngày 15/12/2026.\n")
    text = "\n".join(f"Phần {i}. " + paragraph * 4 for i in range(150))  # ~100 pages worth of parts
    with kb_server.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        page = c.post("/tom-tat", data={"text": text, "csrf_token": csrf}).text
        assert "Đang tóm tắt văn bản dài" in page
        conn = connect(kb_settings.db_path)
        run_pending(conn, kb_settings, kinds=["knowledge.summarize"])
        job_id = conn.execute("SELECT id FROM jobs WHERE kind = 'knowledge.summarize'").fetchone()[0]
        # Audited when asked, like a short summary (the impact report counts summaries from the audit log).
        audited = conn.execute("SELECT username, detail FROM audit_log WHERE action = 'knowledge.summarize'"
                               " AND detail LIKE ?", (f'%"job": {job_id}%',)).fetchall()
        conn.close()
        assert [row[0] for row in audited] == ["canbo"]
        done = c.get(f"/tom-tat/viec/{job_id}", headers={"Accept": "application/json"}).json()
        assert done["status"] == "done" and done["progress"] == 1.0
        assert done["result"]["parts"] > 1 and done["result"]["key_points"]


def _docx(paragraphs: list[str]) -> bytes:
    document = Document()
    for p in paragraphs:
        document.add_paragraph(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_upload_readd_updates_and_status(kb_server, kb_settings):
    v1 = _docx(["QUYẾT ĐỊNH", "Số: 15/2026/QĐ-UBND", "Hà Nội, ngày 05 tháng 3 năm 2026",
                "Điều 1. Phạm vi áp dụng", "1. Quy định về giờ tiếp công dân tại phường.",
                "Điều 2. Giờ tiếp công dân", "1. Tiếp công dân vào sáng thứ Năm hằng tuần."])
    with kb_server.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        r = c.post("/tra-cuu/van-ban", files={"files": ("qd15.docx", v1)}, data={"csrf_token": csrf})
        assert r.status_code == 200 and "Đã thêm" in r.text
        changed = _docx(["QUYẾT ĐỊNH", "Số: 15/2026/QĐ-UBND", "Điều 1. Phạm vi áp dụng",
                         "1. Quy định về giờ tiếp công dân tại phường.", "Điều 2. Giờ tiếp công dân",
                         "1. Tiếp công dân vào chiều thứ Sáu hằng tuần."])
        r = c.post("/tra-cuu/van-ban", files={"files": ("qd15-sua.docx", changed)}, data={"csrf_token": csrf})
        assert "Đã cập nhật" in r.text
        conn = connect(kb_settings.db_path)
        docs = conn.execute("SELECT id, number, issuer FROM kb_documents WHERE number = '15/2026/QĐ-UBND'").fetchall()
        assert len(docs) == 1
        texts = [row[0] for row in conn.execute("SELECT text FROM kb_chunks WHERE doc_id = ?", (docs[0]["id"],))]
        assert any("thứ Sáu" in t for t in texts) and not any("thứ Năm" in t for t in texts)
        conn.close()
        hits = c.get("/api/v1/search", params={"q": "tiep cong dan thu sau"}).json()["results"]
        assert hits[0]["citation"] == "Khoản 1 Điều 2 Quyết định số 15/2026/QĐ-UBND"
        r = c.post(f"/tra-cuu/van-ban/{docs[0]['id']}/hieu-luc",
                   data={"status": "het_hieu_luc", "note": "Thay bằng QĐ 20/2026", "csrf_token": csrf},
                   follow_redirects=True)
        assert r.status_code == 200  # followed the redirect to the document page
        hits = c.get("/api/v1/search", params={"q": "tiep cong dan thu sau"}).json()["results"]
        assert hits[0]["in_force"] is False


def test_admin_edits_catalogue(kb_server, kb_settings):
    with kb_server.client() as c:
        csrf = login(c, "admin", "admin-demo")
        assert "Đăng ký khai sinh" in c.get("/quan-tri/thu-tuc").text
        form = c.get("/quan-tri/thu-tuc/HT-KS")
        assert form.status_code == 200 and "cần xác nhận" in form.text
        data = {"csrf_token": csrf, "name": "Đăng ký khai sinh", "field": "Hộ tịch", "agency": "UBND phường",
                "processing_time": "Trong ngày", "fee": "Miễn phí khi đúng hạn; quá hạn 8.000 đồng",
                "where": "Quầy số 2", "online_url": "https://dichvucong.gov.vn",
                "legal_basis": "Điều 16 Luật Hộ tịch 2014", "documents": "Tờ khai\nGiấy chứng sinh",
                "how": "Nộp hồ sơ", "forms": "Tờ khai đăng ký khai sinh", "aliases": "làm giấy khai sinh"}
        r = c.post("/quan-tri/thu-tuc/HT-KS", data=data, follow_redirects=True)
        assert r.status_code == 200 and "Danh mục thủ tục" in r.text
        bad = c.post("/quan-tri/thu-tuc/HT-KS", data={**data, "fee": ""})
        assert bad.status_code == 422 and "Phí, lệ phí" in bad.text
    from appliance.knowledge.procedures import get_procedure

    conn = connect(kb_settings.db_path)
    proc = get_procedure(conn, "HT-KS")
    assert proc is not None and proc.fee.endswith("8.000 đồng") and proc.needs_confirmation == []
    from appliance.jobs.queue import handlers

    if "citizen.publish" in handlers():  # the chatbot's copy is refreshed after an edit
        assert conn.execute("SELECT count(*) FROM jobs WHERE kind = 'citizen.publish'").fetchone()[0] >= 1
    conn.close()
    with kb_server.client() as c:
        login(c, "canbo", "canbo-demo")
        assert c.get("/quan-tri/thu-tuc").status_code == 403


def test_registry_is_edited_by_admins_with_a_history(kb_server, kb_settings):
    conn = connect(kb_settings.db_path)
    doc_id = conn.execute("SELECT id FROM kb_documents WHERE number = '68/2020/QH14'").fetchone()[0]
    conn.close()
    with kb_server.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        page = c.get(f"/tra-cuu/van-ban/{doc_id}").text
        assert "chưa có toàn văn trong thư viện" in page and "cần xác nhận" in page
        assert c.post(f"/tra-cuu/van-ban/{doc_id}/so-van-ban", data={"issuer": "x", "csrf_token": csrf}).status_code \
            == 403
    with kb_server.client() as c:
        csrf = login(c, "admin", "admin-demo")
        bad = c.post(f"/tra-cuu/van-ban/{doc_id}/so-van-ban", data={"issued_on": "32/13/2020", "csrf_token": csrf})
        assert bad.status_code == 422 and "ngày không hợp lệ" in bad.text
        r = c.post(f"/tra-cuu/van-ban/{doc_id}/so-van-ban", data={
            "issued_on": "13/11/2020", "issuer": "Quốc hội khóa XIV", "csrf_token": csrf}, follow_redirects=True)
        assert r.status_code == 200 and "13/11/2020" in r.text and "Lịch sử thay đổi" in r.text
        form = c.get("/quan-tri/thu-tuc/HT-KS").text
        assert "thời hạn | 60/2014/QH13 | 16 | 2 |" in form  # the bases, in Vietnamese, one per line
    conn = connect(kb_settings.db_path)
    row = conn.execute("SELECT issued_on, edited_fields, unconfirmed FROM kb_documents WHERE id = ?",
                       (doc_id,)).fetchone()
    assert row["issued_on"] == "2020-11-13" and "issued_on" in row["edited_fields"]
    assert "issuer" not in row["unconfirmed"]  # the admin confirmed it
    history = conn.execute("SELECT username, field FROM kb_document_history WHERE doc_id = ?", (doc_id,)).fetchall()
    assert ("admin", "issued_on") in [tuple(h) for h in history]
    conn.close()


def test_a_question_read_as_out_of_scope_says_so_on_the_search_page(kb_server):
    with kb_server.client() as c:
        login(c, "canbo", "canbo-demo")
        body = c.get("/api/v1/search", params={"q": "Cấp đổi căn cước công dân làm ở đâu ạ"}).json()
        assert body["answered"] is False and body["results"] == [] and body["nearest"]
        page = c.get("/tra-cuu", params={"q": "Cấp đổi căn cước công dân làm ở đâu ạ"}).text
        assert "không thuộc thủ tục của phường" in page and "Không tìm thấy điều khoản trả lời câu hỏi này" in page, \
            page[page.find("kb-notfound") - 200:page.find("kb-notfound") + 800]
