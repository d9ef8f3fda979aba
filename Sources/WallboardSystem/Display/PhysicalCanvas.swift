import WallboardCore
import WallboardRender

extension Canvas {
    /// The picture as a panel mounted with `rotation` shows it (the canvas itself when not rotated):
    /// for the outputs that write whole frames rather than into a framebuffer (PNG, terminal), so
    /// rotation is applied on every kind of output, by the same `FrameCopier` the framebuffers use.
    func physical(_ rotation: Rotation) -> Canvas {
        guard rotation != .none else { return self }
        let size = rotation.logicalSize(width: width, height: height)  // a quarter turn swaps back
        let out = Canvas(width: size.width, height: size.height)
        let target = FrameTarget(base: UnsafeMutableRawPointer(out.pixels.baseAddress!), width: out.width, height: out.height,
                                 stride: out.width * 4, format: .xrgb8888)
        FrameCopier.copy(self, rect: bounds, rotation: rotation, into: target)
        return out
    }
}
