// libFuzzer entry for the feed's receiving side, compiled into one module with the WallboardCore
// sources by Deploy/fuzz/build.sh. One input is one or more datagrams separated by 0xFF (a byte
// that never occurs in the protocol's ASCII/UTF-8 grammar). For each datagram it checks:
//   - decoding never traps; it gives a message or a typed FeedError;
//   - a decoded message re-encodes, and encoding is a fixpoint after one round (nothing is lost
//     or invented between decoder and encoder);
//   - signed with a key, the same body decodes to the same message under that key, and the
//     signed datagram with any one byte changed is never accepted;
// and then feeds all of them to a FeedIntake (unsigned and keyed) with time moving on, checking
// that every datagram is counted exactly once.

let fuzzKey = FeedKey(id: "k1", secret: Array("example-key".utf8))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDatagram(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    let datagrams = input.split(separator: 0xFF, omittingEmptySubsequences: false).map(Array.init)
    var signed: [[UInt8]] = []
    for datagram in datagrams {
        if let s = checkDatagram(datagram) { signed.append(s) }
    }
    checkIntake(datagrams, keys: [])
    checkIntake(signed, keys: [fuzzKey])
    return 0
}

/// Returns the signed form of `bytes` when it is a valid body that can be signed.
func checkDatagram(_ bytes: [UInt8]) -> [UInt8]? {
    let plain = FeedDecoder()
    let message: FeedMessage
    do {
        message = try plain.decode(bytes)
    } catch let error as FeedError {
        _ = error.description
        _ = error.reason
        return nil
    } catch {
        trap("untyped decode error \(error)")
    }

    // Nothing that reaches the wall carries a control or direction character, however it was sent.
    var texts = [message.publisher] + [message.floor].compactMap { $0 }
    for q in message.queues { texts += [q.id, q.name] + [q.period].compactMap { $0 } + q.extras.map(\.name) }
    for s in message.staff { texts += [s.scope].compactMap { $0 } }
    for h in message.handlers { texts += [h.id, h.name, h.state.word] + [h.reason, h.scope].compactMap { $0 } }
    for text in texts {
        if let scalar = ControlCharacters.firstUnshowable(in: text) {
            trap("decoded text carries \(ControlCharacters.name(scalar)): \(ControlCharacters.escaped(text))")
        }
    }

    // Round trip: encode(decode(x)) must decode, and encoding must be stable from then on.
    let encoder = FeedEncoder()
    do {
        let once = try encoder.encode(message)
        let again = try plain.decode(once)
        let twice = try encoder.encode(again)
        if once != twice {
            trap("encoding not stable:\n\(String(decoding: once, as: UTF8.self))\n--\n\(String(decoding: twice, as: UTF8.self))")
        }
        if again.publisher != message.publisher || again.session != message.session
            || again.sequence != message.sequence || again.queues.map(\.id) != message.queues.map(\.id)
            || again.queues.map(\.waiting) != message.queues.map(\.waiting) || again.staff.count != message.staff.count
        {
            trap("round trip changed the message: \(message) -> \(again)")
        }
    } catch FeedError.tooLarge {
        // Re-encoding may escape raw UTF-8 text and grow past 1400 bytes: refused, not mangled.
    } catch {
        trap("a decoded message does not re-encode: \(error)\n\(message)")
    }

    // Signing: only a body that ends with LF and has no SIG line of its own signs as-is.
    guard bytes.last == 0x0a, !lastLineIsSignature(bytes) else { return nil }
    guard let signedBytes = try? FeedEncoder(key: fuzzKey).finish(bytes) else { return nil }
    let keyed = FeedDecoder(keys: [fuzzKey])
    do {
        let verified = try keyed.decode(signedBytes)
        if verified != message { trap("signed decode differs: \(verified) vs \(message)") }
    } catch {
        trap("a validly signed body was refused: \(error)")
    }
    if (try? keyed.decode(bytes)) != nil { trap("unsigned datagram accepted with a key configured") }
    // Forge: change one byte (chosen by the input) anywhere in the signed datagram.
    var forged = signedBytes
    let index = Int(bytes.reduce(0) { ($0 &* 31 &+ Int($1)) & 0xFFFF }) % forged.count
    forged[index] ^= 0x01
    if let accepted = try? keyed.decode(forged) {
        trap("forged datagram accepted (byte \(index) changed): \(accepted)")
    }
    return signedBytes
}

func lastLineIsSignature(_ bytes: [UInt8]) -> Bool {
    let body = bytes.dropLast()
    let start = body.lastIndex(of: 0x0a).map { $0 + 1 } ?? body.startIndex
    return body[start...].starts(with: Array("SIG ".utf8))
}

func checkIntake(_ datagrams: [[UInt8]], keys: [FeedKey]) {
    var intake = FeedIntake(keys: keys, maximumPublishers: 4)
    var applied = 0, standby = 0, rejected = 0
    for (i, d) in datagrams.enumerated() {
        switch intake.receive(d, now: MonotonicSeconds(Double(i) * 0.25)) {
        case .apply: applied += 1
        case .standby: standby += 1
        case .rejected(let error): _ = error.description; rejected += 1
        }
    }
    let c = intake.counters
    if c.received != datagrams.count || c.applied != applied || c.standby != standby
        || c.totalRejected != rejected
    {
        trap("counters \(c) disagree with outcomes: \(applied) applied, \(standby) standby, \(rejected) rejected of \(datagrams.count)")
    }
    _ = c.description
}

/// A finding that is not a crash but a broken promise: stop so libFuzzer saves the input.
func trap(_ message: String) -> Never {
    print("FUZZ INVARIANT: \(message)")
    fatalError(message)
}
