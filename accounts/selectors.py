"""Reads of accounts that more than one place needs."""

from django.contrib.auth import get_user_model
from django.core.management import CommandError


def user_for_command(value: str):
    """The account a management command's --user names: a username, or an id written as "id:12" or as bare digits
    when no account has those digits as its username (then the digits are ambiguous and refused)."""
    users = get_user_model().objects
    value = (value or "").strip()
    if value.startswith("id:") and value[3:].isascii() and value[3:].isdigit():
        user = users.filter(pk=int(value[3:])).first()
    else:
        by_name = users.filter(username=value).first()
        by_id = users.filter(pk=int(value)).first() if value.isascii() and value.isdigit() else None  # not "²"
        if by_name and by_id and by_name.pk != by_id.pk:
            raise CommandError(f"{value!r} is one account's username and another's id: write id:{value} for the id.")
        user = by_name or by_id
    if user is None:
        raise CommandError(f"No user {value!r}.")
    return user
