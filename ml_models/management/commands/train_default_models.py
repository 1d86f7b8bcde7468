import json

from django.core.management.base import BaseCommand

from ml_models.backends import SentenceEmbedder, choose_device
from ml_models.registry import DEFAULT_HEADS_PATH, spec_for
from ml_models.training import load_training_rows, train_heads


class Command(BaseCommand):
    help = "Train the embedded default sentiment/emotion heads from the train split; writes ml_models/weights/."

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(DEFAULT_HEADS_PATH))

    def handle(self, *args, output, **options):
        embedder = SentenceEmbedder(spec_for("embedding", "default", None), choose_device("cpu"))
        rows = load_training_rows()
        heads = train_heads(embedder, rows)
        from pathlib import Path

        Path(output).parent.mkdir(parents=True, exist_ok=True)
        Path(output).write_text(json.dumps(heads, separators=(",", ":")))
        for task in ("sentiment", "emotion"):
            self.stdout.write(f"{task}: C={heads[task]['C']} cross-validated macro-F1={heads[task]['cv_macro_f1']}")
        self.stdout.write(self.style.SUCCESS(f"wrote {output} from {len(rows)} training passages"))
