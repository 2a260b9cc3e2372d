from django.db import migrations


def mark_earlier_steps(apps, schema_editor):
    """Teams recorded before: their number was typed by hand, not given by Netra's register (an external decree),
    and their direct superior chairs them (no chair was recorded then). Summonses a supervisor allowed with a short
    notice did not respect the notice rules."""
    team_model = apps.get_model("casework", "ExaminationTeam")
    member_model = apps.get_model("casework", "ExaminationTeamMember")
    summons_model = apps.get_model("casework", "Summons")
    team_model.objects.update(decree_is_external=True)
    for team in team_model.objects.all():
        if not member_model.objects.filter(team=team, is_chair=True).exists():
            chair = member_model.objects.filter(team=team, role="direct_superior").order_by("id").first()
            if chair is not None:
                member_model.objects.filter(pk=chair.pk).update(is_chair=True)
    summons_model.objects.exclude(notice_override_reason="").update(notice_respected=False)


class Migration(migrations.Migration):
    dependencies = [("casework", "0006_signatories_teams_and_set_aside")]

    operations = [migrations.RunPython(mark_earlier_steps, migrations.RunPython.noop)]
