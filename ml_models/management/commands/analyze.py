import json
import sys

from django.core.management.base import BaseCommand, CommandError

from ml_models.backends import ModelUnavailable
from ml_models.pipeline import get_pipeline

BATCH = 32


class Command(BaseCommand):
    help = "Analyse texts (one per line on stdin, or --file) and print one JSON object per line."

    def add_arguments(self, parser):
        parser.add_argument("--file", help="read texts from this file instead of stdin")

    def handle(self, *args, file=None, **options):
        try:
            # Lines end at \n only, as on stdin: a lone \r inside a text must not make two lines of it from a file.
            stream = open(file, encoding="utf-8", newline="\n") if file else sys.stdin  # noqa: SIM115
        except OSError as exc:
            raise CommandError(f"cannot read {file}: {exc}") from exc
        try:
            pipeline = get_pipeline()
        except ModelUnavailable as exc:
            raise CommandError(str(exc)) from exc
        batch: list[str] = []
        with stream:
            for line in stream:
                batch.append(line.rstrip("\r\n"))  # every line, blank ones too: output line n answers input line n
                if len(batch) >= BATCH:
                    self._emit(pipeline, batch)
                    batch = []
        if batch:
            self._emit(pipeline, batch)

    def _emit(self, pipeline, lines):
        texts = [line for line in lines if line.strip()]
        results = iter(pipeline.analyze(texts) if texts else [])
        for line in lines:
            if not line.strip():
                self.stdout.write(json.dumps({"text": line, "error": "empty line: nothing to analyse"}))
                continue
            text, result = line, next(results)
            out = {
                "text": text[:200],
                "sentiment": result["sentiment"],
                "emotions": result["emotions"],
                "crisis": result["crisis"],
                "embedding_dim": int(result["embedding"].shape[0]),
            }
            self.stdout.write(json.dumps(out, ensure_ascii=False))
