/// Canonical Huffman codes for deflate: code lengths from symbol frequencies (length-limited),
/// and the codes those lengths define.
package enum Huffman {
    /// Code lengths for `frequencies`, none longer than `limit`. Unused symbols get 0. When only one
    /// symbol is used it still gets length 1 (deflate needs a complete-enough code to decode).
    static func lengths(_ frequencies: [Int], limit: Int) -> [UInt8] {
        var freqs = frequencies
        while true {
            let lengths = unlimitedLengths(freqs)
            if (lengths.max() ?? 0) <= limit { return lengths }
            // Too deep: flatten the distribution and try again (keeps every used symbol used).
            freqs = freqs.map { $0 == 0 ? 0 : max(1, $0 / 2) }
        }
    }

    private static func unlimitedLengths(_ freqs: [Int]) -> [UInt8] {
        var lengths = [UInt8](repeating: 0, count: freqs.count)
        let used = freqs.indices.filter { freqs[$0] > 0 }
        if used.isEmpty { return lengths }
        if used.count == 1 {
            lengths[used[0]] = 1
            return lengths
        }
        // Nodes: leaves first, then internal nodes; parent links give each leaf's depth.
        var weight = used.map { freqs[$0] }
        var parent = [Int](repeating: -1, count: used.count * 2)
        var heap = MinHeap()
        for (node, w) in weight.enumerated() { heap.push(w, node) }
        while heap.count > 1 {
            let (w1, a) = heap.pop(), (w2, b) = heap.pop()
            let node = weight.count
            weight.append(w1 + w2)
            parent[a] = node
            parent[b] = node
            heap.push(w1 + w2, node)
        }
        for (leaf, symbol) in used.enumerated() {
            var depth = 0, node = leaf
            while parent[node] >= 0 {
                node = parent[node]
                depth += 1
            }
            lengths[symbol] = UInt8(depth)
        }
        return lengths
    }

    /// Canonical codes for `lengths` (RFC 1951 §3.2.2), most-significant bit first; 0 where the
    /// length is 0. The encoder and the decoder both build their codes here.
    package static func canonicalCodes(_ lengths: [UInt8]) -> [UInt32] {
        var count = [Int](repeating: 0, count: 16)
        for l in lengths where l > 0 { count[Int(l)] += 1 }
        var next = [UInt32](repeating: 0, count: 16)
        var code: UInt32 = 0
        for bits in 1..<16 {
            code = (code + UInt32(count[bits - 1])) << 1
            next[bits] = code
        }
        return lengths.map { l in
            guard l > 0 else { return 0 }
            defer { next[Int(l)] += 1 }
            return next[Int(l)]
        }
    }

    /// `code`'s low `length` bits in reverse order: deflate sends Huffman codes starting from
    /// their most-significant bit into a stream read least-significant bit first.
    @inline(__always) package static func reversed(_ code: UInt32, length: Int) -> UInt32 {
        var reversed: UInt32 = 0
        for i in 0..<length where code & (1 << i) != 0 { reversed |= 1 << (length - 1 - i) }
        return reversed
    }

    /// Canonical codes for `lengths`, bit-reversed so they can be written least-significant bit first.
    static func reversedCodes(_ lengths: [UInt8]) -> [UInt32] {
        zip(canonicalCodes(lengths), lengths).map { reversed($0, length: Int($1)) }
    }
}

/// A binary min-heap of (weight, node), ties broken by node so results are deterministic.
struct MinHeap {
    private var items: [(Int, Int)] = []
    var count: Int { items.count }

    private static func less(_ a: (Int, Int), _ b: (Int, Int)) -> Bool { a.0 < b.0 || (a.0 == b.0 && a.1 < b.1) }

    mutating func push(_ weight: Int, _ node: Int) {
        items.append((weight, node))
        var i = items.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            guard MinHeap.less(items[i], items[p]) else { break }
            items.swapAt(i, p)
            i = p
        }
    }

    mutating func pop() -> (Int, Int) {
        let top = items[0]
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count && MinHeap.less(items[l], items[m]) { m = l }
                if r < items.count && MinHeap.less(items[r], items[m]) { m = r }
                if m == i { break }
                items.swapAt(i, m)
                i = m
            }
        }
        return top
    }
}
