from django.db import migrations

from sanctions.catalogue.sanction_types import catalogue_rows


def load(apps, schema_editor):
    SanctionType = apps.get_model("sanctions", "SanctionType")
    for row in catalogue_rows():
        code, valid_from = row.pop("code"), row.pop("valid_from")
        SanctionType.objects.update_or_create(code=code, valid_from=valid_from, defaults=row)


class Migration(migrations.Migration):
    dependencies = [("sanctions", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
