"""Fixtures for the insights tests: entries as the analysis worker leaves them, on chosen days with chosen scores."""

import pytest

from journaling.testing.factories import EntryFactory


@pytest.fixture
def analysed_emotions():
    """The emotions of an entry made by `analysed` unless it is given its own; a test module may override this."""
    return {"joy": 0.6, "sadness": 0.4}


@pytest.fixture
def analysed(analysed_emotions):
    """make(user, day, score, **fields) -> an analysed Entry written on `day` with sentiment `score`."""

    def make(user, day, score, **fields):
        # A fresh dict per entry, as a literal default would give: no entry shares another's emotions.
        emotions = fields.pop("emotions", dict(analysed_emotions))
        return EntryFactory(
            user=user,
            entry_date=day,
            sentiment_score=score,
            sentiment_label="positive" if score > 0 else "negative",
            emotions=emotions,
            dominant_emotion=max(emotions, key=emotions.get),
            analysis_status="done",
            **fields,
        )

    return make
