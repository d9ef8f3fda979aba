import XCTest
@testable import WallboardCore

/// Durations and percentages are written byte by byte (no interpolation): they must read exactly
/// as the interpolated forms they replace, for every value the wall can show.
final class FigureFormatFastPathTests: XCTestCase {
    /// The interpolated forms, as they were written before the fast path.
    func interpolatedDuration(_ seconds: Double) -> String {
        let s = max(0, Int(seconds.rounded(.down)))
        if s >= 3600 { return "\(s / 3600):\(twoDigits(s / 60 % 60)):\(twoDigits(s % 60))" }
        return "\(s / 60):\(twoDigits(s % 60))"
    }

    func interpolatedPercent(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        if tenths >= 100 { return "\(tenths / 10)%" }
        return "\(tenths / 10).\(tenths % 10)%"
    }

    func testDurationsReadAsInterpolated() {
        var seconds: [Double] = Array(0...7300).map(Double.init) + [-5, 0.999, 59.99, 3599.5, 35_999, 36_000, 359_999_999.9]
        var s = 7301.0
        while s < FigureFormat.longestDuration {
            seconds.append(s)
            s = s * 1.37 + 1
        }
        for value in seconds {
            XCTAssertEqual(FigureFormat.duration(value), interpolatedDuration(value), "\(value)")
        }
        XCTAssertEqual(FigureFormat.duration(4 * 60 + 32), "4:32")
        XCTAssertEqual(FigureFormat.duration(100_000 * 3600 - 1), "99999:59:59")
        XCTAssertEqual(FigureFormat.duration(.infinity), FigureFormat.unknown)
        XCTAssertEqual(FigureFormat.duration(FigureFormat.longestDuration), ">100000h")
    }

    func testPercentagesReadAsInterpolated() {
        for tenths in -20...12_000 {
            let value = Double(tenths) / 10
            XCTAssertEqual(FigureFormat.percent(value), interpolatedPercent(value), "\(value)")
            XCTAssertEqual(FigureFormat.percent(value + 0.04), interpolatedPercent(value + 0.04), "\(value + 0.04)")
        }
        XCTAssertEqual(FigureFormat.percent(1e7), interpolatedPercent(1e7))
        XCTAssertEqual(FigureFormat.percent(0.7000000000000001), "0.7%")
        XCTAssertEqual(FigureFormat.percent(.nan), FigureFormat.unknown)
    }

    func testTrimmingSpacesKeepsItsRules() {
        let cases = ["", " ", "\t", "a", " a", "a ", "\ta\t ", "  a b  ", " \u{301}x", "x \u{301}", "\u{A0}a\u{A0}"]
        for text in cases {
            var s = Substring(text)
            while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
            while let l = s.last, l == " " || l == "\t" { s.removeLast() }
            XCTAssertEqual(text.trimmingSpaces, String(s), "\(text.debugDescription)")
        }
    }
}
