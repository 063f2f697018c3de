/* The floor for `attain-bench simulate`: the time one thread needs just to draw 45 standard normals per path
 * (9 indicators x 5 simulated years), with xoshiro256** seeded by SplitMix64 and Marsaglia's polar method.
 * Nothing else: no parameters, no counts, no targets. Build: cc -O2 -o normals_floor normals_floor.c -lm
 * Usage: normals_floor PATHS [REPEATS] -> prints "floor median S s cpu-median S s paths N normals-per-path 45" */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static uint64_t s[4];

static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static inline uint64_t next(void) {
    uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45);
    return result;
}

static void seed(uint64_t x) {
    for (int i = 0; i < 4; i++) {
        uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        s[i] = z ^ (z >> 31);
    }
}

static inline double uniform(void) { return (double)(next() >> 11) * 0x1p-53; }

static double spare; static int has_spare = 0;

static inline double normal(void) {
    if (has_spare) { has_spare = 0; return spare; }
    double u, v, q;
    do { u = 2 * uniform() - 1; v = 2 * uniform() - 1; q = u * u + v * v; } while (q >= 1 || q == 0);
    double f = sqrt(-2 * log(q) / q);
    spare = v * f; has_spare = 1;
    return u * f;
}

static double seconds(clockid_t c) { struct timespec t; clock_gettime(c, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

static int cmp(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return (x > y) - (x < y); }

int main(int argc, char **argv) {
    long paths = argc > 1 ? atol(argv[1]) : 1000000;
    int repeats = argc > 2 ? atoi(argv[2]) : 5;
    double *wall = malloc(sizeof(double) * repeats), *cpu = malloc(sizeof(double) * repeats), sink = 0;
    for (int r = -1; r < repeats; r++) {           /* r = -1: warm-up */
        seed(42);
        double w0 = seconds(CLOCK_MONOTONIC), c0 = seconds(CLOCK_THREAD_CPUTIME_ID);
        for (long p = 0; p < paths; p++) {
            double acc = 0;
            for (int k = 0; k < 45; k++) acc += normal();
            sink += acc;
        }
        if (r >= 0) { wall[r] = seconds(CLOCK_MONOTONIC) - w0; cpu[r] = seconds(CLOCK_THREAD_CPUTIME_ID) - c0; }
    }
    qsort(wall, repeats, sizeof(double), cmp);
    qsort(cpu, repeats, sizeof(double), cmp);
    printf("floor median %.4f s cpu-median %.4f s paths %ld normals-per-path 45 (checksum %.3f)\n",
           wall[repeats / 2], cpu[repeats / 2], paths, sink / paths);
    return 0;
}
