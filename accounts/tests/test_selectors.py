"""Which account a management command's --user names."""

import pytest
from django.core.management import CommandError

from accounts.models import User
from accounts.selectors import user_for_command


@pytest.mark.django_db
def test_a_username_made_of_digits_is_never_silently_taken_for_another_accounts_id():
    first = User.objects.create_user("alice", password="x-long-pass-1")
    digits = User.objects.create_user(str(first.pk), password="x-long-pass-2")  # named like alice's id
    assert user_for_command("alice") == first
    assert user_for_command(f"id:{first.pk}") == first
    with pytest.raises(CommandError, match="one account's username and another's id"):
        user_for_command(str(first.pk))
    assert user_for_command(f"id:{digits.pk}") == digits
    other = User.objects.create_user("bob", password="x-long-pass-3")
    assert user_for_command(str(other.pk)) == other  # bare digits still work where they name one account
    with pytest.raises(CommandError, match="No user"):
        user_for_command("id:999999")
    for odd in ("²", "id:²"):  # digits to str.isdigit, not to int(): a clear error, not a traceback
        with pytest.raises(CommandError, match="No user"):
            user_for_command(odd)
