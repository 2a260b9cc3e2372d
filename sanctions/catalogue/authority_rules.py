"""The regency authority table of PP 94/2021 (docs/legal-basis.md §4.1, "Sanctioning official").

Loaded by a data migration; administrators edit it afterwards.
"""

PP94 = "PP 94/2021 tentang Disiplin Pegawai Negeri Sipil"
VALID_FROM = "2021-08-31"
STRUCTURAL_BELOW_JPT = ("administrator", "supervisor", "executor")
SUPERIORS = ["jpt_pratama", "administrator", "supervisor"]
FUNCTIONAL_SUPERIORS = ["jpt_pratama", "administrator"]

# (position kind, functional scope, level, sanction code, authority, superior kinds, article, verify, note)
RULES: list[tuple[str, str, str, str, str, list[str], str, bool, str]] = [
    *[
        ("jpt_pratama", "any", level, "", "staffing_authority", [], "Pasal 18", False, "")
        for level in ("light", "moderate", "heavy")
    ],
    *[
        (kind, "any", "light", "", "superior_in_line", SUPERIORS, "Pasal 18 ayat (2)", False, "")
        for kind in STRUCTURAL_BELOW_JPT
    ],
    *[
        (
            kind,
            "any",
            "moderate",
            "",
            "staffing_authority",
            [],
            "Pasal 18",
            True,
            "Sumber juga menyebut JPT Pratama atau Administrator untuk pegawai dua tingkat di bawahnya (verifikasi).",
        )
        for kind in STRUCTURAL_BELOW_JPT
    ],
    *[(kind, "any", "heavy", "", "staffing_authority", [], "Pasal 18", False, "") for kind in STRUCTURAL_BELOW_JPT],
    ("functional", "below_ahli_utama", "light", "", "superior_in_line", FUNCTIONAL_SUPERIORS, "Pasal 19", False, ""),
    ("functional", "below_ahli_utama", "moderate", "", "superior_in_line", FUNCTIONAL_SUPERIORS, "Pasal 19", False, ""),
    ("functional", "below_ahli_utama", "heavy", "", "staffing_authority", [], "Pasal 19", False, ""),
    ("functional", "ahli_utama", "light", "", "staffing_authority", [], "Pasal 19", False, ""),
    ("functional", "ahli_utama", "moderate", "", "staffing_authority", [], "Pasal 19", False, ""),
    ("functional", "ahli_utama", "heavy", "", "staffing_authority", [], "Pasal 19", False, ""),
    ("functional", "ahli_utama", "heavy", "B3", "president", [], "Pasal 19", False, "Pemberhentian oleh Presiden."),
    # Dismissal not with honour for party membership follows the ASN law; the PPK proposes or decides it.
    *[
        (kind, "any", "dismissal", "", "staffing_authority", [], "UU ASN", True, "PTDH: verifikasi kewenangan.")
        for kind in ("jpt_pratama", *STRUCTURAL_BELOW_JPT, "functional")
    ],
]


def authority_rows() -> list[dict[str, object]]:
    return [
        {
            "position_kind": kind,
            "functional_scope": scope,
            "level": level,
            "sanction_code": code,
            "authority": authority,
            "superior_kinds": superiors,
            "regulation": PP94,
            "article": article,
            "valid_from": VALID_FROM,
            "needs_verification": verify,
            "note": note,
        }
        for kind, scope, level, code, authority, superiors, article, verify, note in RULES
    ]


# --- issue 9: the dismissal under UU 20/2023 and the central posts (loaded by a later data migration) -----------------

UU20 = "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara"
UU20_IN_FORCE = "2023-10-31"
PRESIDENT_NOTE = "Presiden sebagai pejabat yang berwenang (docs/legal-basis.md §4.1); pasal belum diverifikasi."
SAFER_NOTE = "Pembacaan yang lebih aman bagi keabsahan: pejabat yang lebih tinggi memutus (verifikasi)."
CENTRAL_POSTS = ("jpt_madya", "jpt_utama")

# (position kind, functional scope, level, sanction code, authority, regulation, article, verify, note)
UU20_RULES: list[tuple[str, str, str, str, str, str, str, bool, str]] = [
    # PTDH (and the PPPK's termination not with honour) by the President for Ahli Utama and JPT Utama (and, the safer
    # reading, JPT Madya); every other dismissal row now cites UU 20/2023 (see `DISMISSAL_REGULATION`).
    ("functional", "ahli_utama", "dismissal", "", "president", UU20, "", True, PRESIDENT_NOTE),
    ("jpt_utama", "any", "dismissal", "", "president", UU20, "", True, PRESIDENT_NOTE),
    ("jpt_madya", "any", "dismissal", "", "president", UU20, "", True, PRESIDENT_NOTE + " " + SAFER_NOTE),
    # The PPPK's B3 equivalent for Ahli Utama, as B3 itself.
    ("functional", "ahli_utama", "heavy", "PK-B3", "president", PP94, "Pasal 19", True, "Seperti B3 (verifikasi)."),
    *[
        (kind, "any", level, "", "staffing_authority", PP94, "Pasal 18", True, SAFER_NOTE)
        for kind in CENTRAL_POSTS
        for level in ("light", "moderate", "heavy")
    ],
    *[
        (kind, "any", "heavy", code, "president", PP94, "Pasal 18", True, PRESIDENT_NOTE)
        for kind in CENTRAL_POSTS
        for code in ("B3", "PK-B3")
    ],
]
# The regency dismissal rows of RULES: the PPK decides, under the ASN law in force.
DISMISSAL_REGULATION = (UU20, "", "PTDH berdasarkan UU 20/2023: PPK memutus (verifikasi kewenangan).")


def uu20_authority_rows() -> list[dict[str, object]]:
    return [
        {
            "position_kind": kind,
            "functional_scope": scope,
            "level": level,
            "sanction_code": code,
            "authority": authority,
            "superior_kinds": [],
            "regulation": regulation,
            "article": article,
            "valid_from": UU20_IN_FORCE if regulation == UU20 else VALID_FROM,
            "needs_verification": verify,
            "note": note,
        }
        for kind, scope, level, code, authority, regulation, article, verify, note in UU20_RULES
    ]
