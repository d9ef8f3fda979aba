import Foundation
import WallboardSystem

/// Polls `condition` every `interval` seconds (10 ms unless the condition is costly, such as a
/// control-socket round trip) until it holds or `seconds` pass; true if it held. Tests of real
/// sockets and processes wait this way instead of sleeping a fixed time.
public func waitUntil(_ seconds: Double = 5, every interval: Double = 0.01, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    repeat {
        if try condition() { return true }
        usleep(useconds_t(interval * 1_000_000))
    } while Date() < deadline
    return false
}

/// After a flood that overflowed the socket buffer: sends one small datagram at a time until one is
/// read, because the kernel's drop count travels with the next datagram read (SO_RXQ_OVFL), then waits
/// until the inbox holds every datagram the receiver counted. Returns the status then, nil on timeout;
/// `sent` counts the extra datagrams too, so read + dropped can be checked against it.
public func receiverStatusAfterFlood(
    sender: MulticastSender, receiver: MulticastReceiver, inbox: DatagramInbox, sent: inout Int
) -> MulticastReceiver.Status? {
    var extra = 0
    let arrived = waitUntil(10) {
        if (try? sender.send([UInt8](repeating: 0x42, count: 10))) != nil { extra += 1 }
        usleep(50_000)
        return inbox.all.contains { $0.bytes.count == 10 }
    }
    sent += extra
    guard arrived, waitUntil(5, { receiver.status.datagrams == inbox.all.count }) else { return nil }
    return receiver.status
}
