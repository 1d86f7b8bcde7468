"""Build tiny transformers classifiers of the production architectures, saved with save_pretrained."""

from pathlib import Path

from ml_models.registry import EMOTION_LABELS

CORPUS = [
    "I feel great today and the sun is out.",
    "Work was awful, I am so tired and angry.",
    "Nothing much happened, just laundry and emails.",
    "I was scared before the exam but it went fine.",
] * 20


def build_roberta_classifier(target: Path, id2label: dict[int, str], max_positions: int = 64) -> Path:
    """A 2-layer RoBERTa with a byte-level BPE tokenizer, like cardiffnlp's and j-hartmann's models."""
    import torch
    from tokenizers import ByteLevelBPETokenizer
    from transformers import RobertaConfig, RobertaForSequenceClassification, RobertaTokenizerFast

    torch.manual_seed(0)
    target.mkdir(parents=True, exist_ok=True)
    bpe = ByteLevelBPETokenizer()
    bpe.train_from_iterator(
        CORPUS, vocab_size=400, min_frequency=1, special_tokens=["<s>", "<pad>", "</s>", "<unk>", "<mask>"]
    )
    bpe.save_model(str(target))
    tokenizer = RobertaTokenizerFast(
        vocab_file=str(target / "vocab.json"),
        merges_file=str(target / "merges.txt"),
        model_max_length=max_positions - 2,
    )
    tokenizer.save_pretrained(target)
    config = RobertaConfig(
        vocab_size=len(tokenizer),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=37,
        max_position_embeddings=max_positions,
        id2label=id2label,
        label2id={v: k for k, v in id2label.items()},
        pad_token_id=tokenizer.pad_token_id,
    )
    RobertaForSequenceClassification(config).save_pretrained(target)
    return target


def build_sentiment_model(models_dir: Path) -> Path:
    # cardiffnlp's config names its labels LABEL_0..2 in some revisions; the registry maps them.
    return build_roberta_classifier(
        models_dir / "cardiffnlp--twitter-roberta-base-sentiment-latest", {0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"}
    )


def build_emotion_model(models_dir: Path) -> Path:
    return build_roberta_classifier(
        models_dir / "j-hartmann--emotion-english-distilroberta-base", dict(enumerate(EMOTION_LABELS))
    )
