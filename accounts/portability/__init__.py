"""Your journal is yours: export everything (export.py), read it as a book (book.py), delete it all (delete.py).
Imports live in entries.importers (parsers) and entries.importing (jobs)."""
