"""Journals from several places brought into one account: exports of two installations (whose first users both
wrote entry 1), copied Markdown notes, our own Markdown export, and odd times and topic names."""

import io
import json
import zipfile

import pytest

from accounts.portability.export import SCHEMA
from accounts.tests.test_portability_export import build_journal, export_zip
from entries.importing.batches import run_import
from entries.models import Entry, Topic
from entries.models_portability import ImportRecord


def export_file(path, entries, user_id=1, topics=()):
    path.write_text(json.dumps({"schema": SCHEMA, "user": {"id": user_id}, "topics": list(topics),
                                "entries": entries}))  # fmt: skip
    return path


def server_entries(server: str, n: int = 3) -> list[dict]:
    return [{"id": i, "title": "", "content": f"Written on {server}, entry {i}.", "entry_date": f"202{i}-05-01",
             "created_at": f"202{i}-05-01T0{i}:00:00+00:00" if server == "P" else f"201{i}-01-01T12:00:00+00:00"}
            for i in range(1, n + 1)]  # fmt: skip


@pytest.mark.django_db
def test_exports_of_two_installations_with_the_same_ids_both_come_in(user, tmp_path):
    assert run_import(user=user, path=export_file(tmp_path / "p.json", server_entries("P"))).new == 3
    second = run_import(user=user, path=export_file(tmp_path / "q.json", server_entries("Q")))
    assert (second.new, second.duplicate) == (3, 0)
    assert Entry.objects.filter(user=user).count() == 6
    again = run_import(user=user, path=tmp_path / "q.json")
    assert (again.new, again.duplicate) == (0, 3)


@pytest.mark.django_db
def test_one_zip_holding_two_installations_exports_brings_both(user, tmp_path):
    path = tmp_path / "both.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("p/entries.json", export_file(tmp_path / "p.json", server_entries("P")).read_text())
        archive.writestr("q/entries.json", export_file(tmp_path / "q.json", server_entries("Q")).read_text())
    assert run_import(user=user, path=path).new == 6


@pytest.mark.django_db
def test_a_file_imported_before_creation_times_were_part_of_the_identity_is_still_a_duplicate(user, tmp_path):
    path = export_file(tmp_path / "p.json", server_entries("P"))
    run_import(user=user, path=path)
    # How earlier versions remembered these entries: the bare "user:id".
    for record in ImportRecord.objects.filter(user=user):
        record.source_id = record.source_id.split("@")[0]
        record.save()
    report = run_import(user=user, path=path)
    assert (report.new, report.duplicate) == (0, 3)


def markdown_zip(path, notes: dict[str, str]):
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in notes.items():
            archive.writestr(name, text)
    return path


NOTE = "---\nid: 1\ndate: 2024-03-0{day}\ncreated: 2024-03-01T08:00:00Z\n---\n{text}\n"


@pytest.mark.django_db
def test_a_copied_note_that_kept_its_front_matter_is_imported_not_dropped(user, tmp_path):
    notes = {"a.md": NOTE.format(day=1, text="The original."), "b.md": NOTE.format(day=2, text="The copy, edited.")}
    report = run_import(user=user, path=markdown_zip(tmp_path / "vault.zip", notes), fmt="markdown")
    assert (report.new, report.duplicate) == (2, 0)
    again = run_import(user=user, path=tmp_path / "vault.zip", fmt="markdown")
    assert (again.new, again.duplicate) == (0, 2)


@pytest.mark.django_db
def test_the_same_note_twice_in_one_file_is_one_entry(user, tmp_path):
    note = NOTE.format(day=1, text="Same words.")
    report = run_import(user=user, path=markdown_zip(tmp_path / "v.zip", {"a.md": note, "copy/a.md": note}))
    assert (report.new, report.duplicate) == (1, 1)


@pytest.mark.django_db
def test_our_own_markdown_export_brought_back_into_the_same_account_adds_nothing(user, entry_factory, tmp_path):
    build_journal(user, entry_factory)
    before = Entry.objects.filter(user=user).count()
    path = tmp_path / "export.zip"
    path.write_bytes(export_zip(user).fp.getvalue())
    report = run_import(user=user, path=path, fmt="markdown")
    assert report.new == 0 and report.duplicate == before
    assert Entry.objects.filter(user=user).count() == before


@pytest.mark.django_db
def test_a_creation_time_outside_readable_years_is_replaced_by_the_import_time(user, tmp_path):
    user.timezone = "Europe/Berlin"
    user.save()
    entries = [{"id": 1, "content": "Go's zero time.", "entry_date": "2024-01-01", "created_at": "0001-01-01T00:00:00"},
               {"id": 2, "content": "Far future.", "entry_date": "2024-01-02",
                "created_at": "9999-12-31T23:00:00-05:00"}]  # fmt: skip
    assert run_import(user=user, path=export_file(tmp_path / "t.json", entries)).new == 2
    years = sorted(e.created_at.year for e in Entry.objects.filter(user=user))
    assert all(2020 < year < 3000 for year in years)


@pytest.mark.django_db
def test_half_an_emoji_or_a_nul_in_a_topic_name_does_not_fail_the_import(user, tmp_path):
    entries = [{"id": 1, "content": "x", "entry_date": "2024-01-01", "topic": "Run \ud83c"},
               {"id": 2, "content": "y", "entry_date": "2024-01-02", "topic": "Nul\u0000led"}]  # fmt: skip
    report = run_import(user=user, path=export_file(tmp_path / "t.json", entries))
    assert (report.new, report.stopped) == (2, "")
    assert sorted(Topic.objects.filter(user=user).values_list("name", flat=True)) == ["Nulled", "Run \ufffd"]


NAIVE = "---\nid: 7\ndate: 2024-03-01\ncreated: 2024-03-01 08:00:00\n---\nA note written at eight.\n"


@pytest.mark.django_db
def test_a_vault_imported_again_after_the_reader_moved_time_zone_adds_nothing(user, tmp_path):
    path = markdown_zip(tmp_path / "vault.zip", {"note.md": NAIVE})
    assert run_import(user=user, path=path, fmt="markdown").new == 1
    user.timezone = "Asia/Tokyo"  # the naive "created" now reads as another instant
    user.save()
    assert run_import(user=user, path=path, fmt="markdown").duplicate == 1


@pytest.mark.django_db
def test_a_note_imported_before_ids_held_creation_times_is_still_a_duplicate(user, tmp_path):
    path = markdown_zip(tmp_path / "vault.zip", {"note.md": NAIVE})
    run_import(user=user, path=path, fmt="markdown")
    ImportRecord.objects.filter(user=user).update(source_id="7")  # what earlier versions recorded
    assert run_import(user=user, path=path, fmt="markdown").duplicate == 1


COPY = "---\nid: 7\ndate: 2024-03-02\ncreated: 2024-03-01 08:00:00\n---\nThe copy, with new words.\n"


@pytest.mark.django_db
def test_a_copied_note_with_new_words_comes_in_beside_a_note_imported_by_an_older_version(user, tmp_path):
    run_import(user=user, path=markdown_zip(tmp_path / "v1.zip", {"note.md": NAIVE}), fmt="markdown")
    ImportRecord.objects.filter(user=user).update(source_id="7")  # recorded by an earlier version
    report = run_import(user=user, path=markdown_zip(tmp_path / "v2.zip", {"note.md": NAIVE, "copy.md": COPY}),
                        fmt="markdown")  # fmt: skip
    assert (report.new, report.duplicate) == (1, 1)
    assert Entry.objects.filter(user=user, content__startswith="The copy").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("order", ["original first", "copy first"])
def test_our_own_export_with_an_edited_copy_brings_only_the_copy(user, entry_factory, tmp_path, order):
    build_journal(user, entry_factory)
    exported = zipfile.ZipFile(io.BytesIO(export_zip(user).fp.getvalue()))
    notes = {n: exported.read(n).decode() for n in exported.namelist() if n.endswith(".md")}
    name, text = sorted(notes.items())[0]
    copy = text.replace(text.split("---\n", 2)[2], "Words written in the copy only.\n")
    pairs = [(name, text), ("copy-" + name.rsplit("/", 1)[-1], copy)]
    vault = dict(pairs if order == "original first" else pairs[::-1])
    report = run_import(user=user, path=markdown_zip(tmp_path / "vault.zip", vault), fmt="markdown")
    assert report.new == 1
    assert Entry.objects.filter(user=user, content__startswith="Words written in the copy").count() == 1


@pytest.mark.django_db
def test_another_vaults_note_with_the_same_bare_id_as_an_old_record_comes_in(user, tmp_path):
    run_import(user=user, path=markdown_zip(tmp_path / "v1.zip", {"note.md": NAIVE}), fmt="markdown")
    ImportRecord.objects.filter(user=user).update(source_id="7")
    other = NAIVE.replace("2024-03-01 08:00:00", "2019-06-01 21:00:00").replace("at eight", "elsewhere")
    assert run_import(user=user, path=markdown_zip(tmp_path / "v2.zip", {"n.md": other}), fmt="markdown").new == 1
