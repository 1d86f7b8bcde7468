"""Fine-tune the top of MiniLM for the embedded default (finetuned.py): one pass of code, fixed seeds, CPU.

Every example carries the labels it has: journal passages their sentiment and emotion (and "none" for crisis: they
are ordinary diary entries), crisis statements only their crisis label. Each task's loss is class-balanced and
skips examples without that label. The settings below were chosen in experiments on held-back parts of the training
data (20% of the journal passages, 25% of the crisis statements), never on a test set; the validation run that
`manage.py train_default_models` makes re-measures them on such a split and sets the blend weight and the crisis
threshold for the model it measured, which is the one shipped. Its blend figures are at the chosen weight, so they
read slightly high; the model's own do not.
"""

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import finetuned
from .registry import EMOTION_LABELS, SENTIMENT_LABELS
from .training import LATER_TRAIN_PATHS, TRAIN_PATHS, load_training_rows, read_rows, text_key

TASKS = {"sentiment": list(SENTIMENT_LABELS), "emotion": list(EMOTION_LABELS), "crisis": ["none", "crisis"]}
SEED = 13
BLEND_CHOICES = (0.3, 0.4, 0.5, 0.6, 0.7)  # the model's weight against the heads, chosen on the validation split


@dataclass(frozen=True)
class Settings:
    epochs: int = 5
    first_tuned_layer: int = 2  # layers below stay the packaged encoder's (and are not stored)
    learning_rate: float = 5e-5
    batch_size: int = 16
    blend: float = 0.5  # weight of this model against the logistic-regression heads (validate() chooses it)


@dataclass(frozen=True)
class Example:
    text: str
    labels: dict = field(default_factory=dict)  # task -> label name


def journal_examples(rows: list[dict]) -> list[Example]:
    return [Example(r["text"], {"sentiment": r["sentiment"], "emotion": r["emotion"], "crisis": "none"}) for r in rows]


def crisis_examples(statements) -> list[Example]:
    """psychology.crisis_head_train.Statement rows: the crisis label only."""
    return [Example(s.text, {"crisis": "crisis" if s.crisis else "none"}) for s in statements]


def fine_tune(examples: list[Example], settings: Settings = Settings(), log=None):
    """(tokenizer, model) trained on `examples`; deterministic for the same examples, settings and thread count."""
    import torch

    torch.manual_seed(SEED)
    rng = np.random.default_rng(SEED)
    tokenizer, model = finetuned.build(TASKS)
    frozen = [model.encoder.embeddings, *model.encoder.encoder.layer[: settings.first_tuned_layer]]
    for module in frozen:
        for p in module.parameters():
            p.requires_grad = False
    y = {
        task: torch.tensor([labels.index(e.labels[task]) if task in e.labels else -100 for e in examples])
        for task, labels in TASKS.items()
    }
    losses = {
        task: torch.nn.CrossEntropyLoss(weight=_balanced(y[task], len(labels)), ignore_index=-100)
        for task, labels in TASKS.items()
    }
    params = [p for p in model.parameters() if p.requires_grad]
    optimiser = torch.optim.AdamW(params, lr=settings.learning_rate, weight_decay=0.01)
    steps = settings.epochs * -(-len(examples) // settings.batch_size)
    warmup = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: min(1.0, s / warmup) * (steps - s) / steps)
    for epoch in range(settings.epochs):
        model.train()
        order = rng.permutation(len(examples))
        for start in range(0, len(order), settings.batch_size):
            idx = order[start : start + settings.batch_size]
            batch = tokenizer(
                [examples[i].text for i in idx],
                padding=True,
                truncation=True,
                max_length=finetuned.MAX_TOKENS,
                return_tensors="pt",
            )
            logits = model(batch)
            loss = sum(losses[t](logits[t], y[t][idx]) for t in TASKS if (y[t][idx] >= 0).any())
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
        if log:
            log(f"epoch {epoch + 1}/{settings.epochs} done")
    return tokenizer, model.eval()


def _balanced(y, n: int):
    import torch

    counts = torch.bincount(y[y >= 0], minlength=n).float().clamp(min=1)
    return counts.sum() / (n * counts)


def save(model, settings: Settings, path: Path = finetuned.WEIGHTS, **meta) -> None:
    """The retrained layers and heads as fp16 safetensors, with what loading and the pipeline need."""
    import json

    from safetensors.torch import save_file

    state = {
        k: v.detach().to("cpu").half().contiguous()
        for k, v in finetuned.tuned_state(model, settings.first_tuned_layer).items()
    }
    info = {
        "tasks": json.dumps(TASKS),
        "first_tuned_layer": str(settings.first_tuned_layer),
        "blend": str(settings.blend),
        "base_encoder": finetuned.base_encoder_digest(),
        "settings": json.dumps(settings.__dict__),
    }
    info.update({k: v if isinstance(v, str) else json.dumps(v) for k, v in meta.items()})
    path.parent.mkdir(parents=True, exist_ok=True)
    save_file(state, str(path), metadata=info)


def training_rows() -> list[dict]:
    """The journal training passages (ml_models.training), minus any text of a crisis held-out set: the classifier
    learns from them that ordinary entries are not crises."""
    from psychology.crisis_head_train import held_out_texts

    held_out = held_out_texts()
    return [r for r in load_training_rows() if text_key(r["text"]) not in held_out]


def crisis_statements(journal_texts: set[str]):
    """The crisis dev sets and the ordinary diary negatives that are not already journal training passages."""
    from psychology import crisis_head_train

    diary = [p for p in crisis_head_train.DIARY_SETS if p not in TRAIN_PATHS]
    statements = crisis_head_train.load_statements(diary=diary)
    journal = {text_key(t) for t in journal_texts}  # compared as the held-out sets are: case and spacing ignored
    return [s for s in statements if text_key(s.text) not in journal]


def validation_split(rows: list[dict], statements: list):
    """(train rows, validation rows, train statements, validation statements): 20% / 25% of the earlier data held
    out, stratified; the later rounds' sets join the training side, so the held-out part stays the same."""
    later = later_round_texts()
    jtr, jva = _split([r for r in rows if text_key(r["text"]) not in later], 0.2, lambda r: r["sentiment"])
    ctr, cva = _split(
        [s for s in statements if text_key(s.text) not in later], 0.25, lambda s: f"{s.source}-{s.crisis}"
    )
    jtr += [r for r in rows if text_key(r["text"]) in later]
    ctr += [s for s in statements if text_key(s.text) in later]
    return jtr, jva, ctr, cva


def later_round_paths() -> list[Path]:
    from psychology.crisis_head_train import LATER_DEV_SETS

    return [*LATER_TRAIN_PATHS, *LATER_DEV_SETS]


def later_round_texts() -> set[str]:
    """Texts of the sets added in later rounds (text_key): they train, never validate."""
    return {text_key(r["text"]) for path in later_round_paths() for r in read_rows(path)}


def split_digests(journal_rows: list[dict], statements: list) -> dict:
    """Digests of the validation texts: the figures of two rounds compare only when these are equal."""
    import hashlib

    def digest(texts):
        return hashlib.sha256("\n".join(sorted(text_key(t) for t in texts)).encode()).hexdigest()[:16]

    return {"journal": digest(r["text"] for r in journal_rows), "crisis": digest(s.text for s in statements)}


def _split(items: list, size: float, stratum):
    from sklearn.model_selection import train_test_split

    return train_test_split(items, test_size=size, random_state=SEED, stratify=[stratum(i) for i in items])


def spread(items: list, limit: int | None) -> list:
    """`limit` items taken evenly across the list (all of them without a limit): a small but mixed sample."""
    if not limit or limit >= len(items):
        return items
    return [items[i * len(items) // limit] for i in range(limit)]


def validate(rows: list[dict], statements: list, settings: Settings, embedder, log=print) -> tuple[dict, object]:
    """(figures, model): train on the larger part of each split and measure on the rest: the heads, the model and
    their blend for sentiment and emotion, and the detector with and without the model for crisis (which sets its
    threshold). The model returned is the one measured, ready to save with those figures."""
    from psychology.crisis import detect_crisis
    from psychology.crisis_head_train import choose_threshold
    from psychology.dev_eval import CachedEmbed

    from .backends import EmbeddingHead
    from .documents import embed_documents, head_features
    from .registry import DEFAULT_HEADS_PATH, ModelSpec
    from .training import train_heads

    jtr, jva, ctr, cva = validation_split(rows, statements)
    heads = train_heads(embedder, jtr)
    texts = [r["text"] for r in jva]
    features = head_features(texts, embed_documents(embedder, texts))
    head_probs = {}
    for task, labels in TASKS.items():
        if task != "crisis":
            spec = ModelSpec(task=task, backend="embedding-head", source=str(DEFAULT_HEADS_PATH), labels=tuple(labels))
            head_probs[task] = EmbeddingHead(spec, heads).predict(features)
    tokenizer, model = fine_tune(journal_examples(jtr) + crisis_examples(ctr), settings, log=log)
    clf = finetuned.JournalClassifier.from_model(tokenizer, model, TASKS, {})
    model_probs = clf.predict(texts)
    figures = {"journal_validation": len(jva), "crisis_validation": len(cva), "split": split_digests(jva, cva)}
    figures["trained_on"] = {"journal_passages": len(jtr), "crisis_statements": len(ctr)}
    truth = {task: [r[task] for r in jva] for task in ("sentiment", "emotion")}
    figures["blend"], figures["blend_scores"] = choose_blend(truth, head_probs, model_probs)
    log(f"validation blend weight {figures['blend']} (mean macro-F1 by weight: {figures['blend_scores']})")
    for task in truth:
        for name, probs in (
            ("heads", head_probs[task]),
            ("model", model_probs[task]),
            ("blend", _blended(head_probs[task], model_probs[task], figures["blend"])),
        ):
            figures[f"{task}_{name}"] = _scores(truth[task], probs, task)
            log(f"validation {task} {name}: {figures[f'{task}_{name}']}")
    embed = CachedEmbed(embedder.encode)
    base = np.array([detect_crisis(s.text, embed=embed).flagged for s in cva])
    # The same rule as the head's: the lowest threshold whose added false alarms stay within its limits.
    threshold, rates = choose_threshold(clf.predict([s.text for s in cva])["crisis"][:, 1], cva, base)
    rates["recall_without_model"] = float(base[np.array([s.crisis for s in cva])].mean())
    figures["crisis_threshold"] = round(threshold, 4)
    figures["crisis"] = {k: round(v, 4) for k, v in rates.items()}
    log(f"validation crisis: threshold {threshold:.4f} {figures['crisis']}")
    return figures, model


def choose_blend(truth: dict, head_probs: dict, model_probs: dict, choices=BLEND_CHOICES) -> tuple[float, dict]:
    """(weight, {weight: score}): the model's weight in the blend with the heads whose mean of sentiment and emotion
    macro-F1 on the validation passages is highest; ties go to the weight nearest an even blend, then to the model."""

    def mean_f1(weight: float) -> float:
        tasks = [_scores(truth[t], _blended(head_probs[t], model_probs[t], weight), t)["macro_f1"] for t in truth]
        return round(float(np.mean(tasks)), 4)

    scores = {w: mean_f1(w) for w in choices}
    best = max(scores, key=lambda w: (scores[w], -round(abs(w - 0.5), 6), w))
    return best, {str(w): v for w, v in scores.items()}


def _blended(head_probs, model_probs, weight: float):
    return (1 - weight) * head_probs + weight * model_probs


def _scores(truth: list[str], probs, task: str) -> dict:
    """Macro-F1 over the labels present, as every round's validation figures were computed (training.score, for
    the test sets, averages over all labels; switching would make the rounds' figures incomparable)."""
    from sklearn.metrics import accuracy_score, f1_score

    pred = [TASKS[task][i] for i in probs.argmax(1)]
    return {
        "macro_f1": round(float(f1_score(truth, pred, average="macro")), 4),
        "accuracy": round(float(accuracy_score(truth, pred)), 4),
    }
