"""manage.py export_journal --user U [--output FILE] [--embeddings]"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.portability.export import export_filename, write_export


class Command(BaseCommand):
    help = "Write one account's journal to a zip: entries.json, Markdown files, analysis.json, assessments."

    def add_arguments(self, parser):
        parser.add_argument("--user", required=True, help="Username (or id) of the account to export.")
        parser.add_argument("--output", help="Where to write the zip (default: journal-<user>-<date>.zip here).")
        parser.add_argument("--embeddings", action="store_true", help="Include the embedding vectors.")

    def handle(self, *args, **options):
        users = get_user_model().objects
        value = options["user"]
        user = users.filter(username=value).first() or (users.filter(pk=value).first() if value.isdigit() else None)
        if user is None:
            raise CommandError(f"No user {value!r}.")
        output = Path(options["output"] or export_filename(user))
        if output.is_dir():
            output = output / export_filename(user)
        with open(output, "wb") as fileobj:
            counts = write_export(user=user, fileobj=fileobj, include_embeddings=options["embeddings"])
        self.stdout.write(f"Wrote {counts['entries']:,} entries to {output}")
