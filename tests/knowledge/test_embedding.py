"""The bundled embedding model, loaded from the installed package with the hub switched off."""

from __future__ import annotations

import numpy as np

from knowledge.chunking import embedding_text
from knowledge.embedding import BUNDLED_MODEL_NAME, WordPieceCounter, bundled_model_dir


def test_model_files_ship_inside_the_package():
    folder = bundled_model_dir()
    assert (folder / "model.safetensors").is_file() and (folder / "tokenizer.json").is_file()


def test_real_model_embeds_offline_normalised_and_meaningful(real_embedder):
    assert real_embedder.name == BUNDLED_MODEL_NAME
    assert real_embedder.dimension == 384 and real_embedder.max_tokens == 256
    vectors = real_embedder.embed_documents(
        [
            "Wash hands with soap and water when they are visibly soiled.",
            "Use soap and water if your hands are visibly dirty.",
            "Bioavailability studies measure the rate and extent of drug absorption.",
        ]
    )
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    similar, unrelated = vectors[0] @ vectors[1], vectors[0] @ vectors[2]
    assert similar > 0.7 and unrelated < 0.3


def test_token_counter_matches_the_model_tokenizer(real_embedder):
    counter = WordPieceCounter()
    text = "Patient-controlled analgesia (PCA) checks q1h for 4 hours; MME ≥ 50/day."
    model_tokens = real_embedder.load().tokenizer(text, add_special_tokens=False)["input_ids"]
    assert counter([text]) == [len(model_tokens)]


def test_embedding_input_keeps_context_first():
    text = embedding_text(
        "Hand Hygiene Policy", ("Procedure", "Hand rub"), "Rub for 20–30 seconds."
    )
    assert text.splitlines()[0] == "Hand Hygiene Policy > Procedure > Hand rub"
    assert text.endswith("Rub for 20–30 seconds.")
