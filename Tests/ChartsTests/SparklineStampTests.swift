@testable import Charts
import Foundation
import Testing

/// The stamp writes what a ``Sparkline`` of the same values writes, figure and table included.
@Suite struct SparklineStampTests {
    static let format: ValueFormatter = { "¥" + ChartFormat.grouped($0, decimals: 1) + "<&>" }

    static func series(_ seed: UInt64) -> [[Double]] {
        var state = seed
        func next() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        var all: [[Double]] = [[], [0], [5], [0, 0, 0], [0, 0, 3], [1, .nan, 2], [.nan, .nan], [.infinity, 1, -.infinity, 2],
                               [-1, -2, -3], [1e12, 1e-9, 0], [0.004, 0.006], Array(repeating: 7, count: 12)]
        for _ in 0..<300 {
            let count = Int(next() * 20)
            all.append((0..<count).map { _ in
                let r = next()
                return r < 0.3 ? 0 : r < 0.35 ? .nan : (next() - 0.2) * [1.0, 100, 1e5, 1e9][Int(next() * 4)]
            })
        }
        return all
    }

    @Test(arguments: [(320.0, 56.0, true, false), (120, 32, true, true), (10, 5, false, false), (700.5, 80.25, false, true)])
    func theStampWritesTheSparklinesFigure(size: (width: Double, height: Double, area: Bool, namespace: Bool)) {
        let labels = ["2025年11月", "<Dec>", "Jan & Feb"] + (1...9).map { "M\($0)" }
        let headers = ["月份", "销售额 <¥>"]
        // The stamp's bytes live in the arena: keep it for the whole test.
        let arena = ByteArena()
        defer { withExtendedLifetime(arena) {} }
        let stamp = SparklineStamp(id: "revenue by <month>", title: "Revenue \"by\" month", labels: labels, width: size.width,
                                   height: size.height, area: size.area, noDataText: "No <orders>", summary: "查看数据 & more",
                                   headers: headers, namespace: size.namespace, arena: arena)
        for values in Self.series(11) {
            let description = "合计 ¥1,234 <& 'x'>"
            let sparkline = Sparkline(id: "revenue by <month>", title: "Revenue \"by\" month", description: description, values: values,
                                      labels: labels, area: size.area, width: size.width, height: size.height, format: Self.format,
                                      noDataText: "No <orders>")
            var expected = sparkline.figure(summary: "查看数据 & more", headers: headers)
            if !size.namespace { expected = expected.replacingFirst("<svg xmlns=\"http://www.w3.org/2000/svg\" ", with: "<svg ") }
            var buffer = ByteBuffer(capacity: 64)
            stamp.write(values: values, into: &buffer, description: { $0.append(escaping: description) },
                        format: { value, out in out.append(escaping: Self.format(value)) })
            #expect(buffer.string == expected, "\(values)")
        }
    }

    @Test func coordinatesAreWrittenAsChartFormatWritesThem() {
        var state: UInt64 = 17
        var values: [Double] = [0, -0.0, 0.004, 0.005, -0.005, 0.015, 1.005, 2.675, 1e10, 1e12 - 0.005, 1e15, 1e16, 1e300, .nan, .infinity]
        for index in 0..<200_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let scale = [1.0, 10, 100, 1000, 1e5, 1e7, 1e9, 1e10, 1e11, 0.1, 0.01][index % 11]
            values.append((Double(state >> 11) / Double(1 << 53) - 0.5) * 2 * scale)
        }
        for value in values {
            var buffer = ByteBuffer(capacity: 4)
            ChartFormat.appendCoordinate(value, to: &buffer)
            #expect(buffer.string == ChartFormat.coordinate(value), "\(value)")
        }
    }
}

private extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
