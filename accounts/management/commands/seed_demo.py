import datetime

from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.models import User
from entries import services
from entries.models import Mood

DEMO_PASSWORD = "demo-journal-2026"
ENTRIES = [
    (
        "A good start",
        "Went for a long walk by the river this morning. The air was cold and clear and I felt "
        "properly awake for the first time this week. **Grateful** for small things.",
        Mood.GOOD,
        ["walks"],
        3,
    ),
    (
        "Deadline",
        "Work was a lot today. The report is due Friday and I keep rewriting the same paragraph. "
        "I'm worried I'll let the team down.",
        Mood.BAD,
        ["work"],
        2,
    ),
    ("", "Quiet day. Laundry, groceries, cooked lentil soup. Called mum in the evening.", Mood.OKAY, [], 1),
]


class Command(BaseCommand):
    help = "Create the demo user (demo / demo-journal-2026) with a few entries. Safe to run again."

    @transaction.atomic
    def handle(self, *args, **options):
        user, created = User.objects.get_or_create(
            username="demo", defaults={"display_name": "Demo", "email": "demo@example.com"}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            work = services.create_topic(user=user, name="Work", colour="#8a3b12")
            today = datetime.date.today()
            for title, content, mood, tags, days_ago in ENTRIES:
                services.create_entry(
                    user=user, title=title, content=content, mood=mood, tags=tags,
                    topic=work if "work" in tags else None, entry_date=today - datetime.timedelta(days=days_ago),
                )  # fmt: skip
        self.stdout.write(f"demo user ready: demo / {DEMO_PASSWORD}")
