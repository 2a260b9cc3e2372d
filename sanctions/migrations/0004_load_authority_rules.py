from django.db import migrations

from sanctions.catalogue.authority_rules import authority_rows


def load(apps, schema_editor):
    AuthorityRule = apps.get_model("sanctions", "AuthorityRule")
    for row in authority_rows():
        keys = {key: row.pop(key) for key in ("position_kind", "functional_scope", "level", "sanction_code", "valid_from")}
        AuthorityRule.objects.update_or_create(**keys, defaults=row)


class Migration(migrations.Migration):
    dependencies = [("sanctions", "0003_authority_rules")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
