"""WhatsApp-only lines get a field of their own: two were filed as SMS numbers, so the page offered an SMS link to a
number that only answers on WhatsApp (Italy's Telefono Amico, Singapore's CareText)."""

import json
from pathlib import Path

import django.core.validators
from django.db import migrations, models

DATA = Path(__file__).resolve().parent.parent / "data" / "crisis_resources.json"
FILED_AS_SMS = {"IT": "324 011 7252", "SG": "9151 1767"}  # what 0002 loaded into `text`


def move_whatsapp_numbers(apps, schema_editor):
    CrisisResource = apps.get_model("psychology", "CrisisResource")
    countries = json.loads(DATA.read_text(encoding="utf-8"))["countries"]
    for code, row in countries.items():
        if not row.get("whatsapp"):
            continue
        # Only a row as loaded (or still blank): an admin's own edit of the SMS number stays.
        CrisisResource.objects.filter(country=code, whatsapp="", text__in=["", FILED_AS_SMS.get(code, "")]).update(
            whatsapp=row["whatsapp"], text=""
        )


class Migration(migrations.Migration):
    dependencies = [("psychology", "0002_load_knowledge_base")]

    operations = [
        migrations.AlterField(
            model_name="crisisresource",
            name="text",
            field=models.CharField(
                blank=True, help_text="SMS number, if any (a line that takes texts).", max_length=40
            ),
        ),
        migrations.AddField(
            model_name="crisisresource",
            name="whatsapp",
            field=models.CharField(
                blank=True,
                help_text="WhatsApp number in international form (+39 ...), if any. Not SMS.",
                max_length=40,
                validators=[
                    django.core.validators.RegexValidator(
                        "^\\+[1-9][\\d ]{5,}$", "Start with + and the country code, e.g. +39 324 011 7252."
                    )
                ],
            ),
        ),
        migrations.RunPython(move_whatsapp_numbers, migrations.RunPython.noop),
    ]
