#!/usr/bin/env python3
"""Generates Swift shapes, service tables and handler protocols from botocore-style service models.

Usage:
    python3 Tools/shapegen/shapegen.py                 # regenerate every service in SERVICES
    python3 Tools/shapegen/shapegen.py ssm-contacts    # regenerate only the named services
    python3 Tools/shapegen/shapegen.py --no-format     # skip `swift format` afterwards

AWS's models are read from the installed botocore package
(`<botocore>/data/<service>/<version>/service-2.json.gz`) and are never copied into the
repository. Hikeshi's own API is described by a model kept in the repository
(`Models/<service>/<version>/service-2.json`, a service with `model_root="Models"`); the same
directory serves boto3 and the aws CLI through `AWS_DATA_PATH=Models`. The models'
`documentation` text is never emitted: every generated declaration gets a short doc comment
written here.

Output goes to `Sources/<Module>/Generated/`; stale `.swift` files there are removed.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field

# ---------------------------------------------------------------------------------------------
# Configuration: which botocore services become which Swift modules.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ServiceConfig:
    """One generated module."""

    service: str  # botocore service directory name, e.g. "ssm-contacts"
    module: str  # SwiftPM target, e.g. "SSMContactsModel"
    namespace: str  # Swift namespace enum, e.g. "SSMContacts"
    operations: tuple[str, ...] | None = None  # allow-list; None means every operation
    version: str | None = None  # model version; None means the newest installed
    # Directory (relative to the repository root) holding `<service>/<version>/service-2.json`;
    # None means the model comes from the installed botocore package.
    model_root: str | None = None
    # Handler groups: (name, regular expression over operation names), first match wins. With groups the
    # service is served by one handler per group (`<Namespace><Name>API`), each owned by the module that
    # does that work, instead of one handler that forwards; None means one `<Namespace>API` handler.
    handler_groups: tuple[tuple[str, str], ...] | None = None

    def model_path(self, version: str) -> str:
        """The model file for `version`, relative to the repository root (repository models only)."""
        assert self.model_root is not None
        return "/".join((self.model_root, self.service, version, "service-2.json"))


SSM_OPERATIONS = (
    # Documents (runbooks, analyses, analysis templates), their sharing and the tags of every ssm resource.
    "CreateDocument",
    "DeleteDocument",
    "DescribeDocument",
    "DescribeDocumentPermission",
    "GetDocument",
    "ListDocuments",
    "ListDocumentVersions",
    "ModifyDocumentPermission",
    "UpdateDocument",
    "UpdateDocumentDefaultVersion",
    "AddTagsToResource",
    "ListTagsForResource",
    "RemoveTagsFromResource",
    # Automation executions.
    "DescribeAutomationExecutions",
    "DescribeAutomationStepExecutions",
    "GetAutomationExecution",
    "SendAutomationSignal",
    "StartAutomationExecution",
    "StopAutomationExecution",
    # OpsCenter.
    "AssociateOpsItemRelatedItem",
    "CreateOpsItem",
    "DeleteOpsItem",
    "DescribeOpsItems",
    "DisassociateOpsItemRelatedItem",
    "GetOpsItem",
    "GetOpsSummary",
    "ListOpsItemEvents",
    "ListOpsItemRelatedItems",
    "UpdateOpsItem",
)

SERVICES: list[ServiceConfig] = [
    ServiceConfig("ssm-contacts", module="SSMContactsModel", namespace="SSMContacts"),
    ServiceConfig("ssm-incidents", module="SSMIncidentsModel", namespace="SSMIncidents"),
    ServiceConfig("support", module="SupportModel", namespace="Support"),
    ServiceConfig(
        "ssm", module="SSMModel", namespace="SSM", operations=SSM_OPERATIONS,
        handler_groups=(("OpsCenter", r"OpsItem|OpsSummary"), ("Automation", r"Automation"), ("Documents", r".")),
    ),
    # Hikeshi's own API; its model lives in the repository.
    ServiceConfig(
        "hikeshi", module="HikeshiModel", namespace="Hikeshi", model_root="Models",
        handler_groups=(("Integrations", r"Integration|ChatChannel"), ("Analysis", r"Analys"), ("Desk", r".")),
    ),
]

# Structures and unions per generated `Shapes*.swift` file (keeps files small for the compiler).
SHAPES_PER_FILE = 100

# ---------------------------------------------------------------------------------------------
# Swift naming.
# ---------------------------------------------------------------------------------------------

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

SWIFT_KEYWORDS = {
    "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate",
    "func", "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "private",
    "precedencegroup", "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias",
    "var", "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for",
    "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as", "await",
    "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "Type", "Protocol", "some",
    "any", "_",
}

# Type names that would shadow types the generated code itself uses.
RESERVED_TYPE_NAMES = {
    "String", "Int", "Double", "Bool", "Date", "Data", "Array", "Dictionary", "Optional", "Error",
    "Result", "Set", "Never", "Void", "Decoder", "Encoder", "CodingKey", "CodingKeys", "Sendable",
    "Equatable", "Hashable", "Codable", "Decodable", "Encodable", "CaseIterable", "RawRepresentable",
    "KeyedDecodingContainer", "Self", "Type", "Protocol", "Any",
}

# Parameters of `validate(into:path:)`; members with these names are referred to as `self.x` there.
LOCAL_NAMES = {"validator", "path"}


def escape_identifier(name: str) -> str:
    """Backticks Swift keywords."""
    return f"`{name}`" if name in SWIFT_KEYWORDS else name


def upper_first(name: str) -> str:
    """`desk`→`Desk`: a generic parameter named after a property."""
    return name[:1].upper() + name[1:]


def lower_camel(name: str) -> str:
    """`Alias`→`alias`, `ContactArn`→`contactArn`, `ARN`→`arn`, `IAMRole`→`iamRole`, `EC2Id`→`ec2Id`."""
    if not name:
        return name
    run = 0
    while run < len(name) and name[run].isupper():
        run += 1
    if run == 0:
        return name
    if run == len(name):
        return name.lower()
    if run == 1:
        return name[0].lower() + name[1:]
    if name[run].isdigit() or not name[run].isalpha():
        return name[:run].lower() + name[run:]
    # "IAMRole": the last capital starts the next word.
    return name[: run - 1].lower() + name[run - 1 :]


def words(value: str) -> list[str]:
    return [w for w in re.split(r"[^A-Za-z0-9]+", value) if w]


def enum_case_name(value: str) -> str:
    """`ONCALL_SCHEDULE`→`oncallSchedule`, `InProgress`→`inProgress`, `AWS::EC2::Instance`→`awsEc2Instance`."""
    parts = words(value)
    if not parts:
        return "empty"
    out = []
    for part in parts:
        if part.upper() == part:  # all capitals (or digits): one word
            part = part.lower().capitalize() if part[0].isalpha() else part.lower()
        else:
            part = part[0].upper() + part[1:]
        out.append(part)
    name = lower_camel("".join(out))
    if name[0].isdigit():
        name = "value" + name
    return name


def swift_string(text: str) -> str:
    """A plain Swift string literal."""
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\u{%x}" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def swift_raw_string(text: str) -> str:
    """A raw string literal (`#"..."#`) for regular expressions; falls back to escaping for control characters."""
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in text):
        return swift_string(text)
    hashes = "#"
    while ('"' + hashes) in text or ("\\" + hashes) in text:
        hashes += "#"
    return f'{hashes}"{text}"{hashes}'


def swift_number(value, integer: bool) -> str:
    if integer:
        return str(int(value))
    if float(value).is_integer():
        return str(int(value))
    return repr(float(value))


# ---------------------------------------------------------------------------------------------
# Model loading.
# ---------------------------------------------------------------------------------------------


def botocore_data_dir() -> str:
    import botocore  # noqa: PLC0415 - only needed to locate the models

    return os.path.join(os.path.dirname(botocore.__file__), "data")


def load_model(config: ServiceConfig) -> tuple[dict, str]:
    if config.model_root is not None:
        directory = os.path.join(REPO_ROOT, config.model_root, config.service)
    else:
        directory = os.path.join(botocore_data_dir(), config.service)
    version = config.version or sorted(v for v in os.listdir(directory) if os.path.isdir(os.path.join(directory, v)))[-1]
    if config.model_root is not None:
        with open(os.path.join(REPO_ROOT, config.model_path(version)), encoding="utf-8") as handle:
            return json.load(handle), version
    path = os.path.join(directory, version, "service-2.json.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle), version


# ---------------------------------------------------------------------------------------------
# Generation.
# ---------------------------------------------------------------------------------------------


class Emitter:
    """Collects lines with indentation."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.level = 0

    def line(self, text: str = "") -> None:
        self.lines.append(("    " * self.level + text) if text else "")

    def block(self, lines: list[str]) -> None:
        for text in lines:
            self.line(text)

    def indent(self) -> None:
        self.level += 1

    def dedent(self) -> None:
        self.level -= 1

    def text(self) -> str:
        return "\n".join(self.lines).rstrip() + "\n"


@dataclass
class Generator:
    config: ServiceConfig
    model: dict
    version: str
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.shapes: dict[str, dict] = self.model["shapes"]
        self.metadata: dict = self.model["metadata"]
        all_operations = self.model["operations"]
        if self.config.operations is None:
            names = sorted(all_operations)
        else:
            missing = [n for n in self.config.operations if n not in all_operations]
            if missing:
                raise SystemExit(f"{self.config.service}: unknown operations in allow-list: {missing}")
            names = sorted(self.config.operations)
        self.operations = [all_operations[n] for n in names]
        self.protocol = self.metadata.get("protocol")
        if self.protocol not in ("json", "rest-json"):
            raise SystemExit(f"{self.config.service}: unsupported protocol {self.protocol}")
        self.reachable = self.compute_reachable()
        self.type_names = self.compute_type_names()
        self.roles = self.compute_roles()
        self.checked = self.compute_checked()

    # -- analysis ------------------------------------------------------------------------------

    def children(self, name: str) -> list[str]:
        shape = self.shapes[name]
        kind = shape["type"]
        if kind == "structure":
            return [m["shape"] for m in shape.get("members", {}).values()]
        if kind == "list":
            return [shape["member"]["shape"]]
        if kind == "map":
            return [shape["key"]["shape"], shape["value"]["shape"]]
        return []

    def compute_reachable(self) -> set[str]:
        roots: list[str] = []
        for operation in self.operations:
            for key in ("input", "output"):
                if key in operation:
                    roots.append(operation[key]["shape"])
            roots.extend(e["shape"] for e in operation.get("errors", []))
        if self.config.operations is None:
            # Every exception of the service, even ones no operation lists.
            roots.extend(n for n, s in self.shapes.items() if s.get("exception"))
        seen: set[str] = set()
        stack = list(roots)
        while stack:
            name = stack.pop()
            if name in seen:
                continue
            seen.add(name)
            stack.extend(self.children(name))
        return seen

    def is_generated_type(self, name: str) -> bool:
        shape = self.shapes[name]
        if shape["type"] == "structure":
            return not shape.get("document")  # documents are AWSJSONValue
        return shape["type"] == "string" and "enum" in shape

    def compute_type_names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        taken: set[str] = set()
        for name in sorted(self.reachable):
            if not self.is_generated_type(name):
                continue
            swift = re.sub(r"[^A-Za-z0-9_]", "_", name)
            swift = swift[0].upper() + swift[1:]
            if swift in RESERVED_TYPE_NAMES or swift == self.config.namespace:
                swift += "Shape"
                self.warnings.append(f"shape {name} renamed to {swift} (reserved name)")
            while swift in taken:
                swift += "_"
            taken.add(swift)
            names[name] = swift
        return names

    def compute_roles(self) -> dict[str, str]:
        roles: dict[str, str] = {}
        for operation in self.operations:
            if "input" in operation:
                roles.setdefault(operation["input"]["shape"], f"Input of `{operation['name']}`.")
            if "output" in operation:
                roles.setdefault(operation["output"]["shape"], f"Output of `{operation['name']}`.")
        return roles

    def scalar_checks(self, shape: dict) -> bool:
        kind = shape["type"]
        if kind == "string":
            return "enum" not in shape and ("min" in shape or "max" in shape or "pattern" in shape)
        if kind in ("integer", "long", "double", "float", "blob"):
            return "min" in shape or "max" in shape
        return False

    def compute_checked(self) -> set[str]:
        """Shapes whose values have something to validate (fixpoint over recursive shapes)."""
        checked: set[str] = set()
        changed = True
        while changed:
            changed = False
            for name in self.reachable:
                if name in checked:
                    continue
                shape = self.shapes[name]
                kind = shape["type"]
                if shape.get("exception") or shape.get("document"):
                    result = False
                elif kind in ("structure", "list", "map"):
                    result = any(c in checked for c in self.children(name))
                    if kind in ("list", "map") and ("min" in shape or "max" in shape):
                        result = True
                    if kind == "map" and "enum" in self.shapes[shape["key"]["shape"]]:
                        result = True  # keys are plain strings in Swift; their enum set is checked
                else:
                    result = self.scalar_checks(shape)
                if result:
                    checked.add(name)
                    changed = True
        return checked

    # -- types ---------------------------------------------------------------------------------

    def swift_type(self, name: str) -> str:
        shape = self.shapes[name]
        kind = shape["type"]
        if kind == "structure":
            if shape.get("document"):
                return "AWSJSONValue"
            return self.type_names[name]
        if kind == "string":
            return self.type_names[name] if "enum" in shape else "String"
        if kind in ("integer", "long"):
            return "Int"
        if kind in ("double", "float"):
            return "Double"
        if kind == "boolean":
            return "Bool"
        if kind == "timestamp":
            return "Date"
        if kind == "blob":
            if shape.get("streaming"):
                self.warnings.append(f"streaming blob {name} treated as Data")
            return "Data"
        if kind == "list":
            return f"[{self.swift_type(shape['member']['shape'])}]"
        if kind == "map":
            key = self.shapes[shape["key"]["shape"]]
            if key["type"] != "string":
                raise SystemExit(f"{self.config.service}: map {name} has non-string keys")
            return f"[String: {self.swift_type(shape['value']['shape'])}]"
        if kind == "document":
            return "AWSJSONValue"
        raise SystemExit(f"{self.config.service}: unsupported shape type {kind} ({name})")

    def member_names(self, shape: dict) -> dict[str, str]:
        """Wire member name → Swift identifier (unescaped), unique within the shape."""
        out: dict[str, str] = {}
        used: set[str] = set()
        for member in shape.get("members", {}):
            swift = lower_camel(re.sub(r"[^A-Za-z0-9_]", "_", member))
            if swift[0].isdigit():
                swift = "m" + swift
            while swift in used:
                swift += "Value"
            used.add(swift)
            out[member] = swift
        return out

    # -- validation ----------------------------------------------------------------------------

    def checks(self, name: str, expr: str, path: str) -> list[str]:
        """Statements validating the value `expr` (of shape `name`, possibly optional) at `path`."""
        shape = self.shapes[name]
        kind = shape["type"]
        lines: list[str] = []
        if name not in self.checked:
            return lines
        if kind == "string":
            if "min" in shape or "max" in shape:
                lines.append(f"validator.length({expr}, min: {self.bound(shape, 'min')}, max: {self.bound(shape, 'max')}, at: {path})")
            if "pattern" in shape:
                lines.append(f"validator.pattern({expr}, {swift_raw_string(shape['pattern'])}, at: {path})")
        elif kind in ("integer", "long"):
            lines.append(f"validator.range({expr}, min: {self.bound(shape, 'min')}, max: {self.bound(shape, 'max')}, at: {path})")
        elif kind in ("double", "float"):
            lines.append(
                f"validator.range({expr}, min: {self.bound(shape, 'min', False)}, max: {self.bound(shape, 'max', False)}, at: {path})"
            )
        elif kind == "blob":
            lines.append(f"validator.length({expr}, min: {self.bound(shape, 'min')}, max: {self.bound(shape, 'max')}, at: {path})")
        elif kind == "structure":
            lines.append(f"validator.nested({expr}, at: {path})")
        elif kind == "list":
            if "min" in shape or "max" in shape:
                lines.append(f"validator.length({expr}, min: {self.bound(shape, 'min')}, max: {self.bound(shape, 'max')}, at: {path})")
            element = shape["member"]["shape"]
            if element in self.checked:
                if self.shapes[element]["type"] == "structure":
                    lines.append(f"validator.each({expr}, at: {path})")
                else:
                    inner = self.checks(element, "element", "path")
                    lines.append(f"validator.each({expr}, at: {path}) {{ validator, element, path in")
                    lines.extend("    " + s for s in inner)
                    lines.append("}")
        elif kind == "map":
            if "min" in shape or "max" in shape:
                lines.append(f"validator.length({expr}, min: {self.bound(shape, 'min')}, max: {self.bound(shape, 'max')}, at: {path})")
            key_lines = self.checks(shape["key"]["shape"], "key", "path")
            key_shape = self.shapes[shape["key"]["shape"]]
            if "enum" in key_shape:
                key_lines.append(f"validator.enumValue(key, of: {self.type_names[shape['key']['shape']]}.self, at: path)")
            value_lines = self.checks(shape["value"]["shape"], "value", "path")
            if key_lines or value_lines:
                key = "key" if key_lines else "_"
                value = "value" if value_lines else "_"
                lines.append(f"validator.each({expr}, at: {path}) {{ validator, {key}, {value}, path in")
                lines.extend("    " + s for s in key_lines + value_lines)
                lines.append("}")
        if shape.get("sensitive") and lines:
            lines = ["validator.redacting { validator in"] + ["    " + s for s in lines] + ["}"]
        return lines

    @staticmethod
    def bound(shape: dict, key: str, integer: bool = True) -> str:
        if key not in shape:
            return "nil"
        return swift_number(shape[key], integer)

    # -- files ---------------------------------------------------------------------------------

    def source(self) -> str:
        """Where the model came from, for comments: `botocore's support 2013-04-15 model`."""
        if self.config.model_root is not None:
            return self.config.model_path(self.version)
        return f"botocore's {self.config.service} {self.version} model"

    def header(self) -> list[str]:
        return [
            f"// Generated by Tools/shapegen/shapegen.py from {self.source()}. Do not edit.",
            "",
        ]

    def file(self, imports: list[str], body: Emitter) -> str:
        lines = self.header()
        for module in sorted(imports):
            lines.append(f"import {module}")
        lines.append("")
        return "\n".join(lines) + "\n" + body.text()

    def namespace_file(self) -> str:
        out = Emitter()
        ns = self.config.namespace
        if self.config.model_root is not None:
            origin = self.config.model_path(self.version)
        else:
            origin = "botocore's model"
        out.line(f"/// Shapes, operations and errors of {self.config.service} ({self.version}), generated from {origin}.")
        out.line(f"public enum {ns} {{}}")
        return self.file(["AWSProtocol"], out)

    def enums_file(self, names: list[str]) -> str:
        out = Emitter()
        out.line(f"extension {self.config.namespace} {{")
        out.indent()
        for index, name in enumerate(names):
            if index:
                out.line()
            self.emit_enum(out, name)
        out.dedent()
        out.line("}")
        return self.file(["AWSProtocol"], out)

    def emit_enum(self, out: Emitter, name: str) -> None:
        shape = self.shapes[name]
        swift = self.type_names[name]
        out.line(f"/// The `{name}` enumeration.")
        out.line(f"public enum {swift}: String, AWSEnum {{")
        out.indent()
        used: set[str] = set()
        for value in shape["enum"]:
            case = enum_case_name(value)
            base = case
            counter = 2
            while case in used:
                case = f"{base}{counter}"
                counter += 1
            if case != base:
                self.warnings.append(f"enum {name}: value {value!r} named {case}")
            used.add(case)
            out.line(f"/// `{value}`.")
            out.line(f"case {escape_identifier(case)} = {swift_string(value)}")
        out.dedent()
        out.line("}")

    def shapes_file(self, names: list[str]) -> str:
        out = Emitter()
        out.line(f"extension {self.config.namespace} {{")
        out.indent()
        for index, name in enumerate(names):
            if index:
                out.line()
            shape = self.shapes[name]
            if shape.get("union"):
                self.emit_union(out, name)
            else:
                self.emit_structure(out, name)
        out.dedent()
        out.line("}")
        return self.file(["AWSProtocol", "Foundation"], out)

    def shape_doc(self, name: str) -> str:
        shape = self.shapes[name]
        if shape.get("exception"):
            return f"The `{name}` error."
        if name in self.roles:
            return self.roles[name]
        if shape.get("union"):
            return f"The `{name}` union: exactly one member is set."
        return f"The `{name}` structure."

    def emit_structure(self, out: Emitter, name: str) -> None:
        shape = self.shapes[name]
        swift = self.type_names[name]
        members = shape.get("members", {})
        required = set(shape.get("required", []))
        names = self.member_names(shape)
        out.line(f"/// {self.shape_doc(name)}")
        out.line(f"public struct {swift}: AWSShape, Equatable {{")
        out.indent()
        params = []
        for member, spec in members.items():
            is_optional = member not in required or spec.get("idempotencyToken")
            type_name = self.swift_type(spec["shape"]) + ("?" if is_optional else "")
            ident = escape_identifier(names[member])
            out.line(f"/// The `{member}` member.")
            out.line(f"public var {ident}: {type_name}")
            params.append(f"{ident}: {type_name}" + (" = nil" if is_optional else ""))
        if members:
            out.line()
        out.line(f"/// Creates a `{name}`.")
        if not members:
            out.line("public init() {}")
        else:
            signature = f"public init({', '.join(params)}) {{"
            if len(signature) + 4 * out.level <= 150:
                out.line(signature)
            else:
                out.line("public init(")
                out.indent()
                for index, param in enumerate(params):
                    out.line(param + ("," if index < len(params) - 1 else ""))
                out.dedent()
                out.line(") {")
            out.indent()
            for member in members:
                ident = escape_identifier(names[member])
                out.line(f"self.{ident} = {ident}")
            out.dedent()
            out.line("}")
            out.line()
            out.line("private enum CodingKeys: String, CodingKey {")
            out.indent()
            for member in members:
                out.line(f"case {escape_identifier(names[member])} = {swift_string(member)}")
            out.dedent()
            out.line("}")
        out.line()
        out.line("/// Writes the JSON wire form, member by member (members that are nil are left out).")
        out.line("public func writeJSON(to writer: inout AWSJSONWriter) {")
        out.indent()
        out.line("writer.beginObject()")
        for member in members:
            out.line(f"writer.member({swift_string(member)}, self.{escape_identifier(names[member])})")
        out.line("writer.endObject()")
        out.dedent()
        out.line("}")
        if name in self.checked and not shape.get("exception"):
            out.line()
            out.line("/// Records every constraint of the model that this value breaks.")
            out.line("public func validate(into validator: inout AWSValidator, path: AWSFieldPath) {")
            out.indent()
            for member, spec in members.items():
                ident = names[member]
                expr = f"self.{escape_identifier(ident)}" if ident in LOCAL_NAMES else escape_identifier(ident)
                out.block(self.checks(spec["shape"], expr, f"path.appending({swift_string(member)})"))
            out.dedent()
            out.line("}")
        out.dedent()
        out.line("}")

    def is_recursive(self, name: str) -> bool:
        """Whether a union contains itself without a list or map in between."""
        seen: set[str] = set()
        stack = [m["shape"] for m in self.shapes[name].get("members", {}).values()]
        while stack:
            current = stack.pop()
            if current == name:
                return True
            if current in seen or self.shapes[current]["type"] != "structure":
                continue
            seen.add(current)
            stack.extend(m["shape"] for m in self.shapes[current].get("members", {}).values())
        return False

    def emit_union(self, out: Emitter, name: str) -> None:
        shape = self.shapes[name]
        swift = self.type_names[name]
        members = shape.get("members", {})
        names = self.member_names(shape)
        indirect = "indirect " if self.is_recursive(name) else ""
        out.line(f"/// {self.shape_doc(name)}")
        out.line(f"public {indirect}enum {swift}: AWSShape, Equatable {{")
        out.indent()
        for member, spec in members.items():
            out.line(f"/// The `{member}` member.")
            out.line(f"case {escape_identifier(names[member])}({self.swift_type(spec['shape'])})")
        out.line()
        out.line("private enum CodingKeys: String, CodingKey {")
        out.indent()
        for member in members:
            out.line(f"case {escape_identifier(names[member])} = {swift_string(member)}")
        out.dedent()
        out.line("}")
        out.line()
        out.line("/// Decodes the one member that is set; none or several is a validation error.")
        out.line("public init(from decoder: any Decoder) throws {")
        out.indent()
        out.line("let container = try decoder.container(keyedBy: CodingKeys.self)")
        out.line("switch try container.awsUnionMember() {")
        for member, spec in members.items():
            ident = escape_identifier(names[member])
            out.line(f"case .{ident}:")
            out.line(f"    self = .{ident}(try container.decode({self.swift_type(spec['shape'])}.self, forKey: .{ident}))")
        out.line("}")
        out.dedent()
        out.line("}")
        out.line()
        out.line("/// Encodes the member that is set.")
        out.line("public func encode(to encoder: any Encoder) throws {")
        out.indent()
        out.line("var container = encoder.container(keyedBy: CodingKeys.self)")
        out.line("switch self {")
        for member in members:
            ident = escape_identifier(names[member])
            out.line(f"case .{ident}(let value):")
            out.line(f"    try container.encode(value, forKey: .{ident})")
        out.line("}")
        out.dedent()
        out.line("}")
        out.line()
        out.line("/// Writes the member that is set, as a one-member object.")
        out.line("public func writeJSON(to writer: inout AWSJSONWriter) {")
        out.indent()
        out.line("writer.beginObject()")
        out.line("switch self {")
        for member in members:
            ident = escape_identifier(names[member])
            out.line(f"case .{ident}(let value):")
            out.line(f"    writer.member({swift_string(member)}, value)")
        out.line("}")
        out.line("writer.endObject()")
        out.dedent()
        out.line("}")
        if name in self.checked and not shape.get("exception"):
            out.line()
            out.line("/// Records every constraint of the model that the member's value breaks.")
            out.line("public func validate(into validator: inout AWSValidator, path: AWSFieldPath) {")
            out.indent()
            out.line("switch self {")
            unchecked = []
            for member, spec in members.items():
                ident = escape_identifier(names[member])
                lines = self.checks(spec["shape"], "value", f"path.appending({swift_string(member)})")
                if not lines:
                    unchecked.append(ident)
                    continue
                out.line(f"case .{ident}(let value):")
                out.indent()
                out.block(lines)
                out.dedent()
            if unchecked:
                out.line(f"case {', '.join('.' + u for u in unchecked)}:")
                out.line("    break")
            out.line("}")
            out.dedent()
            out.line("}")
        out.dedent()
        out.line("}")

    # -- service table -------------------------------------------------------------------------

    def scalar_kind(self, name: str, where: str) -> str:
        shape = self.shapes[name]
        kind = shape["type"]
        if kind == "string":
            return ".string"
        if kind in ("integer", "long"):
            return ".integer"
        if kind in ("double", "float"):
            return ".double"
        if kind == "boolean":
            return ".boolean"
        if kind == "timestamp":
            return ".timestamp"
        if kind == "list" and self.shapes[shape["member"]["shape"]]["type"] == "string":
            return ".stringList"
        self.warnings.append(f"{where}: binding of {kind} shape {name} not supported; treated as string")
        return ".string"

    def bindings(self, operation: dict) -> list[str]:
        if self.protocol != "rest-json" or "input" not in operation:
            return []
        shape = self.shapes[operation["input"]["shape"]]
        out = []
        for member, spec in shape.get("members", {}).items():
            location = spec.get("location")
            if not location:
                continue
            wire = spec.get("locationName", member)
            case = {"uri": "uri", "querystring": "query", "header": "header"}.get(location)
            if case is None:
                self.warnings.append(f"{operation['name']}.{member}: location {location} not supported")
                continue
            kind = self.scalar_kind(spec["shape"], f"{operation['name']}.{member}")
            out.append(f"AWSMemberBinding(member: {swift_string(member)}, location: .{case}({swift_string(wire)}), kind: {kind})")
        return out

    def error_shapes(self) -> list[str]:
        return sorted(n for n in self.reachable if self.shapes[n].get("exception"))

    def model_file(self) -> str:
        out = Emitter()
        ns = self.config.namespace
        md = self.metadata
        endpoint = md["endpointPrefix"]
        signing = md.get("signingName", endpoint)
        if self.protocol == "json":
            wire = f".json(targetPrefix: {swift_string(md['targetPrefix'])})"
        else:
            wire = ".restJSON"
        out.line(f"extension {ns} {{")
        out.indent()
        out.line(f"/// The wire description of {self.config.service}: protocol, operations and errors.")
        out.line("public static let model = AWSServiceModel(")
        out.indent()
        out.line(f"endpointPrefix: {swift_string(endpoint)},")
        out.line(f"signingName: {swift_string(signing)},")
        out.line(f"apiVersion: {swift_string(md['apiVersion'])},")
        out.line(f"wireProtocol: {wire},")
        out.line("operations: operationModels,")
        out.line("errors: errorModels")
        out.dedent()
        out.line(")")
        out.line()
        out.line("private static let operationModels: [AWSOperationModel] = [")
        out.indent()
        for operation in self.operations:
            http = operation.get("http", {})
            errors = ", ".join(swift_string(e["shape"]) for e in operation.get("errors", []))
            bindings = self.bindings(operation)
            out.line("AWSOperationModel(")
            out.indent()
            out.line(f"name: {swift_string(operation['name'])},")
            out.line(f"method: {swift_string(http.get('method', 'POST'))},")
            out.line(f"requestURI: {swift_string(http.get('requestUri', '/'))},")
            out.line(f"successStatus: {int(http.get('responseCode', 200))},")
            if bindings:
                out.line(f"errors: [{errors}],")
                out.line("bindings: [")
                out.indent()
                for binding in bindings:
                    out.line(binding + ",")
                out.dedent()
                out.line("]")
            else:
                out.line(f"errors: [{errors}]")
            out.dedent()
            out.line("),")
        out.dedent()
        out.line("]")
        out.line()
        out.line("private static let errorModels: [AWSErrorModel] = [")
        out.indent()
        for name in self.error_shapes():
            shape = self.shapes[name]
            error = shape.get("error", {})
            fault = bool(shape.get("fault"))
            status = int(error.get("httpStatusCode", 500 if fault else 400))
            sender = error.get("senderFault", not fault)
            members = ", ".join(swift_string(member) for member in shape.get("members", {}) if member.lower() != "message")
            out.line(
                f"AWSErrorModel(code: {swift_string(name)}, status: {status}, senderFault: {'true' if sender else 'false'}, members: [{members}]),"
            )
        out.dedent()
        out.line("]")
        out.dedent()
        out.line("}")
        return self.file(["AWSProtocol"], out)

    # -- handler protocol and service ------------------------------------------------------------

    def io_type(self, operation: dict, key: str) -> str:
        if key in operation:
            return f"{self.config.namespace}.{self.type_names[operation[key]['shape']]}"
        return "AWSEmptyShape"

    def method_name(self, operation: dict) -> str:
        return escape_identifier(lower_camel(operation["name"]))

    def handler_groups(self) -> list[tuple[str, str, list[dict]]]:
        """(protocol, property, operations) for each handler of the service."""
        ns = self.config.namespace
        if not self.config.handler_groups:
            return [(f"{ns}API", "handler", list(self.operations))]
        groups: list[tuple[str, str, list[dict]]] = [
            (f"{ns}{name}API", lower_camel(name), []) for name, _ in self.config.handler_groups
        ]
        for operation in self.operations:
            index = next(i for i, (_, pattern) in enumerate(self.config.handler_groups) if re.search(pattern, operation["name"]))
            groups[index][2].append(operation)
        return groups

    def api_file(self) -> str:
        out = Emitter()
        for number, (protocol, _, operations) in enumerate(self.handler_groups()):
            if number:
                out.line()
            if self.config.handler_groups:
                out.line(f"/// Operations of {self.config.service} served by one handler; a handler implements the ones it supports.")
            else:
                out.line(f"/// The operations of {self.config.service}; a handler implements the ones it supports.")
            out.line(f"public protocol {protocol}: Sendable {{")
            out.indent()
            for index, operation in enumerate(operations):
                if index:
                    out.line()
                out.line(f"/// Runs `{operation['name']}`.")
                out.line(self.method_signature(operation, out.level))
            out.dedent()
            out.line("}")
            if self.config.handler_groups:
                # Each group has one owner that implements all of it: no defaults, so a missing or mismatched
                # method is a compile error rather than an UnknownOperationException at run time.
                continue
            out.line()
            out.line(f"extension {protocol} {{")
            out.indent()
            for index, operation in enumerate(operations):
                if index:
                    out.line()
                out.line(f"/// Throws `UnknownOperationException` until the handler implements `{operation['name']}`.")
                out.line("public " + self.method_signature(operation, out.level, public=True) + " {")
                out.line(f"    throw AWSError.notImplemented({swift_string(operation['name'])})")
                out.line("}")
            out.dedent()
            out.line("}")
        return self.file(["AWSProtocol"], out)

    def method_signature(self, operation: dict, level: int, public: bool = False) -> str:
        name = self.method_name(operation)
        text = (
            f"func {name}(_ input: {self.io_type(operation, 'input')}, context: AWSRequestContext) async throws"
            f" -> {self.io_type(operation, 'output')}"
        )
        if len(text) + 4 * level + (7 if public else 0) + 2 > 150:
            text = (
                f"func {name}(\n{'    ' * (level + 1)}_ input: {self.io_type(operation, 'input')},\n"
                f"{'    ' * (level + 1)}context: AWSRequestContext\n{'    ' * level}) async throws -> {self.io_type(operation, 'output')}"
            )
        return text

    def service_file(self) -> str:
        out = Emitter()
        ns = self.config.namespace
        groups = self.handler_groups()
        owner = {operation["name"]: prop for _, prop, operations in groups for operation in operations}
        if self.config.handler_groups:
            generics = ", ".join(f"{upper_first(prop)}: {protocol}" for protocol, prop, _ in groups)
            out.line(f"/// Routes {self.config.service} operations to the handler of their group.")
            out.line(f"public struct {ns}Service<{generics}>: AWSServiceHandler {{")
            out.indent()
            for protocol, prop, _ in groups:
                out.line(f"/// The handler of the `{protocol}` operations.")
                out.line(f"public let {prop}: {upper_first(prop)}")
            out.line()
            out.line("/// Creates the service around one handler per group.")
            out.line(f"public init({', '.join(f'{prop}: {upper_first(prop)}' for _, prop, _ in groups)}) {{")
            for _, prop, _ in groups:
                out.line(f"    self.{prop} = {prop}")
            out.line("}")
        else:
            out.line(f"/// Routes {self.config.service} operations to a `{ns}API` handler.")
            out.line(f"public struct {ns}Service<Handler: {ns}API>: AWSServiceHandler {{")
            out.indent()
            out.line("/// The handler that implements the operations.")
            out.line("public let handler: Handler")
            out.line()
            out.line("/// Creates the service around a handler.")
            out.line("public init(handler: Handler) {")
            out.line("    self.handler = handler")
            out.line("}")
        out.line()
        out.line(f"/// The wire description of {self.config.service}.")
        out.line(f"public var model: AWSServiceModel {{ {ns}.model }}")
        out.line()
        out.line("/// Decodes and validates the input of `operation`, runs it and returns its output.")
        out.line("public func handle(operation: String, input: AWSInput, context: AWSRequestContext) async throws -> any AWSShape {")
        out.indent()
        out.line("switch operation {")
        for operation in self.operations:
            name = operation["name"]
            method = self.method_name(operation)
            if "input" in operation:
                argument = f"input.decode({self.io_type(operation, 'input')}.self)"
            else:
                argument = "input.decode(AWSEmptyShape.self)"
            out.line(f"case {swift_string(name)}:")
            out.line(f"    return try await {owner[name]}.{method}({argument}, context: context)")
        out.line("default:")
        out.line("    throw AWSError.unknownOperation(operation)")
        out.line("}")
        out.dedent()
        out.line("}")
        out.dedent()
        out.line("}")
        return self.file(["AWSProtocol"], out)

    # -- driver --------------------------------------------------------------------------------

    def files(self) -> dict[str, str]:
        for name in self.reachable:
            shape = self.shapes[name]
            if shape["type"] not in ("structure", "string", "integer", "long", "double", "float", "boolean", "timestamp", "blob", "list", "map"):
                self.warnings.append(f"shape {name}: unsupported type {shape['type']}")
            for key in ("eventstream", "streaming", "payload", "jsonvalue", "timestampFormat", "hostLabel"):
                if key in shape:
                    self.warnings.append(f"shape {name}: `{key}` not handled")
            for member, spec in shape.get("members", {}).items():
                for key in ("eventstream", "streaming", "jsonvalue", "timestampFormat", "hostLabel", "queryName", "xmlName"):
                    if key in spec:
                        self.warnings.append(f"member {name}.{member}: `{key}` not handled")
                if spec.get("location") and self.protocol == "rest-json":
                    if not any("input" in op and op["input"]["shape"] == name for op in self.operations):
                        self.warnings.append(f"member {name}.{member}: location {spec['location']} outside an input is ignored")
        ns = self.config.namespace
        files = {f"{ns}.swift": self.namespace_file()}
        enums = sorted((n for n in self.type_names if self.shapes[n]["type"] == "string"), key=lambda n: self.type_names[n])
        if enums:
            files["Enums.swift"] = self.enums_file(enums)
        structures = sorted(
            (n for n in self.type_names if self.shapes[n]["type"] == "structure" and not self.shapes[n].get("document")),
            key=lambda n: self.type_names[n],
        )
        count = max(1, -(-len(structures) // SHAPES_PER_FILE))  # ceil, then balance the chunks
        size = -(-len(structures) // count) if structures else 0
        chunks = [structures[i : i + size] for i in range(0, len(structures), size)] if structures else []
        for index, chunk in enumerate(chunks, start=1):
            suffix = str(index) if len(chunks) > 1 else ""
            files[f"Shapes{suffix}.swift"] = self.shapes_file(chunk)
        files["Model.swift"] = self.model_file()
        files[f"{ns}API.swift"] = self.api_file()
        files[f"{ns}Service.swift"] = self.service_file()
        return files


def write_module(config: ServiceConfig, files: dict[str, str]) -> str:
    directory = os.path.join(REPO_ROOT, "Sources", config.module, "Generated")
    os.makedirs(directory, exist_ok=True)
    for existing in os.listdir(directory):
        if existing.endswith(".swift") and existing not in files:
            os.remove(os.path.join(directory, existing))
    for name, text in files.items():
        with open(os.path.join(directory, name), "w", encoding="utf-8") as handle:
            handle.write(text)
    return directory


def swift_format(directories: list[str]) -> int:
    swift = shutil.which("swift")
    if swift is None:
        print("swift not on PATH; skipping swift format", file=sys.stderr)
        return 0
    configuration = os.path.join(REPO_ROOT, ".swift-format")
    base = [swift, "format"]
    subprocess.run(base + ["format", "--configuration", configuration, "--in-place", "--recursive", *directories], check=True)
    result = subprocess.run(base + ["lint", "--strict", "--configuration", configuration, "--recursive", *directories])
    return result.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("services", nargs="*", help="service names to regenerate, e.g. ssm-contacts (default: all configured)")
    parser.add_argument("--no-format", action="store_true", help="do not run `swift format` on the output")
    args = parser.parse_args()
    known = {c.service: c for c in SERVICES}
    unknown = [s for s in args.services if s not in known]
    if unknown:
        parser.error(f"not configured: {', '.join(unknown)}")
    configs = [known[s] for s in args.services] if args.services else SERVICES
    directories = []
    for config in configs:
        model, version = load_model(config)
        generator = Generator(config, model, version)
        files = generator.files()
        directory = write_module(config, files)
        directories.append(directory)
        print(f"{config.service} {version} -> {os.path.relpath(directory, REPO_ROOT)}: {len(generator.operations)} operations, "
              f"{len(generator.type_names)} types, {len(files)} files")
        for warning in generator.warnings:
            print(f"  warning: {warning}")
    if not args.no_format:
        return swift_format(directories)
    return 0


if __name__ == "__main__":
    sys.exit(main())
