"""Model engines. The engines issue fills this package (interfaces, backends, registry, server).

Until a backend is installed, `status()` reports the honest state: no model, fallbacks only.
"""

from __future__ import annotations

from typing import Any

from appliance.config import Settings


def status(settings: Settings) -> dict[str, Any]:
    try:
        from appliance.engines.registry import engines_status
    except ImportError:
        return {
            "transcriber": {"backend": None, "state": "chưa cài mô hình", "fallback": "giữ âm thanh, chờ mô hình"},
            "diarizer": {"backend": "fallback", "state": "một người nói"},
            "generator": {"backend": "fallback", "state": "mẫu câu và trích đoạn"},
            "embedder": {"backend": "fallback", "state": "BM25"},
        }
    return engines_status(settings)
