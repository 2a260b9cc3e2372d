"""The demo reports: invented incidents in the demo regency, in Indonesian, across channels and statuses.

Scenario 1 of docs/scenarios.md (Drs. Rahmat Hidayat) is the first group. `accused` is a post key of the demo
register (demo.data.register) or empty when the accused is not in it (`accused_text` then). Each report's `key` is
its stable identity; the builder finds an existing report by its description, which is unique. `election` is a key
of demo.data.elections.ELECTIONS and `office` one of demo.data.bawaslu_offices.BAWASLU_OFFICES.
"""

from dataclasses import dataclass, field

S1_POST = "https://www.facebook.com/paslon.bupati.lebong/posts/pfbid02demoNetraS1"


@dataclass(frozen=True)
class DemoReport:
    key: str
    channel: str  # violations.models.Channel value
    received: str  # "YYYY-MM-DD HH:MM", Asia/Jakarta
    election: str  # key of ELECTIONS
    violation: str  # catalogue code
    incident: str  # "YYYY-MM-DD"
    description: str
    accused: str = ""  # post key in the register
    accused_text: tuple[str, str, str] = ("", "", "")  # name, position, agency when not in the register
    nip_given: bool = True  # whether the reporter knew the NIP
    place: str = ""
    platform: str = ""
    links: tuple[str, ...] = ()
    screenshots: int = 0
    reporter: dict[str, object] = field(default_factory=dict)
    source: str = "web"  # for citizens: web or api
    # Bawaslu forwardings
    office: str = ""
    reference: str = ""
    origin: str = "finding"
    recommendation: str = ""
    letter_number: str = ""
    # Triage: the status the demo brings the report to, with its reason or question.
    status: str = "received"
    message: str = ""
    answer: str = ""  # the reporter's answer to an information request (the report returns to in_review)
    duplicate_of: str = ""
    case: str = ""  # reports with the same case key are registered together as one case
    pin: str = ""  # a fixed PIN, printed so a person can try the status page


def _citizen(name: str, phone: str, email: str = "", address: str = "") -> dict[str, object]:
    return {"name": name, "phone": phone, "email": email, "address": address}


ANONYMOUS: dict[str, object] = {"anonymous": True}
DISKOMINFO_TEAM = "Tim Pemantauan Media Sosial Dinas Kominfo Kabupaten Lebong"
INSPECTORATE = "Inspektorat Daerah Kabupaten Lebong"

REPORTS: list[DemoReport] = [
    # --- Scenario 1 (docs/scenarios.md): three channels, one case ---------------------------------------------
    DemoReport(
        key="s1-diskominfo",
        channel="diskominfo",
        received="2024-10-07 15:40",
        election="pilkada2024",
        violation="N04",
        incident="2024-10-07",
        accused="principal:smpn-1",
        platform="Facebook",
        place="Akun Facebook pribadi terlapor (publik)",
        description=(
            "Pemantauan media sosial menemukan akun Facebook atas nama Rahmat Hidayat (Kepala SMP Negeri 1 Lebong) "
            "membagikan dan menyukai tiga unggahan kampanye pasangan calon Bupati dan Wakil Bupati nomor urut 2 "
            "pada 7 Oktober 2024. Akun bersifat publik dengan sekitar 4.800 pengikut. Tangkapan layar ketiga "
            "unggahan diambil pada hari yang sama."
        ),
        links=(S1_POST,),
        screenshots=3,
        reporter={"organisation": DISKOMINFO_TEAM},
        status="in_process",
        case="story-1",
    ),
    DemoReport(
        key="s1-citizen",
        channel="citizen",
        received="2024-10-08 19:12",
        election="pilkada2024",
        violation="N04",
        incident="2024-10-07",
        accused="principal:smpn-1",
        nip_given=False,
        platform="Facebook",
        description=(
            "Saya wali murid SMP Negeri 1 Lebong. Kepala sekolah, Bapak Rahmat Hidayat, membagikan postingan "
            "kampanye paslon nomor 2 di Facebook dan mengajak orang memilih. Banyak wali murid yang melihat. "
            "Saya lampirkan tautan dan dua tangkapan layar."
        ),
        links=(S1_POST,),
        screenshots=2,
        reporter=_citizen("Nurhayati", "0812-7310-4521", address="Desa Pelabai, Kecamatan Lebong Utara"),
        status="merged",
        duplicate_of="s1-diskominfo",
        pin="20241008",
    ),
    DemoReport(
        key="s1-bawaslu",
        channel="bawaslu",
        received="2024-10-10 10:05",
        election="pilkada2024",
        violation="N04",
        incident="2024-10-07",
        accused="principal:smpn-1",
        platform="Facebook",
        description=(
            "Hasil pengawasan Bawaslu Kabupaten Lebong: Sdr. Drs. Rahmat Hidayat, ASN pada SMP Negeri 1 Lebong, "
            "membagikan dan menyukai tiga unggahan kampanye pasangan calon Bupati nomor urut 2 melalui akun "
            "Facebook pribadinya dalam masa kampanye Pemilihan 2024."
        ),
        links=(S1_POST,),
        screenshots=1,
        office="lebong",
        reference="003/Reg/TM/PB/Kab/07.04/X/2024",
        recommendation=(
            "Merekomendasikan kepada Pejabat Pembina Kepegawaian Kabupaten Lebong untuk menjatuhkan sanksi "
            "terhadap yang bersangkutan sesuai ketentuan peraturan perundang-undangan."
        ),
        letter_number="112/PM.00.02/K.BE-07/10/2024",
        status="merged",
        duplicate_of="s1-diskominfo",
    ),
    # --- Pilkada 2024: citizens ------------------------------------------------------------------------------
    DemoReport(
        key="c-teacher-shares",
        channel="citizen",
        received="2024-10-03 08:30",
        election="pilkada2024",
        violation="N04",
        incident="2024-10-02",
        accused="teacher:smpn-4:1",
        platform="Facebook",
        description=(
            "Guru SMP Negeri 4 Lebong membagikan ulang lima unggahan kampanye paslon nomor urut 2 di akun Facebook "
            "pribadinya dan menulis komentar 'lanjutkan pembangunan, pilih nomor 2'."
        ),
        links=("https://www.facebook.com/guru.lebong.demo/posts/pfbid0demoC01",),
        screenshots=1,
        reporter=_citizen("Arman Sujono", "0813-6720-1185", email="arman.sujono@example.com"),
        status="in_process",
        case="teacher-shares",
    ),
    DemoReport(
        key="c-teacher-shares-again",
        channel="citizen",
        received="2024-10-04 21:03",
        election="pilkada2024",
        violation="N04",
        incident="2024-10-02",
        accused="teacher:smpn-4:1",
        nip_given=False,
        platform="Facebook",
        description=(
            "Ada guru SMP 4 yang ikut menyebarkan postingan kampanye calon bupati nomor 2 di Facebook. "
            "Mohon ditindak karena ASN harus netral."
        ),
        links=("https://m.facebook.com/guru.lebong.demo/posts/pfbid0demoC01/",),
        reporter=ANONYMOUS,
        source="api",
        status="merged",
        duplicate_of="c-teacher-shares",
    ),
    DemoReport(
        key="c-camat-rally",
        channel="citizen",
        received="2024-10-13 07:45",
        election="pilkada2024",
        violation="N03",
        incident="2024-10-12",
        accused="camat:kec-amen",
        place="Lapangan Desa Amen, Kecamatan Amen",
        description=(
            "Camat Amen hadir dalam kampanye terbuka paslon nomor urut 1 di Lapangan Desa Amen, naik ke panggung, "
            "dan menyampaikan dukungan kepada paslon di depan warga. Acara direkam dan disiarkan langsung."
        ),
        links=("https://www.youtube.com/watch?v=demoNetraC02",),
        reporter=_citizen("Dodi Kurniadi", "0821-7755-3190", email="dodi.k@example.com"),
        status="in_process",
        case="camat-rally",
    ),
    DemoReport(
        key="c-puskesmas-photo",
        channel="citizen",
        received="2024-10-20 13:10",
        election="pilkada2024",
        violation="N05",
        incident="2024-10-19",
        accused="head:pkm-muara-aman",
        platform="Instagram",
        description=(
            "Kepala Puskesmas Muara Aman mengunggah foto bersama calon bupati nomor urut 3 sambil mengenakan kaos "
            "kampanye dan mengacungkan tiga jari di akun Instagram pribadinya."
        ),
        links=("https://www.instagram.com/p/DemoNetraC03/",),
        screenshots=1,
        reporter=_citizen("Maria Ulfa", "0852-6610-2874"),
        status="in_review",
    ),
    DemoReport(
        key="c-whatsapp-group",
        channel="citizen",
        received="2024-10-22 20:15",
        election="pilkada2024",
        violation="N02",
        incident="2024-10-21",
        accused="staff:dinsos:1",
        nip_given=False,
        platform="WhatsApp",
        description=(
            "Seorang pegawai Dinas Sosial mengirim pesan ajakan memilih paslon nomor urut 2 di grup WhatsApp "
            "penerima bantuan sosial desa kami, disertai gambar paslon."
        ),
        reporter=_citizen("Rizal Fahmi", "0812-7899-0452"),
        status="awaiting_information",
        message=(
            "Mohon lampirkan tangkapan layar pesan di grup WhatsApp tersebut yang memperlihatkan nomor atau nama "
            "pengirim serta tanggal pesan."
        ),
        pin="27112024",
    ),
    DemoReport(
        key="c-village-head",
        channel="citizen",
        received="2024-10-16 10:20",
        election="pilkada2024",
        violation="N01",
        incident="2024-10-15",
        accused_text=("Sudirman", "Kepala Desa Suka Datang", "Desa Suka Datang"),
        nip_given=False,
        place="Desa Suka Datang",
        description=(
            "Kepala Desa Suka Datang memasang baliho paslon nomor urut 1 di depan kantor desa dan meminta warga "
            "memasang stiker paslon di rumah masing-masing."
        ),
        reporter=_citizen("Yusnani", "0813-7720-6613"),
        status="rejected",
        message=(
            "Terlapor adalah kepala desa, bukan pegawai ASN, sehingga tidak termasuk kewenangan Pemerintah "
            "Kabupaten Lebong dalam penegakan disiplin ASN. Laporan Anda dapat disampaikan kepada Bawaslu "
            "Kabupaten Lebong."
        ),
    ),
    DemoReport(
        key="c-honorary-teacher",
        channel="citizen",
        received="2024-10-24 16:05",
        election="pilkada2024",
        violation="N04",
        incident="2024-10-23",
        accused_text=("Rika Amelia", "Guru honorer", "SD Negeri 12 Lebong"),
        nip_given=False,
        platform="TikTok",
        description=(
            "Guru di SD Negeri 12 Lebong membuat video TikTok berjoget dengan lagu kampanye paslon nomor urut 2 "
            "di ruang kelas."
        ),
        links=("https://www.tiktok.com/@demo.netra/video/7400000000000000001",),
        reporter=ANONYMOUS,
        status="rejected",
        message=(
            "Terlapor adalah guru honorer yang tidak terdaftar sebagai PNS maupun PPPK, sehingga tidak dapat "
            "diproses menurut ketentuan disiplin ASN. Sekolah telah diberi tahu untuk melakukan pembinaan."
        ),
    ),
    DemoReport(
        key="c-kasi-villages",
        channel="citizen",
        received="2024-11-05 09:00",
        election="pilkada2024",
        violation="N10",
        incident="2024-11-02",
        accused="section:kec-lebong-utara:1",
        place="Aula Kantor Camat Lebong Utara",
        description=(
            "Kepala Seksi Pemerintahan Kecamatan Lebong Utara mengumpulkan para kepala desa di aula kantor camat "
            "dan meminta mereka mengarahkan warga memilih paslon nomor urut 2."
        ),
        reporter=ANONYMOUS,
        status="in_review",
    ),
    DemoReport(
        key="c-kasi-villages-again",
        channel="citizen",
        received="2024-11-06 12:30",
        election="pilkada2024",
        violation="N10",
        incident="2024-11-02",
        accused="section:kec-lebong-utara:1",
        nip_given=False,
        place="Kantor Camat Lebong Utara",
        description=(
            "Saya kepala desa yang ikut diundang ke kantor camat tanggal 2 November. Kepala seksi pemerintahan "
            "meminta kami mengarahkan warga memilih paslon nomor 2 dan mengancam bantuan desa akan diperlambat."
        ),
        reporter=ANONYMOUS,
        status="merged",
        duplicate_of="c-kasi-villages",
    ),
    DemoReport(
        key="c-nurse-tiktok",
        channel="citizen",
        received="2024-11-10 18:22",
        election="pilkada2024",
        violation="N04",
        incident="2024-11-09",
        accused="nurse:pkm-tubei:1",
        platform="TikTok",
        description=(
            "Perawat Puskesmas Tubei mengunggah video TikTok dengan seragam dinas sambil menirukan jargon kampanye "
            "paslon nomor urut 1."
        ),
        links=("https://www.tiktok.com/@demo.netra/video/7400000000000000002",),
        reporter=_citizen("Hendri Gunawan", "0822-8101-3377"),
    ),
    DemoReport(
        key="c-road-priority",
        channel="citizen",
        received="2024-11-12 11:30",
        election="pilkada2024",
        violation="N13",
        incident="2024-11-01",
        accused="division:dpupr:1",
        place="Kecamatan Lebong Sakti",
        description=(
            "Kepala Bidang Bina Marga DPUPR mendahulukan perbaikan jalan di desa-desa basis pendukung paslon nomor "
            "urut 2 dan menyampaikan kepada warga bahwa perbaikan itu 'hadiah dari paslon'."
        ),
        reporter=_citizen("Sahril Anwar", "0813-7777-2050", email="sahril.anwar@example.com"),
        status="in_review",
    ),
    DemoReport(
        key="c-twibbon",
        channel="citizen",
        received="2024-10-30 07:55",
        election="pilkada2024",
        violation="N05",
        incident="2024-10-29",
        accused="teacher:sdn-12:2",
        platform="Facebook",
        description=(
            "Guru PPPK SD Negeri 12 Lebong memasang bingkai foto profil (twibbon) paslon nomor urut 3 di akun "
            "Facebook-nya selama masa kampanye."
        ),
        links=("https://www.facebook.com/demo.guru.sdn12/photos/demoNetraC10",),
        reporter=_citizen("Lina Marlina", "0812-7300-9911"),
        status="in_process",
        case="twibbon",
    ),
    DemoReport(
        key="c-official-car-1",
        channel="citizen",
        received="2024-11-18 12:40",
        election="pilkada2024",
        violation="N03",
        incident="2024-11-17",
        accused="head:dinsos",
        place="Lapangan Hatta, Muara Aman",
        description=(
            "Kepala Dinas Sosial datang ke kampanye akbar paslon nomor urut 2 di Lapangan Hatta Muara Aman dengan "
            "mobil dinas dan duduk di barisan tim pemenangan."
        ),
        reporter=_citizen("Andri Saputra", "0852-7311-0045"),
        status="in_process",
        case="official-car",
    ),
    DemoReport(
        key="c-official-car-2",
        channel="citizen",
        received="2024-11-18 17:02",
        election="pilkada2024",
        violation="N03",
        incident="2024-11-17",
        accused="head:dinsos",
        nip_given=False,
        place="Lapangan Hatta, Muara Aman",
        description=(
            "Mobil dinas berpelat merah milik Dinas Sosial terparkir di lokasi kampanye paslon 2 di Lapangan Hatta; "
            "kepala dinasnya terlihat ikut bertepuk tangan di dekat panggung."
        ),
        reporter=ANONYMOUS,
        source="api",
        status="in_process",
        case="official-car",
    ),
    DemoReport(
        key="c-live-promotion",
        channel="citizen",
        received="2024-11-20 21:30",
        election="pilkada2024",
        violation="N02",
        incident="2024-11-20",
        accused="functional:dinkes:1",
        platform="Facebook",
        description=(
            "Pegawai Dinas Kesehatan melakukan siaran langsung di Facebook mempromosikan program paslon nomor urut 1 "
            "dan meminta penonton membagikan siaran tersebut."
        ),
        links=("https://www.facebook.com/demo.dinkes.pegawai/videos/demoNetraC15",),
        reporter=_citizen("Wati Susanti", "0813-6730-4412"),
    ),
    DemoReport(
        key="c-ktp-collection",
        channel="citizen",
        received="2024-05-20 10:10",
        election="pilkada2024",
        violation="N12",
        incident="2024-05-18",
        accused="staff:kec-pelabai:2",
        place="Kantor Camat Pelabai",
        description=(
            "Pegawai Kecamatan Pelabai mengumpulkan fotokopi KTP warga yang datang mengurus administrasi untuk "
            "dukungan bakal pasangan calon perseorangan, tanpa sepengetahuan warga."
        ),
        reporter=_citizen("Ismanto", "0821-7600-1212"),
        status="in_process",
        case="ktp-collection",
    ),
    DemoReport(
        key="c-socialisation",
        channel="citizen",
        received="2024-07-17 09:45",
        election="pilkada2024",
        violation="N06",
        incident="2024-07-15",
        accused="division:disdikbud:2",
        place="Gedung Serbaguna Tubei",
        description=(
            "Kepala Bidang Pembinaan SD Dinas Pendidikan hadir dan memberi sambutan dalam acara sosialisasi bakal "
            "calon bupati di Gedung Serbaguna Tubei."
        ),
        reporter=_citizen("Roni Hartono", "0812-7322-8080"),
        status="in_review",
    ),
    DemoReport(
        key="c-whatsapp-relawan",
        channel="citizen",
        received="2024-10-25 14:00",
        election="pilkada2024",
        violation="N04",
        incident="2024-10-24",
        accused="teacher:smpn-1:4",
        platform="WhatsApp",
        description=(
            "Guru SMP Negeri 1 Lebong menjadi admin grup WhatsApp 'Relawan Paslon 1 Lebong' dan rutin membagikan "
            "materi kampanye di grup itu."
        ),
        reporter=_citizen("Fitriani", "0852-6600-7788"),
    ),
    DemoReport(
        key="c-doctor-story",
        channel="citizen",
        received="2024-11-21 08:05",
        election="pilkada2024",
        violation="N02",
        incident="2024-11-20",
        accused="doctor:pkm-muara-aman",
        platform="Instagram",
        description=(
            "Dokter Puskesmas Muara Aman membuat Instagram Story berisi ajakan memilih paslon nomor urut 3 dan "
            "menandai akun resmi paslon."
        ),
        links=("https://www.instagram.com/stories/demo.dokter/3400000000000000001/",),
        reporter=_citizen("Budiman", "0813-7788-5500"),
        source="api",
    ),
    DemoReport(
        key="c-no-evidence",
        channel="citizen",
        received="2024-10-09 19:50",
        election="pilkada2024",
        violation="N04",
        incident="2024-10-05",
        accused="staff:bpkad:2",
        nip_given=False,
        platform="Facebook",
        description=(
            "Pegawai BPKAD sering memberi komentar dukungan di halaman Facebook paslon nomor urut 1, tetapi "
            "komentarnya sudah dihapus."
        ),
        reporter=_citizen("Ahmad Yani", "0822-7000-1234"),
        status="rejected",
        message=(
            "Laporan tidak disertai bukti atau tautan dan pelapor tidak menanggapi permintaan keterangan tambahan; "
            "komentar yang dimaksud juga tidak dapat ditemukan lagi. Laporan dapat diajukan kembali bila ada bukti."
        ),
    ),
    DemoReport(
        key="c-quiet-period-camat",
        channel="citizen",
        received="2024-11-26 07:30",
        election="pilkada2024",
        violation="N10",
        incident="2024-11-25",
        accused="camat:kec-lebong-utara",
        place="Rumah dinas Camat Lebong Utara",
        description=(
            "Pada masa tenang, Camat Lebong Utara mengundang ketua RT se-kecamatan ke rumah dinasnya, membagikan "
            "amplop, dan meminta mereka memastikan warga memilih paslon nomor urut 2."
        ),
        reporter=_citizen("Jon Hendri", "0813-7301-5151"),
        status="in_process",
        case="quiet-period-camat",
    ),
    DemoReport(
        key="c-ektp-delay",
        channel="citizen",
        received="2024-11-04 15:15",
        election="pilkada2024",
        violation="N13",
        incident="2024-10-28",
        accused="division:disdukcapil:1",
        description=(
            "Pencetakan KTP-el warga desa kami ditunda oleh pejabat Disdukcapil dengan alasan desa kami 'bukan "
            "pendukung', sementara desa lain dilayani."
        ),
        reporter=_citizen("Samsul Bahri", "0812-7001-6565"),
        status="awaiting_information",
        message=(
            "Mohon sebutkan nama desa, tanggal pengajuan KTP-el warga yang ditunda, dan siapa yang menyampaikan "
            "alasan tersebut."
        ),
        answer=(
            "Desa Talang Ratu. Pengajuan tanggal 21 Oktober 2024 untuk 14 warga. Alasan itu disampaikan petugas "
            "loket kepada kepala dusun kami."
        ),
    ),
    DemoReport(
        key="c-comment-candidate",
        channel="citizen",
        received="2024-11-15 22:10",
        election="pilkada2024",
        violation="N04",
        incident="2024-11-14",
        accused="staff:disdukcapil:1",
        platform="Facebook",
        description=(
            "Pegawai Disdukcapil menulis komentar 'wajib menang, ASN siap mendukung' pada unggahan kampanye paslon "
            "nomor urut 2."
        ),
        links=("https://www.facebook.com/paslon.bupati.lebong/posts/pfbid02demoNetraC12",),
        reporter=_citizen("Lestari", "0821-7311-9090"),
    ),
    DemoReport(
        key="c-banner-house",
        channel="citizen",
        received="2024-11-22 09:15",
        election="pilkada2024",
        violation="N01",
        incident="2024-11-21",
        accused="staff:dpupr:2",
        place="Jalan Raya Muara Aman–Tubei",
        description=(
            "Pegawai DPUPR memasang spanduk besar paslon nomor urut 1 di pagar rumahnya yang berada di tepi jalan "
            "raya dan ikut membagikan stiker."
        ),
        reporter=_citizen("Yuliarti", "0813-7309-1001"),
    ),
    DemoReport(
        key="c-provincial-teacher",
        channel="citizen",
        received="2024-01-25 10:00",
        election="pemilu2024",
        violation="N05",
        incident="2024-01-23",
        accused_text=("Hermanto", "Guru", "SMA Negeri 2 Lebong"),
        nip_given=False,
        platform="Facebook",
        description=(
            "Guru SMA Negeri 2 Lebong mengunggah foto bersama calon anggota DPRD Provinsi Bengkulu dengan atribut "
            "partai saat kampanye di Muara Aman."
        ),
        reporter=_citizen("Dian Puspita", "0812-7355-4433"),
        status="rejected",
        message=(
            "Guru SMA negeri adalah pegawai Pemerintah Provinsi Bengkulu, bukan Pemerintah Kabupaten Lebong. "
            "Laporan ini di luar kewenangan kami; silakan sampaikan ke BKD Provinsi Bengkulu atau Bawaslu."
        ),
    ),
    # --- Pemilu 2024: citizens -------------------------------------------------------------------------------
    DemoReport(
        key="c-winning-team",
        channel="citizen",
        received="2024-01-10 09:20",
        election="pemilu2024",
        violation="N11",
        incident="2024-01-06",
        accused="secretary:kec-lebong-selatan",
        description=(
            "Sekretaris Kecamatan Lebong Selatan tercatat sebagai koordinator tim pemenangan seorang calon anggota "
            "DPRD Kabupaten Lebong untuk daerah pemilihan Lebong 2 dan memimpin rapat tim di rumahnya."
        ),
        reporter=_citizen("Hasan Basri", "0813-6700-2323"),
        status="in_process",
        case="winning-team",
    ),
    DemoReport(
        key="c-banner-office",
        channel="citizen",
        received="2024-01-08 08:10",
        election="pemilu2024",
        violation="N01",
        incident="2024-01-06",
        accused="staff:satpolpp:1",
        place="Pagar Kantor Satpol PP",
        description=(
            "Pegawai Satpol PP memasang spanduk calon anggota DPR RI di pagar kantor Satpol PP dan menolak "
            "menurunkannya ketika ditegur warga."
        ),
        reporter=_citizen("Yanto", "0852-6711-3030"),
        status="in_process",
        case="banner-office",
    ),
    DemoReport(
        key="c-sembako",
        channel="citizen",
        received="2024-02-12 16:45",
        election="pemilu2024",
        violation="N10",
        incident="2024-02-11",
        accused="head:bpkad",
        place="Desa Kota Donok",
        description=(
            "Pada masa tenang, Kepala BPKAD membagikan paket sembako bergambar seorang calon anggota DPRD di Desa "
            "Kota Donok sambil meminta warga mencoblos calon tersebut."
        ),
        reporter=_citizen("Rosmiati", "0812-7000-8855"),
        status="in_review",
    ),
    DemoReport(
        key="c-spouse-campaign",
        channel="citizen",
        received="2024-01-15 11:00",
        election="pemilu2024",
        violation="N07",
        incident="2024-01-13",
        accused="functional:bappeda:1",
        place="Gedung Pertemuan Kecamatan Amen",
        description=(
            "Pegawai Bappeda menghadiri kampanye suaminya, calon anggota DPRD Kabupaten Lebong, pada hari kerja "
            "tanpa mengambil cuti di luar tanggungan negara, dan ikut menyapa warga dari panggung."
        ),
        reporter=_citizen("Nining", "0813-7333-6060"),
        status="in_review",
    ),
    # --- Bawaslu forwardings -------------------------------------------------------------------------------
    DemoReport(
        key="b-camat-rally",
        channel="bawaslu",
        received="2024-10-15 14:30",
        election="pilkada2024",
        violation="N03",
        incident="2024-10-12",
        accused="camat:kec-amen",
        place="Lapangan Desa Amen, Kecamatan Amen",
        description=(
            "Hasil pengawasan Panwaslu Kecamatan Amen: Camat Amen hadir dan menyampaikan orasi dukungan dalam "
            "kampanye terbuka pasangan calon nomor urut 1 pada 12 Oktober 2024."
        ),
        office="lebong",
        reference="004/Reg/TM/PB/Kab/07.04/X/2024",
        recommendation="Diteruskan kepada PPK untuk ditindaklanjuti sesuai ketentuan disiplin ASN.",
        letter_number="118/PM.00.02/K.BE-07/10/2024",
        status="merged",
        duplicate_of="c-camat-rally",
    ),
    DemoReport(
        key="b-village-fund-team",
        channel="bawaslu",
        received="2024-10-09 09:00",
        election="pilkada2024",
        violation="N11",
        incident="2024-10-01",
        accused="staff:dpmd:1",
        description=(
            "Laporan masyarakat yang diterima Bawaslu Kabupaten Lebong: pegawai DPMD tercatat dalam surat "
            "keputusan tim pemenangan pasangan calon nomor urut 2 sebagai bendahara tim tingkat kabupaten."
        ),
        office="lebong",
        reference="002/Reg/LP/PB/Kab/07.04/X/2024",
        origin="report",
        recommendation="Merekomendasikan pemeriksaan dan penjatuhan sanksi disiplin.",
        letter_number="104/PM.00.02/K.BE-07/10/2024",
        status="in_process",
        case="village-fund-team",
    ),
    DemoReport(
        key="b-teacher-likes",
        channel="bawaslu",
        received="2024-11-06 10:45",
        election="pilkada2024",
        violation="N04",
        incident="2024-11-03",
        accused="teacher:smpn-4:2",
        platform="Instagram",
        description=(
            "Hasil patroli siber Bawaslu Kabupaten Lebong: guru PPPK SMP Negeri 4 Lebong menyukai dan mengomentari "
            "unggahan kampanye paslon nomor urut 3 di Instagram."
        ),
        links=("https://www.instagram.com/p/DemoNetraB04/",),
        screenshots=1,
        office="lebong",
        reference="006/Reg/TM/PB/Kab/07.04/XI/2024",
        recommendation="Mohon ditindaklanjuti dan hasilnya disampaikan kepada Bawaslu Kabupaten Lebong.",
        letter_number="131/PM.00.02/K.BE-07/11/2024",
        status="in_review",
    ),
    DemoReport(
        key="b-village-program",
        channel="bawaslu",
        received="2024-11-14 15:20",
        election="pilkada2024",
        violation="N13",
        incident="2024-11-08",
        accused="head:dpmd",
        description=(
            "Hasil pengawasan: Kepala DPMD menerbitkan surat edaran yang mewajibkan kegiatan pemberdayaan desa "
            "menampilkan program unggulan salah satu pasangan calon."
        ),
        office="lebong",
        reference="007/Reg/TM/PB/Kab/07.04/XI/2024",
        recommendation="Diteruskan untuk ditindaklanjuti sesuai kewenangan PPK.",
        letter_number="139/PM.00.02/K.BE-07/11/2024",
    ),
    DemoReport(
        key="b-banner-vehicle",
        channel="bawaslu",
        received="2024-11-19 08:40",
        election="pilkada2024",
        violation="N01",
        incident="2024-11-16",
        accused="staff:dpupr:1",
        description=(
            "Hasil pengawasan: pegawai DPUPR menggunakan kendaraan operasional dinas untuk mengangkut dan memasang "
            "alat peraga kampanye pasangan calon nomor urut 1."
        ),
        office="lebong",
        reference="008/Reg/TM/PB/Kab/07.04/XI/2024",
        recommendation="Mohon diperiksa dan dijatuhi sanksi sesuai ketentuan.",
        letter_number="142/PM.00.02/K.BE-07/11/2024",
    ),
    DemoReport(
        key="b-kasi-rally",
        channel="bawaslu",
        received="2024-01-12 13:00",
        election="pemilu2024",
        violation="N03",
        incident="2024-01-09",
        accused="section:kec-lebong-sakti:2",
        description=(
            "Hasil pengawasan Panwaslu Kecamatan Lebong Sakti: Kepala Seksi Kesejahteraan Sosial hadir dan ikut "
            "berorasi dalam kampanye terbuka calon anggota DPRD Kabupaten Lebong."
        ),
        office="lebong",
        reference="011/Reg/TM/PL/Kab/07.04/I/2024",
        recommendation="Merekomendasikan penjatuhan sanksi sesuai PP 94/2021.",
        letter_number="021/PM.00.02/K.BE-07/01/2024",
        status="in_process",
        case="kasi-rally",
    ),
    DemoReport(
        key="b-party-member",
        channel="bawaslu",
        received="2023-12-20 10:30",
        election="pemilu2024",
        violation="N09",
        incident="2023-12-15",
        accused="staff:kec-lebong-utara:1",
        description=(
            "Laporan masyarakat: pegawai Kecamatan Lebong Utara tercatat sebagai pengurus partai politik tingkat "
            "kecamatan dalam Sistem Informasi Partai Politik dan hadir dalam rapat konsolidasi partai."
        ),
        office="lebong",
        reference="001/Reg/LP/PL/Kab/07.04/XII/2023",
        origin="report",
        recommendation="Merekomendasikan pemberhentian sesuai ketentuan Undang-Undang ASN.",
        letter_number="245/PM.00.02/K.BE-07/12/2023",
        status="in_process",
        case="party-member",
    ),
    DemoReport(
        key="b-head-bappeda",
        channel="bawaslu",
        received="2024-10-28 11:15",
        election="pilkada2024",
        violation="N02",
        incident="2024-10-24",
        accused="head:bappeda",
        platform="Facebook",
        description=(
            "Hasil patroli siber Bawaslu Provinsi Bengkulu: Kepala Bappeda Kabupaten Lebong mempromosikan visi dan "
            "misi pasangan calon Bupati nomor urut 2 melalui akun Facebook pribadinya."
        ),
        links=("https://www.facebook.com/demo.kepala.bappeda/posts/pfbid0demoB08",),
        office="bengkulu",
        reference="014/Reg/TM/PB/Prov/07.00/X/2024",
        recommendation="Diteruskan kepada PPK Kabupaten Lebong untuk ditindaklanjuti.",
        letter_number="356/PM.00.02/K.BE/10/2024",
        status="in_review",
    ),
    DemoReport(
        key="c-bappeda-facebook",
        channel="citizen",
        received="2024-10-29 19:05",
        election="pilkada2024",
        violation="N02",
        incident="2024-10-24",
        accused="head:bappeda",
        nip_given=False,
        platform="Facebook",
        description=(
            "Kepala Bappeda Lebong menulis status Facebook panjang tentang keberhasilan program paslon nomor 2 dan "
            "mengajak ASN lain 'tahu diri' untuk mendukung."
        ),
        links=("https://www.facebook.com/demo.kepala.bappeda/posts/pfbid0demoB08",),
        reporter=_citizen("Darmawati", "0813-7320-8181"),
        status="merged",
        duplicate_of="b-head-bappeda",
    ),
    DemoReport(
        key="b-provincial-employee",
        channel="bawaslu",
        received="2024-11-11 09:50",
        election="pilkada2024",
        violation="N04",
        incident="2024-11-05",
        accused_text=("Darwis", "Pengelola Layanan Operasional", "UPTD Dinas Pendidikan Provinsi Bengkulu di Lebong"),
        nip_given=False,
        description=(
            "Laporan masyarakat: pegawai UPTD Dinas Pendidikan Provinsi Bengkulu yang bertugas di Lebong membagikan "
            "unggahan kampanye calon gubernur di media sosial."
        ),
        office="bengkulu",
        reference="015/Reg/LP/PB/Prov/07.00/XI/2024",
        origin="report",
        recommendation="Mohon ditindaklanjuti.",
        letter_number="371/PM.00.02/K.BE/11/2024",
        status="rejected",
        message=(
            "Terlapor adalah pegawai Pemerintah Provinsi Bengkulu; laporan di luar kewenangan Pemerintah Kabupaten "
            "Lebong dan perlu diteruskan kepada PPK Pemerintah Provinsi Bengkulu."
        ),
    ),
    DemoReport(
        key="b-assistant-declaration",
        channel="bawaslu",
        received="2024-09-03 10:00",
        election="pilkada2024",
        violation="N03",
        incident="2024-08-29",
        accused="assistant:1",
        place="Gedung Pertemuan Tubei",
        description=(
            "Hasil pengawasan Bawaslu Provinsi Bengkulu: Asisten Pemerintahan dan Kesra Setda Lebong menghadiri "
            "deklarasi bakal pasangan calon dan memberikan sambutan dukungan."
        ),
        office="bengkulu",
        reference="009/Reg/TM/PB/Prov/07.00/IX/2024",
        recommendation="Merekomendasikan penjatuhan sanksi kepada yang bersangkutan.",
        letter_number="298/PM.00.02/K.BE/09/2024",
        status="in_process",
        case="assistant-declaration",
    ),
    # --- Diskominfo monitoring ---------------------------------------------------------------------------
    DemoReport(
        key="d-sd-teacher-shares",
        channel="diskominfo",
        received="2024-10-14 16:00",
        election="pilkada2024",
        violation="N04",
        incident="2024-10-14",
        accused="teacher:sdn-12:1",
        platform="Facebook",
        description=(
            "Pemantauan media sosial: akun Facebook guru SD Negeri 12 Lebong membagikan empat unggahan akun tim "
            "pemenangan paslon nomor urut 1 dalam satu hari."
        ),
        links=("https://www.facebook.com/demo.guru.sdn12.a/posts/pfbid0demoD02",),
        screenshots=1,
        reporter={"organisation": DISKOMINFO_TEAM},
        status="in_review",
    ),
    DemoReport(
        key="d-social-photo",
        channel="diskominfo",
        received="2024-10-18 15:30",
        election="pilkada2024",
        violation="N05",
        incident="2024-10-18",
        accused="functional:dinsos:2",
        platform="Instagram",
        description=(
            "Pemantauan media sosial: akun Instagram penyuluh sosial Dinas Sosial mengunggah foto bersama calon "
            "bupati nomor urut 2 dengan keterangan 'siap memenangkan'."
        ),
        links=("https://www.instagram.com/p/DemoNetraD03/",),
        screenshots=1,
        reporter={"organisation": DISKOMINFO_TEAM},
        status="in_process",
        case="social-photo",
    ),
    DemoReport(
        key="d-tiktok-comments",
        channel="diskominfo",
        received="2024-11-01 14:20",
        election="pilkada2024",
        violation="N04",
        incident="2024-11-01",
        accused="staff:bappeda:3",
        platform="TikTok",
        description=(
            "Pemantauan media sosial: akun TikTok pegawai Bappeda menulis belasan komentar dukungan pada video "
            "kampanye paslon nomor urut 3."
        ),
        links=("https://www.tiktok.com/@paslon3.demo/video/7400000000000000003",),
        reporter={"organisation": DISKOMINFO_TEAM},
    ),
    DemoReport(
        key="d-nurse-facebook",
        channel="diskominfo",
        received="2024-11-08 13:45",
        election="pilkada2024",
        violation="N02",
        incident="2024-11-08",
        accused="nurse:pkm-muara-aman:2",
        platform="Facebook",
        description=(
            "Pemantauan media sosial: perawat PPPK Puskesmas Muara Aman mengunggah ajakan memilih paslon nomor urut "
            "1 dengan foto berseragam dinas."
        ),
        links=("https://www.facebook.com/demo.perawat/posts/pfbid0demoD05",),
        reporter={"organisation": DISKOMINFO_TEAM},
    ),
    DemoReport(
        key="d-same-name",
        channel="diskominfo",
        received="2024-10-26 10:30",
        election="pilkada2024",
        violation="N04",
        incident="2024-10-25",
        accused_text=("Ahmad Saputra", "", "Tidak diketahui"),
        nip_given=False,
        platform="Facebook",
        description=(
            "Pemantauan media sosial: akun Facebook atas nama Ahmad Saputra yang mencantumkan 'ASN Lebong' "
            "membagikan unggahan kampanye paslon nomor urut 2."
        ),
        links=("https://www.facebook.com/ahmad.saputra.demo/posts/pfbid0demoD06",),
        reporter={"organisation": DISKOMINFO_TEAM},
        status="rejected",
        message=(
            "Pemilik akun tidak terdaftar sebagai ASN Pemerintah Kabupaten Lebong; nama yang sama dimiliki warga "
            "yang bukan pegawai."
        ),
    ),
    DemoReport(
        key="d-pemilu-finance",
        channel="diskominfo",
        received="2024-01-20 15:00",
        election="pemilu2024",
        violation="N04",
        incident="2024-01-20",
        accused="staff:bpkad:1",
        platform="Facebook",
        description=(
            "Pemantauan media sosial: pegawai BPKAD bergabung dan aktif membagikan konten di grup Facebook "
            "pemenangan seorang calon anggota DPR RI daerah pemilihan Bengkulu."
        ),
        links=("https://www.facebook.com/groups/demo.pemenangan/posts/demoD07",),
        reporter={"organisation": DISKOMINFO_TEAM},
        status="in_process",
        case="pemilu-finance",
    ),
    # --- Inspektorat findings -----------------------------------------------------------------------------
    DemoReport(
        key="i-procurement",
        channel="inspectorate",
        received="2024-11-04 10:00",
        election="pilkada2024",
        violation="N13",
        incident="2024-10-30",
        accused="division:bpkad:2",
        description=(
            "Temuan audit: Kepala Bidang Perbendaharaan mempercepat pencairan pembayaran kepada penyedia yang "
            "dimiliki anggota tim pemenangan salah satu paslon, tidak sesuai urutan antrean."
        ),
        reporter={"organisation": INSPECTORATE},
        status="in_review",
    ),
    DemoReport(
        key="i-party-screening",
        channel="inspectorate",
        received="2026-04-14 09:30",
        election="pemilu2029",
        violation="N08",
        incident="2026-04-06",
        accused="functional:dpupr:2",
        description=(
            "Temuan Inspektorat: pejabat fungsional DPUPR mendaftar dalam penjaringan bakal calon anggota DPRD "
            "Kabupaten Lebong sebuah partai politik untuk pemilu berikutnya tanpa mengajukan cuti di luar "
            "tanggungan negara."
        ),
        reporter={"organisation": INSPECTORATE},
        status="in_process",
        case="party-screening",
    ),
    DemoReport(
        key="i-posyandu",
        channel="inspectorate",
        received="2024-11-13 11:10",
        election="pilkada2024",
        violation="N10",
        incident="2024-11-12",
        accused="staff:dinkes:2",
        place="Posyandu Desa Tes",
        description=(
            "Temuan Inspektorat: pegawai Dinas Kesehatan memanfaatkan kegiatan posyandu untuk membagikan kalender "
            "bergambar paslon nomor urut 2 kepada ibu-ibu peserta."
        ),
        reporter={"organisation": INSPECTORATE},
    ),
    # --- Direct superiors' findings (entered by the intake officer) -------------------------------------
    DemoReport(
        key="p-disdukcapil-staff",
        channel="superior",
        received="2024-10-21 09:00",
        election="pilkada2024",
        violation="N04",
        incident="2024-10-18",
        accused="staff:disdukcapil:2",
        platform="Facebook",
        description=(
            "Laporan atasan langsung: staf kami mengunggah ulang video kampanye paslon nomor urut 1 di akun Facebook "
            "pribadinya; telah ditegur secara lisan dan diminta menghapus unggahan."
        ),
        reporter={"organisation": "Kepala Dinas Kependudukan dan Pencatatan Sipil (atasan langsung)"},
        status="in_process",
        case="disdukcapil-staff",
    ),
    DemoReport(
        key="p-pelabai-kasi",
        channel="superior",
        received="2024-11-11 14:30",
        election="pilkada2024",
        violation="N03",
        incident="2024-11-09",
        accused="section:kec-pelabai:2",
        place="Desa Karang Anyar",
        description=(
            "Laporan atasan langsung (Camat Pelabai): Kepala Seksi Kesejahteraan Sosial ikut mengatur massa dan "
            "membagikan kaos kampanye paslon nomor urut 3 pada kampanye di Desa Karang Anyar."
        ),
        reporter={"organisation": "Camat Pelabai (atasan langsung)"},
        status="in_review",
    ),
    DemoReport(
        key="p-dinkes-doctor",
        channel="superior",
        received="2024-11-16 10:20",
        election="pilkada2024",
        violation="N05",
        incident="2024-11-15",
        accused="doctor:pkm-tubei",
        platform="Instagram",
        description=(
            "Laporan atasan langsung: dokter Puskesmas Tubei memasang foto bersama calon wakil bupati dengan atribut "
            "partai sebagai foto profil Instagram."
        ),
        reporter={"organisation": "Kepala Puskesmas Tubei (atasan langsung)"},
    ),
    # --- A few fresh citizen reports in the queue ------------------------------------------------------
    DemoReport(
        key="c-fresh-1",
        channel="citizen",
        received="2024-11-23 19:40",
        election="pilkada2024",
        violation="N04",
        incident="2024-11-23",
        accused="teacher:smpn-4:3",
        platform="Facebook",
        description=(
            "Guru SMP Negeri 4 Lebong menyukai dan membagikan unggahan hitung cepat internal tim paslon nomor urut 2 "
            "di hari terakhir kampanye."
        ),
        links=("https://www.facebook.com/paslon.bupati.lebong/posts/pfbid02demoNetraF1",),
        reporter=_citizen("Eko Prasetyo", "0812-7322-1001"),
    ),
    DemoReport(
        key="c-fresh-2",
        channel="citizen",
        received="2024-11-27 13:15",
        election="pilkada2024",
        violation="N10",
        incident="2024-11-27",
        accused="staff:kec-amen:1",
        place="TPS 03 Desa Amen",
        description=(
            "Pada hari pemungutan suara, pegawai kantor camat berdiri di dekat TPS 03 Desa Amen dan mengarahkan "
            "pemilih lanjut usia untuk mencoblos paslon nomor urut 1."
        ),
        reporter=ANONYMOUS,
        source="api",
    ),
    DemoReport(
        key="c-fresh-3",
        channel="citizen",
        received="2024-11-25 08:00",
        election="pilkada2024",
        violation="N04",
        incident="2024-11-24",
        accused="midwife:pkm-muara-aman:1",
        platform="WhatsApp",
        description=(
            "Bidan Puskesmas Muara Aman memasang status WhatsApp berisi gambar paslon nomor urut 3 dan ajakan "
            "'jangan lupa tanggal 27'."
        ),
        reporter=_citizen("Sulastri", "0852-6700-4141"),
        status="awaiting_information",
        message="Mohon kirimkan tangkapan layar status WhatsApp tersebut beserta nomor telepon yang memasangnya.",
    ),
    DemoReport(
        key="c-fresh-4",
        channel="citizen",
        received="2024-11-24 10:30",
        election="pilkada2024",
        violation="N02",
        incident="2024-11-23",
        accused="staff:dinsos:3",
        platform="YouTube",
        description=(
            "Pegawai Dinas Sosial mengunggah video di kanal YouTube pribadinya yang memuji program bantuan paslon "
            "nomor urut 2 dan menyebutnya 'pilihan ASN Lebong'."
        ),
        links=("https://www.youtube.com/watch?v=demoNetraF4",),
        reporter=_citizen("Agustina", "0813-7355-2727", email="agustina@example.com"),
    ),
    DemoReport(
        key="c-fresh-5",
        channel="citizen",
        received="2024-11-19 20:20",
        election="pilkada2024",
        violation="N03",
        incident="2024-11-19",
        accused="division:dinsos:1",
        place="Desa Tabeak Blau",
        description=(
            "Kepala Bidang Rehabilitasi Sosial Dinas Sosial ikut berkampanye dari rumah ke rumah bersama tim paslon "
            "nomor urut 2 di Desa Tabeak Blau pada jam kerja."
        ),
        reporter=_citizen("Sumarni", "0821-7300-6464"),
        status="in_review",
    ),
]
