import { ENV } from '../catalog';

/** Reads a required environment variable at call time, with an error that names it. */
export function requiredEnv(name: (typeof ENV)[keyof typeof ENV]): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}

export function optionalEnv(name: (typeof ENV)[keyof typeof ENV]): string | undefined {
  return process.env[name] || undefined;
}

export const tableName = () => requiredEnv(ENV.tableName);
export const appUrl = () => requiredEnv(ENV.appUrl).replace(/\/+$/, '');
