import { afterEach, describe, expect, it } from 'vitest';
import { localStackNodeFlags, missingLocalStackNodeFlags, workerThreadSettings } from '../../infra/local-stack-node-flags';

describe('the local stack’s Node flags', () => {
  const execArgv = process.execArgv;
  const nodeOptions = process.env.NODE_OPTIONS;
  afterEach(() => {
    process.execArgv = execArgv;
    if (nodeOptions === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = nodeOptions;
  });

  it('asks for a flag with a value when this Node accepts its name', () => {
    expect(localStackNodeFlags()).toContain('--max-semi-space-size=32');
  });

  it('names the flags a process was started without, given on its command line or in NODE_OPTIONS', () => {
    process.execArgv = ['--max-semi-space-size=32'];
    process.env.NODE_OPTIONS = '';
    expect(missingLocalStackNodeFlags()).not.toContain('--max-semi-space-size=32');
    process.execArgv = [];
    process.env.NODE_OPTIONS = '--max-semi-space-size=32';
    expect(missingLocalStackNodeFlags()).not.toContain('--max-semi-space-size=32');
    process.env.NODE_OPTIONS = '';
    expect(missingLocalStackNodeFlags()).toContain('--max-semi-space-size=32');
  });
});

describe('a worker thread of the local stack', () => {
  it('gets the young generation through its resource limits, and no V8 option in its flags', () => {
    const settings = workerThreadSettings(['--experimental-async-context-frame', '--max-semi-space-size=32', '--import', 'tsx']);
    expect(settings.execArgv).toEqual(['--experimental-async-context-frame', '--import', 'tsx']);
    expect(settings.resourceLimits.maxYoungGenerationSizeMb).toBe(96);
  });
});
