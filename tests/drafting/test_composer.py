"""Who writes the body: the officer, the generator (cleaned), or the template, and biên bản times."""

from __future__ import annotations

import datetime as dt

from appliance.drafting.bien_ban import moment
from appliance.drafting.composer import compose_body
from appliance.drafting.doctypes import load_doctype
from appliance.drafting.layout import classify
from appliance.drafting.model import resolve_signer


class Chatty:
    name = "chatty"

    def __init__(self, reply: str | Exception) -> None:
        self.reply = reply

    def chat(self, messages, **kwargs):  # noqa: ANN001, ANN003
        if isinstance(self.reply, Exception):
            raise self.reply
        return self.reply


def test_generator_output_keeps_the_body_only(settings):
    reply = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐiều 1. Thành lập Tổ công tác.\n**Điều 2.** Hiệu lực từ ngày ký.\n"
             "Nơi nhận:\n- Như Điều 3;\nCHỦ TỊCH")
    body, engine, note = compose_body(settings, load_doctype(settings, "quyet_dinh"),
                                      {"trich_yeu": "Thành lập tổ", "yeu_cau": "thành lập tổ"}, "VP",
                                      generator=Chatty(reply), use_registry=False)
    assert engine == "llm" and "kiểm tra" in note
    assert body[0] == "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG MẪU"  # thẩm quyền and căn cứ come from the template
    assert body[-2:] == ["Điều 1. Thành lập Tổ công tác.", "Điều 2. Hiệu lực từ ngày ký./."]


def test_a_failing_generator_falls_back_to_the_template(settings):
    body, engine, note = compose_body(settings, load_doctype(settings, "thong_bao"),
                                      {"trich_yeu": "Lịch trực Tết", "yeu_cau": "trực 24/24 từ 28 tháng Chạp"}, "VP",
                                      generator=Chatty(RuntimeError("model down")), use_registry=False)
    assert engine == "template" and "Chưa có mô hình" in note
    assert "Trực 24/24 từ 28 tháng Chạp." in body
    assert body[0] == "Ủy ban nhân dân phường Mẫu thông báo về việc lịch trực Tết như sau:"


def test_officers_text_is_kept_verbatim(settings):
    body, engine, note = compose_body(settings, load_doctype(settings, "cong_van"),
                                      {"trich_yeu": "x", "noi_dung": "Dòng một.\n\n  Dòng hai./."}, "VP",
                                      use_registry=False)
    assert (body, engine, note) == (["Dòng một.", "Dòng hai./."], "person", None)


def test_signers_follow_the_ward_rules(settings):
    assert resolve_signer(settings, None, None).__dict__ == {"authority": "TM. ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH",
                                                             "name": "Nguyễn Văn An"}
    vice = resolve_signer(settings, "Lê Văn Cường", None)
    assert (vice.authority, vice.title) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    office = resolve_signer(settings, "Hoàng Văn Em", "Chánh Văn phòng")
    assert (office.authority, office.title) == ("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG")
    acting = resolve_signer(settings, "Trần Thị Bình", "Quyền Chủ tịch")
    assert (acting.authority, acting.title) == ("TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH")


def test_meeting_times_and_line_styles():
    day = dt.date(2026, 2, 5)
    assert moment("8h5", day) == "08 giờ 05, ngày 05 tháng 02 năm 2026"
    assert moment("2026-03-01T14:30", day) == "14 giờ 30, ngày 01 tháng 3 năm 2026"
    assert moment(None, day) == "… giờ …, ngày 05 tháng 02 năm 2026"
    assert classify("Căn cứ Luật Tổ chức chính quyền địa phương;", "quyet_dinh").kind == "basis"
    assert classify("Căn cứ Kế hoạch số 12;", "cong_van").kind == "text"
    assert classify("Điều 2. Hiệu lực", "quyet_dinh").label == "Điều 2."
    assert classify("QUYẾT ĐỊNH:", "quyet_dinh").kind == "center"
    assert classify("II. NỘI DUNG", "ke_hoach").kind == "heading"
