"""Decisions drafted before they kept the accused's register data: freeze what their letters read until now (the
case's register entry), so that a later change in the register no longer changes them either."""

from django.db import migrations

FIELDS = {
    "accused_nip": "nip",
    "accused_name": "name",
    "accused_rank": "rank",
    "accused_position": "position_title",
    "accused_employee_type": "employee_type",
}


def freeze_accused(apps, schema_editor):
    Decision = apps.get_model("sanctions", "Decision")
    unfrozen = Decision.objects.filter(accused_nip="", case__accused__isnull=False)
    for decision in unfrozen.select_related("case__accused__unit").iterator():
        accused = decision.case.accused
        values = {field: getattr(accused, source) for field, source in FIELDS.items()}
        Decision.objects.filter(pk=decision.pk).update(accused_unit=accused.unit.name, **values)


class Migration(migrations.Migration):
    dependencies = [("sanctions", "0010_decision_frozen_accused")]

    operations = [migrations.RunPython(freeze_accused, migrations.RunPython.noop)]
