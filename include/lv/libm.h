/* The host's libm, loaded when a program first needs one of its functions
 * (loader/host_libm.c). */
#ifndef LV_LIBM_H
#define LV_LIBM_H

/* The function's address, or NULL where libm.so.6 lacks it. */
void *lv_libm_find(const char *name);
/* The same for a function lvrun cannot do without: a missing one is
 * reported and ends the process. */
void *lv_libm_function(const char *name);
/* lv_libm_function's answer kept in *slot: each caller looks up once. */
void *lv_libm_cached(void **slot, const char *name);

#endif
