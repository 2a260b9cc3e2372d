"""The staff login form, with a refusal that reads right in Indonesian, and the password forms of the profile and
the reset by e-mail, which save through accounts.services (validated and audited like every password).

Django's own Indonesian catalogue renders its login error as "Masukkan nama pengguna nama pengguna dan sandi …" (the
field's name is substituted into a sentence that already names it), so the message is Netra's own.
"""

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from accounts import services
from accounts.models import User


class StaffLoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The username or the password is not correct. Upper and lower case count."),
    }


class NetraSetPasswordForm(SetPasswordForm):  # type: ignore[type-arg]
    """The new password of a reset link: saved by the service, so it is audited."""

    user: User

    def save(self, commit: bool = True) -> Any:
        return services.account_set_password(
            user=self.user, password=self.cleaned_data["new_password1"], actor=self.user
        )


class ProfilePasswordChangeForm(PasswordChangeForm, NetraSetPasswordForm):  # type: ignore[type-arg]
    """The profile's password change: the old password, then the new one twice."""


class NetraPasswordResetForm(PasswordResetForm):
    """Sends the reset link to each active account with a usable password at the address (no answer tells whether
    one exists), and audits each request on the account."""

    def save(self, *args: Any, **kwargs: Any) -> None:
        for user in self.get_users(self.cleaned_data["email"]):
            services.account_password_reset_record(user=user)  # type: ignore[arg-type]
        super().save(*args, **kwargs)


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
