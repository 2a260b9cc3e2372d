"""The inbox, the list and one decision's page: who may open what, the dates, letters and actions shown."""

import pytest
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from accounts.tests.factories import BawasluUserFactory, UserFactory
from casework.letters import letter_render
from casework.models import Case
from core import clock
from core.deadline_catalogue import DeadlineCode
from sanctions.models import Decision
from sanctions.tests.decision_helpers import World, decision_on, forwarded_case, to_awaiting_signature
from sanctions.tests.views.helpers import (
    awaiting_decision,
    client_for,
    decision_page,
    delivered_decision,
    letter_id_of,
    other_agency_officer,
    sign_decision,
    signed_decision,
    view_url,
)

pytestmark = pytest.mark.django_db

_S = Decision.Status


# --- reading: who may open what ---------------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_log_in(client: Client) -> None:
    response = client.get(reverse("sanctions:decision-list"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("who", "status"),
    [("officer", 200), ("reviewer", 200), ("examiner", 200), ("bupati", 200), ("bawaslu", 403), ("leader", 403)],
)
def test_the_decision_list_is_for_case_workers_and_officials(world: World, who: str, status: int) -> None:
    users = {
        "officer": world.officer,
        "reviewer": world.reviewer,
        "examiner": world.examiner,
        "bupati": world.bupati,
        "bawaslu": BawasluUserFactory(username="bawaslu"),
        "leader": UserFactory(username="pimpinan", roles=[Role.LEADERSHIP]),
    }

    response = client_for(users[who]).get(reverse("sanctions:decision-list"))

    assert response.status_code == status


def test_a_draft_is_seen_by_the_case_workers_and_not_yet_by_the_official(case: Case, world: World) -> None:
    decision = decision_on(case, world)

    assert client_for(world.officer).get(decision_page(decision)).status_code == 200
    assert client_for(world.examiner).get(decision_page(decision)).status_code == 200
    assert client_for(world.bupati).get(decision_page(decision)).status_code == 404
    assert client_for(other_agency_officer()).get(decision_page(decision)).status_code == 404


def test_the_official_sees_the_decision_routed_to_them_in_the_inbox(case: Case, world: World) -> None:
    decision = awaiting_decision(case, world)

    response = client_for(world.bupati).get(reverse("sanctions:decision-list"))

    assert response.status_code == 200
    assert [item.pk for item in response.context["awaiting_signature"]] == [decision.pk]
    assert client_for(world.bupati).get(decision_page(decision)).status_code == 200
    # The stand-in is not the competent official: not found.
    assert client_for(world.wakil).get(decision_page(decision)).status_code == 404


def test_the_reviewer_sees_the_submitted_draft_in_the_inbox(case: Case, world: World) -> None:
    from sanctions.services import decision_submit_for_review

    decision = decision_submit_for_review(decision=decision_on(case, world), actor=world.examiner)

    mine = client_for(world.reviewer).get(reverse("sanctions:decision-list")).context["awaiting_review"]
    drafters = client_for(world.examiner).get(reverse("sanctions:decision-list")).context["awaiting_review"]

    assert [item.pk for item in mine] == [decision.pk]
    assert drafters == []


def test_the_decision_page_shows_status_sanction_routing_and_the_actions_of_the_user(case: Case, world: World) -> None:
    decision = awaiting_decision(case, world)

    response = client_for(world.bupati).get(decision_page(decision))

    content = response.content.decode()
    assert response.context["actions"]["sign"] is True
    assert response.context["actions"]["update"] is False
    assert 'data-status="awaiting_signature"' in content
    assert "B1" in content
    assert reverse("sanctions:decision-sign", kwargs={"decision_id": decision.pk}) in content
    assert "Bupati Lebong" in content
    officer_view = client_for(world.officer).get(decision_page(decision))
    assert officer_view.context["actions"]["sign"] is False
    assert reverse("sanctions:decision-sign", kwargs={"decision_id": decision.pk}) not in officer_view.content.decode()


def test_the_case_page_lists_the_decisions_of_the_case(case: Case, world: World) -> None:
    decision = decision_on(case, world)

    response = client_for(world.officer).get(reverse("casework:case-detail", kwargs={"case_id": case.pk}))

    content = response.content.decode()
    assert 'id="decisions"' in content
    assert decision_page(decision) in content
    assert reverse("sanctions:decision-draft", kwargs={"case_id": case.pk}) in content


def test_a_signed_decision_shows_its_delivery_due_date_and_letter(case: Case, world: World) -> None:
    from core.calendar import deadline_for

    decision = signed_decision(case, world)
    letter_render(letter_id=letter_id_of(decision))

    response = client_for(world.officer).get(decision_page(decision))

    content = response.content.decode()
    assert response.context["dates"]["delivery_due"] == deadline_for(DeadlineCode.DELIVERY, clock.today())
    assert 'id="after-decision"' in content
    assert view_url("letter-download", decision, letter_id=letter_id_of(decision)) in content
    assert response.context["actions"]["deliver"] is True
    assert response.context["actions"]["sign"] is False


@pytest.mark.parametrize("who", ["officer", "bupati"])
def test_the_pages_render_in_indonesian(case: Case, world: World, who: str) -> None:
    decision = signed_decision(case, world)
    letter_render(letter_id=letter_id_of(decision))
    client = Client(HTTP_ACCEPT_LANGUAGE="id")
    client.force_login(getattr(world, who))

    assert client.get(decision_page(decision)).status_code == 200
    assert client.get(reverse("sanctions:decision-list")).status_code == 200
    if who == "officer":
        assert client.get(view_url("delivery-in-person", decision)).status_code == 200
        assert client.get(reverse("sanctions:follow-through")).status_code == 200
    else:
        assert client.get(view_url("decision-correct", decision)).status_code == 200


def test_the_decision_list_query_count_does_not_grow_with_rows(case: Case, world: World) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(world.officer)
    signed_decision(case, world)

    def count() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse("sanctions:decision-list")).status_code == 200
        return len(context.captured_queries)

    one = count()
    for _index in range(3):
        signed_decision(forwarded_case(world, bawaslu=False), world)

    assert count() == one


def test_the_list_filters_by_status_and_case_number(case: Case, world: World) -> None:
    signed = signed_decision(case, world)
    other_case = forwarded_case(world, bawaslu=False)
    draft = decision_on(other_case, world)
    client = client_for(world.officer)

    by_status = client.get(reverse("sanctions:decision-list"), {"status": "signed"}).context["page"].object_list
    by_case = client.get(reverse("sanctions:decision-list"), {"case": other_case.number}).context["page"].object_list

    assert [item.pk for item in by_status] == [signed.pk]
    assert [item.pk for item in by_case] == [draft.pk]


def test_the_navigation_leads_officials_to_decisions_and_leadership_to_the_register(world: World) -> None:
    leader = UserFactory(username="pimpinan", roles=[Role.LEADERSHIP])

    official_nav = client_for(world.bupati).get(reverse("sanctions:decision-list")).context["nav_items"]
    leader_nav = client_for(leader).get(reverse("sanctions:follow-through")).context["nav_items"]

    assert {"url": reverse("sanctions:decision-list"), "label": "Decisions"} in official_nav
    assert leader_nav == [
        {"url": reverse("figures:dashboard"), "label": "Figures"},
        {"url": reverse("sanctions:follow-through"), "label": "Follow-through register"},
    ]


def test_the_navigation_leads_examiners_to_their_cases_and_decisions(world: World) -> None:
    nav = client_for(world.examiner).get(reverse("sanctions:decision-list")).context["nav_items"]

    assert nav == [
        {"url": reverse("casework:case-list"), "label": "Cases"},
        {"url": reverse("sanctions:decision-list"), "label": "Decisions"},
    ]


def test_an_ethics_decision_lists_its_decision_and_moral_statement_letters(case: Case, world: World) -> None:
    decision = sign_decision(
        to_awaiting_signature(decision_on(case, world, track="ethics", sanction_code="M1"), world), world
    )

    letters = client_for(world.bupati).get(decision_page(decision)).context["letters"]

    assert sorted(letter.kind for letter in letters) == ["decision", "moral_statement"]


def test_a_delivered_dismissal_offers_no_objection(case: Case, world: World) -> None:
    from sanctions.services import decision_record_delivery

    decision = sign_decision(
        to_awaiting_signature(
            decision_on(
                case, world, outcome="dismissal", sanction_code="", sanction_change_reason="Bukti tidak cukup."
            ),
            world,
        ),
        world,
    )
    decision = decision_record_delivery(decision=decision, actor=world.officer, delivered_on=clock.today())

    response = client_for(world.officer).get(decision_page(decision))

    assert decision.status == _S.DELIVERED
    assert response.context["actions"]["file_objection"] is False
    assert response.context["dates"]["objection_window_ends"] is None
    assert view_url("objection-file", decision) not in response.content.decode()


def test_a_delivered_sanction_shows_its_objection_window(case: Case, world: World) -> None:
    from core.calendar import deadline_for

    decision = delivered_decision(case, world)

    response = client_for(world.officer).get(decision_page(decision))

    assert response.context["dates"]["objection_window_ends"] == deadline_for(
        DeadlineCode.OBJECTION_WINDOW, clock.today()
    )
    assert response.context["actions"]["file_objection"] is True
    assert view_url("objection-file", decision) in response.content.decode()


def test_the_decision_page_names_who_must_act_next(case: Case, world: World) -> None:
    from sanctions.services import decision_submit_for_review

    def waiting(decision: Decision) -> tuple[str, str]:
        client = Client(HTTP_ACCEPT_LANGUAGE="id")
        client.force_login(world.officer)
        response = client.get(decision_page(decision))
        on = response.context["waiting_on"]
        note = response.content.decode().split('id="waiting-on"')[1].split("</p>")[0]
        return on.step, " ".join(note.split())

    draft = decision_on(case, world)
    assert waiting(draft) == ("submit", 'data-step="submit"> Menunggu penyusun mengajukan konsepnya untuk ditelaah: '
                                        "Hendra Saputra.")  # fmt: skip

    draft = decision_submit_for_review(decision=draft, actor=world.examiner)
    step, text = waiting(draft)
    assert step == "review" and "Yanti Oktaviani" in text and "Admin BKPSDM" in text and "Hendra" not in text

    signing = to_awaiting_signature(decision_on(forwarded_case(world, bawaslu=False), world), world)
    step, text = waiting(signing)
    assert (step, text.endswith(f"pejabat yang berwenang: {world.bupati.get_full_name()}.")) == ("sign", True)

    signed = sign_decision(signing, world)
    assert Client().get(decision_page(signed)).status_code == 302
    officer = client_for(world.officer)
    assert officer.get(decision_page(signed)).context["waiting_on"] is None
