/// A failure while running (a file that cannot be read, a bad recording): one line, exit status 1.
struct PublishError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

#if canImport(Glibc)
import Glibc
#endif

/// The text of the current errno.
func systemError() -> String {
    String(decoding: UnsafeRawBufferPointer(start: strerror(errno), count: strlen(strerror(errno))), as: UTF8.self)
}
