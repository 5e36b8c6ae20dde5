"""`appliance eval` in CI: every registered set through the fallback engines and through a fake
OpenAI-compatible server that answers plausibly and misbehaves in turn; the report (Markdown + JSON)
is written, the model's failures are counted, and the fallback figures are those of `make bench`."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from appliance.evaluation.registry import KINDS, SETS
from appliance.knowledge.summarize import sentences
from bench.bench_eval import fallback_figures
from tests.engines.misbehaving import Misbehaving

ROOT = Path(__file__).resolve().parents[2]
CYCLE = ("good", "good", "fenced", "preamble", "unsupported_citation", "english", "truncated", "error_500",
         "repetition", "good")


def plausible(body: dict[str, Any]) -> str:
    """What a small but well-behaved model would write for each feature's prompt."""
    system, user = body["messages"][0]["content"], body["messages"][-1]["content"]
    if body.get("response_format"):  # summaries: the first sentences of the part
        return json.dumps({"points": sentences(user)[:3] or ["Văn bản không có nội dung."]}, ensure_ascii=False)
    if "SQLite SELECT" in system:  # the question box
        return "SELECT COUNT(*) AS so_ho_so FROM v_ho_so"
    passage = re.search(r"\[1\] [^\n]*:\n(.*?)(?:\n\n\[2\]|\n\nCâu hỏi:)", user, re.S)
    if passage:  # the legal assistant: the first passage's first sentence, cited
        return f"{sentences(passage.group(1))[0]} [1]"
    request = re.search(r"Yêu cầu của cán bộ: (.*)", user)
    if request:  # a draft body from the officer's request
        return f"Thực hiện chỉ đạo của Ủy ban nhân dân phường, {request.group(1).strip().rstrip('.')}.\nTrân trọng./."
    return "Dạ, UBND phường xin trả lời."


def test_eval_against_the_fake_server_and_the_fallbacks(misbehaving: Misbehaving, tmp_path: Path) -> None:
    misbehaving.answer, misbehaving.cycle = plausible, CYCLE
    out = tmp_path / "report"
    env = dict(os.environ, APPLIANCE_DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    stderr = tmp_path / "eval.stderr"
    with stderr.open("wb") as err:
        done = subprocess.Popen([sys.executable, "-m", "appliance", "eval", "--engines-url", misbehaving.url,
                                 "--out", str(out), "--timeout", "20"], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=err)
        try:
            # The fallback figures `make bench` prints (bench/bench_eval.py, same code), computed here while
            # the command runs on the other core: the two halves took turns before, for the same numbers.
            bench = fallback_figures()
            returncode = done.wait(timeout=600)
        finally:
            if done.poll() is None:
                done.kill()
                done.wait()
    assert returncode == 0, stderr.read_text(encoding="utf-8", errors="replace")[-3000:]
    report = json.loads((out / "eval-report.json").read_text(encoding="utf-8"))
    markdown = (out / "eval-report.md").read_text(encoding="utf-8")
    assert report["model"].startswith("remote:city-llm")
    by_key = {s["key"]: s for s in report["sets"]}
    assert set(by_key) == {s.key for s in SETS}
    for key, entry in by_key.items():
        assert entry["fallback"]["items"] > 0, key
        assert f"`{key}`" in markdown
        if KINDS[entry["kind"]].model_path:
            model = entry["model"]
            assert model["items"] == entry["fallback"]["items"]
            assert model["latency_p95_ms"] >= model["latency_p50_ms"] > 0
        else:
            assert entry["model"] is None and "không có đường dùng mô hình" in entry["notes"]["model"]
    # The model paths met the misbehaviours, fell back and said which; text paths were grounded.
    failures: dict[str, int] = {}
    for entry in by_key.values():
        for reason, count in ((entry["model"] or {}).get("failures") or {}).items():
            failures[reason] = failures.get(reason, 0) + count
    assert {"language", "truncated", "http_error", "repetition"} <= set(failures), failures
    assert by_key["knowledge.summaries"]["model"]["grounding_rate"] < 1.0  # the invented figure was dropped
    assert by_key["knowledge.summaries"]["model"]["tokens_per_s"] > 0
    assert by_key["drafting.bodies"]["model"]["format_rate"] == 1.0  # never a broken body, model or not
    assert "Biên bản họp" in markdown  # the path without a set is named, not hidden

    # The fallback figures are exactly those `make bench` prints (`bench`, computed above).
    for key, entry in by_key.items():
        fallback = entry["fallback"]
        assert (fallback["items"], fallback["right"], fallback["unsure"], fallback["wrong"]) == (
            bench[key].items, bench[key].right, bench[key].unsure, bench[key].wrong), key
        assert fallback["grounding_rate"] == (None if bench[key].grounding_rate is None
                                              else round(bench[key].grounding_rate, 4))
