from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("casework", "0007_mark_earlier_steps")]

    operations = [
        migrations.AddConstraint(
            model_name='examination',
            constraint=models.UniqueConstraint(condition=models.Q(('set_aside_at__isnull', True)), fields=('case',), name='examination_one_current_per_case'),
        ),
        migrations.AddConstraint(
            model_name='examinationteam',
            constraint=models.CheckConstraint(condition=models.Q(('decree_is_external', True), ('letter__isnull', False), _connector='OR'), name='examination_team_decree_numbered_or_external'),
        ),
        migrations.AddConstraint(
            model_name='examinationteammember',
            constraint=models.UniqueConstraint(condition=models.Q(('is_chair', True)), fields=('team',), name='examination_team_one_chair'),
        ),
        migrations.AddConstraint(
            model_name='summons',
            constraint=models.UniqueConstraint(condition=models.Q(('set_aside_at__isnull', True)), fields=('case', 'number'), name='summons_number_unique_per_case'),
        ),
        migrations.AddConstraint(
            model_name='summons',
            constraint=models.CheckConstraint(condition=models.Q(('notice_respected', True), models.Q(('notice_override_reason', ''), _negated=True), _connector='OR'), name='summons_short_notice_has_reason'),
        ),
    ]
