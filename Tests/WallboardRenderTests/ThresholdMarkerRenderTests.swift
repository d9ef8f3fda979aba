import XCTest
import WallboardCore
@testable import WallboardRender

/// The wall's marks of the schedule's decisions: the NIGHT THRESHOLDS marker in the header (goldens
/// at 1920×1080 and 800×480, never cut) and the screen-off picture of displays that cannot power off.
extension GoldenImageTests {
    static func night(paged: Bool) -> Scene {
        var scene = paged ? FakeScenes.paged() : FakeScenes.board(banner: nil)
        scene.thresholdsMarker = ThresholdProfile.night.marker
        return scene
    }

    func testNightThresholdsMarker() throws {
        try check("night-paged-1920x1080", Self.night(paged: true), width: 1920, height: 1080)
        try check("night-paged-800x480", Self.night(paged: true), width: 800, height: 480)
        try check("night-1920x1080", Self.night(paged: false), width: 1920, height: 1080)
        try check("night-800x480", Self.night(paged: false), width: 800, height: 480)
    }

    /// The marker is drawn whole: a 10-character box would have cut it to "NIGHT THR…".
    func testNightMarkerIsNeverCut() throws {
        for (width, height) in [(1920, 1080), (800, 480)] {
            for paged in [true, false] {
                let (_, painter) = try render(Self.night(paged: paged), width: width, height: height, log: true)
                let marker = try XCTUnwrap(painter.textLog?.first { $0.text.hasPrefix("NIGHT THRESHOLDS") })
                XCTAssertEqual(marker.shown, marker.text, "\(width)x\(height)")
                XCTAssertEqual(marker.text, paged ? "NIGHT THRESHOLDS · PAGE 1/2" : "NIGHT THRESHOLDS")
            }
        }
    }

    /// terminal/png while the schedule has the screen off: black, one line saying why and until when, whole.
    func testScreenOffPicture() throws {
        for (width, height) in [(1920, 1080), (800, 480), (160, 96)] {
            let painter = Painter(fonts: try TestFonts.fonts())
            painter.textLog = []
            let canvas = Canvas(width: width, height: height)
            canvas.fill(canvas.bounds, with: 0xFFFFFF)
            let text = "screen off (schedule) until Mon 07:00"
            XCTAssertEqual(painter.paintScreenOff(text, into: canvas), [canvas.bounds])
            let drawn = try XCTUnwrap(painter.textLog?.first)
            XCTAssertEqual(drawn.shown, text, "\(width)x\(height)")
            let black = canvas.pixels.filter { $0 == 0 }.count
            XCTAssertGreaterThan(Double(black) / Double(canvas.pixels.count), 0.9, "\(width)x\(height): a dark screen")
        }
    }
}
