// swift-tools-version:6.0
// Wallboard: a police control-room call-floor wallboard for Raspberry-Pi-class Linux boards.
// No package dependencies: Foundation, Dispatch, Glibc, and libdrm + FreeType through system-library shims.
import PackageDescription

let package = Package(
    name: "Wallboard",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "wallboard", targets: ["wallboard"]),
        .executable(name: "wallboardctl", targets: ["wallboardctl"]),
        .executable(name: "wallboard-publish", targets: ["wallboard-publish"]),
    ],
    targets: [
        // C libraries, declarations only (see each shim.h).
        .systemLibrary(
            name: "CDRM", path: "Sources/CDRM", pkgConfig: "libdrm",
            providers: [.apt(["libdrm-dev"])]),
        .systemLibrary(
            name: "CFreeType", path: "Sources/CFreeType", pkgConfig: "freetype2",
            providers: [.apt(["libfreetype-dev"])]),

        // <wchar.h> (libc; Swift's Glibc module leaves it out): wmemset fills rows of 32-bit pixels.
        .systemLibrary(name: "CWideChar", path: "Sources/CWideChar"),

        // The process's argv without /proc (Swift's CommandLine reads /proc/self/cmdline on Linux).
        .target(name: "CProcessArguments"),

        // Pure logic: feed codec, board state, alarms, config, layout, scene, simulator. No I/O.
        .target(
            name: "WallboardCore",
            exclude: ["Feed/PROTOCOL.md"]),
        // Pixels: canvas, FreeType glyph cache, painter, PNG writer.
        .target(name: "WallboardRender", dependencies: ["WallboardCore", "CFreeType", "CWideChar"]),
        // The edges: sockets, displays, control socket, signals, sd_notify, atomic files.
        .target(name: "WallboardSystem", dependencies: ["WallboardCore", "WallboardRender", "CDRM", "CProcessArguments"]),

        .executableTarget(name: "wallboard", dependencies: ["WallboardCore", "WallboardRender", "WallboardSystem"]),
        .executableTarget(name: "wallboardctl", dependencies: ["WallboardCore", "WallboardRender", "WallboardSystem"]),
        .executableTarget(name: "wallboard-publish", dependencies: ["WallboardCore", "WallboardSystem"]),
        // Display probe for the QEMU harness (Deploy/qemu): draws a test pattern on DRM/fbdev, checks screendumps.
        .executableTarget(
            name: "wallboard-displaytest", dependencies: ["WallboardCore", "WallboardRender", "WallboardSystem", "CDRM"]),
        // Benchmarks: `swift run -c release wallboard-bench NAME`.
        .executableTarget(
            name: "wallboard-bench", dependencies: ["WallboardCore", "WallboardRender", "WallboardSystem"]),

        // Test-only code (a PNG reader with its own inflater, config edits only tests make): no product links it.
        .target(
            name: "WallboardTestSupport", dependencies: ["WallboardCore", "WallboardRender", "WallboardSystem"],
            path: "Tests/WallboardTestSupport"),

        .testTarget(name: "WallboardCoreTests", dependencies: ["WallboardCore", "WallboardTestSupport"]),
        .testTarget(
            name: "WallboardRenderTests", dependencies: ["WallboardCore", "WallboardRender", "WallboardTestSupport"],
            resources: [.copy("Golden")]),
        .testTarget(name: "WallboardSystemTests", dependencies: ["WallboardCore", "WallboardRender", "WallboardSystem", "WallboardTestSupport"]),
        // AsteriskSessions: recorded manager-interface bytes the Asterisk bridge tests replay (read by path).
        .testTarget(
            name: "EndToEndTests", dependencies: ["WallboardCore", "WallboardRender", "WallboardSystem", "WallboardTestSupport"],
            exclude: ["AsteriskSessions"]),
    ]
)
