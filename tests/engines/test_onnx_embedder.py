"""The ONNX Runtime embedder on a tiny embedding-table ONNX graph built here (the production
multilingual-e5-large export has the same inputs and output): tokenisation, e5 prefixes,
attention-mask mean pooling, batching, normalisation."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from appliance.engines.onnx_embedder import OnnxEmbedder

DIM = 24


@pytest.fixture(scope="module")
def onnx_dir(tmp_path_factory, whisper_dir):
    onnx = pytest.importorskip("onnx", reason="onnx (dev extra) builds the tiny test graph")
    from onnx import TensorProto, helper, numpy_helper
    from tokenizers import Tokenizer

    folder = tmp_path_factory.mktemp("onnx-embedder")
    shutil.copyfile(whisper_dir / "tokenizer.json", folder / "tokenizer.json")  # any real tokenizer will do
    vocab = Tokenizer.from_file(str(folder / "tokenizer.json")).get_vocab_size()
    table = np.random.default_rng(7).standard_normal((vocab, DIM)).astype(np.float32)
    graph = helper.make_graph(
        [helper.make_node("Gather", ["table", "input_ids"], ["last_hidden_state"], axis=0)], "tiny",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "seq"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "seq"])],
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "seq", DIM])],
        initializer=[numpy_helper.from_array(table, "table")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    onnx.save(model, str(folder / "model.onnx"))
    np.save(folder / "table.npy", table)
    return folder


def test_mean_pooling_prefixes_and_padding(onnx_dir):
    from tokenizers import Tokenizer

    embedder = OnnxEmbedder(onnx_dir, device="cpu", label="tiny", batch_size=2)
    assert embedder.dimension == DIM and embedder.device == "cpu"
    texts = ["đăng ký khai sinh", "một câu dài hơn nhiều để có phần đệm trong lô", "ba"]
    out = embedder.embed(texts, kind="passage")
    assert out.shape == (3, DIM) and out.dtype == np.float32
    assert np.allclose(np.linalg.norm(out, axis=1), 1.0, atol=1e-5)
    # Padding must not change a text's vector: alone or in a batch with a longer text.
    assert np.allclose(embedder.embed(texts[:1])[0], out[0], atol=1e-5)
    # The same pooling computed by hand, with the e5 prefix.
    tokenizer = Tokenizer.from_file(str(onnx_dir / "tokenizer.json"))
    ids = tokenizer.encode("passage: " + texts[0]).ids
    manual = np.load(onnx_dir / "table.npy")[ids].mean(axis=0)
    assert np.allclose(out[0], manual / np.linalg.norm(manual), atol=1e-5)
    assert not np.allclose(embedder.embed(texts[:1], kind="query"), out[:1])
    assert embedder.embed([]).shape == (0, DIM)
