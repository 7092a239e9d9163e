// swift-tools-version: 6.0
// Coverage-guided fuzzing of the parsers that face the network, with libFuzzer. Built on its own (the fuzzer's
// instrumentation must not reach the server's build): see Scripts/fuzz.
import PackageDescription

let package = Package(
    name: "hikeshi-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "hikeshi", path: "..")
    ],
    targets: [
        .executableTarget(
            name: "HikeshiFuzz",
            dependencies: [
                .product(name: "HikeshiParsers", package: "hikeshi")
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        )
    ]
)
