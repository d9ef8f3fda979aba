#if canImport(Glibc)
import Glibc
#endif
import CDRM
import WallboardCore
import WallboardRender
import WallboardSystem

// The display engineer's probe for real kernels (the QEMU harness in Deploy/qemu runs it):
// draws a known pattern through a display backend, reports, and restores the screen on SIGTERM.

let help = """
    wallboard-displaytest — draws a test pattern through a Wallboard display, for the QEMU harness.

    Usage:
      wallboard-displaytest show [--display drm|fbdev|png|terminal|auto] [--device PATH]
                                 [--connector NAME] [--mode WxH[@HZ]] [--rotation 0|90|180|270]
                                 [--steps N] [--png FILE] [--single-buffer]
          Four quadrants (red, green / blue, white) and a yellow square that moves to the centre
          over N page-flipped frames (--single-buffer: DRM with one buffer + DirtyFB); prints "READY <display>", then follows hot-plug events
          ("EVENT ...") until SIGTERM/SIGINT, restores the screen and prints "RESTORED".
      wallboard-displaytest check FILE.ppm FX,FY=RRGGBB | FX,FY!=RRGGBB ...
          Checks pixels of a PPM (QEMU screendump) at fractions of its size; exit 1 on a mismatch.
      wallboard-displaytest check FILE.ppm RRGGBB>=SHARE | RRGGBB<SHARE ...
          Checks the share (0...1) of all pixels that are exactly RRGGBB.
      wallboard-displaytest vt-mode [TTY]
          Prints "VT-MODE text" or "VT-MODE graphics": the console mode of TTY (default /dev/tty1),
          so the harness can see that a stopped board gave the console back.
      wallboard-displaytest clock-sync
          Marks the kernel clock synchronised, as an NTP daemon does (the guest has no network
          time, and an unsynchronised board ignores its [display] on schedule); prints "CLOCK synchronised".
    """

/// Writes one line to stdout right away (the serial console is read while we run).
func say(_ line: String) {
    var bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeMutableBytes { write(1, $0.baseAddress, $0.count) }
}

func show(_ arguments: inout Arguments) throws -> Int32 {
    var options = DisplayOptions(kind: .drm)
    if let kind = try arguments.option("--display") {
        guard let k = DisplayKind(rawValue: kind) else { throw UsageError("--display: unknown kind '\(kind)'") }
        options.kind = k
    }
    options.drmDevice = try arguments.option("--device")
    if let path = options.drmDevice, options.kind == .fbdev { options.fbdevPath = path }
    options.connector = try arguments.option("--connector")
    if let mode = try arguments.option("--mode") { options.mode = try DisplayMode(parsing: mode) }
    if let degrees = try arguments.option("--rotation", as: { Int($0).flatMap(Rotation.init(degrees:)) }, expected: "0, 90, 180 or 270") {
        options.rotation = degrees
    }
    if let png = try arguments.option("--png") { options.pngPath = png }
    let steps = try arguments.option("--steps", as: { Int($0) }, expected: "a number") ?? 30
    let singleBuffer = arguments.flag("--single-buffer")
    try arguments.finish()

    // Signals are taken synchronously in the loop below, so the screen is restored in order.
    var signals = sigset_t()
    sigemptyset(&signals)
    sigaddset(&signals, SIGTERM)
    sigaddset(&signals, SIGINT)
    sigprocmask(SIG_BLOCK, &signals, nil)

    let (display, reason): (Display, String) = singleBuffer
        ? (try DRMDisplay(devicePath: options.drmDevice, connector: options.connector, mode: options.mode,
                          rotation: options.rotation, singleBuffer: true), "single buffer + DirtyFB requested")
        : try DisplaySelector.open(options)
    say("DISPLAY \(display.name) (\(reason))")
    func pump(_ milliseconds: Int32) throws {
        var fds = display.eventFileDescriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
        guard !fds.isEmpty else { return }
        if poll(&fds, nfds_t(fds.count), milliseconds) > 0 {
            let change = try display.handleEvents()
            if change != .none { say("EVENT \(change) \(display.width)x\(display.height) (kernel event)") }
        }
    }

    var canvas = Canvas(width: display.width, height: display.height)
    TestPattern.quadrants(canvas)
    try display.present(canvas, damage: [canvas.bounds])
    var previous = Rect(x: 0, y: 0, width: 0, height: 0)
    for step in 0...steps {
        TestPattern.restore(canvas, previous)
        let square = TestPattern.square(canvas, step: step, steps: steps)
        canvas.fill(square, with: TestPattern.yellow)
        try display.present(canvas, damage: [previous, square])
        previous = square
        try pump(100)  // let the flip complete before the next frame
    }
    for _ in 0..<3 { try pump(50) }
    let flips = (display as? DRMDisplay).map { " frames=\($0.framesQueued) flips=\($0.flipsCompleted)" } ?? ""
    say("READY \(display.name)\(flips)")

    var lastCheck = monotonicNow()
    while true {
        var timeout = timespec(tv_sec: 0, tv_nsec: 0)
        if sigtimedwait(&signals, nil, &timeout) > 0 { break }
        try pump(200)
        if let interval = display.checkInterval, monotonicNow() - lastCheck >= interval {
            lastCheck = monotonicNow()
            let change = try display.periodicCheck()
            if change != .none { say("EVENT \(change) \(display.width)x\(display.height) (slow poll)") }
            if change == .resized {
                canvas = Canvas(width: display.width, height: display.height)
                TestPattern.quadrants(canvas)
                try display.present(canvas, damage: [canvas.bounds])
            }
        }
    }
    display.close()
    say("RESTORED")
    return 0
}

func monotonicNow() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// "0.25,0.25=FF0000", "0.25,0.25!=FF0000", or a colour's share: "3A1407>=0.1".
func check(_ arguments: inout Arguments) throws -> Int32 {
    guard let file = arguments.next() else { throw UsageError("check needs a PPM file") }
    var specs: [String] = []
    while let spec = arguments.next() { specs.append(spec) }
    try arguments.finish()
    let image = try PPMImage(TextFile.readBytes(file, limit: 1 << 28))
    var failures = 0
    for spec in specs {
        // "RRGGBB>=0.05" / "RRGGBB<0.01": the share of all pixels that are exactly that colour.
        if let op = [">=", "<"].first(where: { spec.contains($0) }) {
            let parts = spec.components(op)
            guard parts.count == 2, let colour = UInt32(parts[0], radix: 16), let limit = Double(parts[1]) else {
                throw UsageError("bad check '\(spec)'")
            }
            var count = 0
            for y in 0..<image.height { for x in 0..<image.width where image.pixel(x, y) == colour { count += 1 } }
            let share = Double(count) / Double(image.width * image.height)
            let ok = op == ">=" ? share >= limit : share < limit
            say("\(ok ? "ok  " : "FAIL") \(file) \(image.width)x\(image.height) share of \(parts[0]) = \((share * 1000).rounded() / 1000), wanted \(op) \(parts[1])")
            if !ok { failures += 1 }
            continue
        }
        let negate = spec.contains("!=")
        let parts = spec.split(separator: negate ? "!" : "=", maxSplits: 1).map(String.init)
        let colourText = parts.count == 2 ? String(parts[1].filter { $0 != "=" }) : ""
        let at = parts[0].split(separator: ",").compactMap { Double($0) }
        guard at.count == 2, let expected = UInt32(colourText, radix: 16) else { throw UsageError("bad check '\(spec)'") }
        let x = min(image.width - 1, Int(at[0] * Double(image.width)))
        let y = min(image.height - 1, Int(at[1] * Double(image.height)))
        let actual = image.pixel(x, y)
        let ok = negate ? actual != expected : actual == expected
        let hex = String(actual, radix: 16)
        say("\(ok ? "ok  " : "FAIL") \(file) \(image.width)x\(image.height) (\(x),\(y)) = \(String(repeating: "0", count: 6 - hex.count))\(hex), wanted \(negate ? "not " : "")\(colourText)")
        if !ok { failures += 1 }
    }
    return failures == 0 ? 0 : 1
}

/// KDGETMODE on a VT: what the kernel's console is in right now.
func vtMode(_ arguments: inout Arguments) throws -> Int32 {
    let path = arguments.next() ?? "/dev/tty1"
    try arguments.finish()
    let tty: FileDescriptor
    do { tty = try .open(path, O_RDONLY | O_NOCTTY) } catch { throw UsageError("\(path): cannot open: \(error)") }
    return try tty.closeAfter { tty in
        var mode: Int32 = 0
        do { try nothingOrErrno { ioctl(tty.rawValue, UInt(WB_KDGETMODE), &mode) } } catch { throw UsageError("\(path): KDGETMODE: \(error)") }
        say("VT-MODE \(mode == WB_KD_TEXT ? "text" : mode == WB_KD_GRAPHICS ? "graphics" : "mode \(mode)") \(path)")
        return 0
    }
}

func clockSync(_ arguments: inout Arguments) throws -> Int32 {
    try arguments.finish()
    guard wb_mark_clock_synchronised() >= 0, BoardHealthReader.clockSynchronised() == true else {
        throw UsageError("adjtimex: cannot mark the clock synchronised: \(Errno.current)")
    }
    say("CLOCK synchronised")
    return 0
}

CommandLineTool.main(name: "wallboard-displaytest", help: help) { arguments in
    switch try arguments.command(among: ["show", "check", "vt-mode", "clock-sync"]) {
    case "show": return try show(&arguments)
    case "vt-mode": return try vtMode(&arguments)
    case "clock-sync": return try clockSync(&arguments)
    default: return try check(&arguments)
    }
}

extension String {
    /// Splits at the first occurrence of `separator` (no Foundation needed).
    func components(_ separator: String) -> [String] {
        guard let range = firstRange(of: separator) else { return [self] }
        return [String(self[..<range.lowerBound]), String(self[range.upperBound...])]
    }
}
