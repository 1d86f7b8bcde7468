"""Turning parsed imports into entries: the batch writer, import jobs, and the Celery task that runs them."""
