import WallboardRender

/// Undoes PNG row filters, for the test decoder (the library only writes PNGs).
enum PNGUnfilter {
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
            for i in 0..<min(bpp, n) { row[i] = row[i] &+ p[i] }  // PNGFilter.paeth(0, b, 0) = b
            if n > bpp { for i in bpp..<n { row[i] = row[i] &+ PNGFilter.paeth(row[i - bpp], p[i], p[i - bpp]) } }
        default: return false
        }
        return true
    }

}
