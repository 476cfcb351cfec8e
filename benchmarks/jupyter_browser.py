"""Start JupyterLab on 127.0.0.1 and drive the explorer of a notebook in headless Chromium.

Shared by tests/test_browser.py and benchmarks/bench_explorer.py. The server
runs from the current interpreter (``python -m jupyter lab``), so its kernel
uses the same environment. It listens on 127.0.0.1 only, with a random token,
and its settings, workspaces and runtime files go to a temporary folder, so
the user's JupyterLab state is neither read nor changed. The browser is
Debian's Chromium, driven by the Python package playwright, and playwright's
own browser downloads are not used.
"""

import contextlib
import importlib.util
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")

# --disable-background-networking and the flags after it stop Chromium's
# update, sync and field-trial requests, which hang or fail on a machine
# without network access.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

EXPLORER_SLIDER = "hidden units"
SERVER_START_TIMEOUT = 60.0
SERVER_STOP_TIMEOUT = 15.0


def missing_browser_reason():
    """Return why the browser tests cannot run here, or None when they can."""
    if importlib.util.find_spec("playwright") is None:
        return ("the Python package playwright is not installed; "
                "install it with `python -m pip install playwright`")
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        return f"Chromium not found at {CHROMIUM}; on Debian or Ubuntu: apt-get install -y chromium"
    return None


def free_port():
    """Return a TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# ---------------------------------------------------------------------------
# JupyterLab server
# ---------------------------------------------------------------------------

class JupyterLabServer:
    """A JupyterLab server on 127.0.0.1 with a random token, serving ``root_dir``.

    Use it as a context manager. Entering starts the server and waits until
    its REST API responds, and leaving stops it with the kernels it started.
    """

    def __init__(self, root_dir, start_timeout=SERVER_START_TIMEOUT):
        self.root_dir = Path(root_dir)
        self.start_timeout = start_timeout
        self.token = secrets.token_hex(24)
        self.port = None
        self.process = None
        self._state_dir = None
        self._log = None

    @property
    def base_url(self):
        return f"http://127.0.0.1:{self.port}"

    def url(self, path):
        """Return the address of ``path`` on the server, with the token as a query parameter."""
        return f"{self.base_url}/{path.lstrip('/')}?token={self.token}"

    def start(self):
        """Start the server and wait until /api/status responds to a request with the token."""
        self._state_dir = Path(tempfile.mkdtemp(prefix="shallownet-jupyter-"))
        self.port = free_port()

        command = [
            sys.executable, "-m", "jupyter", "lab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            f"--ServerApp.root_dir={self.root_dir}",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        ]
        # Jupyter rejects running as root without --allow-root, and root is the usual user in containers.
        if os.geteuid() == 0:
            command.append("--allow-root")

        environment = dict(
            os.environ,
            # The token goes through the environment so that it does not show in the process list.
            JUPYTER_TOKEN=self.token,
            JUPYTERLAB_SETTINGS_DIR=str(self._state_dir / "settings"),
            JUPYTERLAB_WORKSPACES_DIR=str(self._state_dir / "workspaces"),
            JUPYTER_RUNTIME_DIR=str(self._state_dir / "runtime"),
        )
        self._write_settings()

        self._log = open(self._state_dir / "server.log", "wb")
        self.process = subprocess.Popen(command, cwd=self.root_dir, env=environment,
                                        stdin=subprocess.DEVNULL, stdout=self._log,
                                        stderr=subprocess.STDOUT)

        try:
            self._wait_until_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def _write_settings(self):
        # Without these settings, JupyterLab shows a notification that offers to
        # fetch Jupyter news from the network.
        notification = self._state_dir / "settings" / "@jupyterlab" / "apputils-extension"
        notification.mkdir(parents=True)
        (notification / "notification.jupyterlab-settings").write_text(
            json.dumps({"fetchNews": "false", "checkForUpdates": False}), encoding="utf-8")

    def _wait_until_ready(self):
        request = urllib.request.Request(f"{self.base_url}/api/status",
                                         headers={"Authorization": f"token {self.token}"})
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with code {self.process.returncode} "
                                   f"before it responded; its log:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(request, timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)
        raise TimeoutError(f"JupyterLab did not respond on {self.base_url} within "
                           f"{self.start_timeout:.0f} s; its log:\n{self.log_tail()}")

    def stop(self):
        """Stop the server: terminate, wait, and kill it if it has not exited in time."""
        # NOTE: on SIGTERM the server shuts its kernels down. Kernels run in
        # their own sessions, so a server that has to be killed leaves them running.
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=SERVER_STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=SERVER_STOP_TIMEOUT)
        if self._log is not None:
            self._log.close()
            self._log = None
        if self._state_dir is not None:
            shutil.rmtree(self._state_dir, ignore_errors=True)
            self._state_dir = None

    def log_tail(self, lines=40):
        """Return the last lines of the server's log, for error messages."""
        if self._state_dir is None or not (self._state_dir / "server.log").exists():
            return "(no log)"
        if self._log is not None:
            self._log.flush()
        text = (self._state_dir / "server.log").read_text(errors="replace")
        # The log contains the server's address with the token, which must not appear in messages.
        text = text.replace(self.token, "<token>")
        return "\n".join(text.splitlines()[-lines:])

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()


# ---------------------------------------------------------------------------
# Chromium
# ---------------------------------------------------------------------------

@contextlib.contextmanager
def chromium_context(viewport=(1280, 1000)):
    """Launch headless Chromium with a fresh profile and yield its playwright BrowserContext."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="shallownet-chromium-") as profile_dir:
        with sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                profile_dir,
                executable_path=str(CHROMIUM),
                headless=True,
                args=CHROMIUM_ARGS,
                viewport={"width": viewport[0], "height": viewport[1]},
            )
            try:
                yield context
            finally:
                context.close()


def chromium_version():
    """Return the version line of ``chromium --version``, or "unknown"."""
    try:
        completed = subprocess.run([str(CHROMIUM), "--version"], capture_output=True, text=True,
                                   timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    match = re.search(r"Chromium\s+[\d.]+", completed.stdout)
    return match.group(0) if match else (completed.stdout.strip() or "unknown")


# ---------------------------------------------------------------------------
# Notebook and explorer in the page
# ---------------------------------------------------------------------------

def status_pattern(n_h):
    """Return a regex for the explorer's status line once the setting with ``n_h`` is shown."""
    return re.compile(rf"^n_h = {n_h}: ")


# Installed before Run All Cells: it sets window.__runAllQueued once any code
# cell shows "[*]", the prompt of a queued or running cell. The prompts of a
# saved notebook show its old execution counts until then, so without this
# flag the old counts would look like a finished run.
_WATCH_QUEUED_SCRIPT = """
() => {
    const panel = document.querySelector(".jp-NotebookPanel:not(.lm-mod-hidden)");
    const isQueued = () => [...panel.querySelectorAll(".jp-CodeCell .jp-InputPrompt")]
        .some(prompt => prompt.textContent.trim() === "[*]:");
    window.__runAllQueued = false;
    const observer = new MutationObserver(() => {
        if (isQueued()) {
            window.__runAllQueued = true;
            observer.disconnect();
        }
    });
    observer.observe(panel, {subtree: true, childList: true, characterData: true});
}
"""

# Returns false while Run All Cells has not started or a cell is queued or
# running, "done" once every code cell shows an execution count, and
# "stopped" when some cells were skipped, as JupyterLab does after a cell raises.
_RUN_ALL_OUTCOME_SCRIPT = """
() => {
    if (!window.__runAllQueued) return false;
    const panel = document.querySelector(".jp-NotebookPanel:not(.lm-mod-hidden)");
    const prompts = [...panel.querySelectorAll(".jp-CodeCell .jp-InputPrompt")]
        .map(prompt => prompt.textContent.trim());
    if (prompts.some(prompt => prompt === "[*]:")) return false;
    return prompts.every(prompt => /^\\[\\d+\\]:$/.test(prompt)) ? "done" : "stopped";
}
"""


# Installed on the explorer before a key press, it records three times from
# performance.now() in the page, so no playwright round trip counts. The
# first is the keydown on the slider's handle. The second is the first change
# of the status line to a finished setting ("n_h = ...", not "training ...").
# The third is the first time the output contains an image whose src differs
# from the one shown before the key press.
_TIMING_SCRIPT = """
([handle, status, output, oldStatus, oldSrc]) => {
    const timing = {keydown: null, status: null, image: null};
    window.__explorerTiming = timing;
    handle.addEventListener("keydown", () => {
        if (timing.keydown === null) timing.keydown = performance.now();
    }, {capture: true, once: true});
    const statusObserver = new MutationObserver(() => {
        const text = status.textContent;
        if (text !== oldStatus && text.startsWith("n_h = ") && timing.status === null) {
            timing.status = performance.now();
            statusObserver.disconnect();
        }
    });
    statusObserver.observe(status, {subtree: true, childList: true, characterData: true});
    const imageObserver = new MutationObserver(() => {
        const image = output.querySelector("img");
        if (image && image.getAttribute("src") !== oldSrc && timing.image === null) {
            timing.image = performance.now();
            imageObserver.disconnect();
        }
    });
    imageObserver.observe(output, {subtree: true, childList: true, attributes: true,
                                   attributeFilter: ["src"]});
}
"""


class NotebookPage:
    """A JupyterLab page with one notebook open, and locators for the explorer widget in it.

    The explorer is the first widget box with a "hidden units" slider, so a
    notebook with several explorers is measured on the first one.
    """

    def __init__(self, page, server):
        self.page = page
        self.server = server
        self.notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook")
        # The status bar item that reads "Python 3 (ipykernel) | Idle". The
        # toolbar's execution indicator is no use here: it reads idle before
        # the kernel has even started.
        self.kernel_status = page.locator(".jp-StatusBar-TextItem", has_text=re.compile(r" \| \w+$"))

        label = page.locator(".widget-label", has_text=re.compile(rf"^{EXPLORER_SLIDER}$"))
        self.explorer = page.locator(".widget-vbox", has=label).first
        self.slider = self.explorer.locator(".widget-slider", has=label)
        self.handle = self.slider.locator(".noUi-handle")
        self.readout = self.slider.locator(".widget-readout")
        self.status = self.explorer.locator(".widget-html-content")
        self.output = self.explorer.locator(".widget-output")
        self.image = self.output.locator("img")

    def open(self, notebook_name, timeout=60.0):
        """Open a notebook of the server's root folder and wait until its kernel is idle."""
        self.page.goto(self.server.url(f"lab/tree/{notebook_name}"), timeout=timeout * 1000)
        self.notebook.locator(".jp-Cell").first.wait_for(state="attached", timeout=timeout * 1000)
        self.kernel_status.filter(has_text=re.compile(r" \| Idle$")).wait_for(
            state="attached", timeout=timeout * 1000)

    def run_all_cells(self, timeout):
        """Run every cell with the menu entry Run > Run All Cells and wait until all have run.

        Raises AssertionError when the run does not finish in time, or when
        cells were skipped, as JupyterLab does after a cell raises.
        """
        from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

        self.page.evaluate(_WATCH_QUEUED_SCRIPT)
        self.page.get_by_role("menuitem", name="Run", exact=True).click()
        self.page.get_by_role("menuitem", name=re.compile(r"^Run All Cells")).click()
        try:
            outcome = self.page.wait_for_function(_RUN_ALL_OUTCOME_SCRIPT, timeout=timeout * 1000,
                                                  polling=100)
        except PlaywrightTimeoutError as timed_out:
            raise AssertionError(f"Run All Cells did not finish within {timeout:.0f} s; "
                                 f"cell prompts: {self.cell_prompts()}") from timed_out
        if outcome.json_value() == "stopped":
            raise AssertionError(f"Run All Cells stopped before the last cell; cell prompts: "
                                 f"{self.cell_prompts()}; error outputs: {self.error_outputs()}")

    def cell_prompts(self):
        """Return the input prompts of the code cells, such as "[3]:" or "[*]:"."""
        return [prompt.strip() for prompt in
                self.notebook.locator(".jp-CodeCell .jp-InputPrompt").all_text_contents()]

    def wait_for_explorer(self, timeout):
        """Wait until the explorer shows a finished setting and an image, and return its n_h."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

        try:
            self.status.filter(has_text=re.compile(r"^n_h = \d+: ")).wait_for(
                state="attached", timeout=timeout * 1000)
            self.image.wait_for(state="attached", timeout=timeout * 1000)
        except PlaywrightTimeoutError as timed_out:
            if self.output.count():
                output_text = self.output.all_text_contents()
            else:
                output_text = ["(no explorer in the page)"]
            raise AssertionError(
                f"the explorer did not show a trained setting and an image within {timeout:.0f} s; "
                f"explorer output: {output_text}") from timed_out
        return int(self.readout.text_content().strip())

    def error_outputs(self):
        """Return the text of every error output in the notebook, tracebacks included."""
        errors = self.notebook.locator("[data-mime-type='application/vnd.jupyter.error']")
        return [text.strip() for text in errors.all_text_contents()]

    def image_src(self):
        return self.image.get_attribute("src")

    def press_slider_key(self, key):
        """Focus the hidden-units slider's handle and press ``key`` on the keyboard."""
        self.handle.focus()
        self.page.keyboard.press(key)

    def start_timing(self):
        """Record the times of the next keydown on the handle, status change and new image."""
        arguments = [self.handle.element_handle(), self.status.element_handle(),
                     self.output.element_handle(), self.status.text_content(), self.image_src()]
        self.page.evaluate(_TIMING_SCRIPT, arguments)

    def wait_for_timing(self, timeout):
        """Wait until start_timing has recorded the new image."""
        self.page.wait_for_function(
            "() => window.__explorerTiming && window.__explorerTiming.image !== null",
            timeout=timeout * 1000)

    def read_timing(self):
        """Return the seconds from the keydown to the status change and to the new image.

        Returns a dict with the keys "status" and "image". A value is None
        when that event, or the keydown, has not been recorded.
        """
        timing = self.page.evaluate("() => window.__explorerTiming") or {}
        keydown = timing.get("keydown")
        seconds = {}
        for name in ("status", "image"):
            if keydown is None or timing.get(name) is None:
                seconds[name] = None
            else:
                seconds[name] = (timing[name] - keydown) / 1000
        return seconds
