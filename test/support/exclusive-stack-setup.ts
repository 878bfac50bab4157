/** Global set-up of the clock and resilience projects: the exclusive local stack (test/support/test-stacks.ts). */
import { exclusiveStackSetup } from './test-stacks';

export default exclusiveStackSetup;
