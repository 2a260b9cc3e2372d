"""Who decides an administrative remedy against a decision (PP 79/2021; docs/legal-basis.md §5.4), as data.

Loaded by a data migration (0009); administrators edit the rows afterwards (a changed rule gets a new row with its
validity, not an edit). The remedy a sanction opens (objection or appeal) is the sanction's catalogue row
(`SanctionType.remedy`); these rows say, per remedy and per who made the decision challenged, who decides it, which
deadline rules count its filing window and its decision (or the PPK's response), and what a late filing gets.

- An objection (keberatan) against a decision of the PPK is decided by the PPK; against the decision of another
  official (a Keputusan Pejabat, e.g. a JPT Pratama's light or moderate sanction) by the superior of that official,
  found up the register's line (the PPK when the register names no superior who may act: "if there is no PyBMH, the
  next-higher official acts", §4.1). A late objection is answered with the statement that it is inadmissible [S39].
- An appeal (banding administratif) against a dismissal (B3, PTDH, a PPPK's termination) is decided by the Badan
  Pertimbangan ASN, not by the PPK, who responds to BPASN within D14 [S38]. A late appeal is for BPASN to refuse:
  Netra records it with a warning and refuses nothing (the safer reading for the accused's rights).

Every row rests on secondary sources only (no article retrieved): each is marked for verification.
"""

PP79 = "PP 79/2021 tentang Upaya Administratif dan Badan Pertimbangan Aparatur Sipil Negara"
PP79_IN_FORCE = "2021-08-10"

_SOURCE = "docs/legal-basis.md §5.4 [S38][S39]; pasal belum diverifikasi (§9 V9, V10, V13)."

# (remedy, decided by, decider, window rule, decision rule, late filing, note)
RULES: list[tuple[str, str, str, str, str, str, str]] = [
    (
        "objection",
        "staffing_authority",
        "staffing_authority",
        "D11",
        "D12",
        "inadmissible",
        "Keberatan atas keputusan PPK diajukan kepada dan diputus oleh PPK. " + _SOURCE,
    ),
    (
        "objection",
        "official",
        "superior_of_official",
        "D11",
        "D12",
        "inadmissible",
        "Keberatan atas keputusan pejabat lain diajukan kepada atasan pejabat yang memutus, dicari ke atas menurut "
        "register; bila register tidak menyebut atasan yang dapat bertindak, PPK memutus (pejabat yang lebih tinggi, "
        "docs/legal-basis.md §4.1). " + _SOURCE,
    ),
    (
        "appeal",
        "",
        "bpasn",
        "D13",
        "D14",
        "recorded",
        "Banding administratif atas pemberhentian diajukan kepada BPASN, tembusan PPK; PPK menyampaikan tanggapan "
        "dalam 21 hari (D14); BPASN memutus. Banding yang terlambat dicatat dengan peringatan: BPASN yang menolaknya. "
        + _SOURCE,
    ),
]


def remedy_rule_rows() -> list[dict[str, object]]:
    return [
        {
            "remedy": remedy,
            "decided_by": decided_by,
            "decider": decider,
            "window_rule": window,
            "decision_rule": decision,
            "late_filing": late,
            "regulation": PP79,
            "article": "",
            "valid_from": PP79_IN_FORCE,
            "needs_verification": True,
            "note": note,
        }
        for remedy, decided_by, decider, window, decision, late, note in RULES
    ]
