/// PNG row filters (PNG spec §9), for 3-byte RGB pixels.
package enum PNGFilter {
    static let bytesPerPixel = 3

    /// Writes `row` filtered with whichever of None, Sub, Up and Paeth leaves the smallest sum of
    /// absolute residuals (the PNG spec's suggested heuristic) into `out`; returns the filter type.
    static func filterBest(row: UnsafePointer<UInt8>, previous: UnsafePointer<UInt8>, count n: Int, into out: UnsafeMutablePointer<UInt8>) -> UInt8 {
        let bpp = bytesPerPixel
        var costs = (0, 0, 0, 0)
        for i in 0..<n {
            let x = row[i], a = i >= bpp ? row[i - bpp] : 0, b = previous[i], c = i >= bpp ? previous[i - bpp] : 0
            costs.0 += magnitude(x)
            costs.1 += magnitude(x &- a)
            costs.2 += magnitude(x &- b)
            costs.3 += magnitude(x &- paeth(a, b, c))
        }
        let best = min(costs.0, costs.1, costs.2, costs.3)
        let filter: UInt8 = best == costs.0 ? 0 : best == costs.2 ? 2 : best == costs.1 ? 1 : 4
        for i in 0..<n {
            let x = row[i]
            switch filter {
            case 0: out[i] = x
            case 1: out[i] = x &- (i >= bpp ? row[i - bpp] : 0)
            case 2: out[i] = x &- previous[i]
            default: out[i] = x &- paeth(i >= bpp ? row[i - bpp] : 0, previous[i], i >= bpp ? previous[i - bpp] : 0)
            }
        }
        return filter
    }

    @inline(__always) static func magnitude(_ residual: UInt8) -> Int { residual < 128 ? Int(residual) : 256 - Int(residual) }

    /// `package`: the test decoder (WallboardTestSupport's PNGReader) predicts with the same function.
    @inline(__always) package static func paeth(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
        let p = Int(a) + Int(b) - Int(c)
        let pa = abs(p - Int(a)), pb = abs(p - Int(b)), pc = abs(p - Int(c))
        if pa <= pb && pa <= pc { return a }
        return pb <= pc ? b : c
    }
}
