// Swift's CommandLine.arguments on Linux reads /proc/self/cmdline (the runtime's
// _swift_stdlib_getUnsafeArgvArgc), so a program started where /proc is not mounted — a chroot
// or an image builder without it, a mount namespace — sees no arguments at all. glibc calls
// ELF constructors with (argc, argv, envp): the vector the kernel gave the program, no /proc.
#include "process_arguments.h"

static int saved_argc;
static char **saved_argv;

__attribute__((constructor)) static void wb_capture_arguments(int argc, char **argv, char **envp) {
    (void)envp;
    saved_argc = argc;
    saved_argv = argv;
}

int wb_process_argc(void) { return saved_argc; }
char **wb_process_argv(void) { return saved_argv; }
