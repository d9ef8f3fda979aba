/// Shorter forms of handler names for a cell too narrow for the whole name, each kept only while it
/// names one handler alone on the board: "Katarzyna Maria Campbell-Hughes" → "Katarzyna
/// Campbell-Hughes" → "K. Campbell-Hughes" → the id. A form two handlers would share is dropped
/// (two "J. Smith"s both keep their full names, then fall back to their ids), so a shortened name
/// never points at the wrong person. The id is always last: ids are unique by the protocol.
enum HandlerNames {
    static func forms(for handlers: [HandlerReport]) -> [[String]] {
        let candidates = handlers.map(shortenings)
        var owners: [String: Set<String>] = [:]
        for (h, forms) in zip(handlers, candidates) {
            // A full name counts too: "J. Smith" must not shorten someone else to the name of "J. Smith".
            for form in forms + [h.name.trimmingSpaces, h.id] { owners[form, default: []].insert(h.id) }
        }
        return zip(handlers, candidates).map { h, forms in
            let full = h.name.trimmingSpaces.isEmpty ? h.id : h.name.trimmingSpaces
            var out = [full]
            for form in forms where form != full && owners[form] == [h.id] && !out.contains(form) { out.append(form) }
            if !out.contains(h.id) { out.append(h.id) }
            return out
        }
    }

    /// Candidate short forms of one name, longest first (none for a one-word name).
    static func shortenings(_ h: HandlerReport) -> [String] {
        let words = h.name.split(separator: " ").map(String.init)
        guard words.count >= 2, let first = words.first, let last = words.last, let initial = first.first else { return [] }
        var forms: [String] = []
        if words.count > 2 { forms.append("\(first) \(last)") }
        forms.append("\(initial). \(last)")
        return forms
    }
}
