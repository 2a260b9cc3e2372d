"""Daily reminders after the decision: in-app notification and e-mail, once per deadline, person and day.

`sanction_reminders_send(today=None)` (the Celery beat task sanctions.send_reminders) does nothing on a day that is
not a working day. Otherwise it notifies, for:

- a decision signed but not delivered whose rule D8 date is within NETRA_REMINDER_DAYS_AHEAD working days
  (default 2) or past: the official who signed it and the agency's intake officers (who record the delivery);
- a pending objection whose due date (D12) is that near or past: the official its remedy rule names to decide it (the
  PPK, or the superior of the official who decided) and the agency's intake officers;
- a pending appeal the PPK has not yet answered whose response date (D14) is that near or past: the PPK (the first
  staffing authority not recused) and the agency's intake officers. The BPASN's ruling has no date in Netra;
- (both due dates computed from the calendar today, `Objection.due_on`: a day off added since moves them);
- a sanction being served whose end date (D15) is within NETRA_SANCTION_END_REMINDER_DAYS working days (default
  5): the agency's intake officers and administrators, who restore the allowance or position.

Inactive accounts get nothing. The dedup key `sanctions:<kind>:<id>:<due>:<today>` (core.notifications) gives each
person one notification per deadline per day; the e-mail goes out after commit only for a new notification, so a
second run on the same day sends nothing more (the pattern of casework.reminders).
"""

import datetime
import logging
from dataclasses import dataclass, field
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_noop

from accounts.actors import Actor
from accounts.roles import Role
from casework.models import Case
from core import clock
from core.calendar import WorkingCalendar, deadline_for
from core.deadline_catalogue import DeadlineCode
from core.errors import DomainError
from core.notifications import notification_send, notification_text
from core.transactions import on_commit
from sanctions.competent_official import route_objection, staffing_authority_for
from sanctions.models import Decision, Objection

logger = logging.getLogger(__name__)

DELIVERY = "delivery"
OBJECTION = "objection"
APPEAL_RESPONSE = "appeal_response"
SANCTION_END = "sanction_end"

MESSAGES = {
    (DELIVERY, False): gettext_noop(
        "Case %(case)s: decision %(number)s must be delivered to the accused by %(due)s (rule %(rule)s). "
        "Responsible: %(responsible)s."
    ),
    (DELIVERY, True): gettext_noop(
        "Overdue — case %(case)s: decision %(number)s had to be delivered to the accused by %(due)s "
        "(rule %(rule)s). Responsible: %(responsible)s."
    ),
    (OBJECTION, False): gettext_noop(
        "Case %(case)s: the objection against decision %(number)s must be decided by %(due)s (rule %(rule)s). "
        "Responsible: %(responsible)s."
    ),
    (OBJECTION, True): gettext_noop(
        "Overdue — case %(case)s: the objection against decision %(number)s had to be decided by %(due)s "
        "(rule %(rule)s). Responsible: %(responsible)s."
    ),
    (APPEAL_RESPONSE, False): gettext_noop(
        "Case %(case)s: the PPK's response to the appeal against decision %(number)s must reach the BPASN by "
        "%(due)s (rule %(rule)s). Responsible: %(responsible)s."
    ),
    (APPEAL_RESPONSE, True): gettext_noop(
        "Overdue — case %(case)s: the PPK's response to the appeal against decision %(number)s had to reach the "
        "BPASN by %(due)s (rule %(rule)s). Responsible: %(responsible)s."
    ),
    (SANCTION_END, False): gettext_noop(
        "Case %(case)s: the sanction of decision %(number)s ends on %(due)s (rule %(rule)s): restore the "
        "allowance or position. Responsible: %(responsible)s."
    ),
}
EMAIL_SUBJECT = gettext_noop("Netra: deadline reminder for case %(case)s")


@dataclass(frozen=True)
class SanctionDeadline:
    kind: str
    subject_id: int
    case: Case
    number: str
    rule: str
    due: datetime.date
    overdue: bool
    responsible: tuple[Actor, ...]
    responsible_names: str


@dataclass
class ReminderRun:
    """What one run did (for the task's result and the tests)."""

    today: datetime.date
    working_day: bool
    notifications: int = 0
    emails: int = 0
    skipped_duplicates: int = 0
    cases: set[int] = field(default_factory=set)


def days_ahead() -> int:
    """How many working days ahead a deadline is announced (the setting casework's reminders use too)."""
    return int(getattr(settings, "NETRA_REMINDER_DAYS_AHEAD", 2))


def end_days_ahead() -> int:
    return int(getattr(settings, "NETRA_SANCTION_END_REMINDER_DAYS", 5))


def _agency_officers(agency_id: int, *roles: str) -> list[Actor]:
    return list(
        get_user_model()
        .objects.filter(agency_id=agency_id, is_active=True, groups__name__in=[str(role) for role in roles])
        .distinct()
        .order_by("id")
    )


def _name(user: Actor) -> str:
    return str(user.get_full_name() or user.get_username())


def _unique(users: list[Actor | None]) -> tuple[Actor, ...]:
    seen: dict[int, Actor] = {}
    for user in users:
        if user is not None and user.is_active:
            seen.setdefault(user.pk, user)
    return tuple(seen.values())


def _delivery_deadlines(horizon: datetime.date, today: datetime.date) -> list[SanctionDeadline]:
    found = []
    signed = Decision.objects.filter(status=Decision.Status.SIGNED, decision_date__isnull=False)
    for decision in signed.select_related("case", "signed_by", "letter").order_by("decision_date", "id"):
        assert decision.decision_date is not None
        due = deadline_for(DeadlineCode.DELIVERY, decision.decision_date)
        if due > horizon:
            continue
        officers = _agency_officers(decision.case.agency_id, Role.INTAKE_OFFICER)
        found.append(
            SanctionDeadline(
                DELIVERY, decision.pk, decision.case, decision.number or f"#{decision.pk}", DeadlineCode.DELIVERY,
                due, due < today, _unique([decision.signed_by, *officers]),
                _name(decision.signed_by) if decision.signed_by else "—",
            )
        )  # fmt: skip
    return found


def _who_acts(objection: Objection, today: datetime.date) -> Actor | None:
    """Who must act by the due date: the official who decides the objection, the PPK who answers the appeal."""
    decision = objection.decision
    try:
        if objection.is_appeal:
            return staffing_authority_for(decision.case, on=today).official
        return route_objection(decision, rule=objection.remedy_rule, on=today).official
    except DomainError:
        return None


def _objection_deadlines(horizon: datetime.date, today: datetime.date) -> list[SanctionDeadline]:
    found = []
    pending = Objection.objects.filter(status=Objection.Status.PENDING).select_related(
        "decision__case", "decision__letter", "decision__sanction_type", "decision__signed_by", "remedy_rule"
    )
    for objection in pending.order_by("filed_on", "id"):
        due = objection.due_on
        if due is None or due > horizon or (objection.is_appeal and not objection.awaits_response):
            continue
        case = objection.decision.case
        acts = _who_acts(objection, today)
        officers = _agency_officers(case.agency_id, Role.INTAKE_OFFICER)
        found.append(
            SanctionDeadline(
                APPEAL_RESPONSE if objection.is_appeal else OBJECTION, objection.pk, case,
                objection.decision.number or f"#{objection.decision_id}", objection.due_rule, due, due < today,
                _unique([acts, *officers]), _name(acts) if acts else "—",
            )
        )  # fmt: skip
    return found


def _sanction_end_deadlines(end_horizon: datetime.date, today: datetime.date) -> list[SanctionDeadline]:
    found = []
    serving = Decision.objects.filter(
        Q(sanction_ends_on__gte=today) & Q(sanction_ends_on__lte=end_horizon),
        status=Decision.Status.EFFECTIVE,
        execution_status=Decision.Execution.SERVING,
    )
    for decision in serving.select_related("case", "letter").order_by("sanction_ends_on", "id"):
        assert decision.sanction_ends_on is not None
        officers = _agency_officers(decision.case.agency_id, Role.INTAKE_OFFICER, Role.ADMINISTRATOR)
        found.append(
            SanctionDeadline(
                SANCTION_END, decision.pk, decision.case, decision.number or f"#{decision.pk}",
                DeadlineCode.SANCTION_END, decision.sanction_ends_on, False, _unique(list(officers)),
                ", ".join(_name(user) for user in officers) or "—",
            )
        )  # fmt: skip
    return found


def sanction_deadlines(today: datetime.date, *, working_calendar: WorkingCalendar) -> list[SanctionDeadline]:
    """Today's open deadlines after the decision that are near or past (see the module docstring)."""
    ahead = days_ahead()
    horizon = working_calendar.add_working_days(today, ahead) if ahead > 0 else today
    end_horizon = working_calendar.add_working_days(today, end_days_ahead()) if end_days_ahead() > 0 else today
    return [
        *_delivery_deadlines(horizon, today),
        *_objection_deadlines(horizon, today),
        *_sanction_end_deadlines(end_horizon, today),
    ]


def _send_email(*, to: str, subject: str, body: str, url: str) -> None:
    try:
        send_mail(subject, f"{body}\n\n{url}", None, [to])
    except Exception:  # an unreachable mail server must not lose the in-app reminders of everyone else
        logger.exception("Sanction reminder e-mail to %s could not be sent", to)


def _notify(*, user: Actor, deadline: SanctionDeadline, today: datetime.date, run: ReminderRun) -> None:
    message = MESSAGES[(deadline.kind, deadline.overdue)]
    params = {
        "case": deadline.case.number,
        "number": deadline.number,
        "due": deadline.due.isoformat(),
        "rule": deadline.rule,
        "responsible": deadline.responsible_names,
    }
    path = reverse("casework:case-detail", args=[deadline.case.pk])
    dedup_key = f"sanctions:{deadline.kind}:{deadline.subject_id}:{deadline.due.isoformat()}:{today.isoformat()}"
    with transaction.atomic():
        notification, created = notification_send(
            user=user, message=message, params=params, url=path, dedup_key=dedup_key
        )
        if not created:
            run.skipped_duplicates += 1
            return
        run.notifications += 1
        if user.email:
            subject = translation.gettext(EMAIL_SUBJECT) % {"case": deadline.case.number}
            on_commit(
                partial(
                    _send_email,
                    to=user.email,
                    subject=subject,
                    body=notification_text(notification),
                    url=f"{settings.NETRA_SITE_URL.rstrip('/')}{path}",
                )
            )
            run.emails += 1


def sanction_reminders_send(*, today: datetime.date | None = None) -> ReminderRun:
    """Send today's reminders after the decision (module docstring). Safe to run more than once a day."""
    today = today or clock.today()
    working_calendar = WorkingCalendar()
    run = ReminderRun(today=today, working_day=working_calendar.is_working_day(today))
    if not run.working_day:
        return run
    with translation.override(settings.LANGUAGE_CODE):
        for deadline in sanction_deadlines(today, working_calendar=working_calendar):
            run.cases.add(deadline.case.pk)
            for user in deadline.responsible:
                _notify(user=user, deadline=deadline, today=today, run=run)
    return run
