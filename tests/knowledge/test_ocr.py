"""Scans and old formats: a PDF made of an image only (no text layer) is read by Tesseract into
searchable articles; a garbled text layer is detected and read again by OCR; low-confidence pages
are flagged; an uploaded scan goes to the worker with progress; a Word 97 .doc is converted by
LibreOffice."""

from __future__ import annotations

import io
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from docx import Document
from PIL import Image, ImageDraw, ImageFont
from pypdf import PdfReader, PdfWriter

from appliance.jobs import get_job, run_pending
from appliance.knowledge import ocr
from appliance.knowledge.extract import IngestError, extract_bytes
from appliance.knowledge.ingest import add_bytes
from appliance.knowledge.search import search
from appliance.system.isolate import Limits
from tests.conftest import login

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # Debian fonts-dejavu-core
LINES = ["QUY ĐỊNH", "Về tiếp nhận hồ sơ ngoài giờ", "Điều 1. Phạm vi áp dụng",
         "Ủy ban nhân dân phường tiếp nhận hồ sơ đăng ký khai sinh",
         "vào sáng thứ Bảy hằng tuần tại bộ phận một cửa.", "Điều 2. Trách nhiệm thi hành",
         "Văn phòng phường phân công cán bộ trực tiếp nhận hồ sơ."]

# `make test` installs these (sysdeps); a machine without them skips, saying which package is missing.
needs_ocr = pytest.mark.skipif(
    not (ocr.available() and Path(FONT).exists()),
    reason="OCR tools not installed: tesseract-ocr, tesseract-ocr-vie, poppler-utils, fonts-dejavu-core (make sysdeps)")
needs_soffice = pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")),
    reason="LibreOffice not installed: libreoffice-writer-nogui (make sysdeps)")


def _scan(lines: list[str] = LINES) -> Image.Image:
    """A page as a scanner gives it: black text on white, 200 dpi, no text layer anywhere."""
    image = Image.new("L", (1654, 1100), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 40)
    for row, line in enumerate(lines):
        draw.text((100, 80 + row * 120), line, font=font, fill=0)
    return image


def _pdf(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PDF", resolution=200)
    return out.getvalue()


def _with_garbage_layer(pdf: bytes) -> bytes:
    """The same scan with a text layer of glyph soup, as a broken OCR tool leaves behind."""
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter()
    page = writer.add_page(reader.pages[0])
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica")})
    resources = page["/Resources"]
    resources[NameObject("/Font")] = DictionaryObject({NameObject("/F9"): writer._add_object(font)})
    soup = " ".join(["xqzt kwrpv bnmqj zzxq vvkrt pqwx"] * 6)
    stream = DecodedStreamObject()
    stream.set_data(f"BT /F9 9 Tf 3 Tr 20 20 Td ({soup}) Tj ET".encode())
    contents = page.get_contents()
    assert contents is not None
    page[NameObject("/Contents")] = writer._add_object(DecodedStreamObject.initialize_from_dictionary(
        {"__streamdata__": contents.get_data() + b"\n" + stream.get_data()}))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@needs_ocr
def test_a_scanned_pdf_becomes_searchable_articles(conn):
    pdf = _pdf(_scan())
    assert not "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages).strip()
    result = add_bytes(conn, pdf, "quy-dinh-scan.pdf")
    assert result.ocr_pages == [1] and result.low_confidence == [] and "nhận dạng chữ OCR 1 trang" in result.message()
    hit = search(conn, "tiếp nhận hồ sơ đăng ký khai sinh sáng thứ bảy", 3).hits[0]
    assert hit.doc_id == result.doc_id and hit.article == "1" and "thứ Bảy" in hit.text


@needs_ocr
def test_a_garbled_text_layer_is_read_again_by_ocr():
    garbled = _with_garbage_layer(_pdf(_scan()))
    layer = PdfReader(io.BytesIO(garbled)).pages[0].extract_text() or ""
    assert "xqzt" in layer and ocr.looks_garbled(layer)
    extracted = extract_bytes(garbled, "scan-loi.pdf")
    assert extracted.ocr_pages == [1] and "xqzt" not in extracted.text and "khai sinh" in extracted.text
    assert not ocr.looks_garbled("Ủy ban nhân dân phường tiếp nhận hồ sơ đăng ký khai sinh vào sáng thứ Bảy UBND.")


@needs_ocr
def test_low_confidence_pages_are_flagged():
    tsv = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
           "5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t31.5\tĐiều\n5\t1\t1\t1\t1\t2\t0\t0\t10\t10\t40.0\t1.\n"
           "5\t1\t2\t1\t1\t1\t0\t0\t10\t10\t35.0\tmờ\n")
    page = ocr._from_tsv(tsv)
    assert page.text == "Điều 1.\n\nmờ" and page.low and round(page.confidence, 1) == 35.5
    # A faint, blurred photo of the page reads with low confidence and is flagged for checking.
    faint = _scan().point(lambda v: 170 + v // 3)
    blurred = faint.resize((1654 // 9, 1100 // 9)).resize((1654, 1100))
    result = extract_bytes(_pdf(blurred), "mo.pdf")
    assert result.ocr_pages == [1] and result.low_confidence == [1]


@needs_ocr
def test_an_uploaded_scan_is_read_by_the_worker_with_progress(kb_server, kb_settings):
    from appliance.db import connect

    image = io.BytesIO()
    _scan().save(image, format="PNG")
    with kb_server.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        page = c.post("/tra-cuu/van-ban", files={"files": ("bien-ban-chup.png", image.getvalue())},
                      data={"csrf_token": csrf})
        assert page.status_code == 200 and "đang nhận dạng chữ" in page.text
        conn = connect(kb_settings.db_path)
        job_id = conn.execute("SELECT max(id) FROM jobs WHERE kind = 'knowledge.ingest'").fetchone()[0]
        run_pending(conn, kb_settings, kinds=["knowledge.ingest"])
        job = get_job(conn, job_id)
        conn.close()
        assert job is not None and job["status"] == "done" and job["result"]["ok"], job
        status = c.get(f"/tra-cuu/van-ban/viec/{job_id}", headers={"Accept": "application/json"}).json()
        assert status["status"] == "done" and "nhận dạng chữ OCR 1 trang" in status["result"]["message"]
        document = c.get(f"/tra-cuu/van-ban/{status['result']['doc_id']}").text
        assert "Nhận dạng chữ (OCR)" in document


@needs_soffice
def test_a_word_97_doc_is_converted(conn, tmp_path):
    document = Document()
    for line in ("KẾ HOẠCH", "Tổ chức Ngày hội đại đoàn kết toàn dân tộc năm 2026", "Điều 1. Mục đích",
                 "Tăng cường khối đại đoàn kết toàn dân tộc tại tổ dân phố số 5."):
        document.add_paragraph(line)
    source = tmp_path / "ke-hoach.docx"
    document.save(source)
    soffice = shutil.which("soffice") or "soffice"
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                    "--convert-to", "doc:MS Word 97", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    data = (tmp_path / "ke-hoach.doc").read_bytes()
    assert data.startswith(b"\xd0\xcf\x11\xe0")  # an OLE2 Word 97 file
    result = add_bytes(conn, data, "ke-hoach.doc")
    assert result.short_title.startswith("Kế hoạch tổ chức Ngày hội đại đoàn kết")
    assert search(conn, "ngày hội đại đoàn kết tổ dân phố số 5", 3).hits[0].doc_id == result.doc_id


def _giant_blank_page() -> bytes:
    """435 bytes: one blank page 5,000 pt (1.76 m) square. No text layer, so it goes to OCR, and
    pdftoppm at 300 dpi draws a 20,833-pixel square: ~860 MB and ~40 s without limits."""
    writer = PdfWriter()
    writer.add_blank_page(5000, 5000)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@needs_ocr
def test_a_page_too_big_for_the_memory_limit_fails_with_a_vietnamese_reason():
    started = time.monotonic()
    with pytest.raises(IngestError) as refused:
        extract_bytes(_giant_blank_page(), "trang-khong-lo.pdf", tool_limits=Limits(time_s=30, memory_mb=256))
    assert refused.value.code == "too_complex"
    assert "cần quá nhiều bộ nhớ để đọc (trên 256 MB)" in refused.value.message
    assert "trang-khong-lo.pdf" in refused.value.message
    assert time.monotonic() - started < 10


@needs_ocr
def test_an_image_too_big_for_tesseract_stops_at_the_memory_limit():
    image = io.BytesIO()
    Image.new("1", (20000, 20000), 1).save(image, format="PNG")  # 90 KB; 400 megapixels for Tesseract
    started = time.monotonic()
    with pytest.raises(IngestError) as refused:
        extract_bytes(image.getvalue(), "anh-khong-lo.png", tool_limits=Limits(time_s=30, memory_mb=128))
    assert refused.value.code == "too_complex" and "trên 128 MB" in refused.value.message
    assert time.monotonic() - started < 10


@needs_ocr
def test_the_worker_fails_a_hostile_scan_with_its_reason_and_goes_on(kb_server, kb_settings):
    """The upload's job runs OCR under the settings' parser limits: the job ends with the Vietnamese
    reason, nothing is stored, the app still answers, and the next scan is read as usual."""
    from appliance.db import connect

    limited = kb_settings.model_copy(update={"parser_memory_mb": 256, "parser_time_limit_s": 30.0})
    with kb_server.client() as c:
        csrf = login(c, "canbo", "canbo-demo")
        page = c.post("/tra-cuu/van-ban", files={"files": ("ban-quet-khong-lo.pdf", _giant_blank_page())},
                      data={"csrf_token": csrf})
        assert page.status_code == 200 and "đang nhận dạng chữ" in page.text
        conn = connect(kb_settings.db_path)
        documents = conn.execute("SELECT count(*) FROM kb_documents").fetchone()[0]
        job_id = conn.execute("SELECT max(id) FROM jobs WHERE kind = 'knowledge.ingest'").fetchone()[0]
        started = time.monotonic()
        run_pending(conn, limited, kinds=["knowledge.ingest"])
        assert time.monotonic() - started < 10
        job = get_job(conn, job_id)
        assert job is not None and job["status"] == "done" and not job["result"]["ok"], job
        assert "ban-quet-khong-lo.pdf" in job["result"]["message"]
        assert "cần quá nhiều bộ nhớ để đọc (trên 256 MB)" in job["result"]["message"]
        assert conn.execute("SELECT count(*) FROM kb_documents").fetchone()[0] == documents
        status = c.get(f"/tra-cuu/van-ban/viec/{job_id}", headers={"Accept": "application/json"}).json()
        assert "cần quá nhiều bộ nhớ" in status["result"]["message"]
        assert c.get("/healthz").status_code == 200

        scan = io.BytesIO()
        _scan().save(scan, format="PNG")
        c.post("/tra-cuu/van-ban", files={"files": ("bien-ban-sau.png", scan.getvalue())}, data={"csrf_token": csrf})
        job_id = conn.execute("SELECT max(id) FROM jobs WHERE kind = 'knowledge.ingest'").fetchone()[0]
        run_pending(conn, limited, kinds=["knowledge.ingest"])
        job = get_job(conn, job_id)
        conn.close()
        assert job is not None and job["result"]["ok"], job
