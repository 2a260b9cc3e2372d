"""The sanction catalogue of docs/domain.md (PP 94/2021 Pasal 8, PP 42/2004, UU ASN) is present after `migrate`."""

import datetime

import pytest

from sanctions.models import SanctionType

pytestmark = pytest.mark.django_db

PP94 = "PP 94/2021 tentang Disiplin Pegawai Negeri Sipil"
PP42 = "PP 42/2004 tentang Pembinaan Jiwa Korps dan Kode Etik PNS"
UU_ASN = "UU 5/2014 tentang Aparatur Sipil Negara (dilanjutkan UU 20/2023)"

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
    "PTDH": (
        "statutory",
        "dismissal",
        None,
        True,
        None,
        UU_ASN,
        "Pasal 87 ayat (4) huruf c",
        datetime.date(2014, 1, 15),
    ),
}


def test_catalogue_has_every_sanction_of_the_domain_table():
    assert sorted(SanctionType.objects.values_list("code", flat=True)) == sorted(EXPECTED)


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_sanction_type_matches_the_domain_table_with_its_legal_basis(code):
    sanction = SanctionType.objects.get(code=code)

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
    assert sanction.employee_types == ["pns", "pppk"]


def test_severity_orders_ethics_light_moderate_heavy_then_dismissal():
    assert list(SanctionType.objects.values_list("code", flat=True)) == [
        "M1",
        "M2",
        "R1",
        "R2",
        "R3",
        "S1",
        "S2",
        "S3",
        "B1",
        "B2",
        "B3",
        "PTDH",
    ]


def test_only_ptdh_is_marked_for_verification():
    assert list(SanctionType.objects.filter(needs_verification=True).values_list("code", flat=True)) == ["PTDH"]


def test_sanction_names_are_in_indonesian_and_english():
    b1 = SanctionType.objects.get(code="B1")

    assert b1.localized_name("id") == "Penurunan jabatan setingkat lebih rendah selama 12 bulan"
    assert b1.localized_name("en") == "Demotion by one level for 12 months"


def test_every_sanction_is_in_force_today():
    assert SanctionType.objects.in_force().count() == 12
