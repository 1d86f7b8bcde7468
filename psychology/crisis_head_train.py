"""Train the crisis classifier head (crisis_head.py) and choose its threshold by cross-validation.

Training units are MiniLM vectors of whole statements and of their sentences: a crisis statement is one unit
(its sentences are not labelled one by one, and "Surgery on Tuesday." is not crisis language just because the
next sentence is); an ordinary statement gives itself and each of its sentences as negatives. The threshold is
chosen on out-of-fold scores computed the way detect_crisis runs (only the sentences it would pass to the
model, the entry flagged when any scores at or above the threshold), so the false-alarm limits hold for
whole entries.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ml_models.training import TRAIN_PATHS, read_rows, text_key

from . import crisis, crisis_head, crisis_text

HERE = Path(__file__).resolve().parent
# crisis_dev4a-c.jsonl (written for the fine-tuned classifier by three authors who saw no other set) and
# crisis_dev5-7.jsonl (later rounds: indirect forms, euphemisms, planning and farewells, crisis sentences inside
# ordinary entries, long ordinary entries with one bleak line) train the models only: no rule was written from them.
DEV_SETS = [HERE / f"crisis_dev{n}.jsonl" for n in ("", "2", "3", "4a", "4b", "4c", "5", "6", "7")]
# Only on the training side of the fine-tuned classifier's validation split, which so stays the same.
LATER_DEV_SETS = [HERE / f"crisis_dev{n}.jsonl" for n in ("5", "6", "7")]
DIARY_SETS = [*TRAIN_PATHS, HERE / "data" / "journal_negatives.jsonl"]
CS = (0.3, 1.0, 3.0, 10.0)
MAX_FPR = {"dev": 0.02, "diary": 0.005}  # false alarms on dev "none" statements / ordinary diary passages
SEED = 0


@dataclass(frozen=True)
class Statement:
    text: str
    crisis: bool
    source: str  # "dev" | "diary"


HELD_OUT_SETS = sorted((HERE / "tests").glob("crisis_*.jsonl"))


def held_out_texts() -> set[str]:
    """Texts of the held-out test sets, normalised: never trained on, even where a dev set repeats one."""
    return {text_key(row["text"]) for path in HELD_OUT_SETS for row in read_rows(path)}


def load_statements(dev=DEV_SETS, diary=DIARY_SETS) -> list[Statement]:
    """The labelled dev statements and the ordinary diary passages, each distinct text once, minus any text of
    a held-out set (short everyday sentences such as "My phone died." occur in both)."""
    out, seen = [], {*held_out_texts()}
    for paths, source in ((dev, "dev"), (diary, "diary")):
        for path in paths:
            for row in read_rows(path):
                if text_key(row["text"]) not in seen:
                    seen.add(text_key(row["text"]))
                    out.append(Statement(row["text"], row.get("label", "none") != "none", source))
    return out


def training_units(st: Statement) -> list[str]:
    return [st.text] if st.crisis else list(dict.fromkeys([st.text, *crisis_text.sentences(st.text)]))


def _fit(units: list[str], labels: list[int], embed, C: float):
    from sklearn.linear_model import LogisticRegression

    X = embed(units)
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=2000, random_state=SEED)
    return model.fit(X, np.asarray(labels))


def _units_of(statements: list[Statement]) -> tuple[list[str], list[int]]:
    units, labels = [], []
    for st in statements:
        for u in training_units(st):
            units.append(u)
            labels.append(int(st.crisis))
    return units, labels


def _weights(model, threshold: float, window: bool, negated_extra: float) -> dict:
    return {
        "coef": [float(x) for x in model.coef_[0]],
        "intercept": float(model.intercept_[0]),
        "threshold": threshold,
        "window": window,
        "negated_extra": negated_extra,
    }


def _entry_scores(statements, inputs, weights, embed) -> np.ndarray:
    """The best unit score per statement as detect_crisis would compute it (-inf: nothing for the head)."""
    out = np.full(len(statements), -np.inf)
    for i, (_, keep) in enumerate(inputs):
        if keep:
            window = crisis_head.window_text(keep) if weights["window"] else None
            wv = embed([window])[0] if window else None
            vectors = embed([s for s, _, _ in keep])
            out[i] = max(score for _, score in crisis_head.unit_scores(keep, vectors, _arrays(weights), wv))
    return out


def _arrays(weights: dict) -> dict:
    return {**weights, "coef": np.asarray(weights["coef"], dtype=np.float32)}


def choose_threshold(scores, statements, base) -> tuple[float, dict]:
    """The lowest threshold at which the false alarms a model adds (where rules and prototypes, `base`, found
    nothing) stay within MAX_FPR, so the highest recall of both OR-ed; infinity (never flag) if none does. Used
    for the head here and for the fine-tuned classifier (ml_models/finetune_train.py)."""
    y = np.array([st.crisis for st in statements])
    src = np.array([st.source for st in statements])
    best = (np.inf, _rates(scores, y, src, np.inf, base))
    for t in sorted({round(float(s), 4) for s in scores[np.isfinite(scores)]}, reverse=True):
        r = _rates(np.where(base, -np.inf, scores), y, src, t)
        if r["fpr_dev"] > MAX_FPR["dev"] or r["fpr_diary"] > MAX_FPR["diary"]:
            break  # lower thresholds only add false alarms
        best = (t, _rates(scores, y, src, t, base))
    return best


def _rates(scores, y, src, t, base=None) -> dict:
    hit = scores >= t if base is None else (scores >= t) | base
    neg_dev, neg_diary = (~y) & (src == "dev"), (~y) & (src == "diary")
    return {"recall": _share(hit, y), "fpr_dev": _share(hit, neg_dev), "fpr_diary": _share(hit, neg_diary)}


def _share(flags: np.ndarray, among: np.ndarray) -> float:
    """The share of `among` that is flagged (0 when there are none to count)."""
    return float(flags[among].mean()) if among.any() else 0.0


def cross_validate(statements, embed, C: float, window: bool, negated_extra: float, folds: int = 5) -> np.ndarray:
    """Out-of-fold entry scores; folds split statements, so a statement's sentences never train its own score."""
    from sklearn.model_selection import StratifiedKFold

    strata = [f"{st.source}-{st.crisis}" for st in statements]
    inputs = [crisis.model_sentences(st.text) for st in statements]
    scores = np.full(len(statements), -np.inf)
    for train_idx, test_idx in StratifiedKFold(folds, shuffle=True, random_state=SEED).split(statements, strata):
        model = _fit(*_units_of([statements[i] for i in train_idx]), embed, C)
        weights = _weights(model, 0.5, window, negated_extra)
        test = [statements[i] for i in test_idx]
        scores[test_idx] = _entry_scores(test, [inputs[i] for i in test_idx], weights, embed)
    return scores


def train(statements, embed, Cs=CS, windows=(False,), negated_extras=(0.0,), folds=5, log=print) -> dict:
    """Pick C (and optionally window and negation margin) by CV recall within the false-alarm limits; refit.

    A window over the entry's sentences and a negation margin were tried in CV and did not help (see the README).
    """
    log, results = log or (lambda _: None), []
    base = _base_flags(statements, embed)
    for window in windows:
        for negated_extra in negated_extras:
            for C in Cs:
                scores = cross_validate(statements, embed, C, window, negated_extra, folds)
                t, rates = choose_threshold(scores, statements, base)
                results.append((rates["recall"], -C, window, negated_extra, t, rates, scores))
                log(f"C={C} window={window} negated_extra={negated_extra}: threshold {t:.3f} {_fmt(rates)}")
    recall, neg_c, window, negated_extra, t, rates, scores = max(results, key=lambda r: r[:2])
    model = _fit(*_units_of(statements), embed, -neg_c)
    weights = _weights(model, round(t, 4), window, negated_extra)
    units, labels = _units_of(statements)
    weights["C"] = -neg_c
    weights["cv"] = {"folds": folds, **_cv_figures(statements, base, scores, t)}
    weights["trained_on"] = {
        "dev_sets": [p.name for p in DEV_SETS],
        "diary_sets": [str(p.relative_to(HERE.parent)) for p in DIARY_SETS],
        "statements": {k: sum(_kind(st) == k for st in statements) for k in ("crisis", "dev-none", "diary")},
        "units": {"crisis": sum(labels), "none": len(labels) - sum(labels)},
        "embedder": "all-MiniLM-L6-v2 (L2-normalised)",
        "selection": f"max CV recall with FPR <= {MAX_FPR['dev']:.1%} (dev none), <= {MAX_FPR['diary']:.1%} (diary)",
    }
    return weights


def _kind(st: Statement) -> str:
    return "crisis" if st.crisis else f"{st.source}-none" if st.source == "dev" else "diary"


def _base_flags(statements, embed) -> np.ndarray:
    return np.array([crisis.detect_crisis(st.text, embed=embed, use_head=False).flagged for st in statements])


def _cv_figures(statements, base, scores, t) -> dict:
    """Head alone, rules and prototypes alone (fixed, tuned on these sets), and both OR-ed, out of fold."""
    y = np.array([st.crisis for st in statements])
    src = np.array([st.source for st in statements])
    return {
        "head_alone": _rates(scores, y, src, t),
        "rules_and_prototypes": _rates(scores, y, src, np.inf, base),
        "detector": _rates(scores, y, src, t, base),
        "head_added": _rates(np.where(base, -np.inf, scores), y, src, t),
    }


def _fmt(r: dict) -> str:
    return f"recall {r['recall']:.1%}  FPR dev {r['fpr_dev']:.1%}  diary {r['fpr_diary']:.2%}"


def save(weights: dict, path: Path = crisis_head.WEIGHTS) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(weights, indent=1, allow_nan=False) + "\n", encoding="utf-8")
    crisis_head._loaded.pop(path, None)  # this process reads the new weights from now on
