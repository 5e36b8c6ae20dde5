"""The Pháp điển page parser and the source-note reader, on small pages written like the real ones
(glued headings and notes, notes over several lines, text glued after a note, amendments)."""

# ruff: noqa: E501 -- PAGE is a Pháp điển page as published: its long lines are the data under test
from __future__ import annotations

import pytest

from appliance.knowledge.phapdien import PhapdienError, parse_page
from appliance.knowledge.source_notes import parse_source_note, related_documents

PAGE = """---
layout: page
title: Hộ tịch
lastedit: 2026-05-13
---

## VĂN BẢN
# Hộ tịch

Chương I

NHỮNG QUY ĐỊNH CHUNG

Điều 15.3.LQ.1. Phạm vi điều chỉnh

(Điều 1 Luật số 60/2014/QH13 Hộ tịch ngày 20/11/2014 của Quốc hội, có hiệu lực thi hành kể từ ngày 01/01/2016 )

1. Luật này quy định về hộ tịch.

 2. Thẩm quyền, thủ tục giải quyết các việc về quốc tịch.(Điều này có nội dung liên quan đến Điều 9.2.NĐ.22. Cấp bản sao văn bản chứng nhận đăng ký)

Mục 1

ĐĂNG KÝ KHAI SINH

Điều 15.3.NĐ.1.1. Phạm vi điều chỉnh

(Điều 1 Nghị định số 123/2015/NĐ-CP, có hiệu lực thi hành kể từ ngày 01/01/2016, có nội dung được sửa đổi, có nội dung được bổ sung bởi Điều 2 Nghị định số 07/2025/NĐ-CP có hiệu lực thi hành kể từ ngày 09/01/2025)

Nghị định này quy định chi tiết một số điều của Luật Hộ tịch.Điều 15.3.TT.1.1. Phạm vi điều chỉnh

(Điều 1 Thông tư số 04/2020/TT-BTP Quy định chi tiết thi hành
một số điều của Luật hộ tịch ngày 28/05/2020 của Bộ Tư pháp, có hiệu lực thi hành kể từ ngày 16/07/2020 )1. Thông tư này quy định chi tiết.

a) điểm một;

b) điểm hai.

Điều 15.3.LQ.2. Điều bị bãi bỏ

(Điều 59 Luật số 02/2011/QH13, có hiệu lực thi hành kể từ ngày 01/07/2012, bị bãi bỏ bởi Điều 35 Luật số 42/2013/QH13 có hiệu lực thi hành kể từ ngày 01/07/2014)

(Bị bãi bỏ)

Điều 15.3.LQ.3. Nguồn lạ

(Theo một văn bản không rõ số)

Nội dung vẫn được nhập.

## Danh sách điều khoản

### 15003000000000001000

Điều 15.3.LQ.1. Phạm vi điều chỉnh

Điều 15.3.LQ.9. Điều có trong mục lục nhưng không có nội dung
"""


def test_articles_headings_notes_and_structure():
    page = parse_page(PAGE.encode(), "ho-tich.md")
    assert page.title == "Hộ tịch"
    numbers = [a.number for a in page.articles]
    assert numbers == ["15.3.LQ.1", "15.3.NĐ.1.1", "15.3.TT.1.1", "15.3.LQ.2", "15.3.LQ.3"]
    first = page.articles[0]
    assert first.chapter == "Chương I. NHỮNG QUY ĐỊNH CHUNG" and first.note is not None
    assert first.note.document.number == "60/2014/QH13" and first.note.document.name == "Hộ tịch"
    assert first.note.document.issuer == "Quốc hội" and first.note.document.issued_on == "2014-11-20"
    assert first.note.article == "1"
    assert [p.clause for p in first.paragraphs] == ["1", "2"]
    assert first.paragraphs[1].text == "2. Thẩm quyền, thủ tục giải quyết các việc về quốc tịch."  # note cut off
    assert first.related == ["(Điều này có nội dung liên quan đến Điều 9.2.NĐ.22. Cấp bản sao văn bản chứng nhận đăng ký)"]
    decree = page.articles[1]
    assert decree.section == "Mục 1. ĐĂNG KÝ KHAI SINH"
    assert decree.text == "Nghị định này quy định chi tiết một số điều của Luật Hộ tịch."  # the glued heading is cut
    change = decree.note.changes[0]
    assert change.kind == "sửa đổi, bổ sung" and change.where == "Điều 2" and change.document.number == "07/2025/NĐ-CP"
    circular = page.articles[2]  # the note spans two lines and the first khoản is glued after it
    assert circular.note is not None and circular.note.document.name.startswith("Quy định chi tiết thi hành một số")
    assert [(p.clause, p.point) for p in circular.paragraphs] == [("1", ""), ("1", "a"), ("1", "b")]
    assert page.articles[3].repealed and page.articles[3].note.changes[0].kind == "bãi bỏ"


def test_unreadable_note_is_imported_and_reported_and_missing_listed_articles_named():
    page = parse_page(PAGE.encode(), "ho-tich.md")
    odd = page.articles[-1]
    assert odd.note is None and odd.text == "Nội dung vẫn được nhập."
    assert [a.number for a in page.unparsed_notes] == ["15.3.LQ.3"]
    assert any("15.3.LQ.3" in issue.message for issue in page.issues)
    assert [n for n, _ in page.missing_listed()] == ["15.3.LQ.9"]


def test_html_of_the_same_page_reads_the_same():
    body = "".join(f"<p>{line}</p>" for line in PAGE.split("## VĂN BẢN")[1].split("## Danh sách")[0].splitlines())
    html = f"<html><head><title>x</title><script>var a = 1;</script></head><body><h1>Hộ tịch</h1>{body}</body></html>"
    from_html = parse_page(html.encode(), "ho-tich.html")
    from_md = parse_page(PAGE.encode(), "ho-tich.md")
    assert [(a.number, a.text, a.note_raw) for a in from_html.articles] == \
        [(a.number, a.text, a.note_raw) for a in from_md.articles]


@pytest.mark.parametrize(("data", "line", "words"), [
    (b"# Trang\n\nkhong co dieu nao\n", 1, "không phải một trang đề mục"),
    ("Điều 1.1.LQ.1. A\n\n(Điều 1 Luật số 1/2020/QH14, có hiệu lực\n\nmãi không đóng".encode(), 3, "không đóng ngoặc"),
    ("Điều 1.1.LQ.1. A\n(Điều 1 Luật số 1/2020/QH14, có hiệu lực thi hành kể từ ngày 01/01/2021)\nx\n"
     "Điều 1.1.LQ.1. A\n(Điều 1 Luật số 1/2020/QH14, có hiệu lực thi hành kể từ ngày 01/01/2021)\ny\n".encode(), 4,
     "đã có ở dòng 1"),
    ("Điều 1.1.LQ.1. A\n(Điều 1)\n".encode() + b"\n\xff\xfe loi\n", 4, "không phải văn bản UTF-8"),
])
def test_bad_pages_get_a_vietnamese_error_naming_the_line(data, line, words):
    with pytest.raises(PhapdienError) as err:
        parse_page(data, "trang.md")
    assert err.value.line == line and words in err.value.message, err.value.message
    if line > 1:
        assert err.value.message.startswith(f"Dòng {line}:")


def test_source_notes():
    note = parse_source_note("(Điều 2 Thông tư số 07/2025/TT-BNG Sửa đổi, bổ sung một số điều của Thông tư số "
                             "07/2023/TT-BNG ngày 29 tháng 12 năm 2023 của Bộ trưởng Bộ Ngoại giao ngày 13/06/2025 của "
                             "Bộ Ngoại giao, có hiệu lực thi hành kể từ ngày 13/07/2025 )")
    assert note is not None and note.article == "2" and note.document.issued_on == "2025-06-13"
    assert note.document.issuer == "Bộ Ngoại giao" and note.document.effective_on == "2025-07-13"
    assert "ngày 29 tháng 12 năm 2023" in note.document.name
    ttg = parse_source_note("(Điều 1 Quyết định số 81/2014/QĐ-TTg Về việc phối hợp ngày 31/12/2014 của Thủ tướng "
                            "Chính phủ, có hiệu lực thi hành kể từ ngày 20/02/2015 )")
    assert ttg is not None and ttg.document.number == "81/2014/QĐ-TTg" and ttg.document.name == "Về việc phối hợp"
    partly = parse_source_note("(Điều 7 Nghị định số 28/2012/NĐ-CP, có hiệu lực thi hành kể từ ngày 01/06/2012, có nội "
                               "dung bị bãi bỏ bởi Điều 13 Nghị định số 113/2015/NĐ-CP có hiệu lực thi hành kể từ ngày "
                               "01/01/2016)")
    assert partly is not None and partly.changes[0].kind == "bãi bỏ một phần" and not partly.repealed
    assert parse_source_note("(Theo một văn bản không rõ số)") is None
    assert related_documents("(Điều này có nội dung liên quan đến Điều 1. Phạm vi điều chỉnh của Luật 59/2014/QH13 "
                             "Căn cước công dân ban hành ngày 20/11/2014)") == [("Luật", "59/2014/QH13")]
