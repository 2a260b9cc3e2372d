"""The readings of the violation catalogue that issue 9 fixed: the basis of each discipline level (and the recorded
alternative where the sources disagree), the PP 42/2004 provision of the ethics track, and what counts as the same
kind of violation for a repeat.

Loaded by a data migration over the SKB 2022 rows of `violation_types`; administrators edit them afterwards. The
readings are restated in docs/legal-basis.md (§3.1, §3.2, §3.5, §9 V2 and V24).
"""

PP94 = "PP 94/2021 tentang Disiplin Pegawai Negeri Sipil"
PP94_IN_FORCE = "2021-08-31"
SKB_PART_B = "SKB 2022 Lampiran II huruf B"

# What counts as "the same kind" for a repeat: every violation of the prohibition of PP 94/2021 Pasal 5 huruf n.
SAME_KIND = {
    "code": "pp94-pasal-5-huruf-n",
    "name": "Larangan PP 94/2021 Pasal 5 huruf n (dukungan kepada calon)",
    "name_en": "The prohibition of PP 94/2021 Article 5(n) (support for a candidate)",
    "regulation": PP94,
    "article": "Pasal 5 huruf n",
    "valid_from": PP94_IN_FORCE,
    "note": (
        "Pengulangan pelanggaran sejenis dijatuhi hukuman yang lebih berat (docs/legal-basis.md §3.5). Setiap "
        "pelanggaran larangan Pasal 5 huruf n dihitung sejenis, apa pun angka atau bentuk pelanggarannya."
    ),
}
# N09 (party membership) is a statutory dismissal under the ASN law, not a prohibition of Pasal 5 huruf n.
SAME_KIND_CODES = ("N01", "N02", "N03", "N04", "N05", "N06", "N07", "N08", "N10", "N11", "N12", "N13")

# code: (basis of the discipline level, alternative level, basis of the alternative)
LEVEL_READINGS: dict[str, tuple[str, str, str]] = {
    "N01": (SKB_PART_B, "", ""),
    "N02": (SKB_PART_B, "", ""),
    "N03": (SKB_PART_B, "", ""),
    "N04": (SKB_PART_B, "", ""),
    "N05": (SKB_PART_B, "", ""),
    "N08": (SKB_PART_B, "", ""),
    "N09": ("UU 20/2023 tentang Aparatur Sipil Negara (PTDH; pasal belum diverifikasi)", "", ""),
    # A PP outranks the joint decree: PP 94/2021 Pasal 5 huruf n angka 6 with Pasal 14 makes it heavy.
    "N10": (
        "PP 94/2021 Pasal 5 huruf n angka 6 jo. Pasal 14",
        "moderate",
        "SKB 2022 Lampiran II huruf B (sebagaimana direproduksi): sedang",
    ),
    "N11": (SKB_PART_B, "", ""),
    "N12": ("PP 94/2021 Pasal 5 huruf n angka 7 jo. Pasal 14; SKB 2022 Lampiran II huruf B", "", ""),
    "N13": ("PP 94/2021 Pasal 5 huruf n angka 5 jo. Pasal 14; SKB 2022 Lampiran II huruf B", "", ""),
}

# code: (discipline level, article, note) where the row itself changes.
CHANGED_ROWS: dict[str, tuple[str, str, str]] = {
    "N09": (
        "dismissal",
        "Lampiran II B; UU 20/2023 tentang Aparatur Sipil Negara",
        "Pemberhentian tidak dengan hormat (PTDH) berdasarkan UU 20/2023; pasalnya belum diverifikasi "
        "(docs/legal-basis.md §9 V24). UU 5/2014 Pasal 87 ayat (4) huruf c telah dicabut.",
    ),
    "N10": (
        "heavy",
        "Lampiran II B; PP 94/2021 Pasal 5 huruf n angka 6",
        "Berat menurut PP 94/2021 Pasal 5 huruf n angka 6 jo. Pasal 14 (PP lebih tinggi dari SKB); bacaan SKB "
        "(sedang) dicatat sebagai alternatif, tidak diterapkan (verifikasi: docs/legal-basis.md §9 V2).",
    ),
}

# The ethics track: the SKB grounds the sanksi moral on PP 42/2004 Pasal 11 huruf c (docs/legal-basis.md §2.7).
ETHICS_ARTICLE = "Pasal 11 huruf c"
ETHICS_CODES = ("N01", "N02", "N03", "N04", "N05", "N06", "N07")
