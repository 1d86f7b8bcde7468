import dataclasses
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ml_models import finetune_train as F
from ml_models.backends import SentenceEmbedder, choose_device
from ml_models.registry import DEFAULT_HEADS_PATH, spec_for
from ml_models.training import train_heads


class Command(BaseCommand):
    help = (
        "Train the embedded default: the logistic-regression heads (ml_models/weights/default_heads.json) and the "
        "fine-tuned classifier (journal_classifier.safetensors). The classifier is trained on 80% of the earlier "
        "journal passages and 75% of the earlier crisis statements (later rounds' sets train only), measured on the "
        "rest, which chooses its blend weight and crisis threshold, and saved as measured (--retrain-on-all trains "
        "it again on everything with those choices; the shipped file was made so). Deterministic on the CPU; each "
        "pass takes about an hour on two cores."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(DEFAULT_HEADS_PATH))
        parser.add_argument("--classifier-output", default=str(F.finetuned.WEIGHTS))
        parser.add_argument("--heads-only", action="store_true", help="skip the fine-tuned classifier")
        parser.add_argument("--epochs", type=int, default=F.Settings.epochs)
        parser.add_argument("--limit", type=int, help="train on N examples of each kind, spread over the data (tests)")
        parser.add_argument(
            "--retrain-on-all",
            action="store_true",
            help="after measuring, train again on every example and save that model with the measured choices",
        )

    def handle(
        self,
        *args,
        output,
        classifier_output,
        heads_only=False,
        epochs=F.Settings.epochs,
        limit=None,
        retrain_on_all=False,
        **options,
    ):
        if epochs < 1:
            raise CommandError("--epochs must be at least 1")
        embedder = SentenceEmbedder(spec_for("embedding", "default", None), choose_device("cpu"))
        rows = F.spread(F.training_rows(), limit)
        heads = train_heads(embedder, rows)
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        Path(output).write_text(json.dumps(heads, separators=(",", ":")))
        for task in ("sentiment", "emotion"):
            self.stdout.write(f"{task}: C={heads[task]['C']} cross-validated macro-F1={heads[task]['cv_macro_f1']}")
        self.stdout.write(self.style.SUCCESS(f"wrote {output} from {len(rows)} training passages"))
        if heads_only:
            return
        settings = F.Settings(epochs=epochs)
        statements = F.spread(F.crisis_statements({r["text"] for r in rows}), limit)
        validation, model = F.validate(rows, statements, settings, embedder, log=self.stdout.write)
        settings = dataclasses.replace(settings, blend=validation["blend"])
        if retrain_on_all:
            # The blend weight and threshold were measured on the validation model; this one only resembles it.
            examples = F.journal_examples(rows) + F.crisis_examples(statements)
            self.stdout.write(f"training again on all {len(examples)} examples")
            _, model = F.fine_tune(examples, settings, log=self.stdout.write)
        # validation["trained_on"] stays what the measured model learnt from; this is what the saved one did.
        trained_on = validation["trained_on"]
        if retrain_on_all:
            trained_on = {"journal_passages": len(rows), "crisis_statements": len(statements)}
        F.save(
            model,
            settings,
            Path(classifier_output),
            crisis_threshold=str(validation["crisis_threshold"]),
            validation=validation,
            trained_on=trained_on,
        )
        self.stdout.write(self.style.SUCCESS(f"wrote {classifier_output}"))
        self.stdout.write("its crisis threshold is the validation quarter's: run choose_crisis_thresholds --write")
