import { describe, expect, it } from "vitest";
import {
  imageReferenceProblem,
  normalizeImageReference,
  splitImageReference,
} from "../src/semantics/image-reference.js";
import { isOfficialImage } from "../src/semantics/official-images.js";

const hex64 = "0123456789abcdef".repeat(4);

// reference | expected problem (a substring), or "" when valid
const table: [string, string][] = [
  ["alpine", ""],
  ["alpine:3.20", ""],
  ["library/alpine:latest", ""],
  ["docker.io/library/alpine", ""],
  ["ghcr.io/owner/repo/sub:v1.2.3-rc_1", ""],
  ["localhost:5000/app", ""],
  ["localhost/app", ""],
  ["[::1]:5000/app:1", ""],
  ["Registry.Example.com/app", ""],
  ["a__b/c-d---e.f", ""],
  [`alpine@sha256:${hex64}`, ""],
  [`alpine:3.20@sha256:${hex64}`, ""],
  ["scratch", ""],
  ["", "empty"],
  [hex64, "image ID"],
  ["Alpine", "lowercase"],
  ["alpine:", "format"],
  ["alpine:-rc", "format"],
  [":3.20", "format"],
  ["alpine:3.20:1", "format"],
  ["a_/b", "format"],
  ["app/", "format"],
  [`alpine:${"x".repeat(129)}`, "format"],
  ["alpine@sha256:abc", "format"],
  [`alpine@md5:${hex64}`, "not supported"],
  [`alpine@sha256:${hex64.toUpperCase()}`, "lowercase hex"],
  [`alpine@sha512:${hex64}`, "128"],
  [`${"a".repeat(256)}`, "255"],
];

describe("imageReferenceProblem", () => {
  it.each(table)("%s", (reference, expected) => {
    const problem = imageReferenceProblem(reference);
    if (expected === "") expect(problem).toBeNull();
    else expect(problem).toContain(expected);
  });
});

// reference | registry | name | tag | digest
const splits: [string, string, string, string | null, string | null][] = [
  ["alpine", "docker.io", "alpine", null, null],
  ["alpine:3.20", "docker.io", "alpine", "3.20", null],
  ["library/alpine:latest", "docker.io", "library/alpine", "latest", null],
  ["localhost:5000/app", "localhost:5000", "localhost:5000/app", null, null],
  ["localhost/app:1", "localhost", "localhost/app", "1", null],
  ["Registry.Example.com/app", "registry.example.com", "Registry.Example.com/app", null, null],
  ["MyHost/app", "myhost", "MyHost/app", null, null],
  ["ghcr.io/o/r:v1@sha256:ab", "ghcr.io", "ghcr.io/o/r", "v1", "sha256:ab"],
  ["alpine@sha256:ab", "docker.io", "alpine", null, "sha256:ab"],
];

describe("splitImageReference", () => {
  it.each(splits)("%s", (reference, registry, name, tag, digest) => {
    const ref = splitImageReference(reference);
    expect({ registry: ref.registry, name: ref.name, tag: ref.tag, digest: ref.digest }).toEqual({
      registry,
      name,
      tag,
      digest,
    });
    if (tag !== null) expect(reference.slice(ref.tagStart, ref.tagStart + tag.length)).toBe(tag);
  });
});

// reference | the normalised spelling
const normalised: [string, string][] = [
  ["alpine", "docker.io/library/alpine:latest"],
  ["alpine:3.20", "docker.io/library/alpine:3.20"],
  ["library/alpine:3.20", "docker.io/library/alpine:3.20"],
  ["docker.io/library/alpine:3.20", "docker.io/library/alpine:3.20"],
  ["index.docker.io/library/alpine", "docker.io/library/alpine:latest"],
  ["bitnami/redis", "docker.io/bitnami/redis:latest"],
  ["ghcr.io/owner/app:1", "ghcr.io/owner/app:1"],
  ["localhost:5000/app", "localhost:5000/app:latest"],
  ["Registry.Example.com/app", "registry.example.com/app:latest"],
  [`alpine@sha256:${hex64}`, `docker.io/library/alpine@sha256:${hex64}`],
  [`alpine:3.20@sha256:${hex64}`, `docker.io/library/alpine:3.20@sha256:${hex64}`],
];

describe("normalizeImageReference", () => {
  it.each(normalised)("%s", (reference, expected) => {
    expect(normalizeImageReference(reference)).toBe(expected);
  });
});

describe("isOfficialImage", () => {
  it("knows Docker Hub's official images, the deprecated ones too, and nothing else", () => {
    expect(
      ["node", "postgres", "hello-world", "centos", "java", "rocket.chat"].filter(isOfficialImage),
    ).toHaveLength(6);
    expect(["base", "builder", "library/node", "node:22", "Node"].filter(isOfficialImage)).toEqual([]);
  });
});
