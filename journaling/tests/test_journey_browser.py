"""The whole journey in headless Chromium: sign up, write (keyboard only), see the analysis arrive live,
edit, search, delete; axe-core finds no serious or critical accessibility violation on any page."""

import re

import pytest

from journaling.testing.browser import (
    Daphne,
    check_a11y,
    chromium_path,
    serious_accessibility_violations,
)
from journaling.testing.processes import WorkerProcess

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(chromium_path() is None, reason="Debian's chromium is not installed"),
]


@pytest.fixture
def stack(tmp_path):
    server = Daphne(tmp_path / "daphne.log").start()
    worker = WorkerProcess(tmp_path / "worker.log")
    yield server, worker
    worker.stop()
    server.stop()


def test_the_accessibility_check_catches_real_violations(page):
    page.set_content('<html lang="en"><body><main><img src="x.png"><button></button></main></body></html>')
    violations = serious_accessibility_violations(page)
    assert any("image-alt" in v for v in violations) and any("button-name" in v for v in violations)


def tab_to(page, predicate_js: str, limit: int = 40) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!el && ({predicate_js}); }}"):
            return
    raise AssertionError(f"could not reach {predicate_js} with Tab")


@pytest.mark.django_db(transaction=True)
def test_sign_up_write_see_live_analysis_edit_search_and_delete(stack, page):
    server, worker = stack
    page.goto(f"{server.url}/login/")
    check_a11y(page, "login")
    page.goto(f"{server.url}/accounts/signup/")
    check_a11y(page, "signup")
    page.fill("#id_username", "journey")
    page.fill("#id_password1", "a-long-pass-phrase-1")
    page.fill("#id_password2", "a-long-pass-phrase-1")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/journal/$"))
    check_a11y(page, "journal list (empty)")

    # Write and save with the keyboard alone.
    page.goto(f"{server.url}/journal/new/")
    check_a11y(page, "write")
    tab_to(page, "el.name === 'title'")
    page.keyboard.type("Lighthouse walk")
    tab_to(page, "el.name === 'content'")
    page.keyboard.type("Walked to the lighthouse with my sister. A wonderful, happy afternoon in the sunshine.")
    tab_to(page, "el.type === 'submit' && el.textContent.includes('Save entry')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/journal/\d+/$"))
    assert page.locator(".analysis .badge.pending").inner_text() == "Analysing…"
    check_a11y(page, "entry (pending)")

    # The worker starts only now, so the result must arrive over the WebSocket, without a reload.
    page.evaluate("() => { window.__noReload = true; }")
    worker.start()
    page.wait_for_selector(".analysis[data-status=done]", timeout=90_000)
    assert page.evaluate("() => window.__noReload") is True
    assert "Positive" in page.locator(".analysis").inner_text()
    check_a11y(page, "entry (analysed)")

    # Edit: the text changes, analysis runs again and lands live.
    page.click("text=Edit")
    page.fill("#id_content", "Walked to the lighthouse. Lovely light over the sea, and a happy talk with my sister.")
    page.click("button:has-text('Save entry')")
    page.wait_for_url(re.compile(r"/journal/\d+/$"))
    page.wait_for_selector(".analysis[data-status=done]", timeout=90_000)
    assert "Lovely light over the sea" in page.inner_text(".entry-body")

    # The dashboard refreshes its numbers when another entry's analysis lands, without a reload.
    page.goto(f"{server.url}/insights/")
    check_a11y(page, "dashboard")
    page.evaluate("() => { window.__noReload = true; document.getElementById('live-insights').__old = true; }")
    csrf = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    created = page.request.post(
        f"{server.url}/api/v1/entries/",
        data={"content": "Another calm evening at home."},
        headers={"X-CSRFToken": csrf},
    )
    assert created.status == 201, created.text()
    page.wait_for_function("() => !document.getElementById('live-insights').__old", timeout=90_000)
    assert page.evaluate("() => window.__noReload") is True
    page.goto(f"{server.url}/insights/week/")
    check_a11y(page, "weekly review")

    # Find it.
    page.goto(f"{server.url}/journal/search/?q=lighthouse")
    check_a11y(page, "search results")
    assert page.locator(".entry-card h2").first.inner_text().startswith("Lighthouse walk")
    page.goto(f"{server.url}/journal/?q=volcano")
    assert page.locator(".entry-card").count() == 0
    page.goto(f"{server.url}/wellbeing/")
    check_a11y(page, "wellbeing")

    # Delete it (to the trash).
    page.goto(f"{server.url}/journal/")
    page.click(".entry-card h2 a:has-text('Lighthouse walk')")
    page.click("button:has-text('Move to trash')")
    page.wait_for_url(re.compile(r"/journal/$"))
    assert "Lighthouse walk" not in page.inner_text("main .entry-list")
    page.goto(f"{server.url}/journal/trash/")
    check_a11y(page, "trash")
    assert "Lighthouse walk" in page.inner_text("main")
