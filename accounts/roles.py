"""Roles are Django groups; their names and permissions are defined here and installed by a data migration."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    INTAKE_OFFICER = "intake_officer", _("Intake officer")
    EXAMINER = "examiner", _("Examiner")
    SANCTIONING_OFFICIAL = "sanctioning_official", _("Sanctioning official")
    LEADERSHIP = "leadership", _("Leadership")
    BAWASLU_OFFICE = "bawaslu_office", _("Bawaslu office")
    # BKN's account for the agency: sends recommendations through the API (violations.api.bkn).
    BKN = "bkn", _("BKN (recommending body)")
    ADMINISTRATOR = "administrator", _("Administrator")
    # Staff of Diskominfo's monitoring team, the Inspektorat or a direct superior who record internal findings.
    INTERNAL_REPORTER = "internal_reporter", _("Internal finding reporter")


# Model permissions (app_label.codename) each role's group receives. Business rules live in the
# services and permission predicates; these let the admin site show administrators what they edit.
ROLE_PERMISSIONS: dict[str, list[str]] = {
    Role.INTAKE_OFFICER: ["violations.view_report", "violations.view_violationtype"],
    Role.EXAMINER: ["violations.view_violationtype"],
    Role.SANCTIONING_OFFICIAL: ["violations.view_violationtype"],
    Role.LEADERSHIP: [],
    Role.BAWASLU_OFFICE: [],
    Role.BKN: [],
    Role.INTERNAL_REPORTER: ["violations.view_violationtype"],
    Role.ADMINISTRATOR: [
        f"{app}.{action}_{model}"
        for app, model in [
            ("accounts", "agency"),
            ("accounts", "unit"),
            ("accounts", "civilservant"),
            ("accounts", "bawasluoffice"),
            ("accounts", "user"),
            ("accounts", "lettercopyrecipient"),
            ("violations", "violationtype"),
            ("violations", "election"),
            ("sanctions", "sanctiontype"),
            ("sanctions", "authorityrule"),
            ("sanctions", "remedyrule"),
            ("core", "deadlinerule"),
            ("core", "dayoff"),
            ("sanctions", "staffingauthority"),
            ("sanctions", "conflictofinterest"),
            ("sanctions", "priorsanction"),
            ("casework", "teamdecreesignatory"),
        ]
        for action in ("view", "add", "change")
    ]
    + ["violations.view_report", "core.view_auditevent"]
    # Read-only in the admin: these change only through the services.
    + [
        f"casework.view_{model}"
        for model in (
            "case",
            "casetrack",
            "examinationteam",
            "examinationteammember",
            "summons",
            "examination",
            "examinationreport",
            "caseevidence",
            "letter",
            "letternumbersequence",
        )
    ]
    + [f"sanctions.view_{model}" for model in ("decision", "decisionrecusal", "objection", "executionrecord")],
}


def sync_roles(**kwargs: object) -> None:
    """Create each role's group and give it exactly its permissions (run after every migrate)."""
    from django.contrib.auth.models import Group, Permission

    for role, codes in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=str(role))
        wanted: list[Permission] = []
        for code in codes:
            app_label, codename = code.split(".")
            wanted.extend(Permission.objects.filter(content_type__app_label=app_label, codename=codename))
        group.permissions.set(wanted)
