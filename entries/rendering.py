"""Markdown in entries, rendered to HTML and sanitized with nh3 so no script or handler gets through."""

import re

import markdown as md
import nh3
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}


def render_markdown(text: str) -> SafeString:
    try:
        html = md.markdown(text, extensions=["extra", "sane_lists", "nl2br"], output_format="html")
    except RecursionError:
        # Python-Markdown recurses once per nesting level: a few hundred "- " or ">" in a row (900 characters) ran
        # out of stack, and the entry's page was a 500 for good. Such a text is shown as it was typed.
        return mark_safe(linebreaks(text, autoescape=True))  # noqa: S308 - every character escaped by linebreaks
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(clean)  # noqa: S308 - sanitized by nh3 just above


_BLOCK_START = re.compile(r"^\s*(?:#{1,6}\s|>|[-*+]\s|\d+[.)]\s|\|)")
_BREAK = re.compile(r"^\s*(?:#|```|~~~|[-=*_]{3,}\s*$)")  # a heading, a code fence or a rule: nothing joins across
_ENDS_SENTENCE = re.compile(r"[.!?…:;\"”')\]]\s*$")


def logical_lines(text: str) -> list[str]:
    """The lines of an entry as the writer meant them: a line wrapped in the middle of a sentence (hard-wrapped
    Markdown from jrnl or Obsidian) is joined to the next; blank lines, headings, list items and quotes stay apart."""
    out: list[str] = []
    previous = ""  # the last line, if a sentence may go on after it
    for line in (text or "").splitlines():
        stripped = line.strip()
        own_block = _BLOCK_START.match(line) or _BREAK.match(line)
        if previous and stripped and not own_block and _continues(previous, stripped):
            out[-1] = f"{out[-1]} {stripped}"
        elif stripped:
            out.append(stripped)
        wrapped = stripped and not (_ENDS_SENTENCE.search(stripped) or _BREAK.match(stripped))
        previous = stripped if wrapped else ""
    return out


def _continues(previous: str, line: str) -> bool:
    """A wrapped sentence goes on in lower case or after a long line; a short line is a title or a list item."""
    return line[0].islower() or len(previous) >= 40
