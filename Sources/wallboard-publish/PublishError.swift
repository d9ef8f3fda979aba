/// A failure while running (a file that cannot be read, a bad recording): one line, exit status 1.
struct PublishError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
