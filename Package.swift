// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Indicia",
    // Linux (glibc) is built and tested; macOS is declared because every libc call has a Darwin
    // branch (README, "Platforms"), though no Mac builds it in CI.
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "indicia", targets: ["indicia"]),
        .library(name: "IndiciaKit", targets: ["IndiciaKit"]),
    ],
    targets: [
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]),
        .target(name: "IndiciaKit", dependencies: ["CYAML"], linkerSettings: [.linkedLibrary("m")]),
        .target(name: "IndiciaCLI", dependencies: ["IndiciaKit"]),
        // The Swift runtime linked in: no dynamic loading of it at start-up (a single case end to
        // end is about a fifth faster) and a smaller resident set. Apple platforms have no static stdlib.
        .executableTarget(
            name: "indicia", dependencies: ["IndiciaCLI"],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux]))]),
        .testTarget(
            name: "IndiciaKitTests", dependencies: ["IndiciaKit"],
            resources: [.copy("Fixtures")]),
        // The CLI tests read their fixture packs and goldens from the source tree (Fixtures/).
        .testTarget(name: "IndiciaCLITests", dependencies: ["IndiciaCLI", "IndiciaKit"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
