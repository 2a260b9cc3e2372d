"""What an administrator sets for the agency's letters in the admin: the decrees' heading and emblem, and who receives a
copy of each letter kind (docs/letters.md, "Letters that read right")."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from accounts.models import Agency, LetterCopyRecipient
from accounts.tests.factories import AgencyFactory
from core.testing import png_bytes

pytestmark = pytest.mark.django_db


def test_the_agency_page_shows_its_emblem_as_the_decrees_embed_it(admin_client):
    agency = AgencyFactory.create()
    agency.emblem.save("lambang.png", ContentFile(png_bytes()), save=True)

    page = admin_client.get(reverse("admin:accounts_agency_change", args=[agency.pk]))

    body = page.content.decode()
    assert page.status_code == 200
    assert 'src="data:image/png;base64,iVBORw0KGgo' in body
    assert "decree_heading" in body and "regional_statutes" in body
    agency.emblem.delete(save=False)


def test_an_emblem_that_is_not_an_image_is_refused_in_the_admin_and_nothing_is_stored(admin_client):
    agency = AgencyFactory.create()
    data = {
        "code": agency.code,
        "name": agency.name,
        "region_name": agency.region_name,
        "seat": agency.seat,
        "emblem": ContentFile(b"<svg onload=alert(1)>", name="lambang.svg"),
    }

    page = admin_client.post(reverse("admin:accounts_agency_change", args=[agency.pk]), data)

    assert page.status_code == 200
    assert "Lambang harus berupa gambar PNG atau JPEG." in page.content.decode()  # the admin speaks Indonesian
    assert not Agency.objects.get(pk=agency.pk).emblem


def test_the_copy_recipients_are_listed_with_the_defaults_and_their_basis(admin_client):
    page = admin_client.get(reverse("admin:accounts_lettercopyrecipient_changelist"), {"letter_kind": "decision"})

    body = page.content.decode()
    assert page.status_code == 200
    assert LetterCopyRecipient.objects.filter(letter_kind="decision", track="").count() == 4
    assert "Pimpinan unit kerja yang bersangkutan" in body and "docs/legal-basis.md §7.3" in body
