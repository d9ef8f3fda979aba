import Foundation
import XCTest
import WallboardCore
@testable import WallboardSystem

/// The agent's status as Prometheus samples: every fact the issue lists, with the values of the status.
final class StatusMetricsTests: XCTestCase {
    static func status(feed: BoardSummary.FeedState = .ok, connected: Bool = true) -> AgentStatus {
        AgentStatus(
            version: "0.1.0", pid: 612, uptimeSeconds: 11_520.5, feedSource: "multicast 239.192.0.99:5099",
            publishers: [AgentStatus.Publisher(id: "acd-a", lastSeenSecondsAgo: 0.4, accepted: 11_520, sequenceGaps: 0, active: true)],
            drops: ["bad signature": 3], display: "drm /dev/dri/card1 HDMI-A-1 1920x1080@60", displayReason: "configured",
            configFile: "/etc/wallboard/wallboard.conf", framesDrawn: 11_904, lastFrameMilliseconds: 0.6,
            worstFrameMilliseconds: 21.3, averageFrameMilliseconds: 0.8, cpuSeconds: 4.31, firstFrameMilliseconds: 212,
            banner: "Major incident on the M6",
            board: BoardSummary(
                feed: feed, lastDatagramSecondsAgo: 0.4, publisher: "acd-a",
                queues: [
                    BoardSummary.Queue(id: "999", state: .breach, reason: "LONGEST WAIT 0:42 > 0:20", waiting: 4, longestWaitSeconds: 42),
                    BoardSummary.Queue(id: "CRIME \"X\"", state: .stale),
                ],
                incidents: [
                    BoardSummary.Incident(
                        id: "immediate/urban", state: .breach, reason: "OLDEST UNRESOURCED 16:40 > 15:00", open: 5, unresourced: 2,
                        oldestUnresourcedSeconds: 1000, acknowledgedBy: "alice", acknowledgedAt: "14:02"),
                    BoardSummary.Incident(id: "immediate/rural", state: .stale),
                ]),
            datagrams: AgentStatus.Datagrams(received: 23_041, accepted: 23_038, applied: 11_520, standby: 11_518, rejected: ["bad signature": 3], receiveBufferDrops: 7),
            heads: [AgentStatus.Head(name: "drm /dev/dri/card1 HDMI-A-1 1920x1080@60", connector: "HDMI-A-1", connected: connected, mode: "1920x1080")],
            reloads: AgentStatus.Reloads(ok: 2, failed: 1), lastFrameAt: 1_764_583_200.25)
    }

    func testEveryFactIsASample() {
        let text = StatusMetrics.text(Self.status(), host: HostHealth(
            thermalZones: [HostHealth.ThermalZone(zone: "thermal_zone0", type: "cpu-thermal", celsius: 61.5)],
            throttles: HostHealth.throttles(from: 0x50005)))
        let lines = Set(text.split(separator: "\n").map(String.init))
        for expected in [
            #"wallboard_feed_state{state="ok"} 1"#, #"wallboard_feed_state{state="lost"} 0"#,
            #"wallboard_feed_state{state="partial"} 0"#, #"wallboard_feed_state{state="stale"} 0"#,
            "wallboard_feed_last_datagram_age_seconds 0.4",
            #"wallboard_feed_publisher{publisher="acd-a"} 1"#,
            "wallboard_banner_shown 1",
            #"wallboard_queue_state{queue="999",state="breach"} 1"#, #"wallboard_queue_state{queue="999",state="ok"} 0"#,
            #"wallboard_queue_state{queue="CRIME \"X\"",state="stale"} 1"#,
            #"wallboard_queue_calls_waiting{queue="999"} 4"#, #"wallboard_queue_longest_wait_seconds{queue="999"} 42"#,
            #"wallboard_incident_state{grade="immediate",area="urban",state="breach"} 1"#,
            #"wallboard_incident_state{grade="immediate",area="urban",state="ok"} 0"#,
            #"wallboard_incident_state{grade="immediate",area="rural",state="stale"} 1"#,
            #"wallboard_incident_open{grade="immediate",area="urban"} 5"#,
            #"wallboard_incident_unresourced{grade="immediate",area="urban"} 2"#,
            #"wallboard_incident_oldest_unresourced_seconds{grade="immediate",area="urban"} 1000"#,
            "wallboard_frames_drawn_total 11904", "wallboard_last_frame_timestamp_seconds 1764583200.25",
            #"wallboard_display_connected{head="0",connector="HDMI-A-1"} 1"#,
            #"wallboard_display_mode{head="0",connector="HDMI-A-1",mode="1920x1080",display="drm /dev/dri/card1 HDMI-A-1 1920x1080@60"} 1"#,
            #"wallboard_datagrams_total{result="applied",reason=""} 11520"#,
            #"wallboard_datagrams_total{result="standby",reason=""} 11518"#,
            #"wallboard_datagrams_total{result="rejected",reason="bad signature"} 3"#,
            #"wallboard_datagrams_total{result="rejected",reason="replay"} 0"#,
            "wallboard_receive_buffer_drops_total 7",
            #"wallboard_config_reloads_total{result="ok"} 2"#, #"wallboard_config_reloads_total{result="failed"} 1"#,
            "wallboard_uptime_seconds 11520.5", #"wallboard_build_info{version="0.1.0"} 1"#,
            #"wallboard_soc_temperature_celsius{zone="thermal_zone0",type="cpu-thermal"} 61.5"#,
            #"wallboard_throttled{condition="under_voltage",period="now"} 1"#,
            #"wallboard_throttled{condition="throttled",period="now"} 1"#,
            #"wallboard_throttled{condition="frequency_capped",period="now"} 0"#,
            #"wallboard_throttled{condition="under_voltage",period="since_boot"} 1"#,
            #"wallboard_throttled{condition="throttled",period="since_boot"} 1"#,
            #"wallboard_throttled{condition="soft_temperature_limit",period="since_boot"} 0"#,
        ] {
            XCTAssertTrue(lines.contains(expected), "missing \(expected) in\n\(text)")
        }
        XCTAssertFalse(text.contains("wallboard_queue_calls_waiting{queue=\"CRIME"), "a stale queue's figures are not current")
        XCTAssertFalse(text.contains("wallboard_incident_open{grade=\"immediate\",area=\"rural\"}"), "a stale incident tile's figures are not current")
    }

    func testStatesAreExclusiveAndDisconnectShows() {
        let text = StatusMetrics.text(Self.status(feed: .lost, connected: false), host: HostHealth())
        XCTAssertTrue(text.contains("wallboard_feed_state{state=\"lost\"} 1\n"))
        XCTAssertTrue(text.contains("wallboard_feed_state{state=\"ok\"} 0\n"))
        XCTAssertTrue(text.contains("wallboard_display_connected{head=\"0\",connector=\"HDMI-A-1\"} 0\n"))
        XCTAssertFalse(text.contains("wallboard_soc_temperature"), "no thermal zone, no sample (and no error)")
    }

    /// sysfs as a Pi lays it out, in a folder: thermal zones, the firmware's throttled word, hwmon.
    func testHostHealthReadsSysfsAndToleratesAbsence() throws {
        let sys = TemporaryDirectory()
        XCTAssertEqual(HostHealth.read(sys: sys.path), HostHealth(), "nothing there is no error")
        func put(_ path: String, _ text: String) throws {
            let full = sys.file(path)
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: false, encoding: .utf8)
        }
        try put("class/thermal/thermal_zone0/temp", "61523\n")
        try put("class/thermal/thermal_zone0/type", "cpu-thermal\n")
        try put("class/thermal/cooling_device0/type", "gpio-fan\n")
        try put("class/hwmon/hwmon0/name", "rpi_volt\n")
        try put("class/hwmon/hwmon0/in0_lcrit_alarm", "1\n")
        var health = HostHealth.read(sys: sys.path)
        XCTAssertEqual(health.thermalZones, [HostHealth.ThermalZone(zone: "thermal_zone0", type: "cpu-thermal", celsius: 61.523)])
        XCTAssertEqual(health.throttles, [HostHealth.Throttle(condition: "under_voltage", period: "now", active: true)], "hwmon only")

        try put("devices/platform/soc/soc:firmware/get_throttled", "50000\n")
        health = HostHealth.read(sys: sys.path)
        XCTAssertEqual(health.throttles.count, 8, "the firmware word wins: four conditions, now and since boot")
        XCTAssertEqual(health.throttles.filter(\.active).map { "\($0.condition) \($0.period)" }, [
            "under_voltage since_boot", "throttled since_boot",
        ])
    }
}
