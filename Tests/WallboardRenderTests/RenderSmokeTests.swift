import XCTest
import WallboardCore
@testable import WallboardRender

final class RenderSmokeTests: XCTestCase {
    func testDump() throws {
        guard let dir = ProcessInfo.processInfo.environment["WALLBOARD_DUMP"] else { return }
        let fonts = try Fonts()
        for (w, h, name, scene) in [(1920, 1080, "hd", FakeScenes.board()), (800, 480, "small", FakeScenes.board(tiles: 12)),
                                    (1080, 1920, "portrait", FakeScenes.board(tiles: 4)), (1920, 1080, "lost", FakeScenes.feedLost())] {
            let canvas = Canvas(width: w, height: h)
            let painter = Painter(fonts: fonts)
            painter.paint(scene: scene, into: canvas)
            try Data(PNGWriter.encode(canvas)).write(to: URL(fileURLWithPath: "\(dir)/\(name).png"))
        }
    }
}
