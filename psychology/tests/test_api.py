"""The wellbeing API: suggestions and feedback, techniques, prompts, assessments; per-user isolation."""

import pytest
from rest_framework.test import APIClient

from psychology.models import AssessmentResult, SuggestionFeedback

FEAR = {"fear": 0.8, "sadness": 0.1, "neutral": 0.1}


@pytest.fixture
def other_api(other_user):
    client = APIClient()
    client.force_authenticate(other_user)
    return client


def test_suggestions_for_an_analysed_entry(api, user, knowledge_base, analysed_entry):
    entry = analysed_entry(user, content="My boss probably thinks I'm useless. Big deadline.", emotions=FEAR)
    body = api.get(f"/api/v1/entries/{entry.pk}/suggestions/").json()
    assert body["status"] == "ready" and body["entry"] == entry.pk
    assert 1 <= len(body["suggestions"]) <= 3
    first = body["suggestions"][0]
    assert first["why"] and first["technique"]["slug"] and first["feedback"] == ""
    assert "embedding" not in first["technique"]
    assert body["thinking_traps"][0]["sentences"] == ["My boss probably thinks I'm useless."]
    assert body["crisis_resources"] == []


def test_a_pending_entry_has_no_suggestions_yet(api, user, knowledge_base, entry_factory):
    entry = entry_factory(user=user)
    body = api.get(f"/api/v1/entries/{entry.pk}/suggestions/").json()
    assert body["status"] == "pending" and body["suggestions"] == []


def test_a_flagged_entry_returns_resources_and_no_suggestions(api, user, knowledge_base, analysed_entry):
    user.country = "GB"
    user.save()
    entry = analysed_entry(user, emotions={"sadness": 0.9, "neutral": 0.1}, crisis=True)
    body = api.get(f"/api/v1/entries/{entry.pk}/suggestions/").json()
    assert body["status"] == "crisis" and body["suggestions"] == [] and body["thinking_traps"] == []
    assert [r["name"] for r in body["crisis_resources"]] == ["Samaritans"]


def test_feedback_is_recorded_then_replaced_and_dismissed_ones_disappear(api, user, knowledge_base, analysed_entry):
    entry = analysed_entry(user, emotions=FEAR)
    url = f"/api/v1/entries/{entry.pk}/suggestions/"
    slug = api.get(url).json()["suggestions"][0]["technique"]["slug"]
    response = api.post(url + "feedback/", {"technique": slug, "verdict": "helpful"}, format="json")
    assert response.status_code == 200 and response.json()["verdict"] == "helpful"
    assert api.get(url).json()["suggestions"][0]["feedback"] == "helpful"
    api.post(url + "feedback/", {"technique": slug, "verdict": "dismissed"}, format="json")
    assert SuggestionFeedback.objects.get(user=user, entry=entry).verdict == "dismissed"
    assert slug not in [s["technique"]["slug"] for s in api.get(url).json()["suggestions"]]


@pytest.mark.parametrize(
    "payload,field",
    [
        ({"technique": "no-such-thing", "verdict": "helpful"}, "technique"),
        ({"technique": "worry-time", "verdict": "love-it"}, "verdict"),
        ({"verdict": "helpful"}, "technique"),
    ],
)
def test_bad_feedback_is_a_400_with_the_field(api, user, knowledge_base, analysed_entry, payload, field):
    entry = analysed_entry(user, emotions=FEAR)
    response = api.post(f"/api/v1/entries/{entry.pk}/suggestions/feedback/", payload, format="json")
    assert response.status_code == 400 and field in response.json()


def test_another_users_entry_is_a_404_for_suggestions_and_feedback(other_api, user, knowledge_base, analysed_entry):
    entry = analysed_entry(user, emotions=FEAR)
    assert other_api.get(f"/api/v1/entries/{entry.pk}/suggestions/").status_code == 404
    response = other_api.post(
        f"/api/v1/entries/{entry.pk}/suggestions/feedback/", {"technique": "worry-time", "verdict": "dismissed"}
    )
    assert response.status_code == 404
    assert not SuggestionFeedback.objects.exists()


def test_a_trashed_entry_has_no_suggestions(api, user, knowledge_base, analysed_entry):
    from django.utils import timezone

    entry = analysed_entry(user, emotions=FEAR, deleted_at=timezone.now())
    assert api.get(f"/api/v1/entries/{entry.pk}/suggestions/").status_code == 404


def test_techniques_list_detail_and_family_filter(api, knowledge_base):
    listing = api.get("/api/v1/techniques/").json()
    assert listing["count"] >= 30 and "embedding" not in listing["results"][0]
    sleep = api.get("/api/v1/techniques/", {"family": "sleep"}).json()
    assert sleep["count"] >= 1 and {t["family"] for t in sleep["results"]} == {"sleep"}
    detail = api.get("/api/v1/techniques/thought-record/").json()
    assert (
        detail["steps"] and detail["sources"][0]["title"] and detail["page"] == "/wellbeing/techniques/thought-record/"
    )
    assert api.get("/api/v1/techniques/nope/").status_code == 404


def test_the_api_needs_a_signed_in_user(db):
    client = APIClient()
    for url in ("/api/v1/techniques/", "/api/v1/prompts/", "/api/v1/assessments/", "/api/v1/entries/1/suggestions/"):
        assert client.get(url).status_code == 401, url


def test_prompts_endpoint(api, user, knowledge_base):
    prompts = api.get("/api/v1/prompts/").json()["prompts"]
    assert len(prompts) == 3 and all(p["text"] and p["kind"] == "general" for p in prompts)


def test_posting_an_assessment_scores_and_keeps_it(api, user):
    response = api.post(
        "/api/v1/assessments/", {"instrument": "phq9", "answers": [2, 1, 3, 0, 1, 2, 1, 0, 0]}, format="json"
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["score"], body["band"], body["band_label"], body["max_score"]) == (10, "moderate", "Moderate", 27)
    assert body["suggests_professional"] is True and body["shows_crisis_resources"] is False
    assert body["crisis_resources"] == []
    assert AssessmentResult.objects.get(user=user).score == 10
    who5 = api.post("/api/v1/assessments/", {"instrument": "who5", "answers": [4, 3, 2, 4, 3]}, format="json").json()
    assert (who5["score"], who5["band"], who5["suggests_professional"]) == (64, "not_low", False)


def test_phq9_item_nine_returns_crisis_resources(api, user, knowledge_base):
    user.country = "us"
    user.save()
    body = api.post("/api/v1/assessments/", {"instrument": "phq9", "answers": [0] * 8 + [1]}, format="json").json()
    assert body["band"] == "minimal" and body["shows_crisis_resources"] is True
    assert body["crisis_resources"][0]["phone"] == "988"
    # ... and on every later read, not only in the answer to the POST
    again = api.get(f"/api/v1/assessments/{body['id']}/").json()
    assert again["crisis_resources"][0]["phone"] == "988"
    listed = api.get("/api/v1/assessments/").json()["results"]
    assert listed[0]["crisis_resources"][0]["phone"] == "988"


@pytest.mark.parametrize(
    "payload,field,message",
    [
        ({"instrument": "phq9", "answers": [0] * 8}, "answers", "PHQ-9 needs exactly 9 answers; got 8."),
        ({"instrument": "gad7", "answers": [0, 0, 0, 9, 0, 0, 0]}, "answers", "Answer 4 is 9; each answer must be"),
        ({"instrument": "who5", "answers": [1, 1, "x", 1, 1]}, "answers", "Answer 3 must be an integer"),
        ({"instrument": "who5", "answers": [1, 1, 2.5, 1, 1]}, "answers", "Answer 3 must be an integer"),
        ({"instrument": "who5", "answers": "11111"}, "answers", "Expected a list"),
        ({"instrument": "panas", "answers": [1] * 20}, "instrument", "Unknown instrument 'panas'"),
        ({"answers": [0] * 9}, "instrument", "required"),
        ({"instrument": "phq9"}, "answers", "required"),
    ],
)
def test_invalid_assessments_are_400s_with_a_field_message(api, user, payload, field, message):
    response = api.post("/api/v1/assessments/", payload, format="json")
    assert response.status_code == 400
    assert message in response.json()[field][0]
    assert not AssessmentResult.objects.exists()


def test_assessments_are_private_to_their_user(api, other_api, user, other_user):
    mine = api.post("/api/v1/assessments/", {"instrument": "gad7", "answers": [1] * 7}, format="json").json()
    other_api.post("/api/v1/assessments/", {"instrument": "gad7", "answers": [3] * 7}, format="json")
    listing = api.get("/api/v1/assessments/").json()
    assert [r["id"] for r in listing["results"]] == [mine["id"]]
    assert api.get(f"/api/v1/assessments/{mine['id']}/").json()["score"] == 7
    assert other_api.get(f"/api/v1/assessments/{mine['id']}/").status_code == 404
    assert mine["id"] not in [r["id"] for r in other_api.get("/api/v1/assessments/").json()["results"]]


def test_the_openapi_schema_describes_the_wellbeing_endpoints(api):
    paths = api.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()["paths"]
    for path in ("/api/v1/entries/{id}/suggestions/", "/api/v1/techniques/{slug}/", "/api/v1/assessments/"):
        assert path in paths, sorted(paths)


@pytest.mark.parametrize("state", [{"crisis": True}, {"analysis_status": "pending"}])
def test_feedback_on_an_entry_without_suggestions_is_a_400_and_keeps_nothing(
    api, browser_client, user, knowledge_base, analysed_entry, state
):
    """Nothing is suggested under a flagged or unanalysed entry; a verdict kept there would still move the
    suggestions under the user's other entries."""
    from entries.models import Entry

    entry = analysed_entry(user, emotions=FEAR, crisis=state.get("crisis", False))
    if "analysis_status" in state:
        Entry.objects.filter(pk=entry.pk).update(analysis_status=state["analysis_status"])
    response = api.post(
        f"/api/v1/entries/{entry.pk}/suggestions/feedback/", {"technique": "worry-time", "verdict": "helpful"},
        format="json",
    )  # fmt: skip
    assert response.status_code == 400 and "no suggestions" in response.json()["entry"][0]
    page = browser_client.post(
        f"/wellbeing/entries/{entry.pk}/feedback/", {"technique": "worry-time", "verdict": "helpful"}, follow=True
    )
    assert page.status_code == 200 and "no suggestions to give feedback on" in page.content.decode()
    assert not SuggestionFeedback.objects.exists()
