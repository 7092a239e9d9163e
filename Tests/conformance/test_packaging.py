"""Installing Hikeshi: Scripts/install (binary, hardened systemd unit, commented configuration) and
Scripts/package-deb (a .deb with the same files under /usr). Both get the built debug binary with
--binary, so no release build is needed; nothing here touches the real system (--destdir, and the
package is unpacked with dpkg-deb -x, its maintainer scripts only read and parsed)."""

from __future__ import annotations

import filecmp
import os
import re
import shutil
import signal
import stat
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Iterator

import boto3
import pytest
import yaml

from harness import REPO_ROOT, clean_env, free_port, read_credentials_file

# The scripts and the files they install do not depend on the storage engine: run them once.
pytestmark = pytest.mark.engine("sqlite")

INSTALL = REPO_ROOT / "Scripts" / "install"
PACKAGE_DEB = REPO_ROOT / "Scripts" / "package-deb"
UNIT = Path("etc/systemd/system/hikeshi.service")
CONFIG = Path("etc/hikeshi/hikeshi.yaml")
EXEC_START = "{bindir}/hikeshi serve --config /etc/hikeshi/hikeshi.yaml --data-dir /var/lib/hikeshi"


def run(*args: str | Path, env: dict[str, str] | None = None, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=timeout, env=env or clean_env(), cwd=REPO_ROOT
    )
    assert result.returncode == 0, f"{args} exited {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    return result


def unit_directives(text: str) -> dict[str, list[str]]:
    """`Section.Key` -> values, in order (systemd allows a key more than once)."""
    directives: dict[str, list[str]] = {}
    section = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        key, _, value = line.partition("=")
        directives.setdefault(f"{section}.{key.strip()}", []).append(value.strip())
    return directives


def setting_keys() -> set[str]:
    """Every key HikeshiConfiguration.Key declares (Sources/App/Configuration), as the file spells it."""
    source = (REPO_ROOT / "Sources/App/Configuration/HikeshiConfiguration+Loading.swift").read_text()
    body = source[source.index("public enum Key: String") : source.index("/// The environment variable that sets it.")]
    keys = set()
    for name, raw in re.findall(r"^\s*case (\w+)(?: = \"([^\"]+)\")?\s*$", body, re.MULTILINE):
        keys.add(raw or name)
    assert {"host", "port", "smtp.url", "throttle.webhook.rate"} <= keys, keys
    return keys


def flatten(mapping: dict, prefix: str = "") -> set[str]:
    keys = set()
    for key, value in mapping.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            keys |= flatten(value, path + ".")
        else:
            keys.add(path)
    return keys


class Served:
    """`hikeshi serve` started from installed files, health-checked like harness.HikeshiServer."""

    def __init__(self, binary: Path, config: Path, state: Path):
        self.port = free_port()
        self.state = state
        self.log_path = state.parent / f"{state.name}-server.log"
        self.log = open(self.log_path, "wb")
        self.proc = subprocess.Popen(
            [str(binary), "serve", "--config", str(config), "--data-dir", str(state), "--port", str(self.port)],
            stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=clean_env(),
        )
        self.endpoint = f"http://127.0.0.1:{self.port}"

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_healthy(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        last = "no attempt"
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                pytest.fail(f"hikeshi exited {self.proc.returncode} before becoming healthy\n{self.log_text()}")
            try:
                with urllib.request.urlopen(self.endpoint + "/health", timeout=2) as response:
                    if response.status == 200:
                        return
                    last = f"HTTP {response.status}"
            except Exception as error:  # refused while starting
                last = repr(error)
            time.sleep(0.1)
        pytest.fail(f"/health did not answer 200 within {timeout}s (last: {last})\n{self.log_text()}")

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        return self.proc.returncode


def serve_and_check(binary: Path, config: Path, state: Path) -> None:
    """Starts the installed binary with the installed configuration, as the unit does, and checks it
    answers, wrote the administrator's credentials where the next steps say, and stops cleanly."""
    served = Served(binary, config, state)
    try:
        served.wait_healthy()
        # host comes from the configuration file, port from the command line.
        assert f"hikeshi listening on http://127.0.0.1:{served.port}" in served.log_text()
        credentials = state / "credentials"
        assert stat.S_IMODE(credentials.stat().st_mode) == 0o600
        account, text = read_credentials_file(credentials)
        assert account is not None, text
        client = boto3.client(
            "ssm-contacts", region_name="us-east-1", endpoint_url=served.endpoint,
            aws_access_key_id=account.access_key_id, aws_secret_access_key=account.secret_access_key,
        )
        assert client.list_contacts()["Contacts"] == []
    finally:
        code = served.stop()
    assert code == 0, f"hikeshi exited {code} after SIGTERM\n{served.log_text()}"


# ---------------------------------------------------------------------------------------------
# Scripts/install
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def staged(hikeshi_bin: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Scripts/install --destdir <tmp> --binary <hikeshi_bin>, with useradd, chown and systemctl on PATH
    replaced by stubs that record any call."""
    root = tmp_path_factory.mktemp("install") / "root"
    stubs = root.parent / "stubs"
    stubs.mkdir()
    calls = root.parent / "calls.log"
    for name in ("useradd", "adduser", "groupadd", "chown", "chgrp", "systemctl", "swift"):
        stub = stubs / name
        stub.write_text(f'#!/bin/sh\necho "{name} $*" >>"{calls}"\nexit 1\n')
        stub.chmod(0o755)
    env = clean_env()
    env["PATH"] = f"{stubs}:{env['PATH']}"
    result = run(INSTALL, "--destdir", root, "--binary", hikeshi_bin, env=env)
    assert not calls.exists(), f"--destdir touched the system:\n{calls.read_text()}"
    return root, result.stdout


def test_install_lays_out_binary_unit_and_config(staged: tuple[Path, str], hikeshi_bin: str) -> None:
    root, output = staged
    files = {p.relative_to(root).as_posix() for p in root.rglob("*") if not p.is_dir()}
    assert files == {"usr/local/bin/hikeshi", UNIT.as_posix(), CONFIG.as_posix()}
    binary = root / "usr/local/bin/hikeshi"
    assert filecmp.cmp(binary, hikeshi_bin, shallow=False)
    assert stat.S_IMODE(binary.stat().st_mode) == 0o755
    assert stat.S_IMODE((root / UNIT).stat().st_mode) == 0o644
    # The configuration may hold secrets.
    assert stat.S_IMODE((root / CONFIG).stat().st_mode) == 0o640
    assert stat.S_IMODE((root / CONFIG).parent.stat().st_mode) == 0o750
    assert (root / CONFIG).read_text() == (REPO_ROOT / "Packaging/hikeshi.yaml").read_text()
    assert "nothing outside it was touched" in output


def test_install_unit_is_hardened(staged: tuple[Path, str]) -> None:
    root, _ = staged
    unit = unit_directives((root / UNIT).read_text())
    expected = {
        "Service.User": ["hikeshi"],
        "Service.Group": ["hikeshi"],
        "Service.ExecStart": [EXEC_START.format(bindir="/usr/local/bin")],
        "Service.StateDirectory": ["hikeshi"],
        "Service.Restart": ["on-failure"],
        "Service.ProtectSystem": ["strict"],
        "Service.ProtectHome": ["true"],
        "Service.PrivateTmp": ["true"],
        "Service.NoNewPrivileges": ["true"],
        "Service.CapabilityBoundingSet": [""],
        "Service.AmbientCapabilities": [""],
        "Install.WantedBy": ["multi-user.target"],
    }
    for key, values in expected.items():
        assert unit.get(key) == values, f"{key}: {unit.get(key)}"
    assert re.fullmatch(r"[1-9][0-9]*s", unit["Service.RestartSec"][0])
    assert int(unit["Service.LimitNOFILE"][0]) >= 4096
    families = set(" ".join(unit["Service.RestrictAddressFamilies"]).split())
    assert {"AF_INET", "AF_INET6", "AF_UNIX"} <= families
    # Runbook scripts run in bubblewrap: it needs netlink (loopback of its network namespace), the
    # mount calls, namespaces and a /proc it may mount again.
    assert "AF_NETLINK" in families
    assert "@mount" in " ".join(unit["Service.SystemCallFilter"]).split()
    for breaks_bwrap in ("ProtectKernelTunables", "ProtectKernelLogs", "ProcSubset", "RestrictNamespaces", "PrivateUsers"):
        assert f"Service.{breaks_bwrap}" not in unit, breaks_bwrap


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_install_unit_passes_systemd_analyze_verify(staged: tuple[Path, str], tmp_path: Path) -> None:
    root, _ = staged
    # verify wants ExecStart's binary to exist on this machine: point it at the staged one.
    unit = tmp_path / "hikeshi.service"
    unit.write_text((root / UNIT).read_text().replace("=/usr/local/bin/hikeshi ", f"={root}/usr/local/bin/hikeshi "))
    result = subprocess.run(
        ["systemd-analyze", "verify", "--man=no", str(unit)], capture_output=True, text=True, timeout=60
    )
    # It exits 0 even for unknown keys and bad values ("..., ignoring"): no output is the pass.
    assert result.returncode == 0 and not (result.stdout + result.stderr).strip(), result.stdout + result.stderr


def test_install_config_documents_every_setting() -> None:
    text = (REPO_ROOT / "Packaging/hikeshi.yaml").read_text()
    active = yaml.safe_load(text)
    assert isinstance(active, dict) and active, "an all-comment file is refused by the server"
    # Uncomment every example line ("# key: ..." / "#   key: ..."): all settings, each once, no other.
    uncommented = "\n".join(
        re.sub(r"^# (\s*(?:#|[a-z]+:(?: |$)))", r"\1", line) for line in text.splitlines()
    )
    everything = yaml.safe_load(uncommented)
    documented = flatten(everything)
    assert documented == setting_keys() - {"config.file"}


def test_installed_server_starts_with_the_installed_config(staged: tuple[Path, str], tmp_path: Path) -> None:
    root, _ = staged
    serve_and_check(root / "usr/local/bin/hikeshi", root / CONFIG, tmp_path / "state")


def test_install_prefix_and_reinstall_keep_the_configuration(hikeshi_bin: str, tmp_path: Path) -> None:
    root = tmp_path / "root"
    run(INSTALL, "--destdir", root, "--binary", hikeshi_bin, "--prefix", "/opt/hikeshi")
    assert (root / "opt/hikeshi/bin/hikeshi").exists()
    unit = unit_directives((root / UNIT).read_text())
    assert unit["Service.ExecStart"] == [EXEC_START.format(bindir="/opt/hikeshi/bin")]
    (root / CONFIG).write_text("port: 4751\n")
    result = run(INSTALL, "--destdir", root, "--binary", hikeshi_bin, "--prefix", "/opt/hikeshi")
    assert (root / CONFIG).read_text() == "port: 4751\n"
    assert "keeping the existing" in result.stdout


def test_install_no_systemd_installs_the_binary_only(hikeshi_bin: str, tmp_path: Path) -> None:
    root = tmp_path / "root"
    run(INSTALL, "--destdir", root, "--binary", hikeshi_bin, "--no-systemd")
    assert {p.relative_to(root).as_posix() for p in root.rglob("*") if not p.is_dir()} == {"usr/local/bin/hikeshi"}


def test_scripts_parse_and_explain_themselves() -> None:
    for script in (INSTALL, PACKAGE_DEB):
        assert os.access(script, os.X_OK), script
        assert script.read_text().startswith("#!/usr/bin/env bash\n")
        run("bash", "-n", script)
        usage = run(script, "--help").stdout
        assert usage.startswith(("Installs", "Builds")) and "Usage: Scripts/" in usage and "set -e" not in usage
        bad = subprocess.run([str(script), "--bogus"], capture_output=True, text=True, timeout=30)
        assert bad.returncode == 2 and "unknown option --bogus" in bad.stderr
    if shutil.which("shellcheck"):
        run("shellcheck", INSTALL, PACKAGE_DEB)


# ---------------------------------------------------------------------------------------------
# Scripts/package-deb
# ---------------------------------------------------------------------------------------------

needs_dpkg = pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb is not installed")


@pytest.fixture(scope="module")
def deb(hikeshi_bin: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Scripts/package-deb --binary <hikeshi_bin> (uncompressed: xz takes minutes on a debug binary)."""
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is not installed")
    output = tmp_path_factory.mktemp("deb")
    result = run(PACKAGE_DEB, "--binary", hikeshi_bin, "--version", "1.2.3+test", "--output", output, "--compression", "none")
    path = Path(result.stdout.strip().splitlines()[-1])
    assert path == output / f"hikeshi_1.2.3+test_{run('dpkg', '--print-architecture').stdout.strip()}.deb"
    yield path
    path.unlink(missing_ok=True)


@pytest.fixture(scope="module")
def control(deb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("control") / "DEBIAN"
    run("dpkg-deb", "--control", deb, directory)
    return directory


def field(deb: Path, name: str) -> str:
    return run("dpkg-deb", "--field", deb, name).stdout.strip()


@needs_dpkg
def test_deb_control_fields(deb: Path) -> None:
    assert field(deb, "Package") == "hikeshi"
    assert field(deb, "Version") == "1.2.3+test"
    assert field(deb, "Architecture") == run("dpkg", "--print-architecture").stdout.strip()
    assert re.fullmatch(r".+ <[^>]+@[^>]+>", field(deb, "Maintainer"))
    depends = [d.strip() for d in field(deb, "Depends").split(",")]
    assert "adduser" in depends
    assert any(re.fullmatch(r"libc6( \(>= [0-9.]+\))?", d) for d in depends), depends
    assert field(deb, "Description").startswith("self-hosted incident response")
    info = run("dpkg-deb", "--info", deb).stdout
    for member in ("control", "conffiles", "postinst", "prerm", "postrm", "md5sums"):
        assert re.search(rf"\s{member}\s", info), info


@needs_dpkg
def test_deb_contents(deb: Path) -> None:
    listing = run("dpkg-deb", "--contents", deb).stdout.splitlines()
    files = {}
    for line in listing:
        mode, owner, _size, _date, _time, path = line.split(None, 5)
        files[path] = (mode, owner)
        assert owner == "root/root", line
    assert files["./usr/bin/hikeshi"][0] == "-rwxr-xr-x"
    assert files["./lib/systemd/system/hikeshi.service"][0] == "-rw-r--r--"
    assert files["./etc/hikeshi/hikeshi.yaml"][0] == "-rw-r-----"
    assert not any(path.startswith(("./usr/local", "./var", "./etc/systemd")) for path in files), sorted(files)


@needs_dpkg
def test_deb_conffiles_and_maintainer_scripts(control: Path) -> None:
    assert (control / "conffiles").read_text().split() == ["/etc/hikeshi/hikeshi.yaml"]
    scripts = {name: (control / name).read_text() for name in ("postinst", "prerm", "postrm")}
    for name, text in scripts.items():
        assert os.access(control / name, os.X_OK), name
        assert text.startswith("#!/bin/sh\n") and "\nset -e\n" in text, name
        run("sh", "-n", control / name)
        # systemctl only runs under a running systemd, except disable (which only removes links).
        for line in text.splitlines():
            if "systemctl" in line and not line.lstrip().startswith("#") and "disable" not in line:
                assert text.index("[ -d /run/systemd/system ]") < text.index(line), f"{name}: {line}"
    postinst = scripts["postinst"]
    assert re.search(r"adduser --system --group .*--home /var/lib/hikeshi --no-create-home", postinst)
    assert "--shell /usr/sbin/nologin hikeshi" in postinst
    assert "install -d -o hikeshi -g hikeshi -m 0750 /var/lib/hikeshi" in postinst
    assert re.search(r"if \[ -d /run/systemd/system \]; then\s+systemctl --system daemon-reload", postinst)
    # A first install starts nothing.
    assert not re.search(r"^\s*systemctl (enable|start|restart)\b", postinst, re.MULTILINE)
    assert "systemctl stop hikeshi.service" in scripts["prerm"]
    # Only purge deletes the state, and only that directory; the user stays.
    postrm = scripts["postrm"]
    purge = postrm[postrm.index("    purge)") : postrm.index(";;", postrm.index("    purge)"))]
    assert "rm -rf /var/lib/hikeshi" in purge
    assert postrm.count("rm -rf") == 1
    assert "deluser" not in postrm and "userdel" not in postrm


@needs_dpkg
def test_deb_unpacked_serves_with_its_config(deb: Path, tmp_path: Path, hikeshi_bin: str) -> None:
    root = tmp_path / "root"
    run("dpkg-deb", "--extract", deb, root)
    unit = unit_directives((root / "lib/systemd/system/hikeshi.service").read_text())
    assert unit["Service.ExecStart"] == [EXEC_START.format(bindir="/usr/bin")]
    assert filecmp.cmp(root / "usr/bin/hikeshi", hikeshi_bin, shallow=False)
    serve_and_check(root / "usr/bin/hikeshi", root / "etc/hikeshi/hikeshi.yaml", tmp_path / "state")
