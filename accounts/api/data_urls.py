"""API routes of this area, under /api/v1/. Owned by its feature; wired into journaling/api_urls.py."""

urlpatterns: list = []
