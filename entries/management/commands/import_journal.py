"""manage.py import_journal --user U FILE [--dry-run] [--format F] [--json]"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from accounts.selectors import user_for_command
from entries.importers import FORMAT_CHOICES
from entries.importing.batches import run_import


class Command(BaseCommand):
    help = "Import a journal exported from Day One, jrnl, Daylio, Markdown files or Journaling itself."

    def add_arguments(self, parser):
        parser.add_argument("file", help="The export: a file, a zip archive, or a folder of Markdown files.")
        parser.add_argument("--user", required=True, help="Username of the account to import into (or id:12).")
        parser.add_argument("--format", default="auto", choices=[key for key, _ in FORMAT_CHOICES])
        parser.add_argument("--dry-run", action="store_true", help="Count what would be imported; write nothing.")
        parser.add_argument("--json", action="store_true", help="Print the report as JSON.")

    def handle(self, *args, **options):
        user = user_for_command(options["user"])
        path = Path(options["file"])
        if not path.exists():
            raise CommandError(f"No such file or folder: {path}")
        bar = tqdm(total=0, unit="B", unit_scale=True, desc="Reading", disable=options["json"] or None)

        def on_progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        try:
            report = run_import(
                user=user, path=path, fmt=options["format"], dry_run=options["dry_run"], on_progress=on_progress
            )
        finally:
            bar.close()
        if options["json"]:
            self.stdout.write(json.dumps(report.as_dict(), indent=2))
        else:
            self._print(report)
        if report.stopped:
            raise CommandError(f"Stopped early: {report.stopped}")

    def _print(self, report) -> None:
        verb = "Would import" if report.dry_run else "Imported"
        self.stdout.write(
            f"{verb} {report.new:,} new entries from {report.format}; "
            f"{report.duplicate:,} already imported; {report.skipped:,} skipped."
        )
        for reason in report.reasons[:20]:
            self.stdout.write(f"  skipped {reason['where']}: {reason['reason']}")
        if report.skipped > 20:
            self.stdout.write(f"  … and {report.skipped - 20:,} more skipped.")
