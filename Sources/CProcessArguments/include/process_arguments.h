// The process's own argc/argv, as glibc handed them to the program (see process_arguments.c).
#ifndef WALLBOARD_PROCESS_ARGUMENTS_H
#define WALLBOARD_PROCESS_ARGUMENTS_H

/// argc as the program was started with it; 0 if the constructor did not run (not glibc).
int wb_process_argc(void);
/// argv[0..argc-1], NULL-terminated; NULL if the constructor did not run.
char **wb_process_argv(void);

#endif
