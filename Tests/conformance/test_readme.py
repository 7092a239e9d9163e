"""The README's walkthroughs run as written, and its links stay inside the clone.

Marking a block: an HTML comment on the line right before a ```sh or ```python fence,

    <!-- walkthrough: NAME [NAME …] -->

puts that block in each walkthrough named (the set-up block that exports the credentials and defines `E` and
`ACCOUNT` names every walkthrough that uses it). The blocks of one walkthrough run in README order as one
`bash -euo pipefail` script, so shell variables and the working directory carry over from block to block; a python
block becomes `<this test's Python> - <<'README_PY' … README_PY` in that script. The walkthroughs run one after the
other, in the order of their first block, each in a new shell, against one fresh server: later ones use what earlier
ones made (the incidents walkthrough engages the on-call walkthrough's escalation plan), as a reader following the
README does. Each must exit 0; a failure shows the block that failed (README line) and the output.

What stands for the reader's machine:
- the server: started by the harness on fresh storage (PostgreSQL on that engine) without configured credentials, so
  it generates the administrator's account and key as `swift run hikeshi serve` does on first start; it listens on a
  free port, and `http://127.0.0.1:4750` in the blocks is replaced by its address (the only change made to them);
- the clone: the blocks run in a scratch directory holding `.hikeshi` (a link to the server's data directory) and
  `Models` (a link to the repository's), as the clone `swift run hikeshi serve` ran in does;
- the shell: PATH starts with the directory of the binary under test (the README's
  `export PATH="$PWD/.build/debug:$PATH"`), then `python3` as this test's Python (and `aws` as its awscli when the
  command is not installed); no `AWS_*` or `HIKESHI_*` variable is inherited, except `HIKESHI_DATABASE_URL` on the
  postgres engine so that `hikeshi admin …` opens the server's database; `AWS_CONFIG_FILE` names a missing file and
  `AWS_PAGER` is empty.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import pytest

from harness import REPO_ROOT, HikeshiServer, module_factory

README = REPO_ROOT / "README.md"
README_ENDPOINT = "http://127.0.0.1:4750"
# The walkthroughs issue #16 asks for; a README that loses one of them fails.
REQUIRED = ("cli", "oncall", "incidents", "support")
WALKTHROUGH_TIMEOUT = 300

MARKER = re.compile(r"<!--\s*walkthrough:\s*(?P<names>[^>]*?)\s*-->")
FENCE_OPEN = re.compile(r"^```(?P<lang>[A-Za-z0-9_+-]*)\s*$")


@dataclass
class Block:
    line: int  # the README line of the opening fence
    lang: str  # "sh" or "python"
    text: str


@dataclass
class Walkthrough:
    name: str
    blocks: list[Block] = field(default_factory=list)


def parse_walkthroughs(text: str) -> list[Walkthrough]:
    """The marked blocks, by walkthrough, walkthroughs in the order of their first block."""
    lines = text.splitlines()
    walkthroughs: dict[str, Walkthrough] = {}
    problems: list[str] = []
    i = 0
    while i < len(lines):
        marker = MARKER.fullmatch(lines[i].strip())
        if marker is None:
            if lines[i].lstrip().startswith("<!--") and "walkthrough:" in lines[i]:
                problems.append(f"README.md:{i + 1}: malformed walkthrough marker {lines[i]!r}")
            i += 1
            continue
        names = marker.group("names").split()
        fence = FENCE_OPEN.match(lines[i + 1]) if i + 1 < len(lines) else None
        if not names or fence is None or fence.group("lang") not in ("sh", "python"):
            problems.append(f"README.md:{i + 1}: a walkthrough marker must name walkthroughs and stand right before "
                            "a ```sh or ```python fence")
            i += 1
            continue
        body: list[str] = []
        j = i + 2
        while j < len(lines) and lines[j].rstrip() != "```":
            body.append(lines[j])
            j += 1
        if j == len(lines):
            problems.append(f"README.md:{i + 2}: the block never closes")
            break
        block = Block(line=i + 2, lang=fence.group("lang"), text="\n".join(body) + "\n")
        for name in names:
            walkthroughs.setdefault(name, Walkthrough(name)).blocks.append(block)
        i = j + 1
    assert not problems, "\n".join(problems)
    return list(walkthroughs.values())


def block_banner(walkthrough: str, block: Block) -> str:
    return f">>> walkthrough {walkthrough}: README.md:{block.line} ({block.lang})"


def script_for(walkthrough: Walkthrough, endpoint: str, python: str) -> str:
    parts = []
    for block in walkthrough.blocks:
        text = block.text.replace(README_ENDPOINT, endpoint)
        parts.append(f"printf '%s\\n' {shlex.quote(block_banner(walkthrough.name, block))}\n")
        if block.lang == "python":
            assert "\nREADME_PY\n" not in text
            parts.append(f"{shlex.quote(python)} - <<'README_PY'\n{text}README_PY\n")
        else:
            parts.append(text)
    return "".join(parts)


WALKTHROUGHS = parse_walkthroughs(README.read_text())


def test_the_required_walkthroughs_are_marked() -> None:
    names = [w.name for w in WALKTHROUGHS]
    missing = [name for name in REQUIRED if name not in names]
    assert not missing, f"README.md marks no block of walkthrough(s) {missing} (found {names})"


# ---------------------------------------------------------------------------
# Running them
# ---------------------------------------------------------------------------


@dataclass
class Result:
    returncode: int
    output: str


class Reader:
    """The reader's clone, shell and server; runs walkthroughs in README order, each once."""

    def __init__(self, server: HikeshiServer, root: Path, hikeshi_bin: str, engine: str):
        self.server = server
        self.clone = root / "clone"
        self.clone.mkdir()
        (self.clone / ".hikeshi").symlink_to(server.data_dir, target_is_directory=True)
        (self.clone / "Models").symlink_to(REPO_ROOT / "Models", target_is_directory=True)
        tools = root / "tools"
        tools.mkdir()
        (tools / "python3").symlink_to(sys.executable)
        if shutil.which("aws") is None:
            shim = tools / "aws"
            shim.write_text(f"#!/bin/sh\nexec {shlex.quote(sys.executable)} -m awscli \"$@\"\n")
            shim.chmod(0o755)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "HIKESHI_"))}
        env["PATH"] = os.pathsep.join([str(Path(hikeshi_bin).resolve().parent), str(tools), env.get("PATH", "")])
        env.update(AWS_CONFIG_FILE=str(root / "no-aws-config"), AWS_PAGER="", AWS_EC2_METADATA_DISABLED="true")
        if engine == "postgres":
            assert server.database_url
            env["HIKESHI_DATABASE_URL"] = server.database_url
        self.env = env
        self.results: dict[str, Result] = {}

    def run_through(self, name: str) -> Result:
        """Runs every walkthrough up to `name` that has not run yet; returns `name`'s result."""
        for walkthrough in WALKTHROUGHS:
            if walkthrough.name not in self.results:
                self.results[walkthrough.name] = self._run(walkthrough)
            if walkthrough.name == name:
                return self.results[name]
        raise KeyError(name)

    def _run(self, walkthrough: Walkthrough) -> Result:
        script = self.clone.parent / f"walkthrough-{walkthrough.name}.sh"
        script.write_text(script_for(walkthrough, self.server.endpoint, sys.executable))
        try:
            done = subprocess.run(
                ["bash", "-euo", "pipefail", str(script)],
                cwd=self.clone,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                timeout=WALKTHROUGH_TIMEOUT,
            )
        except subprocess.TimeoutExpired as e:
            output = (e.output or b"").decode(errors="replace")
            return Result(-1, output + f"\n(timed out after {WALKTHROUGH_TIMEOUT}s)")
        return Result(done.returncode, done.stdout.decode(errors="replace"))


@pytest.fixture(scope="module")
def reader(hikeshi_bin: str, engine: str) -> Iterator[Reader]:
    for factory in module_factory(hikeshi_bin, engine):
        server = factory.new(bootstrap=False)
        yield Reader(server, factory.root, hikeshi_bin, engine)


@pytest.mark.parametrize("name", [w.name for w in WALKTHROUGHS])
def test_walkthrough_runs_as_written(reader: Reader, name: str) -> None:
    result = reader.run_through(name)
    if result.returncode == 0:
        return
    walkthrough = next(w for w in WALKTHROUGHS if w.name == name)
    banners = [(block_banner(name, block), block) for block in walkthrough.blocks]
    failing = None
    for banner, block in banners:
        if banner in result.output:
            failing = block
    where = f"README.md:{failing.line}" if failing else "before its first block"
    shown = f"```{failing.lang}\n{failing.text}```" if failing else ""
    pytest.fail(
        f"walkthrough {name!r} exited {result.returncode} in the block at {where}:\n{shown}\n"
        f"---- output ----\n{result.output}\n{reader.server.log_tail(30)}",
        pytrace=False,
    )


# ---------------------------------------------------------------------------
# Links and paths
# ---------------------------------------------------------------------------

INLINE_LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_LINK = re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$", re.MULTILINE)
HTML_LINK = re.compile(r"\b(?:href|src)\s*=\s*[\"']([^\"']+)[\"']", re.IGNORECASE)


def heading_anchors(text: str) -> set[str]:
    """GitHub's anchors: lower case, punctuation other than '-' and '_' dropped, spaces to '-'."""
    anchors = set()
    in_fence = False
    for line in text.splitlines():
        if line.startswith("```"):
            in_fence = not in_fence
        if in_fence or not line.startswith("#"):
            continue
        title = line.lstrip("#").strip().lower()
        title = re.sub(r"[^\w\- ]", "", title)
        anchors.add(title.replace(" ", "-"))
    return anchors


def test_readme_links_stay_in_the_clone() -> None:
    text = README.read_text()
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        if "../" in line:
            problems.append(f"README.md:{number}: a path out of the repository: {line.strip()!r}")
    anchors = heading_anchors(text)
    targets = INLINE_LINK.findall(text) + REFERENCE_LINK.findall(text) + HTML_LINK.findall(text)
    for target in targets:
        if re.match(r"^(https?|mailto):", target):
            continue
        if target.startswith("#"):
            if target[1:] not in anchors:
                problems.append(f"a link to a heading that does not exist: {target}")
            continue
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE):
            problems.append(f"a link that is neither https nor a file of the clone: {target}")
            continue
        path = target.split("#", 1)[0]
        if path.startswith("/"):
            problems.append(f"a link to an absolute path: {target}")
            continue
        resolved = (REPO_ROOT / path).resolve()
        if REPO_ROOT.resolve() not in (resolved, *resolved.parents):
            problems.append(f"a link out of the repository: {target}")
        elif not resolved.exists():
            problems.append(f"a link to a file that does not exist: {target}")
    assert not problems, "\n".join(problems)
