"""What issue 9 added to the sanction catalogue, loaded by a data migration over the rows of `sanction_types`:

- the terms of each PNS row: its administrative remedy (PP 79/2021: an appeal against a dismissal), its effect on the
  position (B1, B2 name the new position; B3 and PTDH the dismissal date and the rights), where it is meaningless
  (B2 for an accused already in an executor position), whether it needs an examination team (heavy: PP 94/2021);
- PTDH for party membership under UU 20/2023, the law in force (the UU 5/2014 row ends the day before);
- the PPPK catalogue: PP 49/2018 applying the provisions of PP 94/2021 and PP 42/2004, its dismissal a termination
  of the work agreement ("pemutusan hubungan perjanjian kerja"). The PPPK list could not be confirmed from the
  official text (docs/legal-basis.md §6, §9 V17): every PPPK row is marked for verification.

Administrators edit the rows afterwards; a changed rule gets a new row with its validity, not an edit.
"""

PP49 = "PP 49/2018 tentang Manajemen Pegawai Pemerintah dengan Perjanjian Kerja"
UU20 = "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara"
UU5_REPEALED = "UU 5/2014 tentang Aparatur Sipil Negara (dicabut oleh UU 20/2023)"
UU20_IN_FORCE = "2023-10-31"
UU5_LAST_DAY = "2023-10-30"
PP94_IN_FORCE = "2021-08-31"

B3_RIGHTS = (
    "Kepada yang bersangkutan diberikan hak pensiun apabila telah memenuhi syarat masa kerja dan usia pensiun "
    "sesuai dengan ketentuan peraturan perundang-undangan."
)
PTDH_RIGHTS = "Hak kepegawaian yang bersangkutan diberikan sesuai dengan ketentuan peraturan perundang-undangan."
PPPK_RIGHTS = (
    "Kepada yang bersangkutan diberikan hak-haknya sesuai dengan perjanjian kerja dan ketentuan peraturan "
    "perundang-undangan."
)
RIGHTS_NOTE = (
    "Rumusan hak sesuai praktik; cocokkan dengan format lampiran Peraturan BKN 6/2022 (docs/legal-basis.md §9 V22)."
)
TEAM_NOTE = "Hukuman disiplin berat wajib diperiksa oleh Tim Pemeriksa (PP 94/2021; docs/legal-basis.md §4.3)."

# code: (remedy, position effect, excluded position kinds, requires a team, rights clause, note)
PNS_TERMS: dict[str, tuple[str, str, list[str], bool, str, str]] = {
    "B1": ("objection", "demotion", [], True, "", TEAM_NOTE),
    "B2": (
        "objection",
        "release",
        ["executor"],
        True,
        "",
        TEAM_NOTE + " Tidak ditawarkan kepada pejabat pelaksana: ia sudah menduduki jabatan pelaksana.",
    ),
    "B3": ("appeal", "dismissal", [], True, B3_RIGHTS, TEAM_NOTE + " " + RIGHTS_NOTE),
    "PTDH": ("appeal", "dismissal", [], True, PTDH_RIGHTS, ""),
}

PTDH_UU20 = {
    "code": "PTDH",
    "track": "statutory",
    "level": "dismissal",
    "severity": 40,
    "name": "Pemberhentian tidak dengan hormat sebagai Pegawai Negeri Sipil",
    "name_en": "Dismissal not with honour as a civil servant",
    "duration_months": None,
    "is_permanent": True,
    "allowance_cut_percent": None,
    "employee_types": ["pns"],
    "regulation": UU20,
    "article": "",
    "valid_from": UU20_IN_FORCE,
    "needs_verification": True,
    "remedy": "appeal",
    "position_effect": "dismissal",
    "requires_examination_team": True,
    "operative_wording": "Memberhentikan tidak dengan hormat sebagai Pegawai Negeri Sipil",
    "rights_clause": PTDH_RIGHTS,
    "note": (
        "PTDH karena menjadi anggota dan/atau pengurus partai politik, pemberhentian berdasarkan undang-undang, "
        "bukan hukuman disiplin PP 94/2021. Pasal UU 20/2023 belum diverifikasi (docs/legal-basis.md §9 V24): isi "
        "kolom pasal setelah diverifikasi. Tim Pemeriksa diwajibkan sebagai pembacaan yang lebih aman."
    ),
}

_PPPK_NOTE = (
    "Katalog PPPK belum dikonfirmasi dari teks resmi PP 49/2018 (docs/legal-basis.md §6, §9 V17): verifikasi "
    "sebelum diterapkan."
)


def _pppk(code: str, severity: int, name: str, name_en: str, applied: str, **terms: object) -> dict[str, object]:
    track = "ethics" if code.startswith("PK-M") else "discipline"
    level = {"R": "light", "S": "moderate", "B": "heavy"}.get(code[3], "")
    months = {"S1": 6, "S2": 9, "S3": 12, "B1": 12, "B2": 12}.get(code[3:])
    return {
        "code": code,
        "track": track,
        "level": level,
        "severity": severity,
        "name": name,
        "name_en": name_en,
        "duration_months": months,
        "is_permanent": code == "PK-B3",
        "allowance_cut_percent": 25 if code[3] == "S" else None,
        "employee_types": ["pppk"],
        "regulation": PP49,
        "article": "",
        "applied_provisions": applied,
        "valid_from": PP94_IN_FORCE,
        "needs_verification": True,
        "remedy": "objection",
        "position_effect": "",
        "excluded_position_kinds": [],
        "requires_examination_team": level == "heavy",
        "operative_wording": "",
        "rights_clause": "",
        "note": _PPPK_NOTE,
        **terms,
    }


_CUT = "Pemotongan tunjangan kinerja sebesar 25% selama {} bulan"
_CUT_EN = "25% cut of the performance allowance for {} months"

PPPK_SANCTION_TYPES: list[dict[str, object]] = [
    _pppk(
        "PK-M1",
        1,
        "Sanksi moral berupa pernyataan secara tertutup",
        "Moral sanction: closed statement",
        "Pasal 15 ayat (3) huruf a PP 42/2004",
    ),
    _pppk(
        "PK-M2",
        2,
        "Sanksi moral berupa pernyataan secara terbuka",
        "Moral sanction: open statement",
        "Pasal 15 ayat (3) huruf b PP 42/2004",
    ),
    _pppk("PK-R1", 10, "Teguran lisan", "Oral reprimand", "Pasal 8 ayat (2) huruf a PP 94/2021"),
    _pppk("PK-R2", 11, "Teguran tertulis", "Written reprimand", "Pasal 8 ayat (2) huruf b PP 94/2021"),
    _pppk(
        "PK-R3",
        12,
        "Pernyataan tidak puas secara tertulis",
        "Written statement of dissatisfaction",
        "Pasal 8 ayat (2) huruf c PP 94/2021",
    ),
    _pppk("PK-S1", 20, _CUT.format(6), _CUT_EN.format(6), "Pasal 8 ayat (3) huruf a PP 94/2021"),
    _pppk("PK-S2", 21, _CUT.format(9), _CUT_EN.format(9), "Pasal 8 ayat (3) huruf b PP 94/2021"),
    _pppk("PK-S3", 22, _CUT.format(12), _CUT_EN.format(12), "Pasal 8 ayat (3) huruf c PP 94/2021"),
    _pppk(
        "PK-B1",
        30,
        "Penurunan jabatan setingkat lebih rendah selama 12 bulan",
        "Demotion by one level for 12 months",
        "Pasal 8 ayat (4) huruf a PP 94/2021",
        position_effect="demotion",
    ),
    _pppk(
        "PK-B2",
        31,
        "Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan",
        "Release from position to an executor post for 12 months",
        "Pasal 8 ayat (4) huruf b PP 94/2021",
        position_effect="release",
        excluded_position_kinds=["executor"],
    ),
    _pppk(
        "PK-B3",
        32,
        "Pemutusan hubungan perjanjian kerja dengan hormat tidak atas permintaan sendiri",
        "Termination of the work agreement with honour, not at own request",
        "Pasal 8 ayat (4) huruf c PP 94/2021",
        remedy="appeal",
        position_effect="dismissal",
        rights_clause=PPPK_RIGHTS,
    ),
    _pppk(
        "PK-PTDH",
        40,
        "Pemutusan hubungan perjanjian kerja tidak dengan hormat",
        "Termination of the work agreement not with honour",
        "",
        track="statutory",
        level="dismissal",
        is_permanent=True,
        regulation=UU20,
        valid_from=UU20_IN_FORCE,
        remedy="appeal",
        position_effect="dismissal",
        requires_examination_team=True,
        operative_wording=(
            "Memutuskan hubungan perjanjian kerja tidak dengan hormat sebagai Pegawai Pemerintah dengan Perjanjian "
            "Kerja"
        ),
        rights_clause=PPPK_RIGHTS,
    ),
]
