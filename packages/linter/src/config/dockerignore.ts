import { dirname, resolve } from "node:path";

/** The file system calls the lookup needs; the CLI, the language server and the ESLint plugin pass their own. */
export interface DockerignoreReader {
  exists(path: string): boolean;
  readFile(path: string): string;
}

/**
 * Where BuildKit looks for the `.dockerignore` of a Dockerfile, in order: `<Dockerfile>.dockerignore` beside
 * it, then `.dockerignore` at the root of the build context (the Dockerfile's folder unless given). Without a
 * Dockerfile path (standard input), only the context's.
 */
export function dockerignoreCandidates(dockerfile: string | null, context?: string): string[] {
  const dir = context ?? (dockerfile === null ? "." : dirname(dockerfile));
  const own = dockerfile === null ? [] : [`${dockerfile}.dockerignore`];
  return [...own, resolve(dir, ".dockerignore")];
}

/** The text of the `.dockerignore` that applies, or null when there is none or it cannot be read. */
export function findDockerignore(
  dockerfile: string | null,
  reader: DockerignoreReader,
  context?: string,
): string | null {
  for (const candidate of dockerignoreCandidates(dockerfile, context)) {
    try {
      if (reader.exists(candidate)) return reader.readFile(candidate);
    } catch {
      // An unreadable ignore file counts as absent: the rules that need it stay silent.
      return null;
    }
  }
  return null;
}
