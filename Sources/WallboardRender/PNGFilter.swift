/// PNG row filters (PNG spec §9), for 3-byte RGB pixels.
enum PNGFilter {
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

    /// Reverses `filter` in place on the `n` bytes at `row`, given the already-unfiltered
    /// `previous` row (all zeros for the first row). False for an unknown filter type.
    static func undo(_ filter: UInt8, row: UnsafeMutablePointer<UInt8>, previous p: UnsafePointer<UInt8>, count n: Int, bpp: Int) -> Bool {
        switch filter {
        case 0: return true
        // Plain while loops: these run over every byte of a golden image in debug test builds.
        case 1:
            var i = bpp
            while i < n { row[i] = row[i] &+ row[i &- bpp]; i &+= 1 }
        case 2:
            var i = 0
            while i < n { row[i] = row[i] &+ p[i]; i &+= 1 }
        case 3:
            for i in 0..<min(bpp, n) { row[i] = row[i] &+ p[i] / 2 }
            if n > bpp { for i in bpp..<n { row[i] = row[i] &+ UInt8((Int(row[i - bpp]) + Int(p[i])) / 2) } }
        case 4:
            for i in 0..<min(bpp, n) { row[i] = row[i] &+ p[i] }  // paeth(0, b, 0) = b
            if n > bpp { for i in bpp..<n { row[i] = row[i] &+ paeth(row[i - bpp], p[i], p[i - bpp]) } }
        default: return false
        }
        return true
    }

    @inline(__always) static func paeth(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
        let p = Int(a) + Int(b) - Int(c)
        let pa = abs(p - Int(a)), pb = abs(p - Int(b)), pc = abs(p - Int(c))
        if pa <= pb && pa <= pc { return a }
        return pb <= pc ? b : c
    }
}
