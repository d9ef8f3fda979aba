import WallboardTestSupport
import XCTest
import WallboardCore
@testable import WallboardRender

/// The board as people see it, checked against reference PNGs in Golden/.
///
/// Run with WALLBOARD_REGENERATE_GOLDEN=1 to rewrite the references after an intended change (then
/// look at them before committing). A failure writes the actual image and a diff (changed pixels in
/// magenta over a dimmed copy) to a temporary directory and names it.
final class GoldenImageTests: XCTestCase {
    func testFullHDBoard() throws {
        try check("board-1920x1080", FakeScenes.board(), width: 1920, height: 1080)
    }

    func testSmallScreenTwelveTiles() throws {
        try check("board-800x480-12", FakeScenes.board(tiles: 12), width: 800, height: 480)
    }

    func testPortraitRotation() throws {
        // A 1920×1080 panel mounted on its side: the painter draws the logical 1080×1920 picture.
        let size = Rotation.quarter.logicalSize(width: 1920, height: 1080)
        XCTAssertEqual(size.width, 1080)
        try check("board-portrait-1080x1920", FakeScenes.board(tiles: 4), width: size.width, height: size.height)
    }

    func testPagedBoard() throws {
        try check("board-paged-1920x1080", FakeScenes.paged(), width: 1920, height: 1080)
        try check("board-paged-800x480", FakeScenes.paged(), width: 800, height: 480)
    }

    func testAcknowledgedBreach() throws {
        try check("acknowledged-1920x1080", FakeScenes.acknowledged(), width: 1920, height: 1080)
        try check("acknowledged-800x480-12", FakeScenes.acknowledged(tiles: 12), width: 800, height: 480)
    }

    func testFeedLostScreen() throws {
        try check("feed-lost-800x480", FakeScenes.feedLost(), width: 800, height: 480)
    }

    // MARK: Comparison

    static let goldenDirectory: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast()
        return parts.joined(separator: "/") + "/Golden"
    }()

    /// A pixel "differs" when a channel is off by more than `channelTolerance`; the test allows a
    /// few such pixels (FreeType versions antialias edges very slightly differently).
    static let channelTolerance = 40
    static let allowedFraction = 0.002

    func check(_ name: String, _ scene: Scene, width: Int, height: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let (canvas, _) = try render(scene, width: width, height: height)
        let path = GoldenImageTests.goldenDirectory + "/\(name).png"
        if ProcessInfo.processInfo.environment["WALLBOARD_REGENERATE_GOLDEN"] == "1" {
            try Data(PNGWriter.encode(canvas)).write(to: URL(fileURLWithPath: path))
            print("regenerated \(path)")
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            XCTFail("no golden image \(path): run with WALLBOARD_REGENERATE_GOLDEN=1", file: file, line: line)
            return
        }
        let golden = try PNGReader.decode([UInt8](data))
        guard golden.width == width, golden.height == height else {
            XCTFail("\(name): golden is \(golden.width)x\(golden.height), rendered \(width)x\(height)", file: file, line: line)
            return
        }
        var differing = 0
        let diff = Canvas(width: width, height: height)
        let tolerance = GoldenImageTests.channelTolerance
        let actual = canvas.pixels.baseAddress!, expected = golden.pixels.baseAddress!, marks = diff.pixels.baseAddress!
        var i = 0
        let n = canvas.pixels.count
        while i < n {  // a plain loop over raw pointers: this runs over millions of pixels in debug builds
            let a = actual[i], b = expected[i]
            if a != b {
                let dr = abs(Int(a >> 16 & 0xFF) - Int(b >> 16 & 0xFF)), dg = abs(Int(a >> 8 & 0xFF) - Int(b >> 8 & 0xFF))
                let db = abs(Int(a & 0xFF) - Int(b & 0xFF))
                if dr > tolerance || dg > tolerance || db > tolerance {
                    differing += 1
                    marks[i] = 0xFF00FF
                    i &+= 1
                    continue
                }
            }
            marks[i] = (a >> 2) & 0x3F3F3F
            i &+= 1
        }
        let fraction = Double(differing) / Double(canvas.pixels.count)
        if fraction > GoldenImageTests.allowedFraction {
            let dir = NSTemporaryDirectory() + "wallboard-golden"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try Data(PNGWriter.encode(canvas)).write(to: URL(fileURLWithPath: "\(dir)/\(name)-actual.png"))
            try Data(PNGWriter.encode(diff)).write(to: URL(fileURLWithPath: "\(dir)/\(name)-diff.png"))
            XCTFail("\(name): \(differing) pixels (\(String(format: "%.3f", fraction * 100))%) differ from \(path); "
                    + "actual and diff written to \(dir)/\(name)-{actual,diff}.png", file: file, line: line)
        }
    }
}
