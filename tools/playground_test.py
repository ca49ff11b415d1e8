#!/usr/bin/python3
"""Drives the Playground page (playground.html) in headless Chromium and checks that it trains.

  playground_test.py HTML_DIR --native BIN [--screenshot PNG] [--configs JSON]

HTML_DIR holds the rendered book with playground.html (tools/build_wasm.py puts it there).
The page is served on 127.0.0.1 only, and read from file:// too; Chromium is driven over the
DevTools protocol as tools/browser_test.py does (its Browser and server are reused). Checks:

  - the page starts its worker and loads the WebAssembly module, from the server and from
    a file:// URL (where it reads the module from playground_wasm_inline.js);
  - Play, Pause, Step and Reset work from the buttons (real mouse clicks): Play counts
    epochs up, Pause stops them, Step adds one, Reset goes back to epoch 0;
  - for each configuration in web/playground/test_configs.json, window.nnPlayground.train()
    reaches the test accuracy it names, and the native library (BIN: //web/playground:
    native_run) trained with the same config, seed and epochs gets the same accuracy within
    0.02;
  - no console error, no exception, no request that leaves the machine.

  - the page trains at least 30 epochs a second (circle, 2-8-8-1 on 500 points, 300 epochs,
    drawing the surface, the curve and the weights as it goes).

It prints epochs per second and the time circle takes to reach 90% test accuracy, and keeps a
screenshot of the trained page. Exit 1 names what failed.
"""

import argparse
import base64
import json
import os
import pathlib
import subprocess
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from browser_test import Browser, CheckError, serve  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
AGREEMENT = 0.02  # native and browser test accuracies may differ by this much
SPEED_EPOCHS = 300  # the speed run: circle's configuration for this many epochs
MIN_SPEED = 30  # epochs per second the page must reach (issue 19: "feels live")
CAMEL = {"learning_rate": "learningRate", "batch_size": "batchSize", "train_ratio": "trainRatio"}


def wait_until(browser, condition, timeout, what):
    """Polls a JavaScript condition in the page until it holds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if browser.evaluate(condition):
            return
        time.sleep(0.1)
    raise CheckError(f"{what} (waited {timeout:.0f} s)")


def open_page(browser, url):
    browser.events = []
    browser.call("Page.navigate", url=url)
    if not browser.wait_event("Page.loadEventFired", 20):
        raise CheckError(f"{url} did not load in 20 s")
    wait_until(browser, "!!(window.nnPlayground && nnPlayground.state().stats)", 60,
               f"{url}: the WebAssembly module did not start: "
               + str(browser.evaluate("document.getElementById('error').textContent")))


def click(browser, element_id):
    box = browser.evaluate(f"""(() => {{ const r = document.getElementById("{element_id}")
        .getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }})()""")
    browser.click(*box)


def epoch(browser):
    return browser.evaluate("nnPlayground.state().epoch")


def check_buttons(browser):
    """Play, Pause, Step and Reset, clicked as a reader would."""
    click(browser, "reset")
    wait_until(browser, "nnPlayground.state().stats && nnPlayground.state().epoch === 0", 20,
               "Reset did not bring the epoch count to 0")
    click(browser, "play-pause")
    wait_until(browser, "nnPlayground.state().epoch >= 20", 30, "Play did not train 20 epochs")
    if "Pause" not in browser.evaluate("document.getElementById('play-pause').textContent"):
        raise CheckError("while playing, the button does not offer Pause")
    click(browser, "play-pause")
    time.sleep(0.5)  # the step already sent comes back
    paused = epoch(browser)
    time.sleep(1.0)
    if epoch(browser) != paused or browser.evaluate("nnPlayground.state().playing"):
        raise CheckError(f"Pause did not stop training (epoch {paused}, then {epoch(browser)})")
    if browser.evaluate("document.getElementById('epoch').textContent") != str(paused):
        raise CheckError("the epoch counter on the page is not the trainer's epoch")
    click(browser, "step")
    wait_until(browser, f"nnPlayground.state().epoch === {paused + 1}", 10,
               "Step did not train one epoch")
    click(browser, "reset")
    wait_until(browser, "nnPlayground.state().stats && nnPlayground.state().epoch === 0", 20,
               "Reset did not bring the epoch count to 0")
    return f"Play trained, Pause stopped at epoch {paused}, Step made {paused + 1}, Reset made 0"


def native(binary, config, epochs):
    result = subprocess.run([str(binary), json.dumps(config), str(epochs)], capture_output=True,
                            text=True, timeout=300)
    if result.returncode != 0:
        raise CheckError(f"native_run failed: {result.stderr.strip()}")
    return json.loads(result.stdout)


def check_config(browser, run, binary):
    """One configuration in the page and natively; returns (facts, problems, result)."""
    options = {CAMEL.get(k, k): v for k, v in run["config"].items()}
    options["epochs"] = run["epochs"]
    page = browser.evaluate(f"nnPlayground.train({json.dumps(options)})", timeout=300)
    ours = native(binary, run["config"], run["epochs"])
    name, problems = run["name"], []
    if page["epochs"] != run["epochs"]:
        problems.append(f"{name}: trained {page['epochs']} epochs, not {run['epochs']}")
    if page["test_accuracy"] < run["min_test_accuracy"]:
        problems.append(f"{name}: test accuracy {page['test_accuracy']:.3f} in the page, below "
                        f"{run['min_test_accuracy']}")
    difference = abs(page["test_accuracy"] - ours["test_accuracy"])
    if difference > AGREEMENT:
        problems.append(f"{name}: test accuracy {page['test_accuracy']:.3f} in the page but "
                        f"{ours['test_accuracy']:.3f} natively (differ by more than {AGREEMENT})")
    speed = page["epochs"] / page["seconds"]
    fact = (f"{name}: test accuracy {page['test_accuracy']:.3f} in the page, "
            f"{ours['test_accuracy']:.3f} natively; test loss {page['test_loss']:.3f} "
            f"({ours['test_loss']:.3f}); {page['epochs']} epochs in {page['seconds']:.2f} s, "
            f"{speed:.0f} epochs/s")
    reached = next((h for h in page["history"] if h["test_accuracy"] >= 0.9), None)
    if reached:
        fact += f"; 90% test accuracy at epoch {reached['epoch']}, {reached['seconds']:.2f} s"
    return fact, problems, page


def check_events(browser, allowed_prefixes):
    problems = []
    for event in browser.events:
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            problems.append("exception: " + str(details.get("exception", {}).get("description")
                                                 or details.get("text")))
        elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
            problems.append("console error: " + " ".join(
                str(a.get("value", a.get("description"))) for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            entry = params["entry"]
            problems.append(f"log error: {entry.get('text', '')} {entry.get('url', '')}".strip())
        elif method == "Network.requestWillBeSent":
            url = params.get("request", {}).get("url", "")
            if not url.startswith(allowed_prefixes):
                problems.append(f"a request left the machine: {url}")
    return problems


def screenshot(browser, target):
    shot = browser.call("Page.captureScreenshot", format="png", timeout=60)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(".png.tmp")
    temporary.write_bytes(base64.b64decode(shot["data"]))
    os.replace(temporary, target)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=pathlib.Path, help="the rendered book's folder")
    parser.add_argument("--native", type=pathlib.Path, required=True,
                        help="the native_run binary (bazel-bin/web/playground/native_run)")
    parser.add_argument("--screenshot", type=pathlib.Path, default=ROOT / "out/playground.png")
    parser.add_argument("--configs", type=pathlib.Path,
                        default=ROOT / "web/playground/test_configs.json")
    args = parser.parse_args()
    folder = args.html.resolve()
    for name in ("playground.html", "playground.wasm", "playground_worker.js"):
        if not (folder / name).is_file():
            print(f"playground_test: {folder / name} is missing (tools/build_wasm.py makes it)")
            return 1
    if not args.native.is_file():
        print(f"playground_test: {args.native} is missing (bazel build //web/playground:native_run)")
        return 1
    runs = json.loads(args.configs.read_text())
    server = serve(folder)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    browser = None
    problems, facts = [], []
    try:
        browser = Browser()
        browser.call("Emulation.setDeviceMetricsOverride", width=1280, height=820,
                     deviceScaleFactor=1, mobile=False)
        started = time.monotonic()
        open_page(browser, base + "playground.html")
        facts.append(f"served: the module started in {time.monotonic() - started:.1f} s")
        facts.append(check_buttons(browser))
        for run in runs:
            fact, wrong, _ = check_config(browser, run, args.native)
            facts.append(fact)
            problems += wrong
        # Speed: circle, 2-8-8-1 on 500 points, for SPEED_EPOCHS epochs, drawing as it goes.
        speed_run = dict(runs[0], name="speed", epochs=SPEED_EPOCHS, min_test_accuracy=0.9)
        fact, wrong, page = check_config(browser, speed_run, args.native)
        facts.append(fact)
        problems += wrong
        if page["epochs"] / page["seconds"] < MIN_SPEED:
            problems.append(f"{page['epochs'] / page['seconds']:.0f} epochs/s, below {MIN_SPEED}")
        # The screenshot: the first configuration (circle) trained, test points shown.
        first = {CAMEL.get(k, k): v for k, v in runs[0]["config"].items()}
        browser.evaluate(f"nnPlayground.train({json.dumps(dict(first, epochs=runs[0]['epochs']))})"
                         ".then(() => document.getElementById('show-test').click())", timeout=300)
        time.sleep(0.3)
        screenshot(browser, args.screenshot)
        facts.append(f"screenshot: {args.screenshot}")
        problems += check_events(browser, (base, "data:", "blob:", "about:"))
        # Opened as a file: the module comes from playground_wasm_inline.js.
        url = (folder / "playground.html").as_uri()
        open_page(browser, url)
        click(browser, "step")
        wait_until(browser, "nnPlayground.state().epoch === 1", 20, "file://: Step did not train")
        problems += [f"file://: {p}" for p in
                     check_events(browser, ("file://" + str(folder), "data:", "blob:", "about:"))]
        facts.append("file://: the module started and Step trained an epoch")
    except CheckError as error:
        problems.append(str(error))
    finally:
        if browser is not None:
            browser.close()
        server.shutdown()
        server.server_close()
    for fact in facts:
        print(f"playground: {fact}")
    for problem in problems:
        print(f"playground: FAILED: {problem}")
    print(f"playground: {'FAILED' if problems else 'passed'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
