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
    // Other hints come first, and the Slack one overlaps the npm one (`…/services/:_auth…`): hints are each found.
    {
      code: `FROM node:22
ENV npm_config_loglevel=warn
RUN echo https://hooks.slack.com/services/:_authToken=abcd1234efgh > .npmrc
`,
      errors: [{ messageId: "secret", line: 3, column: 16, endColumn: 67 }],
    },
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
    // One format per line, each found only when the file holds its literal hint.
    {
      code: `FROM alpine:3
LABEL k0=xoxb-600206662660-4gaSMyqces2QkkwcsCK4S8SE
LABEL k1=https://hooks.slack.com/services/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
LABEL k2=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
LABEL k3=rk_live_4gaSMyqces2QkkwcsCK4S8SEIA
LABEL k4=ASIA00SC8WK8OWWC0SSC
LABEL k5=pypi-AgEIcHlwaS5vcmc4gaSMyqces2QkkwcsCK4S8SEIAmmGQiwcS8koSo6mmEeQSEY8Sm4KGEuSUCS
LABEL k6=sk-proj-4gaSMyqces2QkkwcsCK4S8SET3BlbkFJ4gaSMyqces2QkkwcsCK4S8SE
LABEL k7=sk-ant-api03-4gaSMyqces2QkkwcsCK4S8SEIAmmGQiwcS8koSo6mmEeQSEY8Sm4KGEuSUCSC448Mk8gci2SEAosiY4Cw8RqW0WmGC
LABEL k8=//npm.example.com/:_password=4gaSMyqces2Qkkwc
`,
      errors: [
        { messageId: "secret", line: 2, column: 10, endColumn: 52 },
        { messageId: "secret", line: 3, column: 10, endColumn: 87 },
        { messageId: "secret", line: 4, column: 10, endColumn: 103 },
        { messageId: "secret", line: 5, column: 10, endColumn: 44 },
        { messageId: "secret", line: 6, column: 10, endColumn: 30 },
        { messageId: "secret", line: 7, column: 10, endColumn: 90 },
        { messageId: "secret", line: 8, column: 10, endColumn: 74 },
        { messageId: "secret", line: 9, column: 10, endColumn: 113 },
        { messageId: "secret", line: 10, column: 10, endColumn: 55 },
      ],
    },
  ],
});
