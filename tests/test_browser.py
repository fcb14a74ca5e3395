"""What a visitor does, in headless Chromium: read on a 360 px phone, move by keyboard,
switch language."""

from __future__ import annotations

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

CONCLAVE = "conclaves/msme-defence-conclave-2026/"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=500,800"]
# Headless windows are at least 500 px wide; phone emulation gives a true 360 px viewport.
PHONE = {"deviceMetrics": {"width": 360, "height": 800, "pixelRatio": 2}}


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    options.add_experimental_option("mobileEmulation", PHONE)
    for flag in FLAGS + [f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    yield driver
    driver.quit()


@pytest.mark.parametrize("path", ["", CONCLAVE, "en/" + CONCLAVE, "speakers/sanjay-seth/",
                                  "schemes/", "en/news/msme-defence-conclave-jharkhand-first/"])
def test_pages_fit_a_360px_phone(browser, base_url, path):
    browser.get(base_url + path)
    width = browser.execute_script("return document.documentElement.scrollWidth")
    viewport = browser.execute_script("return window.innerWidth")
    assert viewport == 360
    assert width <= viewport, f"{path}: {width}px wide in a {viewport}px window"


def test_first_tab_reaches_the_skip_link_which_moves_to_the_content(browser, base_url):
    browser.get(base_url + CONCLAVE)
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    focused = browser.switch_to.active_element
    assert focused.get_attribute("class") == "skip" and focused.is_displayed()
    focused.send_keys(Keys.ENTER)
    assert browser.switch_to.active_element.get_attribute("id") == "main"


def test_language_switch_opens_the_same_conclave_in_english(browser, base_url):
    browser.get(base_url + CONCLAVE)
    browser.find_element(By.CSS_SELECTOR, "a.language").click()
    assert browser.current_url == base_url + "en/" + CONCLAVE
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert "16–17 January 2026" in browser.find_element(By.TAG_NAME, "main").text


def bottom(browser, selector: str) -> float:
    return browser.execute_script(
        "return document.querySelector(arguments[0]).getBoundingClientRect().bottom", selector)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_first_phone_screen_holds_the_event_and_a_tap_to_the_agenda(browser, base_url, prefix):
    """At 360×800: title, status badge, when, where, the actions and the section menu, whose
    first link opens the agenda; the QR code for print is neither shown nor fetched."""
    browser.get(base_url + prefix + CONCLAVE)
    for selector in ("h1", ".event-head .badge", ".facts", ".actions", ".sections"):
        assert bottom(browser, selector) <= 800, selector
    agenda = browser.find_element(By.CSS_SELECTOR, ".sections a")
    assert agenda.get_attribute("hash") == "#agenda"
    agenda.click()
    top = browser.execute_script(
        "return document.getElementById('agenda').getBoundingClientRect().top")
    assert -1 < top < 100  # scrolled to it (fractions of a pixel either way)
    qr = browser.find_element(By.CSS_SELECTOR, ".print-only img")
    assert not qr.is_displayed()
    assert browser.execute_script("return arguments[0].naturalWidth", qr) == 0


@pytest.mark.parametrize("path", ["", "en/", CONCLAVE, "en/" + CONCLAVE])
def test_language_switch_stays_on_the_brand_line(browser, base_url, path):
    browser.get(base_url + path)
    brand, switch = (browser.find_element(By.CSS_SELECTOR, s).rect
                     for s in (".brand", "a.language"))
    assert abs(brand["y"] + brand["height"] / 2 - switch["y"] - switch["height"] / 2) < 8
