"""Wellbeing pages signed in and out, the entry-page panel, feedback forms, questionnaires and the history chart."""

import re

import pytest
from django.urls import reverse

from psychology.models import AssessmentResult, SuggestionFeedback

FEAR = {"fear": 0.8, "sadness": 0.1, "neutral": 0.1}
PRIVATE_PAGES = [
    ("psychology:index", {}),
    ("psychology:technique", {"slug": "thought-record"}),
    ("psychology:assessment_take", {"instrument": "phq9"}),
    ("psychology:assessment_take", {"instrument": "gad7"}),
    ("psychology:assessment_take", {"instrument": "who5"}),
    ("psychology:assessment_history", {}),
]


def assert_csp_clean(html: str) -> None:
    """Nothing the Content-Security-Policy would block: no inline scripts, style attributes or style blocks."""
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)
    assert " style=" not in html and "<style" not in html


@pytest.mark.parametrize("name,kwargs", PRIVATE_PAGES)
def test_wellbeing_pages_need_login(client, knowledge_base, name, kwargs):
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name,kwargs", PRIVATE_PAGES)
def test_wellbeing_pages_render_signed_in(browser_client, knowledge_base, name, kwargs):
    response = browser_client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    html = response.content.decode()
    assert "psychology.css" in html and 'href="/wellbeing/"' in html  # the nav link
    assert_csp_clean(html)


def test_the_index_lists_techniques_by_family_and_the_questionnaires(browser_client, knowledge_base):
    html = browser_client.get(reverse("psychology:index")).content.decode()
    assert 'id="family-cbt"' in html and 'id="family-sleep"' in html and "Thought record" in html
    assert all(name in html for name in ("PHQ-9", "GAD-7", "WHO-5")) and "PANAS" not in html
    assert "not therapy" in html and reverse("psychology:help") in html


def test_a_technique_page_shows_steps_and_sources(browser_client, knowledge_base):
    html = browser_client.get(reverse("psychology:technique", args=["thought-record"])).content.decode()
    assert '<ol class="steps">' in html and "Bennett-Levy" in html and "doi:10.1017/S1352465803003035" in html
    assert browser_client.get(reverse("psychology:technique", args=["nope"])).status_code == 404


def test_the_help_page_lists_resources_for_everyone(client, knowledge_base):
    html = client.get(reverse("psychology:help")).content.decode()
    assert "Samaritans" in html and "988" in html and "findahelpline.com" in html and 'href="tel:116123"' in html
    assert_csp_clean(html)


def test_the_entry_page_shows_suggestions_with_why_and_a_feedback_form(
    browser_client, user, knowledge_base, analysed_entry
):
    entry = analysed_entry(user, content="Everyone else my age has their life sorted except me.", emotions=FEAR)
    html = browser_client.get(reverse("entries:detail", args=[entry.pk])).content.decode()
    assert "Ideas that might help" in html and "Why this was suggested:" in html
    assert f'action="{reverse("psychology:feedback", args=[entry.pk])}"' in html and "csrfmiddlewaretoken" in html
    assert "Unfair comparison" in html and "Everyone else my age has their life sorted except me." in html
    assert_csp_clean(html)


def test_the_feedback_form_records_and_redirects_back(browser_client, user, knowledge_base, analysed_entry):
    entry = analysed_entry(user, emotions=FEAR)
    response = browser_client.post(
        reverse("psychology:feedback", args=[entry.pk]), {"technique": "worry-time", "verdict": "dismissed"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("entries:detail", args=[entry.pk]) + "#support"
    assert SuggestionFeedback.objects.get(user=user, entry=entry).verdict == "dismissed"
    assert browser_client.get(reverse("psychology:feedback", args=[entry.pk])).status_code == 405


def test_feedback_on_a_technique_switched_off_since_says_so_on_the_entry_page(
    browser_client, user, knowledge_base, analysed_entry
):
    from psychology.models import Technique

    entry = analysed_entry(user, emotions=FEAR)
    Technique.objects.filter(slug="worry-time").update(is_active=False)
    url = reverse("psychology:feedback", args=[entry.pk])
    response = browser_client.post(url, {"technique": "worry-time", "verdict": "helpful"}, follow=True)
    assert response.status_code == 200 and "no longer offered" in response.content.decode()
    assert not SuggestionFeedback.objects.exists()


def test_feedback_on_another_users_entry_is_a_404(client, other_user, user, knowledge_base, analysed_entry):
    entry = analysed_entry(user, emotions=FEAR)
    client.force_login(other_user)
    response = client.post(
        reverse("psychology:feedback", args=[entry.pk]), {"technique": "worry-time", "verdict": "helpful"}
    )
    assert response.status_code == 404 and not SuggestionFeedback.objects.exists()


def test_a_pending_entry_shows_a_short_note(browser_client, user, knowledge_base, entry_factory):
    entry = entry_factory(user=user)
    html = browser_client.get(reverse("entries:detail", args=[entry.pk])).content.decode()
    assert "Suggestions will appear here once the analysis has finished." in html
    assert "Why this was suggested" not in html


def test_taking_a_questionnaire_shows_the_result_and_suggests_a_professional(browser_client, user):
    url = reverse("psychology:assessment_take", args=["gad7"])
    form = browser_client.get(url).content.decode()
    assert "Feeling nervous, anxious or on edge" in form and "Nearly every day" in form
    response = browser_client.post(url, {f"item_{n}": "2" for n in range(1, 8)})
    result = AssessmentResult.objects.get(user=user)
    assert (result.score, result.band) == (14, "moderate")
    assert response["Location"] == reverse("psychology:assessment_result", args=[result.pk])
    html = browser_client.get(response["Location"]).content.decode()
    assert "Moderate" in html and "talk to a professional" in html and "not a diagnosis" in html
    assert "crisis-panel" not in html


def test_a_mild_result_does_not_push_a_professional(browser_client, user):
    response = browser_client.post(
        reverse("psychology:assessment_take", args=["phq9"]), {f"item_{n}": "0" for n in range(1, 10)}
    )
    html = browser_client.get(response["Location"]).content.decode()
    assert "Minimal" in html and "talk to a professional" not in html


def test_phq9_item_nine_shows_crisis_resources_on_the_result(browser_client, user, knowledge_base):
    answers = {f"item_{n}": "0" for n in range(1, 10)} | {"item_9": "1"}
    response = browser_client.post(reverse("psychology:assessment_take", args=["phq9"]), answers)
    html = browser_client.get(response["Location"]).content.decode()
    assert "crisis-panel" in html and "Find A Helpline" in html and "You're not alone" in html
    # The copy speaks of the answer given, not of an entry the person never wrote.
    assert "because of your answer to the last question" in html and "Thank you for answering honestly" in html
    assert "words in your entry" not in html and "putting it into words" not in html


def test_phq9_item_nine_shows_the_panel_even_when_every_resource_is_switched_off(browser_client, knowledge_base):
    from psychology.models import CrisisResource

    CrisisResource.objects.update(is_active=False)  # an admin's mistake must not hide the panel
    answers = {f"item_{n}": "0" for n in range(1, 10)} | {"item_9": "2"}
    response = browser_client.post(reverse("psychology:assessment_take", args=["phq9"]), answers)
    html = browser_client.get(response["Location"]).content.decode()
    assert "crisis-panel" in html and "https://findahelpline.com" in html


def test_an_incomplete_questionnaire_is_a_400_and_saves_nothing(browser_client):
    response = browser_client.post(reverse("psychology:assessment_take", args=["who5"]), {"item_1": "5", "item_2": "9"})
    assert response.status_code == 400 and b"Please answer every question." in response.content
    assert not AssessmentResult.objects.exists()
    assert browser_client.get(reverse("psychology:assessment_take", args=["panas"])).status_code == 404


def test_results_of_another_user_are_a_404_and_never_listed(client, user, other_user):
    theirs = AssessmentResult.objects.create(
        user=other_user, instrument="phq9", answers=[3] * 9, score=27, band="severe"
    )
    client.force_login(user)
    assert client.get(reverse("psychology:assessment_result", args=[theirs.pk])).status_code == 404
    html = client.get(reverse("psychology:assessment_history")).content.decode()
    assert reverse("psychology:assessment_result", args=[theirs.pk]) not in html and "No results yet" in html


def test_the_history_chart_plots_scores_beside_weekly_sentiment(browser_client, user, analysed_entry):
    for answers in ([1] * 9, [2] * 9):
        AssessmentResult.objects.create(user=user, instrument="phq9", answers=answers, score=sum(answers), band="mild")
    analysed_entry(user, emotions=FEAR, sentiment=-0.4)
    html = browser_client.get(reverse("psychology:assessment_history")).content.decode()
    assert html.count("<svg") == 1 and 'class="line-score"' in html and 'class="line-sentiment"' in html
    assert "<title" in html and "Show as a table" in html
    assert_csp_clean(html)


def test_every_result_is_reachable_and_each_questionnaire_keeps_its_chart(browser_client, user):
    """60 PHQ-9 results after one GAD-7: the table pages through all 61, and the GAD-7 still has its chart (the
    page showed only the 50 newest results and drew the charts from them)."""
    import datetime

    from django.utils import timezone

    start = timezone.now() - datetime.timedelta(days=400)
    gad = AssessmentResult.objects.create(user=user, instrument="gad7", answers=[1] * 7, score=7, band="mild")
    AssessmentResult.objects.filter(pk=gad.pk).update(created_at=start)
    for i in range(60):
        r = AssessmentResult.objects.create(user=user, instrument="phq9", answers=[1] * 9, score=9, band="mild")
        AssessmentResult.objects.filter(pk=r.pk).update(created_at=start + datetime.timedelta(days=i + 1))
    url = reverse("psychology:assessment_history")
    pages = [browser_client.get(url, {"page": n}).content.decode() for n in (1, 2, 3)]
    assert [p.split('id="all-h"')[1].count("<tr><td>") for p in pages] == [25, 25, 11]
    assert "Page 1 of 3" in pages[0] and "GAD-7" in pages[2].split('id="all-h"')[1]
    assert pages[0].count("<svg") == 2  # the PHQ-9's chart and the GAD-7's


def test_result_dates_are_shown_in_the_readers_time_zone(browser_client, user):
    """Submitted at 08:00 on 2 March in Auckland is 19:00 on 1 March in UTC: the pages say 2 March, 08:00."""
    import datetime

    from psychology.services import record_assessment

    user.timezone = "Pacific/Auckland"
    user.save()
    result = record_assessment(user=user, instrument="gad7", answers=[1] * 7)
    at = datetime.datetime(2026, 3, 1, 19, 0, tzinfo=datetime.UTC)
    AssessmentResult.objects.filter(pk=result.pk).update(created_at=at)
    page = browser_client.get(reverse("psychology:assessment_result", args=[result.pk])).content.decode()
    assert "2 March 2026, 08:00" in page
    history = browser_client.get(reverse("psychology:assessment_history")).content.decode()
    assert "2 Mar 2026" in history and "1 Mar 2026" not in history


def test_the_who5_form_shows_the_numbers_its_instructions_refer_to(browser_client):
    page = browser_client.get(reverse("psychology:assessment_take", args=["who5"])).content.decode()
    assert "higher numbers mean better well-being" in page
    assert 'All of the time <span class="meta">(5)</span>' in page
    assert 'At no time <span class="meta">(0)</span>' in page


def test_a_first_result_charts_the_sentiment_of_the_weeks_before_it(browser_client, user, analysed_entry):
    """The chart of a first result spans four weeks; the sentiment line covers them, not only the last fortnight."""
    import datetime

    from django.utils import timezone

    today = timezone.now().date()
    for weeks_ago in (3, 2, 1, 0):
        analysed_entry(user, sentiment=-0.2, entry_date=today - datetime.timedelta(weeks=weeks_ago))
    AssessmentResult.objects.create(user=user, instrument="phq9", answers=[1] * 9, score=9, band="mild")
    html = browser_client.get(reverse("psychology:assessment_history")).content.decode()
    points = html.split('class="line-sentiment" points="')[1].split('"')[0].split()
    assert len(points) >= 4  # a point for each week written in, not only the last fortnight's
