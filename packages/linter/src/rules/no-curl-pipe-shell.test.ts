import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-curl-pipe-shell.js";

ruleTester.run(rule, {
  valid: [
    "FROM debian:12\nRUN curl -fsSL https://x/key.gpg | gpg --dearmor -o /usr/share/keyrings/x.gpg\n",
    "FROM debian:12\nRUN curl -fsSLo /tmp/i.sh https://x/i.sh | sh\n",
    "FROM debian:12\nRUN curl -fsSLO https://x/i.sh | sh\n",
    "FROM debian:12\nRUN wget https://x/i.sh | sh\n",
    "FROM debian:12\nRUN curl -s https://x/v.json | python3 -c 'import sys'\n",
    "FROM debian:12\nRUN curl -s https://x | bash -c 'cat > /x'\n",
    "FROM debian:12\nRUN curl -fsSL https://x/i.sh | tee /x && sh /x\n",
    "FROM debian:12\nRUN curl -fsSL https://x/i.sh > /x; bash /x\n",
    "FROM debian:12\nRUN curl -fsSL https://x/i.sh | bash /tmp/other.sh\n",
    'FROM debian:12\nRUN echo "curl https://x | sh" > /README\n',
    'FROM debian:12\nRUN V="$(curl -fsSL https://x/version)" && echo $V\n',
  ],
  invalid: [
    {
      name: "busybox's sh is a shell too",
      code: "FROM alpine:3.20\nRUN wget -qO- https://example.com/install.sh | busybox sh\n",
      errors: [{ messageId: "pipe", line: 2, column: 48, endColumn: 55 }],
    },
    {
      code: "FROM debian:12\nRUN curl -fsSL https://deb.nodesource.com/setup_22.x | bash - \\\n && apt-get install -y nodejs\n",
      errors: [
        {
          messageId: "pipe",
          message:
            "Output of 'curl' is run by 'bash' without being checked; download it to a file and verify it first.",
          line: 2,
          column: 56,
          endLine: 2,
          endColumn: 60,
        },
      ],
    },
    {
      code: "FROM debian:12\nRUN set -e; \\\n  curl -sSf https://sh.rustup.rs \\\n    | sh -s -- -y\n",
      errors: [{ messageId: "pipe", line: 4, column: 7, endColumn: 9 }],
    },
    {
      code: "FROM alpine:3\nRUN wget -O- -nv https://x/install.sh | sh -s v1.2\n",
      errors: [{ messageId: "pipe", line: 2, column: 41 }],
    },
    {
      code: "FROM alpine:3\nRUN wget --output-document=- https://x/i.sh | sudo -E bash\n",
      errors: [{ messageId: "pipe", line: 2, column: 55 }],
    },
    {
      code: "FROM debian:12\nRUN curl -sSL https://aka.ms/getvsdbgsh | bash /dev/stdin -v latest\n",
      errors: [{ messageId: "pipe", line: 2, column: 43 }],
    },
    {
      code: "FROM python:3\nRUN curl https://bootstrap.pypa.io/get-pip.py | python3.12\n",
      errors: [{ messageId: "pipe", line: 2, column: 49, endColumn: 59 }],
    },
    {
      code: "FROM debian:12\nRUN curl -s https://x | gunzip | /bin/sh\n",
      errors: [{ messageId: "pipe", line: 2, column: 34, endColumn: 41 }],
    },
    {
      code: 'FROM debian:12\nRUN sh -c "$(curl -fsSL https://x/install.sh)" "" --unattended\n',
      errors: [{ messageId: "substitution", line: 2, column: 14, endColumn: 18 }],
    },
    {
      code: 'FROM debian:12\nRUN eval "$(wget -qO- https://x/env)"\n',
      errors: [{ messageId: "substitution", line: 2, column: 13 }],
    },
    {
      code: "FROM debian:12\nRUN X=$(curl -s https://x | sh)\n",
      errors: [{ messageId: "pipe", line: 2, column: 29 }],
    },
    {
      code: 'FROM debian:12\nRUN ["/bin/sh", "-c", "curl -s https://x | sh"]\n',
      errors: [{ messageId: "pipe", line: 2, column: 44, endColumn: 46 }],
    },
    {
      code: "FROM debian:12\nRUN <<EOF\nset -e\ncurl -s https://x | bash\nEOF\n",
      errors: [{ messageId: "pipe", line: 4, column: 21 }],
    },
  ],
});
