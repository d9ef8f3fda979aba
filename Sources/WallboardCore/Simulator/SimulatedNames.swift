/// Handler names for the simulated floor: first name and surname picked by seat from two lists of
/// coprime lengths, so every seat of a realistic floor (hundreds) has a different, plausible name,
/// some of them long, as a real roster has.
enum SimulatedNames {
    static let first = [
        "Aisha", "Ben", "Chloe", "Daniel", "Emily", "Farhan", "Grace", "Harry", "Isabelle", "Jack",
        "Katarzyna", "Liam", "Mohammed", "Niamh", "Oliver", "Priya", "Rhys", "Sophie", "Thomas",
        "Uzma", "Victoria", "William", "Yasmin",
    ]
    static let last = [
        "Ahmed", "Brown", "Campbell-Hughes", "Davies", "Evans", "Fitzgerald", "Green", "Hussain",
        "Jones", "Kowalski", "Lewis", "MacDonald", "Nowak", "O'Sullivan", "Patel", "Roberts", "Singh",
        "Taylor", "Williamson", "Wright", "Young", "Zielinski", "Okonkwo", "Thompson", "Walker",
        "Robinson", "Clarke", "Edwards", "Hughes",
    ]

    static func name(seat: Int) -> String {
        "\(first[seat % first.count]) \(last[seat % last.count])"
    }
}
