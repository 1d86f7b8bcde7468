import pytest

from entries.models import Entry, Topic

URL = "/api/v1/entries/"


@pytest.mark.django_db
def test_create_list_retrieve_update_and_trash(api, user):
    topic = Topic.objects.create(user=user, name="Work")
    created = api.post(
        URL, {"title": "Day", "content": "Busy day.", "topic": topic.pk, "tags": ["Job"], "mood": 3}, format="json"
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["analysis"]["status"] == "pending" and body["tags"] == ["job"] and body["word_count"] == 2
    entry_id = body["id"]
    listing = api.get(URL).json()
    assert listing["count"] == 1 and listing["results"][0]["id"] == entry_id
    assert api.get(f"{URL}{entry_id}/").json()["title"] == "Day"
    patched = api.patch(f"{URL}{entry_id}/", {"is_favourite": True}, format="json")
    assert patched.status_code == 200 and patched.json()["is_favourite"] is True
    put = api.put(f"{URL}{entry_id}/", {"content": "Replaced.", "entry_date": "2026-11-01"}, format="json")
    assert put.status_code == 200 and put.json()["content"] == "Replaced."
    assert api.delete(f"{URL}{entry_id}/").status_code == 204
    assert api.get(URL).json()["count"] == 0
    assert api.get(URL + "?trashed=1").json()["count"] == 1
    # The schema says boolean: every spelling of one reads as one, and a word that is none is a field error.
    counts = [api.get(URL, {"trashed": v}).json()["count"] for v in ("True", "yes", "on", "false", "0")]
    assert counts == [1, 1, 1, 0, 0]
    bad = api.get(URL, {"trashed": "maybe"})
    assert bad.status_code == 400 and "trashed" in bad.json()
    assert api.post(f"{URL}{entry_id}/restore/").status_code == 200
    api.delete(f"{URL}{entry_id}/")
    assert api.delete(f"{URL}{entry_id}/purge/").status_code == 204
    assert not Entry.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "payload,field",
    [
        ({}, "content"),
        ({"content": ""}, "content"),
        ({"content": "   "}, "content"),
        ({"content": "x" * 100_001}, "content"),
        ({"content": ["not", "text"]}, "content"),
        ({"content": "x", "topic": 99999999}, "topic"),
        ({"content": "x", "topic": "abc"}, "topic"),
        ({"content": "x", "entry_date": "2026-13-01"}, "entry_date"),
        ({"content": "x", "mood": 7}, "mood"),
        ({"content": "x", "mood": "happy"}, "mood"),
        ({"content": "x", "tags": "notalist"}, "tags"),
        ({"content": "x", "tags": ["<b>"]}, "tags"),
        ({"content": "x", "title": "t" * 201}, "title"),
        ({"content": "x", "is_favourite": "maybe"}, "is_favourite"),
    ],
)
def test_bad_input_answers_400_with_a_field_message(api, payload, field):
    response = api.post(URL, payload, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not Entry.objects.exists()


def test_the_content_length_limit_counts_a_crlf_line_break_once():
    from rest_framework.exceptions import ValidationError

    from entries.api.serializers import TextField

    field = TextField(max_length=10, trim_whitespace=False)
    assert field.run_validation("a\r\nb\r\nc\r\nd\r\ne\r\n") == "a\nb\nc\nd\ne\n"  # 15 as sent, 10 as stored
    with pytest.raises(ValidationError):
        field.run_validation("x" * 11)


@pytest.mark.django_db
def test_non_json_body_is_a_400(api):
    response = api.generic("POST", URL, "{not json", content_type="application/json")
    assert response.status_code == 400


@pytest.mark.django_db
def test_another_users_topic_is_unknown(api, other_user):
    foreign = Topic.objects.create(user=other_user, name="Theirs")
    response = api.post(URL, {"content": "x", "topic": foreign.pk}, format="json")
    assert response.status_code == 400 and response.json()["topic"] == ["Unknown topic."]


@pytest.mark.django_db
def test_every_entry_route_hides_other_users_entries(api, other_user, entry_factory):
    theirs = entry_factory(user=other_user, title="Private")
    trashed = entry_factory(user=other_user, title="Private trash")
    Entry.objects.filter(pk=trashed.pk).update(deleted_at="2026-01-01T00:00:00Z")
    for pk in (theirs.pk, trashed.pk):
        assert api.get(f"{URL}{pk}/").status_code == 404
        assert api.patch(f"{URL}{pk}/", {"title": "x"}, format="json").status_code == 404
        assert api.put(f"{URL}{pk}/", {"content": "x"}, format="json").status_code == 404
        assert api.delete(f"{URL}{pk}/").status_code == 404
        assert api.post(f"{URL}{pk}/restore/").status_code == 404
        assert api.delete(f"{URL}{pk}/purge/").status_code == 404
    assert api.get(URL).json()["count"] == 0
    assert api.get(URL + "?trashed=1").json()["count"] == 0
    assert api.get(URL + "?q=private").json()["count"] == 0
    assert Entry.objects.get(pk=theirs.pk).title == "Private"


@pytest.mark.django_db
def test_filters_and_pagination(api, user, entry_factory):
    topic = Topic.objects.create(user=user, name="Health")
    entry_factory.create_batch(22, user=user, content="ordinary day", mood=3)
    entry_factory(user=user, content="ran five kilometres", topic=topic, tags=["run"], mood=5, is_favourite=True)
    page = api.get(URL).json()
    assert page["count"] == 23 and len(page["results"]) == 20 and page["next"]
    assert api.get(URL + "?page=2").json()["results"]
    assert api.get(URL + f"?topic={topic.pk}").json()["count"] == 1
    assert api.get(URL + "?tag=run&mood=5&favourite=true").json()["count"] == 1
    for unticked in ("0", "false", "no", "off"):  # Django's checkbox reads any other word, "0" too, as ticked
        assert api.get(URL + f"?favourite={unticked}").json()["count"] == 23, unticked
    assert api.get(URL + "?favourite=1").json()["count"] == 1
    assert api.get(URL + "?q=kilometre").json()["count"] == 1
    assert api.get(URL + "?q=ran kilom").json()["count"] == 1  # the word being typed matches as a prefix
    assert api.get(URL + "?q=ran -kilometre").json()["count"] == 0
    assert api.get(URL + "?mood=9").status_code == 400
    assert api.get(URL + "?date_from=yesterday").status_code == 400
    assert api.get(URL + "?page=999").status_code == 404


@pytest.mark.django_db
def test_an_inverted_range_is_a_400_naming_the_field(api):
    response = api.get(URL + "?date_from=2026-05-02&date_to=2026-05-01")
    assert response.status_code == 400
    assert response.json()["date_to"] == ["The end date is before the start date."]
    response = api.get("/api/v1/search/", {"q": "walk", "sentiment_min": "0.5", "sentiment_max": "-0.5"})
    assert response.status_code == 400
    assert response.json()["sentiment_max"] == ["The upper bound is below the lower bound."]
    assert api.get(URL + "?date_from=2026-05-01&date_to=2026-05-01").status_code == 200  # one day is a range


@pytest.mark.django_db
def test_topics_crud_and_isolation(api, other_user):
    created = api.post("/api/v1/topics/", {"name": "Sleep", "colour": "#123456"}, format="json")
    assert created.status_code == 201
    assert api.post("/api/v1/topics/", {"name": "sleep"}, format="json").status_code == 400
    assert api.post("/api/v1/topics/", {"name": "X", "colour": "red"}, format="json").status_code == 400
    topic_id = created.json()["id"]
    assert api.patch(f"/api/v1/topics/{topic_id}/", {"description": "zzz"}, format="json").status_code == 200
    # PUT, like PATCH, changes the fields it sends: an omitted colour is kept, not reset to the default.
    renamed = api.put(f"/api/v1/topics/{topic_id}/", {"name": "Sleep well"}, format="json").json()
    assert renamed["colour"] == "#123456" and renamed["description"] == "zzz" and renamed["name"] == "Sleep well"
    plain = api.post("/api/v1/topics/", {"name": "Plain"}, format="json").json()
    assert plain["colour"] == "#4f6d7a"
    api.delete(f"/api/v1/topics/{plain['id']}/")
    theirs = Topic.objects.create(user=other_user, name="Theirs")
    assert api.get(f"/api/v1/topics/{theirs.pk}/").status_code == 404
    assert api.delete(f"/api/v1/topics/{theirs.pk}/").status_code == 404
    assert [t["name"] for t in api.get("/api/v1/topics/").json()["results"]] == ["Sleep well"]
    assert api.delete(f"/api/v1/topics/{topic_id}/").status_code == 204


@pytest.mark.django_db
def test_text_edit_resets_analysis_but_favourite_does_not(api, user, entry_factory):
    entry = entry_factory(user=user, analysis_status="done", analysed_version=1)
    api.patch(f"{URL}{entry.pk}/", {"is_favourite": True}, format="json")
    assert Entry.objects.get(pk=entry.pk).analysis_status == "done"
    api.patch(f"{URL}{entry.pk}/", {"content": "new words"}, format="json")
    assert Entry.objects.get(pk=entry.pk).analysis_status == "pending"


@pytest.mark.django_db
@pytest.mark.parametrize("number", ["1e400", "-1e400"])
def test_a_number_too_large_for_a_float_is_a_400_not_a_500(api, number):
    body = '{"content": "x", "topic": ' + number + "}"  # raw: json.dumps would write Infinity
    response = api.post(URL, body, content_type="application/json")
    assert response.status_code == 400 and "too large" in response.json()["detail"]
    assert not Entry.objects.exists()


@pytest.mark.django_db
def test_trashed_1_shows_the_trash_but_edits_and_deletes_no_trashed_entry(api, user, entry_factory):
    import datetime

    from django.utils import timezone

    entry = entry_factory(user=user, content="In the bin.")
    binned_at = timezone.now() - datetime.timedelta(days=20)
    Entry.objects.filter(pk=entry.pk).update(deleted_at=binned_at)
    assert api.get(f"{URL}{entry.pk}/?trashed=1").status_code == 200
    assert api.patch(f"{URL}{entry.pk}/?trashed=1", {"content": "Edited."}, format="json").status_code == 404
    assert api.delete(f"{URL}{entry.pk}/?trashed=1").status_code == 404
    entry.refresh_from_db()
    assert entry.content == "In the bin." and entry.deleted_at == binned_at  # the 30-day clock did not restart


@pytest.mark.django_db
def test_pages_never_repeat_or_skip_entries_that_tie_on_date_and_time(api, user, entry_factory):
    import datetime

    entries = [entry_factory(user=user, content=f"Imported {i}.") for i in range(45)]
    moment = datetime.datetime(2026, 3, 1, 9, 30, tzinfo=datetime.UTC)  # importers restore times to the minute
    Entry.objects.filter(pk__in=[e.pk for e in entries]).update(entry_date=moment.date(), created_at=moment)
    seen, url = [], URL
    while url:
        body = api.get(url).json()
        seen += [row["id"] for row in body["results"]]
        url = body["next"]
    assert sorted(seen) == sorted(e.pk for e in entries)
    assert seen == sorted(seen, reverse=True)  # the newest id first among equals: a stable order


@pytest.mark.django_db
def test_every_search_hit_the_count_can_report_has_a_page(api):
    from entries.api.search import MAX_PAGES, PAGE_SIZE
    from entries.search import CANDIDATES

    assert MAX_PAGES * PAGE_SIZE >= 2 * CANDIDATES  # hybrid fuses up to CANDIDATES of each kind
    assert api.get("/api/v1/search/", {"q": "walk", "mode": "text", "page": MAX_PAGES}).status_code == 200
    assert api.get("/api/v1/search/", {"q": "walk", "mode": "text", "page": MAX_PAGES + 1}).status_code == 400


@pytest.mark.django_db
def test_an_edit_awaiting_its_analysis_shows_and_matches_no_analysis_of_the_old_text(api, browser_client, user):
    from entries.services import create_entry, update_entry

    entry = create_entry(user=user, title="", content="What a joyful day.")
    Entry.objects.filter(pk=entry.pk).update(
        analysis_status="done", sentiment_score=0.9, sentiment_label="positive", dominant_emotion="joy",
        emotions={"joy": 0.9, "neutral": 0.1},
    )  # fmt: skip
    assert api.get(f"{URL}?emotion=joy").json()["count"] == 1
    assert api.get(f"{URL}{entry.pk}/").json()["analysis"]["dominant_emotion"] == "joy"

    update_entry(entry=entry, content="Everything went wrong and I cried.")  # the new analysis is on its way

    analysis = api.get(f"{URL}{entry.pk}/").json()["analysis"]
    assert analysis["status"] == "pending"
    assert (analysis["sentiment"], analysis["emotions"], analysis["dominant_emotion"]) == (None, {}, "")
    hits = api.get("/api/v1/search/", {"q": "cried", "mode": "text"}).json()["results"]
    assert [(h["entry"]["dominant_emotion"], h["entry"]["sentiment_label"]) for h in hits] == [("", "")]
    for query in ("emotion=joy", "sentiment_min=0.5"):
        assert api.get(f"{URL}?{query}").json()["count"] == 0
        assert "What a joyful" not in browser_client.get(f"/journal/?{query}").content.decode()
