/* `lvrun reg`: the prefix's registry to and from .reg files. */
#ifndef REG_CLI_H
#define REG_CLI_H

/* argv[0] is "reg"; returns the exit status. */
int reg_cli_main(int argc, char **argv);

#endif
