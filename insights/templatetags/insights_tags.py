"""Template tags for insight snippets that shared templates include (the entry page's "most similar" box)."""

from django import template

from insights import reports

register = template.Library()


@register.simple_tag(takes_context=True)
def similar_entry(context, entry):
    """The signed-in owner's most similar past entry to `entry`, or None (not analysed yet, or nothing close)."""
    user = context.get("user")
    if entry is None or not getattr(user, "is_authenticated", False) or entry.user_id != user.pk:
        return None
    return reports.similar_to(user, entry.pk)


@register.filter
def pvalue(value) -> str:
    """p-values as people read them: "p < 0.001" rather than "p = 0.0000"."""
    if value is None:
        return "p n/a"
    return "p < 0.001" if value < 0.001 else f"p = {value:.3f}"


@register.filter
def points(value) -> str:
    """A change in share as signed percentage points."""
    if value is None:
        return "–"
    return f"{value * 100:+.0f} pts"


@register.filter
def score(value, places=2) -> str:
    """A sentiment value on the -1..1 scale, signed, or a dash when nothing was analysed."""
    if value is None:
        return "–"
    return f"{value:+.{int(places)}f}"
