"""Tags: any script's letters with their marks, and one rule for the page, the API and imports."""

import pytest
from django.urls import reverse

from entries.importers.base import clean_tag
from entries.models import Entry
from entries.validation import clean_tags, count_words

URL = "/api/v1/entries/"
INDIC = ["हिंदी", "தமிழ்", "বাংলা"]  # vowel signs are combining marks, which Python's \w leaves out


def test_tags_in_scripts_with_combining_marks_are_accepted():
    assert clean_tags(INDIC) == INDIC
    assert clean_tags(["cafe\u0301"]) == ["café"]  # a decomposed é (as pasted from some Macs) is composed


def test_an_imported_tag_keeps_its_vowel_signs():
    assert [clean_tag("#" + tag) for tag in INDIC] == INDIC
    for stray in ("#\u0301abc", "#-\u0301abc", "#!\u0301abc", "# \u0301abc"):
        assert clean_tag(stray) == "abc"  # a stray mark first would make a tag the edit form then refuses
    assert clean_tags([clean_tag("#\u0301abc")]) == ["abc"]


def test_words_with_vowel_signs_count_once():
    assert count_words("मैं आज बहुत खुश हूँ") == 5


@pytest.mark.django_db
def test_the_page_and_the_api_accept_the_same_tags(api, browser_client, user):
    tags = ["#" + "a" * 50, "work", "", "Work", *INDIC]
    expected = ["a" * 50, "work", *INDIC]
    response = api.post(URL, {"content": "x", "tags": tags}, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["tags"] == expected
    browser_client.post(
        reverse("entries:create"), {"content": "y", "tags": ", ".join(tags), "entry_date": "2026-11-20"}
    )
    assert Entry.objects.get(user=user, content="y").tags == expected


@pytest.mark.django_db
def test_the_api_counts_the_tag_limit_after_repeats_are_dropped(api):
    response = api.post(URL, {"content": "x", "tags": ["same"] * 31 + ["other"]}, format="json")
    assert response.status_code == 201 and response.json()["tags"] == ["same", "other"]
    too_many = api.post(URL, {"content": "x", "tags": [f"t{i}" for i in range(31)]}, format="json")
    assert too_many.status_code == 400 and "At most 30" in str(too_many.json()["tags"])
