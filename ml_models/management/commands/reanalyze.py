import datetime

from django.core.management.base import BaseCommand
from django.db.models import F, Q
from tqdm import tqdm

from accounts.selectors import user_for_command
from entries import analysis
from entries.models import Entry
from ml_models.pipeline import get_pipeline
from ml_models.runner import run_analysis


class Command(BaseCommand):
    help = (
        "Re-run analysis in this process, for entries not analysed yet (or edited since) and, with --all, entries "
        "analysed by other models than the ones loaded now. Resumable: run it again and it goes on where it stopped."
    )

    def add_arguments(self, parser):
        parser.add_argument("--user", help="username (or id:12)")
        parser.add_argument("--since", type=datetime.date.fromisoformat, help="entry_date on or after (YYYY-MM-DD)")
        parser.add_argument("--all", action="store_true", help="also entries analysed by other model versions")
        parser.add_argument("--batch-size", type=int, default=32)

    def handle(self, *args, user=None, since=None, all=False, batch_size=32, **options):
        qs = Entry.objects.all()
        if user:
            qs = qs.filter(user=user_for_command(user))
        if since:
            qs = qs.filter(entry_date__gte=since)
        todo = Q(analysed_version__isnull=True) | ~Q(analysed_version=F("content_version"))
        if all:
            # Entries these models already analysed are done: an interrupted run resumes where it stopped. The device
            # is recorded but not compared: the same models on a GPU and on a CPU give the same answers to rounding.
            models = {k: v for k, v in get_pipeline().versions.items() if k != "device"}
            todo |= ~Q(model_versions__contains=models)  # a record missing a task counts as another version
        ids = list(qs.filter(todo).order_by("pk").values_list("pk", flat=True))
        done = 0
        with tqdm(total=len(ids), unit="entry", disable=not ids) as bar:
            for start in range(0, len(ids), batch_size):
                batch = ids[start : start + batch_size]
                # A batch at a time, just before it runs: the sweep never sees a long stale backlog.
                analysis.request_reanalysis(entry_ids=batch)
                done += run_analysis(batch, final_attempt=True, max_attempts=None)
                bar.update(len(batch))
        self.stdout.write(self.style.SUCCESS(f"analysed {done} of {len(ids)} entries"))
