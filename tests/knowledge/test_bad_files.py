"""Bad files get a clear Vietnamese message and leave nothing half-ingested."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from pypdf import PdfWriter

from appliance.knowledge import extract
from appliance.knowledge.extract import IngestError
from appliance.knowledge.ingest import add_bytes, add_path
from tests.conftest import login


def _counts(conn):
    return (conn.execute("SELECT count(*) FROM kb_documents").fetchone()[0],
            conn.execute("SELECT count(*) FROM kb_chunks").fetchone()[0],
            conn.execute("SELECT count(*) FROM kb_fts").fetchone()[0])


def _blank_pdf(pages: int = 2, password: str | None = None) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(user_password=password, owner_password=password + "-owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_bad_files_are_refused_in_vietnamese_and_leave_nothing(conn, tmp_path):
    before = _counts(conn)
    big = tmp_path / "rat-lon.pdf"
    with open(big, "wb") as handle:  # a sparse 200 MB file: refused before it is read
        handle.truncate(200 * 1024 * 1024)
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    cases = {
        "encrypted": ("khoa.pdf", _blank_pdf(1, "matkhau"), "mật khẩu"),
        "scanned": ("scan.pdf", _blank_pdf(3), "bản quét"),
        "empty": ("rong.docx", b"", "rỗng"),
        "unsupported": ("bang-tinh.xlsx", b"PK\x03\x04" + b"0" * 100, "Không hỗ trợ định dạng"),
        "corrupt image": ("anh.jpg", b"\xff\xd8\xff" + b"0" * 100, "ảnh “anh.jpg” bị hỏng"),
        "corrupt": ("hong.pdf", b"%PDF-1.4 garbage garbage", "không đọc được"),
        "vni": ("vni.txt", "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñieàu 1. Caùc tröôøng hôïp cuûa ngöôøi ñöôïc "
                "caáp".encode("latin-1"), "VNI"),
    }
    for code, (name, data, words) in cases.items():
        with pytest.raises(IngestError) as err:
            add_bytes(conn, data, name)
        assert words in err.value.message, (code, err.value.message)
    with pytest.raises(IngestError) as err:
        add_path(conn, big)
    assert err.value.code == "too_large" and "quá lớn (200 MB" in err.value.message
    with pytest.raises(IngestError) as err:
        add_path(conn, empty)
    assert err.value.code == "empty"
    assert _counts(conn) == before


def test_failure_midway_rolls_back(conn, monkeypatch):
    before = _counts(conn)

    from appliance.knowledge import articles

    calls = {"n": 0}
    real = articles.index_terms

    def failing(text):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk full")
        return real(text)

    monkeypatch.setattr(articles, "index_terms", failing)  # article passages are indexed in articles.py
    text = "LUẬT THỬ\nĐiều 1. A\n1. Một hai ba bốn năm.\n2. Sáu bảy tám chín.\nĐiều 2. B\n1. Mười mười một."
    with pytest.raises(RuntimeError):
        add_bytes(conn, text.encode(), "thu.txt")
    assert _counts(conn) == before


def test_tcvn3_is_converted(conn):
    legacy = ("LUËT MÉU\nSè: 99/2026/QH15\n§iÒu 1. Ph¹m vi\n1. LuËt nµy quy ®Þnh viÖc ®¨ng ký cña c¸c c¬ quan "
              "vµ ng­êi d©n ®­îc cÊp giÊy tê.").encode("latin-1")
    result = add_bytes(conn, legacy, "cu.txt")
    assert result.converted_from == "tcvn3"
    text = conn.execute("SELECT text FROM kb_chunks WHERE doc_id = ?", (result.doc_id,)).fetchone()[0]
    assert "đăng ký của các cơ quan và người dân được cấp giấy tờ" in text


def test_upload_page_reports_each_bad_file(kb_server, monkeypatch):
    monkeypatch.setattr(extract, "MAX_BYTES", 1024)
    with kb_server.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        r = c.post("/tra-cuu/van-ban", data={"csrf_token": csrf}, files=[
            ("files", ("khoa.pdf", _blank_pdf(1, "x"), "application/pdf")),
            ("files", ("to.txt", b"a" * 5000, "text/plain"))])
        assert r.status_code == 422
        assert "mật khẩu" in r.text and "quá lớn" in r.text


def test_cli_kb_add(settings, tmp_path):
    good = tmp_path / "tb.md"
    good.write_text("THÔNG BÁO\nSố: 05/TB-UBND\nĐiều 1. Lịch trực\n1. Phường trực Tết từ ngày 28 tháng 1.\n")
    bad = tmp_path / "rong.txt"
    bad.write_text("")
    env_cmd = [sys.executable, "-m", "appliance", "kb", "add", str(good), str(bad)]
    import os

    env = {**os.environ, "APPLIANCE_DATA_DIR": str(settings.data_dir)}
    out = subprocess.run(env_cmd, capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 1, out.stderr
    assert "Đã thêm" in out.stdout and "rỗng" in out.stdout
