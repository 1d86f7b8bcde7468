"""manage.py export_journal --user U [--output FILE] [--embeddings]"""

from pathlib import Path

from django.core.management.base import BaseCommand

from accounts.portability.export import export_filename, write_export
from accounts.selectors import user_for_command


class Command(BaseCommand):
    help = "Write one account's journal to a zip: entries.json, Markdown files, analysis.json, assessments."

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="Username of the account to export (or its id, as id:12).")
        parser.add_argument("--output", help="Where to write the zip (default: journal-<user>-<date>.zip here).")
        parser.add_argument("--embeddings", action="store_true", help="Include the embedding vectors.")

    def handle(self, *args, **options):
        user = user_for_command(options["user"])
        output = Path(options["output"] or export_filename(user))
        if output.is_dir():
            output = output / export_filename(user)
        with open(output, "wb") as fileobj:
            counts = write_export(user=user, fileobj=fileobj, include_embeddings=options["embeddings"])
        self.stdout.write(f"Wrote {counts['entries']:,} entries to {output}")
