/**
 * The file names hull treats as Dockerfiles, case-insensitively: `Dockerfile`, `Containerfile`, `Dockerfile.dev`,
 * `Dockerfile-windows`, `Dockerfile_arm64`, `Containerfile.arm64`, `dev.Dockerfile`, `app.containerfile`; never an ignore file (`Dockerfile.dockerignore`
 * is the one BuildKit pairs with `Dockerfile`, `.containerignore` Podman's). One regular expression on the base
 * name, used by `hull lint DIR` and the Prettier plugin; tools that take globs or their own patterns (the ESLint
 * plugin's configs, the pre-commit hooks' `files:`) are checked against it by their tests.
 */
export const dockerfileNamePattern =
  /^(?!.*\.(?:docker|container)ignore$)(?:(?:docker|container)file(?:[._-].*)?|.+\.(?:docker|container)file)$/i;

/** Whether a file's base name is a Dockerfile's. */
export function isDockerfileName(name: string): boolean {
  return dockerfileNamePattern.test(name);
}
