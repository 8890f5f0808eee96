import { availableParallelism } from 'node:os';

/**
 * argon2 hashes in libuv's thread pool, which has 4 threads unless UV_THREADPOOL_SIZE says otherwise, read
 * once, when the pool first starts. One thread per core hashes faster than 4 on a 2-core machine (19 MiB
 * each: more threads than cores only evict each other's memory from the caches) and leaves the event loop
 * its turn sooner (BENCHMARKS.md). Imported first by main.ts, before anything can start the pool; a size the
 * person running Gatehouse chose is kept. (The one process.env write outside the config module: it is an
 * instruction to libuv, not a Gatehouse setting.)
 */
if (!process.env.UV_THREADPOOL_SIZE) process.env.UV_THREADPOOL_SIZE = String(availableParallelism());
