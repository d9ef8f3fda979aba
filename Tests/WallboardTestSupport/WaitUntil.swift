import Foundation
import WallboardSystem

/// Polls `condition` every 10 ms until it holds or `seconds` pass; true if it held. Tests of real
/// sockets wait for the kernel this way instead of sleeping a fixed time.
public func waitUntil(_ seconds: Double = 5, _ condition: () -> Bool) -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
        if condition() { return true }
        usleep(10_000)
    }
    return condition()
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
