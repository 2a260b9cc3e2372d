"""The violation catalogue of docs/domain.md (SKB 2022) is present after `migrate`, each row with its legal basis."""

import datetime

import pytest

from core import clock
from violations.models import ViolationKind, ViolationType
from violations.selectors import violation_types_in_force

pytestmark = pytest.mark.django_db

SKB_2022 = (
    "SKB MenPAN-RB, Mendagri, Kepala BKN, Ketua KASN dan Ketua Bawaslu 2022 tentang Pedoman Pembinaan dan "
    "Pengawasan Netralitas Pegawai ASN dalam Penyelenggaraan Pemilu dan Pemilihan"
)

# code: (social media, sanksi moral, discipline level, legal basis uncertain) — docs/domain.md's table.
EXPECTED = {
    "N01": (False, True, "heavy", False),
    "N02": (True, True, "heavy", False),
    "N03": (False, True, "heavy", False),
    "N04": (True, True, "heavy", False),
    "N05": (True, True, "heavy", False),
    "N06": (False, True, "", True),
    "N07": (False, True, "", False),
    "N08": (False, False, "moderate", False),
    "N09": (False, False, "dismissal", False),
    # Heavy, as PP 94/2021 Pasal 5 huruf n angka 6 with Pasal 14 states (the SKB's moderate is recorded, not applied).
    "N10": (False, False, "heavy", True),
    "N11": (False, False, "heavy", False),
    "N12": (False, False, "heavy", False),
    "N13": (False, False, "heavy", False),
}


def test_catalogue_has_n01_to_n13_in_order():
    assert list(ViolationType.objects.values_list("code", flat=True)) == [f"N{number:02d}" for number in range(1, 14)]


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_violation_type_tracks_match_the_domain_table(code):
    violation = ViolationType.objects.get(code=code)

    assert (
        violation.is_social_media,
        violation.ethics_moral_sanction,
        violation.discipline_level,
        violation.needs_verification,
    ) == EXPECTED[code]


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_violation_type_carries_regulation_article_and_validity(code):
    violation = ViolationType.objects.get(code=code)

    assert violation.regulation == SKB_2022
    assert violation.article.startswith("Lampiran II")
    assert (violation.valid_from, violation.valid_to) == (datetime.date(2022, 9, 22), None)
    assert violation.name and violation.name_en and violation.description


def test_uncertain_rows_explain_why_in_their_note():
    notes = dict(ViolationType.objects.filter(needs_verification=True).values_list("code", "note"))

    assert sorted(notes) == ["N06", "N10"]
    assert all("verifikasi" in note for note in notes.values())


def test_n04_is_the_social_media_act_of_scenario_one():
    violation = ViolationType.objects.get(code="N04")

    assert violation.category == "social_media"
    assert violation.article == "Lampiran II A dan B; PP 94/2021 Pasal 5 huruf n"
    assert violation.localized_name("en").startswith("Posts, comments, shares, likes")


def test_every_row_is_in_force_today():
    assert violation_types_in_force().count() == 13


def test_a_row_whose_validity_ended_is_no_longer_in_force():
    ViolationType.objects.filter(code="N13").update(valid_to=clock.today() - datetime.timedelta(days=1))

    codes = list(violation_types_in_force().values_list("code", flat=True))

    assert "N13" not in codes
    assert len(codes) == 12


def test_a_row_valid_from_tomorrow_is_not_yet_in_force():
    ViolationType.objects.filter(code="N01").update(valid_from=clock.today() + datetime.timedelta(days=1))

    assert not violation_types_in_force().filter(code="N01").exists()


def test_n10_keeps_the_skb_reading_as_a_recorded_alternative_with_its_basis():
    n10 = ViolationType.objects.get(code="N10")

    assert (n10.discipline_level, n10.level_basis) == ("heavy", "PP 94/2021 Pasal 5 huruf n angka 6 jo. Pasal 14")
    assert (n10.alternative_level, n10.alternative_level_basis) == (
        "moderate",
        "SKB 2022 Lampiran II huruf B (sebagaimana direproduksi): sedang",
    )
    assert list(ViolationType.objects.exclude(alternative_level="").values_list("code", flat=True)) == ["N10"]


def test_party_membership_cites_the_asn_law_in_force_not_the_repealed_one():
    n09 = ViolationType.objects.get(code="N09")

    assert n09.discipline_level == "dismissal"
    assert "UU 20/2023" in n09.article and "UU 5/2014" not in n09.article
    assert n09.repeat_kind is None  # a statutory dismissal, not a prohibition of Pasal 5 huruf n


def test_every_violation_of_pasal_5_huruf_n_is_of_one_kind_for_repeats():
    kind = ViolationKind.objects.get(code="pp94-pasal-5-huruf-n")

    assert (kind.regulation, kind.article) == ("PP 94/2021 tentang Disiplin Pegawai Negeri Sipil", "Pasal 5 huruf n")
    assert sorted(kind.violation_types.values_list("code", flat=True)) == [
        f"N{number:02d}" for number in range(1, 14) if number != 9
    ]


def test_the_ethics_track_cites_pp_42_2004_pasal_11_huruf_c():
    ethics = ViolationType.objects.filter(ethics_moral_sanction=True)

    assert set(ethics.values_list("ethics_article", flat=True)) == {"Pasal 11 huruf c"}
    assert not ViolationType.objects.filter(ethics_moral_sanction=False).exclude(ethics_article="").exists()
