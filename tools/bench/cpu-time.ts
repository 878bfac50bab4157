import { readdirSync, readFileSync } from 'node:fs';

/** Kernel clock ticks per second, the unit of /proc/<pid>/stat times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

interface ProcessStat {
  readonly pid: number;
  readonly parent: number;
  readonly command: string;
  /** User plus system CPU seconds. */
  readonly cpuSeconds: number;
}

function readStat(pid: number): ProcessStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command sits in parentheses and may itself contain spaces or parentheses.
    const close = text.lastIndexOf(')');
    const fields = text.slice(close + 2).split(' ');
    return {
      pid,
      parent: Number(fields[1]),
      command: text.slice(text.indexOf('(') + 1, close),
      cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
    };
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds used so far by a process and, separately, by each of its descendants' commands
 * (for the local stack: `java` is DynamoDB Local). Linux only; elsewhere every figure is 0.
 */
export function cpuSecondsOf(rootPid: number | undefined): { self: number; descendants: Record<string, number> } {
  if (rootPid === undefined) return { self: 0, descendants: {} };
  let stats: ProcessStat[] = [];
  try {
    stats = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map((name) => readStat(Number(name))).filter((stat): stat is ProcessStat => stat !== undefined);
  } catch {
    return { self: 0, descendants: {} };
  }
  const childrenOf = new Map<number, ProcessStat[]>();
  for (const stat of stats) childrenOf.set(stat.parent, [...(childrenOf.get(stat.parent) ?? []), stat]);
  const descendants: Record<string, number> = {};
  const visit = (pid: number) => {
    for (const child of childrenOf.get(pid) ?? []) {
      descendants[child.command] = (descendants[child.command] ?? 0) + child.cpuSeconds;
      visit(child.pid);
    }
  };
  visit(rootPid);
  return { self: stats.find((stat) => stat.pid === rootPid)?.cpuSeconds ?? 0, descendants };
}
