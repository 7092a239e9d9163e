"""The release binary's code layout: the functions start-up and the hot requests run, placed next to each other.

The kernel maps a program's code into a process by 64 KiB around each page it touches ("fault-around"), and every
mapped page counts in the resident set. Linked in source order, the ~2 MiB of code `hikeshi serve` runs to start and
answer its common requests is spread over the whole 30 MB text section: one function touched in a 64 KiB stretch maps
all of it, and about 14 MiB of code was resident at idle. Compiled with one section per function, the linker can put
the sections that run first, side by side, and the resident code shrinks to what runs.

    link_layout.py BINARY --map MAP --out DIR

runs BINARY's `serve` under callgrind (as instructions.py does) through start-up and then the requests of
instructions.py (with their fixtures: contacts, a rotation, support cases, a response plan), reads which
instructions ran (SQLite: PostgreSQL's client code is left where it is), finds the input section of each in MAP (lld's `-Map` of that same link, written with
`--no-demangle`) and writes, in DIR:

  - symbols.txt for `--symbol-ordering-file`: one symbol of each section that ran (start-up's first), and
  - hot.ld, a linker script fragment naming the sections that ran but have no symbol to order them by (LLVM's private
    functions, `.L...`): they open the `.text` output section, and the linker adds every other code section after
    them, the ordered ones first. (Not an output section of their own: valgrind reads code outside `.text` as no
    object's, and the next profile would not find them.)

Scripts/build-release links once, runs this, and links again with both. A layout is only ever an optimisation: a
section it names that no longer exists is passed over by the linker, and a stale layout costs resident memory, never
correctness.
"""

from __future__ import annotations

import argparse
import bisect
import collections
import http.client
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


@dataclass
class InputSection:
    """One input section of the output `.text`, as the link map lists it."""

    start: int
    size: int
    object_file: str
    name: str
    symbols: list[str] = field(default_factory=list)
    symbol_addresses: list[int] = field(default_factory=list)


_MAP_LINE = re.compile(r"^\s*([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+(\d+) (\s*)(.*)$")


def read_map(lines) -> list[InputSection]:
    """The input sections of the output `.text` in an lld map (`VMA LMA Size Align Out/In/Symbol`, nested by 8 spaces)."""
    sections: list[InputSection] = []
    in_text = False
    for line in lines:
        match = _MAP_LINE.match(line.rstrip("\n"))
        if not match:
            continue
        vma, _, size, _, indent, name = match.groups()
        if len(indent) == 0:
            in_text = name == ".text"
        elif in_text and len(indent) == 8 and name.endswith(")") and ":(" in name:
            object_file, section = name[:-1].rsplit(":(", 1)
            sections.append(InputSection(int(vma, 16), int(size, 16), object_file, section))
        elif in_text and len(indent) == 16 and sections:
            sections[-1].symbols.append(name)
            sections[-1].symbol_addresses.append(int(vma, 16))
    return sections


_NAMED = re.compile(r"^(c?(?:ob|fn))=\((\d+)\)(?: (.*))?$")


def executed(lines, object_suffix: str) -> dict[str, set[int]]:
    """The instruction addresses a callgrind dump (`--dump-instr=yes`) counts in the object whose path ends with
    `object_suffix`, by function name."""
    names: dict[str, dict[str, str]] = {"ob": {}, "fn": {}}
    current_object: str | None = None
    current_function: str | None = None
    position = 0
    found: dict[str, set[int]] = collections.defaultdict(set)
    for line in lines:
        line = line.rstrip("\n")
        named = _NAMED.match(line)
        if named:
            kind, number, name = named.groups()
            table = names[kind[-2:]]
            if name:
                table[number] = name
            if kind == "ob":
                current_object = table.get(number)
            elif kind == "fn":
                current_function = table.get(number)
            continue
        if not line or line[0] not in "0123456789+-*":
            continue
        token = line.split()[0]
        if token.startswith(("+", "-")):
            step = int(token[1:], 0)
            position += step if token[0] == "+" else -step
        elif token != "*":
            position = int(token, 0)
        if current_object and current_object.endswith(object_suffix) and current_function:
            found[current_function].add(position)
    return found


def load_bias(sections: list[InputSection], functions: dict[str, set[int]]) -> int:
    """What to subtract from a profile's addresses to get the link's (callgrind reports a position-independent
    executable's link addresses, so 0 in practice): the distance between a function's first counted instruction and
    its symbol in the map, which nine in ten of the functions found in both must agree on — else the map is of
    another link, and a layout made from it would be wrong."""
    symbol_address = {
        symbol: address for section in sections for symbol, address in zip(section.symbols, section.symbol_addresses)
    }
    votes = collections.Counter(
        min(addresses) - symbol_address[name] for name, addresses in functions.items() if name in symbol_address and addresses
    )
    total = sum(votes.values())
    if not votes:
        raise SystemExit("link_layout: no function of the profile is in the map (a map of another link?)")
    bias, agreeing = votes.most_common(1)[0]
    if agreeing < 0.9 * total:
        raise SystemExit(f"link_layout: only {agreeing} of {total} functions agree with the map (a map of another link?)")
    return bias


def sections_run(sections: list[InputSection], addresses) -> list[int]:
    """Indexes of the sections holding any of `addresses`, in address order."""
    starts = [section.start for section in sections]
    hit: set[int] = set()
    for address in addresses:
        index = bisect.bisect_right(starts, address) - 1
        if index >= 0 and address < sections[index].start + sections[index].size:
            hit.add(index)
    return sorted(hit)


def layout(sections: list[InputSection], phases: list[list[int]]) -> tuple[list[str], str]:
    """The symbol ordering file's lines and the linker script for sections run in `phases` (earlier phases first)."""
    ordered: list[int] = []
    seen: set[int] = set()
    for phase in phases:
        for index in phase:
            if index not in seen:
                seen.add(index)
                ordered.append(index)
    symbols = [sections[index].symbols[0] for index in ordered if sections[index].symbols]
    unnamed = [sections[index] for index in ordered if not sections[index].symbols]
    # The object's path below the build folder: the same object in another scratch path still matches.
    patterns = [f"    *{_build_relative(section.object_file)}({section.name})" for section in unnamed]
    script = "SECTIONS {\n  .text : {\n" + "\n".join(patterns) + "\n  }\n}\nINSERT BEFORE .init;\n"
    return symbols, script


def _build_relative(object_file: str) -> str:
    match = re.search(r"/[^/]+\.build/", object_file)
    return object_file[match.start() :] if match else object_file


def _profile(binary: Path, work: Path) -> list[Path]:
    """Runs `serve` under callgrind; returns the dumps of start-up and of the requests."""
    import instructions

    # The profile's object is the stripped copy, "hikeshi-stripped" (see main).
    with instructions.callgrind_server(binary, work, ("--dump-instr=yes", "--demangle=no"), keep_debug=False) as server:
        dumps = [instructions.dump(server.proc.pid, work)]
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
        for request in instructions.fixtures(server).values():
            for _ in range(3):
                instructions.send(connection, request)
        connection.close()
        dumps.append(instructions.dump(server.proc.pid, work))
    return dumps


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary", type=Path)
    parser.add_argument("--map", type=Path, required=True, help="lld's -Map of the link that wrote BINARY")
    parser.add_argument("--out", type=Path, required=True, help="folder for symbols.txt and hot.ld")
    args = parser.parse_args()
    with args.map.open(errors="replace") as lines:
        sections = read_map(lines)
    if not sections:
        raise SystemExit(f"link_layout: no .text input sections in {args.map}")
    phases = []
    bias = None
    with tempfile.TemporaryDirectory(prefix="hikeshi-layout-") as work:
        for dump in _profile(args.binary.resolve(), Path(work)):
            with dump.open(errors="replace") as lines:
                functions = executed(lines, "hikeshi-stripped")
            bias = load_bias(sections, functions) if bias is None else bias
            phases.append(sections_run(sections, (address - bias for addresses in functions.values() for address in addresses)))
    symbols, script = layout(sections, phases)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "symbols.txt").write_text("\n".join(symbols) + "\n")
    (args.out / "hot.ld").write_text(script)
    ran = {index for phase in phases for index in phase}
    print(
        f"link layout: {len(ran)} of {len(sections)} code sections ran "
        f"({sum(sections[i].size for i in ran) / 1048576:.1f} of {sum(s.size for s in sections) / 1048576:.1f} MiB); "
        f"{len(symbols)} ordered by symbol, {len(ran) - len(symbols)} by section"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
