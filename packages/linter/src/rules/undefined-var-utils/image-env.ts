/** What hull knows about the ENV of a base image without asking a registry. */
export interface ImageEnv {
  /** Variables the image is known to set. */
  names: ReadonlySet<string>;
  /** True when `names` is the image's whole ENV, so any other name is surely undefined. */
  complete: boolean;
}

const java = ["JAVA_HOME", "JAVA_VERSION", "LANG", "LANGUAGE", "LC_ALL"];

// The ENV of Docker official images, from their published Dockerfiles. Only images whose whole ENV is
// listed are `complete`; for the others, unlisted names are treated like those of any unknown image.
const table: Record<string, { names: readonly string[]; complete: boolean }> = {
  alpine: { names: [], complete: true },
  busybox: { names: [], complete: true },
  debian: { names: [], complete: true },
  ubuntu: { names: [], complete: true },
  golang: { names: ["GOLANG_VERSION", "GOPATH", "GOTOOLCHAIN"], complete: true },
  node: { names: ["NODE_VERSION", "YARN_VERSION"], complete: true },
  python: {
    names: [
      "LANG",
      "GPG_KEY",
      "PYTHON_VERSION",
      "PYTHON_SHA256",
      "PYTHON_PIP_VERSION",
      "PYTHON_SETUPTOOLS_VERSION",
      "PYTHON_GET_PIP_URL",
      "PYTHON_GET_PIP_SHA256",
    ],
    complete: true,
  },
  rust: { names: ["RUSTUP_HOME", "CARGO_HOME", "RUST_VERSION"], complete: true },
  ruby: {
    names: [
      "LANG",
      "RUBY_MAJOR",
      "RUBY_VERSION",
      "RUBY_DOWNLOAD_SHA256",
      "RUBY_DOWNLOAD_URL",
      "RUBYGEMS_VERSION",
      "BUNDLER_VERSION",
      "GEM_HOME",
      "BUNDLE_SILENCE_ROOT_WARNING",
      "BUNDLE_APP_CONFIG",
    ],
    complete: false,
  },
  openjdk: { names: java, complete: false },
  "eclipse-temurin": { names: java, complete: false },
  amazoncorretto: { names: java, complete: false },
  maven: { names: [...java, "MAVEN_HOME", "MAVEN_CONFIG"], complete: false },
  gradle: { names: [...java, "GRADLE_HOME", "GRADLE_VERSION"], complete: false },
  tomcat: {
    names: [
      ...java,
      "CATALINA_HOME",
      "TOMCAT_NATIVE_LIBDIR",
      "LD_LIBRARY_PATH",
      "TOMCAT_MAJOR",
      "TOMCAT_VERSION",
    ],
    complete: false,
  },
  php: {
    names: [
      "PHPIZE_DEPS",
      "PHP_INI_DIR",
      "PHP_VERSION",
      "PHP_CFLAGS",
      "PHP_CPPFLAGS",
      "PHP_LDFLAGS",
      "APACHE_CONFDIR",
    ],
    complete: false,
  },
  nginx: { names: ["NGINX_VERSION", "NJS_VERSION", "NJS_RELEASE", "PKG_RELEASE"], complete: false },
  httpd: { names: ["HTTPD_PREFIX", "HTTPD_VERSION"], complete: false },
  postgres: { names: ["LANG", "PG_MAJOR", "PG_VERSION", "PGDATA", "GOSU_VERSION"], complete: false },
  erlang: { names: ["OTP_VERSION", "REBAR3_VERSION", "LANG"], complete: false },
  elixir: { names: ["ELIXIR_VERSION", "LANG"], complete: false },
};

const unknown: ImageEnv = { names: new Set(), complete: false };

/**
 * What hull knows of the ENV of an image reference such as `golang:1.23-alpine` or `docker.io/library/node`.
 * Only official images (no registry or `library/` namespace) are in the table.
 */
export function imageEnv(image: string): ImageEnv {
  let name = image.toLowerCase().split("@")[0]!;
  const colon = name.lastIndexOf(":");
  if (colon > name.lastIndexOf("/")) name = name.slice(0, colon);
  name = name.replace(/^(docker\.io\/|index\.docker\.io\/|registry-1\.docker\.io\/)?(library\/)?/, "");
  const entry = Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
  return entry ? { names: new Set(entry.names), complete: entry.complete } : unknown;
}
