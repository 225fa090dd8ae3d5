"""The explorer in a real browser: headless Chromium (Debian's ``chromium``, installed by
``make browser``, a prerequisite of ``make test``) driven by Playwright.  A seed entity is
searched for by name, its page opened, the neighbourhood graph must draw its nodes, and a
screenshot of the page is written to ``docs/explorer.png`` (shown in the README).

No Chromium is a failure, never a skip: the test says how to install it."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SCREENSHOT = Path(__file__).resolve().parents[1] / "docs" / "explorer.png"
#: Where Debian puts the browser; ``KG_CHROMIUM`` names another.
CHROMIUM = __import__("os").environ.get("KG_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")

#: Colours in the screenshot, counted by the browser itself from the PNG (no imaging library needed).
_COLOURS = """async (data) => {
  const image = new Image();
  image.src = "data:image/png;base64," + data;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = image.width; canvas.height = image.height;
  const context = canvas.getContext("2d");
  context.drawImage(image, 0, 0);
  const pixels = context.getImageData(0, 0, image.width, image.height).data;
  const seen = new Set();
  for (let i = 0; i < pixels.length; i += 4 * 97) { seen.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]); }
  return seen.size;
}"""
#: Pixels the graph's canvases hold that are not transparent.
_INKED = """() => {
  let inked = 0;
  for (const canvas of document.querySelectorAll("#graph canvas")) {
    const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) { inked += 1; } }
  }
  return inked;
}"""


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.fail("no chromium on PATH: 'make browser' installs it (apt-get install chromium), "
                    "or KG_CHROMIUM names one", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


def test_search_open_an_entity_and_draw_its_graph(browser, seed_server):
    import base64

    page = browser.new_page(viewport={"width": 1200, "height": 1100})
    page.goto(f"{seed_server}/")
    page.fill("input[name=q]", "nordkorea")
    page.press("input[name=q]", "Enter")
    page.wait_for_url(f"{seed_server}/resource/entity/north-korea")
    assert page.inner_text("h1") == "Nordkorea (State)"
    page.wait_for_selector("#graph[data-nodes]", timeout=15_000)
    assert (page.get_attribute("#graph", "data-nodes"), page.get_attribute("#graph", "data-edges")) == ("5", "11")
    assert page.evaluate("() => window.kgGraph.nodes().map(n => n.data('label')).sort()") == [
        "Nordkorea", "Russland", "Vereinte Nationen", "Wladimir Putin", "der Westen"]
    styles = page.evaluate("() => window.kgGraph.edges().map(e => e.data('modality') + ' ' + e.style('line-style'))")
    assert {"denied dotted", "alleged dashed", "asserted solid", "planned dashed"} <= set(styles)
    assert page.evaluate(_INKED) > 2000
    assert page.locator("li.statement .badge").first.inner_text() == "REPORTED"
    SCREENSHOT.parent.mkdir(exist_ok=True)
    shot = page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 20_000
    assert page.evaluate(_COLOURS, base64.b64encode(shot).decode()) > 20    # not blank: many colours
    page.close()


def test_a_click_on_a_node_opens_its_page(browser, seed_server):
    page = browser.new_page()
    page.goto(f"{seed_server}/resource/entity/kim-jong-un")
    page.wait_for_selector("#graph[data-nodes]", timeout=15_000)
    page.evaluate("() => { window.kgGraph.getElementById("
                  "'https://w3id.org/newskg/resource/entity/putin').emit('tap'); }")
    page.wait_for_url(f"{seed_server}/resource/entity/putin")
    assert page.inner_text("h1") == "Wladimir Putin (Person)"
    page.close()
