"""D16 is met when the case is taken up (its review started), not when a decision is signed (docs/deadlines.md): the
rule's outcome text says so. A row an administrator already reworded is left as it is."""

from django.db import migrations

OLD = (
    "hari terakhir PPK menindaklanjuti rekomendasi (keputusan ditetapkan)",
    "last day the PPK should follow the recommendation up (a decision signed)",
)
NEW = (
    "hari terakhir PPK menindaklanjuti rekomendasi (pemeriksaan kasus dimulai)",
    "last day the PPK should take the recommendation up (the case's review started)",
)


def reword(old, new):
    def run(apps, schema_editor):
        rules = apps.get_model("core", "DeadlineRule").objects.filter(code="D16", outcome=old[0], outcome_en=old[1])
        rules.update(outcome=new[0], outcome_en=new[1])

    return run


class Migration(migrations.Migration):
    dependencies = [("core", "0007_audit_key_id")]
    operations = [migrations.RunPython(reword(OLD, NEW), reword(NEW, OLD))]
