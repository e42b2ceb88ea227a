/** Redis for the cluster tests: the same `redis-server` start as `npm run cluster`'s. */
export { freePort, startRedis, startRedisOn, type RedisProcess } from '../../scripts/lib/redis-server.ts';
