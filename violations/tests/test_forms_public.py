"""Every rule of the citizens' and offices' web forms (messages asserted in English, the msgids)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.datastructures import MultiValueDict

from core import clock
from core.testing import pdf_bytes, png_bytes
from violations.evidence import ValidatedEvidence
from violations.forms.bawaslu import ForwardingForm, internal_statuses
from violations.forms.public import AdditionForm, ReportForm, StatusLookupForm

pytestmark = pytest.mark.django_db

VALID_NIP = "198001012005031001"
DESCRIPTION = "Kepala sekolah membagikan unggahan kampanye pasangan calon bupati di Facebook."


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def _data(**overrides: str) -> dict[str, str]:
    data = {
        "description": DESCRIPTION,
        "accused_name": "Drs. Rahmat Hidayat",
        "accused_agency": "Dinas Pendidikan",
        "accused_position": "Kepala SMP Negeri 1",
        "accused_nip": "",
        "incident_date": "2024-10-07",
        "incident_time": "",
        "incident_place": "Grup Facebook Info Lebong",
        "platform": "Facebook",
        "links": "https://www.facebook.com/share/p/abc/",
        "violation_type": "",
        "reporter_name": "Siti Aminah",
        "reporter_email": "",
        "reporter_phone": "0812 3456 7890",
        "reporter_address": "",
    }
    data.update(overrides)
    return data


def _files(*uploads: SimpleUploadedFile) -> MultiValueDict:
    return MultiValueDict({"evidence": list(uploads)})


def _errors(form) -> dict[str, list[str]]:
    assert not form.is_valid()
    return {field: list(messages) for field, messages in form.errors.items()}


# --- the report form ---------------------------------------------------------------------------------


def test_report_form_valid_builds_service_inputs():
    form = ReportForm(_data(incident_time="14:30", violation_type="N04", accused_nip="19800101 200503 1 001"))

    assert form.is_valid(), form.errors
    report = form.report_input()
    assert report.accused_name == "Drs. Rahmat Hidayat"
    assert report.accused_nip == VALID_NIP
    assert report.incident_date == datetime.date(2024, 10, 7)
    assert report.incident_time == datetime.time(14, 30)
    assert report.platform == "Facebook"
    assert report.violation_type is not None and report.violation_type.code == "N04"
    assert report.links == ["https://www.facebook.com/share/p/abc/"]
    reporter = form.reporter_input()
    assert (reporter.anonymous, reporter.name, reporter.phone, reporter.email) == (
        False,
        "Siti Aminah",
        "0812 3456 7890",
        "",
    )


def test_report_form_requires_a_description():
    assert _errors(ReportForm(_data(description=""))) == {"description": ["Describe what happened."]}


def test_report_form_refuses_a_description_under_thirty_characters():
    assert _errors(ReportForm(_data(description="Kampanye di Facebook."))) == {
        "description": ["Describe what happened in at least 30 characters (you wrote 21)."]
    }


def test_report_form_requires_the_accused_name():
    assert _errors(ReportForm(_data(accused_name=""))) == {
        "accused_name": ["Give the name of the civil servant you are reporting."]
    }


@pytest.mark.parametrize(
    ("nip", "message"),
    [
        ("12345", "A NIP has exactly 18 digits."),
        ("198013012005031001", "The first 8 digits of a NIP must be a real birth date (YYYYMMDD)."),
        ("198001012005033001", "Digit 15 of a NIP is the sex digit and must be 1 or 2."),
        ("198001012005131001", "Digits 9–14 of a NIP must be a real appointment month (YYYYMM)."),
    ],
)
def test_report_form_checks_the_nip_structure(nip, message):
    assert _errors(ReportForm(_data(accused_nip=nip))) == {"accused_nip": [message]}


def test_report_form_requires_the_incident_date():
    assert _errors(ReportForm(_data(incident_date=""))) == {
        "incident_date": ["Give the date it happened (an estimate is fine)."]
    }


def test_report_form_refuses_an_incident_date_in_the_future():
    tomorrow = (clock.today() + datetime.timedelta(days=1)).isoformat()

    assert _errors(ReportForm(_data(incident_date=tomorrow))) == {
        "incident_date": ["The date cannot be in the future."]
    }


def test_report_form_accepts_today_as_incident_date():
    assert ReportForm(_data(incident_date=clock.today().isoformat())).is_valid()


def test_report_form_refuses_an_unreal_date_and_time():
    assert _errors(ReportForm(_data(incident_date="2024-02-30", incident_time="25:99"))) == {
        "incident_date": ["Enter a real date."],
        "incident_time": ["Enter a time such as 14:30."],
    }


def test_report_form_names_each_invalid_link_by_its_line():
    links = "https://facebook.com/p/1\n\nfacebook.com/p/2\nhttps://x.com/a/status/3\njavascript:alert(1)"

    assert _errors(ReportForm(_data(links=links))) == {
        "links": [
            "Line 3: “facebook.com/p/2” is not a valid web address; it must start with http:// or https://.",
            "Line 5: “javascript:alert(1)” is not a valid web address; it must start with http:// or https://.",
        ]
    }


def test_report_form_links_skip_blank_lines_and_repeats():
    form = ReportForm(
        _data(links="  https://tiktok.com/@a/video/1 \r\n\r\nhttps://tiktok.com/@a/video/1\nhttps://b.id/x")
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["links"] == ["https://tiktok.com/@a/video/1", "https://b.id/x"]


def test_report_form_refuses_more_than_twenty_links():
    links = "\n".join(f"https://example.com/post/{n}" for n in range(21))

    assert _errors(ReportForm(_data(links=links))) == {"links": ["At most 20 links."]}


def test_report_form_refuses_an_unknown_violation_type_and_platform():
    assert _errors(ReportForm(_data(violation_type="N99", platform="Friendster"))) == {
        "platform": ["Select a valid choice. Friendster is not one of the available choices."],
        "violation_type": ["Select a valid choice. That choice is not one of the available choices."],
    }


def test_report_form_labels_violation_types_in_the_reader_language():
    with translation.override("id"):
        indonesian = dict(ReportForm().fields["violation_type"].choices)
    english = dict(ReportForm().fields["violation_type"].choices)

    assert str(english[next(key for key in english if str(key) == "N01")]) == (
        "N01 — Puts up banners, billboards or other campaign props of a (prospective) candidate"
    )
    assert str(indonesian[next(key for key in indonesian if str(key) == "N01")]) == (
        "N01 — Memasang spanduk/baliho/alat peraga kampanye (bakal) calon"
    )
    assert len(english) == 14  # the empty choice and N01–N13


def test_report_form_requires_name_and_a_contact_unless_anonymous():
    assert _errors(ReportForm(_data(reporter_name="", reporter_phone=""))) == {
        "reporter_name": ["Give your name, or tick “Report anonymously”."],
        "reporter_phone": ["Give a phone number or an e-mail address so the officer can contact you."],
    }


def test_report_form_accepts_an_email_instead_of_a_phone():
    form = ReportForm(_data(reporter_phone="", reporter_email="siti@contoh.id"))

    assert form.is_valid(), form.errors
    assert form.reporter_input().email == "siti@contoh.id"


@pytest.mark.parametrize("phone", ["0812", "0812-abc-7890", "+62 812 3456 7890 1234 5"])
def test_report_form_refuses_an_implausible_phone(phone):
    assert _errors(ReportForm(_data(reporter_phone=phone))) == {
        "reporter_phone": ["Enter a phone number of 8 to 15 digits, e.g. 0812 3456 7890 or +62 812 3456 7890."]
    }


def test_report_form_refuses_an_invalid_email():
    assert _errors(ReportForm(_data(reporter_email="siti@", reporter_phone=""))) == {
        "reporter_email": ["Enter a valid e-mail address, e.g. nama@contoh.id."]
    }


def test_report_form_anonymous_keeps_no_identity_even_if_typed():
    form = ReportForm(
        _data(anonymous="on", reporter_name="Siti", reporter_email="bad@", reporter_address="Jl. Merdeka 1")
    )

    assert form.is_valid(), form.errors
    reporter = form.reporter_input()
    assert (reporter.anonymous, reporter.name, reporter.email, reporter.phone, reporter.address) == (
        True,
        "",
        "",
        "",
        "",
    )


def test_report_form_shows_the_published_evidence_limits():
    help_text = str(ReportForm().fields["evidence"].help_text)

    assert help_text.startswith("Evidence files: images (JPEG, PNG, WebP, GIF, HEIC) up to 10 MB, PDF up to 20 MB")
    assert "at most 10 files per request" in help_text


def test_report_form_accepts_several_evidence_files():
    form = ReportForm(
        _data(),
        _files(
            SimpleUploadedFile("layar.png", png_bytes(), "image/png"),
            SimpleUploadedFile("surat.pdf", pdf_bytes(), "application/pdf"),
        ),
    )

    assert form.is_valid(), form.errors
    evidence = form.cleaned_data["evidence"]
    assert [(item.original_name, item.kind) for item in evidence] == [("layar.png", "image"), ("surat.pdf", "pdf")]
    assert all(isinstance(item, ValidatedEvidence) for item in evidence)


def test_report_form_refuses_a_spoofed_file_naming_it():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    form = ReportForm(
        _data(),
        _files(
            SimpleUploadedFile("layar.png", png_bytes(), "image/png"),
            SimpleUploadedFile("foto.png", svg, "image/png"),
        ),
    )

    assert _errors(form) == {
        "evidence": ["foto.png: File type not accepted (image/svg+xml). Send an image, a PDF or a video."]
    }


def test_report_form_refuses_an_oversized_file(settings):
    settings.NETRA_EVIDENCE_MAX_IMAGE_BYTES = 100
    form = ReportForm(_data(), _files(SimpleUploadedFile("besar.png", png_bytes(64, 64), "image/png")))

    errors = _errors(form)
    assert list(errors) == ["evidence"]
    assert len(errors["evidence"]) == 1
    assert errors["evidence"][0].startswith("besar.png: The file is too large: 0 MB, the limit for this type is 0 MB")


def test_report_form_refuses_too_many_files(settings):
    settings.NETRA_EVIDENCE_MAX_FILES = 1
    form = ReportForm(
        _data(),
        _files(SimpleUploadedFile("a.png", png_bytes(), "image/png"), SimpleUploadedFile("b.png", png_bytes())),
    )

    assert _errors(form) == {"evidence": ["At most 1 files per request."]}


def test_report_form_refuses_an_empty_file():
    form = ReportForm(_data(), _files(SimpleUploadedFile("kosong.png", b"", "image/png")))

    assert _errors(form) == {"evidence": ["The submitted file is empty."]}


# --- status look-up and additions -----------------------------------------------------------------------------


def test_status_lookup_form_normalises_the_code_and_pin():
    form = StatusLookupForm({"tracking_code": " ntr-7k2m-q9xd ", "pin": "1234 5678"})

    assert form.is_valid()
    assert (form.cleaned_data["tracking_code"], form.cleaned_data["pin"]) == ("NTR-7K2M-Q9XD", "12345678")


def test_status_lookup_form_requires_code_and_pin():
    assert _errors(StatusLookupForm({"tracking_code": "", "pin": ""})) == {
        "tracking_code": ["Enter your tracking code."],
        "pin": ["Enter your PIN."],
    }


def test_addition_form_requires_something_to_add():
    assert _errors(AdditionForm({"description": "", "links": ""})) == {
        "__all__": ["Write something, add a link or attach a file."]
    }


def test_addition_form_accepts_a_link_alone_and_checks_it():
    assert AdditionForm({"description": "", "links": "https://instagram.com/p/xyz"}).is_valid()
    assert _errors(AdditionForm({"description": "", "links": "instagram"})) == {
        "links": ["Line 1: “instagram” is not a valid web address; it must start with http:// or https://."]
    }


# --- the Bawaslu forwarding form ---------------------------------------------------------------------------


def _forwarding(**overrides: str) -> dict[str, str]:
    data = {
        "reference_number": "001/Reg/LP/PB/Kab/04.06/XI/2024",
        "origin": "finding",
        "election": "Pilkada 2024 Kabupaten Lebong",
        "accused_name": "Drs. Rahmat Hidayat",
        "accused_nip": VALID_NIP,
        "accused_position": "Kepala SMP Negeri 1",
        "accused_agency": "Dinas Pendidikan",
        "incident_date": "2024-10-07",
        "incident_place": "Facebook",
        "description": "Temuan pengawas: ASN membagikan konten kampanye.",
        "violation_type": "N04",
        "recommendation": "Diteruskan untuk dijatuhi sanksi sesuai ketentuan.",
        "links": "https://facebook.com/p/2\nhttps://facebook.com/p/1",
    }
    data.update(overrides)
    return data


def test_forwarding_form_builds_the_api_shaped_fingerprint_payload():
    form = ForwardingForm(_forwarding())

    assert form.is_valid(), form.errors
    assert form.fingerprint_payload() == {
        "reference_number": "001/Reg/LP/PB/Kab/04.06/XI/2024",
        "origin": "finding",
        "election": "Pilkada 2024 Kabupaten Lebong",
        "accused_name": "Drs. Rahmat Hidayat",
        "accused_nip": VALID_NIP,
        "accused_position": "Kepala SMP Negeri 1",
        "accused_agency": "Dinas Pendidikan",
        "incident_date": "2024-10-07",
        "incident_place": "Facebook",
        "description": "Temuan pengawas: ASN membagikan konten kampanye.",
        "violation_type": "N04",
        "recommendation": "Diteruskan untuk dijatuhi sanksi sesuai ketentuan.",
        "letter_number": "",
        "links": ["https://facebook.com/p/1", "https://facebook.com/p/2"],
    }
    assert form.report_input().election_text == "Pilkada 2024 Kabupaten Lebong"


def test_forwarding_form_requires_the_api_required_fields():
    form = ForwardingForm(
        _forwarding(reference_number="", origin="", accused_name="", incident_date="", description="")
    )

    assert _errors(form) == {
        "reference_number": ["This field is required."],
        "origin": ["This field is required."],
        "accused_name": ["This field is required."],
        "incident_date": ["This field is required."],
        "description": ["This field is required."],
    }


def test_forwarding_form_checks_origin_nip_date_and_links():
    tomorrow = (clock.today() + datetime.timedelta(days=1)).isoformat()
    form = ForwardingForm(
        _forwarding(origin="rumour", accused_nip="198001012005031000", incident_date=tomorrow, links="ftp://a.b/c")
    )

    assert _errors(form) == {
        "origin": ["Select a valid choice. rumour is not one of the available choices."],
        "accused_nip": ["The last 3 digits of a NIP are a sequence number starting at 001."],
        "incident_date": ["The date cannot be in the future."],
        "links": ["Line 1: “ftp://a.b/c” is not a valid web address; it must start with http:// or https://."],
    }


def test_in_review_filter_includes_reports_awaiting_information():
    assert sorted(internal_statuses("in_review")) == ["awaiting_information", "in_review"]
    assert internal_statuses("received") == ["received"]


def test_forwarding_form_and_api_agree_on_the_fingerprint_payload():
    from violations.api.serializers import ForwardingCreateSerializer

    api = ForwardingCreateSerializer(
        data={
            **_forwarding(),
            "accused_nip": "19800101 200503 1 001",
            "links": ["https://facebook.com/p/1", "https://facebook.com/p/2"],
        }
    )
    web = ForwardingForm(_forwarding())

    assert api.is_valid(), api.errors
    assert web.is_valid(), web.errors
    assert web.fingerprint_payload() == api.fingerprint_payload()
