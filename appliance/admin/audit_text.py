"""Audit entries as sentences people read: "Nguyễn Văn An xem phản ánh PA-7K3-M4X".

The log keeps codes (`feedback.view`, JSON details) for programs and for the record; the viewer
says who did what to which thing, in Vietnamese, with the details that matter. An action this
table does not know yet still reads as a sentence, with its code shown as a code."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from appliance.auth.audit import AuditEntry
from appliance.auth.roles import ROLE_LABELS
from appliance.citizen.schema import ROUTING_DEFAULTS
from appliance.citizen.tickets import STATUS_LABELS as FEEDBACK_STATUSES
from appliance.text import format_number
from appliance.text.labels import engine_label

CATEGORIES = {code: label for code, label, _department, _days in ROUTING_DEFAULTS}
DOC_TYPES = {"cong_van": "công văn", "thong_bao": "thông báo", "bao_cao": "báo cáo", "to_trinh": "tờ trình",
             "ke_hoach": "kế hoạch", "giay_moi": "giấy mời", "quyet_dinh": "quyết định", "bien_ban": "biên bản"}
TASK_STATUSES = {"proposed": "chờ xác nhận", "assigned": "đã giao", "in_progress": "đang thực hiện",
                 "done": "hoàn thành", "cancelled": "đã hủy"}
DOC_STATUSES = {"con_hieu_luc": "còn hiệu lực", "het_hieu_luc": "hết hiệu lực", "bi_sua_doi": "bị sửa đổi, bổ sung",
                "chua_xac_dinh": "chưa xác định"}
SYSTEM = {"", "system", "hệ thống", "(cli)"}


@dataclass(frozen=True)
class AuditLine:
    at: str
    action: str           # the code, for programs (the row's data-action)
    sentence: str
    code: str | None      # the action's code, only when the table below does not know it
    engine: str           # which AI engine answered, in words
    ip: str


Detail = Mapping[str, object]


def _q(value: object) -> str:
    text = " ".join(str(value or "").split())
    return f"«{text[:120]}{'…' if len(text) > 120 else ''}»"


def _num(detail: Detail, key: str) -> str:
    value = detail.get(key)
    return format_number(value) if isinstance(value, int | float) else str(value or "")


def _meeting(target: str) -> str:
    return target.split("/", 1)[0]


PHRASES: dict[str, Callable[[str, Detail], str]] = {
    "login": lambda t, d: "đăng nhập",
    "logout": lambda t, d: "đăng xuất",
    "login.failed": lambda t, d: "đăng nhập không thành công (sai tên hoặc mật khẩu)",
    "login.locked": lambda t, d: "bị tạm khóa đăng nhập vì nhập sai nhiều lần",
    "login.display_token": lambda t, d: "đăng nhập màn hình treo tường bằng mã của màn hình",
    "login.token_refused": lambda t, d: "bị từ chối đăng nhập màn hình: mã không hợp lệ",
    "token.create": lambda t, d: f"tạo mã truy cập API cho tài khoản {t}",
    "token.revoke": lambda t, d: (f"thu hồi {_num(d, 'tokens')} mã truy cập và đóng {_num(d, 'sessions')} phiên "
                                  f"của tài khoản {t}"),
    "user.add": lambda t, d: f"tạo tài khoản {t} (vai trò {ROLE_LABELS.get(str(d.get('role')), d.get('role'))})",
    "user.lock": lambda t, d: f"khóa tài khoản {t}",
    "user.unlock": lambda t, d: f"mở khóa tài khoản {t}",
    "user.password_reset": lambda t, d: f"đặt lại mật khẩu cho tài khoản {t}",
    "ask.question": lambda t, d: f"hỏi số liệu {_q(d.get('question'))}",
    "training.reset": lambda t, d: "làm mới hộp cát đào tạo (tạo lại phường mẫu)",
    "ask.refused": lambda t, d: f"hỏi số liệu {_q(d.get('question'))}, câu hỏi bị từ chối",
    "feedback.list": lambda t, d: f"xem danh sách phản ánh ({_num(d, 'count')} phản ánh)",
    "feedback.view": lambda t, d: f"xem phản ánh {t}",
    "feedback.assign": lambda t, d: f"giao phản ánh {t} cho {d.get('to') or 'chưa ai'}",
    "feedback.status": lambda t, d: (f"đổi trạng thái phản ánh {t} thành "
                                     f"«{FEEDBACK_STATUSES.get(str(d.get('status')), d.get('status'))}»"),
    "feedback.reply": lambda t, d: f"trả lời phản ánh {t}" + (" qua Zalo" if d.get("channel") == "zalo" else ""),
    "feedback.reclassify": lambda t, d: (f"phân loại lại phản ánh {t} từ «{CATEGORIES.get(str(d.get('from')), '?')}» "
                                         f"sang «{CATEGORIES.get(str(d.get('to')), '?')}»"),
    "loop.agenda": lambda t, d: f"đưa phản ánh {t} vào chương trình cuộc họp số {d.get('meeting_id')}",
    "loop.task": lambda t, d: f"gắn nhiệm vụ số {d.get('task_id')} với phản ánh {t}",
    "loop.result": lambda t, d: f"ghi kết quả xử lý phản ánh {t} và soạn dự thảo trả lời",
    "loop.approve": lambda t, d: (f"duyệt và gửi trả lời phản ánh {t}"
                                  + (" qua Zalo" if d.get("channel") == "zalo" else "")),
    "feedback.routing": lambda t, d: (f"chuyển lĩnh vực «{CATEGORIES.get(t, t)}» cho {d.get('department')}, trả lời "
                                      f"trong {_num(d, 'sla_days')} ngày làm việc"),
    "citizen.add_faq": lambda t, d: f"thêm câu hỏi thường gặp {_q(t)} lên cổng công dân",
    "citizen.hide_faq": lambda t, d: "gỡ một câu hỏi thường gặp khỏi cổng công dân",
    "citizen.add_notice": lambda t, d: f"đăng thông báo {_q(t)} lên cổng công dân",
    "citizen.hide_notice": lambda t, d: "gỡ một thông báo khỏi cổng công dân",
    "citizen.retention": lambda t, d: f"xóa nhật ký trò chuyện quá {_num(d, 'days')} ngày của cổng công dân",
    "dashboard.import": lambda t, d: f"nhập tệp dữ liệu {_q(t)}",
    "models.verify": lambda t, d: "kiểm tra mã sha256 của các mô hình AI",
    "knowledge.search": lambda t, d: f"tra cứu {_q(d.get('q'))} ({_num(d, 'results')} kết quả)",
    "knowledge.answer": lambda t, d: f"hỏi trợ lý pháp lý {_q(d.get('question'))}",
    "knowledge.summarize": lambda t, d: f"tóm tắt một văn bản ({_num(d, 'chars')} ký tự)",
    "knowledge.add": lambda t, d: f"thêm văn bản {_q(t)} vào kho tra cứu ({_num(d, 'chunks')} đoạn)",
    "knowledge.status": lambda t, d: (f"đổi tình trạng văn bản số {t} thành "
                                      f"«{DOC_STATUSES.get(str(d.get('status')), d.get('status'))}»"),
    "knowledge.procedure.save": lambda t, d: f"sửa thủ tục {t} {_q(d.get('name'))}",
    "drafting.create": lambda t, d: (f"soạn dự thảo {DOC_TYPES.get(str(d.get('doc_type')), 'văn bản')} "
                                     f"{_q(d.get('trich_yeu'))}"),
    "drafting.edit": lambda t, d: f"sửa dự thảo văn bản số {t}",
    "drafting.issue": lambda t, d: f"duyệt và cấp số ban hành {d.get('so_ky_hieu')} cho văn bản số {t}",
    "drafting.template_save": lambda t, d: f"sửa mẫu {DOC_TYPES.get(t, t)}",
    "drafting.template_reset": lambda t, d: f"khôi phục mẫu {DOC_TYPES.get(t, t)} gốc",
    "meetings.start": lambda t, d: f"bắt đầu ghi âm cuộc họp số {t}" + (f" tại {d['room']}" if d.get("room") else ""),
    "meetings.stop": lambda t, d: f"dừng ghi âm cuộc họp số {t}",
    "meetings.upload": lambda t, d: f"tải lên bản ghi âm {_q(d.get('file'))} (cuộc họp số {t})",
    "meetings.edit": lambda t, d: f"sửa thông tin biên bản cuộc họp số {t}",
    "meetings.edit_segment": lambda t, d: f"sửa lời chép của cuộc họp số {_meeting(t)}",
    "meetings.rename_speaker": lambda t, d: f"đặt tên người nói của cuộc họp số {_meeting(t)} là {d.get('name')}",
    "meetings.listen": lambda t, d: f"nghe lại một đoạn ghi âm của cuộc họp số {_meeting(t)}",
    "meetings.voice_enroll": lambda t, d: f"lưu mẫu giọng nói của {d.get('name')}",
    "meetings.retention_set": lambda t, d: f"đặt thời gian giữ âm thanh cuộc họp là {_num(d, 'days')} ngày",
    "meetings.retention_removed": lambda t, d: f"xóa âm thanh quá hạn của cuộc họp {_q(d.get('title'))}",
    "tasks.extract": lambda t, d: f"trích nhiệm vụ từ lời họp ({_num(d, 'tasks')} nhiệm vụ)",
    "tasks.add": lambda t, d: f"giao nhiệm vụ số {t}",
    "tasks.update": lambda t, d: f"cập nhật nhiệm vụ số {t}" + (
        f": {TASK_STATUSES.get(str(d.get('status')), d.get('status'))}" if d.get("status") else ""),
    "impact.baselines": lambda t, d: f"sửa mức thời gian của báo cáo hiệu quả ({len(d)} loại việc)",
    "impact.docx": lambda t, d: f"tải báo cáo hiệu quả tháng {d.get('thang')}",
}


def who(entry: AuditEntry, names: Mapping[str, str]) -> str:
    if not entry.username or entry.username in SYSTEM:
        return "Kỹ thuật viên (dòng lệnh)" if entry.username == "(cli)" else "Hệ thống"
    return names.get(entry.username) or entry.username


def describe(entry: AuditEntry, names: Mapping[str, str]) -> AuditLine:
    """`names`: username → full name, so the sentence names the person."""
    phrase = PHRASES.get(entry.action)
    detail: Detail = entry.detail or {}
    target = entry.target or ""
    if phrase is not None:
        try:
            text, code = phrase(target, detail), None
        except (KeyError, TypeError, ValueError):
            text, code = "thực hiện thao tác", entry.action
    else:
        text, code = "thực hiện thao tác", entry.action
    return AuditLine(entry.at, entry.action, f"{who(entry, names)} {text}", code, engine_label(entry.engine),
                     entry.ip or "")


GROUPS = {"login": "Đăng nhập", "logout": "Đăng xuất", "user": "Tài khoản người dùng", "token": "Mã truy cập API",
          "ask": "Hỏi đáp số liệu", "feedback": "Phản ánh", "citizen": "Cổng công dân", "dashboard": "Nhập dữ liệu",
          "models": "Mô hình AI", "knowledge": "Tra cứu, tóm tắt, thủ tục", "drafting": "Soạn thảo",
          "meetings": "Cuộc họp", "tasks": "Nhiệm vụ", "impact": "Báo cáo hiệu quả",
          "training": "Đào tạo"}


def groups(actions: list[str]) -> list[tuple[str, str]]:
    """The viewer's filter: one choice per kind of action recorded (its code prefix, its name)."""
    seen = dict.fromkeys(action.split(".", 1)[0] for action in actions)
    return sorted(((key, GROUPS.get(key, key)) for key in seen), key=lambda pair: pair[1])
