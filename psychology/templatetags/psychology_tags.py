"""Template tags that let shared pages (entry detail, write page) show this area's panels."""

import re

from django import template

from psychology.matching import support_for
from psychology.prompts import prompts_for

register = template.Library()


@register.inclusion_tag("psychology/_entry_support_panel.html", takes_context=True)
def entry_support(context, entry):
    """Suggestions, thinking traps or crisis resources for one of the signed-in user's entries."""
    user = context.get("user")
    if user is None or not user.is_authenticated or entry is None or entry.user_id != user.pk:
        return {"support": None}
    return {"support": support_for(entry, user), "entry": entry}


@register.inclusion_tag("psychology/_write_prompts_list.html", takes_context=True)
def writing_prompts(context):
    """Prompts above the form when writing a new entry (not when editing one)."""
    user = context.get("user")
    if user is None or not user.is_authenticated or not context.get("is_new", True):
        return {"prompts": []}
    return {"prompts": prompts_for(user)}


@register.filter
def dial(number: str) -> str:
    """A phone number as a tel:/sms: target: digits and a leading plus only."""
    number = (number or "").strip()
    return ("+" if number.startswith("+") else "") + re.sub(r"\D", "", number)


@register.filter
def dialable(text: str) -> bool:
    """Whether a field holds one phone number ("112", "+44 20 7946 0958"), not words or a choice ("999 or 112")."""
    return bool(re.fullmatch(r"\+?\d[\d \-]{1,19}", (text or "").strip()))


@register.filter
def whatsapp_link(number: str) -> str:
    """A wa.me link for a number in international form (the model checks the plus and the country code)."""
    return "https://wa.me/" + re.sub(r"\D", "", number or "")
