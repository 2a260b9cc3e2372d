"""The staff login form, with a refusal that reads right in Indonesian.

Django's own Indonesian catalogue renders its login error as "Masukkan nama pengguna nama pengguna dan sandi …" (the
field's name is substituted into a sentence that already names it), so the message is Netra's own.
"""

from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class StaffLoginForm(AuthenticationForm):
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The username or the password is not correct. Upper and lower case count."),
    }
