"""The monthly impact report as a Nghị định 30 báo cáo (Mẫu 1.3, BC-UBND): the drafting feature's
model and renderer, so the header, fonts, margins and signature block are the ones every draft
passes the ND30 checks with. The body is the page's figures written out as sentences."""

from __future__ import annotations

import sqlite3

from appliance.config import Settings
from appliance.drafting.composer import ward_in_prose
from appliance.drafting.doctypes import load_doctype
from appliance.drafting.model import DocumentModel, issuer_lines, ky_hieu_for, resolve_signer
from appliance.drafting.service import render_docx
from appliance.impact.service import PROMISE_PERCENT, ImpactReport, KindFigures, hours
from appliance.text.formatting import format_number, format_percent, local_today
from appliance.ward.service import ward_settings

DRAFTING_UNIT = "VP"  # Văn phòng HĐND và UBND prepares the ward's reports


def _minutes(value: float | None) -> str:
    return format_number(value, 1 if value is not None and value % 1 else 0)


def _saved_line(n: int, f: KindFigures) -> str:
    b = f.baseline
    return (f"{n}. {f.kind.label}: {format_number(f.count)} {f.kind.noun} × ({_minutes(b.manual)} − "
            f"{_minutes(b.assisted)}) phút, tiết kiệm {hours(f.saved_minutes)} trên {hours(f.manual_minutes)} "
            f"làm thủ công ({format_percent(f.share)}).")


def body_lines(report: ImpactReport, ward: str) -> list[str]:
    ubnd = f"Ủy ban nhân dân {ward_in_prose(ward)}"
    lines = [f"Thực hiện nhiệm vụ được giao, {ubnd} báo cáo kết quả ứng dụng trợ lý số {report.label} như sau:",
             "I. MỨC ĐỘ SỬ DỤNG",
             f"Trong {report.label}, trợ lý số đã thực hiện {format_number(report.total)} lượt việc, đếm từ nhật ký "
             "hệ thống và dữ liệu của từng chức năng, cụ thể:"]
    lines += [f"{n}. {f.kind.label}: {format_number(f.count)} {f.kind.noun}." for n, f in enumerate(report.kinds, 1)]
    if report.units:
        lines.append("Theo đơn vị: " + "; ".join(f"{u} {format_number(report.unit_totals[u])} lượt"
                                                 for u in report.units) + ".")
    lines += ["II. THỜI GIAN LÀM THỦ CÔNG TIẾT KIỆM ĐƯỢC (ƯỚC TÍNH)",
              f"Số liệu mục này là ước tính: số lượt việc nhân với mức thời gian do {ubnd} tự xác định cho từng "
              "loại việc (số phút khi làm thủ công và khi dùng trợ lý số), không phải thời gian đo được."]
    complete = [f for f in report.kinds if f.baseline.complete and f.count]
    lines += [_saved_line(n, f) for n, f in enumerate(complete, 1)]
    if report.share is None:
        lines.append("Chưa đủ mức thời gian để ước tính thời gian tiết kiệm.")
    else:
        verdict = "đạt" if report.promise_met else "chưa đạt"
        lines.append(f"Tổng cộng: tiết kiệm {hours(report.saved_minutes)} trên {hours(report.manual_minutes)} làm thủ "
                     f"công, tức giảm {format_percent(report.share)} thời gian làm thủ công các việc trên "
                     f"(mục tiêu giảm ít nhất {format_number(PROMISE_PERCENT)}%: {verdict}).")
    if report.missing:
        lines.append("Chưa ước tính (chưa đặt mức thời gian): " + "; ".join(
            f"{k.label}" for k in report.missing) + ".")
    lines.append("III. KẾT QUẢ CÔNG VIỆC THEO THÁNG")
    for m in report.trends:
        month = f"tháng {m.start:%m/%Y}" + (f" (đến ngày {m.end:%d/%m/%Y})" if m.running else "")
        wait = (f", thời gian trả lời trung bình {format_number(m.pa_ngay_tb, 1)} ngày"
                if m.pa_ngay_tb is not None else "")
        parts = [
            f"giải quyết đúng hạn {format_percent(m.ty_le_dung_han)} "
            f"({format_number(m.dung_han)}/{format_number(m.da_giai_quyet)} hồ sơ)",
            f"nộp trực tuyến {format_percent(m.ty_le_truc_tuyen)} "
            f"({format_number(m.truc_tuyen)}/{format_number(m.tiep_nhan)} hồ sơ)",
            f"hồ sơ quá hạn chưa giải quyết cuối kỳ: {format_number(m.qua_han)}",
            f"phản ánh đã xử lý xong: {format_number(m.pa_da_xu_ly)}{wait}",
            f"nhiệm vụ quá hạn cuối kỳ: {format_number(m.nv_qua_han)}",
        ]
        lines.append(f"- {month[0].upper()}{month[1:]}: " + "; ".join(parts) + ".")
    if not report.trends:
        lines.append("Chưa có số liệu.")
    lines.append(f"Trên đây là báo cáo kết quả ứng dụng trợ lý số {report.label} của {ubnd}./.")
    return lines


def model(conn: sqlite3.Connection, settings: Settings, report: ImpactReport) -> DocumentModel:
    """A draft báo cáo (number left for the văn thư, "DỰ THẢO" until signed), dated today."""
    settings = ward_settings(conn, settings)
    doctype = load_doctype(settings, "bao_cao")
    return DocumentModel(
        doc_type="bao_cao", ten_loai=doctype.ten_loai, co_quan_chu_quan=settings.ward_parent,
        co_quan_ban_hanh=issuer_lines(settings),
        ky_hieu=ky_hieu_for("bao_cao", doctype.viet_tat, DRAFTING_UNIT, settings.ward_unit_code or "UBND"),
        dia_danh=settings.ward_place, ngay=local_today().isoformat(),
        trich_yeu=f"Kết quả ứng dụng trợ lý số {report.label}",
        body=body_lines(report, settings.ward_name), signers=[resolve_signer(settings, None, "Chủ tịch")],
        noi_nhan=list(doctype.noi_nhan_mac_dinh), luu=doctype.luu.format_map({"don_vi": DRAFTING_UNIT}),
        engine="template")


def render(conn: sqlite3.Connection, settings: Settings, report: ImpactReport) -> bytes:
    return render_docx(model(conn, settings, report))
