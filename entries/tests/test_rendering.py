"""The logical lines of an entry's Markdown: what sentence-level readers (thinking traps, weekly highlights) split."""

import pytest
from django.utils.safestring import SafeString

from entries.rendering import logical_lines

SETEXT = "Underlined with equals signs, a setext title"
WRAPPED = "A long line of hard-wrapped text that goes on\nI think, to the next."


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The long walk by the river\ncleared my head today.", ["The long walk by the river cleared my head today."]),
        (WRAPPED, [WRAPPED.replace("\n", " ")]),  # after a long line, even "I" goes on
        ("- wraps\n  onto line two\n- item two", ["- wraps onto line two", "- item two"]),
    ],
)
def test_a_sentence_wrapped_over_lines_is_one_line(text, expected):
    assert logical_lines(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Monday\nWent to work.", ["Monday", "Went to work."]),  # a short title line
        ("Monday\nI went for a long walk.", ["Monday", "I went for a long walk."]),
        ("Done.\nThen tea.", ["Done.", "Then tea."]),  # the sentence ended
        ("# Today\nwent out", ["# Today", "went out"]),  # a heading
        ("first paragraph ends here\n\nsecond one", ["first paragraph ends here", "second one"]),
        ("Eggs\nMilk\n> a quote\n1. a list", ["Eggs", "Milk", "> a quote", "1. a list"]),
        ("```\nlog output\n```\nI'm such an idiot.", ["```", "log output", "```", "I'm such an idiot."]),
        (f"{SETEXT}\n===\nbody", [SETEXT, "===", "body"]),
        ("", []),
    ],
)
def test_titles_finished_sentences_paragraphs_and_markdown_blocks_stay_apart(text, expected):
    assert logical_lines(text) == expected


@pytest.mark.parametrize("text", ["- " * 2000 + "x", "1. " * 600 + "x"])
def test_markdown_nested_too_deep_to_render_is_shown_as_typed(text):
    from entries.rendering import render_markdown

    html = render_markdown(text + " <b>&")
    assert html.startswith("<p>") and html.endswith("x &lt;b&gt;&amp;</p>")
    assert isinstance(html, SafeString)  # a template must not escape it again


@pytest.mark.django_db
def test_an_entry_nested_too_deep_for_markdown_still_opens(browser_client, user):
    from django.urls import reverse

    from entries.services import create_entry

    entry = create_entry(user=user, title="Lists", content="- " * 2000 + "the end")
    response = browser_client.get(reverse("entries:detail", args=[entry.pk]))
    html = response.content.decode()
    assert response.status_code == 200 and "<p>- - -" in html and "the end</p>" in html  # shown, not escaped twice
