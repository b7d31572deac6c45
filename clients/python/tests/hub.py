"""A real hub for the client's tests: the built Deconflict.Hub on 127.0.0.1, a fresh data directory, a known admin key."""

import os
import pathlib
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[3]
DLL = pathlib.Path(os.environ.get("DECONFLICT_HUB_DLL") or ROOT / "src" / "Deconflict.Hub" / "bin" / "Release" / "net10.0" / "Deconflict.Hub.dll")
START_TIMEOUT_S = 90


class LiveHub:
    """Starts the hub as its own process; stop() ends it (by its own process id) and removes its data."""

    def __init__(self):
        if not DLL.exists():
            raise RuntimeError("%s is missing: build it with dotnet build src/Deconflict.Hub -c Release (./run-tests does)" % DLL)
        self.admin_key = "admin-" + secrets.token_hex(16)
        self.data = tempfile.mkdtemp(prefix="deconflict-pyclient-")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.url = "http://127.0.0.1:%d" % port
        self.log = open(os.path.join(self.data, "hub.log"), "wb")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            ["dotnet", str(DLL), "--urls=" + self.url, "--Hub:DataDirectory=" + self.data, "--Hub:AdminKey=" + self.admin_key,
             "--Hub:CheckDeclaredStatuses=true"],
            stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if self.process.poll() is not None:
                self.stop()
                raise RuntimeError("the hub exited with %s before answering" % self.process.returncode)
            try:
                with urllib.request.urlopen(self.url + "/readyz", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the hub did not answer /readyz within %d s" % START_TIMEOUT_S)
            time.sleep(0.2)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=20)
        self.log.close()
        shutil.rmtree(self.data, ignore_errors=True)
