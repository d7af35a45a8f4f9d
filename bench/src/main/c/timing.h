/* Ce que partagent les jumeaux C : l'horloge et le tri des durées. */
#ifndef TIMING_H
#define TIMING_H

#include <time.h>

/* CLOCK_MONOTONIC : ne recule jamais, comme System.nanoTime() en Java. */
static inline long ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

static inline int by_double(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

static inline int by_long(const void *a, const void *b) {
    long x = *(const long *) a, y = *(const long *) b;
    return (x > y) - (x < y);
}

#endif
