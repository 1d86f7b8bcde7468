from pathlib import Path

from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Choose the crisis head's and the fine-tuned classifier's thresholds together on the validation sets no "
        "model trained on (operating_point.VALIDATION_SETS and ORDINARY_SETS): the highest recall "
        "whose false alarms stay within the limits in psychology/operating_point.py. Prints the current and the "
        "chosen operating points; --write stores the choice in the weights files. Deterministic."
    )

    def add_arguments(self, parser):
        parser.add_argument("--write", action="store_true", help="store the chosen thresholds")
        parser.add_argument("--json", help="also write the figures to this file")

    def handle(self, *args, write=False, json=None, **options):
        import json as jsonlib

        from django.conf import settings

        from ml_models import finetuned
        from ml_models.pipeline import get_pipeline
        from psychology import crisis_head
        from psychology import operating_point as O
        from psychology.dev_eval import CachedEmbed

        texts = O.validation_texts()
        if not texts["crisis"] or not texts["hard negatives"] or not texts["ordinary passages"]:
            missing = [str(p) for p in O.VALIDATION_SETS + O.ORDINARY_SETS]
            raise CommandError(f"the validation sets are missing or empty: {missing}")
        pipeline = get_pipeline()
        if pipeline.classifier is None or crisis_head.load() is None:
            raise CommandError("both the crisis head and the fine-tuned classifier must be loaded")
        parts = O.signals(texts, CachedEmbed(pipeline.embedder.encode), pipeline.classifier, crisis_head.load())
        old = O.current_thresholds(pipeline.classifier)
        try:
            head_t, model_t, chosen = O.choose(parts)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        rows = [("current", *old, O.rates(parts, *old)), ("chosen", head_t, model_t, chosen)]
        self.stdout.write(f"{'':8} {'head':>6} {'model':>8} {'recall':>7} " + " ".join(f"{k:>22}" for k in O.MAX_FPR))
        for name, h, m, r in rows:
            cells = " ".join(f"{r[k]:>22.1%}" for k in O.MAX_FPR)
            self.stdout.write(f"{name:8} {h:>6.3f} {m:>8.5f} {r['recall']:>7.1%} {cells}")
        record = {
            "chosen_on": [p.name for p in O.VALIDATION_SETS + O.ORDINARY_SETS],
            "counts": {p.group: int(len(p.base)) for p in parts},
            "max_fpr": O.MAX_FPR,
            "previous": {"head": O.finite(old[0]), "model": O.finite(old[1]), "rates": _rounded(rows[0][3])},
            "rates": _rounded(chosen),
        }
        if json:
            figures = {"head": O.finite(head_t), "model": model_t, **record}
            Path(json).write_text(jsonlib.dumps(figures, indent=1) + "\n")
        if write:
            path = finetuned.configured_path(settings.ML_FINETUNED_CLASSIFIER)
            O.write(head_t, model_t, record, path, crisis_head.WEIGHTS)
            self.stdout.write(self.style.SUCCESS(f"wrote thresholds {head_t} (head) and {model_t} (classifier)"))
        elif (head_t, model_t) != old:
            self.stdout.write("not written (use --write)")


def _rounded(rates: dict) -> dict:
    return {k: round(v, 4) for k, v in rates.items()}
