"""factory-boy factories for tests and benchmarks."""

import datetime

import factory

from accounts.models import User
from entries.models import Entry, Topic


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"writer{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    display_name = factory.Faker("first_name")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create:
            instance.save()


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Topic {n}")


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entry

    user = factory.SubFactory(UserFactory)
    title = factory.Faker("sentence", nb_words=4)
    content = factory.Faker("paragraph", nb_sentences=5)
    entry_date = factory.LazyFunction(datetime.date.today)
    word_count = factory.LazyAttribute(lambda e: len(e.content.split()))
