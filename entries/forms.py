from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from . import validation
from .models import Entry, Topic


class EntryForm(forms.ModelForm):
    tags = forms.CharField(required=False, help_text="Comma-separated, e.g. work, sleep")
    # When the edited entry was last saved, as the page read it: a save from a page older than the entry is refused
    # (services.EditConflict) instead of overwriting what another tab or device saved meanwhile.
    revision = forms.CharField(required=False, widget=forms.HiddenInput)
    # The limit is checked by validation.clean_content after line breaks become "\n": a browser sends "\r\n", and a
    # field-level max_length counted every line break twice. The textarea keeps the limit as its own maxlength.
    content = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text="Markdown is welcome.",
        strip=False,
    )

    class Meta:
        model = Entry
        fields = ["title", "content", "entry_date", "mood", "topic", "tags", "is_favourite"]
        widgets = {"entry_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        labels = {"is_favourite": "Star this entry", "entry_date": "Date"}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.filter(user=user)
        self.fields["content"].widget.attrs["maxlength"] = settings.ENTRY_MAX_CHARS
        self.fields["entry_date"].required = False
        if self.instance.pk:
            self.initial["tags"] = ", ".join(self.instance.tags)
            self.initial["revision"] = self.instance.revision
        else:
            del self.fields["revision"]

    def entry_fields(self) -> dict:
        """The cleaned values the services take as the entry's fields (not the revision)."""
        return {name: value for name, value in self.cleaned_data.items() if name != "revision"}

    def clean_revision(self):
        return self.cleaned_data["revision"] or None  # a page from before revisions existed: saved as before

    def clean_content(self):
        return self._wrap(validation.clean_content, self.cleaned_data["content"])

    def clean_tags(self):
        return self._wrap(validation.clean_tags, self.cleaned_data.get("tags") or "")

    @staticmethod
    def _wrap(fn, value):
        try:
            return fn(value)
        except ValidationError as exc:
            raise forms.ValidationError(list(exc.message_dict.values())[0]) from exc

    def _post_clean(self):
        # Model validation happens in the services; avoid a half-built instance here.
        pass


class EmptyTrashForm(forms.Form):
    """The confirmation of "Empty trash": when it was asked, so entries trashed after the question are spared."""

    asked_at = forms.DateTimeField(widget=forms.HiddenInput)


class NewlineTextField(forms.CharField):
    """Line breaks become "\n" before the length is checked: a browser sends "\r\n", which counted twice."""

    def to_python(self, value):
        return validation.unified_newlines(super().to_python(value))


class TopicForm(forms.ModelForm):
    description = NewlineTextField(
        widget=forms.Textarea, max_length=Topic._meta.get_field("description").max_length, required=False
    )

    class Meta:
        model = Topic
        fields = ["name", "colour", "description"]
        widgets = {"colour": forms.TextInput(attrs={"type": "color"})}

    def _post_clean(self):
        pass
