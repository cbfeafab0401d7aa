"""Chart labels measured in Chromium (issue 16, point 3): one text size, 12 CSS px, in
every layout and at every figure width, labels that never overlap nor leave their
drawing, and a cohort triangle that keeps its numbers on a phone.

Pages: the demo's home (half-width charts) and its four reports (every chart type; the
cohort report has a 24-column triangle), and the real-retail report when the UCI export is beside the
repository (../shared/data/online-retail/online-retail.csv).

    python3 -m pytest Tests/browser/test_chart_text.py
"""
import pathlib
import shutil
import tempfile
import unittest

from browsing import PACKAGE, browser, build_site

VIEWPORTS = (320, 390, 700, 900, 1100, 1280, 1600)
EXPORT = PACKAGE.parent / "shared" / "data" / "online-retail" / "online-retail.csv"

# Every label of the drawing each figure shows: its rendered size (computed font size
# times the drawing's scale), its box, and the drawing's box. Figures inside marks
# (heatmap cells, a donut's total, "No data") scale with their marks and are not labels.
LABELS = """
const figures = [];
for (const figure of document.querySelectorAll('figure.chart')) {
  const shown = [...figure.querySelectorAll('svg.chart-svg')].filter(svg => svg.getBoundingClientRect().width > 0);
  const labels = [];
  for (const svg of shown) {
    const frame = svg.getBoundingClientRect();
    for (const text of svg.querySelectorAll('text')) {
      if (text.closest('.chart-cells, .chart-total') || text.classList.contains('chart-empty')) continue;
      const r = text.getBoundingClientRect();
      labels.push({text: text.textContent, size: parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a,
                   left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                   frameLeft: frame.left, frameRight: frame.right});
    }
  }
  figures.push({id: figure.id, width: figure.getBoundingClientRect().width, drawings: shown.length, labels});
}
return figures;
"""


def overlap(a, b, slack=0.5):
    return (min(a["right"], b["right"]) - max(a["left"], b["left"]) > slack
            and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > slack)


class ChartText(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = pathlib.Path(tempfile.mkdtemp(prefix="loysite-chart-text-"))
        build_site(PACKAGE, cls.folder / "demo")
        cls.pages = {"home": "demo/index.html", "cohort report": "demo/reports/cohort-retention/index.html",
                     "quarterly report": "demo/reports/quarterly-loyalty-review/index.html",
                     "value report": "demo/reports/customer-lifetime-value/index.html",
                     "repeat report": "demo/reports/repeat-purchase/index.html"}
        if EXPORT.is_file():
            root = cls.folder / "retail"
            shutil.copytree(PACKAGE / "examples" / "online-retail" / "content", root / "content")
            shutil.copyfile(EXPORT, root / "content" / "data" / "online-retail.csv")
            build_site(root, cls.folder / "retail-site")
            cls.pages["retail report"] = "retail-site/reports/online-retail/index.html"
        cls.driver = browser(width=1280, height=900)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        shutil.rmtree(cls.folder, ignore_errors=True)

    def open(self, page, width):
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                    {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 500})
        self.driver.get((self.folder / self.pages[page]).as_uri())
        self.assertEqual(self.driver.execute_script("return window.innerWidth"), width)

    def check_labels(self, figures, where):
        self.assertTrue(figures, f"{where}: no chart")
        for figure in figures:
            self.assertEqual(figure["drawings"], 1, f"{where} {figure['id']}: one drawing shown")
            labels = figure["labels"]
            self.assertTrue(labels, f"{where} {figure['id']}: no label")
            sizes = sorted({round(label["size"], 2) for label in labels})
            self.assertTrue(11.5 <= sizes[0] and sizes[-1] <= 12.5,
                            f"{where} {figure['id']} ({figure['width']:.0f} px): label sizes {sizes}")
            for index, a in enumerate(labels):
                self.assertGreaterEqual(a["left"], a["frameLeft"] - 0.5, f"{where} {figure['id']}: {a['text']!r} clipped")
                self.assertLessEqual(a["right"], a["frameRight"] + 0.5, f"{where} {figure['id']}: {a['text']!r} clipped")
                for b in labels[index + 1:]:
                    self.assertFalse(overlap(a, b), f"{where} {figure['id']}: {a['text']!r} overlaps {b['text']!r}")

    def test_labels_are_twelve_pixels_and_apart_at_every_viewport(self):
        for page in self.pages:
            for width in VIEWPORTS:
                with self.subTest(page=page, width=width):
                    self.open(page, width)
                    self.check_labels(self.driver.execute_script(LABELS), f"{page} at {width} px")

    def test_labels_are_twelve_pixels_at_every_figure_width(self):
        # Figures between the layouts' widths too: each set 280 to 1600 px wide in turn.
        for page, width in ((page, width) for page in self.pages for width in range(280, 1601, 23)):
            if width == 280:
                self.open(page, 1600)
            with self.subTest(page=page, figure_width=width):
                self.driver.execute_script(
                    "for (const f of document.querySelectorAll('figure.chart')) { f.style.maxWidth = 'none'; f.style.width = arguments[0] + 'px'; }", width)
                figures = self.driver.execute_script(LABELS)
                self.assertTrue(all(abs(f["width"] - width) < 1 for f in figures))
                self.check_labels(figures, f"{page}, figures {width} px wide")

    def test_the_phone_heatmap_keeps_its_numbers_and_scrolls(self):
        self.open("cohort report", 390)
        state = self.driver.execute_script("""
            const figure = document.querySelector('figure.chart-heatmap');
            const scroller = [...figure.querySelectorAll('.chart-scroll')].find(e => e.getBoundingClientRect().width > 0);
            const hint = [...figure.querySelectorAll('.chart-scroll-hint')].find(e => e.getBoundingClientRect().width > 0);
            if (!scroller) return null;
            const svg = scroller.querySelector('svg');
            const cells = [...svg.querySelectorAll('.chart-cell:not(.chart-cell-unscaled)')];
            const sizes = cells.map(c => c.querySelector('text')).filter(Boolean)
                .map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
            scroller.scrollLeft = scroller.scrollWidth;
            return {cells: cells.length, texts: sizes.length, smallest: Math.min(...sizes),
                    scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth, scrolled: scroller.scrollLeft,
                    focusable: scroller.tabIndex === 0, hint: hint ? hint.textContent : null,
                    pageOverflow: document.documentElement.scrollWidth - window.innerWidth};
        """)
        self.assertIsNotNone(state, "the phone heatmap scrolls sideways")
        self.assertGreater(state["cells"], 200)
        self.assertEqual(state["texts"], state["cells"], "every informative cell shows its number")
        self.assertGreaterEqual(state["smallest"], 10)
        self.assertGreater(state["scrollWidth"], state["clientWidth"])
        self.assertGreater(state["scrolled"], 0)
        self.assertTrue(state["focusable"], "a keyboard can scroll it")
        self.assertIn("Scroll sideways", state["hint"] or "")
        self.assertLessEqual(state["pageOverflow"], 0, "only the figure scrolls, not the page")

    def test_wide_heatmaps_show_their_numbers_without_scrolling(self):
        for page in ("cohort report", "retail report"):
            if page not in self.pages:
                continue
            with self.subTest(page=page):
                self.open(page, 1280)
                state = self.driver.execute_script("""
                    const figure = document.querySelector('figure.chart-heatmap');
                    const svg = [...figure.querySelectorAll('svg.chart-svg')].find(s => s.getBoundingClientRect().width > 0);
                    const texts = [...svg.querySelectorAll('.chart-cell:not(.chart-cell-unscaled) text')];
                    return {scrolls: !!svg.closest('.chart-scroll'), texts: texts.length,
                            smallest: Math.min(...texts.map(t => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a))};
                """)
                self.assertFalse(state["scrolls"])
                self.assertGreater(state["texts"], 50)
                self.assertGreaterEqual(state["smallest"], 10)


if __name__ == "__main__":
    unittest.main(verbosity=2)
