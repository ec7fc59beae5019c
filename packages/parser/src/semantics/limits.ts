/**
 * Linux's PATH_MAX: the longest path, in bytes, a system call takes. A build fails to create a longer WORKDIR
 * (`file name too long`), and the planner and the rules that follow `cd`s stop following a directory there, so
 * that a chain of ever deeper directories costs each step a bounded copy.
 */
export const pathMax = 4096;
