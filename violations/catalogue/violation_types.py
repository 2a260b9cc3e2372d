"""The neutrality-violation catalogue as of the SKB 2022 (Lampiran II) and PP 94/2021 Pasal 5 huruf n.

Loaded by a data migration; administrators edit it afterwards. Each row carries its legal basis.
"""

SKB_2022 = (
    "SKB MenPAN-RB, Mendagri, Kepala BKN, Ketua KASN dan Ketua Bawaslu 2022 tentang Pedoman Pembinaan dan "
    "Pengawasan Netralitas Pegawai ASN dalam Penyelenggaraan Pemilu dan Pemilihan"
)
VALID_FROM = "2022-09-22"

# (code, category, social media, moral sanction, discipline level, needs verification,
#  name id, name en, article, note)
VIOLATION_TYPES = [
    (
        "N01",
        "campaign_activity",
        False,
        True,
        "heavy",
        False,
        "Memasang spanduk/baliho/alat peraga kampanye (bakal) calon",
        "Puts up banners, billboards or other campaign props of a (prospective) candidate",
        "Lampiran II A dan B; PP 94/2021 Pasal 5 huruf n",
        "",
    ),
    (
        "N02",
        "social_media",
        True,
        True,
        "heavy",
        False,
        "Sosialisasi/kampanye (bakal) calon melalui media sosial/online",
        "Campaigns for or promotes a (prospective) candidate on social media or online",
        "Lampiran II A dan B; PP 94/2021 Pasal 5 huruf n",
        "",
    ),
    (
        "N03",
        "campaign_activity",
        False,
        True,
        "heavy",
        False,
        "Menghadiri deklarasi/kampanye (bakal) pasangan calon dan memberikan dukungan secara aktif",
        "Attends a declaration or campaign of a (prospective) candidate pair and actively supports it",
        "Lampiran II A dan B; PP 94/2021 Pasal 5 huruf n",
        "",
    ),
    (
        "N04",
        "social_media",
        True,
        True,
        "heavy",
        False,
        "Membuat posting, comment, share, like, bergabung/follow grup atau akun pemenangan (bakal) calon",
        "Posts, comments, shares, likes, joins or follows a candidate's or winning team's account or group",
        "Lampiran II A dan B; PP 94/2021 Pasal 5 huruf n",
        "",
    ),
    (
        "N05",
        "social_media",
        True,
        True,
        "heavy",
        False,
        "Memposting foto bersama (bakal) calon, tim pemenangan, atau atribut partai di media sosial/media lain",
        "Publishes photos with a (prospective) candidate, campaign team or party symbols",
        "Lampiran II A dan B; PP 94/2021 Pasal 5 huruf n",
        "",
    ),
    (
        "N06",
        "campaign_activity",
        False,
        True,
        "",
        True,
        "Ikut dalam kegiatan kampanye/sosialisasi/pengenalan bakal calon",
        "Takes part in a prospective candidate's campaign, socialisation or introduction events",
        "Lampiran II A",
        "Tidak ada di Lampiran II B sebagaimana direproduksi; "
        "bandingkan PP 94/2021 Pasal 5 huruf n angka 1 (verifikasi).",
    ),
    (
        "N07",
        "campaign_activity",
        False,
        True,
        "",
        False,
        "Menghadiri deklarasi/kampanye pasangan calon yang merupakan suami/istri tanpa cuti di luar tanggungan negara",
        "Attends the campaign of a spouse who is a candidate without unpaid leave (CLTN)",
        "Lampiran II A",
        "",
    ),
    (
        "N08",
        "candidacy",
        False,
        False,
        "moderate",
        False,
        "Melakukan pendekatan ke partai politik/masyarakat sebagai bakal calon tanpa cuti di luar tanggungan negara",
        "Approaches a party or the public to become a candidate without unpaid leave (CLTN)",
        "Lampiran II B",
        "",
    ),
    (
        "N09",
        "candidacy",
        False,
        False,
        "dismissal",
        False,
        "Menjadi anggota dan/atau pengurus partai politik",
        "Becomes a member or officer of a political party",
        "Lampiran II B; UU 5/2014 Pasal 87 ayat (4) huruf c",
        "Pemberhentian tidak dengan hormat (PTDH) berdasarkan undang-undang ASN.",
    ),
    (
        "N10",
        "official_act",
        False,
        False,
        "moderate",
        True,
        "Mengadakan kegiatan yang mengarah pada keberpihakan (pertemuan, ajakan, himbauan, pemberian barang)",
        "Holds activities favouring a candidate (meetings, invitations, appeals, gifts)",
        "Lampiran II B; PP 94/2021 Pasal 5 huruf n angka 6",
        "Sedang menurut SKB; berat menurut PP 94/2021 Pasal 5 huruf n angka 6 (verifikasi).",
    ),
    (
        "N11",
        "candidacy",
        False,
        False,
        "heavy",
        False,
        "Menjadi tim ahli/tim pemenangan/konsultan partai politik atau (bakal) calon",
        "Serves on a campaign or winning team, or as its expert or consultant",
        "Lampiran II B",
        "",
    ),
    (
        "N12",
        "candidacy",
        False,
        False,
        "heavy",
        False,
        "Memberikan surat dukungan disertai fotokopi KTP atau mengumpulkan KTP untuk bakal calon perseorangan",
        "Gives a support letter or collects ID-card copies for an independent candidate",
        "Lampiran II B; PP 94/2021 Pasal 5 huruf n angka 7",
        "",
    ),
    (
        "N13",
        "official_act",
        False,
        False,
        "heavy",
        False,
        "Membuat keputusan/tindakan yang menguntungkan atau merugikan partai politik atau (bakal) calon",
        "Takes a decision or act that benefits or harms a party or (prospective) candidate",
        "Lampiran II B; PP 94/2021 Pasal 5 huruf n angka 5",
        "",
    ),
]


def catalogue_rows() -> list[dict[str, object]]:
    rows = []
    for order, row in enumerate(VIOLATION_TYPES, start=1):
        code, category, social, moral, level, verify, name, name_en, article, note = row
        rows.append(
            {
                "code": code,
                "category": category,
                "is_social_media": social,
                "ethics_moral_sanction": moral,
                "discipline_level": level,
                "needs_verification": verify,
                "name": name,
                "name_en": name_en,
                "description": name + ".",
                "description_en": name_en + ".",
                "regulation": SKB_2022,
                "article": article,
                "valid_from": VALID_FROM,
                "note": note,
                "sort_order": order,
            }
        )
    return rows
