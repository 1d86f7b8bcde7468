"""The parsers and the archive checks, on fixture files: no database needed."""

import datetime
import io
import json
import zipfile
import zoneinfo
from pathlib import Path

import pytest

from entries import importers
from entries.importers import ImportedEntry, Skipped, UnreadableFile, archive, dayone, jsonstream

FIXTURES = Path(__file__).parent / "import_fixtures"
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def read(path, fmt="auto", tz=PARIS):
    with importers.Source(path) as source:
        detected, items = importers.parse(source, fmt, default_tz=tz)
        return detected, list(items)


def entries_of(items):
    return [i for i in items if isinstance(i, ImportedEntry)]


def skips_of(items):
    return [i for i in items if isinstance(i, Skipped)]


def zip_of(tmp_path, files: dict, name="export.zip") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, data in files.items():
            zf.writestr(member, data)
    return path


def test_day_one_entry_date_is_the_local_day_in_the_entrys_own_time_zone():
    fmt, items = read(FIXTURES / "dayone" / "Journal.json")
    ferry = entries_of(items)[0]
    assert fmt == "dayone"
    # 20:30 UTC on 1 March is 09:30 on 2 March in Auckland.
    assert ferry.entry_date == datetime.date(2024, 3, 2)
    assert ferry.created_at == datetime.datetime(2024, 3, 1, 20, 30, tzinfo=datetime.UTC)
    assert ferry.source_id == "A1B2C3D4E5F60718293A4B5C6D7E8F90" and ferry.is_favourite
    assert ferry.title == "Ferry to Waiheke" and ferry.tags == ["travel", "new zealand"]


def test_day_one_text_is_unescaped_but_markdown_meaning_is_kept():
    ferry = entries_of(read(FIXTURES / "dayone" / "Journal.json")[1])[0]
    assert ferry.content.startswith("We took the early ferry. The sea was calm (finally)!")
    assert "1\\. Not a list" in ferry.content and "\\- not a bullet" in ferry.content
    assert "\\*literal stars\\*" in ferry.content
    assert "dayone-moment" not in ferry.content


def test_day_one_media_location_and_weather_become_notes_under_the_text():
    ferry = entries_of(read(FIXTURES / "dayone" / "Journal.json")[1])[0]
    assert ferry.notes == [
        "Attachment not imported: dayone-moment://F00DBABE",
        "Location: Matiatia Wharf, Waiheke Island, New Zealand",
        "Weather: Partly Cloudy, 19 °C",
    ]
    assert ferry.full_content().endswith("- Weather: Partly Cloudy, 19 °C")


def test_day_one_entries_missing_fields_are_skipped_with_a_reason():
    skips = skips_of(read(FIXTURES / "dayone" / "Journal.json")[1])
    assert [(s.where, s.reason) for s in skips] == [
        ("Journal.json, entry 3", "missing or unreadable creationDate"),
        ("Journal.json, entry 4", "no text"),
        ("Journal.json, entry 5", "not a Day One entry (expected an object)"),
    ]


def test_day_one_unknown_time_zone_falls_back_to_the_users():
    items = entries_of(read(FIXTURES / "dayone_duplicates.json", tz=zoneinfo.ZoneInfo("Pacific/Kiritimati"))[1])
    assert items[2].entry_date == datetime.date(2024, 1, 3)  # 10:00 UTC is already the next day at UTC+14


def test_day_one_zip_reads_every_journal_inside(tmp_path):
    journal = (FIXTURES / "dayone" / "Journal.json").read_bytes()
    other = json.dumps({"entries": [{"uuid": "X", "creationDate": "2024-05-01T10:00:00Z", "text": "Work log."}]})
    path = zip_of(tmp_path, {"Journal.json": journal, "Work.json": other, "photos/abc.jpeg": b"\xff\xd8"})
    fmt, items = read(path)
    assert fmt == "dayone" and len(entries_of(items)) == 3


def test_unescape_handles_line_starts():
    assert dayone.unescape("\\# not a heading\nmid \\# ok") == "\\# not a heading\nmid # ok"
    assert dayone.unescape('3\\) fine\nsay \\"hi\\"') == '3\\) fine\nsay "hi"'


def test_jrnl_json_reads_title_body_tags_and_star_in_the_users_zone():
    fmt, items = read(FIXTURES / "jrnl.json")
    first, second = entries_of(items)
    assert fmt == "jrnl-json"
    assert (first.title, first.content) == ("Long day at @work", "Meetings until six. Then dinner with @family.")
    assert first.tags == ["work", "family"] and first.is_favourite
    assert first.created_at == datetime.datetime(2024, 2, 10, 21, 45, tzinfo=PARIS)
    assert (second.title, second.content) == ("", "Short one.")
    assert skips_of(items)[0].reason == "missing or unreadable date"


def test_jrnl_text_splits_entries_on_date_lines():
    fmt, items = read(FIXTURES / "jrnl.txt")
    entries = entries_of(items)
    assert fmt == "jrnl-text" and len(entries) == 3
    assert entries[0].title == "Long day at @work"
    assert entries[0].content == "Meetings until six.\nThen dinner with @family."
    assert entries[0].tags == ["work", "family"] and not entries[0].is_favourite
    assert entries[1].title == "Sunrise run" and entries[1].is_favourite
    assert entries[1].created_at.hour == 7
    assert entries[2].content == "A one-liner with no body." and entries[2].title == ""
    assert skips_of(items)[0].where == "jrnl.txt, line 7"


def test_jrnl_text_ids_are_stable_across_reads():
    first = [e.source_id for e in entries_of(read(FIXTURES / "jrnl.txt")[1])]
    again = [e.source_id for e in entries_of(read(FIXTURES / "jrnl.txt")[1])]
    assert first == again and len(set(first)) == 3


def test_daylio_maps_moods_activities_and_notes():
    fmt, items = read(FIXTURES / "daylio.csv")
    entries = entries_of(items)
    assert fmt == "daylio"
    rad, awful, custom = entries[:3]
    assert (rad.mood, rad.title, rad.content) == (5, "Great evening", "Saw a film.\nLaughed a lot.")
    assert rad.tags == ["friends", "movies tv"]
    assert rad.created_at == datetime.datetime(2024, 1, 5, 21, 30, tzinfo=PARIS)
    assert awful.mood == 1 and awful.content == "Feeling awful. Activities: work."
    assert custom.mood is None and custom.notes == ["Daylio mood: sleepy"]
    assert [s.reason for s in skips_of(items)] == ["unreadable full_date 'not-a-date'"]
    # An unreadable time loses neither the day, the mood nor the note: midnight, with the time kept as a note.
    bad_time = entries[3]
    assert (bad_time.content, bad_time.mood, bad_time.notes) == ("Bad time", 3, ["Daylio time: 25:99"])
    assert bad_time.created_at == datetime.datetime(2024, 1, 8, 0, 0, tzinfo=PARIS)
    assert entries[4].source_id == rad.source_id  # the repeated row: the writer counts it as a duplicate


def test_daylio_in_the_wrong_encoding_is_refused_clearly():
    with pytest.raises(UnreadableFile, match="daylio_latin1.csv is not UTF-8 text"):
        read(FIXTURES / "daylio_latin1.csv")


def test_daylio_without_its_columns_is_refused_clearly():
    with pytest.raises(UnreadableFile, match="doesn't look like a Daylio export: no full_date, mood column"):
        read(FIXTURES / "daylio_missing_columns.csv", fmt="daylio")


def test_markdown_folder_reads_front_matter_headings_and_file_name_dates():
    fmt, items = read(FIXTURES / "markdown")
    walk, rainy = entries_of(items)
    assert fmt == "markdown"
    assert (walk.title, walk.entry_date, walk.mood, walk.is_favourite) == (
        "A walk by the river",
        datetime.date(2024, 3, 1),
        4,
        True,
    )
    assert walk.tags == ["outdoors", "rivers"] and walk.topic == "Health"
    assert (rainy.title, rainy.content, rainy.entry_date) == (
        "Rainy Saturday",
        "Stayed in and read all afternoon.",
        datetime.date(2024, 3, 2),
    )
    reasons = {s.where: s.reason for s in skips_of(items)}
    assert reasons["notes/idea.md"].startswith("no date")
    assert reasons["notes/bad-yaml.md"].startswith("front matter is not valid YAML")
    assert reasons["notes/2024-03-05-meta-only.md"] == "no text besides the front matter"


def test_markdown_zip_skips_a_file_in_another_encoding_and_reads_the_rest(tmp_path):
    path = zip_of(tmp_path, {"2024-01-01.md": "Fine.", "2024-01-02.md": "Caf\xe9".encode("latin-1")})
    _, items = read(path)
    assert [e.content for e in entries_of(items)] == ["Fine."]
    assert skips_of(items) == [Skipped("2024-01-02.md", "not UTF-8 text")]


def test_a_zipped_vault_skips_hidden_folders_and_is_recognised_by_its_notes(tmp_path):
    vault = {
        "vault/.obsidian/app.json": '{"legacyEditor": false}',
        "vault/.trash/2024-02-01.md": "A note I deleted.",
        "vault/notes/.hidden.md": "Not a note either.",
        "vault/notes/2024-03-01.md": "A walk by the canal.",
    }
    fmt, items = read(zip_of(tmp_path, vault))
    assert fmt == "markdown"
    assert [e.content for e in entries_of(items)] == ["A walk by the canal."]
    # A zip made from inside the folder ("zip -r x.zip ." or bsdtar) names members "./...": not hidden.
    fmt, items = read(zip_of(tmp_path, {"./notes/2024-03-02.md": "Rain all day."}, name="dot.zip"))
    assert fmt == "markdown" and [e.content for e in entries_of(items)] == ["Rain all day."]


@pytest.mark.parametrize("name", ["../../x.md", "/etc/passwd.md", "notes/../../escape.md", "..\\..\\win.md", "C:/x.md"])
def test_zip_with_a_path_traversal_name_is_refused_whole(tmp_path, name):
    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("2024-01-01.md", "Harmless.")
        zf.writestr(zipfile.ZipInfo(name), "Evil.")
    with pytest.raises(UnreadableFile, match="unsafe file name"):
        read(path)


def test_zip_bomb_is_refused_before_anything_is_unpacked(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_UNCOMPRESSED_BYTES", 10 * 1024 * 1024)
    path = zip_of(tmp_path, {f"{i}.md": b"\0" * 4 * 1024 * 1024 for i in range(4)})
    assert path.stat().st_size < 100_000  # 16 MB of zeros in a few KB
    with pytest.raises(UnreadableFile, match="would unpack to 16 MB; the limit is 10 MB"):
        read(path)


def test_zip_with_too_many_members_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_MEMBERS", 5)
    path = zip_of(tmp_path, {f"{i}.md": "x" for i in range(6)})
    with pytest.raises(UnreadableFile, match="holds 6 files; the limit is 5"):
        read(path)


def test_a_damaged_zip_is_refused_clearly(tmp_path):
    path = tmp_path / "broken.zip"
    path.write_bytes(b"PK\x03\x04" + b"garbage" * 20)
    with pytest.raises(UnreadableFile, match="not a readable zip archive"):
        read(path)


def test_unknown_format_asks_the_person_to_choose(tmp_path):
    path = tmp_path / "mystery.bin"
    path.write_bytes(b"\x00\x01binary")
    with pytest.raises(UnreadableFile, match="choose its format"):
        read(path)


def test_truncated_json_yields_what_came_before_then_says_where_it_stopped():
    items = []
    with (
        pytest.raises(UnreadableFile, match="dayone_truncated.json is not valid JSON"),
        importers.Source(FIXTURES / "dayone_truncated.json") as source,
    ):
        _, parsed = importers.parse(source, "dayone", default_tz=PARIS)
        items.extend(parsed)
    assert [e.source_id for e in entries_of(items)] == ["OK-1", "OK-2"]


def test_json_stream_reads_items_across_chunk_boundaries(monkeypatch):
    monkeypatch.setattr(jsonstream, "CHUNK_CHARS", 7)
    doc = {"meta": {"a": [1, 2]}, "entries": [{"n": 12345678901234, "t": "é" * 30}, 3.25, [], "x"], "z": None}
    got = list(jsonstream.iter_top_level(io.StringIO(json.dumps(doc)), name="t", stream_keys={"entries"}))
    assert got == [("meta", {"a": [1, 2]}), *(("entries", v) for v in doc["entries"]), ("z", None)]


def test_json_stream_refuses_a_value_over_the_limit(monkeypatch):
    monkeypatch.setattr(jsonstream, "MAX_VALUE_CHARS", 100)
    monkeypatch.setattr(jsonstream, "CHUNK_CHARS", 50)
    text = json.dumps({"entries": [{"text": "x" * 500}]})
    with pytest.raises(UnreadableFile, match="one value is longer than 100 characters"):
        list(jsonstream.iter_top_level(io.StringIO(text), name="big.json", stream_keys={"entries"}))


def test_progress_counts_the_bytes_read():
    seen = []
    progress = archive.Progress(lambda done, total: seen.append((done, total)), interval=0)
    with importers.Source(FIXTURES / "jrnl.txt", progress=progress) as source:
        list(importers.parse(source, "jrnl-text", default_tz=PARIS)[1])
    size = (FIXTURES / "jrnl.txt").stat().st_size
    assert seen[0] == (0, size) and seen[-1] == (size, size)


def journaling_json(schema="journaling.export/1") -> str:
    entry = {"id": 7, "title": "T", "content": "Body.", "entry_date": "2024-01-01", "tags": ["a"], "topic": "Work"}
    return json.dumps({"schema": schema, "user": {"id": 3}, "topics": [{"name": "Work"}], "entries": [entry]})


def test_our_own_export_is_recognised_even_inside_a_folder_of_the_zip(tmp_path):
    fmt, items = read(zip_of(tmp_path, {"backup/entries.json": journaling_json(), "backup/entries/x.md": "x"}))
    assert fmt == "journaling"
    assert items[0] == importers.ImportedTopic("Work", "", "")
    assert (items[1].source_id, items[1].title, items[1].topic, items[1].tags) == ("3:7", "T", "Work", ["a"])


def test_an_export_of_an_unknown_schema_version_is_refused(tmp_path):
    path = tmp_path / "entries.json"
    path.write_text(journaling_json(schema="journaling.export/2"))
    with pytest.raises(UnreadableFile, match="has schema 'journaling.export/2'; this version reads"):
        read(path)


def test_a_zip_of_jrnl_text_is_recognised(tmp_path):
    fmt, items = read(zip_of(tmp_path, {"journal.txt": (FIXTURES / "jrnl.txt").read_bytes()}))
    assert fmt == "jrnl-text" and len(entries_of(items)) == 3
