// Adversarial sizes: generates pathological Dockerfiles at two or more scales and times parse, lint (every rule),
// plan, fmt and the language server's diagnostics, hover and completion on each, with the peak memory of the process.
//
//   pnpm tsx --conditions=@hull/source bench/adversarial.mjs [--timeout S] [--only case,…] [--ops op,…]
//     [--repeat N] SCALE...
//
// --only keeps the cases whose name contains one of the words; --ops times only some of parse, lint, plan,
// plan-json, plan-changed, fmt, lsp (the language server's diagnostics) and hover (its hover and completion at the
// file's last `$`); the linter's and planner's quadratic cases can take minutes at full size. plan-json times
// rendering the plan as JSON, with the output's size. plan-changed times `hull plan --changed`'s question, what a
// change rebuilds (`invalidate`), for a change to an early instruction: a new value of the first ARG after the
// first FROM, and a changed file under the first COPY's first source (`earlyChange` below).
//
// A SCALE multiplies the sizes named in `cases` below (scale 1 = 100k continuation lines, 50 MB, …); the
// default `0.1 1` gives a ×1 and a ×10 point. Each case and scale runs in a child process of its own, so that
// its peak resident memory is its own and a case that stalls is stopped after --timeout seconds (default 120);
// the operations it finished are still reported. A full garbage collection runs before and after each op (untimed),
// so that an op's peak does not hold the garbage of the ops before it: each op is a run of its own for a user (one
// `hull lint`, one `hull plan`). Times are CPU milliseconds (user + system, garbage collection on helper threads
// included) after a warm-up, so that a busy machine skews them less; --repeat N runs each op N times and keeps the
// median (default 1). Prints a Markdown table with each time's ratio to the previous scale; "added RSS / input" is
// the peak resident memory less the memory before the input was made, over the input's size in bytes: the
// process's high-water mark, garbage not yet collected within an op included. "kept / input" is what an op's result
// holds, over the input's size: the heap after a full collection with the result still held, less the heap before
// the op, for the op that keeps most (named).
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The pathological inputs; `n` is the size at scale 1. */
const cases = {
  "continuation lines in one RUN": {
    n: 100_000,
    make: (n) => `FROM alpine:3.20\nRUN echo start \\\n${"  && echo line \\\n".repeat(n)}  && true\n`,
  },
  heredocs: {
    n: 10_000,
    make: (n) =>
      "FROM alpine:3.20\n" +
      Array.from({ length: n }, (_, i) => `RUN <<EOF${i % 7}\necho ${i}\nEOF${i % 7}\n`).join(""),
  },
  "stages with COPY --from chains": {
    n: 32_000,
    make: (n) =>
      "FROM alpine:3.20 AS s0\nRUN echo 0 > /a\n" +
      Array.from(
        { length: n - 1 },
        (_, i) => `FROM alpine:3.20 AS s${i + 1}\nCOPY --from=s${i} /a /a\n`,
      ).join(""),
  },
  "one long line": {
    n: 1_000_000,
    make: (n) => `FROM alpine:3.20\nRUN echo ${"ab ".repeat(Math.ceil(n / 3))}\n`,
  },
  ARGs: {
    n: 100_000,
    make: (n) =>
      `ARG G=1\nFROM alpine:3.20\n${Array.from({ length: n }, (_, i) => `ARG A${i}=v${i}\n`).join("")}RUN echo $A0\n`,
  },
  "nested ${a:-${b:-…}}": {
    n: 10_000,
    make: (n) => `FROM alpine:3.20\nENV X=${"${a:-".repeat(n)}x${"}".repeat(n)}\nRUN echo $X\n`,
  },
  "ONBUILD triggers": {
    n: 10_000,
    make: (n) =>
      "FROM alpine:3.20 AS base\n" +
      Array.from({ length: n }, (_, i) => `ONBUILD RUN echo ${i}\n`).join("") +
      "FROM base\nRUN true\n",
  },
  // Planner shapes (issue 10). Each RUN's env and its history text (`|N K=V …`, BuildKit's runCommandString) list
  // every ARG in scope, so the plan of n pairs, as listed, is of size n²: at 4,000 pairs 8 million env entries.
  // Planning keeps each RUN's env as a version of one persistent list and is linear; `plan-json` times listing it
  // (its output size is in the cell). ENVs set one variable each: linear.
  "ARG+RUN pairs": {
    n: 4_000,
    make: (n) =>
      `FROM alpine:3.20\n${Array.from({ length: n }, (_, i) => `ARG A${i}=v${i}\nRUN echo ${i}\n`).join("")}`,
  },
  "ENV dispatches": {
    n: 100_000,
    make: (n) =>
      `FROM alpine:3.20\n${Array.from({ length: n }, (_, i) => `ENV E${i}=v${i}\n`).join("")}RUN true\n`,
  },
  // Each ENV uses a name it defines itself, which undefined-var and no-same-env-reference both report: a search of
  // the whole scope for a near miss per name, and a read of every earlier ENV, made 5,000 of them take 20 s.
  "ENVs using their own names": {
    n: 20_000,
    make: (n) =>
      `FROM alpine:3.20\n${Array.from({ length: n }, (_, i) => `ENV E${i}=$E0 F${i}=\${E${i}}\n`).join("")}RUN echo $E1\n`,
  },
  // Shapes found while timing lint and the language server (issue 10). Every CMD, ENTRYPOINT and HEALTHCHECK of a
  // stage but the last is reported, with a look for template markup between it and the last.
  "repeated CMD/ENTRYPOINT/HEALTHCHECK": {
    n: 30_000,
    make: (n) =>
      "FROM alpine:3.20\n" +
      Array.from(
        { length: n },
        (_, i) => `CMD echo ${i}\nENTRYPOINT ["a${i}"]\nHEALTHCHECK CMD curl -f http://l/${i}\n`,
      ).join(""),
  },
  "ignore comments": {
    n: 50_000,
    make: (n) =>
      "FROM debian:12\n" +
      Array.from({ length: n }, (_, i) => `# hadolint ignore=DL3008\nRUN apt-get install -y p${i}\n`).join(
        "",
      ),
  },
  "template markup around RUNs": {
    n: 20_000,
    make: (n) =>
      "FROM alpine:3.20\n" +
      Array.from(
        { length: n },
        (_, i) => `{{ if .x${i} }}\nRUN echo {{ .v${i} }}\nRUN apt-get install -y p${i}\n{{ end }}\n`,
      ).join(""),
  },
  "nested $(echo …) substitutions": {
    n: 20_000,
    make: (n) => `FROM alpine:3.20\nRUN echo ${"$(echo ".repeat(n)}x${")".repeat(n)}\n`,
  },
  "FROM chain declaring ARG+ENV": {
    n: 20_000,
    make: (n) =>
      "FROM alpine:3.20 AS s0\n" +
      Array.from({ length: n }, (_, i) => `FROM s${i} AS s${i + 1}\nARG A${i}=v\nENV E${i}=$A${i}\n`).join(
        "",
      ) +
      "RUN echo $E0\n",
  },
  // No final line break, so that hover and completion ask at the blank after the word, on the RUN's line.
  "one long word, then a blank": {
    n: 1_000_000,
    make: (n) => `FROM alpine:3.20\nRUN echo ${"a".repeat(n)} `,
  },
  // A stage built FROM the one before, adding an ARG: each starts from its base's whole environment.
  "FROM chains adding ARGs": {
    n: 20_000,
    make: (n) =>
      "FROM alpine:3.20 AS s0\n" +
      Array.from({ length: n }, (_, i) => `FROM s${i} AS s${i + 1}\nARG A${i}=v${i}\nRUN echo ${i}\n`).join(
        "",
      ),
  },
  LABELs: {
    n: 100_000,
    make: (n) => `FROM alpine:3.20\n${Array.from({ length: n }, (_, i) => `LABEL l${i}=v${i}\n`).join("")}`,
  },
  "a 50 MB file": {
    n: 50_000_000,
    make: (n) => {
      const block =
        "FROM node:20-slim AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci && npm cache clean --force\n" +
        "COPY . .\nRUN npm run build\nFROM gcr.io/distroless/nodejs20\nCOPY --from=build /app/dist /app\n" +
        'ENV NODE_ENV=production PORT=8080\nEXPOSE 8080\nUSER 1000\nCMD ["/app/server.js"]\n';
      return block.repeat(Math.max(1, Math.round(n / block.length)));
    },
  },
};

/**
 * A change to an early instruction, as `hull plan --changed` is given one: a new value for the first ARG declared
 * after the first FROM (every RUN after it lists it in its env) and a change to a file under the first COPY's
 * first source. A case with neither gets no change, and invalidation only compares the plans.
 */
function earlyChange(text) {
  const from = text.search(/^FROM /m);
  const rest = from < 0 ? text : text.slice(from);
  const arg = /^ARG ([A-Za-z_][A-Za-z0-9_]*)/m.exec(rest);
  const copy = /^COPY (?!--)(\S+)/m.exec(rest);
  return {
    ...(arg ? { buildArgs: { [arg[1]]: "changed" } } : {}),
    // The source itself, a glob's wildcards filled in, names a file under it.
    ...(copy ? { paths: [copy[1].replace(/[*?]/g, "x")] } : {}),
  };
}

async function child(name, scale, ops, repeat) {
  const [{ parse }, { format }, { lint }, { plan, toJson, writeJson, invalidate }, lsp] = await Promise.all([
    import("../packages/parser/src/index.ts"),
    import("../packages/parser/src/index.ts"),
    import("../packages/linter/src/index.ts"),
    import("../packages/planner/src/index.ts"),
    import("../packages/lsp/src/index.ts"),
  ]);
  // Warm up every code path on a small file first, so that compiling is not timed.
  const sample = Object.values(cases)
    .map((k) => k.make(20))
    .join("");
  for (let i = 0; i < 3; i++) {
    const ast = parse(sample).ast;
    lint(sample, { preset: "all" });
    writeJson(toJson(plan(ast)), () => {});
    invalidate(ast, {}, earlyChange(sample));
    format(sample);
    const document = lsp.createDocument("file:///w/Dockerfile", 1, sample);
    lsp.computeDiagnostics(document, lsp.defaultFeatureConfig());
    lsp.computeHover(document, document.lines.positionAt(sample.length - 3), lsp.defaultFeatureConfig());
    lsp.computeCompletions(
      document,
      document.lines.positionAt(sample.length - 3),
      lsp.defaultFeatureConfig(),
    );
  }
  const c = cases[name];
  const send = (record) => process.stdout.write(`${JSON.stringify(record)}\n`);
  // Resident memory before the input exists: what the peak adds to it is this case's cost.
  send({ op: "base", rssMB: process.memoryUsage.rss() / 2 ** 20 });
  const text = c.make(Math.max(1, Math.round(c.n * scale)));
  send({ op: "size", bytes: Buffer.byteLength(text) });
  // CPU time of this process, not wall time: the machine is shared, and waiting for a core is not our cost.
  // With --repeat, each op runs that many times and the median is kept: on large inputs an op's time depends on
  // what the collector and the compiler carry over from the op before, more than on a small one.
  const time = (op, run) => {
    if (!ops.includes(op)) return;
    const times = [];
    let kept = 0;
    let sizes = {};
    for (let k = 0; k < repeat; k++) {
      // The result of the run before is out of reach here, so the heap measured first holds none of it.
      globalThis.gc();
      const before = process.memoryUsage().heapUsed;
      const start = process.cpuUsage();
      const out = run();
      const used = process.cpuUsage(start);
      times.push((used.user + used.system) / 1000);
      globalThis.gc();
      kept = process.memoryUsage().heapUsed - before;
      sizes = {
        ...(typeof out === "string"
          ? { out: out.length }
          : typeof out?.chars === "number"
            ? { out: out.chars }
            : {}),
        ...(typeof out?.invalidated === "number" ? { invalidated: out.invalidated } : {}),
      };
    }
    times.sort((a, b) => a - b);
    send({
      op,
      ms: times[Math.floor(times.length / 2)],
      rssMB: process.resourceUsage().maxRSS / 1024,
      keptBytes: kept,
      ...sizes,
    });
  };
  time("parse", () => parse(text));
  time("lint", () => lint(text, { preset: "all" }));
  time("plan", () => plan(parse(text).ast));
  // The plan listed as `hull plan --format json` prints it (planned first, untimed): the output may be n², and
  // more than a string can hold, so it is written in pieces (writeJson), as the CLI writes it, and counted.
  let planned = ops.includes("plan-json") ? plan(parse(text).ast) : null;
  time("plan-json", () => {
    let chars = 0;
    writeJson(toJson(planned), (piece) => (chars += piece.length));
    return { chars };
  });
  // Dropped before the next op, whose peak memory is then its own.
  planned = null;
  time("plan-changed", () => {
    const r = invalidate(parse(text).ast, {}, earlyChange(text));
    return { invalidated: r.invalidated.length };
  });
  time("fmt", () => format(text));
  const config = lsp.defaultFeatureConfig();
  time("lsp", () => lsp.computeDiagnostics(lsp.createDocument("file:///w/Dockerfile", 1, text), config));
  // Hover and completion where an editor asks most: on the file's last variable reference (or its end).
  const dollar = text.lastIndexOf("$");
  const cursor = dollar < 0 ? text.length : dollar + 2;
  time("hover", () => {
    const document = lsp.createDocument("file:///w/Dockerfile", 1, text);
    const position = document.lines.positionAt(cursor);
    lsp.computeHover(document, position, config);
    lsp.computeCompletions(document, position, config);
  });
}

function runChild(name, scale, ops, repeat, timeoutSeconds) {
  return new Promise((done) => {
    const script = fileURLToPath(import.meta.url);
    const proc = spawn(
      process.execPath,
      [
        ...process.execArgv,
        "--expose-gc",
        script,
        "--child",
        name,
        String(scale),
        ops.join(","),
        String(repeat),
      ],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    const records = {};
    let buffer = "";
    let stderr = "";
    proc.stdout.on("data", (chunk) => {
      buffer += chunk;
      let nl;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const record = JSON.parse(buffer.slice(0, nl));
        buffer = buffer.slice(nl + 1);
        records[record.op] = record;
      }
    });
    proc.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => proc.kill("SIGKILL"), timeoutSeconds * 1000);
    proc.on("close", (code, signal) => {
      clearTimeout(timer);
      done({
        records,
        failed: signal ? `stopped after ${timeoutSeconds} s` : code ? stderr.trim().split("\n")[0] : null,
      });
    });
  });
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === "--child") return child(args[1], Number(args[2]), args[3].split(","), Number(args[4]));
  let timeout = 120;
  let repeat = 1;
  let only = null;
  let ops = ["parse", "lint", "plan", "fmt", "lsp", "hover"];
  const scales = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--timeout") timeout = Number(args[++i]);
    else if (args[i] === "--only") only = args[++i].split(",");
    else if (args[i] === "--ops") ops = args[++i].split(",");
    else if (args[i] === "--repeat") repeat = Number(args[++i]);
    else scales.push(Number(args[i]));
  }
  if (scales.length === 0) scales.push(0.1, 1);
  const header = [
    "case",
    "scale",
    "bytes",
    ...ops.map((o) => `${o} ms`),
    "peak RSS MB",
    "added RSS / input",
    "kept / input",
    "note",
  ];
  console.log(`| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|`);
  for (const [name] of Object.entries(cases)) {
    if (only && !only.some((o) => name.includes(o))) continue;
    let previous = null;
    for (const scale of scales) {
      const { records, failed } = await runChild(name, scale, ops, repeat, timeout);
      const cells = ops.map((op) => {
        const r = records[op];
        if (!r) return "—";
        const before = previous?.[op];
        const ratio = before ? ` (×${(r.ms / Math.max(before.ms, 0.01)).toFixed(1)})` : "";
        const out = r.out === undefined ? "" : ` → ${(r.out / 2 ** 20).toFixed(1)} MB`;
        const rebuilt = r.invalidated === undefined ? "" : `, ${r.invalidated} rebuilt`;
        return `${r.ms.toFixed(0)}${ratio}${out}${rebuilt}`;
      });
      const rss = Math.max(0, ...ops.map((op) => records[op]?.rssMB ?? 0));
      const bytes = records.size?.bytes;
      const added =
        bytes && records.base && rss > 0
          ? `${(((rss - records.base.rssMB) * 2 ** 20) / bytes).toFixed(0)}×`
          : "—";
      const most = ops
        .filter((op) => records[op])
        .sort((a, b) => records[b].keptBytes - records[a].keptBytes)[0];
      const kept = bytes && most ? `${(records[most].keptBytes / bytes).toFixed(0)}× (${most})` : "—";
      console.log(
        `| ${name} | ${scale} | ${bytes ?? "—"} | ${cells.join(" | ")} | ${rss.toFixed(0)} | ${added} | ${kept} | ${failed ?? ""} |`,
      );
      previous = records;
    }
  }
}

await main();
