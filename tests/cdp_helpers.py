"""A minimal headless-Chromium driver over the DevTools protocol, for the browser tests.

No Python dependency: Chromium is started with ``--remote-debugging-pipe`` and the
protocol's JSON messages go through file descriptors 3 (to the browser) and 4 (from
it), each message ended by a NUL byte.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

#: Where Debian's ``chromium`` package installs the browser.
CHROMIUM_PATHS = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--mute-audio",
)


def find_chromium() -> str | None:
    """The Chromium executable, or None when it is not installed."""
    for path in CHROMIUM_PATHS:
        if os.access(path, os.X_OK):
            return path
    return shutil.which("chromium")


class Browser:
    """One headless Chromium with one page, driven over the DevTools pipe."""

    def __init__(self, executable: str, width: int = 1400, height: int = 1000) -> None:
        self.profile = tempfile.mkdtemp(prefix="newsparse-chromium-")
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def wire() -> None:  # in the child, before exec: the pipe on fds 3 and 4
            read_end, write_end = os.dup(to_browser_r), os.dup(from_browser_w)  # both > 4
            os.dup2(read_end, 3)  # dup2 makes them inheritable
            os.dup2(write_end, 4)

        self.proc = subprocess.Popen(
            [
                executable,
                *FLAGS,
                f"--user-data-dir={self.profile}",
                "--remote-debugging-pipe",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,
            preexec_fn=wire,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._buffer = b""
        self._closed = False
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        #: Sessions of the page's out-of-process frames (a sandboxed iframe is one).
        self.frames: list[str] = []
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        self.send("Page.enable")
        self.send("Network.enable")
        self.send("DOM.enable")
        self.send("CSS.enable")
        # frames in other processes: attach before they run, to see their requests too
        self.send(
            "Target.setAutoAttach",
            {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": True},
        )
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )

    # ------------------------------------------------------------ protocol
    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no message from chromium")
            ready, _, _ = select.select([self._from_browser], [], [], left)
            if ready:
                chunk = os.read(self._from_browser, 1 << 20)
                if not chunk:
                    raise RuntimeError("chromium closed the DevTools pipe")
                self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        if message.get("method") == "Target.attachedToTarget":
            session = message["params"]["sessionId"]
            if message["params"].get("targetInfo", {}).get("type") == "page":
                return message  # the page itself (attached above)
            self.frames.append(session)
            for method in ("Network.enable", "DOM.enable", "CSS.enable"):
                self._post(method, session)
            self._post("Runtime.runIfWaitingForDebugger", session)
        return message

    def _post(self, method: str, session: str) -> None:
        """Send a command without waiting for its reply (replies to it are ignored)."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": {}, "sessionId": session}
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")

    def call(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        *,
        session: str | None = None,
        timeout: float = 30.0,
    ) -> dict[str, Any]:
        """Send one command and return its result (events met meanwhile are kept)."""
        self._next_id += 1
        ident = self._next_id
        message: dict[str, Any] = {"id": ident, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == ident:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            if "method" in reply:
                self.events.append(reply)

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """A command to the page's session."""
        return self.call(method, params, session=self.session)

    def wait_for(self, method: str, timeout: float = 30.0) -> dict[str, Any]:
        """Wait for the page's next event ``method`` (one already received counts)."""
        deadline = time.monotonic() + timeout
        while True:
            for i, event in enumerate(self.events):
                if event["method"] == method and event.get("sessionId") == self.session:
                    return self.events.pop(i)
            self._keep(self._read_message(deadline))

    def _keep(self, message: dict[str, Any]) -> None:
        if "method" in message:
            self.events.append(message)

    def settle(self, seconds: float) -> None:
        """Keep reading events for ``seconds``."""
        deadline = time.monotonic() + seconds
        try:
            while True:
                self._keep(self._read_message(deadline))
        except TimeoutError:
            pass

    # ------------------------------------------------------------ page helpers
    def open(self, path: Path) -> None:
        """Load a local file and wait for its load event (iframes included)."""
        self.events.clear()
        self.send("Page.navigate", {"url": path.resolve().as_uri()})
        self.wait_for("Page.loadEventFired")

    def screenshot(self, out: Path, *, full_height: int | None = None) -> None:
        """A PNG of the viewport (or of ``full_height`` pixels) written to ``out``."""
        params: dict[str, Any] = {"format": "png"}
        if full_height:
            params["clip"] = {"x": 0, "y": 0, "width": 1400, "height": full_height, "scale": 1}
        data = self.send("Page.captureScreenshot", params)["data"]
        out.write_bytes(base64.b64decode(data))

    def documents(self) -> list[tuple[str, dict[str, Any]]]:
        """(session, DOM tree) of the page and of each out-of-process frame; in-process
        iframe documents are inside their page's tree."""
        out = []
        for session in [self.session, *self.frames]:
            params = {"depth": -1, "pierce": True}
            root: dict[str, Any] = self.call("DOM.getDocument", params, session=session)["root"]
            out.append((session, root))
        return out

    def requests(self) -> list[str]:
        """URLs of every request the page made since it was opened."""
        return [
            e["params"]["request"]["url"]
            for e in self.events
            if e["method"] == "Network.requestWillBeSent"
        ]

    def close(self) -> None:
        """Quit the browser and remove its profile (a second call does nothing)."""
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(RuntimeError, TimeoutError, OSError):
            self.call("Browser.close", timeout=5)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._to_browser, self._from_browser):
            with contextlib.suppress(OSError):
                os.close(fd)
        shutil.rmtree(self.profile, ignore_errors=True)


def walk(node: dict[str, Any]) -> list[dict[str, Any]]:
    """Every node of a DOM.getDocument tree (children, iframe documents), in order."""
    out = [node]
    for child in node.get("children", []):
        out += walk(child)
    if "contentDocument" in node:
        out += walk(node["contentDocument"])
    return out


def attributes(node: dict[str, Any]) -> dict[str, str]:
    """A DOM node's attributes as a dict."""
    flat = node.get("attributes", [])
    return dict(zip(flat[::2], flat[1::2], strict=True))
