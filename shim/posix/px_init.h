/* Set-up of the musl surface, run once before the program's code. */
#ifndef PX_INIT_H
#define PX_INIT_H

void px_init_printf(void);
void px_init_messages(void);

#endif
