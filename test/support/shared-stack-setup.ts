/** Global set-up of the integration and browser projects: the shared local stack (test/support/test-stacks.ts). */
import { sharedStackSetup } from './test-stacks';

export default sharedStackSetup;
