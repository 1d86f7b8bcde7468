"""Load the verified knowledge base from psychology/data/*.json. Idempotent: update_or_create by slug/country.

Self-contained on purpose (no app imports): a data migration must keep working after the models move on.
Embeddings are not computed here; a worker fills them in (psychology.tasks.embed_techniques).
"""

import datetime
import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data"
TECHNIQUE_FIELDS = ("name", "family", "summary", "when_it_helps", "emotions", "steps", "duration_minutes", "sources")
TRAP_FIELDS = ("name", "description", "examples", "patterns", "reframe")


def _read(name):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _resource_fields(row, *, default=False):
    verified = row.get("last_verified")
    return {
        "name": row["name"],
        "phone": row.get("phone") or "",
        "text": row.get("text") or "",
        "url": row.get("url") or "",
        "emergency": row.get("emergency") or "",
        "hours": row.get("hours") or "",
        # The default entry describes the directory; country entries carry practical notes.
        "notes": (row.get("description") if default else row.get("notes")) or "",
        "alternatives": row.get("alternatives") or [],
        "last_verified": datetime.date.fromisoformat(verified) if verified else None,
        "is_active": True,
    }


def load(apps, schema_editor):
    Technique = apps.get_model("psychology", "Technique")
    ThinkingTrap = apps.get_model("psychology", "ThinkingTrap")
    CrisisResource = apps.get_model("psychology", "CrisisResource")
    for row in _read("techniques.json"):
        Technique.objects.update_or_create(slug=row["slug"], defaults={k: row[k] for k in TECHNIQUE_FIELDS})
    for row in _read("thinking_traps.json"):
        ThinkingTrap.objects.update_or_create(slug=row["slug"], defaults={k: row.get(k, []) for k in TRAP_FIELDS})
    resources = _read("crisis_resources.json")
    CrisisResource.objects.update_or_create(country="", defaults=_resource_fields(resources["default"], default=True))
    for country, row in resources["countries"].items():
        CrisisResource.objects.update_or_create(country=country.upper(), defaults=_resource_fields(row))


class Migration(migrations.Migration):
    dependencies = [("psychology", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
