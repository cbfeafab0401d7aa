"""The theme's layout measured in a real browser on this repository's demo site (issue 16,
points 6 and 7): a report is one column with one right edge, a page's text starts where
the footer's does, the phone A–Z bar is one row and never covers the heading it jumps
to, and every page has a favicon that exists.

    python3 -m pytest Tests/browser/test_layout.py
"""
import pathlib
import shutil
import tempfile
import unittest

from browsing import PACKAGE, browser, build_site
from selenium.webdriver.common.by import By


def box(driver, element):
    return driver.execute_script("const r = arguments[0].getBoundingClientRect();"
                                 "return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, height: r.height};", element)


class DemoSite(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = pathlib.Path(tempfile.mkdtemp(prefix="loysite-layout-"))
        cls.site = cls.folder / "site"
        build_site(PACKAGE, cls.site)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.folder, ignore_errors=True)

    def page(self, path):
        return (self.site / path).as_uri()


class Desktop(DemoSite):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.driver = browser(width=1280, height=900)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        super().tearDownClass()

    def test_a_report_has_one_right_edge(self):
        self.driver.get(self.page("reports/quarterly-loyalty-review/index.html"))
        body = self.driver.find_element(By.CSS_SELECTOR, ".report-body")
        edges = {}
        for selector in (".report-body > p", ".report-body > figure.chart", ".report-body > .metric-grid"):
            elements = self.driver.find_elements(By.CSS_SELECTOR, selector)
            self.assertTrue(elements, selector)
            edges[selector] = round(box(self.driver, elements[0])["right"])
        self.assertEqual(len(set(edges.values())), 1, edges)
        self.assertEqual(set(edges.values()), {round(box(self.driver, body)["right"])})

    def test_the_tile_grid_has_no_empty_slot(self):
        self.driver.get(self.page("reports/quarterly-loyalty-review/index.html"))
        grid = self.driver.find_element(By.CSS_SELECTOR, ".report-body > .metric-grid")
        tiles = grid.find_elements(By.CSS_SELECTOR, ".metric-tile")
        last = box(self.driver, tiles[-1])
        self.assertAlmostEqual(last["right"], box(self.driver, grid)["right"], delta=1)

    def test_text_and_footer_start_at_the_same_left_edge(self):
        for path, selector in (("glossary/net-promoter-score/index.html", "article.term .prose"),
                               ("reports/quarterly-loyalty-review/index.html", "article.report"),
                               ("glossary/index.html", ".page-header h1")):
            with self.subTest(path=path):
                self.driver.get(self.page(path))
                text = box(self.driver, self.driver.find_element(By.CSS_SELECTOR, selector))["left"]
                footer = box(self.driver, self.driver.find_element(By.CSS_SELECTOR, ".site-footer p"))["left"]
                brand = box(self.driver, self.driver.find_element(By.CSS_SELECTOR, ".brand"))["left"]
                self.assertAlmostEqual(text, footer, delta=1)
                self.assertAlmostEqual(text, brand, delta=1)

    def test_every_page_names_a_favicon_that_exists(self):
        for path in ("index.html", "glossary/index.html", "glossary/net-promoter-score/index.html", "reports/index.html"):
            with self.subTest(path=path):
                self.driver.get(self.page(path))
                icon = self.driver.find_element(By.CSS_SELECTOR, "link[rel=icon]").get_attribute("href")
                self.assertTrue(pathlib.Path(icon.removeprefix("file://")).is_file(), icon)

    def test_a_letter_jump_leaves_its_heading_below_the_sticky_bars(self):
        self.driver.get(self.page("glossary/index.html") + "#letter-n")
        heading = box(self.driver, self.driver.find_element(By.ID, "heading-n"))
        bar = box(self.driver, self.driver.find_element(By.CSS_SELECTOR, "nav.letters"))
        self.assertGreaterEqual(heading["top"], bar["bottom"])


class Phone(DemoSite):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.driver = browser(width=390, height=844)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        super().tearDownClass()

    def test_the_letter_bar_is_one_row_and_keeps_the_heading_in_view(self):
        self.driver.get(self.page("glossary/index.html"))
        self.assertLess(self.driver.execute_script("return window.innerWidth"), 420)
        bar = self.driver.find_element(By.CSS_SELECTOR, "nav.letters")
        links = bar.find_elements(By.CSS_SELECTOR, "li")
        tops = {round(box(self.driver, link)["top"]) for link in links}
        self.assertEqual(len(tops), 1, "every letter on one row")
        self.assertLess(box(self.driver, bar)["height"], 60)
        self.driver.find_element(By.CSS_SELECTOR, "nav.letters a[href='#letter-n']").click()
        heading = box(self.driver, self.driver.find_element(By.ID, "heading-n"))
        self.assertGreaterEqual(heading["top"], box(self.driver, bar)["bottom"])

    def test_the_header_takes_two_rows(self):
        self.driver.get(self.page("index.html"))
        header = box(self.driver, self.driver.find_element(By.CSS_SELECTOR, ".site-header"))
        self.assertLess(header["height"], 110)
        search = box(self.driver, self.driver.find_element(By.ID, "site-search-input"))
        brand = box(self.driver, self.driver.find_element(By.CSS_SELECTOR, ".brand"))
        self.assertLess(abs(search["top"] - brand["top"]), 20, "the search box beside the brand")


if __name__ == "__main__":
    unittest.main(verbosity=2)
