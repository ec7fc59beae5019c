import { ruleTester } from "../testing/rule-tester.js";
import rule from "./heredoc-expanded-early.js";

ruleTester.run(rule, {
  valid: [
    {
      name: "a quoted delimiter passes the body as written",
      code: `FROM debian:12
RUN <<'EOF' bash
for f in /etc/*.conf; do echo "$f"; done
EOF
RUN <<"EOF" bash
x=1; echo $x
EOF
RUN bash <<\\EOF
x=1; echo $x
EOF
`,
    },
    {
      name: "a lone heredoc is the script: BuildKit does not hand it to a second shell",
      code: `FROM debian:12
RUN <<EOF
for f in /etc/*.conf; do echo "$f"; done
EOF
RUN <<-EOF
\tx=1; echo $x
\tEOF
`,
    },
    {
      name: "ARG and ENV names, and a $ the body escapes for the outer shell",
      code: `FROM debian:12
ARG VERSION=1
ENV PREFIX=/opt
RUN <<EOF bash
set -eu
echo "$VERSION \${PREFIX}"
x=1; echo \\$x
total=\\$((x + 1))
EOF
`,
    },
    {
      name: "data for cat, a Python script, a PowerShell SHELL",
      code: `FROM debian:12
RUN cat <<EOF > /etc/app.conf
for x in a; do $x; done
EOF
RUN python3 <<EOF
import re; print(re.sub(r"a$", "", "ba"))
EOF
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command"]
RUN <<EOF cmd
set x=1
EOF
`,
    },
    {
      name: "a variable the script reads but does not set",
      code: `FROM debian:12
RUN <<EOF bash
echo "$HOME $PATH"
EOF
`,
    },
  ],
  invalid: [
    {
      name: "a loop variable of a script fed to bash",
      code: `FROM debian:12
RUN <<EOF bash
set -eu
for conf in /etc/app/*.conf; do
  echo "checking $conf"
done
EOF
`,
      errors: [
        {
          messageId: "shell",
          line: 5,
          column: 18,
          endColumn: 23,
          message:
            "The RUN's shell expands $conf in this heredoc before bash runs it, while the script has not set it yet; quote the delimiter to pass the script as written.",
        },
      ],
      output: `FROM debian:12
RUN <<'EOF' bash
set -eu
for conf in /etc/app/*.conf; do
  echo "checking $conf"
done
EOF
`,
    },
    {
      name: "assignments, read and export; ${x} and single quotes protect nothing",
      code: `FROM debian:12
RUN bash -e <<-EOF
\tversion=$(cat /VERSION)
\techo '\${version}'
\tEOF
RUN sh <<EOF
read -r -p "name? " who
echo $who
EOF
RUN sudo bash -s <<EOF
export CC=clang
make CC=$CC
EOF
`,
      errors: [
        { messageId: "shell", line: 4, column: 8, endColumn: 18 },
        { messageId: "shell", line: 8, column: 6, endColumn: 10 },
        { messageId: "shell", line: 12, column: 9, endColumn: 12 },
      ],
    },
    {
      name: "no fix where the body escapes a $ for the outer shell: quoted, the escape would stay",
      code: `FROM debian:12
RUN <<EOF bash
x=\\$HOME; echo $x
EOF
`,
      errors: [{ messageId: "shell", line: 3, column: 16 }],
      output: null,
    },
    {
      name: "positional parameters, $? and $!",
      code: `FROM debian:12
RUN <<EOF bash -s -- one two
echo "$1"
EOF
RUN <<EOF bash
false || echo "status $?"
EOF
`,
      errors: [
        { messageId: "shell", line: 3, column: 7, endColumn: 9 },
        { messageId: "shell", line: 6, column: 23, endColumn: 25 },
      ],
    },
    {
      name: "Perl and Node variables",
      code: `FROM debian:12
ARG NAME=x
RUN perl <<EOF
my $count = 3; print "$NAME $count\\n";
EOF
RUN <<EOF node
const who = "w"; console.log(\`\${who}\`);
EOF
`,
      errors: [
        {
          messageId: "language",
          line: 4,
          column: 4,
          endColumn: 10,
          message:
            "The RUN's shell expands $count in this heredoc before perl reads it, so the perl variable is lost; quote the delimiter to pass the script as written.",
        },
        { messageId: "language", line: 7, column: 31, endColumn: 37 },
      ],
    },
  ],
});
