import zoneinfo

from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, UserCreationForm

from . import lockout
from .countries import normalise_country
from .models import User

TIMEZONE_CHOICES = [(tz, tz) for tz in sorted(zoneinfo.available_timezones())]


class SignUpForm(UserCreationForm):
    timezone = forms.ChoiceField(choices=TIMEZONE_CHOICES, initial="UTC")

    class Meta:
        model = User
        fields = ("username", "email", "display_name", "timezone")


class ThrottledAuthenticationForm(AuthenticationForm):
    """Refuses to check a password once the username or address has failed too often."""

    def clean(self):
        username = self.cleaned_data.get("username", "")
        ip = lockout.client_ip(self.request) if self.request else "unknown"
        if lockout.is_locked(username, ip):
            raise forms.ValidationError(lockout.LOCKED_MESSAGE, code="locked")
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            lockout.record_failure(username, ip)
            raise
        if self.get_user() is not None:  # a blank password checks nothing, so it must not reset the count
            lockout.clear(username, ip)
        return cleaned


class ThrottledPasswordChangeForm(PasswordChangeForm):
    """The old password is a password guess like a sign-in (from an unattended session, say): same lockout."""

    def __init__(self, user, *args, ip: str = "", **kwargs):
        super().__init__(user, *args, **kwargs)
        self.ip = ip

    def clean_old_password(self):
        if lockout.is_locked(self.user.username, self.ip):
            raise forms.ValidationError(lockout.LOCKED_MESSAGE, code="locked")
        try:
            return super().clean_old_password()
        except forms.ValidationError:
            lockout.record_failure(self.user.username, self.ip)
            raise


class PreferencesForm(forms.ModelForm):
    timezone = forms.ChoiceField(choices=TIMEZONE_CHOICES)

    class Meta:
        model = User
        fields = ("display_name", "email", "timezone", "language", "country")
        help_texts = {
            "language": "A language code such as en, de or pt-BR. Search uses it to match word forms "
            "(walk, walked, walking); languages PostgreSQL has no stemmer for match whole words.",
            "country": "A two-letter code such as GB, US or DE: crisis lines for that country are shown first.",
        }

    def clean_country(self):
        return normalise_country(self.cleaned_data.get("country"))
