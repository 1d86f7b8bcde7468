"""The entry page for a crisis-flagged entry: supportive copy and the right resources, and nothing else."""

import pytest
from django.urls import reverse

from psychology.models import CrisisResource
from psychology.selectors import all_crisis_resources, crisis_resources_for

SAD = {"sadness": 0.9, "neutral": 0.1}


def flagged_page(client, user, analysed_entry, country=""):
    user.country = country
    user.save()
    entry = analysed_entry(
        user, content="I should be over this by now. Everything is a total failure.", emotions=SAD, crisis=True
    )
    client.force_login(user)
    return client.get(reverse("entries:detail", args=[entry.pk])).content.decode()


def test_a_flagged_entry_shows_the_resource_for_the_users_country(client, user, knowledge_base, analysed_entry):
    html = flagged_page(client, user, analysed_entry, country="GB")
    assert 'class="crisis-panel"' in html
    assert "Samaritans" in html and 'href="tel:116123"' in html and 'href="sms:85258"' in html
    assert "Find A Helpline" not in html  # the country's own line replaces the directory


@pytest.mark.parametrize("country", ["", "JP"])  # blank, or a country without an entry
def test_a_flagged_entry_falls_back_to_the_international_default(client, user, knowledge_base, analysed_entry, country):
    html = flagged_page(client, user, analysed_entry, country=country)
    assert "Find A Helpline" in html and "https://findahelpline.com" in html
    assert "Samaritans" not in html


def test_the_panel_follows_safe_messaging_and_shows_nothing_else(client, user, knowledge_base, analysed_entry):
    html = flagged_page(client, user, analysed_entry, country="US")
    assert "You're not alone" in html and "you deserve support" in html
    assert "emergency" in html and "988" in html
    assert "Nothing has been sent to anyone" in html
    # No suggestions, thinking traps, feedback buttons or anything game-like on this page.
    for absent in (
        "Ideas that might help",
        "Why this was suggested",
        "thinking trap",
        "This helped",
        "Not for me",
        "streak",
    ):
        assert absent not in html, absent
    assert 'action="/wellbeing/entries/' not in html
    # External links leak nothing about the page they came from.
    assert 'href="https://988lifeline.org" rel="noopener noreferrer"' in html


def test_an_inactive_country_resource_falls_back_to_the_default(knowledge_base):
    CrisisResource.objects.filter(country="DE").update(is_active=False)
    assert [r.country for r in crisis_resources_for("de")] == [""]
    assert [r.country for r in crisis_resources_for("IE")] == ["IE"]


def test_the_help_page_order_puts_the_readers_country_first(knowledge_base):
    ordered = [r.country for r in all_crisis_resources("NZ")]
    assert ordered[:2] == ["NZ", ""] and len(ordered) == CrisisResource.objects.filter(is_active=True).count()
    assert all_crisis_resources("")[0].country == ""


def test_the_help_page_shows_the_signed_in_users_country_first(client, user, knowledge_base):
    user.country = "AU"
    user.save()
    client.force_login(user)
    html = client.get(reverse("psychology:help")).content.decode()
    assert html.index("Lifeline") < html.index("Find A Helpline") < html.index("Samaritans")


@pytest.mark.parametrize(
    "country,number,digits", [("IT", "+39 324 011 7252", "393240117252"), ("SG", "+65 9151 1767", "6591511767")]
)
def test_a_whatsapp_only_line_is_offered_on_whatsapp_never_as_an_sms_number(
    client, user, knowledge_base, analysed_entry, country, number, digits
):
    html = flagged_page(client, user, analysed_entry, country=country)
    assert f'href="https://wa.me/{digits}"' in html and "WhatsApp only, not SMS" in html
    assert 'href="sms:' not in html  # a text to that number would go unanswered
    resource = CrisisResource.objects.get(country=country)
    assert resource.whatsapp == number and resource.text == ""


def test_the_whatsapp_migration_moves_the_numbers_filed_as_sms_and_leaves_an_admins_own(knowledge_base):
    import importlib

    from django.apps import apps

    move = importlib.import_module("psychology.migrations.0003_crisisresource_whatsapp").move_whatsapp_numbers
    CrisisResource.objects.filter(country="IT").update(whatsapp="", text="324 011 7252")  # as 0002 loaded it
    CrisisResource.objects.filter(country="SG").update(whatsapp="", text="7000")  # an admin's own SMS line
    move(apps, None)
    assert CrisisResource.objects.filter(country="IT").values_list("text", "whatsapp").get() == ("", "+39 324 011 7252")
    assert CrisisResource.objects.filter(country="SG").values_list("text", "whatsapp").get() == ("7000", "")


@pytest.mark.parametrize("stored", ["UK", "uk", " gb "])
def test_a_country_stored_as_uk_gets_the_british_lines(knowledge_base, stored):
    assert [r.country for r in crisis_resources_for(stored)] == ["GB"]


def test_the_help_page_says_the_country_is_listed_first_only_when_it_is(client, user, knowledge_base):
    client.force_login(user)
    for country, listed in (("GB", True), ("JP", False)):
        user.country = country
        user.save()
        html = client.get(reverse("psychology:help")).content.decode()
        assert (f"Your country ({country}) is listed first" in html) is listed
        assert (f"no line of our own listed for your country ({country})" in html) is not listed


@pytest.mark.django_db
@pytest.mark.parametrize("number,valid", [("+39 324 011 7252", True), ("39 324 011 7252", False), ("+0 12", False)])
def test_a_whatsapp_number_needs_its_country_code(number, valid):
    from django.core.exceptions import ValidationError

    resource = CrisisResource(country="IT", name="Line", whatsapp=number)
    if valid:
        resource.full_clean(validate_unique=False)
    else:
        with pytest.raises(ValidationError):
            resource.full_clean(validate_unique=False)


def test_an_emergency_field_in_words_is_shown_as_written_not_dialled(client, user, knowledge_base, analysed_entry):
    CrisisResource.objects.filter(country="GB").update(emergency="999 or 112")
    html = flagged_page(client, user, analysed_entry, country="GB")
    assert "999 or 112" in html and 'href="tel:999112"' not in html
    CrisisResource.objects.filter(country="GB").update(emergency="999")
    assert 'In an emergency call <a href="tel:999">999</a>' in flagged_page(client, user, analysed_entry, country="GB")
