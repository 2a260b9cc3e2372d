"""Suggestions for the accused from the civil-servant register: ranked, scoped to the officer's agency, bounded."""

import pytest

from accounts.register_search import SUGGESTION_LIMIT, AccusedHints, civil_servant_suggestions
from accounts.tests.factories import AgencyFactory, CivilServantFactory, IntakeOfficerFactory, UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return IntakeOfficerFactory(username="verifikator")


@pytest.fixture
def register(officer):
    """Lebong's register: the principal the citizen means, people sharing his name or his school, and someone of
    another agency with exactly his name."""
    school = UnitFactory(code="smpn-1", name="SMP Negeri 1 Lebong", agency=officer.agency)
    office = UnitFactory(code="dinkes", name="Dinas Kesehatan", agency=officer.agency)
    other = UnitFactory(
        code="smpn-1-rl",
        name="SMP Negeri 1 Rejang Lebong",
        agency=AgencyFactory(code="rejang-lebong", name="Pemerintah Kabupaten Rejang Lebong", is_default=False),
    )
    return {
        "principal": CivilServantFactory(
            nip="197805122003121003", name="Drs. Rahmat Hidayat", unit=school, position_title="Kepala Sekolah"
        ),
        "namesake": CivilServantFactory(
            nip="198101012006041001", name="Rahmat Hidayat", unit=office, position_title="Perawat Ahli Muda"
        ),
        "first_name_only": CivilServantFactory(
            nip="198502022010011002", name="Rahmat Sulaiman", unit=school, position_title="Guru Ahli Pertama"
        ),
        "colleague": CivilServantFactory(
            nip="199003032015032003", name="Dewi Lestari", unit=school, position_title="Kepala Sekolah"
        ),
        "other_agency": CivilServantFactory(
            nip="197901012005011004", name="Drs. Rahmat Hidayat", unit=other, position_title="Kepala Sekolah"
        ),
    }


def _names(suggestions):
    return [(suggestion.servant.nip, suggestion.reasons) for suggestion in suggestions]


def test_the_nip_comes_first_then_the_name_then_the_unit_and_position(officer, register, django_assert_num_queries):
    hints = AccusedHints(
        name="Rahmat Hidayat", nip="197805122003121003", position="Kepala Sekolah", unit="SMP Negeri 1 Lebong"
    )

    with django_assert_num_queries(1):
        suggestions = civil_servant_suggestions(user=officer, hints=hints)

    assert _names(suggestions) == [
        ("197805122003121003", ("nip", "name", "unit", "position")),
        ("198101012006041001", ("name",)),
        ("198502022010011002", ("name", "unit")),
        ("199003032015032003", ("unit", "position")),
    ]


def test_without_a_nip_the_exact_name_ranks_above_a_partial_one(officer, register):
    suggestions = civil_servant_suggestions(user=officer, hints=AccusedHints(name="pak rahmat hidayat"))

    assert [suggestion.servant.name for suggestion in suggestions] == [
        "Drs. Rahmat Hidayat",
        "Rahmat Hidayat",
        "Rahmat Sulaiman",
    ]
    assert suggestions[0].score == suggestions[1].score  # the title "Drs." says nothing: same name, same rank


def test_another_agencys_register_is_never_suggested(officer, register):
    suggestions = civil_servant_suggestions(user=officer, hints=AccusedHints(nip="197901012005011004"))

    assert suggestions == []


def test_the_officers_query_replaces_what_the_reporter_wrote(officer, register):
    hints = AccusedHints(name="Rahmat Hidayat", unit="SMP Negeri 1 Lebong")

    by_unit = civil_servant_suggestions(user=officer, hints=AccusedHints(name=hints.name, query="Dinas Kesehatan"))
    by_nip = civil_servant_suggestions(user=officer, hints=AccusedHints(query="1990 0303 2015 03 2003"))
    by_prefix = civil_servant_suggestions(user=officer, hints=AccusedHints(query="19850202"))

    assert _names(by_unit) == [("198101012006041001", ("unit",))]
    assert _names(by_nip) == [("199003032015032003", ("nip",))]
    assert _names(by_prefix) == [("198502022010011002", ("nip",))]


def test_nothing_to_search_suggests_nothing(officer, register, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert civil_servant_suggestions(user=officer, hints=AccusedHints(name="Hj. S.")) == []


def test_at_most_twenty_suggestions(officer):
    unit = UnitFactory(agency=officer.agency)
    CivilServantFactory.create_batch(SUGGESTION_LIMIT + 5, unit=unit, name="Siti Aminah")

    suggestions = civil_servant_suggestions(user=officer, hints=AccusedHints(name="Siti Aminah"))

    assert len(suggestions) == SUGGESTION_LIMIT


def test_an_account_without_an_agency_finds_nothing(register):
    assert civil_servant_suggestions(user=IntakeOfficerFactory(agency=None), hints=AccusedHints(name="Rahmat")) == []
