"""Daily deadline reminders: e-mail and in-app notification, once per deadline, person and day, on working days.

`deadline_reminders_send(today=None)` (the Celery beat task casework.send_deadline_reminders calls it every morning)
does nothing on a day that is not a working day (core.calendar). Otherwise, for every open deadline of every open
case (casework.deadlines.case_deadlines) that is overdue or due within NETRA_REMINDER_DAYS_AHEAD working days
(default 2), it notifies:

- each responsible official with an active account: the assigned examiners, the examination team members with an
  account, and the accused's direct superior when a user account has the superior's NIP;
- the superior of each of them. There is no User → superior link: a user's superior is found through the civil
  service register, `User.nip` → `CivilServant.direct_superior` (in service) → the active user account with that
  superior's NIP. A user without NIP, or a superior without account, simply adds no one.

Inactive accounts (officers who left) never get a reminder. Each person gets one in-app notification per deadline
per day (core.notifications dedup key `reminder:<deadline>:<case>:<due>:<today>`); the e-mail goes out after commit,
only when that notification was new, so running the job twice on a day sends nothing more. The reminders are work
items of their deadline (casework.notices.reminder_work_key): once the deadline is met, the next run resolves them.
"""

import datetime
import logging
from dataclasses import dataclass, field
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_noop

from accounts.models import CivilServant, User
from casework.deadlines import ROMAN, CaseDeadline, DeadlineStatus, case_deadlines
from casework.models import OPEN_STATUSES, Case
from casework.notices import reminder_work_key
from core import clock
from core.calendar import WorkingCalendar
from core.deadline_catalogue import DeadlineCode
from core.notifications import notification_send, notification_text
from core.transactions import on_commit
from core.work_items import work_item_resolve

logger = logging.getLogger(__name__)

# (rule, overdue?) → msgid; the params are ISO dates, the case number, the summons numeral and the names.
MESSAGES = {
    (DeadlineCode.SUMMONS_NOTICE, False): gettext_noop(
        "Case %(case)s: summons %(number)s for the examination of %(date)s must be sent by %(due)s (rule %(rule)s). "
        "Responsible: %(responsible)s."
    ),
    (DeadlineCode.SUMMONS_NOTICE, True): gettext_noop(
        "Overdue — case %(case)s: summons %(number)s for the examination of %(date)s had to be sent by %(due)s "
        "(rule %(rule)s). Responsible: %(responsible)s."
    ),
    (DeadlineCode.SUMMONS_II, False): gettext_noop(
        "Case %(case)s: summons II must be sent by %(due)s after the missed examination of %(date)s "
        "(rule %(rule)s). Responsible: %(responsible)s."
    ),
    (DeadlineCode.SUMMONS_II, True): gettext_noop(
        "Overdue — case %(case)s: summons II had to be sent by %(due)s after the missed examination of %(date)s "
        "(rule %(rule)s). Responsible: %(responsible)s."
    ),
}
EMAIL_SUBJECT = gettext_noop("Netra: deadline reminder for case %(case)s")


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
    return int(getattr(settings, "NETRA_REMINDER_DAYS_AHEAD", 2))


def user_superior(user: User) -> User | None:
    """The active user account of `user`'s direct superior, through the civil service register by NIP."""
    if not user.nip:
        return None
    servant = CivilServant.objects.select_related("direct_superior").filter(nip=user.nip).first()
    superior = servant.direct_superior if servant is not None else None
    if superior is None or not superior.is_active:
        return None
    return User.objects.filter(nip=superior.nip, is_active=True).exclude(pk=user.pk).order_by("id").first()


def reminder_recipients(deadline: CaseDeadline) -> list[User]:
    """The active responsible users of `deadline` and their superiors, each once, in a stable order."""
    recipients: dict[int, User] = {}
    responsible = [person.user for person in deadline.responsible if person.user is not None and person.user.is_active]
    for user in responsible:
        recipients.setdefault(user.pk, user)
    for user in responsible:
        superior = user_superior(user)
        if superior is not None:
            recipients.setdefault(superior.pk, superior)
    return list(recipients.values())


def _params(case: Case, deadline: CaseDeadline) -> dict[str, str]:
    return {
        "case": case.number,
        "number": ROMAN.get(deadline.summons_number or 0, ""),
        "date": deadline.anchor.isoformat() if deadline.anchor else "",
        "due": deadline.due.isoformat(),
        "rule": deadline.rule,
        "responsible": deadline.responsible_names or "—",
    }


def _send_email(*, to: str, subject: str, body: str, url: str) -> None:
    try:
        send_mail(subject, f"{body}\n\n{url}", None, [to])
    except Exception:  # an unreachable mail server must not lose the in-app reminders of everyone else
        logger.exception("Deadline reminder e-mail to %s could not be sent", to)


def _notify(*, user: User, case: Case, deadline: CaseDeadline, today: datetime.date, run: ReminderRun) -> None:
    message = MESSAGES[(deadline.rule, deadline.is_overdue)]
    params = _params(case, deadline)
    path = reverse("casework:case-detail", args=[case.pk])
    dedup_key = f"reminder:{deadline.key}:{case.pk}:{deadline.due.isoformat()}:{today.isoformat()}"
    with transaction.atomic():
        notification, created = notification_send(
            user=user,
            message=message,
            params=params,
            url=path,
            dedup_key=dedup_key,
            work_key=reminder_work_key(case, deadline.key),
        )
        if not created:
            run.skipped_duplicates += 1
            return
        run.notifications += 1
        if user.email:
            subject = translation.gettext(EMAIL_SUBJECT) % {"case": case.number}
            body = notification_text(notification)
            on_commit(
                partial(
                    _send_email,
                    to=user.email,
                    subject=subject,
                    body=body,
                    url=f"{settings.NETRA_SITE_URL.rstrip('/')}{path}",
                )
            )
            run.emails += 1


def deadline_reminders_send(*, today: datetime.date | None = None) -> ReminderRun:
    """Send today's reminders (see the module docstring). Safe to run more than once a day."""
    today = today or clock.today()
    working_calendar = WorkingCalendar()
    run = ReminderRun(today=today, working_day=working_calendar.is_working_day(today))
    if not run.working_day:
        return run
    horizon = working_calendar.add_working_days(today, days_ahead()) if days_ahead() > 0 else today
    cases = (
        # Every deadline casework knows (D6, D7) hangs on a summons.
        Case.objects.filter(status__in=OPEN_STATUSES, summonses__isnull=False)
        .distinct()
        .select_related("accused__direct_superior")
        .prefetch_related("summonses")
        .order_by("id")
    )
    with translation.override(settings.LANGUAGE_CODE):
        for case in cases:
            for deadline in case_deadlines(case, today, working_calendar=working_calendar):
                if deadline.status == DeadlineStatus.MET:
                    work_item_resolve(work_key=reminder_work_key(case, deadline.key))
                    continue
                if deadline.due > horizon:
                    continue
                run.cases.add(case.pk)
                for user in reminder_recipients(deadline):
                    _notify(user=user, case=case, deadline=deadline, today=today, run=run)
    return run
