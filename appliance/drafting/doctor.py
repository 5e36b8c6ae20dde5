"""`appliance doctor`: drafting's optional pieces (LibreOffice for PDF) and the admin's templates."""

from __future__ import annotations

from appliance.config import Settings
from appliance.drafting import doctypes, pdf
from appliance.system.doctor import Check


def checks(settings: Settings) -> list[Check]:
    results = [Check("Xuất PDF văn bản (LibreOffice)", pdf.available(),
                     "có LibreOffice" if pdf.available() else "chưa cài: chỉ tải được .docx", essential=False,
                     fix="" if pdf.available() else "apt-get install libreoffice-writer-nogui")]
    broken = []
    for code in doctypes.DOC_TYPES:
        text, source = doctypes.template_text(settings, code)
        if source != "admin":
            continue
        try:
            doctypes.parse_doctype(code, text, source)
        except doctypes.TemplateError as exc:
            broken.append(str(exc))
    results.append(Check("Mẫu văn bản do phường sửa", not broken,
                         "hợp lệ" if not broken else "có mẫu lỗi, đang dùng bản gốc thay thế", essential=False,
                         fix="Sửa lại tại /quan-tri/mau-van-ban", details=broken))
    return results
