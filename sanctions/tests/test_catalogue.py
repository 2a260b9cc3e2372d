"""The sanction catalogue of docs/domain.md (PP 94/2021 Pasal 8, PP 42/2004, UU ASN) is present after `migrate`: the
PNS rows, PTDH under UU 20/2023 (the UU 5/2014 row ended), and the PPPK rows under PP 49/2018 (docs/legal-basis.md
§3.4, §6)."""

import datetime

import pytest

from sanctions.models import SanctionType

pytestmark = pytest.mark.django_db

PP94 = "PP 94/2021 tentang Disiplin Pegawai Negeri Sipil"
PP42 = "PP 42/2004 tentang Pembinaan Jiwa Korps dan Kode Etik PNS"
UU5 = "UU 5/2014 tentang Aparatur Sipil Negara (dicabut oleh UU 20/2023)"
UU20 = "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara"
PP49 = "PP 49/2018 tentang Manajemen Pegawai Pemerintah dengan Perjanjian Kerja"

# code: (track, level, months, permanent, allowance cut %, regulation, article, valid from)
EXPECTED = {
    "M1": ("ethics", "", None, False, None, PP42, "Pasal 15 ayat (3) huruf a", datetime.date(2004, 10, 25)),
    "M2": ("ethics", "", None, False, None, PP42, "Pasal 15 ayat (3) huruf b", datetime.date(2004, 10, 25)),
    "R1": ("discipline", "light", None, False, None, PP94, "Pasal 8 ayat (2) huruf a", datetime.date(2021, 8, 31)),
    "R2": ("discipline", "light", None, False, None, PP94, "Pasal 8 ayat (2) huruf b", datetime.date(2021, 8, 31)),
    "R3": ("discipline", "light", None, False, None, PP94, "Pasal 8 ayat (2) huruf c", datetime.date(2021, 8, 31)),
    "S1": ("discipline", "moderate", 6, False, 25, PP94, "Pasal 8 ayat (3) huruf a", datetime.date(2021, 8, 31)),
    "S2": ("discipline", "moderate", 9, False, 25, PP94, "Pasal 8 ayat (3) huruf b", datetime.date(2021, 8, 31)),
    "S3": ("discipline", "moderate", 12, False, 25, PP94, "Pasal 8 ayat (3) huruf c", datetime.date(2021, 8, 31)),
    "B1": ("discipline", "heavy", 12, False, None, PP94, "Pasal 8 ayat (4) huruf a", datetime.date(2021, 8, 31)),
    "B2": ("discipline", "heavy", 12, False, None, PP94, "Pasal 8 ayat (4) huruf b", datetime.date(2021, 8, 31)),
    "B3": ("discipline", "heavy", None, True, None, PP94, "Pasal 8 ayat (4) huruf c", datetime.date(2021, 8, 31)),
    "PTDH": ("statutory", "dismissal", None, True, None, UU20, "", datetime.date(2023, 10, 31)),
}
PPPK_CODES = [
    "PK-M1", "PK-M2", "PK-R1", "PK-R2", "PK-R3", "PK-S1", "PK-S2", "PK-S3", "PK-B1", "PK-B2", "PK-B3", "PK-PTDH",
]  # fmt: skip
# code: (remedy, position effect, excluded position kinds, requires a team)
TERMS = {
    "B1": ("objection", "demotion", [], True),
    "B2": ("objection", "release", ["executor"], True),
    "B3": ("appeal", "dismissal", [], True),
    "PTDH": ("appeal", "dismissal", [], True),
    "S3": ("objection", "", [], False),
    "PK-B2": ("objection", "release", ["executor"], True),
    "PK-B3": ("appeal", "dismissal", [], True),
    "PK-PTDH": ("appeal", "dismissal", [], True),
}


def test_catalogue_has_every_sanction_of_the_domain_table_in_force_for_each_employee_type():
    in_force = SanctionType.objects.in_force()

    assert sorted(row.code for row in in_force if row.applies_to("pns")) == sorted(EXPECTED)
    assert sorted(row.code for row in in_force if row.applies_to("pppk")) == sorted(PPPK_CODES)


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_sanction_type_matches_the_domain_table_with_its_legal_basis(code):
    sanction = SanctionType.objects.in_force().get(code=code)

    assert (
        sanction.track,
        sanction.level,
        sanction.duration_months,
        sanction.is_permanent,
        sanction.allowance_cut_percent,
        sanction.regulation,
        sanction.article,
        sanction.valid_from,
    ) == EXPECTED[code]
    assert sanction.valid_to is None
    assert sanction.employee_types == ["pns"]


@pytest.mark.parametrize("code", sorted(TERMS))
def test_each_sanction_carries_what_a_decision_on_it_needs(code):
    sanction = SanctionType.objects.in_force().get(code=code)

    assert (
        sanction.remedy,
        sanction.position_effect,
        sanction.excluded_position_kinds,
        sanction.requires_examination_team,
    ) == TERMS[code]


def test_ptdh_under_the_repealed_uu_5_2014_ended_the_day_before_uu_20_2023():
    repealed = SanctionType.objects.get(code="PTDH", valid_from=datetime.date(2014, 1, 15))

    assert (repealed.regulation, repealed.valid_to) == (UU5, datetime.date(2023, 10, 30))
    assert not SanctionType.objects.in_force().filter(regulation__startswith="UU 5/2014").exists()


def test_ptdh_is_a_statutory_dismissal_with_its_own_wording_and_rights():
    ptdh = SanctionType.objects.in_force().get(code="PTDH")

    assert ptdh.operative_wording == "Memberhentikan tidak dengan hormat sebagai Pegawai Negeri Sipil"
    assert ptdh.rights_clause
    assert ptdh.needs_verification  # the article of UU 20/2023 was not retrieved (docs/legal-basis.md §9 V24)


def test_b3_states_the_pension_rights():
    b3 = SanctionType.objects.in_force().get(code="B3")

    assert "hak pensiun" in b3.rights_clause


def test_pppk_rows_rest_on_pp_49_2018_and_are_marked_for_verification():
    rows = SanctionType.objects.in_force().filter(code__in=PPPK_CODES)

    assert {row.code for row in rows if row.regulation == PP49} == set(PPPK_CODES) - {"PK-PTDH"}
    assert all(row.needs_verification for row in rows)
    assert all("Pegawai Negeri Sipil" not in row.name and "PNS" not in row.name for row in rows)
    assert rows.get(code="PK-B3").name == (
        "Pemutusan hubungan perjanjian kerja dengan hormat tidak atas permintaan sendiri"
    )
    assert rows.get(code="PK-PTDH").regulation == UU20


def test_severity_orders_ethics_light_moderate_heavy_then_dismissal():
    pns = [row.code for row in SanctionType.objects.in_force() if row.applies_to("pns")]

    assert pns == ["M1", "M2", "R1", "R2", "R3", "S1", "S2", "S3", "B1", "B2", "B3", "PTDH"]


def test_only_ptdh_and_the_pppk_rows_are_marked_for_verification():
    flagged = SanctionType.objects.in_force().filter(needs_verification=True).values_list("code", flat=True)

    assert sorted(flagged) == sorted(["PTDH", *PPPK_CODES])


def test_sanction_names_are_in_indonesian_and_english():
    b1 = SanctionType.objects.get(code="B1")

    assert b1.localized_name("id") == "Penurunan jabatan setingkat lebih rendah selama 12 bulan"
    assert b1.localized_name("en") == "Demotion by one level for 12 months"


def test_every_sanction_but_the_repealed_ptdh_is_in_force_today():
    assert SanctionType.objects.in_force().count() == 24
    assert SanctionType.objects.count() == 25
