import WallboardCore
import WallboardRender

/// `--display none`: the board is drawn into the agent's canvas and goes nowhere else. Supervisors
/// see it with `wallboardctl preview` or `snapshot`; the agent benchmark uses it to measure the
/// agent's own work (feed, board, scene, paint) without a display backend's cost on top.
final class HeadlessDisplay: Display {
    let width: Int
    let height: Int
    let rotation: Rotation = .none
    private(set) var framesPresented = 0

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    var name: String { "none (headless \(width)x\(height): wallboardctl preview or snapshot to see it)" }

    func present(_ canvas: Canvas, damage: [Rect]) throws { framesPresented += 1 }

    /// Nothing to give back: no screen was taken.
    func close() {}
}
