import type { Draft, Mount } from "../ast/nodes.js";
import { suggestSpelling } from "./suggest.js";

const KEYS = [
  "type",
  "from",
  "source",
  "src",
  "target",
  "dst",
  "destination",
  "readonly",
  "ro",
  "readwrite",
  "rw",
  "id",
  "sharing",
  "required",
  "size",
  "mode",
  "uid",
  "gid",
  "env",
];
const TYPES = ["bind", "cache", "tmpfs", "secret", "ssh"] as const;

/**
 * The options whose values the parser checks (the others are text). BuildKit checks a value only once it is expanded
 * (commands_runmount.go), so one with a variable is left at its default here, and the planner parses the mount again
 * with these expanded.
 */
export const checkedMountOptions: ReadonlySet<string> = new Set([
  "type",
  "readonly",
  "ro",
  "readwrite",
  "rw",
  "sharing",
  "required",
  "mode",
  "uid",
  "gid",
]);

/** Splits a CSV record as Go's encoding/csv does (quoted fields with doubled quotes); null on a bad quote. */
function splitCsv(text: string): string[] | null {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let field = "";
      i++;
      for (;;) {
        if (i >= text.length) return null;
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
      if (i < text.length && text[i] !== ",") return null;
      fields.push(field);
    } else {
      const comma = text.indexOf(",", i);
      const field = text.slice(i, comma < 0 ? text.length : comma);
      if (field.includes('"')) return null;
      fields.push(field);
      i = comma < 0 ? text.length : comma;
    }
    if (i >= text.length) return fields;
    i++;
  }
}

function parseBool(value: string | null): boolean | null {
  if (value === null) return true;
  const v = value.toLowerCase();
  if (v === "true" || v === "1" || v === "t") return true;
  if (v === "false" || v === "0" || v === "f") return false;
  return null;
}

/**
 * Parses a `--mount` value into a typed mount with BuildKit's defaults; `error` says what BuildKit would reject.
 * Values are kept as written (BuildKit expands them later, except `from`); a checked one with a variable is not
 * checked (`checkedMountOptions`).
 */
export function parseMount(value: string, range: Mount["range"]): { mount: Mount; error: string | null } {
  const mount: Draft<Mount> = {
    type: "Mount",
    mountType: "bind",
    from: null,
    source: null,
    target: null,
    readonly: true,
    id: null,
    sharing: null,
    required: null,
    size: null,
    mode: null,
    uid: null,
    gid: null,
    env: null,
    options: {},
    range,
  };
  const fields = splitCsv(value);
  if (fields === null) return { mount, error: `Invalid mount value '${value}': bad quoting.` };
  let error: string | null = null;
  const fail = (message: string) => (error ??= message);
  let readonlySet: boolean | null = null;
  // A `type` with a variable: what the other options may be is known only at build time.
  let typeUnknown = false;
  for (const field of fields) {
    const eq = field.indexOf("=");
    const key = (eq < 0 ? field : field.slice(0, eq)).trim().toLowerCase();
    const val = eq < 0 ? null : field.slice(eq + 1);
    if (key === "") continue;
    mount.options[key] = val;
    if (!KEYS.includes(key)) {
      // `,z` and `,Z` are SELinux relabel options of buildah and podman; BuildKit has no such option.
      if (key === "z" && val === null) {
        fail(
          `Mount option '${field.trim()}' (SELinux relabelling) is understood by buildah and podman, not by BuildKit, which rejects the mount.`,
        );
        continue;
      }
      const hint = suggestSpelling(key, KEYS);
      fail(`Unexpected key '${key}' in mount '${value}'.${hint ? ` Did you mean '${hint}'?` : ""}`);
      continue;
    }
    const need = () => {
      if (val === null) fail(`Mount option '${key}' needs a value.`);
      return val ?? "";
    };
    // A checked value with a variable is unknown until the build: left at its default (text is kept as written).
    if (val !== null && val.includes("$") && checkedMountOptions.has(key)) {
      if (key === "type") typeUnknown = true;
      continue;
    }
    switch (key) {
      case "type": {
        const t = need().toLowerCase();
        if ((TYPES as readonly string[]).includes(t)) mount.mountType = t as Mount["mountType"];
        else fail(`Unsupported mount type '${t}'.`);
        break;
      }
      case "from":
        mount.from = need();
        break;
      case "source":
      case "src":
        mount.source = need();
        break;
      case "target":
      case "dst":
      case "destination":
        mount.target = need();
        break;
      case "readonly":
      case "ro":
      case "readwrite":
      case "rw": {
        const b = parseBool(val);
        if (b === null) fail(`Invalid value '${val}' for mount option '${key}': expected a boolean.`);
        else readonlySet = key.startsWith("r") && (key === "readonly" || key === "ro") ? b : !b;
        break;
      }
      case "id":
        mount.id = need();
        break;
      case "sharing": {
        const s = need().toLowerCase();
        if (s === "shared" || s === "private" || s === "locked") mount.sharing = s;
        else fail(`Unsupported sharing value '${s}': use shared, private or locked.`);
        break;
      }
      case "required": {
        const b = parseBool(val);
        if (b === null) fail(`Invalid value '${val}' for mount option 'required': expected a boolean.`);
        else mount.required = b;
        break;
      }
      case "size":
        mount.size = need();
        break;
      case "mode": {
        const m = need();
        if (/^[0-7]+$/.test(m)) mount.mode = parseInt(m, 8);
        else fail(`Invalid mount mode '${m}': expected an octal number.`);
        break;
      }
      case "uid":
      case "gid": {
        const n = need();
        if (/^\d+$/.test(n)) mount[key] = Number(n);
        else fail(`Invalid mount ${key} '${n}': expected a number.`);
        break;
      }
      case "env":
        mount.env = need();
        break;
    }
  }
  const t = mount.mountType;
  mount.readonly = readonlySet ?? t === "bind";
  if (typeUnknown) {
    // Nothing to check against a type not known yet.
  } else if (t === "secret" || t === "ssh") {
    if (mount.from !== null) fail(`A ${t} mount cannot have 'from'.`);
    if (mount.sharing !== null) fail(`A ${t} mount cannot have 'sharing'.`);
    mount.readonly = readonlySet ?? true;
    if (t === "secret") {
      if (mount.source !== null && mount.id !== null)
        fail("A secret mount cannot have both 'source' and 'id'.");
      mount.id ??=
        mount.source ?? (mount.target ? mount.target.replace(/\/+$/, "").split("/").pop() || null : null);
      if (mount.id === null && mount.env === null)
        fail("A secret mount needs an 'id', 'source' or 'target'.");
      if (mount.target === null && mount.env === null && mount.id !== null)
        mount.target = `/run/secrets/${mount.id}`;
      mount.mode ??= 0o400;
    } else {
      mount.id ??= "default";
      mount.mode ??= 0o600;
    }
  } else {
    // BuildKit accepts a bind mount without a target (real Dockerfiles rely on it), so no check here.
    if (mount.required !== null) fail(`Mount option 'required' is only for secret and ssh mounts.`);
    if (t !== "cache" && mount.sharing !== null) fail(`Mount option 'sharing' is only for cache mounts.`);
    if (t === "cache") mount.sharing ??= "shared";
    if (t !== "tmpfs" && mount.size !== null) fail(`Mount option 'size' is only for tmpfs mounts.`);
  }
  if (mount.target === "/") fail("A mount cannot target '/'.");
  if (mount.from !== null && mount.from.includes("$") && !mount.from.endsWith("$")) {
    fail("Mount option 'from' does not support variable expansion; define an alias stage instead.");
  }
  return { mount, error };
}
