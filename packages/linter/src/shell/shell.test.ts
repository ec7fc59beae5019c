import { describe, expect, it } from "vitest";
import { parse, type Onbuild, type Run } from "@hull/parser";
import {
  commandSubstitutions,
  commandWord,
  enclosingGroups,
  execsLast,
  findCommands,
  isShell,
  parseShell,
  runsShell,
} from "./lexer.js";
import { hasFlag, operands, subcommand } from "./options.js";
import { hasCacheMount, runShell } from "./run.js";
import { switchTests } from "./tools/test.js";

const names = (script: string) =>
  parseShell(script).map((c) => [c.operator, c.name, c.args.map((a) => a.value)]);

describe("parseShell", () => {
  it("reads a function definition's name as no command, and its body's commands as commands", () => {
    expect(
      names("free() { echo x; }; function g { ls; }; function k () { id; }; h () { df; }; (cd /x)"),
    ).toEqual([
      [null, "echo", ["x"]],
      [";", null, []],
      [";", "ls", []],
      [";", null, []],
      [";", "id", []],
      [";", null, []],
      [";", "df", []],
      [";", null, []],
      [";", "cd", ["/x"]],
    ]);
    expect(names("echo function f; echo a (b)")).toEqual([
      [null, "echo", ["function", "f"]],
      [";", "echo", ["a"]],
      [";", "b", []],
    ]);
  });

  it("reads a bash array assignment as one word over its lines, and NAME+= as an assignment", () => {
    expect(
      names('PKGS=(\n  curl\n  "wget"\n)\napt-get install "${PKGS[@]}"\narr+=(z) PATH+=:/x cmd'),
    ).toEqual([
      [null, null, []],
      ["\n", "apt-get", ["install", "${PKGS[@]}"]],
      ["\n", "cmd", []],
    ]);
    expect(parseShell("A=(x 'y)' z) run")[0]!.words[0]!.value).toBe("A=(x 'y)' z)");
  });

  it("reads every word as written, however many words of every length repeat (short words are shared)", () => {
    // Deterministic words, each followed by its prefixes and repeated: words that share a slot of the table of
    // recent words and start alike must still be read as written.
    const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-_./";
    const words: string[] = [];
    for (let i = 0; i < 3000; i++) {
      let word = "";
      for (let k = 0; k < 14; k++) word += alphabet[(i * 13 + k * (1 + (i % 7))) % alphabet.length];
      for (let length = 14; length > 0; length--) words.push(word.slice(0, length));
    }
    const [command] = parseShell(`echo ${words.join(" ")} ${words.join(" ")}`);
    expect(command!.args.map((w) => w.value)).toEqual([...words, ...words]);
    expect(command!.args.map((w) => w.raw)).toEqual([...words, ...words]);
  });

  it.each([
    [
      "apt-get update && apt-get install -y curl",
      [
        [null, "apt-get", ["update"]],
        ["&&", "apt-get", ["install", "-y", "curl"]],
      ],
    ],
    [
      "a; b || c | d & e",
      [
        [null, "a", []],
        [";", "b", []],
        ["||", "c", []],
        ["|", "d", []],
        ["&", "e", []],
      ],
    ],
    ["echo 'a && b' \"c; d\"", [[null, "echo", ["a && b", "c; d"]]]],
    ["FOO=1 BAR=2 make all", [[null, "make", ["all"]]]],
    ["sudo -u app npm ci", [[null, "npm", ["ci"]]]],
    [
      "if [ -f x ]; then rm x; fi",
      [
        [null, "[", ["-f", "x", "]"]],
        [";", "rm", ["x"]],
        [";", null, []],
      ],
    ],
    ["echo $(date +%s) ${A:-b c}", [[null, "echo", ["$(date +%s)", "${A:-b c}"]]]],
    [
      "echo a # not && a command\nls",
      [
        [null, "echo", ["a"]],
        ["\n", "ls", []],
      ],
    ],
    [
      "(cd /x && make)",
      [
        [null, "cd", ["/x"]],
        ["&&", "make", []],
      ],
    ],
    ['echo a\\ b \\"c', [[null, "echo", ["a b", '"c']]]],
    ["", []],
  ] as const)("%j", (script, expected) => {
    expect(names(script)).toEqual(expected);
  });

  it("keeps word offsets", () => {
    const [cmd] = parseShell("  npm   install  ");
    expect(cmd?.start).toBe(2);
    expect(cmd?.args[0]).toMatchObject({ start: 8, end: 15, raw: "install" });
  });

  it.each([
    ["if true; then rm -rf /x; fi", ["true", "rm -rf /x", "fi"]],
    ["while read l; do ! grep -q x f; done", ["read l", "grep -q x f", "done"]],
    ["{ echo a; } > f", ["echo a", "} > f"]],
  ] as const)("starts %j's commands after the reserved words", (script, expected) => {
    expect(parseShell(script).map((c) => script.slice(c.start, c.end))).toEqual(expected);
  });

  it.each([
    ["{ echo a; echo '$b'; } > f", [["> f", null]]],
    ["( echo a; echo '$b' ) >> f 2>&1 | tee g", [[">> f 2>&1", "| tee g"]]],
    ["(echo '$b') | pecl install", [["", "| pecl install"]]],
    [
      "{ { echo '$b'; } | cat; } > f",
      [
        ["", "| cat"],
        ["> f", null],
      ],
    ],
    [
      "( cd x && { echo '$b'; } ) > f; echo y",
      [
        ["", "; > f"],
        ["> f", "; echo y"],
      ],
    ],
    ["case $x in a) echo '$b';; esac", []],
    ["{ echo a; } > f; echo '$b'", []],
    ["{ echo '$b'", []],
  ] as const)("finds the groups around the command in %j", (script, expected) => {
    const commands = parseShell(script);
    const index = commands.findIndex((c) => c.args.some((a) => a.raw === "'$b'"));
    const groups = enclosingGroups(script, commands, index).map((g) => [
      g.redirects.map((r) => script.slice(r.start, r.end)).join(" "),
      g.next && `${g.next.operator} ${script.slice(g.next.start, g.next.end)}`,
    ]);
    expect(groups).toEqual(expected);
  });

  it("marks sudo", () => {
    expect(parseShell("sudo apt-get update")[0]?.sudo).toBe(true);
    expect(parseShell("apt-get update")[0]?.sudo).toBe(false);
  });

  it.each([
    [
      "a;;b",
      [
        [null, "a", []],
        [";;", "b", []],
      ],
    ],
    [
      "a |& b",
      [
        [null, "a", []],
        ["|&", "b", []],
      ],
    ],
    ["A_1=x _=y cmd", [[null, "cmd", []]]],
    ["1A=x cmd", [[null, "1A=x", ["cmd"]]]],
    ["=x cmd", [[null, "=x", ["cmd"]]]],
    ["sudo -E -u app -g grp cmd x", [[null, "cmd", ["x"]]]],
    [
      "if true; then x; fi",
      [
        [null, "true", []],
        [";", "x", []],
        [";", null, []],
      ],
    ],
  ] as const)("%j", (script, expected) => {
    expect(names(script)).toEqual(expected);
  });

  it.each([
    // Plain words and `$NAME` are one slice, their own raw text.
    ["plain", "plain", "plain"],
    ["$HOME/bin:$PATH", "$HOME/bin:$PATH", "$HOME/bin:$PATH"],
    ["a$", "a$", "a$"],
    // Quotes and escapes are dropped from the value only.
    ["a'b c'd", "ab cd", "a'b c'd"],
    ['"a \\"b\\" \\\\ \\$x \\n"', 'a "b" \\ $x \\n', '"a \\"b\\" \\\\ \\$x \\n"'],
    ['"line\\\ncont"', "linecont", '"line\\\ncont"'],
    ["a\\ b\\", "a b", "a\\ b\\"],
    // Substitutions are kept as written, quotes and brackets inside them included.
    ["\"$(echo 'a)')\"x", "$(echo 'a)')x", "\"$(echo 'a)')\"x"],
    ["${A:-a b}c", "${A:-a b}c", "${A:-a b}c"],
    ["`a b`c", "`a b`c", "`a b`c"],
    // `>` and `<` end a word unless they start it or open a process substitution.
    ["a>b", "a", "a"],
    ["<(x)", null, null],
    ["é'ü'", "éü", "é'ü'"],
  ] as const)("reads the word %j", (script, value, raw) => {
    const word = parseShell(script)[0]?.words[0];
    expect(word ? [word.value, word.raw, script.slice(word.start, word.end)] : [null, null, null]).toEqual([
      value,
      raw,
      raw,
    ]);
  });

  it("gives each command its own words, args the tail of them", () => {
    const commands = parseShell("a b c; d\ne f");
    expect(commands.map((c) => c.words.map((w) => w.value))).toEqual([["a", "b", "c"], ["d"], ["e", "f"]]);
    for (const c of commands) expect(c.args).toEqual(c.words.slice(c.words.length - c.args.length));
    expect(commands[0]!.words).not.toBe(commands[2]!.words);
  });

  it("never throws on unbalanced input", () => {
    for (const s of ["'", '"', "$(", "${", "`", "\\", "(((", ")))", "a && && b"])
      expect(() => parseShell(s)).not.toThrow();
  });
});

describe("helpers", () => {
  const cmds = parseShell("apt-get -qy install --no-install-recommends curl && /usr/bin/npm ci");
  it("finds commands by base name", () => {
    expect(findCommands(cmds, "npm").map((c) => subcommand(c))).toEqual(["ci"]);
  });
  it("finds flags in clusters and long form", () => {
    const apt = findCommands(cmds, "apt-get")[0]!;
    expect(hasFlag(apt, "y", "yes", "assume-yes")).toBe(true);
    expect(hasFlag(apt, null, "no-install-recommends")).toBe(true);
    expect(hasFlag(apt, "f", "fix-broken")).toBe(false);
  });
  it("knows the shells, busybox's included", () => {
    expect(
      parseShell("sh -c x; /bin/mksh; busybox ash -c y; busybox wget; python -c z").map(isShell),
    ).toEqual([true, true, true, false, false]);
    expect([["/bin/ksh"], ["busybox", "sh"], ["busybox"], ["node"]].map(runsShell)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
  it("knows a script that ends by exec-ing its program", () => {
    const ends = (script: string) => execsLast(parseShell(script));
    expect(
      [
        "exec gunicorn --bind :$PORT app:app",
        "cd /app && exec node server.js",
        "set -e; PORT=80 exec nginx -g 'daemon off;'",
        "prepare\nexec ./server",
      ].map(ends),
    ).toEqual([true, true, true, true]);
    expect(
      [
        "node server.js",
        "exec node a.js && node b.js",
        "true || exec ./server",
        "producer | exec ./consumer",
        "exec >/var/log/app.log 2>&1",
        "echo exec",
        "",
      ].map(ends),
    ).toEqual([false, false, false, false, false, false, false]);
  });
});

describe("redirections", () => {
  it.each([
    [
      "apt-get install curl > /dev/null 2>&1 | tee log",
      [
        [null, "apt-get", ["install", "curl"]],
        ["|", "tee", ["log"]],
      ],
    ],
    ["echo a>b &>/dev/null", [[null, "echo", ["a"]]]],
    ["cat <<EOF > /x", [[null, "cat", []]]],
    ["<<EOF", [[null, null, []]]],
  ] as const)("%j", (script, expected) => {
    expect(names(script)).toEqual(expected);
  });
  it.each([
    ["a <<<word", "<<<", "word"],
    ["a <<-EOF", "<<-", "EOF"],
    ["a <> f", "<>", "f"],
    ["a <&3", "<&", "3"],
    ["a >|f", ">|", "f"],
    ["a &>>log", "&>>", "log"],
    ["a 10>&1", ">&", "1"],
    ["a 2>", ">", null],
    ["a > ;", ">", null],
    ["a >\nb", ">", null],
  ] as const)("reads %j", (script, op, target) => {
    const [redirect] = parseShell(script)[0]!.redirects;
    expect([redirect?.op, redirect?.target?.value ?? null]).toEqual([op, target]);
    expect(script.slice(redirect!.start, redirect!.end).trimEnd()).toBe(
      script
        .slice(script.indexOf(" ") + 1)
        .split(/[;\n]/)[0]!
        .trimEnd(),
    );
  });
  it("keeps the operator and target", () => {
    const [cmd] = parseShell("make 2>&1 >>log <<-'EOF'");
    expect(cmd?.redirects.map((r) => [r.op, r.target?.value])).toEqual([
      [">&", "1"],
      [">>", "log"],
      ["<<-", "EOF"],
    ]);
  });
});

describe("operands", () => {
  it.each([
    ["apt-get install -y -t buster-backports curl", ["-t", "--target-release"], ["install", "curl"]],
    ["apt-get install --target-release=buster curl", ["-t", "--target-release"], ["install", "curl"]],
    ["pip install -i https://x -r req.txt --no-deps a -- -b", ["-i", "-r"], ["install", "a", "-b"]],
    ["apk add -qt .deps gcc", ["-t"], ["add", "gcc"]],
    ["go build -ldflags '-s -w' -o /out ./cmd", ["-ldflags", "-o"], ["build", "./cmd"]],
    ["tool -x - a b", ["-"], ["b"]],
    ["tool -qa3 x y -- -z", ["-3"], ["y", "-z"]],
    ["tool - '' x", [], ["-", "", "x"]],
  ] as const)("%s", (script, options, expected) => {
    expect(operands(parseShell(script)[0]!, { values: options }).map((w) => w.value)).toEqual(expected);
  });
});

describe("runShell", () => {
  const run = (code: string) => {
    const { ast } = parse(code);
    const node = ast.instructions.find((i) => i.type === "Run") as Run;
    return { code, node, shell: runShell(node, null) };
  };
  const spelled = (code: string, word: string) => {
    const { shell } = run(code);
    const w = shell.commands.flatMap((c) => c.words).find((x) => x.value === word)!;
    const [start, end] = shell.span(w.start, w.end);
    return code.slice(start, end);
  };
  it("maps words across continuations and comment lines", () => {
    const code = "FROM a\nRUN apt-get update \\\n# note\n    && apt-get install \\  \n  curl\n";
    expect(run(code).shell.script).toBe(run(code).node.args[0]!.value);
    expect(spelled(code, "curl")).toBe("curl");
    expect(spelled(code, "install")).toBe("install");
  });
  it("maps words of an ONBUILD trigger", () => {
    const code = "FROM a\nONBUILD RUN apt-get install \\\n   curl\n";
    const { ast } = parse(code);
    const node = (ast.instructions[1] as Onbuild).trigger as Run;
    const shell = runShell(node, null);
    const w = shell.commands[0]!.args[1]!;
    expect(code.slice(...shell.span(w.start, w.end))).toBe("curl");
  });
  it("reads heredoc bodies fed to a shell, not data heredocs", () => {
    expect(spelled("FROM a\nRUN <<EOF\napt-get update\nEOF\n", "update")).toBe("update");
    expect(spelled("FROM a\nRUN bash -e <<EOF\nset -x\nEOF\n", "-x")).toBe("-x");
    expect(
      run("FROM a\nRUN cat <<EOF > /x.sh\napt-get update\nEOF\n").shell.commands.map((c) => c.name),
    ).toEqual(["cat"]);
    expect(
      run("FROM a\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1)\nEOF\n").shell.commands.map((c) => c.name),
    ).toEqual([null]);
  });
  it("maps exec form elements", () => {
    expect(spelled('FROM a\nRUN ["apt-get", "install", "curl"]\n', "curl")).toBe("curl");
    expect(spelled('FROM a\nRUN ["sh", "-c", "apt-get install curl"]\n', "curl")).toBe("curl");
    expect(spelled('FROM a\nRUN ["sh", "-c", "echo \\"a\\" && apt-get install curl"]\n', "curl")).toBe(
      '"echo \\"a\\" && apt-get install curl"',
    );
  });
  it.each([
    [
      "continuation and comment lines",
      "FROM a\nRUN apt-get update \\\n# note\n    && apt-get install \\  \n  curl\n",
    ],
    ["CRLF line breaks", "FROM a\r\nRUN echo a \\\r\n  && echo b\r\n"],
    [
      "a byte order mark, tabs and multibyte characters",
      "\ufeffFROM a\nRUN\techo 'é ✓ 𝄞' \\\n\t&& printf 'ü'\n",
    ],
    ["an escape directive", "# escape=`\nFROM a\nRUN echo a `\n  b\n"],
    ["heredoc bodies", "FROM a\nRUN <<EOF bash\necho é\nEOF\nRUN cat <<X && sh <<Y\ndata\nX\necho y\nY\n"],
    ["an ONBUILD trigger", "FROM a\nONBUILD RUN apt-get install \\\n   curl\n"],
    ["many continuation lines", `FROM a\nRUN echo start \\\n${"  && echo ✓ \\\n".repeat(300)}  && true\n`],
  ])("maps each character of the script to the same one in the source: %s", (_, code) => {
    const { ast } = parse(code);
    const runs = ast.instructions.map((i) => (i.type === "Onbuild" ? i.trigger : i));
    let checked = 0;
    for (const node of runs) {
      if (node?.type !== "Run") continue;
      const shell = runShell(node, null);
      for (let o = 0; o < shell.script.length; o++) {
        // The line break that joins a heredoc body to the command maps to the whole argument.
        if (shell.script[o] === "\n") continue;
        expect(code.slice(...shell.span(o, o + 1))).toBe(shell.script[o]);
        checked++;
      }
      for (const w of shell.commands.flatMap((c) => c.words))
        if (!w.raw.includes("\n"))
          expect(code.slice(...shell.span(w.start, w.end)).replace(/[`\\]\r?\n\s*/g, "")).toBe(w.raw);
    }
    expect(checked).toBeGreaterThan(5);
  });
});

describe("hasCacheMount", () => {
  it("matches cache and tmpfs targets", () => {
    const node = { mounts: [{ mountType: "cache", target: "/var/cache/apk/" }] };
    expect(hasCacheMount(node, "/var/cache/apk")).toBe(true);
    expect(hasCacheMount(node, "/root/.cache/pip")).toBe(false);
    expect(
      hasCacheMount({ mounts: [{ mountType: "bind", target: "/var/cache/apk" }] }, "/var/cache/apk"),
    ).toBe(false);
  });
});

describe("commandWord", () => {
  it("is the word after assignments and sudo", () => {
    expect(commandWord(parseShell("A=1 sudo -u x apt-get install y")[0]!)).toMatchObject({
      value: "apt-get",
      start: 14,
    });
    expect(commandWord(parseShell("<<EOF")[0]!)).toBeNull();
  });
});

describe("commandSubstitutions", () => {
  const inner = (script: string) => {
    const lists = commandSubstitutions(script, parseShell(script));
    return lists.map((cmds) => cmds.map((c) => [c.name, ...c.args.map((a) => script.slice(a.start, a.end))]));
  };
  it.each([
    [
      "echo $(curl -k https://x | jq .a)",
      [
        [
          ["curl", "-k", "https://x"],
          ["jq", ".a"],
        ],
      ],
    ],
    ['V="$(wget -qO- u)" make', [[["wget", "-qO-", "u"]]]],
    ["echo `date +%s` $(echo $(id -u))", [[["date", "+%s"]], [["echo", "$(id -u)"]], [["id", "-u"]]]],
    ["echo '$(not run)' $((1 + 2))", []],
    ["cat > $(mktemp)", [[["mktemp"]]]],
    ["echo $(unclosed", [[["unclosed"]]]],
    [
      'echo "$(a $(b `c d`) e)" > $(f)',
      [[["a", "$(b `c d`)", "e"]], [["b", "`c d`"]], [["c", "d"]], [["f"]]],
    ],
  ] as const)("%s", (script, expected) => {
    expect(inner(script)).toEqual(expected);
  });
  it("keeps offsets that runShell can map", () => {
    const code = "FROM a\nRUN V=$(curl \\\n  -k https://x)\n";
    const { ast } = parse(code);
    const shell = runShell(ast.instructions[1] as Run, null);
    const k = commandSubstitutions(shell.script, shell.commands)[0]![0]!.args[0]!;
    expect(code.slice(...shell.span(k.start, k.end))).toBe("-k");
  });
});

describe("switchTests", () => {
  it.each([
    ['[ -z "$X" ] && test -n "${X}" && [[ $X ]]', 3],
    ['if [ "$X" = "true" ] || [ 0 -ne $X ] || [[ no != "$X" ]]; then a; fi', 3],
    ['if echo "$X" | grep -qi FALSE; then a; fi', 1],
    ['[ ! -n "$X" -a -f /f ]', 1],
    ['[ "$X" = 1.2.3 ] || [ "$X" = "$Y" ] || [ -z "${X:-}" ] || [ "v$X" ]', 0],
    ['echo "$X" | grep -q 1.2 || echo "$X" | tr a b || echo "$X" "$Y" | grep -q true', 0],
    ['[ -z "$XY" ] && [ "$X" -eq 1 -o "$Y" ]', 1],
  ])("%s → %i", (script, count) => {
    expect(switchTests(parseShell(script), "X")).toBe(count);
  });
});
