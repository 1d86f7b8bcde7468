"""Which PostgreSQL text-search configuration (stemmer and stop words) fits a writer's language.

Every entry stores the configuration it was indexed with (Entry.search_config), and a user's searches parse the
query with the same one, so "walking" finds "walked" in English and "gelaufen" finds "läuft" only where German
stemming exists. Languages PostgreSQL has no stemmer for use 'simple' (lower-cased words, no stop words)."""

# The configurations PostgreSQL 18 ships (SELECT cfgname FROM pg_ts_config), by ISO 639-1 code.
CONFIGS = {
    "ar": "arabic", "ca": "catalan", "da": "danish", "de": "german", "el": "greek", "en": "english",
    "es": "spanish", "et": "estonian", "eu": "basque", "fi": "finnish", "fr": "french", "ga": "irish",
    "hi": "hindi", "hu": "hungarian", "hy": "armenian", "id": "indonesian", "it": "italian", "lt": "lithuanian",
    "nb": "norwegian", "ne": "nepali", "nl": "dutch", "nn": "norwegian", "no": "norwegian", "pt": "portuguese",
    "ro": "romanian", "ru": "russian", "sr": "serbian", "sv": "swedish", "ta": "tamil", "tr": "turkish",
    "yi": "yiddish",
}  # fmt: skip
FALLBACK = "simple"


def search_config_for(language: str | None) -> str:
    """'en', 'pt-BR', 'de_AT' -> the configuration for the primary language; anything else -> 'simple'."""
    primary = (language or "").strip().lower().replace("_", "-").split("-")[0]
    return CONFIGS.get(primary, FALLBACK)
