from django import forms

from entries.importers import FORMAT_CHOICES, MAX_UPLOAD_BYTES


class ImportForm(forms.Form):
    file = forms.FileField(
        help_text=f"A file or zip exported from another app, up to {MAX_UPLOAD_BYTES // 1024**2} MB."
    )
    format = forms.ChoiceField(choices=FORMAT_CHOICES, initial="auto", label="Exported from")
    preview = forms.BooleanField(
        required=False, initial=True, label="Preview first (count what would be imported; save nothing yet)"
    )


class DeleteAccountForm(forms.Form):
    username = forms.CharField(
        label="Type your username to confirm", widget=forms.TextInput(attrs={"autocomplete": "off"})
    )
    password = forms.CharField(
        label="Your password", widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
