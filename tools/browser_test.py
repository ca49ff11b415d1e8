#!/usr/bin/python3
"""Reads the rendered book in a real browser and checks what a reader would see.

  browser_test.py HTML_DIR [--screenshots DIR] [--pages PAGE...] [--all] [--file-urls]

Serves HTML_DIR on 127.0.0.1 (a free port), starts Debian's Chromium headless with a fresh
profile, drives it over the DevTools protocol (python3-websocket; no Selenium, no npm) and,
for the main page, every chapter page, every exercise page and the figure index (every
page with --all), checks that

  - MathJax rendered every formula: no TeX parse error, one SVG per formula, and no raw TeX
    (\\f$, \\f[, \\(, \\[, $$, \\frac, \\begin{) left in the visible text;
  - every image loaded (naturalWidth > 0) and no local file the page asked for is missing;
  - every internal link resolves: the file exists and its #anchor is an id or name in it;
  - the console shows no error and the page threw no exception;
  - no request left the local server (only 127.0.0.1:PORT, data:, blob: and about:);
  - on exercise pages, each hint is closed, opens on a click and closes on another;
  - on the main page, the search box finds a chapter by a word of its title;
  - every chapter page shows at least one listing cut from lib/ (weave's \\library).

It saves a full-page screenshot of each chapter page (and the other book pages) under
--screenshots, prints one line per page, and exits 1 naming each page and what is broken.
--file-urls reads the pages from file:// instead (to see what works without a server; the
request check then accepts file: URLs inside HTML_DIR).
"""

import argparse
import base64
import functools
import html
import html.parser
import http.server
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

import websocket

VIEWPORT = (1280, 900)
PAGE_TIMEOUT = 20.0  # seconds for a page to load and MathJax to finish
MAX_SCREENSHOT = 60000  # pixels; Chromium draws a 1280 x 51548 page in about 5 s
RAW_TEX = [r"\f$", r"\f[", r"\f]", r"\(", r"\)", r"\[", r"\]", "$$", r"\frac", r"\begin{"]

# Installed before any page script runs. MathJax 2 reads a window.MathJax object as its
# configuration and calls AuthorInit; the hooks record the TeX errors it would otherwise
# only draw in red, and every later MathJax.Hub.Config (Doxygen's) merges into it.
INIT_SCRIPT = r"""
window.__bookTest = {texErrors: [], mathErrors: []};
window.MathJax = {AuthorInit: function () {
  MathJax.Hub.Register.MessageHook("TeX Jax - parse error", function (m) {
    window.__bookTest.texErrors.push({message: String(m[1]), tex: String(m[2])});
  });
  MathJax.Hub.Register.MessageHook("Math Processing Error", function (m) {
    window.__bookTest.mathErrors.push(String(m[2] && m[2].message || m[2]));
  });
}};
"""

WAIT_FOR_MATHJAX = r"""
(async () => {
  const start = Date.now();
  while (!(window.MathJax && MathJax.isReady && MathJax.Hub && MathJax.Hub.queue)) {
    if (Date.now() - start > %d) return "MathJax did not start (is mathjax/MathJax.js there?)";
    await new Promise(r => setTimeout(r, 20));
  }
  await new Promise(r => MathJax.Hub.Queue(r));
  return "";
})()
""" % int(PAGE_TIMEOUT * 1000)

COLLECT = r"""
(() => {
  const scripts = Array.from(document.querySelectorAll('script[type^="math/tex"]'));
  const unrendered = scripts.filter(s => {
    const frame = document.getElementById(s.id + "-Frame");
    return !frame || !frame.querySelector("svg");
  }).map(s => s.textContent);
  return {
    title: document.title,
    text: document.body.innerText,
    formulas: scripts.length,
    svgs: document.querySelectorAll("span.MathJax_SVG > svg").length,
    unrendered: unrendered,
    test: window.__bookTest || null,
    images: Array.from(document.images).map(i => ({
      src: i.getAttribute("src"), url: i.currentSrc || i.src,
      ok: i.complete && i.naturalWidth > 0, width: i.naturalWidth})),
    objects: Array.from(document.querySelectorAll("object[data]")).map(o => ({
      src: o.getAttribute("data"),
      ok: !!(o.contentDocument && o.contentDocument.documentElement &&
             o.contentDocument.documentElement.nodeName.toLowerCase() === "svg")})),
    links: Array.from(document.querySelectorAll("a[href]")).map(a => ({
      href: a.getAttribute("href"), url: a.href, text: a.textContent.trim().slice(0, 60)})),
    hints: document.querySelectorAll("details").length,
    libraryListings: document.querySelectorAll("div.library-listing div.fragment").length,
  };
})()
"""


class CheckError(Exception):
    """The browser could not be driven (not a finding about the book)."""


class Page:
    """What was found on one page."""

    def __init__(self, name):
        self.name = name
        self.problems = []
        self.facts = []

    def fail(self, what):
        self.problems.append(what)


# ---- the local server ----------------------------------------------------------------------

class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def serve(folder):
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


# ---- Chromium over the DevTools protocol -----------------------------------------------------

class Browser:
    """A headless Chromium with a fresh profile and one page, driven over its websocket."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="book-chromium-")
        command = ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                   "--disable-background-networking", "--no-first-run",
                   "--disable-component-update", "--disable-sync",
                   "--disable-default-apps", "--disable-extensions", "--mute-audio",
                   "--hide-scrollbars", f"--window-size={VIEWPORT[0]},{VIEWPORT[1]}",
                   "--remote-debugging-port=0", f"--user-data-dir={self.profile}",
                   "about:blank"]
        self.log = open(os.path.join(self.profile, "chromium.log"), "w+")
        # Chromium's own temporary files go inside the profile, which close() removes.
        environment = dict(os.environ, TMPDIR=os.path.join(self.profile, "tmp"))
        os.makedirs(environment["TMPDIR"])
        try:
            self.process = subprocess.Popen(command, stdout=self.log, stderr=self.log,
                                            stdin=subprocess.DEVNULL, env=environment)
        except FileNotFoundError:
            raise CheckError("chromium is not installed (tools/install-deps.sh installs it)")
        self.ws = None
        self.next_id = 0
        self.events = []
        try:
            self._connect()
        except Exception:
            self.close()
            raise

    def _connect(self):
        # With port 0 Chromium picks a free port and writes it to DevToolsActivePort.
        active = pathlib.Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 20
        while not (active.is_file() and len(active.read_text().split()) >= 2):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.log.seek(0)
                raise CheckError("chromium did not start:\n" + self.log.read()[-2000:])
            time.sleep(0.05)
        port = int(active.read_text().split()[0])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as reply:
            targets = json.load(reply)
        page = next(t for t in targets if t.get("type") == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30,
                                              suppress_origin=True)
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.call(f"{domain}.enable")
        self.call("Page.addScriptToEvaluateOnNewDocument", source=INIT_SCRIPT)
        self.call("Network.setCacheDisabled", cacheDisabled=True)

    def _receive(self, deadline):
        self.ws.settimeout(max(0.01, deadline - time.monotonic()))
        try:
            return json.loads(self.ws.recv())
        except websocket.WebSocketTimeoutException:
            raise TimeoutError from None

    def call(self, method, timeout=30.0, **params):
        self.next_id += 1
        ident = self.next_id
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        deadline = time.monotonic() + timeout
        while True:
            try:
                message = self._receive(deadline)
            except TimeoutError:
                raise CheckError(f"{method}: no answer from chromium in {timeout:.0f} s") from None
            if message.get("id") == ident:
                if "error" in message:
                    raise CheckError(f"{method}: {message['error'].get('message')}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_event(self, method, timeout):
        """Waits for an event named `method` that arrived after the last reset; True if seen."""
        deadline = time.monotonic() + timeout
        while not any(e["method"] == method for e in self.events):
            try:
                message = self._receive(deadline)
            except TimeoutError:
                return False
            if "method" in message:
                self.events.append(message)
        return True

    def evaluate(self, expression, timeout=30.0, context=None):
        params = {"expression": expression, "returnByValue": True, "awaitPromise": True}
        if context is not None:
            params["contextId"] = context
        result = self.call("Runtime.evaluate", timeout=timeout, **params)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise CheckError(f"script failed in the page: {text}")
        return result["result"].get("value")

    def click(self, x, y):
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left",
                      clickCount=1)

    def type_text(self, text):
        for char in text:
            self.call("Input.dispatchKeyEvent", type="keyDown", text=char, key=char,
                      unmodifiedText=char)
            self.call("Input.dispatchKeyEvent", type="keyUp", key=char)

    def close(self):
        try:
            if self.ws is not None:
                self.ws.close()
        except Exception:
            pass
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        for _ in range(5):  # a helper process may still be writing for a moment
            shutil.rmtree(self.profile, ignore_errors=True)
            if not os.path.exists(self.profile):
                break
            time.sleep(0.2)


# ---- checks --------------------------------------------------------------------------------

class Anchors(html.parser.HTMLParser):
    """Collects the ids and names an #anchor can point at."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.names = set()

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if key == "id" or (key == "name" and tag == "a"):
                self.names.add(value)


@functools.lru_cache(maxsize=None)
def anchors_of(path):
    parser = Anchors()
    parser.feed(pathlib.Path(path).read_text(errors="replace"))
    return frozenset(parser.names)


class Book:
    """The rendered book and how its pages are reached (http://127.0.0.1:PORT or file://)."""

    def __init__(self, folder, file_urls):
        self.folder = pathlib.Path(folder).resolve()
        self.file_urls = file_urls
        self.server = None
        if file_urls:
            self.base = self.folder.as_uri() + "/"
        else:
            self.server = serve(self.folder)
            self.base = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def url(self, name):
        return urllib.parse.urljoin(self.base, name)

    def local_path(self, url):
        """The file under the book's folder a URL names, or None when it is not local."""
        parsed = urllib.parse.urlsplit(url)
        base = urllib.parse.urlsplit(self.base)
        if (parsed.scheme, parsed.netloc) != (base.scheme, base.netloc):
            return None
        path = urllib.parse.unquote(parsed.path)
        if not path.startswith(urllib.parse.unquote(base.path)):
            return None
        relative = path[len(urllib.parse.unquote(base.path)):] or "index.html"
        return self.folder / relative

    def is_local_request(self, url):
        if url.startswith(("data:", "blob:", "about:")):
            return True
        return self.local_path(url) is not None

    def close(self):
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()


def book_pages(folder, all_pages):
    """The main page, then the chapters, their exercises and the figure index, in order."""
    names = sorted(p.name for p in folder.glob("*.html"))
    if all_pages:
        return ["index.html"] + [n for n in names if n != "index.html"]
    chapters = [n for n in names if re.fullmatch(r"ch\d\d_\w+\.html", n)]
    pages = ["index.html"]
    for chapter in chapters:
        pages.append(chapter)
        exercises = "ex" + chapter[2:]
        if exercises in names:
            pages.append(exercises)
    pages += [n for n in ("your_own_program.html", "figures.html", "reference.html")
              if n in names]
    return pages


def short(text, limit=70):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def formulas_in_source(path):
    """How many formulas the page's HTML holds, counted without MathJax: Doxygen writes
    \\f$ as \\( ... \\) and \\f[ as \\[ ... \\]. Code listings and printed output do not count."""
    text = pathlib.Path(path).read_text(errors="replace")
    start = text.find('<div class="contents">')
    text = text[start:] if start >= 0 else text
    text = re.sub(r'<div class="fragment">.*?<!-- fragment -->', "", text, flags=re.S)
    text = re.sub(r"<pre\b.*?</pre>", "", text, flags=re.S)
    text = re.sub(r"<(script|style)\b.*?</\1>", "", text, flags=re.S)
    return (len(re.findall(r"\\\((.*?)\\\)", text, re.S))
            + len(re.findall(r"\\\[(.*?)\\\]", text, re.S)))


def check_formulas(page, found, expected):
    test = found["test"]
    if test is None:
        page.fail("the page's test hooks did not run (no MathJax configuration?)")
        return
    for error in test["texErrors"]:
        page.fail(f"formula does not render: TeX error '{short(error['message'])}' "
                  f"in \\({short(error['tex'], 50)}\\)")
    for error in test["mathErrors"]:
        page.fail(f"formula does not render: MathJax processing error {short(error)}")
    for tex in found["unrendered"]:
        page.fail(f"formula not rendered by MathJax: {short(tex, 60)}")
    if expected is not None and found["formulas"] != expected:
        page.fail(f"formulas: the HTML holds {expected} but MathJax found {found['formulas']}")
    if found["svgs"] != found["formulas"]:
        page.fail(f"formulas: MathJax found {found['formulas']} but drew {found['svgs']} SVGs")
    text = found["text"]
    for pattern in RAW_TEX:
        at = text.find(pattern)
        if at >= 0:
            page.fail(f"raw TeX '{pattern}' in the visible text: "
                      f"'…{short(text[max(0, at - 30):at + 40], 80)}…'")


def check_images(page, found):
    for image in found["images"]:
        if not image["ok"]:
            page.fail(f"image does not load: {image['src']}")
    for svg in found["objects"]:
        if not svg["ok"]:
            page.fail(f"embedded SVG does not load: {svg['src']}")


def check_links(page, found, book):
    checked = anchored = 0
    for link in found["links"]:
        href, url = link["href"], link["url"]
        if href.startswith(("javascript:", "mailto:")):
            continue
        path = book.local_path(url)
        if path is None:
            continue  # an external link: not a request, and not ours to check offline
        checked += 1
        target, _, fragment = url.partition("#")
        if not path.is_file():
            page.fail(f"broken link: '{href}' ('{short(link['text'], 40)}') -> no file "
                      f"{path.relative_to(book.folder) if book.folder in path.parents else path}")
            continue
        if fragment and path.suffix == ".html":
            anchored += 1
            if urllib.parse.unquote(fragment) not in anchors_of(str(path)):
                page.fail(f"broken link: '{href}' ('{short(link['text'], 40)}') -> "
                          f"{path.name} has no anchor #{fragment}")
    return checked, anchored


def check_events(page, events, book):
    requests = 0
    for event in events:
        method, params = event["method"], event.get("params", {})
        if method == "Network.requestWillBeSent":
            requests += 1
            url = params["request"]["url"]
            if not book.is_local_request(url):
                page.fail(f"request leaves the local server: {short(url, 100)}")
        elif method == "Network.responseReceived":
            response = params["response"]
            if response.get("status", 200) >= 400 and not response["url"].endswith("/favicon.ico"):
                page.fail(f"missing file: {response['url']} (HTTP {response['status']})")
        elif method == "Network.loadingFailed":
            if params.get("errorText") and not params.get("canceled"):
                page.fail(f"request failed: {params.get('errorText')} "
                          f"(request {params.get('requestId')})")
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            page.fail(f"JavaScript exception: {short(text, 120)}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            text = " ".join(str(a.get("value", a.get("description", "")))
                            for a in params.get("args", []))
            page.fail(f"console error: {short(text, 120)}")
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            entry = params["entry"]
            if (entry.get("url") or "").endswith("/favicon.ico"):
                continue  # the browser's own guess, not something the page asked for
            page.fail(f"console error: {short(entry.get('text', ''), 100)} "
                      f"{entry.get('url', '')}".rstrip())
    return requests


def check_library_listings(page, count):
    """A chapter page shows code from lib/ (weave's \\library), as a listing of its own."""
    if count == 0:
        page.fail("no listing from the library (a div.library-listing holding code)")
    else:
        page.facts.append(f"{count} library listing{'s' if count != 1 else ''}")


def check_hints(page, browser, count):
    """Each <details> hint starts closed, opens on a real click and closes on the next."""
    if count == 0:
        return
    for index in range(count):
        for want_open in (True, False):
            # Scroll the summary into view and wait until the point to click is on it.
            where = browser.evaluate(
                f"""(async () => {{ const d = document.querySelectorAll("details")[{index}];
                const s = d.querySelector("summary");
                for (let attempt = 0; attempt < 20; attempt++) {{
                  s.scrollIntoView({{block: "center"}});
                  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
                  const r = s.getBoundingClientRect();
                  const x = r.left + Math.min(40, r.width / 2), y = r.top + r.height / 2;
                  const hit = document.elementFromPoint(x, y);
                  if (r.width > 0 && r.height > 0 && hit && s.contains(hit))
                    return {{x: x, y: y, open: d.open, visible: true}};
                  await new Promise(r => setTimeout(r, 50));
                }}
                return {{visible: false}}; }})()""")
            if not where["visible"]:
                page.fail(f"hint {index + 1}: its summary cannot be clicked (hidden or covered)")
                return
            if where["open"] == want_open:
                page.fail(f"hint {index + 1}: {'open' if where['open'] else 'closed'} "
                          f"before the click")
                return
            browser.click(where["x"], where["y"])
            state = browser.evaluate(
                f"""(async () => {{ const d = document.querySelectorAll("details")[{index}];
                const shown = () => Array.from(d.children).filter(c => c.tagName !== "SUMMARY")
                  .some(c => c.offsetHeight > 0 && c.innerText.trim().length > 0);
                for (let i = 0; i < 20 && d.open !== {str(want_open).lower()}; i++)
                  await new Promise(r => setTimeout(r, 25));
                return {{open: d.open, shown: shown()}}; }})()""")
            if state["open"] != want_open or state["shown"] != want_open:
                page.fail(f"hint {index + 1} does not {'open' if want_open else 'close'} "
                          f"on a click")
                return
    page.facts.append(f"{count} hints open and close")


def check_search(page, browser, word, expect):
    """Types `word` into the search box and expects a result linking to page `expect`."""
    where = browser.evaluate("""(() => { const f = document.getElementById("MSearchField");
        if (!f) return null; const r = f.getBoundingClientRect();
        return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()""")
    if where is None:
        page.fail("search: no search box")
        return
    browser.click(where["x"], where["y"])
    browser.type_text(word)
    # The results appear in an iframe that may have another origin (file://): read it in
    # an isolated world of its own frame.
    deadline = time.monotonic() + 10
    found = None
    while time.monotonic() < deadline and found is None:
        time.sleep(0.1)
        tree = browser.call("Page.getFrameTree")["frameTree"]
        frames = [c["frame"] for c in tree.get("childFrames", [])
                  if c["frame"].get("name") == "MSearchResults"
                  and "?" in c["frame"].get("url", "")]
        if not frames:
            continue
        world = browser.call("Page.createIsolatedWorld", frameId=frames[0]["id"],
                             worldName="book-test")["executionContextId"]
        found = browser.evaluate("""(() => {
            const links = Array.from(document.querySelectorAll(".SRResult"))
              .filter(r => r.style.display !== "none" && r.offsetHeight > 0)
              .flatMap(r => Array.from(r.querySelectorAll("a[href]")));
            return links.length ? links.map(a => ({href: a.href, text: a.textContent})) : null;
            })()""", context=world)
    if not found:
        page.fail(f"search: typing '{word}' shows no results")
        return
    targets = [urllib.parse.urlsplit(link["href"]).path.rsplit("/", 1)[-1] for link in found]
    if expect not in targets:
        page.fail(f"search: '{word}' finds {len(found)} results but none links to {expect}")
        return
    # Click the result, as a reader would, and expect to land on its page.
    frame = browser.evaluate("""(() => { const r = document.getElementById("MSearchResults")
        .getBoundingClientRect(); return {x: r.left, y: r.top}; })()""")
    link = browser.evaluate(f"""(() => {{
        const a = Array.from(document.querySelectorAll(".SRResult a[href]"))
          .find(a => a.href.split("#")[0].endsWith("/{expect}") && a.offsetHeight > 0);
        const r = a.getClientRects()[0];  // a long title wraps: aim at its first line
        return {{x: r.left + r.width / 2, y: r.top + r.height / 2}}; }})()""", context=world)
    # What happens on the result's page is checked with that page; keep this page's events.
    kept = [e for e in browser.events if e["method"] != "Page.loadEventFired"]
    browser.events = []
    browser.click(frame["x"] + link["x"], frame["y"] + link["y"])
    landed = ""
    if browser.wait_event("Page.loadEventFired", PAGE_TIMEOUT):
        landed = browser.evaluate("location.pathname.split('/').pop()")
    # The click itself may raise in the results frame (it does from file://): keep those.
    browser.events = kept + [e for e in browser.events
                             if e["method"] == "Runtime.exceptionThrown"
                             and e["params"]["exceptionDetails"].get("url", "").find("/search/") >= 0]
    if landed != expect:
        page.fail(f"search: clicking the result for '{word}' does not open {expect}"
                  + (f" (opened {landed})" if landed else ""))
        return
    page.facts.append(f"search '{word}' finds and opens {expect}")


def screenshot(browser, target):
    """The whole page: the viewport grows to the height of Doxygen's scrolling content."""
    # Doxygen's tree fills in and marks the current page after it loads its index scripts.
    browser.evaluate("""(async () => { const start = Date.now();
        while (document.getElementById("nav-tree") && !document.querySelector("#nav-tree .selected")
               && Date.now() - start < 3000) await new Promise(r => setTimeout(r, 20)); })()""")
    height = browser.evaluate("""(async () => {
        const content = document.getElementById("doc-content");
        const frame = (el) => el ? el.getBoundingClientRect().height : 0;
        if (!content) return document.documentElement.scrollHeight;
        const header = document.getElementById("top"), footer = document.getElementById("nav-path");
        return Math.ceil(frame(header) + content.scrollHeight + frame(footer)) + 2; })()""")
    full = max(VIEWPORT[1], int(height))
    height = min(full, MAX_SCREENSHOT)
    browser.call("Emulation.setDeviceMetricsOverride", width=VIEWPORT[0], height=height,
                 deviceScaleFactor=1, mobile=False)
    browser.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    shot = browser.call("Page.captureScreenshot", format="png", captureBeyondViewport=False,
                        timeout=60)
    browser.call("Emulation.clearDeviceMetricsOverride")
    browser.evaluate("new Promise(r => requestAnimationFrame(() => setTimeout(r, 50)))")
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(".png.tmp")
    temporary.write_bytes(base64.b64decode(shot["data"]))
    os.replace(temporary, target)
    return f"{VIEWPORT[0]}x{height}" + (f", cut from {full} px" if full > height else "")


def check_page(browser, book, name, screenshots, search_word):
    page = Page(name)
    started = time.monotonic()
    browser.events = []
    browser.call("Page.navigate", url=book.url(name))
    if not browser.wait_event("Page.loadEventFired", PAGE_TIMEOUT):
        page.fail(f"did not finish loading in {PAGE_TIMEOUT:.0f} s")
        return page, time.monotonic() - started
    waited = browser.evaluate(WAIT_FOR_MATHJAX, timeout=PAGE_TIMEOUT + 5)
    if waited:
        page.fail(waited)
    found = browser.evaluate(COLLECT)
    local = book.local_path(book.url(name))
    check_formulas(page, found, formulas_in_source(local) if local and local.is_file() else None)
    check_images(page, found)
    links, anchored = check_links(page, found, book)
    page.facts.insert(0, f"{found['formulas']} formulas")
    page.facts.insert(1, f"{len(found['images']) + len(found['objects'])} images")
    page.facts.insert(2, f"{links} links ({anchored} to anchors)")
    if re.fullmatch(r"ch\d\d_\w+\.html", name):
        check_library_listings(page, found["libraryListings"])
    if screenshots:
        shot = pathlib.Path(screenshots) / (pathlib.Path(name).stem + ".png")
        page.facts.append(f"screenshot {shot} ({screenshot(browser, shot)})")
    check_hints(page, browser, found["hints"])
    if search_word:
        check_search(page, browser, *search_word)
    time.sleep(0.05)  # let late console messages arrive
    browser.call("Runtime.evaluate", expression="0")
    requests = check_events(page, browser.events, book)
    page.facts.insert(3, f"{requests} requests, all local" if requests else "no requests")
    return page, time.monotonic() - started


def search_probe(folder):
    """What to type into the search box, and the page it must find: the first chapter's title.

    Doxygen's search matches the start of names and of page titles, so the probe is the start
    of the title ("Chapter 1"), which must list the chapter's page."""
    chapters = sorted(folder.glob("ch[0-9][0-9]_*.html"))
    if not chapters:
        return None
    match = re.search(r'<div class="title">(.*?)</div>', chapters[0].read_text(), re.S)
    if not match:
        return None
    title = html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip()
    return (title.split(":")[0], chapters[0].name)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("html", help="the rendered book's folder (with index.html)")
    parser.add_argument("--screenshots", help="save a full-page PNG of each book page here")
    parser.add_argument("--pages", nargs="*", help="only these pages (file names)")
    parser.add_argument("--all", action="store_true", help="every HTML page, API reference too")
    parser.add_argument("--file-urls", action="store_true", help="read from file://, no server")
    args = parser.parse_args()
    folder = pathlib.Path(args.html)
    if not (folder / "index.html").is_file():
        sys.exit(f"browser test: {folder}/index.html is missing; render the book first")
    pages = args.pages or book_pages(folder, args.all)
    missing = [p for p in pages if not (folder / p).is_file()]
    if missing:
        sys.exit(f"browser test: no such page in {folder}: {', '.join(missing)}")
    started = time.monotonic()
    book = Book(folder, args.file_urls)
    failed = []
    try:
        browser = Browser()
    except CheckError as error:
        book.close()
        sys.exit(f"browser test: {error}")
    try:
        print(f"browser test: {len(pages)} pages of {folder} at {book.base}")
        for name in pages:
            search = search_probe(folder) if name == "index.html" else None
            try:
                page, seconds = check_page(browser, book, name, args.screenshots, search)
            except CheckError as error:
                page, seconds = Page(name), 0.0
                page.fail(str(error))
            if page.problems:
                failed.append(page)
                print(f"FAIL {name} ({seconds:.1f} s)")
                for problem in page.problems:
                    print(f"     {name}: {problem}")
            else:
                print(f"ok   {name}: {', '.join(page.facts)} ({seconds:.1f} s)")
    finally:
        browser.close()
        book.close()
    elapsed = time.monotonic() - started
    if failed:
        print(f"browser test: {len(failed)} of {len(pages)} pages broken "
              f"({', '.join(p.name for p in failed)}) in {elapsed:.1f} s")
        return 1
    print(f"browser test: all {len(pages)} pages pass in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
