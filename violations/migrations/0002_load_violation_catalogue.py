from django.db import migrations

from violations.catalogue.violation_types import catalogue_rows


def load(apps, schema_editor):
    ViolationType = apps.get_model("violations", "ViolationType")
    for row in catalogue_rows():
        code = row.pop("code")
        ViolationType.objects.update_or_create(code=code, defaults=row)


class Migration(migrations.Migration):
    dependencies = [("violations", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
