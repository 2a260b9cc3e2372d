from django.db import migrations

from violations.catalogue import norms


def load(apps, schema_editor):
    ViolationKind = apps.get_model("violations", "ViolationKind")
    ViolationType = apps.get_model("violations", "ViolationType")
    kind_row = dict(norms.SAME_KIND)
    code = kind_row.pop("code")
    kind, _created = ViolationKind.objects.update_or_create(code=code, defaults=kind_row)
    for violation in ViolationType.objects.all():
        basis, alternative, alternative_basis = norms.LEVEL_READINGS.get(violation.code, ("", "", ""))
        violation.level_basis = basis
        violation.alternative_level = alternative
        violation.alternative_level_basis = alternative_basis
        violation.ethics_article = norms.ETHICS_ARTICLE if violation.code in norms.ETHICS_CODES else ""
        violation.repeat_kind = kind if violation.code in norms.SAME_KIND_CODES else None
        if violation.code in norms.CHANGED_ROWS:
            violation.discipline_level, violation.article, violation.note = norms.CHANGED_ROWS[violation.code]
        violation.save()


class Migration(migrations.Migration):
    dependencies = [("violations", "0005_violation_readings_and_kinds")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
