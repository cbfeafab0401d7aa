"""What the browser tests share: the loysite binary, building a site with it, a static
HTTP server, and headless Chromium (Debian's `chromium` and `chromium-driver`)."""
import functools
import http.server
import json
import os
import pathlib
import shutil
import subprocess
import threading

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

PACKAGE = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("LOYSITE_BIN", PACKAGE / ".build" / "debug" / "loysite"))


def term(title, aliases=(), summary="", body="A definition."):
    front = [f"title: {json.dumps(title)}"]
    if aliases:
        front.append("aliases: [" + ", ".join(json.dumps(a) for a in aliases) + "]")
    if summary:
        front.append(f"summary: {json.dumps(summary)}")
    return "---\n" + "\n".join(front) + "\n---\n" + body + "\n"


def build_site(root, output):
    result = subprocess.run([str(BINARY), "build", "--root", str(root), "--output", str(output), "--quiet"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(f"loysite build failed: {result.stderr}")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder):
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser(javascript=True, width=1280, height=900, dark=False):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},{height}"):
        options.add_argument(argument)
    if dark:
        # prefers-color-scheme: dark, which the theme follows.
        options.add_argument("--force-dark-mode")
        options.add_argument("--blink-settings=preferredColorScheme=0")
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    if width < 500:
        # Headless windows are at least 500 px wide: a phone's viewport is emulated.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})
    return driver
