from django.core.management.base import BaseCommand

from psychology import services
from psychology.tasks import enqueue_embedding


class Command(BaseCommand):
    help = (
        "Compute technique embeddings (name + when it helps) with the worker's sentence embedder. Runs in this "
        "process, never the web one; --enqueue hands the job to a worker instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="re-embed even techniques that are current")
        parser.add_argument("--enqueue", action="store_true", help="send the job to the inference workers")

    def handle(self, *args, force=False, enqueue=False, **options):
        if enqueue:
            ok = enqueue_embedding(None, force=force)
            self.stdout.write(self.style.SUCCESS("enqueued") if ok else self.style.ERROR("broker unreachable"))
            return
        from ml_models.pipeline import get_pipeline

        count = services.embed_techniques(encode=lambda texts: get_pipeline().embedder.encode(texts), force=force)
        self.stdout.write(self.style.SUCCESS(f"embedded {count} technique(s)"))
