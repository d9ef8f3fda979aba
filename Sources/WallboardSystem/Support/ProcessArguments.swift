import CProcessArguments

/// The program's arguments (argv[0] first) as the kernel gave them. Swift's `CommandLine` reads
/// /proc/self/cmdline on Linux, so a tool started where /proc is not mounted (a chroot or image
/// builder without it, a mount namespace) saw no arguments and refused every command; this reads
/// the vector glibc hands the program's constructors (Sources/CProcessArguments).
public enum ProcessArguments {
    public static var all: [String] {
        let argc = Int(wb_process_argc())
        guard argc > 0, let argv = wb_process_argv() else { return CommandLine.arguments }
        return (0..<argc).map { argv[$0].map { String(cString: $0) } ?? "" }
    }
}
