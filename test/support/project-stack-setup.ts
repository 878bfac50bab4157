/** Global set-up of the integration and browser projects: a local stack for each, which its files share (test/support/test-stacks.ts). */
import { projectStackSetup } from './test-stacks';

export default projectStackSetup;
