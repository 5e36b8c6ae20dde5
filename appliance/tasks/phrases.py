"""The Vietnamese words the task extractor reads: verbs of work, directive words, pronoun heads, openers,
questions, withdrawals, deferrals, reports of work done, and the ward's units as people say them. Patterns
run on lower-case text with its diacritics (units: on folded text); `clauses.py` applies them."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable

# Verbs of work (a name or pronoun right before one of these is being told, or offers, to act).
_VERB_WORDS = (r"(?:làm(?: việc)?|lập|chuẩn bị|xử lý|rà soát|rà|kiểm tra|báo cáo|gửi|nộp|trình|tổng hợp|liên hệ|viết|"
        r"thông báo|theo dõi|đôn đốc|ghép|mời|in|phát|cử|gọi|"
        r"dự(?! thảo| kiến| án| toán| báo| định| họp)|dự thảo|bố trí|thẩm định|hoàn thành|"
        r"hoàn thiện|triển khai|thực hiện|xây dựng|giải quyết|soạn(?: thảo)?|cập nhật|tổ chức|chủ trì|thu|đăng|"
        r"ra|sắp xếp|hướng dẫn|vận động|lo|phụ trách|chịu trách nhiệm|có trách nhiệm|đảm nhận|nắm|tuyên truyền|"
        r"khắc phục|tăng cường|huy động|xác minh|mua|lắp|sửa|thống kê|cắm|nhắc|tập huấn|dọn|đầu mối|"
        r"phối hợp|tiếp nhận|rà soát|tiếp tục|khẩn trương|chốt|trả lời|giải trình|bổ sung|tuần tra|duyệt|ký|"
        r"xin ý kiến|tham mưu|tiếp|đọc|cho người|đến(?! nay| giờ| đâu| hết| khi)|xuống|lên|kê khai|quét|nhập|"
        r"số hóa|chụp|đặt|"
        r"thuê|mượn|bàn giao|nhận|giữ|trực|canh|chụp|dán|treo|niêm yết|chi trả|chi|trả|chuyển|đổi|báo|"
        r"sao gửi|photo|chở|dựng|mở|đóng|kiểm đếm|rà lại|soát|xong|hoàn tất|chỉ đạo|tham gia|tiếp đoàn|"
        r"đón|chuẩn|xem|xem lại|ghi|nghiên cứu|tìm hiểu|gặp|làm rõ|dứt điểm|cưỡng chế|lập tức|"
        # more of the everyday verbs of ward work
        r"đo(?: đạc)?|thay mặt|đi|vẽ|tính(?: toán)?|quản lý|giám sát|phân loại|dự trù|lắp đặt|sửa chữa|"
        r"vệ sinh|thăm|tặng|trao|hỗ trợ|điều tra|khảo sát|đánh giá|kiểm kê|bảo đảm|đảm bảo|cân đối|trao đổi|"
        r"tiếp xúc|điều phối|nhắn|tập hợp|thu thập|liên lạc|phổ biến|quán triệt|ban hành|phát hành|công khai|"
        r"đăng tải|xử phạt|thu hồi|di dời|tháo dỡ|giải tỏa|ngăn chặn|kiểm soát|rà roát|chấn chỉnh|đối chiếu|"
        r"tổng kết|sơ kết|lên(?: kế hoạch| phương án| danh sách)?|vận hành|kiểm điểm|giải ngân|thanh toán|"
        r"quyết toán|lập dự toán|sao lục|trích lục|chứng thực|xác nhận|cấp|phân công|điều động|tuyên dương|"
        r"khen thưởng|làm việc|bám(?: sát)?|"
        # said in the train batch's meetings: pushing a campaign, taking up a complaint, sealing a shop
        r"đẩy mạnh|thụ lý|niêm phong|họp với|họp bàn|coi|ghé|qua|đưa|khơi thông|vá|cắt(?: tỉa)?|khám|dẫn|"
        r"hoàn chỉnh|cung cấp|đăng ký")
# "chị Hà bên trung tâm làm": where they work, up to four words
_FILLER = (r"(?:\s+(?:sẽ|thì|cũng|luôn|tiếp tục|khẩn trương|trực tiếp|giúp|cho người|cho|ngay|chịu khó|"
           r"bên\s+\S+(?:\s+[^\s,.;]+){0,3}?|"
           r"phải|cần|nhớ|có nhiệm vụ|tập trung|chủ động|đứng ra|cố gắng|ráng|kịp thời|sớm|tranh thủ|nhanh chóng|"
           # "anh minh cho anh em xuống kiểm tra…", "bác tổ trưởng cùng công an khu vực tổ chức…"
           r"cho\s+(?:anh em|lực lượng|cán bộ)(?:\s+[^\s,.;]+){0,3}?|cùng\s+(?:với\s+)?[^,.;]{1,30}?")
# Session 24 (docs/meetings.md, "Session 24"; plain behaviour since session 26, rule R8): the doer having their people
# do it, the people named at more length ("anh minh cho anh em công an khu vực xác minh nguồn tin …", "anh Minh cho
# công an khu vực phối hợp, …", "anh sơn cho dân quân tuần tra …"): up to five words after "cho" and a group's head
# word (anh em, lực lượng, cán bộ, công an, dân quân, người); not "cho" and a person or a pronoun ("anh Minh cho em
# hỏi", "gửi cho chị Lan")
_HAVE_DO = (r"|cho\s+(?:anh em|anh chị em|lực lượng|cán bộ|công an|dân quân|người)(?:\s+[^\s,.;]+){0,5}?"
            r"(?=\s+(?:{v})\b)")
DIRECTIVE = re.compile(r"\b(?:giao(?: cho| nhiệm vụ cho| nhiệm vụ)?|đề nghị|yêu cầu|nhờ|phân công|phiền|"
                       r"chuyển cho|cử)\s*$")
OPENERS = re.compile(r"^(?:(?:dạ|vâng|ừ|ờ|được|ok|rồi|thế|thế thì|vậy|vậy thì|thôi|à|còn|nhé|tốt|tốt quá|có|"
                     r"đồng ý|rõ|càng tốt|ừ thế)\s*[,.]?\s+)+")
AGREE = re.compile(r"^(?:(?:thôi|thế thì|vậy thì|ừ thì)\s*,?\s+)?(?:được|ừ|vâng|ok|đồng ý|càng tốt|thế cũng được|"
                   r"nhất trí)\b")
# Asking for more time: "em xin lùi sang thứ Hai", "cho em dời đến 20/12", "gia hạn đến cuối tháng"
POSTPONE = re.compile(r"\b(?:xin\s+)?(?:lùi|dời|gia hạn|hoãn)(?:\s+lại)?\s+(?:sang|đến|tới|qua)\b")
# Session 29 (docs/meetings.md, "Session 29"): a deadline moved in other words, as "lùi sang" moves it: a member asking
# "cho em (xin) đến / tới thứ Sáu" (give me until), "(hạn …) đổi / chuyển sang thứ Sáu" (changed to) and "để đến thứ
# Sáu (cũng được)" (leave it until) with the day right after, "lùi lại (một ngày), thứ Sáu nhé" with the day later in
# the sentence; not "chuyển sang phòng Kinh tế" (handed to a unit), nor "cho em đến dự" (no day after), nor "để sang
# tuần sau tính" (put off, `DEFER`)
# off by rule R1 (session 29): no fresh verdict moved (709/176/193 on and off); off brings back no training wrong (R1b)
SESSION29_MOVE_WORDS = False
_DAY_NEXT = r"(?=\s+(?:(?:sáng|chiều|tối|trưa)\s+)?(?:thứ|ngày|mùng|mồng|tuần|cuối|đầu|giữa|\d))"
MOVE_WORDS = re.compile(r"\bcho\s+(?:em|tôi|mình|chị|anh)\s+(?:xin\s+)?(?:đến|tới|hết)" + _DAY_NEXT + "|"
                        r"\b(?:đổi|chuyển)(?:\s+hạn)?\s+(?:sang|thành|qua)" + _DAY_NEXT + "|"
                        r"\bđể\s+(?:đến|tới)" + _DAY_NEXT + "|"
                        r"\b(?:lùi|dời|hoãn)\s+lại(?:\s+(?:thêm\s+)?(?:một|hai|ba|mấy|\d)\s+(?:ngày|hôm|tuần))?"
                        r"(?=[^.;!?]*\b(?:thứ|ngày|mùng|mồng)\b)")
QUESTION = re.compile(r"\?\s*$|\b(?:có cần|có phải|(?<!dạ )(?<!dạ, )chưa ạ|không ạ|thế nào|bao giờ|đến đâu rồi|"
                      r"sao rồi)\b|"
                      r"\bđược không(?:\s+(?:ạ|anh|chị|em|nhỉ))*\s*[?.!]?\s*$|"
                      # recogniser text has no "?": "anh hùng kiểm tra xong chưa"
                      r"(?<!dạ )(?<!còn )(?<!giờ )(?<!vẫn )\bchưa(?:\s+(?:anh|chị|em|nhỉ))*\s*[.]?\s*$")
# A request put as a question is still a request: "anh Hùng kiểm tra giúp tôi được không?"
POLITE = re.compile(r"\b(?:giúp|hộ)(?: (?:tôi|anh|chị|em|mình))?\b.{0,20}\bđược không\b|\bnhé\s*\?\s*$")
WITHDRAW = re.compile(r"(?:\.\.\.|…)?\s*,?\s*\b(?:à|ờ)\s+(?:mà\s+)?(?:thôi|không)\b\s*,?\s*|(?:\.\.\.|…)\s*thôi\s*,\s*",
                      re.IGNORECASE)
# Session 25 (docs/meetings.md, "Session 25"): "(nhưng) mà thôi" after a clause withdraws what was just said, as "à
# thôi" does ("Chị Lan làm báo cáo trước thứ Sáu. Mà thôi, chưa cần, để sau Tết.", "… chị hà bên trung tâm mà thôi để
# mai anh giao anh hùng"); not "… mà thôi" closing a sentence ("chỉ cần một bản mà thôi": only), nor "mà thôi việc"
# (on by rule R1 in session 25: fresh off alone 665/176/199, on 665/175/199; plain behaviour since session 27)
WITHDRAW_BUT = re.compile(WITHDRAW.pattern + r"|(?:\.\s*|,\s*|\s+)(?:nhưng\s+)?mà\s+thôi\b"
                          r"(?!\s*[.!?]?\s*$)(?!\s+việc\b)\s*,?\s*", re.IGNORECASE)
CANCEL = re.compile(r"\b(?:không phải làm nữa|không cần làm nữa|không cần nữa|thôi không làm|hủy việc|"
           r"thôi,? chưa giao ai|thôi khỏi|khỏi làm|"
           r"không làm nữa|không phải lo nữa|thôi,? không \w+ nữa)\b|^(?:thôi,? )?chưa giao ai\b|"
           r"(?<!ra )\bkhỏi\s+(?:in|làm|gửi|lo|đi)\b|"
                    # "thôi việc đó hủy nhé", "vụ này hủy": withdrawn, as "hủy việc" is ("hủy bỏ quyết định" is work)
                    r"\b(?:việc|vụ|cái)\s+(?:đó|này|ấy|đấy)\s+(?:thì\s+)?hủy\b")

# Session 29 (docs/meetings.md, "Session 29"): a job dropped in other words than `CANCEL`'s ("thôi bỏ việc đó không giao
# nữa", "việc pano … thì thôi, bỏ nhé", "không triển khai nữa"): "bỏ" with the job pointed back to ("việc đó / này") or
# right after "thôi", "không giao … nữa", and a verb of carrying out with "không … nữa"; not "bỏ phiếu", "bỏ rác", "bỏ
# thêm" (work), nor "không giao" without "nữa" (not given yet: `DEFER`)
# on by rule R1 (session 29): fresh off alone 710/177/192, on 709/176/193 (fresh29 35/8/3 -> 34/7/4: wrong -1, right -1,
# within twice the wrong fall)
SESSION29_DROP_WORDS = True
DROP_WORDS = re.compile(r"\b(?:thôi\s+)?bỏ\s+(?:việc|vụ|phần|khoản|cái|chuyện)(?:\s+\w+){0,2}?\s+"
                        r"(?:đó|này|ấy|đấy|kia)\b|"
                        r"\bthôi\s*,?\s*bỏ\s+(?:nhé|đi|luôn|nha)\b|"
                        r"\bkhông\s+giao(?:\s+(?:việc|cái|phần)\s+(?:đó|này|ấy|đấy))?\s+nữa\b|"
                        r"\bkhông\s+(?:triển khai|tổ chức|thực hiện|làm việc đó|làm cái đó)\s+nữa\b")

# "… nếu không bận", "nếu chị thu xếp được", "nếu rảnh", "nếu tiện" make a request optional, as "nếu có thời gian"
# does (session 15); "tự" between the doer and the verb ("chị Hà tự làm thủ tục …") is a filler, as "trực tiếp" is
# (session 16)
_IF_FREE = (r"nếu (?:không|chưa) bận|nếu rảnh|nếu tiện|"
            r"nếu (?:(?:anh|chị|em|bác|cô|chú|tôi|mình) )?(?:thu xếp|sắp xếp|bố trí) được|")
# Session 22 (docs/meetings.md, "Session 22"): "chưa quyết (được)", "chưa chốt", "chưa thống nhất" say that what was
# raised is not decided yet ("Cái này liên quan chế độ làm thêm giờ, để chị báo cáo anh An, chưa quyết được em ạ."):
# a deferral, no task; not "chưa chốt danh sách / số liệu …" (a list not closed yet, work to do)
_UNDECIDED = r"|chưa (?:quyết|chốt|thống nhất)(?: định)?(?: được)?(?! (?:danh sách|số liệu|kế hoạch|phương án))"
# "không để sang năm", "đừng để sau Tết" forbid putting it off: an order, not a deferral (session 10)
_UNLESS_FORBIDDEN = r"(?<!không )(?<!đừng )(?<!chớ )"
DEFER = re.compile(r"\b(?:" + _UNLESS_FORBIDDEN + r"để sau|tính sau|sau tính|chưa cần|không cần|chưa giao|có thể|"
                   r"tạm dừng|tạm hoãn|hoãn lại|"
                   + _IF_FREE + r"nếu được"
                   + r"|nếu kịp|tùy|để (?:mai |sau )?(?:anh|chị|em|tôi|mình) "
                   r"(?:suy nghĩ|xem|tính|hỏi|giao|bàn|quyết)|xem tình hình rồi|mới làm|"
                   # "thôi để đầu năm", "để gần Tết xem…": put off to a later season, not given now
                   + _UNLESS_FORBIDDEN + r"để (?:đầu năm|sang năm|năm sau|sau tết|gần tết|qua tết|sang tháng)|"
                   r"không thì thôi|không bàn|không thuộc|hỏi lại|" + _UNLESS_FORBIDDEN + r"để sang năm|"
                   r"chưa có nguồn|chưa nói trước|không gấp|nếu có thời gian|chưa làm|khi nào có"
                   + _UNDECIDED + r")\b")


CONDITION = re.compile(r"\bnếu\b")
REPORTED = re.compile(r"^\s*,?\s*(?:đã|vừa|mới|cho biết|nói|nêu|phát biểu|báo cáo rằng|cho rằng|nhấn mạnh|"
                      r"trình bày|bảo(?!\s+(?:đảm|vệ|quản|trì|dưỡng|hiểm|trợ|lưu|hành))|có ý kiến|đang|xong rồi|"
                      r"làm xong rồi|đều)\b"
                      # what to say now, in the meeting ("anh Hùng báo cáo nhanh đi"): a routine remark
                      r"|^\s*(?:báo cáo|trình bày|nói|phát biểu|cho ý kiến|tóm tắt|đọc)(?:\s+(?:nhanh|qua|tình hình|"
                      r"luôn|trước|ngắn gọn|cụ thể|cho mọi người|cho các đồng chí|danh sách))*"
                      r"\s*(?:đi|nhé|xem)?(?:\s+(?:em|anh|chị))?\s*[.!?]?\s*$")
SPEECH = re.compile(r"^\s*(?:xin\s+)?(?:thông báo|báo cáo|trình bày|phổ biến|quán triệt|giới thiệu|nói|điểm qua|"
                    r"tóm tắt|đọc)\b")
ASKS = re.compile(r"^\s*(?:xin\s+)(?:bổ sung|phát biểu|báo cáo|thông báo|trình bày|hỏi|đề xuất|kiến nghị|"
                  r"cho ý kiến|ý kiến|góp ý|trao đổi|báo\s+(?:là|rằng))\b")
# The chair's closing recap restates the tasks given ("Tóm lại: chị Hương thăm gia đình chính sách, …").
RECAP = re.compile(r"\b(?:tóm tắt|tóm lại|nhắc lại|kết luận|chốt lại|tổng kết lại)\b|"
                   r"^(?:(?:vậy|thế|rồi|thôi|giờ)\s+)?(?:vậy nhé|thế nhé|chốt|tổng kết|tổng hợp)\s*:")
# Handing out the agenda, not a task: "tôi xin phân công như sau".
PREAMBLE = re.compile(r"^\s*(?:xin\s+)?phân công(?:\s+nhiệm vụ)?\s+(?:như sau|cụ thể)")
# Where someone is, not work given: "anh An đi học lớp bồi dưỡng", "hôm đó anh An đi họp Thành phố", and
# chairing the meeting under way ("anh chủ trì giao ban").
AWAY = re.compile(r"^\s*,?\s*(?:(?:đi|đang)\s+(?:học|họp(?!\s+với)|công tác|vắng|phép|nghỉ)|nghỉ (?:phép|ốm)|vắng\b|"
                  r"chủ trì\s+(?:cuộc\s+|buổi\s+)?(?:họp|giao ban|hội nghị)\s*[.,]?\s*$)")
THIS_MEETING = re.compile(r"^\s*,?\s*chủ trì\s+(?:cuộc\s+|buổi\s+)?(?:họp|giao ban|hội nghị)\b")
PRAISE = re.compile(r"\b(?:tốt lắm|rất tốt|giỏi lắm|vất vả|cảm ơn)\b")
# A clause that ends on "rồi" reports what was done ("phòng Kinh tế gửi số liệu rồi, còn…", "Tuấn chi quà … từ
# hôm thứ Bảy rồi ạ", "chị Hương đi tập huấn rồi."); "… rồi báo anh", "xem tình hình rồi quyết" go on.
DONE_NOW = re.compile(r"^[^.,;!?]*?\brồi(?:\s+(?:ạ|anh|chị|em|đấy|mà))*\s*(?:[,.;!]|$)")
# The chair's own step inside a task given to another ("…, tôi ký, …", "…, anh duyệt rồi …"): not a task.
OWN_PART = re.compile(r"^\s*(?:sẽ\s+)?(?:ký|duyệt|xem|cho ý kiến)(?:\s+(?:luôn|rồi|cho))?\s*(?:[,;]|$)")
DONE = re.compile(r"\b(?:đã|xong rồi|rồi ạ|xong hết|vừa xong)\b")
PARTICLE = re.compile(r"\bđi\s*[.!]?$|\b(?:nhé|nha|giúp|luôn|ngay|nhanh|khẩn trương|phải|cho tôi|cho anh|cho chị|"
                      r"dứt điểm|chủ trì|phụ trách|chịu trách nhiệm|có trách nhiệm|đầu mối|theo dõi|lo)\b")
INTENT = re.compile(r"\b(?:sẽ|xin|để em|để tôi|luôn|ngay|nhé|ạ|nhận|lo cho)\b|^(?:để\s)|^\s*nhận\b")
ALREADY = re.compile(r"\b(?:em|tôi|bên em|chị|anh)\b.*\b(?:rồi|đã)\b")
LEAVE_IT = re.compile(r"\b(?:cứ\s+)?để\s+(?:em|tôi)(?:\s+(?:lo|làm|nhận))?\s*(?:cho|ạ|nhé|anh|chị)?\s*[.!]?\s*$")
# "X chủ trì, Y phối hợp" (hỗ trợ, đi cùng); "anh Hùng chủ trì luôn, anh Bảo chỉ đạo, phương án … thứ Hai":
# Y helps or oversees X's task
COORDINATE = re.compile(r"^\s*,?\s*(?:(?:phối hợp|cùng|hỗ trợ|(?:đi|làm|tham gia)\s+cùng)\b|"
                        r"(?:chỉ\s+)?(?:chỉ đạo|theo dõi|giám sát)(?:\s+(?:chung|thôi))?\s*(?:[,;.]|$))")
OBJECT_BEFORE = re.compile(r"\b(?:có|thay|cho|với|gửi|của|nộp|trình|báo|mời|hỏi|giúp|hộ|về|tặng|là|phối hợp|cùng|từ|"
                           r"đến)\s*$")
# A pronoun after these is who receives the work ("trình tôi ký", "báo cáo tôi", "gửi em"), not who does it.
RECEIVER_BEFORE = re.compile(r"\b(?:cho|gửi|trình|báo cáo|báo|giúp|hộ|với|hỏi|mời|nhắc)\s*$")
JUNK = re.compile(r"^\s*(?:,|\(|\)|bên|thuộc|của|thì|ạ)\s*|\s*\b(?:nhé|nha|ạ|luôn|nhá)\b\s*|[.;,!]+\s*$")
UNITS: list[tuple[str, str]] = [
    ("Phòng Kinh tế, Hạ tầng và Đô thị", r"phong kinh te(?:,? ha tang va do thi)?|phong kt(?:\s*[-–]?\s*ht)?"
                                         r"(?:\s*[-–]?\s*dt)?\b"),
    ("Phòng Văn hóa - Xã hội", r"phong van hoa(?:\s*[-–,]?\s*xa hoi)?|phong vh\s*[-–]?\s*xh|phong vhxh"),
    ("Văn phòng HĐND và UBND",
     r"van phong(?: hdnd va ubnd| uy ban(?: nhan dan)?| hoi dong nhan dan va uy ban nhan dan)?"),
    ("Trung tâm Phục vụ hành chính công", r"trung tam (?:phuc vu )?hanh chinh cong|bo phan mot cua"),
    ("Công an phường", r"cong an(?: phuong)?"),
    ("Ban Chỉ huy Quân sự phường", r"(?:ban chi huy )?quan su phuong|ban chi huy quan su"),
    ("Ủy ban MTTQ phường", r"(?:uy ban )?mat tran to quoc(?: phuong)?|mttq"),
    ("Đoàn Thanh niên", r"doan thanh nien(?: phuong)?"),
    ("Hội Liên hiệp Phụ nữ", r"hoi (?:lien hiep )?phu nu(?: phuong)?"),
    ("Hội Cựu chiến binh", r"hoi cuu chien binh"),
    ("Hội Người cao tuổi", r"hoi nguoi cao tuoi"),
    ("Trạm Y tế phường", r"tram y te(?: phuong)?"),
    ("Chi cục Thuế", r"chi cuc thue"),
]
UNIT_RE = [(name, re.compile(rf"\b(?:{pattern})\b")) for name, pattern in UNITS]


# --- the patterns written around the verbs of work ---

# Session 24 (docs/meetings.md, "Session 24"; plain behaviour since session 26, rule R8): "mang vào / lên / sang / đến
# / qua / xuống / về" (bring it in, over, down) is work, as "gửi sang", "đưa lên" are ("mai em mang sang đưa Lan
# luôn"); "mang" alone (carry, wear) is not
_BRING = r"|mang (?:vào|lên|sang|đến|tới|qua|xuống|về)"
_WORDS = _VERB_WORDS + _BRING + r")"


def verb() -> str:
    """The verbs of work (a pattern group to put inside a larger pattern)."""
    return _WORDS


# Session 25 (docs/meetings.md, "Session 25"): a speaker hesitating between the doer and the verb of work ("tổ 10 thì
# là... gửi biên bản kết quả về văn phòng …", "anh Hùng à... gửi …", "Minh... ờ... báo cáo …"): a trailing-off
# ("...", "…") and the hesitation words "thì là", "à", "ờ", "ừm", "ơ" are fillers there, as "thì" is; a word that is
# not a verb of work after them ("tổ 10 thì là... bầu xong gửi …") still gives no doer
# (on by rule R1 in session 25: fresh off alone 664/175/200, on 665/175/199; plain behaviour since session 27)
_HESITATE = r"(?:\s*(?:\.\.\.|…)|\s+(?:thì là|à|ờ|ừm|ơ)(?=\s|\.\.\.|…))"


def _built(build: Callable[[str, str], str]) -> re.Pattern[str]:
    """A pattern built around the verbs of work and the fillers before them (a hesitation among them)."""
    return re.compile(build(_WORDS, _filler(_WORDS)))


def _filler(words: str) -> str:
    # the fillers open "(?:\s+(?:"; a hesitation is one more item of that group
    opened = _FILLER.replace(r"(?:\s+(?:", _HESITATE[:-1] + r"|\s+(?:", 1)
    return opened + _HAVE_DO.replace("{v}", words)


FIRST = _built(lambda v, _f: rf"^(?:để\s+(?:anh|chị)|(?:anh|chị)(?=\s+sẽ)|"
                             rf"(?:để\s+)?(?:em|tôi|mình|tớ|chúng tôi|chúng em))"
                             rf"(?:\s+(?:sẽ|xin|cũng|luôn|thì|tự))*\s+{v}\b")
SENIOR_SELF = _built(lambda v, _f: rf"^(?:chị|anh)(?:\s+(?:sẽ|cũng))?\s+{v}\b[^.?!]*\bem\b")
SECOND = _built(lambda v, _f: rf"^(?:em|anh|chị|bác|cô|chú|ông|bà)(?:\s+(?:sẽ|thì|cũng|cứ))*"
                              rf"\s+{v}\b")
PROPOSAL = _built(lambda v, _f: rf"\b(?:em|tôi|mình)(?:\s+(?:sẽ|xin))?\s+{v}\b(?!.*\b(?:em|tôi|mình)\s+{v}\b)")


# the verb of work after a doer, past the fillers ("chị Hà bên trung tâm làm", "chị Hà tự làm")
_VERB_AHEAD = _built(lambda v, f: rf"^\s*,?{f}|tự))*\s+{v}\b")

# Session 29 (docs/meetings.md, "Session 29"): "mang / đem" with what is brought and then where to ("tổ dân phố số bốn
# mang quà đến tận nhà cụ trước tết nhé", "Tuấn đem hồ sơ lên quận", "chị Hà mang tài liệu sang phòng họp"): taking
# something somewhere is work, as "mang sang" alone is (`_BRING`); not "mang theo" (carry along: "bà con nhớ mang theo
# căn cước"), nor "mang" with no place after (carry, wear); read at run time so the setting can be measured off
# off by rule R1 (session 29): no fresh verdict moved (709/176/193 on and off); off brings back no training wrong (R1b;
# it only misses s29 w11's "tổ dân phố số bốn mang quà đến tận nhà cụ trước tết nhé" again)
SESSION29_BRING_OBJECT = False
_BRING_AHEAD = _built(lambda _v, f: rf"^\s*,?{f}|tự))*\s+(?:mang|đem)(?:\s+(?!theo\b)[^\W\d_]+){{1,4}}?"
                                   r"\s+(?:vào|lên|sang|đến|tới|qua|xuống|về)\b")


class _VerbAhead:
    """VERB_AHEAD: the verb of work right after a doer (its settings read at each call)."""

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        found = _VERB_AHEAD.match(string, pos, endpos)
        if found is None and SESSION29_BRING_OBJECT:
            found = _BRING_AHEAD.match(string, pos, endpos)
        return found


VERB_AHEAD = _VerbAhead()
