// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Portrait",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "portrait", targets: ["portrait"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .executableTarget(
            name: "portrait",
            dependencies: [
                "PortraitKit", "SiteServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // `portrait serve`: FlyingFox, an HTTP server on the system's sockets without SwiftNIO,
        // adds 15 s to a fresh debug build here; Hummingbird with SwiftNIO adds minutes.
        .target(
            name: "SiteServer",
            dependencies: ["PortraitKit", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .target(
            name: "PortraitKit",
            dependencies: [
                "LedgerModel", "LedgerIngest", "Analytics", "Charts", "SiteRenderer",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(name: "LedgerModel"),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(name: "CByteMasks"),
        .target(name: "LedgerIngest", dependencies: ["LedgerModel", "CLibXML2", "CByteMasks"]),
        .target(name: "Analytics", dependencies: ["LedgerModel"]),
        .target(name: "Charts"),
        .target(
            name: "SiteRenderer",
            dependencies: [
                "LedgerModel", "Analytics", "Charts", "CSystemShims",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(name: "CSystemShims"),
        .target(name: "PortraitFuzzTargets", dependencies: ["LedgerIngest", "LedgerModel", "Analytics"]),
        .executableTarget(name: "portrait-fuzz", dependencies: ["PortraitFuzzTargets"]),

        .target(
            name: "PortraitTestSupport",
            dependencies: ["LedgerModel"],
            path: "Tests/PortraitTestSupport"
        ),
        .testTarget(name: "LedgerModelTests", dependencies: ["LedgerModel", "PortraitTestSupport"]),
        .testTarget(name: "LedgerIngestTests", dependencies: ["LedgerIngest", "CByteMasks", "PortraitTestSupport"]),
        .testTarget(name: "AnalyticsTests", dependencies: ["Analytics", "LedgerIngest", "PortraitTestSupport"]),
        // `__Snapshots__` holds golden files read by path (`assertGolden`), not resources.
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "PortraitTestSupport"], exclude: ["__Snapshots__"]),
        .testTarget(name: "SiteRendererTests", dependencies: ["SiteRenderer", "PortraitTestSupport"], exclude: ["__Snapshots__"]),
        .testTarget(name: "FuzzRegressionTests", dependencies: ["PortraitFuzzTargets", "LedgerIngest", "PortraitTestSupport"]),
        .testTarget(
            name: "PortraitKitTests",
            dependencies: ["PortraitKit", "PortraitTestSupport"]
        ),
        .testTarget(name: "SiteServerTests", dependencies: ["SiteServer", "PortraitTestSupport"]),
    ]
)
