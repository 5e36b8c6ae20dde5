"""The complaint categories' vocabulary families (category_families.py), read by the complaint model beside the team's
cue phrases, and the complaint model that learns the later writers' halves (complaint_model.SESSION17); both session
17's, unconditional since session 19. Every sentence here was written for these tests (none is from a training,
development, held-out or fresh batch): each phrase of data/category_families.toml is in a sentence here, and the
sentences that must not match show where a family stops."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from appliance.citizen import category_families, complaint_model
from appliance.citizen.classify import FeedbackClassifier
from appliance.citizen.complaint_model import SESSION12, ComplaintModel
from appliance.citizen.matching import tokens
from tests.citizen.hash_embedder import HashEmbedder

SAID = {  # category → complaints that name its problem the way citizens live it
    "moi_truong": [
        "Nhà số 8 bật loa hát ầm ầm đến nửa đêm, loa to lắm, con tôi mất ngủ cả tuần",
        "Xưởng cơ khí gầm rú suốt ngày, điếc tai lắm, mở loa quảng cáo inh ỏi nữa",
        "Quán nhậu mở nhạc nhạc to đến 1 giờ, cả ngõ không ngủ được, điếc cả tai",
        "Hàng xóm bật nhạc và khoan cắt, khoan đục từ sáng sớm chủ nhật",
        "Xưởng nhựa đốt phế liệu mùi khét lẹt, lúc khác lại mùi khét, ai chịu được",
        "Chợ cá bốc mùi hôi, tanh lòm cả con phố",
        "Cống sau nhà mùi thối, thối um cả xóm, đi qua phải bịt mũi",
        "Phân chó, phân mèo đầy lối đi, có người còn phóng uế ở gốc cây",
        "Nhà trên tầng thượng nuôi gà, nuôi lợn, chuồng lợn với chuồng gà sát cửa sổ nhà tôi, còn phân gà rơi xuống",
        "Người ta vứt rác, xả rác ra bãi đất trống, phòng rác chung cư đầy, xe rác để nước rác chảy ra đường",
        "Cái ao tù sau trường đầy muỗi và rác",
        "Xe chở đất không che bạt, bụi mù cả tuyến phố",
    ],
    "trat_tu_do_thi": [
        "Nhà số 4 dựng rạp đám giỗ chiếm hết ngõ, xe không qua được",
        "Quán cà phê kê bàn chiếm ngõ, chiếm lối đi vào khu nhà sau",
        "Nhà đầu hồi xây bậc tam cấp và dốc dắt xe ra lối đi chung",
        "Xe bán hàng dừng giữa ngõ rồi tràn ra lòng đường, có hôm chiếm lòng đường",
        "Mấy hộ lấn hành lang chung của tòa nhà làm kho, hành lang chung giờ chỉ còn nửa",
        "Căn hộ tầng 5 tự ý xây tum và chuồng cọp trên sân thượng",
        "Nhà bên đục tường mở cửa ra phố, quây tôn làm quán",
        "Công trình đã có quyết định đình chỉ thi công vẫn làm, không rõ ai cấp phép xây",
        "Nhà số 10 tự ý xây thêm tầng và lợp mái tôn sang nhà tôi",
        "Cửa hàng vật liệu đổ cát, đổ gạch, cát đá ra vỉa hè, gạch vụn và phế thải xây dựng đầy đường",
        "Quán mới lắp biển led to như cái cửa, bảng hiệu với biển hiệu che hết nhà bên",
        "Có người dán tờ rơi và sơn xịt số điện thoại khắp tường nhà dân",
    ],
    "ha_tang": [
        "Vạch kẻ đường trước cổng chợ mờ hết, biển tên phố và biển tên đường cũng mất",
        "Góc cua khuất tầm nhìn, đề nghị lắp gương cầu",
        "Đường mới làm đã nứt toác, lún sụt, có cả ổ voi",
        "Nước máy nhà tôi chảy ra nước đục, ngõ thì ngập nước mỗi khi mưa",
        "Mưa một lúc là ngập đến đầu gối, nước tràn vào nhà",
        "Đầu ngõ bị vỡ đường ống, nước phun cả đêm",
        "Cột điện nghiêng sắp đổ, dây điện lòi ra ngoài, dây điện võng sát đầu người",
        "Đứt dây điện sau trận gió, hộp kỹ thuật và tủ điện mở toang",
        "Đèn hỏng cả tháng, đèn đường hỏng nên tối om",
        "Rễ cây đội vỡ vỉa hè, cây nghiêng sau bão, gãy cành rơi xuống đường",
    ],
    "an_ninh_trat_tu": [
        "Tôi bị móc túi ở chợ, hôm sau em tôi bị giật điện thoại",
        "Kẻ gian cạy cửa, phá khóa, bẻ khóa rồi trộm xe trong khu trọ",
        "Mấy thanh niên thu tiền bảo kê của tiểu thương chợ",
        "Có người lạ, đối tượng lạ hay đứng đầu ngõ nhìn vào nhà dân",
        "Nhóm thanh niên bay lắc, lạng lách, mang hung khí, xô xát với người đi đường",
        "Tờ rơi cho vay tiền nhanh dán khắp nơi, bọn vay nặng lãi đến siết nợ",
        "Xe máy để chật lối thoát hiểm, không ai lo phòng cháy, hôm trước chập điện suýt cháy nhà",
        "Gần Tết có người bán pháo, bọn trẻ đốt pháo ầm ĩ",
    ],
    "thu_tuc_hanh_chinh": [
        "Xin giấy mà cán bộ đá qua đá lại, đẩy qua đẩy lại, các bộ phận đùn đẩy nhau",
        "Tôi bị hẹn đi hẹn lại, hẹn lần hẹn lữa, đi lại mấy lần vẫn chưa xong",
        "Cán bộ một cửa quát nạt, thái độ cửa quyền",
        "Nộp hồ sơ quá hẹn mà chưa trả kết quả, cũng chưa có kết quả gì",
        "Gửi đơn hai tháng không trả lời, chưa phản hồi, hỏi lại cũng không phản hồi",
        "Thu tiền không có biên lai, từ chối mà không có văn bản",
        "Đi chứng thực, xin trích lục hộ tịch bị làm khó",
        "Làm khai tử cho bố, đăng ký kết hôn cho con, lần nào cũng chờ cả buổi",
        "Đăng ký tạm trú và xin xác nhận cư trú mà phải lên ba lần",
        "Quyết định xử phạt hành chính gửi cho tôi không ghi căn cứ",
    ],
    "chinh_sach_xa_hoi": [
        "Tiền hỗ trợ bão lụt chia không đều, tiền trợ cấp của mẹ tôi chậm ba tháng",
        "Bố tôi chưa được nhận trợ cấp hàng tháng dù đã đủ tuổi",
        "Quà Tết cho gia đình chính sách phát thiếu, quỹ đền ơn đáp nghĩa thu bắt buộc",
        "Quỹ khuyến học thu mỗi hộ, nhà hộ cận nghèo cũng không được miễn",
        "Bình xét hộ nghèo trong tổ không công khai",
        "Tuyển sinh lớp 1 có người trái tuyến vào được, con tôi đúng tuyến thì bị phân tuyến đi xa",
        "Nhóm trẻ tư ở ngõ 3 để cô giáo đánh các cháu",
        "Hội người cao tuổi năm nay không tổ chức khám sức khỏe",
        "Phòng khám không phép tiêm truyền cho người già",
        "Có người lang thang, hình như bị tâm thần, ngủ ngoài trời rét",
    ],
    "khac": [
        "Sạp hoa quả cân điêu, nói thách, không niêm yết giá",
        "Cửa hàng bán sữa hết hạn sử dụng, có cả hàng giả",
        "Có người đến từng nhà mời bán hàng đa cấp",
        "Nhà mạng kéo cáp quang qua mái nhà tôi, tuần này mất mạng ba ngày",
        "Tiền nước tháng này gấp ba, phí dịch vụ chung cư tăng không báo",
        "Bãi xe thu phí gửi xe cao mà không có vé",
        "Nhờ tổ hòa giải vì hàng xóm chửi bới, nói xấu nhà tôi",
        "Nhà đối diện lắp camera quay thẳng vào phòng ngủ, xâm phạm đời tư",
        "Nhà tôi lạc mèo từ hôm qua, nhờ phường thông báo",
        "Trang fanpage của phường bị lỗi font, loa phát thanh đọc tin cũ",
    ],
}
NOT_SAID = {  # category → sentences whose words come close but must not count for it
    "moi_truong": ["Tôi muốn mua chiếc loa nhỏ cho lớp học", "Xe mô tô của tôi bị mất biển số"],
    "trat_tu_do_thi": ["Nhà văn hóa tổ 3 cần sửa lại rạp chiếu", "Con tôi vẽ tờ tranh treo tường"],
    "ha_tang": ["Nhà tôi uống nước lọc, không dùng nước giếng", "Tôi trồng cây cảnh ở ban công"],
    "an_ninh_trat_tu": ["Tôi muốn hỏi cách đăng ký xe máy mới mua", "Khóa học tiếng Anh ở nhà văn hóa rất hay"],
    "thu_tuc_hanh_chinh": ["Cảm ơn chị cán bộ đã hướng dẫn tận tình", "Kết quả bóng đá tối qua thế nào"],
    "chinh_sach_xa_hoi": ["Tôi muốn hỗ trợ dọn vệ sinh ngõ cuối tuần", "Nhà tôi nuôi một con chó nhỏ"],
    "khac": ["Hàng xóm nuôi mèo thả rông", "Tôi gọi điện cho phường mãi không được"],
}


def _found(text: str) -> set[str]:
    return {cat for _, _, cat in category_families.phrase_set().find(tokens(text))}


def _contains(words: Sequence[str], phrase: str) -> bool:
    wanted = phrase.split()
    return any(list(words[i:i + len(wanted)]) == wanted for i in range(len(words)))


def test_every_phrase_is_in_a_sentence_of_its_category() -> None:
    for category, families in category_families.phrases().items():
        said = [tokens(text) for text in SAID[category]]
        for family in families.values():
            for phrase in family:
                assert any(_contains(words, phrase) for words in said), (category, phrase)


@pytest.mark.parametrize("category,text", [(c, t) for c, texts in SAID.items() for t in texts])
def test_a_complaint_told_the_citizens_way_names_its_category(category: str, text: str) -> None:
    assert category in _found(text)


@pytest.mark.parametrize("category,text", [(c, t) for c, texts in NOT_SAID.items() for t in texts])
def test_near_words_do_not(category: str, text: str) -> None:
    assert category not in _found(text)


def test_the_complaint_models_cue_reading_includes_the_families() -> None:
    classifier = FeedbackClassifier()
    words = tokens("Lên phường bị đá qua đá lại, đùn đẩy mãi")
    assert "thu_tuc_hanh_chinh" in classifier.rule_scores(words, category_families.phrase_set())
    assert "thu_tuc_hanh_chinh" not in classifier.rule_scores(words)


def test_the_chat_reading_does_not_use_them() -> None:
    """Only the complaint model reads them: how strongly a message reads as a complaint is unchanged."""
    classifier = FeedbackClassifier()
    text = "Lên phường bị đá qua đá lại, đùn đẩy mãi"
    assert classifier.issue_strength(text) == max(classifier.rule_scores(tokens(text)).values(), default=0.0)
    assert "thu_tuc_hanh_chinh" not in classifier.rule_scores(tokens(text))


def test_a_model_reads_the_families(tmp_path) -> None:
    examples = complaint_model.training_examples(config=SESSION12)[:60]
    embedder = HashEmbedder("hash-embedder-s17")
    model = ComplaintModel(FeedbackClassifier(), embedder, examples, tmp_path, config=SESSION12)
    text = "Lên phường bị đá qua đá lại, đùn đẩy mãi"
    signals = model._signals(text, model.vector(text))
    row = model.categories.index("thu_tuc_hanh_chinh")
    assert signals[row, 0] > 0  # the rule signal: the families' phrases only


def test_the_served_complaint_model_learns_the_later_halves() -> None:
    # session 17's design; since session 24 (SESSION24_COMPLAINT_ALL, on by rule R1, plain since session 26) with s19,
    # s20 and s24 as well, since session 25 (SESSION25_COMPLAINT_S25, plain since session 27) s25 too; never s26 or s27
    # (off by rule R1 in sessions 26 and 27)
    assert complaint_model.served_config() is complaint_model.SESSION25
    texts = {t for _, t, _ in complaint_model.training_examples()}
    later = {t for name in ("s14", "s15", "s17", "s19", "s20", "s24") for _, t in complaint_model.BATCHES[name]()}
    assert len(later) >= 200 and later <= texts
    assert not later & {t for _, t, _ in complaint_model.training_examples(config=SESSION12)}


def test_a_cached_router_of_another_model_is_not_served(monkeypatch: pytest.MonkeyPatch) -> None:
    from appliance.citizen.public import intake
    from tests.citizen.fixed_router import fixed_router

    key = (0, 0, "session17-all-test")
    monkeypatch.setitem(intake._router_cache, key, fixed_router(complaint_model.served_config(), "ha_tang", 0.9))
    assert intake.cached_router(key) is intake._router_cache[key]
    monkeypatch.setattr(complaint_model, "DEFAULT", SESSION12)
    assert intake.cached_router(key) is None
