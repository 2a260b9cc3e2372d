"""Adds rules D13 and D14 (appeal, docs/legal-basis.md §5.5) and D16 (follow-up of a Bawaslu/BKN recommendation,
docs/legal-basis.md §4.2). Existing rows are left as administrators edited them."""

from django.db import migrations

from core.deadline_catalogue import DEADLINE_RULES

NEW_CODES = ("D13", "D14", "D16")


def load(apps, schema_editor):
    DeadlineRule = apps.get_model("core", "DeadlineRule")
    for row in DEADLINE_RULES:
        if row["code"] not in NEW_CODES:
            continue
        row = dict(row)
        code = row.pop("code")
        DeadlineRule.objects.get_or_create(code=code, defaults=row)


class Migration(migrations.Migration):
    dependencies = [("core", "0005_notification")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
