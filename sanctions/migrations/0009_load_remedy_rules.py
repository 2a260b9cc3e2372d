"""Issue 9: who decides an objection or appeal, as data (sanctions.catalogue.remedy_rules); the objections and appeals
recorded before point at the rule that applied to them (every objection went to the PPK, every appeal to the BPASN)."""

from django.db import migrations

from sanctions.catalogue import remedy_rules


def load(apps, schema_editor):
    RemedyRule = apps.get_model("sanctions", "RemedyRule")
    Objection = apps.get_model("sanctions", "Objection")
    for row in remedy_rules.remedy_rule_rows():
        keys = {key: row.pop(key) for key in ("remedy", "decided_by", "valid_from")}
        RemedyRule.objects.update_or_create(**keys, defaults=row)
    earlier = {
        "objection": RemedyRule.objects.filter(remedy="objection", decided_by="staffing_authority").first(),
        "appeal": RemedyRule.objects.filter(remedy="appeal", decided_by="").first(),
    }
    for kind, rule in earlier.items():
        Objection.objects.filter(kind=kind, remedy_rule__isnull=True).update(remedy_rule=rule)


class Migration(migrations.Migration):
    dependencies = [("sanctions", "0008_remedy_rules_and_appeals")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
