"""The letters the employee type and the statutory dismissal change, read back from the PDF: a PPPK is never called a
"Pegawai Negeri Sipil" and rests on PP 49/2018; PTDH for party membership cites the ASN law in force (UU 20/2023),
sets its TMT and is appealed to the BPASN; for an Ahli Utama it is the President's, not signable in Netra."""

import datetime
import re
from typing import Any

import pytest

from accounts.models import CivilServant
from accounts.tests.factories import CivilServantFactory
from casework.letters import letter_html, letter_render, letterhead, requesting
from casework.models import Letter
from casework.templatetags.letter_format import letter_date
from casework.tests.letter_helpers import pdf_text
from core.errors import PermissionDenied
from core.models import AuditEvent
from sanctions.letter_contents.decision import decision_letter_context
from sanctions.models import Decision, Objection
from sanctions.services import decision_sign
from sanctions.services.objections import objection_kind
from sanctions.tests.decision_helpers import (
    World,
    decision_on,
    dismissal_date,
    forwarded_case,
    signed,
    to_awaiting_signature,
)

pytestmark = pytest.mark.django_db

PNS = "Pegawai Negeri Sipil"
PPPK = "Pegawai Pemerintah dengan Perjanjian Kerja"
INTERNAL_CODES = ("N04", "N09", "B3", "PK-", "PTDH", "M2")


@pytest.fixture(autouse=True)
def _no_queue(monkeypatch: Any) -> None:
    monkeypatch.setattr(requesting, "enqueue_render", lambda letter: None)


def _text(letter: Letter) -> str:
    issued = letter_render(letter_id=letter.pk)
    assert issued.status == Letter.Status.ISSUED
    with issued.pdf.open("rb") as stored:
        return " ".join(pdf_text(stored.read()).replace("/ ", "/").split())


def _pppk_teacher(world: World) -> CivilServant:
    return CivilServantFactory.create(
        nip="199103152022212004",
        name="Sri Wahyuni, S.Pd.",
        employee_type=CivilServant.EmployeeType.PPPK,
        position_title="Guru Ahli Pertama Matematika",
        position_kind=CivilServant.PositionKind.FUNCTIONAL,
        functional_level=CivilServant.FunctionalLevel.FIRST_EXPERT,
        rank="IX",
        unit=world.principal.unit,
        direct_superior=world.principal,
    )


def _no_codes(text: str) -> None:
    # Whole words: a letter's verification code may hold the same letters (e.g. "…B3K…").
    for code in INTERNAL_CODES:
        end = r"\w" if code.endswith("-") else r"(?![\w-])"  # "PK-" is a prefix of the PPPK codes
        assert re.search(rf"(?<![\w-]){re.escape(code)}{end}", text) is None, code


def test_a_pppk_termination_letter_says_pppk_and_rests_on_pp_49_2018(world):
    case = forwarded_case(world, _pppk_teacher(world), bawaslu=False)
    decision = signed(case, world, sanction_code="PK-B3", on=datetime.date(2024, 11, 20))

    text = _text(decision.letter)

    tmt = letter_date(decision.dismissal_date.isoformat())
    for fragment in [
        f"KEPADA {PPPK.upper()} ATAS NAMA SRI WAHYUNI",
        f"bahwa berdasarkan hasil pemeriksaan, {PPPK} atas nama Sri Wahyuni, S.Pd.",
        "Pemutusan hubungan perjanjian kerja dengan hormat tidak atas permintaan sendiri, yang merupakan hukuman "
        # Regulations cited by full title, the PNS regulation by number (issue 9: not "PP 49/2018 …").
        "disiplin tingkat berat, sebagaimana dimaksud dalam Peraturan Pemerintah Nomor 49 Tahun 2018 tentang "
        "Manajemen Pegawai Pemerintah dengan Perjanjian Kerja juncto Pasal 8 ayat (4) huruf c Peraturan Pemerintah "
        "Nomor 94 Tahun 2021, kepada:",
        f"Pemutusan hubungan perjanjian kerja tersebut berlaku terhitung mulai tanggal {tmt}.",
        "diberikan hak-haknya sesuai dengan perjanjian kerja",
        "banding administratif kepada Badan Pertimbangan Aparatur Sipil Negara",
        "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara",
    ]:
        assert fragment in text, fragment
    assert PNS not in text
    assert "Peraturan Badan Kepegawaian Negara Nomor 6 Tahun 2022" not in text
    _no_codes(text)
    assert objection_kind(decision) == Objection.Kind.APPEAL


def test_a_pppk_moral_statement_and_its_decision_never_say_pns(world):
    case = forwarded_case(world, _pppk_teacher(world), bawaslu=False)
    decision = signed(case, world, track="ethics", sanction_code="PK-M2")
    statement = Letter.objects.get(case=case, kind="moral_statement")

    decision_text, statement_text = _text(decision.letter), _text(statement)

    for text in (decision_text, statement_text):
        assert PNS not in text
        assert "Pasal 11 huruf c Peraturan Pemerintah Nomor 42 Tahun 2004" in text
        assert "juncto Pasal 15 ayat (3) huruf b Peraturan Pemerintah Nomor 42 Tahun 2004" in text
        _no_codes(text)
    assert f"menyatakan bahwa {PPPK}" in statement_text
    assert "PERNYATAAN SANKSI MORAL SECARA TERBUKA" in statement_text
    assert f"KEPADA {PPPK.upper()}" in decision_text


def _party_member_case(world: World, accused: CivilServant | None = None) -> Any:
    return forwarded_case(world, accused or world.principal, codes=("N09",), bawaslu=False)


def test_ptdh_for_party_membership_cites_uu_20_2023_sets_its_tmt_and_goes_to_bpasn(world):
    decision = signed(_party_member_case(world), world, sanction_code="PTDH", on=datetime.date(2024, 11, 20))

    text = _text(decision.letter)

    tmt = letter_date(decision.dismissal_date.isoformat())
    for fragment in [
        "TENTANG PEMBERHENTIAN TIDAK DENGAN HORMAT SEBAGAI PEGAWAI NEGERI SIPIL ATAS NAMA DRS. RAHMAT HIDAYAT",
        "Menjadi anggota dan/atau pengurus partai politik",
        # The norm as the law cites it, not the catalogue's raw text (issue 9: not "Lampiran II B; UU 20/2023 …").
        "larangan sebagaimana dimaksud dalam Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara (Menjadi "
        "anggota dan/atau pengurus partai politik)",
        "merupakan alasan pemberhentian yang ditetapkan dalam Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur "
        "Sipil Negara, bukan hukuman disiplin",
        "Memberhentikan tidak dengan hormat sebagai Pegawai Negeri Sipil, kepada:",
        f"terhitung mulai tanggal {tmt}, sebagaimana dimaksud dalam Undang-Undang Nomor 20 Tahun 2023",
        "Hak kepegawaian yang bersangkutan diberikan sesuai dengan ketentuan peraturan perundang-undangan.",
        "banding administratif kepada Badan Pertimbangan Aparatur Sipil Negara",
    ]:
        assert fragment in text, fragment
    for repealed in ("UU 5/2014", "Nomor 5 Tahun 2014", "Pasal 87"):
        assert repealed not in text, repealed
    assert "Menjatuhkan hukuman disiplin" not in text
    assert "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin" not in text
    _no_codes(text)
    assert objection_kind(decision) == Objection.Kind.APPEAL


def test_a_pppk_party_member_has_the_work_agreement_terminated_not_with_honour(world):
    case = _party_member_case(world, _pppk_teacher(world))
    decision = signed(case, world, sanction_code="PK-PTDH")

    text = _text(decision.letter)

    assert "TENTANG PEMUTUSAN HUBUNGAN PERJANJIAN KERJA TIDAK DENGAN HORMAT" in text
    assert f"Memutuskan hubungan perjanjian kerja tidak dengan hormat sebagai {PPPK}, kepada:" in text
    assert (
        "Peraturan Pemerintah Nomor 49 Tahun 2018 tentang Manajemen Pegawai Pemerintah dengan Perjanjian Kerja" in text
    )
    assert PNS not in text
    _no_codes(text)


def _ahli_utama(world: World) -> CivilServant:
    return CivilServantFactory.create(
        nip="196505051990031009",
        name="Prof. Dr. Hasanuddin",
        position_title="Peneliti Ahli Utama",
        position_kind=CivilServant.PositionKind.FUNCTIONAL,
        functional_level=CivilServant.FunctionalLevel.PRINCIPAL_EXPERT,
        unit=world.principal.unit,
        direct_superior=world.kadis,
    )


def test_ptdh_of_an_ahli_utama_is_the_presidents_and_cannot_be_signed_in_netra(world):
    case = _party_member_case(world, _ahli_utama(world))
    awaiting = to_awaiting_signature(decision_on(case, world, sanction_code="PTDH"), world)
    assert (awaiting.competent_official, awaiting.competent_official_title, awaiting.authority_rule.authority) == (
        None,
        "Presiden Republik Indonesia",
        "president",
    )
    before = (AuditEvent.objects.count(), Letter.objects.count(), awaiting.version)

    with pytest.raises(PermissionDenied) as refused:
        decision_sign(decision=awaiting, actor=world.bupati)

    assert refused.value.code == "decision_official_outside"
    assert "Presiden Republik Indonesia" in refused.value.message
    awaiting.refresh_from_db()
    assert (AuditEvent.objects.count(), Letter.objects.count(), awaiting.version) == before
    assert awaiting.status == Decision.Status.AWAITING_SIGNATURE

    # What the President's decree would say: the President decides, under UU 20/2023.
    context = {**decision_letter_context(awaiting), "letterhead": letterhead(case.agency), "letter_date": "2024-11-20"}
    html = letter_html(Letter(kind="decision", number="—", verification_code="PREVIEW00000", context=context))
    assert "KEPUTUSAN PRESIDEN REPUBLIK INDONESIA" in html
    assert "Memberhentikan tidak dengan hormat sebagai Pegawai Negeri Sipil" in html
    assert "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara" in html
    assert "UU 5/2014" not in html


def test_ptdh_of_a_junior_expert_is_signed_by_the_staffing_authority(world):
    awaiting = to_awaiting_signature(decision_on(_party_member_case(world), world, sanction_code="PTDH"), world)

    assert awaiting.competent_official == world.bupati
    assert decision_sign(decision=awaiting, actor=world.bupati).dismissal_date == dismissal_date()
