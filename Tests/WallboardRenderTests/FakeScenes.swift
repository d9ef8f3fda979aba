import WallboardCore

/// Hand-built scenes for the painter's tests (the real SceneBuilder lives with the board logic;
/// these only need to exercise every visual state).
enum FakeScenes {
    static func sparkline(seed: Int, count: Int = 60) -> [Double?] {
        (0..<count).map { i in
            if (i + seed) % 23 == 0 { return nil }
            return Double((i * 7 + seed * 13) % 17) + Double(i) / 6
        }
    }

    static func tile(_ index: Int, level: AlarmLevel = .normal, stale: String? = nil) -> TileScene {
        let titles = ["999", "101", "CRIME RECORDING", "ONLINE REPORTS", "TRAFFIC", "FIREARMS", "CONTROL 2",
                      "VULNERABLE", "PUBLIC ENQ", "SWITCHBOARD", "OVERFLOW", "LOST PROPERTY"]
        let figureLevel: AlarmLevel = level == .normal ? .normal : level
        return TileScene(
            id: "q\(index)", title: titles[index % titles.count], level: level,
            waiting: String((index * 5 + 3) % 40), longestWait: "\(index % 4):\(String(format2: (index * 17) % 60))",
            figures: [
                FigureScene(label: "SL 10s", value: "\(92 - index)%", level: figureLevel == .red ? .red : .normal),
                FigureScene(label: "ABAND", value: "\(index % 7).\(index % 10)%", level: figureLevel == .amber ? .amber : .normal),
                FigureScene(label: "ASA", value: "0:\(String(format2: 8 + index))"),
            ],
            reason: level == .red ? "LONGEST WAIT 1:42 > 0:30" : level == .amber ? "SL 10s 84% < 90%" : nil,
            stale: stale, sparkline: sparkline(seed: index))
    }

    /// A busy floor: every alarm state, a stale tile, banner and staff bar.
    static func board(tiles count: Int = 6, clock: String = "14:02:33", banner: String? = "MAJOR INCIDENT: M62 J24 — expect 999 surge") -> Scene {
        let tiles = (0..<count).map { i -> TileScene in
            switch i % 6 {
            case 1: return tile(i, level: .amber)
            case 2: return tile(i, level: .red)
            case 4: return tile(i, stale: "NO DATA 0:45")
            default: return tile(i)
            }
        }
        return Scene(
            header: HeaderScene(title: "WEST YORKSHIRE CONTROL", clock: clock), banner: banner, tiles: tiles,
            staff: StaffScene(available: 4, onCall: 31, wrapUp: 6, onBreak: 3, other: 2, level: .amber),
            footer: FooterScene(feed: "FEED OK · last 0:01 ago · acd-a · missing 0"))
    }

    /// A floor with more queues than fit: page 1 of 2, a breach pinned from page 2, a breach on a
    /// queue left off the board named on the strip, and names in scripts B612 lacks.
    static func paged(clock: String = "14:02:33") -> Scene {
        var scene = board(tiles: 15, clock: clock, banner: nil)
        scene.tiles[3].title = "Ηράκλειο 112"
        scene.tiles[5].title = "東京 警察"
        scene.tiles[14].title = "Heddlu Dyfed-Powys"
        scene.tiles[14].level = .red
        scene.tiles[14].reason = "LONGEST WAIT 6:12 > 5:00"
        scene.paging = PagingScene(size: 12, turn: 0)
        scene.hiddenBreaches = ["Online & Web Chat"]
        return scene
    }

    /// The busy floor with its breach (CRIME RECORDING) acknowledged, and a second breach that is not.
    static func acknowledged(tiles count: Int = 6) -> Scene {
        var scene = board(tiles: count)
        scene.tiles[2].acknowledged = "ACKNOWLEDGED by alice 14:02"
        return scene
    }

    static func feedLost(clock: String = "14:05:10", detail: String = "NO DATA FOR 2:15") -> Scene {
        var scene = board()
        scene.header.clock = clock
        // As SceneBuilder makes it: every tile stale, with its last figures; no staff counts.
        for i in scene.tiles.indices {
            scene.tiles[i].stale = "NO DATA 2:15"
            scene.tiles[i].level = .normal
            scene.tiles[i].reason = nil
            for f in scene.tiles[i].figures.indices { scene.tiles[i].figures[f].level = .normal }
        }
        scene.staff = nil
        scene.feedLost = FeedLostScene(detail: detail, hint: "Last publisher acd-a · figures below are NOT current")
        scene.footer = FooterScene(feed: "FEED LOST · last 2:15 ago · acd-a · missing 3", warning: true)
        return scene
    }
}

extension String {
    init(format2 n: Int) { self = n < 10 ? "0\(n)" : "\(n)" }
}
