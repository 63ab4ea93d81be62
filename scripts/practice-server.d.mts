// Types for scripts/practice-server.mjs (a plain Node script, so the TypeScript tests can import it).
export declare const SITE_DIR: string;
export declare const FIXTURE_PAGES_DIR: string;
export declare const CERT_FILE: string;
export declare const KEY_FILE: string;
export declare const PRACTICE_HOSTS: readonly string[];
export declare function certSpki(certPem?: string | Buffer): string;
export declare function hostResolverRules(port: number, options?: { blockOthers?: boolean }): string;
export declare function practiceBrowserArgs(options: { port: number; spki: string; blockOthers?: boolean }): string[];
export interface PracticeServer {
  port: number;
  certSpki: string;
  close(): Promise<void>;
}
export declare function startPracticeServer(options?: { port?: number; host?: string }): Promise<PracticeServer>;
