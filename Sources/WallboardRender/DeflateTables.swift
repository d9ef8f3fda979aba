/// The fixed tables of RFC 1951: length and distance codes, and the code-length alphabet order.
/// `package`: the test decoder (WallboardTestSupport's Inflate) reads the same RFC facts.
package enum DeflateTables {
    /// Base match length for length symbols 257...285, and their extra bits.
    package static let lengthBase: [Int] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115,
                                    131, 163, 195, 227, 258]
    package static let lengthExtra: [Int] = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    /// Base distance for distance symbols 0...29, and their extra bits.
    package static let distanceBase: [Int] = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025,
                                      1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    package static let distanceExtra: [Int] = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12,
                                       12, 13, 13]
    /// The order code-length code lengths are sent in.
    package static let codeLengthOrder: [Int] = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    /// Length symbol index (0...28) for each match length 3...258, indexed by length.
    package static let lengthSymbol: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 259)
        for code in 0..<29 {
            let upper = code == 28 ? 258 : (code + 1 < 28 ? lengthBase[code + 1] - 1 : 257)
            for length in lengthBase[code]...upper where length <= 258 { table[length] = UInt8(code) }
        }
        table[258] = 28
        return table
    }()

    package static func distanceSymbol(_ distance: Int) -> Int {
        var code = 0
        while code < 29 && distanceBase[code + 1] <= distance { code += 1 }
        return code
    }

    /// Code lengths of the fixed literal/length and distance codes (RFC 1951 §3.2.6).
    package static let fixedLiteralLengths: [UInt8] = (0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 }
    package static let fixedDistanceLengths = [UInt8](repeating: 5, count: 30)
}
