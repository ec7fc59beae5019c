import { ruleTester } from "../testing/rule-tester.js";
import rule from "./no-hardcoded-secret.js";

ruleTester.run(rule, {
  valid: [
    `FROM alpine:3
ENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE
`,
    `FROM alpine:3
ENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305
`,
    `FROM node:22
RUN echo '//registry.npmjs.org/:_authToken=\${NPM_TOKEN}' > .npmrc
`,
    `FROM alpine:3
RUN echo '-----BEGIN PUBLIC KEY-----' > /k.pem
`,
    `FROM alpine:3
RUN ssh-keygen -t ed25519 -f /k && grep -q 'BEGIN OPENSSH' /k
`,
    `FROM alpine:3
LABEL sha=ghp_short
`,
  ],
  invalid: [
    {
      code: `FROM alpine:3
ENV AWS_ACCESS_KEY_ID=AKIA81U33XTPLPFT75V2
`,
      errors: [{ messageId: "secret", line: 2, column: 23, endColumn: 43 }],
    },
    {
      code: `FROM alpine:3
RUN git clone https://ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d@github.com/o/r.git
`,
      errors: [{ messageId: "secret", line: 2, column: 23, endColumn: 63 }],
    },
    {
      code: `FROM node:22
RUN echo "//registry.npmjs.org/:_authToken=npm_KLzdocJ2isAjIhKtJ0RlgLKOmxgJTeKdNnFR" > .npmrc
`,
      errors: [{ messageId: "secret", line: 2, column: 44, endColumn: 84 }],
    },
    {
      code: `FROM node:22
RUN echo "//npm.example.com/:_authToken=s3cr3t-t0ken-value" > .npmrc
`,
      errors: [{ messageId: "secret", line: 2, column: 11, endColumn: 59 }],
    },
    {
      code: `FROM alpine:3
COPY <<EOF /root/.ssh/id_ed25519
-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAA
-----END OPENSSH PRIVATE KEY-----
EOF
`,
      errors: [{ messageId: "secret", line: 3, column: 1, endColumn: 36 }],
    },
    {
      code: `FROM alpine:3
ARG GITLAB=glpat-sMehGAkWvj7FAc9QeWJK
ENV MAPS=AIzaY40uvSwMFLZDe1f8rESQedUStPKR0CsTy4Q \\
    HUB=dckr_pat_wb8DwkNhFdnXsiVpzz63FfkCzJr
`,
      errors: [
        { messageId: "secret", line: 2, column: 12, endColumn: 38 },
        { messageId: "secret", line: 3, column: 10, endColumn: 49 },
        { messageId: "secret", line: 4, column: 9, endColumn: 45 },
      ],
    },
    {
      code: `FROM alpine:3
LABEL key=sk_live_4i0B3JrTAwR4y9ojfljoQoaF
`,
      errors: [{ messageId: "secret", line: 2, column: 11, endColumn: 43 }],
    },
  ],
});
