// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Indicia",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "indicia", targets: ["indicia"]),
        .library(name: "IndiciaKit", targets: ["IndiciaKit"]),
    ],
    targets: [
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .target(name: "IndiciaKit", dependencies: ["CYAML"], linkerSettings: [.linkedLibrary("m")]),
        .target(name: "IndiciaCLI", dependencies: ["IndiciaKit"]),
        .executableTarget(name: "indicia", dependencies: ["IndiciaCLI"]),
        .testTarget(
            name: "IndiciaKitTests", dependencies: ["IndiciaKit"],
            resources: [.copy("Fixtures")]),
        .testTarget(name: "IndiciaCLITests", dependencies: ["IndiciaCLI", "IndiciaKit"]),
    ],
    swiftLanguageModes: [.v6]
)
