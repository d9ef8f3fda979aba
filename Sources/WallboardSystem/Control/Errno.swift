#if canImport(Glibc)
import Glibc
#endif

/// strerror text for an errno value, e.g. "Permission denied (errno 13)".
func errnoText(_ code: Int32) -> String {
    "\(String(cString: strerror(code))) (errno \(code))"
}
