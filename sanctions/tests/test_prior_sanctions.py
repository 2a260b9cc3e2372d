"""Sanctions entered from a civil servant's record (SIASN extract or paper) count for a repeat like a decision made in
Netra; they are entered and withdrawn through audited services (and the admin), a refusal writes nothing."""

import datetime

import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import AgencyFactory, IntakeOfficerFactory, UserFactory
from core.errors import DomainError, PermissionDenied
from core.models import AuditEvent
from sanctions.models import PriorSanction
from sanctions.sanction_history import sanction_history
from sanctions.services import prior_sanction_record, prior_sanction_withdraw
from sanctions.tests.decision_helpers import World, decision_on, forwarded_case
from sanctions.tests.factories import sanction
from violations.models import ViolationKind

pytestmark = pytest.mark.django_db

SAME_KIND = "pp94-pasal-5-huruf-n"


def _enter(world: World, code: str = "S3", *, kind: str | None = SAME_KIND, **kwargs) -> PriorSanction:
    params = {
        "actor": world.officer,
        "civil_servant": world.principal,
        "sanction_type": sanction(code),
        "decision_number": "800/117/BKPSDM/2023",
        "decision_date": datetime.date(2023, 5, 8),
        "source": PriorSanction.Source.SIASN,
        "violation_kind": ViolationKind.objects.get(code=kind) if kind else None,
        "decided_by": "Bupati Lebong",
        **kwargs,
    }
    return prior_sanction_record(**params)


def _written() -> tuple[int, int]:
    return PriorSanction.objects.count(), AuditEvent.objects.count()


def test_an_entered_prior_sanction_is_audited_on_the_register_entry(world):
    prior = _enter(world)

    event = AuditEvent.objects.get(action="prior_sanction_recorded")
    assert (event.target_type, event.target_id, event.actor) == (
        "accounts.civilservant",
        world.principal.pk,
        world.officer,
    )
    assert event.data == {
        "prior_sanction": prior.pk, "sanction": "S3", "decision_number": "800/117/BKPSDM/2023",
        "decision_date": "2023-05-08", "source": "siasn", "violation_kind": SAME_KIND, "violations": [],
    }  # fmt: skip
    assert list(world.principal.prior_sanctions.all()) == [prior]
    # The same entry again (a form sent twice) is the one already made.
    assert _enter(world) == prior
    assert _written() == (1, 1)


def test_a_repeat_counts_an_entered_prior_sanction_across_violation_codes(world):
    _enter(world, "S3")  # for a violation of Pasal 5 huruf n: of the same kind as N08
    case = forwarded_case(world, codes=("N08",), bawaslu=False)

    with pytest.raises(DomainError) as refused:
        decision_on(case, world, sanction_code="S3")
    assert refused.value.code == "sanction_not_allowed"

    assert decision_on(case, world, sanction_code="B1").sanction_type == sanction("B1")
    [entry] = sanction_history(case)
    assert (entry.sanction_code, entry.source, entry.number) == ("S3", "siasn", "800/117/BKPSDM/2023")


def test_a_prior_sanction_for_another_kind_of_violation_is_no_repeat(world):
    _enter(world, "S3", kind=None, source=PriorSanction.Source.PAPER)
    case = forwarded_case(world, codes=("N08",), bawaslu=False)

    assert decision_on(case, world, sanction_code="S1").sanction_type == sanction("S1")


def test_a_withdrawn_entry_no_longer_counts_and_the_withdrawal_is_audited(world):
    prior = _enter(world, "S3")

    withdrawn = prior_sanction_withdraw(actor=world.officer, prior=prior, reason="Salah orang: NIP tertukar.")

    assert withdrawn.withdrawn_at is not None
    event = AuditEvent.objects.get(action="prior_sanction_withdrawn")
    assert (event.target_id, event.reason) == (world.principal.pk, "Salah orang: NIP tertukar.")
    case = forwarded_case(world, codes=("N08",), bawaslu=False)
    assert decision_on(case, world, sanction_code="S1").sanction_type == sanction("S1")
    # Withdrawing again is a no-op.
    assert prior_sanction_withdraw(actor=world.officer, prior=prior, reason="lagi").withdrawal_reason == (
        "Salah orang: NIP tertukar."
    )


def test_an_officer_of_another_agency_may_not_enter_or_withdraw(world):
    stranger = IntakeOfficerFactory(
        username="verifikator-lain", agency=AgencyFactory(code="rejang", name="Rejang Lebong", is_default=False)
    )
    with pytest.raises(PermissionDenied):
        _enter(world, actor=stranger)
    assert _written() == (0, 0)

    prior = _enter(world)
    with pytest.raises(PermissionDenied):
        prior_sanction_withdraw(actor=stranger, prior=prior, reason="x")
    prior.refresh_from_db()
    assert prior.withdrawn_at is None


@pytest.mark.parametrize(
    ("overrides", "code"),
    [
        ({"sanction_type": "M1"}, "prior_sanction_not_disciplinary"),
        ({"decision_date": datetime.date(2099, 1, 1)}, "date_in_future"),
        ({"decision_number": "  "}, "decision_number_required"),
        ({"source": "rumor"}, "prior_sanction_source_invalid"),
    ],
)
def test_an_impossible_entry_is_refused_and_writes_nothing(world, overrides, code):
    if "sanction_type" in overrides:
        overrides = {**overrides, "sanction_type": sanction(overrides["sanction_type"])}

    with pytest.raises(DomainError) as refused:
        _enter(world, **overrides)

    assert refused.value.code == code
    assert _written() == (0, 0)


def test_the_admin_enters_a_prior_sanction_through_the_service_and_shows_it_on_the_register_entry(world, client):
    admin_user = UserFactory(username="admin-site", is_staff=True, is_superuser=True, roles=[Role.ADMINISTRATOR])
    client.force_login(admin_user)

    response = client.post(
        reverse("admin:sanctions_priorsanction_add"),
        {
            "civil_servant": world.principal.pk,
            "sanction_type": sanction("S1").pk,
            "violation_kind": ViolationKind.objects.get(code=SAME_KIND).pk,
            "decision_number": "800/045/BKPSDM/2022",
            "decision_date": "2022-09-01",
            "decided_by": "Bupati Lebong",
            "source": "paper",
            "note": "",
        },
    )

    assert response.status_code == 302
    prior = PriorSanction.objects.get()
    assert (prior.recorded_by, prior.source) == (admin_user, "paper")
    assert AuditEvent.objects.filter(action="prior_sanction_recorded", target_id=world.principal.pk).count() == 1
    page = client.get(reverse("admin:accounts_civilservant_change", args=[world.principal.pk]))
    assert page.status_code == 200 and "800/045/BKPSDM/2022" in page.content.decode()

    client.post(
        reverse("admin:sanctions_priorsanction_change", args=[prior.pk]),
        {"withdrawal_reason": "Dibatalkan oleh keputusan keberatan."},
    )
    prior.refresh_from_db()
    assert (prior.withdrawn_at is not None, prior.withdrawal_reason) == (True, "Dibatalkan oleh keputusan keberatan.")
    assert client.post(reverse("admin:sanctions_priorsanction_delete", args=[prior.pk])).status_code == 403
