"""manage.py analyze and reanalyze, run in-process on the real database and default models."""

import io
import json

import pytest
from django.core.management import call_command

from entries import services
from entries.models import AnalysisStatus, Entry
from ml_models.runner import MAX_ATTEMPTS, run_analysis


def analyze(monkeypatch, text: str, tmp_path=None) -> list[dict]:
    out = io.StringIO()
    if tmp_path is None:
        monkeypatch.setattr("sys.stdin", io.StringIO(text))
        call_command("analyze", stdout=out)
    else:
        path = tmp_path / "texts.txt"
        path.write_bytes(text.encode())
        call_command("analyze", file=str(path), stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


@pytest.mark.parametrize("source", ["stdin", "file"])
def test_analyze_answers_every_input_line_in_order_blank_ones_with_an_error(monkeypatch, tmp_path, source):
    text = "A wonderful, happy day at the beach with friends.\n\n   \r\nI feel awful and so alone.\r\n"
    rows = analyze(monkeypatch, text, tmp_path if source == "file" else None)
    assert len(rows) == 4
    assert rows[0]["sentiment"]["label"] == "positive" and rows[3]["sentiment"]["label"] == "negative"
    assert [r.get("error") for r in rows[1:3]] == ["empty line: nothing to analyse"] * 2
    assert set(rows[0]["emotions"]) == {"anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise"}
    assert rows[3]["embedding_dim"] == 384 and rows[3]["text"] == "I feel awful and so alone."


@pytest.mark.parametrize("source", ["stdin", "file"])
def test_a_lone_carriage_return_does_not_split_a_line_from_either_source(monkeypatch, tmp_path, source):
    rows = analyze(monkeypatch, "one\rtwo\nthree\n", tmp_path if source == "file" else None)
    assert [r["text"] for r in rows] == ["one\rtwo", "three"]


@pytest.mark.django_db
def test_reanalyze_all_redoes_only_other_models_results_and_resumes_where_it_stopped(user):
    entries = [services.create_entry(user=user, content=f"A quiet day number {n}.") for n in range(3)]
    assert run_analysis([e.pk for e in entries]) == 3
    old = entries[1]
    # Analysed by an older model, and already claimed six times over its life (earlier runs): that must not fail it.
    Entry.objects.filter(pk=old.pk).update(model_versions={"sentiment": "old"}, analysis_attempts=MAX_ATTEMPTS)
    out = io.StringIO()
    call_command("reanalyze", all=True, stdout=out)
    assert "analysed 1 of 1 entries" in out.getvalue()
    redone = Entry.objects.get(pk=old.pk)
    assert redone.analysis_status == AnalysisStatus.DONE and redone.model_versions != {"sentiment": "old"}
    call_command("reanalyze", all=True, stdout=(again := io.StringIO()))
    assert "analysed 0 of 0 entries" in again.getvalue()  # a second run finds nothing left
    elsewhere = {**redone.model_versions, "device": "cuda"}  # the same models, run by a GPU worker
    Entry.objects.filter(pk=old.pk).update(model_versions=elsewhere)
    call_command("reanalyze", all=True, stdout=(gpu := io.StringIO()))
    assert "analysed 0 of 0 entries" in gpu.getvalue()
    partial = {k: v for k, v in redone.model_versions.items() if k != "crisis"}  # a task these models now add
    Entry.objects.filter(pk=old.pk).update(model_versions=partial)
    call_command("reanalyze", all=True, stdout=(missing := io.StringIO()))
    assert "analysed 1 of 1 entries" in missing.getvalue()


@pytest.mark.django_db
def test_reanalyze_names_the_account_as_import_and_export_do(user, other_user):
    from django.core.management import CommandError

    mine = services.create_entry(user=user, content="A quiet day.")
    services.create_entry(user=other_user, content="Someone else's day.")
    call_command("reanalyze", user=f"id:{user.pk}", stdout=(out := io.StringIO()))
    assert "analysed 1 of 1 entries" in out.getvalue()
    assert Entry.objects.get(pk=mine.pk).analysis_status == AnalysisStatus.DONE
    with pytest.raises(CommandError, match="No user"):
        call_command("reanalyze", user="nobody-here")
