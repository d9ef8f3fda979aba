import XCTest
@testable import WallboardSystem

/// The VT switch is best effort, but never silent: every refused node is named with its reason,
/// so a unit without a controlling tty shows up in the journal instead of a blanking board.
final class VirtualTerminalTests: XCTestCase {
    func testEveryRefusedNodeIsNamedWithItsReasonAndLoggedAsAWarning() {
        let vt = VirtualTerminal(candidates: ["/nonexistent/tty9", "/dev/null"])
        XCTAssertNil(vt.path)
        XCTAssertEqual(vt.problem, "/nonexistent/tty9: No such file or directory; /dev/null: not a virtual terminal")
        XCTAssertEqual(vt.logLine.priority, .warning)
        XCTAssertTrue(vt.logLine.text.hasPrefix("console: not put in graphics mode (/nonexistent/tty9: "), vt.logLine.text)
    }
}
