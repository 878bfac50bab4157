/**
 * What a console page hands its browser script: the JSON in `#console-config` (written by
 * layout.ts, read by browser/core.ts) and the names of the pages' scripts. It imports nothing, so
 * that both the Lambda code and the browser code (templates/console/browser) can use it (its
 * imports are types only).
 */
import type { CountName, CountWording } from './counts';
import type { BrowserMessages, ConsoleLanguage } from './i18n/messages';

/** How the console signs people in: Cognito's hosted UI on AWS, the development sign-in locally. */
export type SignInConfig =
  | {
    readonly kind: 'cognito';
    readonly domainUrl: string;
    readonly clientId: string;
    /** The scopes the console asks for (space-separated): OpenID Connect's and the API's, whose access token it sends. */
    readonly scope: string;
  }
  | { readonly kind: 'development'; readonly url: string }
  | { readonly kind: 'none' };

export interface Labelled {
  readonly id: string;
  readonly label: string;
}

export interface ConsoleConfig {
  readonly signIn: SignInConfig;
  /** Ids from the path, validated before they get here. */
  readonly page: Readonly<Record<string, string>>;
  /** The language the page speaks, and the wording of its script in it (only that language's). */
  readonly language: ConsoleLanguage;
  readonly messages: BrowserMessages;
  readonly counts: Readonly<Record<CountName, CountWording>>;
  readonly categories: readonly Labelled[];
  readonly states: readonly Labelled[];
  readonly csvColumns: readonly string[];
  /** Each kind of audit event and what the console calls it. */
  readonly eventTypes: readonly Labelled[];
  readonly features: { readonly resendLink: boolean };
}

/** Each console page runs one script, bundled from `templates/console/browser/pages/<name>.ts`. */
export const CONSOLE_PAGE_SCRIPTS = ['declarations', 'dashboard', 'declaration-form', 'commitment', 'audit'] as const;
export type ConsolePageScript = (typeof CONSOLE_PAGE_SCRIPTS)[number];

/** The bundled script of every console page, by name. */
export type ConsoleScripts = Readonly<Record<ConsolePageScript, string>>;
