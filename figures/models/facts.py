"""The summary tables every figure is read from (docs/statistics.md, "How the figures stay current").

- `CaseFact`: one row per case with everything a dashboard widget groups or filters by, flattened from cases,
  their reports, the examination report, the register entry of the accused and the case's main decision. Written
  only by figures.refresh (set-based SQL), never by hand.
- `WorkingDayOrdinal`: the working-day calendar as numbers (core.calendar's days), so working days between two
  dates are one subtraction in SQL: ordinal(end) − ordinal(start).
- `PublicCell`: the public statistics' counts per agency (never per unit), from which national tables are summed.
- `RefreshState`: how far the tables are (the last audit event taken into account, when, the calendar used).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkingDayOrdinal(models.Model):
    """`ordinal`: the number of working days from the calendar's first day up to and including `day`."""

    day = models.DateField(primary_key=True)
    ordinal = models.IntegerField()

    class Meta:
        verbose_name = _("working-day ordinal")
        verbose_name_plural = _("working-day ordinals")

    def __str__(self) -> str:
        return f"{self.day}: {self.ordinal}"


class CaseFact(models.Model):
    """A case as the figures see it: no name, no NIP, no text of the case — codes, dates and flags only."""

    case = models.OneToOneField(
        "casework.Case", primary_key=True, on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    agency = models.ForeignKey("accounts.Agency", on_delete=models.DO_NOTHING, related_name="+", db_constraint=False)
    registered_on = models.DateField()
    status = models.CharField(max_length=30)
    is_open = models.BooleanField()
    ended_on = models.DateField(null=True)
    unit = models.ForeignKey(
        "accounts.Unit", null=True, on_delete=models.DO_NOTHING, related_name="+", db_constraint=False
    )
    position_kind = models.CharField(max_length=20, blank=True)
    employee_type = models.CharField(max_length=10, blank=True)
    channel = models.CharField(max_length=20, blank=True)
    election = models.ForeignKey(
        "violations.Election", null=True, on_delete=models.DO_NOTHING, related_name="+", db_constraint=False
    )
    election_stage = models.CharField(max_length=20, blank=True)
    # Every violation code of the case (its reports' and its examination report's); the first one, by the
    # catalogue's order and the examination report first, is the one a partition (the public tables) counts.
    # Stored as ",N02,N04," so "has violation N04" is a portable `contains ",N04,"`.
    violation_codes = models.CharField(max_length=200, blank=True)
    violation_code = models.CharField(max_length=10, blank=True)
    social_media = models.BooleanField(default=False)
    examined = models.BooleanField(default=False)
    first_received_on = models.DateField(null=True)
    # The case's main decision: the newest live version, the discipline track first (as the follow-through register).
    decision_status = models.CharField(max_length=30, blank=True)
    decision_outcome = models.CharField(max_length=20, blank=True)
    decided_on = models.DateField(null=True)
    delivered_on = models.DateField(null=True)
    in_effect = models.BooleanField(default=False)
    executed = models.BooleanField(default=False)
    served = models.BooleanField(default=False)
    annulled = models.BooleanField(default=False)
    not_proven = models.BooleanField(default=False)
    sanction_code = models.CharField(max_length=10, blank=True)
    sanction_level = models.CharField(max_length=20, blank=True)
    sanction_track = models.CharField(max_length=20, blank=True)
    # The latest objection or appeal on any version: "" none, else "<kind>:<status or outcome>".
    objection = models.CharField(max_length=40, blank=True)
    days_to_decision = models.IntegerField(null=True)
    days_to_delivery = models.IntegerField(null=True)
    refreshed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("case figures")
        verbose_name_plural = _("case figures")
        indexes = [
            models.Index(fields=["agency", "registered_on"], name="casefact_agency_registered"),
            models.Index(fields=["agency", "ended_on"], name="casefact_agency_ended"),
            models.Index(fields=["agency", "is_open", "status"], name="casefact_agency_open"),
        ]

    def __str__(self) -> str:
        return f"case {self.case_id}"


class PublicCell(models.Model):
    """One count of a public table for one agency, e.g. (cases_by_month, "2024-10") = 12. National = the sum."""

    agency = models.ForeignKey("accounts.Agency", on_delete=models.CASCADE, related_name="+", db_constraint=False)
    table = models.CharField(max_length=40)
    key = models.CharField(max_length=40)
    value = models.IntegerField()

    class Meta:
        verbose_name = _("public statistics cell")
        verbose_name_plural = _("public statistics cells")
        constraints = [models.UniqueConstraint(fields=["agency", "table", "key"], name="public_cell_unique")]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.table}[{self.key}] = {self.value}"


class RefreshState(models.Model):
    """The single row saying how current the summary tables are (figures.refresh writes it)."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    last_event_id = models.BigIntegerField(default=0)
    refreshed_at = models.DateTimeField(null=True)
    rebuilt_at = models.DateTimeField(null=True)
    # What the working-day table was built from (core's DayOff rows): a change rebuilds it and every duration.
    calendar_signature = models.CharField(max_length=64, blank=True)
    # Bumped whenever the public cells change, so the suppressed tables can be cached until then.
    public_version = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("figures refresh state")
        verbose_name_plural = _("figures refresh state")
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="refresh_state_single_row")]

    def __str__(self) -> str:
        return f"event {self.last_event_id} at {self.refreshed_at}"
