from django.db import migrations

from core.deadline_catalogue import DEADLINE_RULES


def load(apps, schema_editor):
    DeadlineRule = apps.get_model("core", "DeadlineRule")
    for row in DEADLINE_RULES:
        row = dict(row)
        code = row.pop("code")
        DeadlineRule.objects.update_or_create(code=code, defaults=row)


class Migration(migrations.Migration):
    dependencies = [("core", "0003_calendar_and_deadline_rules")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
