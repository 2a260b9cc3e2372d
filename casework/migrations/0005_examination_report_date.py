"""The LHP's own date: existing reports take the Jakarta date they were written on."""

import zoneinfo

from django.db import migrations, models

JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")


def date_existing_reports(apps, schema_editor):
    ExaminationReport = apps.get_model("casework", "ExaminationReport")
    for report in ExaminationReport.objects.filter(reported_on__isnull=True).only("pk", "created_at"):
        report.reported_on = report.created_at.astimezone(JAKARTA).date()
        report.save(update_fields=["reported_on"])


class Migration(migrations.Migration):
    dependencies = [
        ("casework", "0004_case_decided_closed"),
    ]

    operations = [
        migrations.AddField(
            model_name="examinationreport",
            name="reported_on",
            field=models.DateField(blank=True, null=True, verbose_name="date of the report"),
        ),
        migrations.RunPython(date_existing_reports, migrations.RunPython.noop),
    ]
