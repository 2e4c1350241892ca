"""A headless Chromium driven by Selenium, for the tests of the HTML report and the server's page.

Uses the system's Chromium and chromedriver (Debian: ``apt-get install chromium
chromium-driver``; ``.ci/run`` installs them): Selenium Manager's downloads do not
work offline, so the driver is always given explicitly. Tests that need a browser
skip, naming what is missing, only where none is installed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")


def _find() -> tuple[str, str] | str:
    browser = os.environ.get("MTLINT_CHROMIUM") or next((p for n in CHROMIUM_NAMES if (p := shutil.which(n))), None)
    driver = os.environ.get("MTLINT_CHROMEDRIVER") or shutil.which("chromedriver")
    if not browser or not driver:
        missing = " and ".join(x for x, ok in (("chromium", browser), ("chromedriver", driver)) if not ok)
        return f"no {missing} on PATH (Debian: apt-get install chromium chromium-driver)"
    return browser, driver


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """A headless Chromium (module-scoped: starting one costs about a second)."""
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
    found = _find()
    if isinstance(found, str):
        pytest.skip(found)
    binary, driver_path = found
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    opts = Options()
    opts.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1000", "--disable-extensions", "--no-first-run"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=opts)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
