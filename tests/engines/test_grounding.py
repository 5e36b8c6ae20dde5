"""Grounding: a generated sentence survives only with its facts in the sources it cites."""

from __future__ import annotations

from appliance.engines.grounding import Source, facts, ground, split_cited

DECISION = Source("1", (
    "Điều 12. Thời hạn giải quyết\n1. Hồ sơ đăng ký khai sinh được giải quyết ngay trong ngày.\n"
    "2. Trường hợp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo.\n"
    "a) Lệ phí là 1.500.000 đồng theo Nghị quyết 60/2014/QH13.\n"
    "Quyết định có hiệu lực từ ngày 5 tháng 10 năm 2026; ông Nguyễn Văn An chủ trì thực hiện."),
    label="Quyết định 123/QĐ-UBND, Điều 12")
REPORT = Source("2", "Năm 2026 phường tiếp nhận 4.210 hồ sơ, đúng hạn 97,5%.", label="Báo cáo năm 2026")
SOURCES = {s.id: s for s in (DECISION, REPORT)}


def test_summary_sentence_with_a_figure_not_in_the_source_is_dropped_and_counted() -> None:
    report = ground([
        ("Năm 2026 phường tiếp nhận 4.210 hồ sơ.", ["2"]),
        ("Tỷ lệ đúng hạn đạt 97,5%.", ["2"]),
        ("Kinh phí thực hiện là 9.876.000 đồng.", ["2"]),  # no source holds this figure
    ], SOURCES)
    assert [k.text for k in report.kept] == ["Năm 2026 phường tiếp nhận 4.210 hồ sơ.", "Tỷ lệ đúng hạn đạt 97,5%."]
    assert report.dropped == [("Kinh phí thực hiện là 9.876.000 đồng.",
                               "số liệu «9.876.000» không có trong nguồn được dẫn")]
    assert report.notice() == "1 câu bị bỏ vì không có căn cứ"
    assert abs(report.rate - 2 / 3) < 1e-9


def test_values_match_whatever_the_spelling() -> None:
    report = ground([
        ("Quyết định có hiệu lực từ 05/10/2026.", ["1"]),          # date written another way
        ("Lệ phí 1500000 đồng.", ["1"]),                          # thousands without dots
        ("Theo khoản 2 Điều 12, hồ sơ nhận sau 15 giờ trả ngày hôm sau.", ["1"]),  # khoản = numbered paragraph
        ("Căn cứ điểm a, lệ phí theo Nghị quyết 60/2014/QH13.", ["1"]),
        ("Ông Nguyễn Văn An chủ trì.", ["1"]),
        ("Văn bản số 123/QĐ-UBND quy định thời hạn.", ["1"]),          # from the source's label
    ], SOURCES)
    assert report.dropped == []
    assert report.notice() is None
    assert all(k.source_ids == ("1",) for k in report.kept)


def test_each_kind_of_unsupported_fact_is_dropped_with_its_reason() -> None:
    report = ground([
        ("Quyết định có hiệu lực từ 06/10/2026.", ["1"]),
        ("Theo khoản 7 Điều 12, hồ sơ được trả ngay.", ["1"]),
        ("Lệ phí theo Nghị quyết 61/2014/QH13.", ["1"]),
        ("Bà Trần Thị Hoa chủ trì thực hiện.", ["1"]),
        ("Đúng hạn 97,5%.", ["1"]),  # the figure is in source 2, but the sentence cites 1
        ("Hồ sơ được giải quyết ngay.", []),
        ("Hồ sơ được giải quyết ngay.", ["9"]),
    ], SOURCES)
    assert report.kept == []
    reasons = [reason for _, reason in report.dropped]
    assert reasons == [
        "ngày «06/10/2026» không có trong nguồn được dẫn",
        "căn cứ pháp lý «khoản 7» không có trong nguồn được dẫn",
        "số văn bản «61/2014/QH13» không có trong nguồn được dẫn",
        "tên người «Trần Thị Hoa» không có trong nguồn được dẫn",
        "số liệu «97,5» không có trong nguồn được dẫn",
        "không dẫn nguồn",
        "dẫn nguồn không có: 9",
    ]
    assert report.notice() == "7 câu bị bỏ vì không có căn cứ"


def test_the_officers_input_grounds_facts_too() -> None:
    given = "Họp giao ban ngày 12/11/2026 do đồng chí Lê Minh Tuấn chủ trì, kinh phí 20 triệu đồng."
    report = ground([("Đồng chí Lê Minh Tuấn chủ trì cuộc họp ngày 12/11/2026 với kinh phí 20 triệu đồng.", ["1"])],
                    SOURCES, given=given)
    assert report.dropped == [] and len(report.kept) == 1


def test_facts_are_not_counted_twice_and_plain_words_are_not_names() -> None:
    kinds = [(f.kind, f.shown) for f in facts("Luật Hộ tịch 60/2014/QH13 Điều 15 từ ngày 01/07/2026 thu 20.000 đồng.")]
    assert kinds == [("số văn bản", "60/2014/QH13"), ("ngày", "01/07/2026"), ("căn cứ pháp lý", "Điều 15"),
                     ("số liệu", "20.000")]
    assert facts("Ủy ban nhân dân phường Mẫu và Văn phòng HĐND tiếp công dân.") == []


def test_split_cited_reads_markers_before_and_after_the_full_stop() -> None:
    assert split_cited("Hồ sơ gồm tờ khai [1]. Thời hạn 5 ngày. [2]\nLệ phí không thu [1][3].") == [
        ("Hồ sơ gồm tờ khai.", ("1",)), ("Thời hạn 5 ngày.", ("2",)), ("Lệ phí không thu.", ("1", "3"))]
