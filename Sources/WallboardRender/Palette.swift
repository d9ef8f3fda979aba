import WallboardCore

/// The board's colours: a dark background (bright, sparse ink is easiest to read across a room and
/// kindest to panels) with Okabe–Ito hues, which stay distinct under the common colour-vision
/// deficiencies. Colour never carries a state alone: every alarm also has a word, an icon shape
/// and a border weight (hatched for red).
public struct Palette: Sendable, Equatable {
    public var background: UInt32 = 0x0A0E13
    public var panel: UInt32 = 0x141A22
    public var tile: UInt32 = 0x18202A
    public var tileEdge: UInt32 = 0x34404E
    public var text: UInt32 = 0xF4F4F4
    public var label: UInt32 = 0xA3AFBC
    /// Okabe–Ito bluish green, amber (orange) and vermillion.
    public var ok: UInt32 = 0x009E73
    public var amber: UInt32 = 0xE69F00
    public var red: UInt32 = 0xD55E00
    /// Vermillion lightened for text on the red tile tint, and the peak of the pulse.
    public var redBright: UInt32 = 0xFF8A4C
    public var amberTile: UInt32 = 0x2A2109
    public var redTile: UInt32 = 0x3A1407
    public var staleTile: UInt32 = 0x1B1B1B
    public var staleText: UInt32 = 0x8C8C8C
    public var staleEdge: UInt32 = 0x4A4A4A
    /// Black-and-yellow for FEED LOST: the universal hazard pattern.
    public var hazard: UInt32 = 0xF0E442
    public var hazardDark: UInt32 = 0x000000
    public var banner: UInt32 = 0x0072B2
    public var sparkline: UInt32 = 0x4F7394
    /// Staff states: available, on call, wrap-up, break, other.
    public var staff: [UInt32] = [0x009E73, 0x56B4E9, 0xCC79A7, 0xF0E442, 0x8C8C8C]
    /// Handler states, in `HandlerState.known` order (available, on call, wrap-up, break, not ready,
    /// offline), then any other state word. Each also has its own shape and word on the grid.
    public var handlerStates: [UInt32] = [0x009E73, 0x56B4E9, 0xCC79A7, 0xF0E442, 0x2F8FD8, 0x5E6873, 0x8C8C8C]

    public init() {}

    /// The accent colour of an alarm level.
    public func accent(_ level: AlarmLevel) -> UInt32 {
        switch level {
        case .normal: return ok
        case .amber: return amber
        case .red: return red
        }
    }

    /// The tile background for a level.
    public func tileFill(_ level: AlarmLevel) -> UInt32 {
        switch level {
        case .normal: return tile
        case .amber: return amberTile
        case .red: return redTile
        }
    }

    /// Text in a level's colour, readable on that level's tile.
    public func levelText(_ level: AlarmLevel) -> UInt32 {
        switch level {
        case .normal: return text
        case .amber: return amber
        case .red: return redBright
        }
    }

    /// `a` blended toward `b` by `t` in 0...1.
    public static func mix(_ a: UInt32, _ b: UInt32, _ t: Double) -> UInt32 {
        let k = UInt32(max(0, min(1, t)) * 255)
        return Canvas.mix(b >> 16 & 0xFF, a >> 16 & 0xFF, k, 255 - k) << 16
            | Canvas.mix(b >> 8 & 0xFF, a >> 8 & 0xFF, k, 255 - k) << 8
            | Canvas.mix(b & 0xFF, a & 0xFF, k, 255 - k)
    }
}
