import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-insecure-tls.js";

ruleTester.run(rule, {
  valid: [
    "FROM debian:12\nRUN apt-get -o Acquire::https::Verify-Peer=true update\n",
    "FROM debian:12\nRUN curl -fsSL https://x/a.tgz | tar -xz\n",
    "FROM debian:12\nRUN curl -K /etc/curlrc https://x\n",
    "FROM debian:12\nRUN echo 'curl -k https://x' > /notes\n",
    "FROM debian:12\nRUN wget -q -O /a https://x\n",
    "FROM debian:12\nRUN pip install --index-url https://pypi.x/simple a\n",
    "FROM debian:12\nRUN git config --global http.sslVerify true\n",
    "FROM debian:12\nRUN npm config set strict-ssl true && npm ci\n",
    "FROM debian:12\nRUN yum-config-manager --setopt=sslverify=1 --save\n",
    "FROM debian:12\nRUN git -c http.sslVerify=true clone https://x\n",
  ],
  invalid: [
    {
      code: "FROM debian:12\nRUN apt-get -o Acquire::https::Verify-Peer=false update\n",
      errors: [{ messageId: "insecure", line: 2, column: 16, endColumn: 49 }],
    },
    {
      code: "FROM debian:12\nRUN apt-get update -o Acquire::https::deb.example.com::Verify-Peer=0 && apt-get install -y x\n",
      errors: [{ messageId: "insecure", line: 2 }],
    },
    {
      code: "FROM debian:12\nRUN curl -sSLk https://x/a.tgz | tar -xz\n",
      errors: [{ messageId: "insecure", line: 2, column: 10, endColumn: 15 }],
    },
    {
      code: "FROM debian:12\nRUN curl --insecure \\\n    -o /a https://x\n",
      errors: [{ messageId: "insecure", line: 2, column: 10, endColumn: 20 }],
    },
    {
      code: "FROM debian:12\nRUN wget --no-check-certificate -O /a https://x\n",
      errors: [{ messageId: "insecure", line: 2, column: 10, endColumn: 32 }],
    },
    {
      code: "FROM debian:12\nRUN python3 -m pip install --trusted-host=pypi.x a\n",
      errors: [{ messageId: "insecure", line: 2, column: 28, endColumn: 49 }],
    },
    {
      code: "FROM debian:12\nRUN pip config set global.trusted-host pypi.x\n",
      errors: [{ messageId: "insecure", line: 2, column: 20, endColumn: 39 }],
    },
    {
      code: "FROM debian:12\nRUN uv pip install --allow-insecure-host pypi.x a\n",
      errors: [{ messageId: "insecure", line: 2, column: 20, endColumn: 41 }],
    },
    {
      code: "FROM debian:12\nRUN git -c http.sslVerify=false clone https://x\n",
      errors: [{ messageId: "insecure", line: 2, column: 12, endColumn: 32 }],
    },
    {
      code: "FROM debian:12\nRUN git config --global http.https://x.sslverify false\n",
      errors: [{ messageId: "insecure", line: 2, column: 25, endColumn: 49 }],
    },
    {
      code: "FROM debian:12\nRUN yarn config set strict-ssl false\n",
      errors: [{ messageId: "insecure", line: 2, column: 21, endColumn: 31 }],
    },
    {
      code: "FROM debian:12\nRUN npm install --strict-ssl=false\n",
      errors: [{ messageId: "insecure", line: 2, column: 17, endColumn: 35 }],
    },
    {
      code: "FROM debian:12\nRUN npm config set strict-ssl=false\n",
      errors: [{ messageId: "insecure", line: 2, column: 20, endColumn: 36 }],
    },
    {
      code: "FROM debian:12\nRUN yum-config-manager --save --setopt=docker-ce.sslverify=false\n",
      errors: [{ messageId: "insecure", line: 2, column: 31, endColumn: 65 }],
    },
    {
      code: "FROM debian:12\nRUN dnf install -y --setopt=sslverify=0 git\n",
      errors: [{ messageId: "insecure", line: 2, column: 20, endColumn: 40 }],
    },
    {
      code: "FROM debian:12\nRUN conda config --set ssl_verify no\n",
      errors: [{ messageId: "insecure", line: 2, column: 24, endColumn: 34 }],
    },
    {
      code: "FROM debian:12\nRUN V=$(curl -k https://x/v) && echo $V\n",
      errors: [{ messageId: "insecure", line: 2, column: 14, endColumn: 16 }],
    },
    {
      code: "FROM debian:12\nRUN curl -k https://a && wget --no-check-certificate https://b\n",
      errors: [
        { messageId: "insecure", line: 2, column: 10, endColumn: 12 },
        { messageId: "insecure", line: 2, column: 31, endColumn: 53 },
      ],
    },
  ],
});
