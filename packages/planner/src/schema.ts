const str = { type: "string" } as const;
const int = { type: "integer" } as const;
const bool = { type: "boolean" } as const;
const strOrNull = { type: ["string", "null"] } as const;
const strList = { type: "array", items: str } as const;
const strListOrNull = { type: ["array", "null"], items: str } as const;
const emptyObjectMap = {
  type: ["object", "null"],
  additionalProperties: { type: "object", maxProperties: 0 },
} as const;

/** The JSON Schema (draft-07) of `hull plan --format json`, one value from which `schema/plan.json` is written. */
export const planSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://hull.dev/schema/plan.json",
  title: "hull plan output",
  description: "The build plan of one Dockerfile, or of several with what they share.",
  oneOf: [{ $ref: "#/definitions/plan" }, { $ref: "#/definitions/multi" }],
  definitions: {
    multi: {
      type: "object",
      required: ["version", "plans", "shared"],
      additionalProperties: false,
      properties: {
        version: { const: 2 },
        plans: { type: "array", items: { $ref: "#/definitions/plan" } },
        shared: {
          type: "object",
          required: ["stages", "nodes"],
          additionalProperties: false,
          properties: {
            stages: {
              type: "array",
              items: {
                type: "object",
                required: ["cacheKey", "members"],
                properties: {
                  cacheKey: str,
                  members: {
                    type: "array",
                    items: {
                      type: "object",
                      required: ["file", "stage", "name"],
                      properties: { file: str, stage: int, name: strOrNull },
                    },
                  },
                },
              },
            },
            nodes: {
              type: "array",
              items: {
                type: "object",
                required: ["cacheKey", "instruction", "label", "members"],
                properties: {
                  cacheKey: str,
                  instruction: str,
                  label: str,
                  members: {
                    type: "array",
                    items: { type: "object", required: ["file", "id"], properties: { file: str, id: str } },
                  },
                },
              },
            },
          },
        },
      },
    },
    plan: {
      type: "object",
      required: [
        "version",
        "file",
        "target",
        "platform",
        "stages",
        "nodes",
        "edges",
        "order",
        "image",
        "diagnostics",
      ],
      additionalProperties: false,
      properties: {
        version: { const: 2 },
        file: strOrNull,
        target: { type: "object", required: ["index", "name"], properties: { index: int, name: strOrNull } },
        platform: str,
        buildPlatform: str,
        stages: { type: "array", items: { $ref: "#/definitions/stage" } },
        nodes: { type: "array", items: { $ref: "#/definitions/node" } },
        edges: {
          type: "array",
          items: {
            type: "object",
            required: ["from", "to", "kind"],
            additionalProperties: false,
            properties: {
              from: str,
              to: str,
              kind: { enum: ["prev", "base", "copy-from", "mount-from", "source"] },
            },
          },
        },
        order: { type: "array", items: strList },
        image: { oneOf: [{ type: "null" }, { $ref: "#/definitions/image" }] },
        run: {
          type: "object",
          required: ["argv", "complete", "entrypoint", "cmd"],
          properties: {
            argv: strList,
            args: strList,
            complete: bool,
            entrypoint: { oneOf: [strListOrNull, { const: "unknown-from-base" }] },
            cmd: { oneOf: [strListOrNull, { const: "unknown-from-base" }] },
            shell: { oneOf: [{ type: "null" }, { const: "unknown-from-base" }] },
            error: strOrNull,
            notes: strList,
          },
        },
        invalidated: strList,
        invalidation: {
          type: "array",
          items: {
            type: "object",
            required: ["id", "cause", "reason"],
            additionalProperties: false,
            properties: {
              id: str,
              cause: { enum: ["context", "build-arg", "input", "operation"] },
              reason: str,
              maybeCached: bool,
            },
          },
        },
        cached: strList,
        contextSources: {
          type: "array",
          items: {
            type: "object",
            required: ["node", "path"],
            additionalProperties: false,
            properties: { node: str, path: str },
          },
        },
        unusedBuildArgs: strList,
        diagnostics: { type: "array", items: { $ref: "#/definitions/diagnostic" } },
      },
    },
    stage: {
      type: "object",
      required: ["index", "name", "base", "dependsOn", "pruned", "prunedReason"],
      additionalProperties: false,
      properties: {
        index: int,
        name: strOrNull,
        base: strOrNull,
        baseKind: { enum: ["image", "scratch", "stage", "context", "unknown"] },
        baseStage: { type: ["integer", "null"] },
        baseConfig: { enum: ["known", "unknown", null] },
        baseDigest: strOrNull,
        platform: str,
        dependsOn: { type: "array", items: int },
        dependencies: {
          type: "array",
          items: {
            type: "object",
            required: ["stage", "kind", "line"],
            additionalProperties: false,
            properties: {
              stage: int,
              kind: { enum: ["base", "copy-from", "mount-from", "onbuild"] },
              line: int,
            },
          },
        },
        pruned: bool,
        prunedReason: strOrNull,
        head: strOrNull,
        line: int,
      },
    },
    node: {
      type: "object",
      required: ["id", "stage", "line", "instruction", "layer", "inputs", "cacheKey"],
      additionalProperties: false,
      properties: {
        id: str,
        stage: int,
        line: int,
        instruction: { type: "string", pattern: "^[A-Z]+$" },
        kind: { enum: ["source", "exec", "file", "merge", "config"] },
        layer: bool,
        inputs: strList,
        cacheKey: { type: "string", pattern: "^[0-9a-f]{16}$" },
        label: str,
        onbuild: bool,
        pruned: bool,
        op: { type: "object" },
      },
    },
    image: {
      type: "object",
      required: ["config", "history"],
      additionalProperties: false,
      properties: {
        stage: int,
        platform: str,
        baseImage: strOrNull,
        unknown: strList,
        assumedShell: strList,
        created: strOrNull,
        config: {
          type: "object",
          required: [
            "Env",
            "Entrypoint",
            "Cmd",
            "WorkingDir",
            "User",
            "ExposedPorts",
            "Volumes",
            "Labels",
            "StopSignal",
            "Healthcheck",
            "Shell",
            "OnBuild",
          ],
          additionalProperties: false,
          properties: {
            Env: strListOrNull,
            Entrypoint: strListOrNull,
            Cmd: strListOrNull,
            WorkingDir: strOrNull,
            User: strOrNull,
            ExposedPorts: emptyObjectMap,
            Volumes: emptyObjectMap,
            Labels: { type: ["object", "null"], additionalProperties: str },
            StopSignal: strOrNull,
            Healthcheck: {
              type: ["object", "null"],
              required: ["Test"],
              additionalProperties: false,
              properties: {
                Test: strList,
                Interval: int,
                Timeout: int,
                StartPeriod: int,
                StartInterval: int,
                Retries: int,
              },
            },
            Shell: strListOrNull,
            OnBuild: strListOrNull,
          },
        },
        history: {
          type: "array",
          items: {
            type: "object",
            required: ["created_by", "empty_layer"],
            additionalProperties: false,
            properties: { created_by: str, created: str, comment: str, empty_layer: bool, node: strOrNull },
          },
        },
      },
    },
    diagnostic: {
      type: "object",
      required: ["code", "severity", "message", "line", "column"],
      additionalProperties: false,
      properties: {
        code: { type: "string", pattern: "^[a-z][a-z0-9-]*$" },
        severity: { enum: ["error", "warning", "info"] },
        message: str,
        line: int,
        column: int,
        endLine: int,
        endColumn: int,
      },
    },
  },
} as const;
