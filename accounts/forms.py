"""The staff login form, with a refusal that reads right in Indonesian.

Django's own Indonesian catalogue renders its login error as "Masukkan nama pengguna nama pengguna dan sandi …" (the
field's name is substituted into a sentence that already names it), so the message is Netra's own.
"""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class StaffLoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The username or the password is not correct. Upper and lower case count."),
    }


class AccusedLinkForm(forms.Form):
    """Link an accused to the register: the entry comes from the suggestion's button (one click), the reason from
    the text box (needed only to replace an entry already linked)."""

    civil_servant = forms.IntegerField(
        min_value=1,
        widget=forms.HiddenInput,
        error_messages={"required": _("Choose a civil servant from the suggestions.")},
    )
    reason = forms.CharField(
        label=_("Reason for the change"),
        help_text=_("Needed only when another civil servant is linked already; it goes into the audit trail."),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
