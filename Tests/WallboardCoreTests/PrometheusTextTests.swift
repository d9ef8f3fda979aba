import XCTest
@testable import WallboardCore

final class PrometheusTextTests: XCTestCase {
    func testFamiliesHaveHelpTypeAndSamplesInOrder() {
        let text = PrometheusText.render([
            MetricFamily("wallboard_a", .gauge, help: "First.", samples: [MetricSample(1, ["queue": "999", "state": "ok"]), MetricSample(0.25)]),
            MetricFamily("wallboard_empty", .gauge, help: "Nothing to say.", samples: []),
            MetricFamily("wallboard_b_total", .counter, help: "Second.", value: 12),
        ])
        XCTAssertEqual(text, """
            # HELP wallboard_a First.
            # TYPE wallboard_a gauge
            wallboard_a{queue="999",state="ok"} 1
            wallboard_a 0.25
            # HELP wallboard_b_total Second.
            # TYPE wallboard_b_total counter
            wallboard_b_total 12

            """)
    }

    /// A queue id or publisher name from the feed can hold anything: it must never end the label,
    /// start a new line or leave a dangling escape.
    func testLabelValuesAndHelpAreEscaped() {
        XCTAssertEqual(PrometheusText.escapeLabelValue(#"a"b\c"#), #"a\"b\\c"#)
        XCTAssertEqual(PrometheusText.escapeLabelValue("x\ny"), #"x\ny"#)
        XCTAssertEqual(PrometheusText.escapeLabelValue("CRIME · 999"), "CRIME · 999")
        XCTAssertEqual(PrometheusText.escapeHelp("say \"hi\"\\\nthere"), #"say "hi"\\\nthere"#)
        let text = PrometheusText.render([
            MetricFamily("wallboard_q", .gauge, help: "Q.", samples: [MetricSample(1, ["queue": "evil\"} 1\nwallboard_fake 2"])])
        ])
        XCTAssertEqual(text.split(separator: "\n").count, 3, text)
        XCTAssertTrue(text.contains(#"wallboard_q{queue="evil\"} 1\nwallboard_fake 2"} 1"#), text)
    }

    func testNumbers() {
        XCTAssertEqual(PrometheusText.number(3), "3")
        XCTAssertEqual(PrometheusText.number(-2), "-2")
        XCTAssertEqual(PrometheusText.number(1.5), "1.5")
        XCTAssertEqual(PrometheusText.number(1_764_583_200.25), "1764583200.25")
        XCTAssertEqual(PrometheusText.number(.nan), "NaN")
        XCTAssertEqual(PrometheusText.number(.infinity), "+Inf")
        XCTAssertEqual(PrometheusText.number(-.infinity), "-Inf")
        XCTAssertEqual(PrometheusText.number(1e20), "1e+20")
    }
}
