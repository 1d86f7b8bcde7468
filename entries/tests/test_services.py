import datetime
import threading

import pytest
import redis
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from entries import services
from entries.models import AnalysisStatus, Entry, Topic


def inference_queue_length() -> int:
    return redis.Redis.from_url(settings.CELERY_BROKER_URL).llen("inference")


@pytest.fixture
def empty_queue():
    redis.Redis.from_url(settings.CELERY_BROKER_URL).delete("inference")


@pytest.mark.django_db
def test_create_entry_saves_pending_and_enqueues_on_commit(user, empty_queue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        entry = services.create_entry(user=user, title=" Hi ", content="Hello there, world.", tags=["#Work", "work"])
    assert inference_queue_length() == 1
    entry.refresh_from_db()
    assert entry.analysis_status == AnalysisStatus.PENDING
    assert entry.title == "Hi"
    assert entry.tags == ["work"]
    assert entry.word_count == 3


@pytest.mark.django_db
def test_entry_date_defaults_to_today_in_the_users_timezone(user):
    user.timezone = "Pacific/Kiritimati"  # UTC+14: usually already "tomorrow" compared to UTC
    user.save()
    entry = services.create_entry(user=user, content="x")
    expected = datetime.datetime.now(datetime.UTC).astimezone(user.tz).date()
    assert entry.entry_date == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    "kwargs,field",
    [
        ({"content": "   \n "}, "content"),
        ({"content": "x" * (settings.ENTRY_MAX_CHARS + 1)}, "content"),
        ({"content": "ok", "title": "t" * 201}, "title"),
        ({"content": "ok", "tags": ["<script>"]}, "tags"),
        ({"content": 42}, "content"),
    ],
)
def test_create_entry_rejects_bad_input_and_saves_nothing(user, kwargs, field):
    with pytest.raises(ValidationError) as exc:
        services.create_entry(user=user, **kwargs)
    assert field in exc.value.message_dict
    assert not Entry.objects.exists()


@pytest.mark.django_db
def test_create_entry_refuses_another_users_topic(user, other_user, topic_factory):
    foreign = topic_factory(user=other_user)
    with pytest.raises(ValidationError) as exc:
        services.create_entry(user=user, content="x", topic=foreign)
    assert "topic" in exc.value.message_dict


@pytest.mark.django_db
def test_text_edit_requeues_analysis_but_mood_edit_does_not(user, empty_queue, django_capture_on_commit_callbacks):
    entry = services.create_entry(user=user, content="first")
    Entry.objects.filter(pk=entry.pk).update(analysis_status=AnalysisStatus.DONE, analysed_version=1)
    entry.refresh_from_db()
    redis.Redis.from_url(settings.CELERY_BROKER_URL).delete("inference")
    with django_capture_on_commit_callbacks(execute=True):
        services.update_entry(entry=entry, mood=4, tags=["x"])
    assert inference_queue_length() == 0
    assert Entry.objects.get(pk=entry.pk).analysis_status == AnalysisStatus.DONE
    with django_capture_on_commit_callbacks(execute=True):
        services.update_entry(entry=entry, content="second")
    entry.refresh_from_db()
    assert entry.analysis_status == AnalysisStatus.PENDING
    assert entry.content_version == 2
    assert inference_queue_length() == 1


@pytest.mark.django_db
def test_an_edit_from_a_stale_copy_keeps_an_analysis_that_landed_meanwhile(user):
    entry = services.create_entry(user=user, content="a day")
    page_copy = Entry.objects.get(pk=entry.pk)  # the edit page read it while the analysis was pending
    Entry.objects.filter(pk=entry.pk).update(
        analysis_status=AnalysisStatus.DONE, analysed_version=1, sentiment_label="positive", crisis_flagged=True
    )
    services.update_entry(entry=page_copy, mood=4)
    stored = Entry.objects.get(pk=entry.pk)
    assert (stored.mood, stored.analysis_status, stored.sentiment_label, stored.crisis_flagged) == (
        4,
        AnalysisStatus.DONE,
        "positive",
        True,
    )


@pytest.mark.django_db
def test_two_tabs_editing_one_entry_never_undo_each_other_or_turn_its_version_back(user):
    entry = services.create_entry(user=user, content="first")
    tab_a, tab_b = Entry.objects.get(pk=entry.pk), Entry.objects.get(pk=entry.pk)
    services.update_entry(entry=tab_a, content="second")
    services.update_entry(entry=tab_b, mood=2)
    stored = Entry.objects.get(pk=entry.pk)
    assert (stored.content, stored.mood, stored.content_version) == ("second", 2, 2)
    assert stored.analysis_status == AnalysisStatus.PENDING
    # The other tab now changes the text too (from its stale copy): the version moves on, never back.
    returned = services.update_entry(entry=tab_b, content="third")
    assert Entry.objects.get(pk=entry.pk).content_version == returned.content_version == 3


@pytest.mark.django_db
def test_trash_restore_and_purge(user):
    entry = services.create_entry(user=user, content="bye")
    with pytest.raises(ValidationError):
        services.purge_entry(entry=entry)  # must be trashed first
    services.trash_entry(entry=entry)
    assert Entry.objects.get(pk=entry.pk).deleted_at is not None
    services.restore_entry(entry=entry)
    assert Entry.objects.get(pk=entry.pk).deleted_at is None
    services.trash_entry(entry=entry)
    services.purge_entry(entry=entry)
    assert not Entry.objects.filter(pk=entry.pk).exists()


@pytest.mark.django_db
def test_purge_old_trash_keeps_recent_trash(user, settings):
    from django.utils import timezone

    from entries.tasks import purge_old_trash

    old = services.create_entry(user=user, content="old")
    recent = services.create_entry(user=user, content="recent")
    Entry.objects.filter(pk=old.pk).update(deleted_at=timezone.now() - datetime.timedelta(days=31))
    Entry.objects.filter(pk=recent.pk).update(deleted_at=timezone.now())
    assert purge_old_trash() == 1
    assert list(Entry.objects.values_list("pk", flat=True)) == [recent.pk]


@pytest.mark.django_db
def test_topic_names_clash_gives_a_field_error(user):
    services.create_topic(user=user, name="Family")
    with pytest.raises(ValidationError) as exc:
        services.create_topic(user=user, name="family ")
    assert "name" in exc.value.message_dict


@pytest.mark.django_db(transaction=True)
def test_a_topic_name_taken_by_a_concurrent_request_is_a_field_error_not_a_500():
    # Another connection inserts "Work" and holds its transaction open: this request's check cannot see it, its
    # INSERT waits on the unique index, and fails when the other commits half a second later.
    from django.db import connections

    from journaling.testing.factories import UserFactory

    user = UserFactory()
    inserted, release = threading.Event(), threading.Event()

    def other_request():
        with transaction.atomic():
            Topic.objects.create(user_id=user.pk, name="Work")
            inserted.set()
            release.wait(10)
        connections.close_all()

    other = threading.Thread(target=other_request)
    other.start()
    assert inserted.wait(10)
    threading.Timer(0.5, release.set).start()
    with pytest.raises(ValidationError) as exc:
        services.create_topic(user=user, name="work")
    other.join(10)
    assert exc.value.message_dict == {"name": [services.TOPIC_NAME_TAKEN]}
    assert list(Topic.objects.filter(user=user).values_list("name", flat=True)) == ["Work"]
