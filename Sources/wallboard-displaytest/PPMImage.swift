/// A binary PPM (P6) image, as QEMU's `screendump` writes it.
struct PPMImage {
    let width: Int
    let height: Int
    let bytes: [UInt8]
    let dataOffset: Int

    enum ParseError: Error, CustomStringConvertible {
        case notPPM(String)
        var description: String { switch self { case .notPPM(let why): return "not a P6 PPM image: \(why)" } }
    }

    init(_ bytes: [UInt8]) throws {
        var i = 0
        func token() throws -> String {
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: "#") { while i < bytes.count && bytes[i] != 10 { i += 1 } }
                else if [9, 10, 13, 32].contains(bytes[i]) { i += 1 } else { break }
            }
            let start = i
            while i < bytes.count && ![9, 10, 13, 32].contains(bytes[i]) { i += 1 }
            guard i > start else { throw ParseError.notPPM("header ends early") }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }
        guard try token() == "P6" else { throw ParseError.notPPM("no P6 magic") }
        guard let w = Int(try token()), let h = Int(try token()), let max = Int(try token()), max == 255 else {
            throw ParseError.notPPM("bad size or depth")
        }
        i += 1  // the single whitespace byte before the pixels
        guard bytes.count >= i + w * h * 3 else { throw ParseError.notPPM("\(bytes.count) bytes is too short for \(w)x\(h)") }
        width = w
        height = h
        self.bytes = bytes
        dataOffset = i
    }

    func pixel(_ x: Int, _ y: Int) -> UInt32 {
        let o = dataOffset + (y * width + x) * 3
        return UInt32(bytes[o]) << 16 | UInt32(bytes[o + 1]) << 8 | UInt32(bytes[o + 2])
    }
}
