"""Task-extraction evaluation set: meeting transcripts as a secretary (or the recogniser) would
have them, with the tasks a person would record. Deadlines are resolved against the meeting date
with the conventions of docs/meetings.md ("trong tuần này" = that Friday, "trong tháng N" = its last
day, "trong N ngày làm việc" skips weekends). `None` as deadline: a task without one. Sentences that
merely report facts are distractors and must yield no task."""

from __future__ import annotations

CASES: list[tuple[str, str, list[tuple[str, str | None]]]] = [
    ("2026-11-23", """
Người nói 1: Mở đầu cuộc họp giao ban tuần, đồng chí Chủ tịch đề nghị các phòng báo cáo nhanh.
Người nói 2: Giao anh Trần Văn Hùng, Phòng Kinh tế, Hạ tầng và Đô thị, rà soát toàn bộ các công trình xây dựng
không phép trên tuyến đường Tam Trinh, hoàn thành trước ngày 5/12.
Đề nghị chị Lan, Văn phòng HĐND và UBND, chuẩn bị giấy mời hội nghị tổng kết, gửi đi trong thứ Sáu tuần này.
Phòng Văn hóa - Xã hội chủ trì tổng hợp danh sách hộ nghèo, cận nghèo, báo cáo Ủy ban trong tháng 12.
Người nói 3: Anh Hùng cho biết tuần qua đã xử lý 12 trường hợp lấn chiếm vỉa hè.
Người nói 2: Yêu cầu đồng chí Minh, Công an phường, phối hợp kiểm tra an ninh trật tự khu vực chợ, chậm nhất
ngày 10 tháng 12 báo cáo kết quả. Anh Tuấn bên Trung tâm Phục vụ hành chính công chịu trách nhiệm cập nhật bảng
niêm yết thủ tục trước thứ Tư tuần sau.
Chủ tịch nhấn mạnh tinh thần trách nhiệm của cán bộ trong giải quyết hồ sơ.
Giao chị Nguyễn Thị Hoa rà soát hồ sơ trễ hạn trong lĩnh vực đất đai, báo cáo vào ngày mai.
Đề nghị Đoàn Thanh niên phường tổ chức ra quân vệ sinh môi trường vào Chủ nhật tuần này.
""", [("Trần Văn Hùng", "2026-12-05"), ("Lan", "2026-11-27"), ("Phòng Văn hóa - Xã hội", "2026-12-31"),
      ("Minh", "2026-12-10"), ("Tuấn", "2026-12-02"), ("Nguyễn Thị Hoa", "2026-11-24"),
      ("Đoàn Thanh niên", "2026-11-29")]),

    ("2026-12-02", """
Giao Phòng Kinh tế, Hạ tầng và Đô thị lập kế hoạch chỉnh trang hè phố, trình Ủy ban trước ngày 15/12/2026.
Chị Mai, Phòng Văn hóa - Xã hội, khẩn trương hoàn thiện hồ sơ trợ cấp cho các hộ khó khăn trong vòng 5 ngày làm việc.
Đề nghị anh Phạm Quốc Bảo phụ trách chuẩn bị hội trường cho kỳ họp Hội đồng nhân dân, xong trước thứ Hai tuần sau.
Theo báo cáo, ngày 28/11 phường đã tiếp nhận 45 hồ sơ trực tuyến.
Yêu cầu Công an phường tăng cường tuần tra dịp cuối năm, báo cáo tình hình trước 31/12.
Giao em Linh bộ phận một cửa thống kê số hồ sơ trực tuyến, gửi Văn phòng trong tuần này.
Anh Dũng sẽ chủ trì làm việc với các tổ dân phố về thu gom rác, hoàn thành trong 2 tuần.
Đồng chí Thảo, Hội Liên hiệp Phụ nữ phường, phụ trách tuyên truyền phòng chống bạo lực gia đình tại các khu dân cư.
""", [("Phòng Kinh tế, Hạ tầng và Đô thị", "2026-12-15"), ("Mai", "2026-12-09"), ("Phạm Quốc Bảo", "2026-12-07"),
      ("Công an phường", "2026-12-31"), ("Linh", "2026-12-04"), ("Dũng", "2026-12-16"), ("Thảo", None)]),

    ("2026-11-20", """
Cuộc họp chuyên đề về chuyển đổi số. Giao anh Khánh phụ trách công nghệ thông tin cài đặt phần mềm quản lý văn bản
cho các phòng, hoàn thành trước ngày 30/11. Chị Hằng Văn phòng chịu trách nhiệm số hóa hồ sơ hộ tịch năm 2020, xong
trong tháng này. Đề nghị Trung tâm Phục vụ hành chính công hướng dẫn người dân nộp hồ sơ trực tuyến, báo cáo kết quả
trong tháng sau. Đồng chí Bình nêu ý kiến về việc thiếu máy quét tại bộ phận một cửa. Yêu cầu anh Lê Minh Tú nộp
danh sách thiết bị cần mua sắm trước thứ Năm tuần sau. Giao chị Ngọc kiểm tra lại tài khoản dịch vụ công của cán bộ
ngay trong ngày hôm nay. Anh Quang, Phòng Kinh tế, Hạ tầng và Đô thị, cập nhật bản đồ số các tuyến đường, hạn chót
là ngày 12/12. Phân công chị Vân xây dựng quy chế sử dụng chữ ký số, trình lãnh đạo trong vòng 10 ngày.
""", [("Khánh", "2026-11-30"), ("Hằng", "2026-11-30"), ("Trung tâm Phục vụ hành chính công", "2026-12-31"),
      ("Lê Minh Tú", "2026-11-26"), ("Ngọc", "2026-11-20"), ("Quang", "2026-12-12"), ("Vân", "2026-11-30")]),

    ("2026-12-15", """
Người nói 1: Giao Phòng Văn hóa - Xã hội lập danh sách gia đình chính sách để tặng quà Tết, hoàn thành trước ngày
10/1/2027.
Người nói 1: Đề nghị anh Sơn Ban Chỉ huy Quân sự phường chuẩn bị công tác tuyển quân, báo cáo trước ngày 5/1.
Người nói 2: Chị Thu, Văn phòng HĐND và UBND, soạn thảo kế hoạch tổ chức Tết, trình ký thứ Sáu tuần này.
Người nói 3: Năm ngoái phường đã tặng 320 suất quà cho các hộ khó khăn.
Người nói 1: Yêu cầu đồng chí Hải kiểm tra phòng cháy chữa cháy tại các chợ trước Chủ nhật tuần sau.
Giao anh Đức tổ dân phố số 5 vận động người dân dọn vệ sinh, xong trước cuối tháng.
Chị Hạnh sẽ tổng hợp kinh phí hỗ trợ, gửi Phòng Kinh tế, Hạ tầng và Đô thị trong ngày mai.
Đề nghị Công an phường phối hợp với Ban Chỉ huy Quân sự phường xây dựng phương án bảo vệ Tết trong quý I năm 2027.
""", [("Phòng Văn hóa - Xã hội", "2027-01-10"), ("Sơn", "2027-01-05"), ("Thu", "2026-12-18"),
      ("Hải", "2026-12-27"), ("Đức", "2026-12-31"), ("Hạnh", "2026-12-16"), ("Công an phường", "2027-03-31")]),

    ("2027-01-06", """
Giao chị Phương Phòng Văn hóa - Xã hội báo cáo kết quả tặng quà Tết trước ngày 20 tháng 1.
Anh Toàn có trách nhiệm hoàn thiện báo cáo tổng kết năm 2026, nộp trước thứ Sáu.
Yêu cầu Văn phòng HĐND và UBND cập nhật lịch công tác tháng 1, gửi các phòng trong tuần này.
Chị Phương cho biết đã hoàn thành 95% kế hoạch năm.
Giao đồng chí Nam rà soát các hồ sơ tồn đọng, giải quyết dứt điểm trong tháng 2.
Đề nghị chị Yến tổ chức tập huấn cho cán bộ về dịch vụ công trực tuyến vào ngày 15/1.
""", [("Phương", "2027-01-20"), ("Toàn", "2027-01-08"), ("Văn phòng HĐND và UBND", "2027-01-08"),
      ("Nam", "2027-02-28"), ("Yến", "2027-01-15")]),

    # What the recogniser writes: no capitals, numbers as words.
    ("2026-11-23", """
giao anh hùng phòng kinh tế hoàn thành báo cáo trước ngày năm tháng mười hai. đề nghị chị lan văn phòng gửi giấy
mời trong tháng mười hai. anh tuấn chịu trách nhiệm kiểm tra hồ sơ xong trước thứ sáu tuần này. yêu cầu chị hoa báo
cáo trong vòng bảy ngày. anh minh nói rằng tháng trước đã thu được hai trăm triệu đồng.
""", [("Hùng", "2026-12-05"), ("Lan", "2026-12-31"), ("Tuấn", "2026-11-27"), ("Hoa", "2026-11-30")]),

    ("2026-12-02", """
Về công tác thu thuế, giao chị Lệ phối hợp với Chi cục Thuế đôn đốc các hộ kinh doanh nộp thuế trước ngày 20/12;
giao anh Khoa lập danh sách hộ nợ đọng, gửi trước ngày 10/12.
Ông Thắng, trưởng tổ dân phố số 3, có trách nhiệm nắm số liệu dân cư và báo lại cho Công an phường trong tuần sau.
Bà Xuân phụ trách Hội Người cao tuổi vận động hội viên tham gia bảo hiểm y tế, thời hạn đến hết tháng 12.
Mời các đồng chí phát biểu ý kiến.
Đề nghị Trạm Y tế phường tổ chức tiêm chủng bổ sung cho trẻ em, hoàn thành chậm nhất vào ngày 18/12.
Nhờ anh Vinh kiểm tra lại hệ thống loa truyền thanh trước thứ Bảy tuần này.
""", [("Lệ", "2026-12-20"), ("Khoa", "2026-12-10"), ("Thắng", "2026-12-11"), ("Xuân", "2026-12-31"),
      ("Trạm Y tế phường", "2026-12-18"), ("Vinh", "2026-12-05")]),

    # Held out: written after the extractor was built and run once, unchanged (7 of 7 found then).
    ("2026-11-25", """
Người nói 1: Về công tác phòng cháy, đề nghị anh Tâm, Công an phường, rà soát các hộ kinh doanh karaoke, xong
trước ngày 3/12.
Người nói 2: Chị Oanh phòng Văn hóa sẽ làm việc với các trường học, báo cáo trước thứ Năm tuần sau.
Người nói 1: Tuần trước anh Tâm đã kiểm tra 20 cơ sở.
Giao Văn phòng HĐND và UBND chuẩn bị nội dung kỳ họp, gửi đại biểu chậm nhất ngày 8/12.
Yêu cầu ông Phúc, tổ trưởng tổ dân phố số 7, vận động người dân nộp quỹ, hoàn thành trong tháng này.
Nhờ em Hà soạn công văn gửi quận, xong trong ngày mai.
Phân công đồng chí Lâm phụ trách trang thông tin điện tử của phường, cập nhật tin bài hằng tuần.
Bà Nga cho rằng cần thêm kinh phí.
Đề nghị Hội Cựu chiến binh phối hợp tuyên truyền, báo cáo kết quả cuối tháng 12.
""", [("Tâm", "2026-12-03"), ("Oanh", "2026-12-03"), ("Văn phòng HĐND và UBND", "2026-12-08"),
      ("Phúc", "2026-11-30"), ("Hà", "2026-11-26"), ("Lâm", None), ("Hội Cựu chiến binh", "2026-12-31")]),
]
