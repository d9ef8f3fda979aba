import Foundation
import XCTest
@testable import WallboardCore

final class ConfigParserTests: XCTestCase {
    /// Each bad file and the exact message a supervisor sees (file:line:column: what was expected).
    func testBadFilesNameLineColumnAndExpectation() {
        let table: [(String, String, UInt)] = [
            ("[feed]\nport = 99999\n",
             "t.conf:2:8: 'port': '99999' is not a UDP port number from 1 to 65535", #line),
            ("[feed]\ngroup = 10.0.0.1\n",
             "t.conf:2:9: 'group': '10.0.0.1' is not a multicast group: IPv4 224.0.0.0 to 239.255.255.255 like 239.192.0.99, or IPv6 ff00::/8 like ff15::99", #line),
            ("[feed]\nlost_after = 30\n",
             "t.conf:2:14: 'lost_after': '30' is not a duration like 30s or 2m, at most 24h", #line),
            ("[feed]\nstale_after =\n",
             "t.conf:2:14: 'stale_after' has no value; expected a duration like 15s (at most 24h), or auto (3 × the publisher's interval)", #line),
            ("[queue \"999\"]\nlongest_wiat.red = 30s\n",
             "t.conf:2:1: unknown key 'longest_wiat.red' in [queue \"999\"]; did you mean 'longest_wait.red'?", #line),
            ("[queue \"999\"]\n  service_level.red = 90\n",
             "t.conf:2:23: 'service_level.red': '90' is not a percentage from 0% to 100%, like 90%, or off", #line),
            ("[queue \"999\"]\nservice_level.red = 190%\n",
             "t.conf:2:21: 'service_level.red': '190%' is not a percentage from 0% to 100%, like 90%, or off", #line),
            ("[queue \"999\"]\nwaiting.amber = lots\n",
             "t.conf:2:17: 'waiting.amber': 'lots' is not a whole number from 0 to 10000, like 5, or off", #line),
            ("[queue \"999\"]\nlongest_wait.direction = up\n",
             "t.conf:2:26: 'longest_wait.direction': 'up' is not higher or lower (which way is worse)", #line),
            ("[queue \"9\"]\nlongest_wait.amber = 40s\nlongest_wait.red = 30s\n",
             "t.conf:3:20: longest_wait.red (30s) must be at or beyond longest_wait.amber (40s): higher is worse", #line),
            ("[queue \"999\"]\nservice_level.amber = 85%\n",
             "t.conf:2:23: service_level.red (90%) must be at or beyond service_level.amber (85%): lower is worse; the red limit is the built-in default, so set service_level.red too", #line),
            ("[dispaly]\noutput = drm\n",
             "t.conf:1:1: unknown section [dispaly]; expected [feed], [display], [board], [staff], [metrics] or [queue \"ID\"]; did you mean [display]?", #line),
            ("[metrics]\ntextfile = wallboard.prom\n",
             "t.conf:2:12: 'textfile': 'wallboard.prom' is not off, or an absolute path ending in .prom (node_exporter's textfile collector reads only *.prom)", #line),
            ("[metrics]\ntextfile = /var/lib/prometheus/node-exporter/wallboard.txt\n",
             "t.conf:2:12: 'textfile': '/var/lib/prometheus/node-exporter/wallboard.txt' is not off, or an absolute path ending in .prom (node_exporter's textfile collector reads only *.prom)", #line),
            ("[metrics]\ntextfil = off\n",
             "t.conf:2:1: unknown key 'textfil' in [metrics]; did you mean 'textfile'?", #line),
            ("[queue]\n",
             "t.conf:1:1: [queue] needs the queue id, like [queue \"999\"]", #line),
            ("[feed \"x\"]\n",
             "t.conf:1:1: [feed] takes no id; expected [feed]", #line),
            ("[feed\n",
             "t.conf:1:1: section header has no closing ']'; expected [name] or [queue \"ID\"]", #line),
            ("port = 4950\n",
             "t.conf:1:1: 'port' is outside any section; put it under [feed], [display], [board], [staff], [metrics] or [queue \"ID\"]", #line),
            ("[feed]\nport 4950\n",
             "t.conf:2:1: expected 'key = value', '[section]' or '# comment', found 'port 4950'", #line),
            ("[feed]\nport = 4950\nport = 4951\n",
             "t.conf:3:1: 'port' is set twice (first on line 2); keep one", #line),
            ("[board]\nqueues = 999, 101, 999\n",
             "t.conf:2:10: 'queues': '999, 101, 999' is not a list without repeats ('999' appears twice)", #line),
            ("[display]\nscreen_diagonal = 55\n",
             "t.conf:2:19: 'screen_diagonal': '55' is not a screen diagonal like 55in, 140cm or 1.4m", #line),
            ("[display]\nrotation = 45\n",
             "t.conf:2:12: 'rotation': '45' is not 0, 90, 180 or 270", #line),
            ("[display]\nmode = 1920x1080@sixty\n",
             "t.conf:2:8: 'mode': '1920x1080@sixty' is not a mode like 1920x1080 or 1920x1080@60, or auto", #line),
            ("[display]\noutput = hdmi\n",
             "t.conf:2:10: 'output': 'hdmi' is not one of auto, drm, fbdev, terminal, png", #line),
            ("[display]\nconnector = A, B, C\n",
             "t.conf:2:13: 'connector': 'A, B, C' is not one connector name, or two for two screens, like HDMI-A-1 or HDMI-A-1, HDMI-A-2", #line),
            ("[queue \"online\"]\nextra.unassigned.amberr = 3\n",
             "t.conf:2:1: unknown key 'extra.unassigned.amberr' in [queue \"online\"]; did you mean 'extra.unassigned.amber'?", #line),
            ("[queue \"online\"]\nextra.un assigned.amber = 3\n",
             "t.conf:2:9: a key has no spaces; expected '=' after 'extra.un'", #line),
            ("[display]\nredpulse = on\n",
             "t.conf:2:1: unknown key 'redpulse' in [display]; did you mean 'red_pulse'?", #line),
            ("[display]\ncolour = blue\n",
             "t.conf:2:1: unknown key 'colour' in [display]", #line),
            ("[board]\ntitle = \"OPEN\n",
             "t.conf:2:9: the quoted value has no closing '\"'", #line),
            ("[feed]\n[feed]\n",
             "t.conf:2:1: section [feed] appears twice (first on line 1); merge the two into one", #line),
            ("[staff]\navailable.amber = 1\navailable.red = 3\n",
             "t.conf:3:17: available.red (3) must be at or beyond available.amber (1): lower is worse", #line),
            // One range per unit, the same for the file and `threshold set`.
            ("[queue \"999\"]\nwaiting.amber = 20000\n",
             "t.conf:2:17: 'waiting.amber': '20000' is not a whole number from 0 to 10000, like 5, or off", #line),
            ("[queue \"999\"]\nlongest_wait.red = 25h\n",
             "t.conf:2:20: 'longest_wait.red': '25h' is not a duration like 10s, 2m or 1h, at most 24h, or off", #line),
            ("[feed]\nlost_after = 48h\n",
             "t.conf:2:14: 'lost_after': '48h' is not a duration like 30s or 2m, at most 24h", #line),
            ("[queue \"999\"]\ndwell = 1000h\n",
             "t.conf:2:9: 'dwell': '1000h' is not a duration like 10s, at most 24h", #line),
            // Control characters: refused wherever they are, naming the column.
            ("[board]\ntitle = ROOM\u{1B}[2J\n",
             "t.conf:2:13: control character U+001B is not allowed (only tabs); remove it", #line),
            ("[feed]\nkey_id = floor1\u{10}\0\0\n",
             "t.conf:2:16: control character U+0010 is not allowed (only tabs); remove it", #line),
            ("[board]\ntitle = A\rB\n",
             "t.conf:2:10: control character U+000D is not allowed (only tabs); remove it", #line),
            ("[board]\ntitle = Ü\u{9B}2J\n",
             "t.conf:2:10: control character U+009B is not allowed (only tabs); remove it", #line),
            ("# a comment with a bell \u{07}\n",
             "t.conf:1:25: control character U+0007 is not allowed (only tabs); remove it", #line),
            // The handler grid's keys.
            ("[board]\nview = grid\n", "t.conf:2:8: 'view': 'grid' is not one of tiles, handlers, both", #line),
            ("[staff]\nnot_ready.amber = 10\n",
             "t.conf:2:19: 'not_ready.amber': '10' is not a duration like 10s, 2m or 1h, at most 24h, or off", #line),
            ("[staff]\nnot_ready.red = 25h\n",
             "t.conf:2:17: 'not_ready.red': '25h' is not a duration like 10s, 2m or 1h, at most 24h, or off", #line),
            ("[staff]\nnot_ready.amber = 20m\nnot_ready.red = 10m\n",
             "t.conf:3:17: not_ready.red (10m) must be at or beyond not_ready.amber (20m): higher is worse", #line),
            ("[staff]\nnot_ready.dwell = 10s\n",
             "t.conf:2:1: unknown key 'not_ready.dwell' in [staff]", #line),
            ("[staff]\nnotready.amber = 10m\n",
             "t.conf:2:1: unknown key 'notready.amber' in [staff]; did you mean 'not_ready.amber'?", #line),
        ]
        for (text, expected, line) in table {
            do {
                _ = try WallboardConfig(parsing: text, file: "t.conf")
                XCTFail("accepted a bad file:\n\(text)", line: line)
            } catch {
                XCTAssertEqual(error.description, expected, line: line)
            }
        }
    }

    func testEveryMistakeIsReportedInOnePass() {
        let text = "[feed]\nport = x\n[display]\nrotation = 7\n"
        XCTAssertThrowsError(try WallboardConfig(parsing: text, file: "f")) { error in
            let errors = (error as? ConfigErrors)?.errors ?? []
            XCTAssertEqual(errors.map(\.location.line), [2, 4])
        }
    }

    /// `[metrics] textfile`: the node_exporter directory's file when it exists, a path, or off.
    func testMetricsTextfileDefaultPathAndOff() throws {
        let defaults = WallboardConfig().metrics
        XCTAssertEqual(defaults.path(nodeExporterDirectoryExists: true, simulated: false), "/var/lib/prometheus/node-exporter/wallboard.prom")
        XCTAssertNil(defaults.path(nodeExporterDirectoryExists: false, simulated: false))
        let off = try WallboardConfig(parsing: "[metrics]\ntextfile = off\n").metrics
        XCTAssertNil(off.path(nodeExporterDirectoryExists: true, simulated: false))
        let own = try WallboardConfig(parsing: "[metrics]\ntextfile = /srv/metrics/board.prom\n").metrics
        XCTAssertEqual(own.path(nodeExporterDirectoryExists: false, simulated: false), "/srv/metrics/board.prom")
    }

    /// A board on the simulated floor (a demo, a developer's `Deploy/dev run`, a test) does not put
    /// its made-up figures into node_exporter's directory by default; a path named in the config is
    /// still written, because somebody asked for exactly that file.
    func testTheSimulatedFloorIsNotExportedUnlessAFileIsNamed() throws {
        XCTAssertNil(WallboardConfig().metrics.path(nodeExporterDirectoryExists: true, simulated: true))
        let own = try WallboardConfig(parsing: "[metrics]\ntextfile = /srv/metrics/board.prom\n").metrics
        XCTAssertEqual(own.path(nodeExporterDirectoryExists: true, simulated: true), "/srv/metrics/board.prom")
    }

    func testNoFileMeansWorkingDefaults() throws {
        let empty = try WallboardConfig(parsing: "# nothing but a comment\n\n")
        XCTAssertEqual(empty, WallboardConfig())
        XCTAssertEqual(empty.feed.lostAfter, 30)
        XCTAssertEqual(empty.display.output, .auto)
        // UK police defaults: 999 is red below 90% within 10 s; 101 has a 30 s target.
        XCTAssertEqual(empty.queue("999").threshold(.serviceLevel)?.red, 90)
        XCTAssertEqual(empty.queue("999").target, 10)
        XCTAssertEqual(empty.queue("101").target, 30)
        XCTAssertNil(empty.queue("crime").threshold(.serviceLevel))
        XCTAssertEqual(empty.queue("crime").threshold(.longestWait)?.red, 300)
    }

    func testValuesParse() throws {
        let text = """
            [feed]
            group = 239.1.2.3   # comment after a value
            port = 5000
            stale_after = 1m30s
            lost_after = 2m
            [display]
            output = png
            connector = HDMI-A-1, HDMI-A-2
            mode = 1280x720@50
            rotation = 270
            viewing_distance = 4.5m
            screen_diagonal = 50in
            burn_in_shift = off
            red_pulse = off
            png_path = /tmp/b.png
            [board]
            title = "ROOM #2"
            queues = 101, 999
            [queue "999"]
            longest_wait.red = off
            longest_wait.amber = 1h
            dwell = 3s
            service_level.dwell = 20s
            extra.silent_calls.amber = 2.5
            extra.silent_calls.direction = lower
            """
        let c = try WallboardConfig(parsing: text)
        XCTAssertEqual(c.feed.group, "239.1.2.3")
        XCTAssertEqual(c.feed.port, 5000)
        XCTAssertEqual(c.feed.staleAfter, 90)
        XCTAssertEqual(c.feed.lostAfter, 120)
        XCTAssertEqual(c.display.output, .png)
        XCTAssertEqual(c.display.connectors, ["HDMI-A-1", "HDMI-A-2"])
        XCTAssertEqual(c.display.mode, DisplayMode(width: 1280, height: 720, refresh: 50))
        XCTAssertEqual(c.display.rotation, .threeQuarter)
        XCTAssertEqual(c.display.viewingDistance, 4.5)
        XCTAssertEqual(try XCTUnwrap(c.display.screenDiagonal), 1.27, accuracy: 1e-9)
        XCTAssertNil(c.display.burnInShift)
        XCTAssertFalse(c.display.redPulse)
        XCTAssertEqual(c.board.title, "ROOM #2")
        XCTAssertEqual(c.board.queues, ["101", "999"])
        let q = c.queue("999")
        XCTAssertNil(q.thresholds[.longestWait]?.red)
        XCTAssertEqual(q.thresholds[.longestWait]?.amber, 3600)
        XCTAssertEqual(q.thresholds[.longestWait]?.dwell, 3, "queue-wide dwell applies")
        XCTAssertEqual(q.thresholds[.serviceLevel]?.dwell, 20, "a metric's own dwell wins")
        XCTAssertEqual(q.thresholds[.serviceLevel]?.red, 90, "unset keys keep the 999 defaults")
        XCTAssertEqual(q.thresholds[.extra("silent_calls")]?.amber, 2.5)
        XCTAssertEqual(q.thresholds[.extra("silent_calls")]?.direction, .lowerIsWorse)
    }

    func testStaleAfterFollowsPublisherIntervalUnlessConfigured() throws {
        var feed = FeedConfig()
        XCTAssertEqual(feed.staleAfter(publisherInterval: 2), 6)
        XCTAssertEqual(feed.staleAfter(publisherInterval: nil), 15)
        feed.staleAfter = 20
        XCTAssertEqual(feed.staleAfter(publisherInterval: 2), 20)
    }

    func testDisplayOrderUsesBoardListElseOrderThenFeed() throws {
        let c = try WallboardConfig(parsing: "[queue \"b\"]\norder = 2\n[queue \"c\"]\n[queue \"a\"]\norder = 1\n")
        XCTAssertEqual(c.displayOrder(feedQueues: ["x", "a", "y"]), ["a", "b", "c", "x", "y"])
        let listed = try WallboardConfig(parsing: "[board]\nqueues = y, a\n")
        XCTAssertEqual(listed.displayOrder(feedQueues: ["x", "a", "y"]), ["y", "a"])
    }

    func testWindowsLineEndingsAndDurations() throws {
        let c = try WallboardConfig(parsing: "[feed]\r\nlost_after = 45s\r\n")
        XCTAssertEqual(c.feed.lostAfter, 45)
        XCTAssertEqual(ConfigValue.duration("1h2m3s"), 3723)
        XCTAssertEqual(ConfigValue.duration("1.5s"), 1.5)
        XCTAssertNil(ConfigValue.duration("10"))
        XCTAssertNil(ConfigValue.duration("s"))
        XCTAssertNil(ConfigValue.duration("10x"))
        XCTAssertEqual(ConfigValue.percentage("92.5%"), 92.5)
        XCTAssertNil(ConfigValue.percentage("92"))
    }
}

extension ConfigParserTests {
    func testIPv6MulticastGroupsAreAcceptedAsTheReceiverOpensThem() throws {
        for group in ["ff15::99", "FF15::99", "ff02::1:ff00:1", "ff3e:0:0:0:0:0:8000:1", "ff15::1.2.3.4", "224.0.0.1", "239.255.255.255"] {
            XCTAssertEqual(try WallboardConfig(parsing: "[feed]\ngroup = \(group)\n").feed.group, group)
        }
        for group in [
            "fe80::1", "::1", "ff15::99::1", "ff15:::1", "ff15::99%eth0", "ff15::12345", "ff15:1:2:3:4:5:6:7:8", "ff15",
            "240.0.0.1", "223.255.255.255", "239.192.0.256", "239.192.0", "239.192.0.01.1", "+239.1.1.1", "ff15::1.2.3",
        ] {
            XCTAssertThrowsError(try WallboardConfig(parsing: "[feed]\ngroup = \(group)\n"), group)
        }
    }

    func testAmberEqualToRedIsOneStepStraightToRed() throws {
        // amber = red is allowed everywhere (file and threshold set): it means "no amber stage".
        let c = try WallboardConfig(parsing: "[queue \"101\"]\nlongest_wait.amber = 30s\nlongest_wait.red = 30s\n")
        let t = try XCTUnwrap(c.queue("101").threshold(.longestWait))
        XCTAssertEqual(t.level(for: 30, current: .normal), .normal)
        XCTAssertEqual(t.level(for: 31, current: .normal), .red)
    }

    /// Deploy/fuzz/corpus/config/crlf-line-count, the input the config fuzz target stopped on: its
    /// CR LF lines are counted by LF, as editors count them, so every error is inside the file.
    func testFuzzFindingErrorsAreInsideTheFile() throws {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        let bytes = try [UInt8](Data(contentsOf: url.appendingPathComponent("Deploy/fuzz/corpus/config/crlf-line-count")))
        let lines = ConfigSyntax.lines(of: String(decoding: bytes, as: UTF8.self))
        XCTAssertEqual(lines.count, bytes.filter { $0 == 0x0a }.count)
        XCTAssertThrowsError(try WallboardConfig(parsing: String(decoding: bytes, as: UTF8.self), file: "fuzz.conf")) { error in
            let errors = (error as? ConfigErrors)?.errors ?? []
            for e in errors {
                XCTAssertTrue((1...lines.count).contains(e.location.line), "\(e)")
                let scalars = String(decoding: lines[e.location.line - 1], as: UTF8.self).unicodeScalars.count
                XCTAssertTrue((1...scalars + 1).contains(e.location.column), "\(e)")
            }
            XCTAssertEqual(errors.last?.description, "fuzz.conf:35:1: expected 'key = value', '[section]' or '# comment', found 'service_level. 10q'")
            XCTAssertTrue(errors.contains { $0.description == "fuzz.conf:7:16: control character U+0010 is not allowed (only tabs); remove it" }, "\(errors)")
        }
    }

    func testLinesAreCountedByLineFeedsWithCRLFAsOneEnd() {
        XCTAssertEqual(ConfigSyntax.lines(of: "a\r\nb\nc").map { String(decoding: $0, as: UTF8.self) }, ["a", "b", "c"])
        XCTAssertEqual(ConfigSyntax.lines(of: "a\n\n").count, 2)
        XCTAssertEqual(ConfigSyntax.lines(of: "").count, 0)
        XCTAssertThrowsError(try WallboardConfig(parsing: "[feed]\r\nport = 1\r\nport = x\r\n", file: "w")) { error in
            XCTAssertEqual("\(error)", "w:3:1: 'port' is set twice (first on line 2); keep one")
        }
        // Columns count scalars, not bytes: the é is one column.
        XCTAssertThrowsError(try WallboardConfig(parsing: "[board]\ntitle = é\n# x\nqueues =\n", file: "w")) { error in
            XCTAssertEqual("\(error)", "w:4:9: 'queues' has no value; expected queue ids separated by commas, like 999, 101, crime")
        }
        XCTAssertThrowsError(try WallboardConfig(parsing: "[board \"é\" x]\n", file: "w")) { error in
            XCTAssertEqual("\(error)", "w:1:12: unexpected text after the quoted id; expected ']'")
        }
    }
}

final class EditDistanceTests: XCTestCase {
    func testTranspositionIsOneEditAndFarWordsGetNoSuggestion() {
        XCTAssertEqual(EditDistance.between("prot", "port"), 1)
        XCTAssertEqual(EditDistance.between("kitten", "sitting"), 3)
        XCTAssertEqual(EditDistance.suggestion(for: "prot", among: ConfigKeys.feed), "port")
        XCTAssertEqual(EditDistance.suggestion(for: "Output", among: ConfigKeys.display), "output")
        XCTAssertNil(EditDistance.suggestion(for: "colour", among: ConfigKeys.display))
    }
}
