import json

from django.core.management.base import BaseCommand, CommandError

from ml_models.backends import ModelUnavailable
from ml_models.pipeline import get_pipeline
from ml_models.training import EVAL_SETS, evaluate_pipeline, format_report, load_eval


class Command(BaseCommand):
    help = "Accuracy, macro-F1 and confusion matrices of the configured models on the labelled journal set."

    def add_arguments(self, parser):
        parser.add_argument("--split", default="test", choices=["test", "train", "all"])
        parser.add_argument(
            "--set",
            dest="eval_set",
            default="hard",
            choices=sorted(EVAL_SETS),
            help="hard: journal_eval.jsonl (implicit feelings, mixed, sarcasm; has a train split); natural: "
            "journal_eval_natural.jsonl (test only, written independently in everyday proportions); hard2, hard3: "
            "journal_eval_hard2/3.jsonl (test only, hard cases written blind before the fifth/sixth round)",
        )
        parser.add_argument("--json", dest="json_path", help="also write the report as JSON here")

    def handle(self, *args, split, eval_set="hard", json_path=None, **options):
        try:
            pipeline = get_pipeline()
        except ModelUnavailable as exc:
            raise CommandError(str(exc)) from exc
        rows = load_eval(None if split == "all" else split, EVAL_SETS[eval_set])
        if not rows:
            raise CommandError(f"the {eval_set} set has no {split} split")
        report = evaluate_pipeline(pipeline, rows)
        self.stdout.write(f"models: {json.dumps(pipeline.versions)}\nset: {eval_set}, split: {split}\n")
        self.stdout.write(format_report(report))
        if json_path:
            with open(json_path, "w") as fh:
                json.dump({"set": eval_set, "split": split, "models": pipeline.versions, **report}, fh, indent=2)
