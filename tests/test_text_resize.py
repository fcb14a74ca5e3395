"""Text at 200% (GIGW 3.0, WCAG 1.4.4): Chromium with its default font size doubled (16 →
32 px, as a reader sets it in the browser's settings) shows every kind of page, in both
languages, on a 360 px phone and a 1280 px screen, without sideways scrolling and with
nothing cut off. And the favicon.ico every browser asks for is one Chromium can read."""

from __future__ import annotations

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DOUBLED = {"webkit.webprefs.default_font_size": 32, "webkit.webprefs.default_fixed_font_size": 26}
PHONE = {"deviceMetrics": {"width": 360, "height": 800, "pixelRatio": 2}}
PAGES = ["", "conclaves/", "conclaves/msme-defence-conclave-2026/", "speakers/",
         "speakers/sanjay-seth/", "schemes/", "schemes/ramp/", "news/",
         "news/msme-defence-conclave-jharkhand-first/", "accessibility/", "help/", "sitemap/",
         "404.html"]
# Whatever lies outside the window, or is cut off by its own box; not the skip link (off
# screen until focused), the words only screen readers read, or a text field (its value
# scrolls inside it, as every browser's does).
LOST = """
const width = arguments[0], lost = [];
for (const el of document.querySelectorAll('body *')) {
  if (el.closest('.visually-hidden, .skip') || el.matches('input, textarea')) continue;
  const style = getComputedStyle(el);
  if (style.display === 'none' || style.visibility === 'hidden') continue;
  const box = el.getBoundingClientRect();
  const name = el.tagName + (el.className ? '.' + el.className : '') + ' ' +
               (el.textContent || '').trim().slice(0, 40);
  if (box.width && (box.right > width + 1 || box.left < -1)) lost.push('outside: ' + name);
  const clips = [style.overflowX, style.overflowY].some(v => v !== 'visible');
  if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))
    lost.push('cut off: ' + name);
}
return lost;
"""


def chromium(profile, phone: bool) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    options.add_experimental_option("prefs", DOUBLED)
    if phone:
        options.add_experimental_option("mobileEmulation", PHONE)
    size = "--window-size=500,800" if phone else "--window-size=1280,800"
    for flag in [*FLAGS, size, f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    return webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))


@pytest.fixture(scope="module", params=[360, 1280], ids=["phone", "desktop"])
def browser(request, tmp_path_factory):
    driver = chromium(tmp_path_factory.mktemp("chromium"), request.param == 360)
    yield driver, request.param
    driver.quit()


@pytest.mark.parametrize("lang", ["", "en/"])
def test_text_at_200_percent_needs_no_sideways_scrolling_and_loses_nothing(browser, base_url,
                                                                           lang):
    driver, width = browser
    problems = []
    for page in PAGES:
        driver.get(base_url + lang + page)
        size = driver.execute_script(
            "return getComputedStyle(document.body).fontSize")
        assert float(size.removesuffix("px")) >= 32, f"{page}: text is {size}, not doubled"
        # a phone widens its window to what is too wide for it, so both are measured
        wide = driver.execute_script("return Math.max(window.innerWidth, "
                                     "document.documentElement.scrollWidth)")
        if wide > width:
            problems.append(f"{lang}{page}: {wide}px wide in a {width}px window")
        problems += [f"{lang}{page}: {lost}" for lost in driver.execute_script(LOST, width)]
    assert problems == []


def test_chromium_reads_the_favicon_ico(browser, base_url):
    driver, _ = browser
    driver.get(base_url)
    natural, corner, middle = driver.execute_async_script("""
const done = arguments[arguments.length - 1], image = new Image();
image.src = 'favicon.ico';
image.decode().then(() => {
  const size = image.naturalWidth, canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  done([size, context.getImageData(0, 0, 1, 1).data[3],
        Array.from(context.getImageData(size / 2, 1, 1, 1).data)]);
}).catch(error => done([String(error), null, null]));
""")
    assert natural in (16, 32)
    assert corner == 0  # the rounded corner is transparent
    assert middle == [0x0B, 0x4F, 0x8A, 255]  # the tile's blue, opaque
