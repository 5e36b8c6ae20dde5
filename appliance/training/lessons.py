"""The course as lessons ("Hướng dẫn"): the five days, each with exercises the appliance checks
itself in the sandbox, and the safe-use lesson with its questions.

The lessons teach how to use the appliance; they state no legal fact, time limit or fee from
memory: an exercise that needs one (the time limit to register a death) sends the trainee to
the ward's library to find it and cite the article, and the check only verifies the search.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from appliance.training import checks
from appliance.training.checks import Check


@dataclass(frozen=True)
class Question:
    """A multiple-choice question of the safe-use lesson; `answer` indexes `options`."""

    key: str
    text: str
    options: tuple[str, ...]
    answer: int
    why: str  # shown after a wrong answer: the rule, in the lesson's own words


@dataclass(frozen=True)
class Exercise:
    key: str
    title: str
    task: str                      # what the trainee does, in Vietnamese
    where: tuple[str, str]         # (page, its name): where to do it
    check: Check | None = None     # checked in the sandbox …
    questions: tuple[Question, ...] = ()  # … or answered here


@dataclass(frozen=True)
class Lesson:
    number: int
    day: str
    title: str
    goals: tuple[str, ...]
    steps: tuple[str, ...]
    exercises: tuple[Exercise, ...] = field(default_factory=tuple)


SAFE_USE_QUESTIONS = (
    Question("du-lieu-ca-nhan", "Khi hỏi trợ lý về một hồ sơ, anh/chị nên nhập gì?",
             ("Họ tên, số CCCD, số điện thoại của người dân cho đầy đủ",
              "Chỉ những thông tin công việc cần, không nhập số định danh, điện thoại, địa chỉ khi không cần",
              "Chụp toàn bộ hồ sơ gốc và dán vào ô câu hỏi"), 1,
             "Chỉ nhập thông tin mà việc cần đến; thông tin định danh của người dân không đưa vào câu hỏi hay "
             "dự thảo nếu không bắt buộc."),
    Question("du-thao", "Văn bản do trợ lý soạn được ban hành khi nào?",
             ("Ngay khi trợ lý soạn xong", "Khi cán bộ tải tệp .docx về",
              "Chỉ sau khi người có thẩm quyền đọc, sửa và phê duyệt; đến lúc đó văn bản vẫn là «Dự thảo»"), 2,
             "Trợ lý chỉ soạn dự thảo. Người có thẩm quyền chịu trách nhiệm nội dung, nên văn bản giữ nhãn "
             "«Dự thảo» cho đến khi được phê duyệt."),
    Question("trich-dan", "Trợ lý trả lời kèm trích dẫn «Điều …». Anh/chị làm gì trước khi dùng câu trả lời?",
             ("Mở văn bản được trích, đọc đúng điều khoản đó và so với câu trả lời",
              "Tin ngay vì đã có số điều", "Hỏi lại trợ lý xem nó có chắc không"), 0,
             "Một trích dẫn chỉ đáng tin khi chính văn bản gốc nói như vậy: luôn mở văn bản trong Tra cứu và đọc "
             "điều khoản được trích."),
    Question("khong-co-nguon", "Trợ lý nói «cần xác nhận» và không đưa số liệu. Điều đó có nghĩa là gì?",
             ("Thiết bị bị hỏng", "Kho văn bản của phường không có nguồn cho câu hỏi này: không tự điền con số",
              "Nên hỏi lại cho đến khi có con số"), 1,
             "Thiết bị không bịa số liệu hay quy định: khi không có nguồn, nó nói rõ và cán bộ tìm nguồn chính "
             "thức."),
)

LESSONS: tuple[Lesson, ...] = (
    Lesson(1, "Ngày 1", "Bảng điều hành: nắm tình hình phường bằng số liệu",
           ("Đọc các chỉ số chính trên trang Tổng quan: hồ sơ tiếp nhận, đúng hạn, quá hạn, nộp trực tuyến.",
            "Xem chi tiết các hồ sơ đứng sau một con số.",
            "Hỏi số liệu bằng lời trong Hỏi đáp số liệu."),
           ("Mở Tổng quan, chọn kỳ «Quý» và xem tỷ lệ đúng hạn theo lĩnh vực.",
            "Bấm vào một con số để xem danh sách hồ sơ được đếm.",
            "Mở Hỏi đáp số liệu, gõ câu hỏi như khi hỏi một cán bộ; đọc câu trả lời và cách tính đi kèm."),
           (Exercise("ngay1-ty-le-dung-han", "Hỏi tỷ lệ đúng hạn",
                     "Trong Hỏi đáp số liệu, hỏi: «tỷ lệ đúng hạn lĩnh vực đất đai quý 3».",
                     ("/hoi-dap", "Hỏi đáp số liệu"), check=checks.question_asked(("dung han", "dat dai"))),)),
    Lesson(2, "Ngày 2", "Quản lý, điều hành dựa trên dữ liệu",
           ("So sánh các kỳ để thấy xu hướng.",
            "Tìm hồ sơ quá hạn và phản ánh chậm trả lời để đôn đốc.",
            "Đọc một con số cùng với cách tính của nó trước khi dùng trong báo cáo."),
           ("Hỏi đáp số liệu có thể so sánh hai kỳ: «… tháng 10 so với tháng 9».",
            "Danh sách hồ sơ quá hạn nằm ở Tổng quan và trong Hỏi đáp số liệu («danh sách hồ sơ quá hạn»).",
            "Khi câu trả lời ghi «chưa chắc», hãy hỏi lại rõ hơn (kỳ, lĩnh vực) thay vì đoán."),
           (Exercise("ngay2-so-sanh", "So sánh hai kỳ",
                     "Trong Hỏi đáp số liệu, hỏi một câu so sánh hai kỳ, ví dụ: «số hồ sơ tiếp nhận tháng 10 so với "
                     "tháng 9».", ("/hoi-dap", "Hỏi đáp số liệu"),
                     check=checks.question_asked(("so voi",), ("so sanh",))),)),
    Lesson(3, "Ngày 3", "Soạn thảo văn bản với trợ lý",
           ("Soạn dự thảo đúng thể thức Nghị định 30 từ vài dòng yêu cầu.",
            "Sửa dự thảo, xem trước và tải tệp .docx.",
            "Hiểu vì sao văn bản luôn là «Dự thảo» cho đến khi lãnh đạo phê duyệt."),
           ("Mở Soạn thảo, chọn loại văn bản, ghi trích yếu và yêu cầu chính.",
            "Đọc kỹ dự thảo: thời gian, địa điểm, thành phần, nơi nhận.",
            "Sửa trực tiếp rồi xem trước; chỉ lãnh đạo mới cấp số và ban hành."),
           (Exercise("ngay3-giay-moi", "Soạn giấy mời",
                     "Trong Soạn thảo, soạn một giấy mời họp giao ban thứ Sáu (loại văn bản: Giấy mời).",
                     ("/soan-thao", "Soạn thảo"), check=checks.draft_created("giay_moi", "giấy mời")),)),
    Lesson(4, "Ngày 4", "Tra cứu văn bản, thủ tục và làm báo cáo",
           ("Tra cứu quy định và thủ tục trong kho văn bản của phường.",
            "Trích dẫn đúng điều khoản khi trả lời người dân hoặc viết báo cáo.",
            "Xuất báo cáo số liệu từ Tổng quan."),
           ("Mở Tra cứu, gõ điều cần tìm bằng lời thường (có dấu hoặc không dấu đều được).",
            "Mở văn bản được tìm thấy, đọc đúng điều khoản và ghi lại số điều khi trích dẫn.",
            "Khi kho không có nguồn, trợ lý nói «cần xác nhận»: không tự điền con số."),
           (Exercise("ngay4-tra-cuu-khai-tu", "Tra cứu thời hạn đăng ký khai tử",
                     "Trong Tra cứu, tìm thời hạn đăng ký khai tử, mở văn bản tìm được và ghi lại điều luật quy "
                     "định.", ("/tra-cuu", "Tra cứu"), check=checks.search_done("khai tu")),)),
    Lesson(5, "Ngày 4", "Dùng AI an toàn",
           ("Biết thông tin cá nhân nào được nhập và không nên nhập.",
            "Hiểu vì sao văn bản do AI soạn là «Dự thảo» cho đến khi người có thẩm quyền phê duyệt.",
            "Biết cách kiểm tra một trích dẫn."),
           ("Trợ lý AI chạy ngay trên thiết bị của phường: câu hỏi và văn bản không được gửi ra Internet. Dù "
            "vậy, chỉ nhập thông tin mà công việc cần.",
            "Không nhập số định danh, số điện thoại, địa chỉ của người dân vào câu hỏi khi không cần.",
            "Trợ lý có thể sai: mọi dự thảo phải được người có thẩm quyền đọc, sửa và phê duyệt.",
            "Mọi trích dẫn phải mở văn bản gốc để đối chiếu; không có nguồn thì không dùng con số."),
           (Exercise("ngay4-an-toan", "Câu hỏi dùng AI an toàn", "Trả lời đúng cả bốn câu hỏi dưới đây.",
                     ("/huong-dan/5", "bài này"), questions=SAFE_USE_QUESTIONS),)),
    Lesson(6, "Ngày 5", "Chatbot công dân và phòng họp thông minh",
           ("Xử lý phản ánh của người dân: phân loại, giao đơn vị, trả lời.",
            "Theo dõi nhiệm vụ từ cuộc họp: xác nhận, giao, hoàn thành.",
            "Hiểu chatbot công dân trả lời từ danh mục thủ tục và câu hỏi thường gặp của phường."),
           ("Mở Phản ánh, chọn một phản ánh mới; kiểm tra lĩnh vực trợ lý đề xuất, sửa nếu cần.",
            "Giao phản ánh cho đơn vị hoặc người xử lý; trả lời người dân khi đã xử lý.",
            "Mở Nhiệm vụ: các nhiệm vụ «Chờ xác nhận» được trích từ biên bản họp; đọc lại và xác nhận.",
            "Trong chế độ đào tạo, tin trả lời qua Zalo chỉ nằm trong hàng đợi của hộp cát, không gửi đi."),
           (Exercise("ngay5-phan-anh", "Phân loại và chuyển phản ánh",
                     "Trong Phản ánh, mở một phản ánh, chọn lại lĩnh vực (Phân loại) rồi giao cho đơn vị xử lý.",
                     ("/phan-anh", "Phản ánh"), check=checks.complaint_classified_and_routed),
            Exercise("ngay5-tra-loi", "Trả lời người dân",
                     "Trả lời một phản ánh (trong hộp cát, câu trả lời không đến người dân thật).",
                     ("/phan-anh", "Phản ánh"), check=checks.complaint_answered),
            Exercise("ngay5-nhiem-vu-hop", "Xác nhận nhiệm vụ từ cuộc họp",
                     "Mở cuộc họp mẫu (hoặc Nhiệm vụ), đọc lại một nhiệm vụ «Chờ xác nhận» được trích từ biên bản, "
                     "kiểm tra người thực hiện và hạn rồi bấm «Xác nhận giao».", ("/nhiem-vu", "Nhiệm vụ"),
                     check=checks.meeting_task_confirmed))),
)

EXERCISES: dict[str, tuple[Lesson, Exercise]] = {e.key: (lesson, e) for lesson in LESSONS for e in lesson.exercises}


def lesson(number: int) -> Lesson | None:
    return next((item for item in LESSONS if item.number == number), None)
