"""A service's refusal on the form that carried its arguments (core.web_actions.refusal_on_form)."""

from django import forms

from core.errors import ConflictError, DomainError
from core.web_actions import refusal_on_form


class _Form(forms.Form):
    reference_number = forms.CharField()
    description = forms.CharField()


def _form() -> _Form:
    form = _Form({"reference_number": "001/Reg", "description": "Isi"})
    form.is_valid()
    return form


def test_the_refusal_goes_on_the_field_the_service_names():
    form = _form()

    refusal_on_form(form, DomainError("addition_empty", "Tambahkan sesuatu.", field="description"))

    assert form.errors == {"description": ["Tambahkan sesuatu."]}


def test_a_field_the_form_lacks_puts_the_refusal_above_the_form():
    form = _form()

    refusal_on_form(form, DomainError("reporter_name_required", "Beri nama.", field="reporter_name"))

    assert form.non_field_errors() == ["Beri nama."]


def test_the_page_may_name_the_field_itself():
    form = _form()

    refusal_on_form(form, ConflictError("forwarding_conflict", "Sudah ada."), field="reference_number")

    assert form.errors == {"reference_number": ["Sudah ada."]}


def test_a_service_argument_of_another_name_marks_the_field_that_carries_it():
    form = _form()

    refusal_on_form(
        form, DomainError("bad", "Nomor salah.", field="number"), field_of_argument={"number": "reference_number"}
    )

    assert form.errors == {"reference_number": ["Nomor salah."]}


def test_an_action_page_that_shows_the_message_already_adds_nothing_above_the_form():
    form = _form()

    refusal_on_form(form, DomainError("bad", "Tidak boleh."), above_the_form=False)

    assert form.errors == {}
