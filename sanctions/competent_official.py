"""Who may sign a decision: the competent official (PyBMH), passing over the officials who may not decide.

The authority rule (sanctions.sanction_guidance.authority_rule_for; docs/legal-basis.md §4.1) names the kind of
official by the accused's position kind and the sanction level: the staffing authority (the agency's
StaffingAuthority rows, by `order`), a superior up the accused's line whose position kind qualifies (the superior's
account: User.nip == the civil servant's NIP), or the President (no official in Netra). An official who is a party
to the case (the accused, or who submitted one of its reports), who has a recorded conflict of interest valid that
day, or who already declared a conflict on the decision, is skipped: the next one up decides (the next qualifying
superior, else the staffing-authority chain).

Who decides an objection or appeal against a signed decision (`route_objection`) is the remedy rule's data
(RemedyRule, docs/legal-basis.md §5.4): the PPK for the PPK's decisions; for another official's decision the
superior of that official, up the register's line (the PPK when none may act); the BPASN for an appeal (no official
in Netra). The same officials are passed over as for a decision.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from accounts.actors import Actor
from accounts.models import CivilServant, User
from casework.models import Case
from core import clock
from core.errors import DomainError
from sanctions.models import (
    AuthorityRule,
    ConflictOfInterest,
    Decision,
    DecisionRecusal,
    RemedyRule,
    SanctionType,
    StaffingAuthority,
)
from sanctions.sanction_guidance import authority_rule_for, superior_with_authority
from violations.models import Report, SanctionLevel

PRESIDENT_TITLE = "Presiden Republik Indonesia"
BPASN_TITLE = "Badan Pertimbangan Aparatur Sipil Negara"


@dataclass(frozen=True)
class Recusal:
    """An official passed over, to be recorded as a DecisionRecusal (and audited) by the caller."""

    official: Actor
    reason: str
    detail: str = ""


@dataclass(frozen=True)
class Routing:
    """The competent official (None when the President decides: not signable in Netra) and why."""

    official: Actor | None
    title: str
    rule: AuthorityRule | None
    authority: str
    recusals: list[Recusal] = field(default_factory=list)

    @property
    def signable(self) -> bool:
        return self.official is not None


def recusal_reason(official: Actor, case: Case, *, on: datetime.date | None = None) -> Recusal | None:
    """Why `official` may not decide on `case` (a party, or a recorded conflict of interest), or None."""
    on = on or clock.today()
    accused_nips = {nip for nip in (case.accused_nip, case.accused.nip if case.accused else "") if nip}
    if official.nip and official.nip in accused_nips:
        return Recusal(official, DecisionRecusal.Reason.PARTY, _("The official is the accused."))
    if Report.objects.filter(case_report__case=case, submitted_by=official).exists():
        return Recusal(official, DecisionRecusal.Reason.PARTY, _("The official submitted a report of this case."))
    conflict = (
        ConflictOfInterest.objects.filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on), official=official)
        .filter(valid_from__lte=on)
        .filter(Q(accused__isnull=True) | Q(accused_id=case.accused_id))
        .order_by("-valid_from", "-id")
        .first()
    )
    if conflict is not None:
        return Recusal(official, DecisionRecusal.Reason.CONFLICT, conflict.description)
    return None


def _user_for(servant: CivilServant) -> User | None:
    return User.objects.filter(nip=servant.nip, is_active=True).order_by("id").first()


def _level_for_dismissal(case: Case) -> str:
    report = getattr(case, "examination_report", None)
    if report is not None and report.recommended_sanction_level:
        return str(report.recommended_sanction_level)
    return str(case.probable_level or "")


def _rule_sanction(decision: Decision) -> SanctionType | None:
    """The sanction the authority rule is looked up for; a dismissal takes the lightest type of the LHP's level."""
    if decision.outcome == Decision.Outcome.SANCTION:
        return decision.sanction_type
    level = _level_for_dismissal(decision.case)
    if level not in (SanctionLevel.LIGHT, SanctionLevel.MODERATE, SanctionLevel.HEAVY):
        return None
    today = clock.today()
    return (
        SanctionType.objects.filter(Q(valid_from__lte=today), Q(valid_to__isnull=True) | Q(valid_to__gte=today))
        .filter(level=level, track=SanctionType.Track.DISCIPLINE)
        .order_by("severity", "code")
        .first()
    )


class _Walker:
    def __init__(self, case: Case, already: dict[int, str], on: datetime.date) -> None:
        self.case = case
        self.already = already  # official id → reason already recorded on this decision
        self.on = on
        self.recusals: list[Recusal] = []

    def passes(self, official: Actor) -> bool:
        if official.pk in self.already:
            return False
        recusal = recusal_reason(official, self.case, on=self.on)
        if recusal is None:
            return True
        self.already[official.pk] = recusal.reason
        self.recusals.append(recusal)
        return False


def _staffing_chain(walker: _Walker, rule: AuthorityRule | None) -> Routing:
    for authority in StaffingAuthority.objects.filter(agency=walker.case.agency, is_active=True).select_related("user"):
        if authority.user.is_active and walker.passes(authority.user):
            return Routing(
                authority.user,
                authority.title,
                rule,
                AuthorityRule.Authority.STAFFING_AUTHORITY,
                walker.recusals,
            )
    raise DomainError(
        "no_competent_official",
        _("No staffing authority of this agency may decide: add one (or the official standing in) first."),
    )


def _superiors(accused: CivilServant, rule: AuthorityRule) -> list[CivilServant]:
    """Every qualifying superior up the line, nearest first."""
    found: list[CivilServant] = []
    seen = {accused.pk}
    current: CivilServant | None = superior_with_authority(accused=accused, rule=rule)
    while current is not None and current.pk not in seen:
        found.append(current)
        seen.add(current.pk)
        nxt = current.direct_superior
        while nxt is not None and nxt.pk not in seen and nxt.position_kind not in rule.superior_kinds:
            seen.add(nxt.pk)
            nxt = nxt.direct_superior
        current = nxt
    return found


def route_decision(
    decision: Decision, *, on: datetime.date | None = None, exclude: dict[int, str] | None = None
) -> Routing:
    """The competent official for `decision` and the recusals to record on the way.

    `exclude`: officials already recused on this decision (id → reason); defaults to its DecisionRecusal rows.
    """
    on = on or clock.today()
    case = decision.case
    if exclude is None:
        exclude = dict(decision.recusals.values_list("official_id", "reason")) if decision.pk else {}
    walker = _Walker(case, dict(exclude), on)
    accused = case.accused
    sanction = _rule_sanction(decision)
    rule = authority_rule_for(accused=accused, sanction=sanction, on=on) if accused and sanction else None
    if rule is None or rule.authority == AuthorityRule.Authority.STAFFING_AUTHORITY or accused is None:
        return _staffing_chain(walker, rule)
    if rule.authority == AuthorityRule.Authority.PRESIDENT:
        return Routing(None, PRESIDENT_TITLE, rule, rule.authority, walker.recusals)
    for superior in _superiors(accused, rule):
        user = _user_for(superior)
        if user is not None and walker.passes(user):
            return Routing(user, superior.position_title, rule, rule.authority, walker.recusals)
    return _staffing_chain(walker, rule)


def staffing_authority_for(case: Case, *, on: datetime.date | None = None) -> Routing:
    """The first active staffing authority of the case's agency who is not recused (decides objections)."""
    return _staffing_chain(_Walker(case, {}, on or clock.today()), None)


# --- who decides an objection or appeal -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ObjectionRouting:
    """Who decides an objection or appeal (`official` None: the BPASN, outside Netra), under which remedy rule."""

    official: Actor | None
    title: str
    rule: RemedyRule
    recusals: list[Recusal] = field(default_factory=list)
    unit_name: str = ""  # the unit a superior heads (his letters' heading); "" for the PPK

    @property
    def in_netra(self) -> bool:
        return self.official is not None


def decided_by_kind(decision: Decision) -> str:
    """Whose decision it is: the staffing authority's (signed by one of the agency's PPK rows) or another official's
    (a Keputusan Pejabat, e.g. a superior's light sanction)."""
    signer = decision.signed_by_id or decision.competent_official_id
    if signer is None or StaffingAuthority.objects.filter(agency_id=decision.case.agency_id, user_id=signer).exists():
        return RemedyRule.DecidedBy.STAFFING_AUTHORITY
    return RemedyRule.DecidedBy.OFFICIAL


def remedy_rule_for(decision: Decision, *, on: datetime.date | None = None) -> RemedyRule:
    """The remedy rule in force on `on` for the remedy the decision's sanction opens and whose decision it is; a row
    for that kind of decision beats one for any. Refused (nothing to route) when the catalogue has none."""
    on = on or clock.today()
    sanction = decision.sanction_type
    remedy = sanction.remedy if sanction is not None else SanctionType.Remedy.OBJECTION
    decided_by = decided_by_kind(decision)
    candidates = RemedyRule.objects.filter(
        Q(valid_from__lte=on), Q(valid_to__isnull=True) | Q(valid_to__gte=on), remedy=remedy
    ).filter(decided_by__in=[RemedyRule.DecidedBy.ANY, decided_by])
    rule = max(candidates, key=lambda row: (row.decided_by != "", row.valid_from), default=None)
    if rule is None:
        raise DomainError(
            "remedy_rule_missing",
            _("No rule in force says who decides this %(remedy)s: an administrator adds it (PP 79/2021).")
            % {"remedy": SanctionType.Remedy(remedy).label},
            field="decision",
        )
    return rule


def _superiors_of(official: Actor | None) -> list[CivilServant]:
    """The official's superiors up the register's line, nearest first (none when the official is not in it)."""
    if official is None or not official.nip:
        return []
    servant = CivilServant.objects.filter(nip=official.nip).select_related("direct_superior__unit").first()
    found: list[CivilServant] = []
    seen = {servant.pk} if servant is not None else set()
    current = servant.direct_superior if servant is not None else None
    while current is not None and current.pk not in seen:
        found.append(current)
        seen.add(current.pk)
        current = current.direct_superior
    return found


def route_objection(
    decision: Decision, *, rule: RemedyRule | None = None, on: datetime.date | None = None
) -> ObjectionRouting:
    """Who decides an objection or appeal against `decision` under `rule` (default: the rule in force for it)."""
    on = on or clock.today()
    rule = rule or remedy_rule_for(decision, on=on)
    if rule.decider == RemedyRule.Decider.BPASN:
        return ObjectionRouting(None, BPASN_TITLE, rule)
    walker = _Walker(decision.case, {}, on)
    if rule.decider == RemedyRule.Decider.SUPERIOR_OF_OFFICIAL:
        for superior in _superiors_of(decision.signed_by or decision.competent_official):
            user = _user_for(superior)
            if user is not None and walker.passes(user):
                return ObjectionRouting(user, superior.position_title, rule, walker.recusals, superior.unit.name)
    routing = _staffing_chain(walker, None)
    return ObjectionRouting(routing.official, routing.title, rule, routing.recusals)
