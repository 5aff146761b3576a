#!/usr/bin/env python3
"""Checks a built site in headless Chromium as readers with a keyboard or a
screen reader meet it.

  1. The Tab key from the top of timeline.html: the skip link first, then the
     year navigation before any mark of the chart, and a "Skip the chart"
     link that leads past the chart to the list.
  2. axe-core (axe-selenium-python) on the pages a reader meets first, light
     and dark, 390 and 1280 px wide: no violation of the WCAG 2.0/2.1 A and AA
     rules, the best-practice rules, or the AAA contrast of text (7:1).

Usage: check-a11y.py SITE [PAGE ...]   (exits 1 on any problem)
With PAGEs (paths inside SITE, a search with its ?query), only axe-core runs, on those.
Needs Debian's chromium and chromium-driver and PyPI's axe-selenium-python
(scripts/bootstrap --test installs them).
"""
import pathlib
import shutil
import sys

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

PAGES = ["index.html", "timeline.html", "actors/kassym-jomart-tokayev.html",
         "events/csto-deployment-2022.html", "polls/demoscope-2022-11.html", "search.html?q=csto",
         "search.html?q=csto&kind=event&from=2022&to=2022"]
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice", "wcag2aaa"]
# Where the focused element is: the chart, the year navigation, the list, or elsewhere.
WHERE = """const e = document.activeElement;
return e.closest('figure.overview') ? 'chart' : e.closest('nav.year-index') ? 'years'
  : e.closest('section.year') ? 'list' : e.matches('.skip-chart') ? 'skip-chart'
  : e.matches('.skip-link') ? 'skip-link' : 'other';"""


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]:
        options.add_argument(argument)
    return webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"))


def url(site, page):
    path, _, query = page.partition("?")
    return (site / path).as_uri() + ("?" + query if query else "")


def tab_order(driver, site):
    """The places Tab visits from the top of timeline.html until the list."""
    driver.set_window_size(1280, 900)
    driver.get(url(site, "timeline.html"))
    places = []
    while len(places) < 1000 and "list" not in places:
        ActionChains(driver).send_keys(Keys.TAB).perform()
        places.append(driver.execute_script(WHERE))
    problems = []
    if places[0] != "skip-link":
        problems.append(f"the first Tab stop is {places[0]}, not the skip link")
    if "years" not in places or ("chart" in places and places.index("chart") < places.index("years")):
        problems.append("the chart's marks come before the year navigation")
    to_years = places.index("years") + 1 if "years" in places else None
    # Past the chart by its skip link: Tab to it, Enter, Tab.
    driver.get(url(site, "timeline.html"))
    presses = 0
    while presses < 1000 and driver.execute_script(WHERE) != "skip-chart":
        ActionChains(driver).send_keys(Keys.TAB).perform()
        presses += 1
    ActionChains(driver).send_keys(Keys.ENTER).send_keys(Keys.TAB).perform()
    after = driver.execute_script(WHERE)
    if after != "list":
        problems.append(f"after 'Skip the chart', Tab goes to {after}, not the list")
    print(f"  Tab from the top of timeline.html: {to_years} presses to the year navigation, "
          f"{presses + 2} key presses to the list by 'Skip the chart', {len(places)} without it")
    return problems


def axe_violations(driver, site, pages):
    problems = []
    for scheme in ["light", "dark"]:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
        for width in [390, 1280]:
            driver.set_window_size(width, 900)
            for page in pages:
                driver.get(url(site, page))
                if "?q=" in page:
                    WebDriverWait(driver, 30).until(lambda d: d.execute_script(
                        "return document.querySelectorAll('#search-results li').length > 0"))
                axe = Axe(driver)
                axe.inject()
                results = axe.run(options="{runOnly: {type: 'tag', values: %r}}" % TAGS)
                for violation in results["violations"]:
                    node = violation["nodes"][0]
                    problems.append(f"{page} ({scheme}, {width} px): {violation['id']} on {len(violation['nodes'])} "
                                    f"element(s), first {node['target']}: {node['failureSummary'][:200]}")
    print(f"  axe-core {driver.execute_script('return axe.version')}: {len(pages)} pages, light and dark, 390 and 1280 px")
    return problems


def main():
    site = pathlib.Path(sys.argv[1]).resolve()
    pages = sys.argv[2:]
    driver = browser()
    try:
        problems = axe_violations(driver, site, pages) if pages else tab_order(driver, site) + axe_violations(driver, site, PAGES)
    finally:
        driver.quit()
    for problem in problems:
        print("  " + problem, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
