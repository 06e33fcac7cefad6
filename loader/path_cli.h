/* `lvrun path`: host and Windows paths, as a PE program names them. */
#ifndef PATH_CLI_H
#define PATH_CLI_H

/* argv[0] is "path"; returns the exit status. */
int path_cli_main(int argc, char **argv);

#endif
