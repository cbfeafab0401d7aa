"""axe-core 4 on the demo site's pages in headless Chromium, light and dark, with the
search box's results open too: the theme must keep 0 violations (issue 16).

axe-core's script is taken from the PyPI package `axe-playwright-python`, which bundles
it; only that file is used (install it with `pip install --no-deps`, Playwright is not
needed), injected through Selenium. Skipped when the package is not installed.

    python3 -m pytest Tests/browser/test_accessibility.py
"""
import pathlib
import shutil
import tempfile
import unittest

from browsing import PACKAGE, browser, build_site, serve
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

import importlib.util


def axe_script():
    spec = importlib.util.find_spec("axe_playwright_python")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = pathlib.Path(list(spec.submodule_search_locations)[0]) / "axe.min.js"
    return path.read_text(encoding="utf-8") if path.is_file() else None


AXE = axe_script()

PAGES = ["index.html", "glossary/index.html", "glossary/net-promoter-score/index.html", "reports/index.html",
         "reports/quarterly-loyalty-review/index.html", "about/index.html", "404.html"]


@unittest.skipIf(AXE is None, "axe-playwright-python (for its axe.min.js) is not installed")
class Accessibility(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = pathlib.Path(tempfile.mkdtemp(prefix="loysite-axe-"))
        build_site(PACKAGE, cls.folder / "site")
        # Over HTTP: the 404 page's links start from the base path, which file:// lacks.
        cls.server = serve(cls.folder / "site")
        cls.base = f"http://127.0.0.1:{cls.server.server_address[1]}/"
        cls.drivers = {"light": browser(), "dark": browser(dark=True)}

    @classmethod
    def tearDownClass(cls):
        for driver in cls.drivers.values():
            driver.quit()
        cls.server.shutdown()
        shutil.rmtree(cls.folder, ignore_errors=True)

    def violations(self, driver):
        driver.execute_script(AXE)
        results = driver.execute_async_script("const done = arguments[arguments.length - 1];"
                                              "axe.run(document).then(done, e => done({error: String(e)}));")
        self.assertNotIn("error", results)
        return [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results["violations"]]

    def test_every_page_kind_has_no_violations(self):
        for scheme, driver in self.drivers.items():
            for page in PAGES:
                with self.subTest(scheme=scheme, page=page):
                    driver.get(self.base + page)
                    self.assertEqual(self.violations(driver), [])

    def test_phone_pages_with_a_scrolling_chart_have_no_violations(self):
        # On a phone the cohort triangle scrolls sideways in a focusable region.
        for dark in (False, True):
            driver = browser(width=390, height=844, dark=dark)
            try:
                for page in ("index.html", "reports/cohort-retention/index.html"):
                    with self.subTest(dark=dark, page=page):
                        driver.get(self.base + page)
                        if "cohort" in page:
                            self.assertTrue(driver.execute_script(
                                "return [...document.querySelectorAll('.chart-scroll')].some(e => e.getBoundingClientRect().width > 0)"))
                        self.assertEqual(self.violations(driver), [])
            finally:
                driver.quit()

    def test_the_open_search_results_have_no_violations(self):
        for scheme, driver in self.drivers.items():
            with self.subTest(scheme=scheme):
                driver.get(self.base)
                driver.find_element(By.ID, "site-search-input").send_keys("churn")
                WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#site-search-results [role=option]"))
                self.assertEqual(self.violations(driver), [])


if __name__ == "__main__":
    unittest.main(verbosity=2)
