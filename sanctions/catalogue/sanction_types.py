"""The sanction catalogue: PP 94/2021 Pasal 8 (discipline), PP 42/2004 Pasal 15 (ethics), UU ASN (PTDH).

Loaded by a data migration (0002); administrators edit it afterwards. These are the rows as first loaded, for both
employee types; issue 9's data migration (0007, sanctions.catalogue.sanction_terms) gives them their terms, limits
them to PNS, ends the UU 5/2014 PTDH row and adds PTDH under UU 20/2023 and the PPPK rows (docs/legal-basis.md §6).
"""

PP94 = "PP 94/2021 tentang Disiplin Pegawai Negeri Sipil"
PP42 = "PP 42/2004 tentang Pembinaan Jiwa Korps dan Kode Etik PNS"
UU_ASN = "UU 5/2014 tentang Aparatur Sipil Negara (dilanjutkan UU 20/2023)"

# (code, track, level, severity, name id, name en, months, permanent, cut %, regulation, article, verify)
SANCTION_TYPES = [
    (
        "M1",
        "ethics",
        "",
        1,
        "Sanksi moral berupa pernyataan secara tertutup",
        "Moral sanction: closed statement",
        None,
        False,
        None,
        PP42,
        "Pasal 15 ayat (3) huruf a",
        False,
    ),
    (
        "M2",
        "ethics",
        "",
        2,
        "Sanksi moral berupa pernyataan secara terbuka",
        "Moral sanction: open statement",
        None,
        False,
        None,
        PP42,
        "Pasal 15 ayat (3) huruf b",
        False,
    ),
    (
        "R1",
        "discipline",
        "light",
        10,
        "Teguran lisan",
        "Oral reprimand",
        None,
        False,
        None,
        PP94,
        "Pasal 8 ayat (2) huruf a",
        False,
    ),
    (
        "R2",
        "discipline",
        "light",
        11,
        "Teguran tertulis",
        "Written reprimand",
        None,
        False,
        None,
        PP94,
        "Pasal 8 ayat (2) huruf b",
        False,
    ),
    (
        "R3",
        "discipline",
        "light",
        12,
        "Pernyataan tidak puas secara tertulis",
        "Written statement of dissatisfaction",
        None,
        False,
        None,
        PP94,
        "Pasal 8 ayat (2) huruf c",
        False,
    ),
    (
        "S1",
        "discipline",
        "moderate",
        20,
        "Pemotongan tunjangan kinerja sebesar 25% selama 6 bulan",
        "25% cut of the performance allowance for 6 months",
        6,
        False,
        25,
        PP94,
        "Pasal 8 ayat (3) huruf a",
        False,
    ),
    (
        "S2",
        "discipline",
        "moderate",
        21,
        "Pemotongan tunjangan kinerja sebesar 25% selama 9 bulan",
        "25% cut of the performance allowance for 9 months",
        9,
        False,
        25,
        PP94,
        "Pasal 8 ayat (3) huruf b",
        False,
    ),
    (
        "S3",
        "discipline",
        "moderate",
        22,
        "Pemotongan tunjangan kinerja sebesar 25% selama 12 bulan",
        "25% cut of the performance allowance for 12 months",
        12,
        False,
        25,
        PP94,
        "Pasal 8 ayat (3) huruf c",
        False,
    ),
    (
        "B1",
        "discipline",
        "heavy",
        30,
        "Penurunan jabatan setingkat lebih rendah selama 12 bulan",
        "Demotion by one level for 12 months",
        12,
        False,
        None,
        PP94,
        "Pasal 8 ayat (4) huruf a",
        False,
    ),
    (
        "B2",
        "discipline",
        "heavy",
        31,
        "Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan",
        "Release from position to an executor post for 12 months",
        12,
        False,
        None,
        PP94,
        "Pasal 8 ayat (4) huruf b",
        False,
    ),
    (
        "B3",
        "discipline",
        "heavy",
        32,
        "Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS",
        "Honourable dismissal not at own request",
        None,
        True,
        None,
        PP94,
        "Pasal 8 ayat (4) huruf c",
        False,
    ),
    (
        "PTDH",
        "statutory",
        "dismissal",
        40,
        "Pemberhentian tidak dengan hormat",
        "Dismissal not with honour",
        None,
        True,
        None,
        UU_ASN,
        "Pasal 87 ayat (4) huruf c",
        True,
    ),
]


def catalogue_rows() -> list[dict[str, object]]:
    rows = []
    for row in SANCTION_TYPES:
        code, track, level, severity, name, name_en, months, permanent, cut, regulation, article, verify = row
        rows.append(
            {
                "code": code,
                "track": track,
                "level": level,
                "severity": severity,
                "name": name,
                "name_en": name_en,
                "duration_months": months,
                "is_permanent": permanent,
                "allowance_cut_percent": cut,
                # As first loaded: the same rows for PPPK (migration 0007 gives PPPK rows of their own).
                "employee_types": ["pns", "pppk"],
                "regulation": regulation,
                "article": article,
                "valid_from": "2021-08-31"
                if regulation == PP94
                else "2004-10-25"
                if regulation == PP42
                else "2014-01-15",
                "needs_verification": verify,
                "note": "",
            }
        )
    return rows
