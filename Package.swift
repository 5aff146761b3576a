// swift-tools-version:6.1
import PackageDescription

/// How both programs are linked on Linux.
/// - Every allocation of the process goes to mimalloc (Debian's libmimalloc-dev): a
///   build makes millions of small, short-lived objects on every core, and a
///   20,000-event build took about 8 s with glibc's malloc, 6 s with mimalloc.
/// - Release builds link with lld and pack their relative relocations (DT_RELR,
///   glibc 2.36): the statically linked Swift runtime has 130,000 of them, whose
///   1.9 MB table the loader read at every start (2 MB of a build's memory); packed,
///   it is 14 KB, and the program stays position-independent.
let programLinking: [LinkerSetting] = [
    .linkedLibrary("mimalloc", .when(platforms: [.linux])),
    .unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"], .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "Almanac",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "almanac", targets: ["almanac"]),
        .executable(name: "almanac-serve", targets: ["almanac-serve"]),
        .library(name: "AlmanacKit", targets: ["AlmanacKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // HummingbirdCore only, without its swift-configuration support (a trait), which Almanac does not use.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Debian's libcmark-dev, found through pkg-config (see Sources/CCmark/shim.h).
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        // Debian's libxml2-dev: its HTML parser reads generated pages for `almanac diff`.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // renameat2(RENAME_EXCHANGE): swaps the new output folder in for the old one in one step.
        .target(name: "CExchange"),
        // An arena allocator for cmark: one document's nodes and buffers, taken back at once.
        .target(name: "CMarkArena", dependencies: ["CCmark"]),
        // The pipeline: load, parse, link, render, write.
        .target(
            name: "AlmanacKit",
            dependencies: [
                "CCmark",
                "CExchange",
                "CMarkArena",
                "CLibXML2",
                "Yams",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            plugins: ["EmbedTheme"]
        ),
        // `almanac serve`: live preview over HTTP (HummingbirdCore on SwiftNIO), file watching
        // (inotify), live reload, each build in a child process (the engine's options only).
        .target(
            name: "AlmanacServe",
            dependencies: [
                "AlmanacKit",
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // What the two programs share: options, progress lines, exit status.
        .target(
            name: "AlmanacCommandLine",
            dependencies: ["AlmanacKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The thin command-line front end: every command; `serve` runs almanac-serve.
        .executableTarget(
            name: "almanac",
            dependencies: ["AlmanacKit", "AlmanacCommandLine", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            linkerSettings: programLinking
        ),
        // `almanac serve`. A program of its own: SwiftNIO's event loops and threads stay
        // out of every other command. It also runs each of the preview's builds, as a
        // child process of itself (PreviewBuildCommand), so that a crash in one cannot
        // take the server down.
        .executableTarget(
            name: "almanac-serve",
            dependencies: ["AlmanacKit", "AlmanacServe", "AlmanacCommandLine", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            linkerSettings: programLinking
        ),
        // Builds Templates/ (the default theme) into the binary.
        .executableTarget(name: "embed-theme", path: "Sources/EmbedThemeTool"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["embed-theme"]),
        // Builds a site made of fuzzing input and checks what must always hold (scripts/fuzz).
        .target(name: "AlmanacFuzzing", dependencies: ["AlmanacKit"]),
        .testTarget(
            name: "AlmanacKitTests",
            dependencies: ["AlmanacKit", "AlmanacFuzzing"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "AlmanacServeTests",
            dependencies: ["AlmanacServe", "AlmanacKit"]
        ),
    ]
)

// The libFuzzer target has no main of its own (libFuzzer brings it), so it is
// only declared when scripts/fuzz builds it.
// Only the pipeline and the target are instrumented: `swift build --sanitize=fuzzer`
// would link libFuzzer's main into every executable, the theme-embedding tool too.
// libFuzzer's library without its main: ALMANAC_FUZZER_LIB, which scripts/fuzz finds in the toolchain.
if Context.environment["ALMANAC_FUZZ"] == "1", let libFuzzer = Context.environment["ALMANAC_FUZZER_LIB"] {
    let fuzzer: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer", "-parse-as-library"])]
    for target in package.targets where ["AlmanacKit", "AlmanacFuzzing"].contains(target.name) {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(["-sanitize=fuzzer"])]
    }
    package.targets.append(.executableTarget(
        name: "almanac-fuzz", dependencies: ["AlmanacFuzzing"],
        swiftSettings: fuzzer, linkerSettings: [.unsafeFlags(["-Xlinker", libFuzzer, "-lstdc++"])]
    ))
}
