export {
  createBackoffRegistry,
  sharedBackoffRegistry,
  type BackoffRegistry,
  type BackoffRegistryOptions,
} from './backoff-registry';
export { parseRetryAfter } from './parse-retry-after';
