"""Benchmarks/link_layout.py: reading lld's map and callgrind's instruction dump, and the layout it writes.

Scripts/build-release relies on it to place the code that runs next to itself; a parser that silently read nothing
would leave the release binary in source order (14 MiB more resident), so the pieces are checked here on small
inputs in the two tools' formats.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "Benchmarks"))

import link_layout  # noqa: E402

MAP = """\
             VMA              LMA     Size Align Out     In      Symbol
          9b4bf0           9b4bf0   1b7f8c    64 .text
          9b4bf0           9b4bf0       10    16         /b/release/Storage.build/JobQueue.swift.o:(.text..Lobjectdestroy.3)
          9b4c00           9b4c00       40    16         /b/release/App.build/Serve.swift.o:(.text.$s3App5ServeV3runyyYaKF)
          9b4c00           9b4c00       40     1                 $s3App5ServeV3runyyYaKF
          9b4c40           9b4c40       26    16         /b/release/HTTPTypes.build/HTTPRequest.swift.o:(.text..L__unnamed_6)
          9b4c70           9b4c70       30    16         /b/release/NIOCore.build/ByteBuffer.swift.o:(.text.$s7NIOCore10ByteBufferV4sizeSivg)
          9b4c70           9b4c70       30     1                 $s7NIOCore10ByteBufferV4sizeSivg
          9b4c70           9b4c70       30     1                 $s7NIOCore10ByteBufferV4sizeSivgAlias
          9b4ca0           9b4ca0       10    16         /b/release/Console.build/Page.swift.o:(.text.$s7Console4PageV6renderSSyF)
          9b4ca0           9b4ca0       10     1                 $s7Console4PageV6renderSSyF
         2b34000          2b34000      200    16 .rodata
         2b34000          2b34000      200     1         /b/release/App.build/Serve.swift.o:(.rodata.str1.1)
"""

# A callgrind dump (positions "instr line") of a server loaded 0x100000 above its link addresses: the server's object
# first named in a call (`cob=`) and later by number alone, relative positions both ways, `*` for "the same", and
# other objects' functions whose addresses would fall in the map if they were read as the server's.
DUMP = """\
version: 1
positions: instr line
events: Ir
ob=(1) /usr/lib/libc.so.6
fn=(9) start
0xab4c48 0 1
cob=(2) /tmp/x/hikeshi-stripped
cfn=(1) $s3App5ServeV3runyyYaKF
calls=1 0xab4c00 0
* 0 3
ob=(2)
fn=(1)
0xab4c00 0 3
+4 0 1
cfn=(3) $s7NIOCore10ByteBufferV4sizeSivg
calls=1 0xab4c70 0
+2 0 5
-4 0 1
* * 1
ob=(3) /usr/lib/libm.so.6
fn=(4) memcpy
0xab4ca0 0 9
ob=(2)
fn=(3)
0xab4c70 0 2
* 0 1
fn=(5) 0x0000000000ab4c48
0xab4c48 0 1
"""


def test_the_map_gives_each_text_input_section_with_its_symbols_and_nothing_else():
    sections = link_layout.read_map(MAP.splitlines(keepends=True))
    assert [(hex(s.start), s.size, s.name, s.symbols) for s in sections] == [
        ("0x9b4bf0", 0x10, ".text..Lobjectdestroy.3", []),  # placed first by the previous layout
        ("0x9b4c00", 0x40, ".text.$s3App5ServeV3runyyYaKF", ["$s3App5ServeV3runyyYaKF"]),
        ("0x9b4c40", 0x26, ".text..L__unnamed_6", []),
        ("0x9b4c70", 0x30, ".text.$s7NIOCore10ByteBufferV4sizeSivg", ["$s7NIOCore10ByteBufferV4sizeSivg", "$s7NIOCore10ByteBufferV4sizeSivgAlias"]),
        ("0x9b4ca0", 0x10, ".text.$s7Console4PageV6renderSSyF", ["$s7Console4PageV6renderSSyF"]),
    ]
    assert sections[2].object_file == "/b/release/HTTPTypes.build/HTTPRequest.swift.o"


def test_the_dump_gives_the_addresses_run_in_the_server_only_with_relative_positions_and_named_callees():
    found = link_layout.executed(DUMP.splitlines(keepends=True), "hikeshi-stripped")
    assert found["$s3App5ServeV3runyyYaKF"] == {0xAB4C00, 0xAB4C02, 0xAB4C04, 0xAB4C06}
    assert found["$s7NIOCore10ByteBufferV4sizeSivg"] == {0xAB4C70}
    assert found["0x0000000000ab4c48"] == {0xAB4C48}
    assert "memcpy" not in found and "start" not in found


def test_the_layout_puts_start_up_first_orders_named_sections_by_symbol_and_the_rest_by_object_and_section():
    sections = link_layout.read_map(MAP.splitlines(keepends=True))
    functions = link_layout.executed(DUMP.splitlines(keepends=True), "hikeshi-stripped")
    assert link_layout.load_bias(sections, functions) == 0x100000
    start_up = link_layout.sections_run(sections, [0x9B4C70])
    requests = link_layout.sections_run(sections, [0x9B4C48, 0x9B4C00, 0x9B4BF4, 0x9B4CA4, 0x9B4CB0, 0x2B34010])
    assert start_up == [3]
    assert requests == [0, 1, 2, 4]  # 0x9B4CB0 is past the last section's end; .rodata is not code
    symbols, script = link_layout.layout(sections, [start_up, requests])
    assert symbols == ["$s7NIOCore10ByteBufferV4sizeSivg", "$s3App5ServeV3runyyYaKF", "$s7Console4PageV6renderSSyF"]
    # Kept where the previous layout put it, and next to it the one still in .text.
    assert "    */Storage.build/JobQueue.swift.o(.text..Lobjectdestroy.3)\n    */HTTPTypes.build/HTTPRequest.swift.o(.text..L__unnamed_6)\n" in script
    assert script.count("(.text") == 2
    assert script.startswith("SECTIONS {\n  .text : {\n") and script.rstrip().endswith("INSERT BEFORE .init;")


def test_a_map_of_another_link_is_refused_rather_than_laid_out():
    sections = link_layout.read_map(MAP.splitlines(keepends=True))
    disagreeing = {"$s3App5ServeV3runyyYaKF": {0x9B4C00}, "$s7NIOCore10ByteBufferV4sizeSivg": {0x9B4C70 + 0x2000}}
    with pytest.raises(SystemExit, match="agree with the map"):
        link_layout.load_bias(sections, disagreeing)
    with pytest.raises(SystemExit, match="no function"):
        link_layout.load_bias(sections, {"$sOther": {0x10}})


def test_the_command_writes_both_files_from_the_profile(tmp_path, monkeypatch):
    (tmp_path / "map.txt").write_text(MAP.replace("/b/release/", "/work/x/.build/shipping/x86_64-unknown-linux-gnu/release/"))
    start_up, requests = tmp_path / "start.cg", tmp_path / "requests.cg"
    start_up.write_text(DUMP.split("ob=(3)")[0])  # start-up ran Serve.run and ByteBuffer.size only
    requests.write_text(DUMP)
    monkeypatch.setattr(link_layout, "_profile", lambda binary, work: [start_up, requests])
    monkeypatch.setattr(sys, "argv", ["link_layout.py", str(tmp_path / "hikeshi"), "--map", str(tmp_path / "map.txt"), "--out", str(tmp_path / "out")])
    assert link_layout.main() == 0
    symbols = (tmp_path / "out" / "symbols.txt").read_text().splitlines()
    assert symbols == ["$s3App5ServeV3runyyYaKF", "$s7NIOCore10ByteBufferV4sizeSivg"]
    script = (tmp_path / "out" / "hot.ld").read_text()
    assert "    */HTTPTypes.build/HTTPRequest.swift.o(.text..L__unnamed_6)\n" in script  # 0xab4c48, run while answering
    assert "/work/x" not in script
